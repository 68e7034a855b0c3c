// The database side of backups: a consistent SQLite copy (VACUUM INTO), PostgreSQL snapshots that
// pg_dump can share, and row counts per table with the latest applied migration. Only db/ and
// store/ know SQL; services/backup.ts does the rest (files, archive, pg_dump).
import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

export interface DatabaseFacts {
  /** Rows per table (every table of the schema, the migration bookkeeping included). */
  readonly tables: Record<string, number>;
  /** The newest migration applied, or null for a database that was never migrated. */
  readonly migration: string | null;
}

const MIGRATION_TABLE = 'kysely_migration';
const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The path of a `sqlite:` URL, or null for another kind of database (or an in-memory one). */
export function sqliteFile(url: string): string | null {
  if (!url.startsWith('sqlite:')) return null;
  const file = url.slice('sqlite:'.length);
  return file === ':memory:' ? null : file;
}

function sqliteFacts(db: SqliteDatabase.Database): DatabaseFacts {
  const names = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of names) tables[name] = (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)}`).get() as { n: number }).n;
  const migration = names.includes(MIGRATION_TABLE)
    ? ((db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name DESC LIMIT 1`).get() as { name: string } | undefined)?.name ?? null)
    : null;
  return { tables, migration };
}

/**
 * Copies a live SQLite database into `target` as one consistent snapshot: VACUUM INTO runs in a
 * single read transaction, so writers (in WAL mode) go on and nothing they commit later is in the
 * copy. (The online backup API restarts whenever another connection writes, which under a steady
 * write load may never finish.)
 */
export function sqliteSnapshot(source: string, target: string): DatabaseFacts {
  if (!fs.existsSync(source)) throw new Error(`no SQLite database at ${source}`);
  const db = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('VACUUM INTO ?').run(target);
  } finally {
    db.close();
  }
  return sqliteFileFacts(target);
}

/** Row counts and migration of a SQLite file, opened read-only (the file is left as it is). */
export function sqliteFileFacts(file: string): DatabaseFacts {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return sqliteFacts(db);
  } finally {
    db.close();
  }
}

/** Whether a SQLite file has any table (a missing or zero-length file has none). */
export function sqliteHasTables(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get());
  } finally {
    db.close();
  }
}

async function pgFacts(client: pg.Client): Promise<DatabaseFacts> {
  const names = (
    await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
    )
  ).rows.map((r) => r.name);
  const tables: Record<string, number> = {};
  for (const name of names)
    tables[name] = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`)).rows[0]!.n);
  const migration = names.includes(MIGRATION_TABLE)
    ? ((await client.query<{ name: string }>(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name DESC LIMIT 1`)).rows[0]?.name ?? null)
    : null;
  return { tables, migration };
}

/**
 * Runs `work` with an exported PostgreSQL snapshot (repeatable read, read only): pg_dump started
 * with `--snapshot=id` sees exactly the rows counted here, however many writes go on meanwhile.
 */
export async function withPgSnapshot<T>(url: string, work: (snapshotId: string, facts: DatabaseFacts) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const id = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const facts = await pgFacts(client);
    const result = await work(id, facts);
    await client.query('COMMIT');
    return result;
  } finally {
    await client.end();
  }
}

/** Row counts and migration of a PostgreSQL database now. */
export async function pgDatabaseFacts(url: string): Promise<DatabaseFacts> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await pgFacts(client);
  } finally {
    await client.end();
  }
}

/** Drops the given tables (with what depends on them) in one transaction: for a forced restore. */
export async function pgDropTables(url: string, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS ${names.map(quoteIdent).join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}
