// Shared pieces of the fault scenarios (README.md, "Faults"): servers started as a reader's
// host would (`node bin/habarshy.js serve` on 127.0.0.1), throwaway PostgreSQL clusters, a
// newsroom client (http.ts, re-exported here), and the one-line PASS/FAIL verdict with figures.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PASSWORD } from './http.ts';

export * from './http.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/habarshy.js');
const STATS = path.join(ROOT, 'scripts/faults/stats.mjs');
/** `--quick` (CI): shorter loads and fewer rounds. */
export const QUICK = process.argv.includes('--quick') || process.env.FAULTS_QUICK === '1';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** An article body of one paragraph: the newsroom publishes no article without text. */
export const textBody = (text = 'Мақаланың мәтіні.') => ({
  version: 1,
  blocks: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
export const log = (msg: string) => process.stderr.write(`  · ${msg}\n`);

/** A working folder for one scenario, removed at exit. */
export function workDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `habarshy-faults-${name}-`));
  fs.chmodSync(dir, 0o755);
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The verdict of a scenario: checks collected, figures reported, one PASS or FAIL line. */
export class Verdict {
  readonly figures: Record<string, string | number> = {};
  readonly failures: string[] = [];
  constructor(readonly name: string) {}
  figure(key: string, value: string | number): void {
    this.figures[key] = value;
    log(`${key} = ${value}`);
  }
  check(ok: boolean, what: string): boolean {
    if (!ok) {
      this.failures.push(what);
      log(`✗ ${what}`);
    }
    return ok;
  }
  finish(): never {
    const figures = Object.entries(this.figures)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    if (this.failures.length === 0) console.log(`PASS ${this.name}: ${figures}`);
    else console.log(`FAIL ${this.name}: ${this.failures.join('; ')} | ${figures}`);
    process.exit(this.failures.length === 0 ? 0 : 1);
  }
}

/** Runs a scenario's body; an exception is a failure with its message, never a hang. */
export async function scenario(name: string, body: (v: Verdict) => Promise<void>): Promise<never> {
  const v = new Verdict(name);
  const limit = setTimeout(() => {
    v.check(false, 'scenario did not finish within 8 minutes');
    v.finish();
  }, 8 * 60_000);
  limit.unref();
  try {
    await body(v);
  } catch (err) {
    v.check(false, `error: ${(err as Error).stack ?? err}`.slice(0, 600));
  }
  for (const s of servers) s.kill9();
  for (const c of clusters) c.destroy();
  // A server that died by itself: its last words, to tell why.
  for (const s of started) if (s.diedByItself) log(`server on :${s.port} exited ${s.exitCode} by itself: ${s.tail(15)}`);
  return v.finish();
}

// --- Data -------------------------------------------------------------------------------------

/**
 * A seeded SQLite data folder (demo content and photos) to copy for each server: the photos are
 * made once (the slow part of a first start); FAULTS_TEMPLATE keeps them across runs.
 */
export function template(): string {
  const dir = process.env.FAULTS_TEMPLATE ?? path.join(os.tmpdir(), 'habarshy-faults-template');
  if (fs.existsSync(path.join(dir, 'ready'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const shared = path.join(os.tmpdir(), 'habarshy-test-data', 'media');
  if (fs.existsSync(shared)) fs.cpSync(shared, path.join(dir, 'media'), { recursive: true });
  cli(['seed'], { DATA_DIR: dir });
  cli(['user', 'create', '--email', 'chief@faults.test', '--role', 'chief', '--password-stdin'], { DATA_DIR: dir }, `${PASSWORD}\n`);
  fs.writeFileSync(path.join(dir, 'ready'), '');
  return dir;
}

/** A copy of the template: its own SQLite database, the template's photos. */
export function dataDir(work: string, name: string): string {
  const dir = path.join(work, name);
  fs.cpSync(template(), dir, { recursive: true });
  return dir;
}

export function cli(args: string[], env: Record<string, string>, input?: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    input,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`habarshy ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// --- Servers ----------------------------------------------------------------------------------

export interface ServerStats {
  at: number;
  eldMaxMs: number;
  eldP99Ms: number;
  rss: number;
  maxRss: number;
  buffers: number;
  maxBuffers: number;
  heapUsed: number;
}

const servers = new Set<Server>();
const started: Server[] = [];
process.on('exit', () => {
  for (const s of started) fs.rmSync(s.statsFile, { force: true });
});

export class Server {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined = undefined;
  constructor(
    readonly proc: ChildProcess,
    readonly port: number,
    readonly statsFile: string,
  ) {
    servers.add(this);
    started.push(this);
    const keep = (chunk: Buffer) => {
      this.output.push(chunk.toString('utf8'));
      if (this.output.length > 2000) this.output.splice(0, 1000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      proc.on('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        servers.delete(this);
        resolve(code);
      }),
    );
  }
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get alive(): boolean {
    return this.exitCode === undefined;
  }
  stats(): ServerStats | null {
    try {
      return JSON.parse(fs.readFileSync(this.statsFile, 'utf8')) as ServerStats;
    } catch {
      return null;
    }
  }
  /**
   * Waits (at most `maxMs`) until the server has used under 5% of a core for three seconds in a
   * row: a fresh server still seeds, draws the demo photos' sizes and builds its first lists and
   * index for a while, and on a loaded machine that work would be counted as the scenario's.
   */
  async settle(maxMs = 120_000): Promise<void> {
    const pid = this.proc.pid;
    if (pid === undefined) return;
    const cpu = () => {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return NaN;
      }
    };
    const until = Date.now() + maxMs;
    let quiet = 0;
    let last = cpu();
    while (quiet < 3 && Date.now() < until && this.alive) {
      await sleep(1000);
      const now = cpu();
      quiet = now - last < 0.05 ? quiet + 1 : 0;
      last = now;
    }
  }
  /** Starts a new event-loop and memory measurement in the server. */
  async resetStats(): Promise<void> {
    this.proc.kill('SIGUSR2');
    await sleep(400);
  }
  private stopped = false;
  get diedByItself(): boolean {
    return !this.alive && !this.stopped;
  }
  kill9(): void {
    this.stopped = true;
    if (this.alive) this.proc.kill('SIGKILL');
  }
  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.alive) return;
    this.proc.kill('SIGTERM');
    const t = setTimeout(() => this.kill9(), 15_000);
    await this.exited;
    clearTimeout(t);
  }
  /** The server's own words, to tell why it failed. */
  tail(n = 5): string {
    return this.output.join('').trim().split('\n').slice(-n).join(' / ').slice(0, 800);
  }
}

export interface ServerOptions {
  readonly dataDir: string;
  readonly databaseUrl?: string;
  readonly env?: Record<string, string>;
  /** How long to wait for /healthz (a first start on PostgreSQL seeds the demo content). */
  readonly readyWithinMs?: number;
}

export async function startServer(opts: ServerOptions): Promise<Server> {
  const port = await freePort();
  const statsFile = path.join(os.tmpdir(), `habarshy-faults-stats-${process.pid}-${port}.json`);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: 'warn',
    BASE_URL: `http://127.0.0.1:${port}`,
    FAULT_STATS_FILE: statsFile,
    ...opts.env,
  };
  if (opts.databaseUrl) env['DATABASE_URL'] = opts.databaseUrl;
  const proc = spawn(process.execPath, ['--import', STATS, BIN, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const server = new Server(proc, port, statsFile);
  const deadline = Date.now() + (opts.readyWithinMs ?? 180_000);
  while (Date.now() < deadline) {
    if (!server.alive) throw new Error(`server exited (${server.exitCode}) before it was ready: ${server.tail()}`);
    const ok = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await sleep(200);
  }
  server.kill9();
  throw new Error(`server not ready within ${(opts.readyWithinMs ?? 180_000) / 1000} s: ${server.tail()}`);
}

/** Starts a server expected not to run (e.g. a refused second writer): its exit code and words. */
export async function tryStart(
  opts: ServerOptions & { waitMs: number },
): Promise<{ server: Server | null; code: number | null; output: string }> {
  try {
    const server = await startServer({ ...opts, readyWithinMs: opts.waitMs });
    return { server, code: null, output: server.tail() };
  } catch (err) {
    return { server: null, code: 1, output: (err as Error).message };
  }
}

// --- PostgreSQL ---------------------------------------------------------------------------------

const clusters = new Set<PgCluster>();
const PG_BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((d) =>
  fs.existsSync(path.join(d, 'initdb')),
);

export function havePostgres(): boolean {
  return PG_BIN !== undefined;
}

/** A throwaway cluster on a free port with its own socket folder, owned by postgres when we are root. */
export class PgCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {
    clusters.add(this);
  }
  static async start(work: string): Promise<PgCluster> {
    if (!PG_BIN) throw new Error('no PostgreSQL binaries (apt-get install postgresql)');
    const dir = path.join(work, 'pg');
    fs.mkdirSync(dir, { mode: 0o755 });
    if (process.getuid?.() === 0) spawnSync('chown', ['postgres', dir]);
    const c = new PgCluster(dir, await freePort());
    c.pg(['initdb', '-D', `${dir}/data`, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
    c.start();
    return c;
  }
  private pg(args: string[], check = true): string {
    const [cmd, ...rest] = args;
    const full = path.join(PG_BIN!, cmd!);
    const asRoot = process.getuid?.() === 0;
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...rest], { cwd: '/', encoding: 'utf8', timeout: 120_000 })
      : spawnSync(full, rest, { encoding: 'utf8', timeout: 120_000 });
    if (check && r.status !== 0) throw new Error(`${cmd} ${rest.join(' ')}: ${r.stderr || r.stdout}`);
    return r.stdout;
  }
  private options(): string {
    return `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=100`;
  }
  start(): void {
    this.pg(['pg_ctl', '-D', `${this.dir}/data`, '-l', `${this.dir}/log`, '-w', '-o', this.options(), 'start']);
  }
  restart(): void {
    this.pg(['pg_ctl', '-D', `${this.dir}/data`, '-l', `${this.dir}/log`, '-w', '-m', 'fast', '-o', this.options(), 'restart']);
  }
  stop(): void {
    this.pg(['pg_ctl', '-D', `${this.dir}/data`, '-w', '-m', 'fast', 'stop']);
  }
  destroy(): void {
    if (!clusters.delete(this)) return;
    this.pg(['pg_ctl', '-D', `${this.dir}/data`, '-m', 'immediate', 'stop'], false);
  }
  url(db = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }
  async query<T = Record<string, unknown>>(sql: string, db = 'postgres'): Promise<T[]> {
    const client = new pg.Client({ connectionString: this.url(db) });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  /** A fresh database with the template's newsroom chief (the server seeds the rest on start). */
  async database(name: string): Promise<string> {
    await this.query(`CREATE DATABASE ${name}`);
    const url = this.url(name);
    cli(['migrate'], { DATABASE_URL: url });
    cli(['user', 'create', '--email', 'chief@faults.test', '--role', 'chief', '--password-stdin'], { DATABASE_URL: url }, `${PASSWORD}\n`);
    return url;
  }
}
