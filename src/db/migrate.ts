// Runs the frozen migrations in src/db/migrations/ (listed here so bundlers and tests see them).
//
// Under a lock, so that several processes starting at once (WORKERS, several servers behind a load
// balancer, `habarshy migrate` beside a starting server) migrate once: the others wait and find
// nothing left to do. PostgreSQL: Kysely's Migrator takes pg_advisory_lock itself. SQLite: Kysely
// takes no lock at all (two processes would both run 0001 and one fail), so an exclusive
// transaction on a file beside the database is held around the run; the OS releases it when the
// process ends, however it ends.
import SqliteDatabase from 'better-sqlite3';
import { Migrator, SqliteAdapter, sql, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './connect.ts';
import * as m0001 from './migrations/0001_initial.ts';
import * as m0002 from './migrations/0002_api_keys.ts';
import * as m0003 from './migrations/0003_distribution.ts';
import * as m0004 from './migrations/0004_newsroom.ts';
import * as m0006 from './migrations/0006_job_leases.ts';
import * as m0009 from './migrations/0009_edge_purges.ts';
import * as m0008 from './migrations/0008_search.ts';
import * as m0010 from './migrations/0010_scale.ts';
import * as m0012 from './migrations/0012_pages.ts';
import * as m0013 from './migrations/0013_photo_overrides.ts';
import * as m0014 from './migrations/0014_people.ts';
import * as m0015 from './migrations/0015_notification_mail.ts';
import * as m0016 from './migrations/0016_search_scale.ts';
import { analyzeAll } from './statistics.ts';

const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_api_keys': m0002,
  '0003_distribution': m0003,
  '0004_newsroom': m0004,
  '0006_job_leases': m0006,
  '0009_edge_purges': m0009,
  '0008_search': m0008,
  '0010_scale': m0010,
  '0012_pages': m0012,
  '0013_photo_overrides': m0013,
  '0014_people': m0014,
  '0015_notification_mail': m0015,
  '0016_search_scale': m0016,
};

/** How long a process waits for another one's migrations before giving up (SQLite). */
const SQLITE_LOCK_WAIT_MS = 10 * 60_000;

/** Runs fn while holding the migration lock of the database. */
export async function withMigrationLock<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const adapter = db.getExecutor().adapter;
  // PostgreSQL: Kysely's Migrator holds a session advisory lock around the migrations itself, and
  // the creation of its own tables tolerates a race.
  if (!(adapter instanceof SqliteAdapter)) return fn();
  const main = (await sql<{ name: string; file: string }>`select name, file from pragma_database_list`.execute(db)).rows.find(
    (r) => r.name === 'main',
  );
  // An in-memory database has a single connection: nobody to race with.
  if (!main?.file) return fn();
  const lock = new SqliteDatabase(`${main.file}.migrate-lock`, { timeout: 0 });
  try {
    // Polled rather than a busy timeout, which would block this process's event loop meanwhile.
    for (const until = Date.now() + SQLITE_LOCK_WAIT_MS; ;) {
      try {
        lock.exec('BEGIN EXCLUSIVE');
        break;
      } catch (error) {
        if (!/^SQLITE_BUSY/.test((error as { code?: string }).code ?? '') || Date.now() > until) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    try {
      return await fn();
    } finally {
      lock.exec('ROLLBACK');
    }
  } finally {
    lock.close();
  }
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return (result.results ?? []).map((r) => `${r.direction === 'Up' ? 'applied' : 'reverted'} ${r.migrationName}`);
}

/**
 * Runs the pending migrations; when any ran on a database with articles, gathers fresh planner
 * statistics (new indexes have none). An empty database is left unanalyzed: statistics of empty
 * tables would mislead the planner once content arrives (the seed command analyzes after loading).
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return withMigrationLock(db, async () => {
    const done = check(await migrator(db).migrateToLatest());
    if (done.length > 0 && (await db.selectFrom('articles').select('id').limit(1).executeTakeFirst())) await analyzeAll(db);
    return done;
  });
}

export async function migrateDown(db: Db): Promise<string[]> {
  return withMigrationLock(db, async () => check(await migrator(db).migrateDown()));
}

export async function migrateAllDown(db: Db): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const step = await migrateDown(db);
    if (step.length === 0) return done;
    done.push(...step);
  }
}

/** The names of the migrations this version knows, oldest first (a backup names the one it was made at). */
export function migrationNames(): string[] {
  return Object.keys(MIGRATIONS).sort();
}

/** Names of the migrations this build knows that the database has not run (empty: current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  return (await migrator(db).getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
}
