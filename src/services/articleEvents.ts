// Records article events for webhook subscribers: one outbox row per active subscriber that wants
// the event, written in the caller's transaction, so an event exists exactly when the change that
// caused it was committed. Delivery happens later, outside any transaction (services/webhooks.ts).
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import type { WebhookEvent } from '../db/tables.ts';
import { editionsShowing, isEditionCode, type WrittenEditionCode } from '../editions/editions.ts';
import { isoWithOffset } from '../content/dates.ts';
import { activeSubscribers, articleForEvent, insertOutbox, tagsForEvent } from '../store/webhooks.ts';
import type { EditionHosts } from './hosts.ts';
import { paths } from './urls.ts';

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['article.published', 'article.updated', 'article.unpublished'];

export function isWebhookEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** The events a subscriber's `events` column names. */
export function subscribedEvents(events: string): WebhookEvent[] {
  return events
    .split(',')
    .map((e) => e.trim())
    .filter(isWebhookEvent);
}

export interface ArticleEventContext {
  /** Absolute URLs of each edition (an edition may have a host of its own). */
  readonly hosts: EditionHosts;
  /** The agency's time zone: payload times carry its offset. */
  readonly timeZone: string;
  readonly now: Date;
}

/** The JSON body subscribers receive (documented in docs/webhooks.md). */
export interface ArticleEventPayload {
  readonly event: WebhookEvent;
  /** The delivery id, also sent as `Habarshy-Delivery`. */
  readonly id: string;
  readonly occurred_at: string;
  readonly article: {
    readonly id: string;
    readonly edition: string;
    readonly url: string;
    /** The article in every edition that shows it (derived script editions included). */
    readonly editions: readonly { readonly edition: string; readonly url: string }[];
    readonly status: string;
    readonly headline: string;
    readonly lead: string;
    readonly published_at: string | null;
    readonly updated_at: string | null;
    readonly section: { readonly key: string; readonly name: string | null; readonly slug: string | null };
    readonly tags: readonly { readonly key: string; readonly name: string; readonly slug: string }[];
  };
}

/**
 * Writes the outbox rows of one event. Pass the transaction that makes the change (a Kysely
 * `Transaction` is a `Db`). Returns the delivery ids written (none when nobody subscribes).
 */
export async function recordArticleEvent(
  db: Db,
  input: { readonly event: WebhookEvent; readonly articleId: number },
  ctx: ArticleEventContext,
): Promise<string[]> {
  const subscribers = (await activeSubscribers(db)).filter((s) => subscribedEvents(s.events).includes(input.event));
  if (subscribers.length === 0) return [];
  const article = await articleForEvent(db, input.articleId);
  if (!article) throw new Error(`article ${input.articleId} does not exist`);
  if (!isEditionCode(article.edition)) throw new Error(`article ${input.articleId} has an unknown edition ${article.edition}`);
  const written = article.edition as WrittenEditionCode;
  const tags = await tagsForEvent(db, article.id, written);
  const at = (iso: string | null) => (iso ? isoWithOffset(new Date(iso), ctx.timeZone) : null);
  const urlIn = (edition: (typeof editions)[number]) =>
    ctx.hosts.absoluteUrl(edition, paths.article(edition, article.slug, article.public_id));
  const editions = editionsShowing(written);
  const nowIso = ctx.now.toISOString();
  const rows = subscribers.map((s) => {
    const eventId = randomUUID();
    const payload: ArticleEventPayload = {
      event: input.event,
      id: eventId,
      occurred_at: isoWithOffset(ctx.now, ctx.timeZone),
      article: {
        id: article.public_id,
        edition: written,
        url: urlIn(written),
        editions: editions.map((e) => ({ edition: e, url: urlIn(e) })),
        status: article.status,
        headline: article.headline,
        lead: article.lead,
        published_at: at(article.published_at),
        updated_at: at(article.updated_at),
        section: { key: article.section_key, name: article.section_name, slug: article.section_slug },
        tags,
      },
    };
    return {
      event_id: eventId,
      subscriber_id: s.id,
      article_id: article.id,
      event: input.event,
      payload: JSON.stringify(payload),
      created_at: nowIso,
      attempts: 0,
      next_attempt_at: nowIso,
      delivered_at: null,
      last_error: null,
      dead_at: null,
    };
  });
  await insertOutbox(db, rows);
  return rows.map((r) => r.event_id);
}
