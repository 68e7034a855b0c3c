// Counts for the metrics endpoint and `habarshy doctor`: the webhook outbox and the wire sources.
import type { Db } from '../db/connect.ts';

/** Webhook deliveries waiting, waiting after a failed attempt, and dead. */
export async function outboxStats(db: Db): Promise<{ waiting: number; failing: number; dead: number }> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.count<number>('id').filterWhere('delivered_at', 'is', null).filterWhere('dead_at', 'is', null).as('waiting'),
      eb.fn
        .count<number>('id')
        .filterWhere('delivered_at', 'is', null)
        .filterWhere('dead_at', 'is', null)
        .filterWhere('attempts', '>', 0)
        .as('failing'),
      eb.fn.count<number>('id').filterWhere('dead_at', 'is not', null).as('dead'),
    ])
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), failing: Number(row.failing), dead: Number(row.dead) };
}

/** Active wire sources whose last poll failed. */
export async function failingSources(db: Db): Promise<number> {
  const row = await db
    .selectFrom('ingest_sources')
    .select((eb) => eb.fn.count<number>('id').as('n'))
    .where('active', '=', 1)
    .where('last_error', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
