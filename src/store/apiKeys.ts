// Partner API keys: only hashes are stored; usage is added in batches.
import type { Db } from '../db/connect.ts';

export interface ApiKeyListRow {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  requests: number;
}

export interface ApiKeyUsage {
  readonly id: number;
  readonly requests: number;
  readonly lastUsedAt: string;
}

export async function insertApiKey(db: Db, key: { name: string; prefix: string; hash: string; createdAt: string }): Promise<number> {
  const row = await db
    .insertInto('api_keys')
    .values({ name: key.name, prefix: key.prefix, hash: key.hash, created_at: key.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function listApiKeys(db: Db): Promise<ApiKeyListRow[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'created_at', 'revoked_at', 'last_used_at', 'requests'])
    .orderBy('id')
    .execute();
  // PostgreSQL returns bigint as text.
  return rows.map((r) => ({ ...r, requests: Number(r.requests) }));
}

/** Marks a key revoked; false when there is no such key or it was revoked already. */
export async function revokeApiKey(db: Db, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function apiKeyByHash(db: Db, hash: string): Promise<{ id: number; revoked_at: string | null } | undefined> {
  return db.selectFrom('api_keys').select(['id', 'revoked_at']).where('hash', '=', hash).executeTakeFirst();
}

/** Adds counted requests and moves `last_used_at` forward, in one transaction. */
export async function addApiKeyUsage(db: Db, batch: readonly ApiKeyUsage[]): Promise<void> {
  if (batch.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const u of batch) {
      await trx
        .updateTable('api_keys')
        .set((eb) => ({
          requests: eb('requests', '+', u.requests),
          last_used_at: eb
            .case()
            .when('last_used_at', 'is', null)
            .then(u.lastUsedAt)
            .when('last_used_at', '<', u.lastUsedAt)
            .then(u.lastUsedAt)
            .else(eb.ref('last_used_at'))
            .end(),
        }))
        .where('id', '=', u.id)
        .execute();
    }
  });
}
