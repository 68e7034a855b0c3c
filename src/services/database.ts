// The database's lifecycle as the command line sees it: open, migrate (up, down, all the way down),
// list what is pending, and tell an outage from a bug. The CLI goes through here, never to src/db.
import { connect, type ConnectOptions, type DbHandle } from '../db/connect.ts';
import { migrateAllDown, migrateDown, migrateToLatest, pendingMigrations } from '../db/migrate.ts';
import { databaseFailure, type DatabaseFailure } from '../db/failures.ts';
import { analyzeAll } from '../db/statistics.ts';

export type { DbHandle };

/** Opens the database at DATABASE_URL (nothing is migrated). */
export function openDatabase(url: string, opts?: ConnectOptions): DbHandle {
  return connect(url, opts);
}

/** Opens the database and brings its schema up to date (closed again when that fails). */
export async function openMigrated(url: string, opts?: ConnectOptions): Promise<DbHandle> {
  const handle = connect(url, opts);
  try {
    await migrateToLatest(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Runs migrations: `latest` (default), `down` one step, or `reset` (all the way down). Returns their names. */
export function migrate(handle: DbHandle, to: 'latest' | 'down' | 'reset' = 'latest'): Promise<string[]> {
  return to === 'reset' ? migrateAllDown(handle.db) : to === 'down' ? migrateDown(handle.db) : migrateToLatest(handle.db);
}

/** Names of the migrations not yet applied. */
export function pending(handle: DbHandle): Promise<string[]> {
  return pendingMigrations(handle.db);
}

/** 'unavailable' (the database is away or too slow), 'full' (its disk is), or null (anything else). */
export function failureOf(error: unknown): DatabaseFailure | null {
  return databaseFailure(error);
}

/** Gathers the planner's statistics of every table (ANALYZE): after a load, so that queries use the right indexes. */
export function analyze(handle: DbHandle): Promise<void> {
  return analyzeAll(handle.db);
}
