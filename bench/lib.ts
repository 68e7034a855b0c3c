// Shared pieces of `npm run bench`: pinning, servers, load generation and c=1 latency.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

export const root = path.resolve(import.meta.dirname, '..');
export const DURATION = Number(process.env['BENCH_SECONDS'] ?? 10);
export const CONNECTIONS = 32;

// On a 2-core machine, pin the load generator to one core and the servers (ours, the bare one,
// PostgreSQL) to the other, so that the two sides never compete for the same core.
export const pinned = os.cpus().length >= 2 && spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' }).status === 0;
export const pin = (args: string[]): [string, string[]] => (pinned ? ['taskset', ['-c', '0', ...args]] : [args[0]!, args.slice(1)]);

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url, { redirect: 'manual' });
      if (r.status < 500) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

export interface Server {
  child: ChildProcess;
  origin: string;
}

export async function startServer(env: Record<string, string>, opts: { allCores?: boolean; nodeArgs?: string[] } = {}): Promise<Server> {
  const port = await freePort();
  const serveArgs = [process.execPath, ...(opts.nodeArgs ?? []), path.join(root, 'bin/habarshy.js'), 'serve'];
  // Several workers get every core (the load generator's too: they compete, as on a real host);
  // a child inherits this process's pinning, so the affinity is widened explicitly.
  const [cmd, args] = opts.allCores
    ? pinned
      ? ['taskset', ['-c', `0-${os.cpus().length - 1}`, ...serveArgs]]
      : [serveArgs[0]!, serveArgs.slice(1)]
    : pin(serveArgs);
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/healthz`, opts.allCores ? 120_000 : 60_000);
  return { child, origin };
}

export async function stop(server: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill(signal);
  await exited;
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  bytes: number;
  errors: number;
  non2xx: number;
}

export async function load(url: string, opts: { connections?: number; gzip?: boolean; seconds?: number } = {}): Promise<Load> {
  const result = await autocannon({
    url,
    connections: opts.connections ?? CONNECTIONS,
    duration: opts.seconds ?? DURATION,
    headers: opts.gzip ? { 'accept-encoding': 'gzip' } : {},
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    bytes: Math.round(result.throughput.average / Math.max(1, result.requests.average)),
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

export interface Latency {
  p50: number;
  p90: number;
  p99: number;
  status: number;
  headerBytes: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET: status, the size of the response head as sent (status line and headers), body drained. */
export function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headerBytes: number; body: Buffer; rawHeaders: string[] }> {
  return new Promise((resolve, reject) => {
    // Node refuses response heads over 16 KB by default; the bench reads up to 4 MB to report them.
    http
      .get(url, { agent, headers, maxHeaderSize: 4 * 1024 * 1024 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let headerBytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
          resolve({ status: res.statusCode ?? 0, headerBytes, body: Buffer.concat(chunks), rawHeaders: res.rawHeaders });
        });
      })
      .on('error', reject);
  });
}

/**
 * Latency at c=1, per request with a high-resolution clock (ms), over `count` requests or until
 * `maxMs` has passed (a slow page is measured over fewer requests instead of stalling the bench).
 */
export async function sequentialLatency(url: string, count = 200, maxMs = 20_000): Promise<Latency> {
  const times: number[] = [];
  const until = Date.now() + maxMs;
  let status = 0;
  let headerBytes = 0;
  for (let i = 0; i < count && (i < 5 || Date.now() < until); i++) {
    const started = process.hrtime.bigint();
    const r = await get(url).catch(() => ({ status: 0, headerBytes: 0 }));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    status = r.status;
    headerBytes = Math.max(headerBytes, r.headerBytes);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => +times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(3);
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), status, headerBytes };
}

export function uptime(): string {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
