// Bulk writes for seeding and imports: batched multi-row inserts inside one transaction.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PostgresAdapter, sql, type Insertable } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Db } from '../db/connect.ts';
import { optimizeStatistics } from '../db/statistics.ts';
import type { Database } from '../db/tables.ts';

type Table = keyof Database;

/** Inserts rows in batches small enough for both databases' parameter limits. */
export async function insertMany<T extends Table>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], batch = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    await db
      .insertInto(table)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .values(rows.slice(i, i + batch) as any)
      .execute();
  }
}

/** A value in COPY's text format: `\N` for null, backslash escapes for the separators. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

function* copyLines(rows: readonly Record<string, unknown>[], columns: readonly string[]): Generator<string> {
  for (let i = 0; i < rows.length; i += 500) {
    yield rows
      .slice(i, i + 500)
      .map((r) => `${columns.map((c) => copyValue(r[c])).join('\t')}\n`)
      .join('');
  }
}

/**
 * PostgreSQL: rows written with COPY (text format) on the given client, inside its transaction.
 * Multi-row INSERTs of 10 000 articles spent 1.5 s per chunk parsing parameters, COPY a fraction.
 */
export async function copyRows<T extends Table>(client: pg.PoolClient, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
  const stream = client.query(copyFrom(`copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin`));
  await pipeline(Readable.from(copyLines(rows as readonly Record<string, unknown>[], columns)), stream);
}

/** Inserts rows and returns their generated ids, in order. */
export async function insertReturningIds<T extends Table>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
  batch = 400,
): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += batch) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (await (db.insertInto(table).values(rows.slice(i, i + batch) as any) as any).returning('id').execute()) as { id: number }[];
    ids.push(...out.map((r) => Number(r.id)));
  }
  return ids;
}

export async function existingPublicIds(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('articles').select('public_id').execute();
  return new Set(rows.map((r) => r.public_id));
}

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('sections').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

export async function idsByKey(db: Db, table: 'sections' | 'tags' | 'authors'): Promise<Map<string, number>> {
  const rows = await db.selectFrom(table).select(['id', 'key']).execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}

export async function assetIds(db: Db): Promise<number[]> {
  const rows = await db.selectFrom('media_assets').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function maxId(db: Db, table: 'stories' | 'articles'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A non-unique secondary index as its own `create index` statement. */
interface IndexDef {
  readonly name: string;
  readonly sql: string;
}

/** Non-unique indexes of the tables (unique ones stay: they are constraints the load relies on). */
async function secondaryIndexes(db: Db, tables: readonly string[]): Promise<IndexDef[]> {
  if (isPostgres(db)) {
    const r = await sql<{ name: string; def: string }>`select i.relname as name, pg_get_indexdef(i.oid) as def
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
      where t.relname in (${sql.join([...tables])}) and t.relnamespace = current_schema()::regnamespace
        and not x.indisunique and not x.indisprimary`.execute(db);
    return r.rows.map((x) => ({ name: x.name, sql: x.def }));
  }
  const r = await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
    where type = 'index' and sql is not null and tbl_name in (${sql.join([...tables])})`.execute(db);
  return r.rows.filter((x) => !/^\s*create\s+unique\b/i.test(x.sql)).map((x) => ({ name: x.name, sql: x.sql }));
}

/**
 * Runs a bulk load the fast way: the tables' non-unique indexes are dropped before and built
 * once after (sorted, instead of a random B-tree insert per row), SQLite writes without journal
 * and without fsync while it runs (restored after, also on failure), and statistics are
 * gathered at the end (ANALYZE) so that the planner knows the new sizes.
 */
export async function bulkLoad<T>(
  db: Db,
  tables: readonly string[],
  load: () => Promise<T>,
  onPhase?: (phase: 'indexes' | 'analyze') => void,
): Promise<T> {
  const pg = isPostgres(db);
  const indexes = await secondaryIndexes(db, tables);
  let restore: (() => Promise<void>) | null = null;
  if (!pg) {
    const mode = (await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)).rows[0]?.journal_mode ?? 'wal';
    const sync = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]?.synchronous ?? 1;
    const cache = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size ?? -16384;
    await sql.raw('pragma journal_mode = off').execute(db);
    await sql.raw('pragma synchronous = off').execute(db);
    await sql.raw('pragma cache_size = -524288').execute(db);
    // FTS5 (the search index, kept by triggers): no incremental merging of its segments while
    // loading; merged once at the end.
    const fts =
      (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'search_fts'`.execute(db)).rows.length >
      0;
    if (fts) {
      await sql.raw(`insert into search_fts(search_fts, rank) values ('automerge', 0)`).execute(db);
      await sql.raw(`insert into search_fts(search_fts, rank) values ('crisismerge', 1000)`).execute(db);
    }
    restore = async () => {
      if (fts) {
        await sql.raw(`insert into search_fts(search_fts, rank) values ('automerge', 4)`).execute(db);
        await sql.raw(`insert into search_fts(search_fts, rank) values ('crisismerge', 16)`).execute(db);
        // Into one segment: a bounded 'merge' left ~200 at 100 000 articles, and every query reads them all.
        await sql.raw(`insert into search_fts(search_fts) values ('optimize')`).execute(db);
      }
      await sql.raw(`pragma journal_mode = ${/^[a-z]+$/i.test(mode) ? mode : 'wal'}`).execute(db);
      await sql.raw(`pragma synchronous = ${Number(sync)}`).execute(db);
      await sql.raw(`pragma cache_size = ${Number(cache)}`).execute(db);
    };
  }
  for (const ix of indexes) await sql.raw(`drop index ${pg ? 'if exists ' : ''}"${ix.name.replace(/"/g, '""')}"`).execute(db);
  try {
    return await load();
  } finally {
    onPhase?.('indexes');
    if (pg) {
      // Two connections, each with the memory to sort its builds in one pass: the GIN index of the
      // search documents (the longest build, single-threaded) beside all the B-trees (which may
      // use parallel workers), instead of one after the other.
      const gin = indexes.filter((ix) => /\busing gin\b/i.test(ix.sql));
      const rest = indexes.filter((ix) => !gin.includes(ix));
      await Promise.all(
        [gin, rest]
          .filter((list) => list.length > 0)
          .map((list) =>
            db.connection().execute(async (c) => {
              await sql.raw("set maintenance_work_mem = '1GB'").execute(c);
              for (const ix of list) await sql.raw(ix.sql).execute(c);
              await sql.raw('reset maintenance_work_mem').execute(c);
            }),
          ),
      );
    } else {
      for (const ix of indexes) await sql.raw(ix.sql).execute(db);
    }
    onPhase?.('analyze');
    // PostgreSQL: the loaded tables, and those never analyzed (a fresh demo's); the others did not change.
    if (pg) {
      await sql.raw(`analyze ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ')}`).execute(db);
      await optimizeStatistics(db);
    } else {
      await sql.raw('analyze').execute(db);
    }
    await restore?.();
  }
}

/** PostgreSQL: identity columns continue after ids that were given explicitly. */
export async function resetIdentity(db: Db, tables: readonly ('stories' | 'articles' | 'revisions')[]): Promise<void> {
  if (!isPostgres(db)) return;
  for (const t of tables) {
    await sql`select setval(pg_get_serial_sequence(${t}, 'id'), greatest(1, (select coalesce(max(id), 0) from ${sql.table(t)})))`.execute(
      db,
    );
  }
}
