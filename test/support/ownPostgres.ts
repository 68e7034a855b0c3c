// A PostgreSQL cluster of the test's own (as scripts/test.sh starts one), so a test can stop,
// restart and freeze it without disturbing the shared cluster the other suites use.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((d) =>
  fs.existsSync(path.join(d, 'initdb')),
);

export interface OwnPostgres {
  readonly port: number;
  /** A URL of a database in this cluster. */
  url(database?: string): string;
  /** Creates a database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  start(): void;
  /** Fast shutdown: every connection is terminated (57P01). */
  stop(): void;
  /** SIGSTOP to the postmaster and every backend: the server stops answering without closing anything. */
  freeze(): void;
  thaw(): void;
  destroy(): void;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });

const asPostgres = (command: string, args: string[]) => {
  const file = path.join(BIN!, command);
  if (process.getuid?.() === 0) return execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: '/', stdio: 'pipe' });
  return execFileSync(file, args, { stdio: 'pipe' });
};

/** The postmaster and all its children. */
function clusterPids(dataDir: string): number[] {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return [];
  const postmaster = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

/** A backend may end between listing and signalling. */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ESRCH') throw error;
  }
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  if (!BIN) throw new Error('PostgreSQL binaries (initdb, pg_ctl) are needed for the database fault tests');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-ownpg-'));
  fs.chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  const cluster: OwnPostgres = {
    port,
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    start: () => void asPostgres('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-o', options, 'start']),
    stop: () => void asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    freeze: () => clusterPids(dataDir).forEach((pid) => signal(pid, 'SIGSTOP')),
    thaw: () => clusterPids(dataDir).forEach((pid) => signal(pid, 'SIGCONT')),
    destroy() {
      cluster.thaw();
      try {
        asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
