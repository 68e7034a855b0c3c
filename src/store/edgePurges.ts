// The queue of edge-cache purges (src/services/edgePurge.ts).
import type { Db } from '../db/connect.ts';

export interface DuePurge {
  id: number;
  keys: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
}

/** Queues one purge of `keys` (space-separated), due at once. Runs in the caller's transaction. */
export async function insertPurge(db: Db, keys: string, now: string): Promise<void> {
  await db.insertInto('edge_purges').values({ keys, created_at: now, next_attempt_at: now }).execute();
}

/** Purges due at `now`, oldest first. */
export async function duePurges(db: Db, now: string, limit: number): Promise<DuePurge[]> {
  return db
    .selectFrom('edge_purges')
    .select(['id', 'keys', 'created_at', 'attempts', 'next_attempt_at'])
    .where('purged_at', 'is', null)
    .where('dead_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Takes a due row for one attempt until `leaseUntil`; false when another worker took it first. */
export async function claimPurge(db: Db, row: { id: number; next_attempt_at: string }, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('edge_purges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', '=', row.id)
    .where('next_attempt_at', '=', row.next_attempt_at)
    .where('purged_at', 'is', null)
    .where('dead_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markPurged(db: Db, ids: readonly number[], at: string): Promise<void> {
  if (ids.length > 0)
    await db
      .updateTable('edge_purges')
      .set({ purged_at: at, last_error: null })
      .where('id', 'in', [...ids])
      .execute();
}

/** A failed attempt: retried at `nextAttemptAt`, or dead when that is null. */
export async function markPurgeFailed(db: Db, id: number, error: string, nextAttemptAt: string | null, at: string): Promise<void> {
  await db
    .updateTable('edge_purges')
    .set(nextAttemptAt === null ? { last_error: error, dead_at: at } : { last_error: error, next_attempt_at: nextAttemptAt })
    .where('id', '=', id)
    .where('purged_at', 'is', null)
    .execute();
}

/** Purges still waiting (for the metrics and `habarshy doctor`). */
export async function waitingPurges(db: Db): Promise<{ waiting: number; failing: number; dead: number }> {
  const row = await db
    .selectFrom('edge_purges')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('purged_at', 'is', null).filterWhere('dead_at', 'is', null).as('waiting'),
      eb.fn
        .count<number>('id')
        .filterWhere('purged_at', 'is', null)
        .filterWhere('dead_at', 'is', null)
        .filterWhere('attempts', '>', 0)
        .as('failing'),
      eb.fn.count<number>('id').filterWhere('dead_at', 'is not', null).as('dead'),
    ])
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), failing: Number(row.failing), dead: Number(row.dead) };
}

/** Deletes purges sent before `sentBefore` and dead ones from before `deadBefore`. */
export async function prunePurges(db: Db, sentBefore: string, deadBefore: string): Promise<void> {
  await db
    .deleteFrom('edge_purges')
    .where((eb) => eb.or([eb('purged_at', '<', sentBefore), eb('dead_at', '<', deadBefore)]))
    .execute();
}
