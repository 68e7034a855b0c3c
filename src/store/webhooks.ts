// Webhook subscribers and the outbox of their deliveries (docs/webhooks.md).
import type { Insertable } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { OutboxTable } from '../db/tables.ts';

export interface SubscriberRow {
  id: number;
  url: string;
  secret: string;
  events: string;
  active: number;
  created_at: string;
}

const SUBSCRIBER_COLUMNS = ['id', 'url', 'secret', 'events', 'active', 'created_at'] as const;

export async function addSubscriber(db: Db, s: { url: string; secret: string; events: string; created_at: string }): Promise<number> {
  const row = await db
    .insertInto('webhook_subscribers')
    .values({ ...s, active: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function listSubscribers(db: Db): Promise<SubscriberRow[]> {
  return db.selectFrom('webhook_subscribers').select(SUBSCRIBER_COLUMNS).orderBy('id').execute();
}

export async function activeSubscribers(db: Db): Promise<SubscriberRow[]> {
  return db.selectFrom('webhook_subscribers').select(SUBSCRIBER_COLUMNS).where('active', '=', 1).orderBy('id').execute();
}

/** Removes a subscriber and its deliveries; false when there is none with that id. */
export async function removeSubscriber(db: Db, id: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('outbox').where('subscriber_id', '=', id).execute();
    const r = await trx.deleteFrom('webhook_subscribers').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  });
}

export async function insertOutbox(db: Db, rows: readonly Insertable<OutboxTable>[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('outbox')
      .values([...rows])
      .execute();
}

export interface DueDelivery {
  id: number;
  event_id: string;
  event: string;
  payload: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  url: string;
  secret: string;
}

/**
 * Deliveries due at `now`, oldest first, for active subscribers; a row is left out while an older
 * row of the same article and subscriber is still waiting (neither delivered nor dead), so events
 * of one article reach a subscriber in the order they happened.
 */
export async function dueDeliveries(db: Db, now: string, limit: number): Promise<DueDelivery[]> {
  return db
    .selectFrom('outbox as o')
    .innerJoin('webhook_subscribers as s', 's.id', 'o.subscriber_id')
    .select(['o.id', 'o.event_id', 'o.event', 'o.payload', 'o.created_at', 'o.attempts', 'o.next_attempt_at', 's.url', 's.secret'])
    .where('o.delivered_at', 'is', null)
    .where('o.dead_at', 'is', null)
    .where('o.next_attempt_at', '<=', now)
    .where('s.active', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('outbox as older')
            .select('older.id')
            .whereRef('older.subscriber_id', '=', 'o.subscriber_id')
            .whereRef('older.article_id', '=', 'o.article_id')
            .whereRef('older.id', '<', 'o.id')
            .where('older.delivered_at', 'is', null)
            .where('older.dead_at', 'is', null),
        ),
      ),
    )
    .orderBy('o.id')
    .limit(limit)
    .execute();
}

/**
 * Takes a due row for one delivery attempt: counts the attempt and moves `next_attempt_at` to the
 * end of a lease, so another worker (or this one after a crash) retries only when the lease ends.
 * False when another worker took it first.
 */
export async function claimDelivery(db: Db, row: { id: number; next_attempt_at: string }, leaseUntil: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', '=', row.id)
    .where('next_attempt_at', '=', row.next_attempt_at)
    .where('delivered_at', 'is', null)
    .where('dead_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markDelivered(db: Db, id: number, at: string): Promise<void> {
  await db.updateTable('outbox').set({ delivered_at: at, last_error: null }).where('id', '=', id).execute();
}

/** Records a failed attempt: retried at `nextAttemptAt`, or dead when that is null. */
export async function markFailed(db: Db, id: number, error: string, nextAttemptAt: string | null, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set(nextAttemptAt === null ? { last_error: error, dead_at: at } : { last_error: error, next_attempt_at: nextAttemptAt })
    .where('id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
}

export interface DeliveryLogRow {
  id: number;
  event_id: string;
  event: string;
  article_id: number;
  subscriber_id: number;
  url: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  delivered_at: string | null;
  last_error: string | null;
  dead_at: string | null;
}

/** The newest deliveries first. */
export async function deliveryLog(db: Db, limit: number): Promise<DeliveryLogRow[]> {
  return db
    .selectFrom('outbox as o')
    .innerJoin('webhook_subscribers as s', 's.id', 'o.subscriber_id')
    .select([
      'o.id',
      'o.event_id',
      'o.event',
      'o.article_id',
      'o.subscriber_id',
      's.url',
      'o.created_at',
      'o.attempts',
      'o.next_attempt_at',
      'o.delivered_at',
      'o.last_error',
      'o.dead_at',
    ])
    .orderBy('o.id', 'desc')
    .limit(limit)
    .execute();
}

export interface EventArticleRow {
  id: number;
  public_id: string;
  edition: string;
  slug: string;
  headline: string;
  lead: string;
  status: string;
  published_at: string | null;
  updated_at: string | null;
  modified_at: string;
  section_key: string;
  section_name: string | null;
  section_slug: string | null;
}

/** What an event payload says about an article (by internal id). */
export async function articleForEvent(db: Db, articleId: number): Promise<EventArticleRow | undefined> {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('section_names as n', (j) => j.onRef('n.section_id', '=', 'a.section_id').onRef('n.edition', '=', 'a.edition'))
    .select([
      'a.id',
      'a.public_id',
      'a.edition',
      'a.slug',
      'a.headline',
      'a.lead',
      'a.status',
      'a.published_at',
      'a.updated_at',
      'a.modified_at',
      's.key as section_key',
      'n.name as section_name',
      'n.slug as section_slug',
    ])
    .where('a.id', '=', articleId)
    .executeTakeFirst();
}

/** The article's tags in its edition, in the editor's order. */
export async function tagsForEvent(db: Db, articleId: number, edition: string): Promise<{ key: string; name: string; slug: string }[]> {
  return db
    .selectFrom('article_tags as at')
    .innerJoin('tags as t', 't.id', 'at.tag_id')
    .innerJoin('tag_names as n', (j) => j.onRef('n.tag_id', '=', 'at.tag_id').on('n.edition', '=', edition))
    .select(['t.key', 'n.name', 'n.slug'])
    .where('at.article_id', '=', articleId)
    .orderBy('at.position')
    .execute();
}
