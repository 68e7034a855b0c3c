// The dialects every integration suite runs on: SQLite always, PostgreSQL from TEST_DATABASE_URL
// (scripts/test.sh starts a throwaway cluster). Without a server the suite says so in one line,
// and under CI=true it fails instead of passing silently.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';

export interface TestDatabase {
  readonly dialect: 'sqlite' | 'postgres';
  readonly url: string;
  readonly dataDir: string;
  readonly handle: DbHandle;
  drop(): Promise<void>;
}

export type Dialect = 'sqlite' | 'postgres';

export function dialects(): Dialect[] {
  if (process.env['TEST_DATABASE_URL']) return ['sqlite', 'postgres'];
  const message = 'PostgreSQL: TEST_DATABASE_URL is not set, so the PostgreSQL half of this suite cannot run (npm test starts a cluster)';
  if (process.env['CI']) throw new Error(message);
  process.stderr.write(`# ${message}\n`);
  return ['sqlite'];
}

export function tempDir(prefix = 'habarshy-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A fresh, migrated database of the dialect (its own file or its own PostgreSQL database). */
export async function freshDatabase(dialect: Dialect, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = tempDir();
  let url: string;
  let dropPg: (() => Promise<void>) | null = null;
  if (dialect === 'sqlite') {
    url = `sqlite:${path.join(dataDir, 'test.db')}`;
  } else {
    const admin = process.env['TEST_DATABASE_URL']!;
    const name = `t_${randomBytes(6).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    const u = new URL(admin);
    u.pathname = `/${name}`;
    url = u.toString();
    dropPg = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const handle = connect(url, { poolSize: 4 });
  if (opts.migrate !== false) await migrateToLatest(handle.db);
  return {
    dialect,
    url,
    dataDir,
    handle,
    async drop() {
      await handle.close().catch(() => undefined);
      if (dropPg) await dropPg();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
