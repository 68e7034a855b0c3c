// A throwaway PostgreSQL cluster for the bench (like test/support/ownPostgres.ts), on the servers'
// core, sized for a million articles, removed at the end.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, pinned } from './lib.ts';

const BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find((d) =>
  fs.existsSync(path.join(d, 'initdb')),
);

const asPostgres = (command: string, args: string[]) => {
  const file = path.join(BIN!, command);
  const argv = pinned ? ['taskset', '-c', '0', file, ...args] : [file, ...args];
  if (process.getuid?.() === 0) return execFileSync('runuser', ['-u', 'postgres', '--', ...argv], { cwd: '/', stdio: 'pipe' });
  return execFileSync(argv[0]!, argv.slice(1), { stdio: 'pipe' });
};

export interface BenchPostgres {
  createDatabase(name: string): Promise<string>;
  /**
   * Where the cluster's new connections run (pinned runs): every core while seeding (a batch job
   * the operator runs with the database using its cores: its index builds go in parallel), the
   * servers' core again for the measurements.
   */
  cores(which: 'all' | 'server'): void;
  destroy(): void;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  if (!BIN) throw new Error('PostgreSQL binaries (initdb, pg_ctl) are needed for BENCH_DBS=postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-benchpg-'));
  fs.chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dir]);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  // Durability off (a throwaway), memory for a million articles: shared buffers a quarter of this
  // 24 GB machine (the usual advice), enough for the pages search and the article page read.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=6GB -c max_wal_size=8GB -c checkpoint_timeout=30min -c maintenance_work_mem=512MB`;
  asPostgres('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-o', options, 'start']);
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name}`);
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    cores(which) {
      if (!pinned) return;
      // Backends are forked by the postmaster and take its affinity at that moment.
      const pid = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
      execFileSync('taskset', ['-p', '-c', which === 'all' ? `0-${os.cpus().length - 1}` : '0', pid], { stdio: 'ignore' });
    },
    destroy() {
      try {
        asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop']);
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
