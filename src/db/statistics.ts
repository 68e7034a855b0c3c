// Planner statistics. Without them SQLite guesses from index shapes alone and, for any
// `status = ?` query without an edition, read every published row through a status index (the
// language menu took 2.9 s at a million articles; 0.03 ms once analyzed). So: a full ANALYZE after
// migrations and bulk seeding, and SQLite's `PRAGMA optimize` at start and hourly (it analyzes,
// with a row limit, only the tables whose size changed enough). PostgreSQL's autovacuum keeps its
// statistics; at start, tables that were never analyzed are analyzed here.
import { SqliteAdapter, sql } from 'kysely';
import type { Db } from './connect.ts';

function isSqlite(db: Db): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Gathers fresh statistics of every table (after migrations and bulk loads). */
export async function analyzeAll(db: Db): Promise<void> {
  await sql`analyze`.execute(db);
}

/** Refreshes the statistics that are missing or stale; cheap when nothing changed. */
export async function optimizeStatistics(db: Db): Promise<void> {
  if (isSqlite(db)) {
    // 0x10002: check every table, not only those this connection has queried (SQLite ≥ 3.46).
    await sql`pragma optimize = 0x10002`.execute(db);
    return;
  }
  const never = await sql<{ relname: string }>`select relname from pg_stat_user_tables
    where schemaname = current_schema() and last_analyze is null and last_autoanalyze is null and n_live_tup + n_mod_since_analyze > 0`.execute(
    db,
  );
  for (const { relname } of never.rows) await sql`analyze ${sql.id(relname)}`.execute(db);
}
