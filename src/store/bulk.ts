// Bulk writes for seeding and imports: batched multi-row inserts inside one transaction.
import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Database } from '../db/tables.ts';

type Table = keyof Database;

/** Inserts rows in batches small enough for both databases' parameter limits. */
export async function insertMany<T extends Table>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], batch = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await db.insertInto(table).values(rows.slice(i, i + batch) as any).execute();
  }
}

/** Inserts rows and returns their generated ids, in order. */
export async function insertReturningIds<T extends Table>(db: Db, table: T, rows: readonly Insertable<Database[T]>[], batch = 400): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += batch) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = await (db.insertInto(table).values(rows.slice(i, i + batch) as any) as any).returning('id').execute() as { id: number }[];
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
