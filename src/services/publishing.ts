// Every change to an article that may touch what readers see goes through here: one transaction
// guarded by the revision the caller started from, which writes the columns, the tags and
// authors, a revision row with the whole article, the webhook event, and whatever the caller adds
// (the newsroom's timeline and audit rows); after the commit it drops exactly the cached pages the
// change touches and, when visibility changed, recomputes "most popular". Permissions are checked
// by the callers (the newsroom's services).
import type { Db } from '../db/connect.ts';
import { isEditionCode, type WrittenEditionCode } from '../editions/editions.ts';
import { parseBody, type Body } from '../content/body.ts';
import type { WebhookEvent } from '../db/tables.ts';
import {
  articleForPublishing,
  insertRevision,
  linkIds,
  replaceLinks,
  putHeroTexts,
  revisionSnapshot,
  saveArticleChange,
  storySiblingDates,
  type ArticleChange,
  type PublishRow,
} from '../store/publishing.ts';
import { syncSearchDocuments } from '../search/indexer.ts';
import { recordArticleEvent } from './articleEvents.ts';
import type { EditionHosts } from './hosts.ts';
import { tagsForArticleChange, type ArticleFacts } from './invalidation.ts';

export interface PublishingDeps {
  readonly db: Db;
  readonly hosts: EditionHosts;
  readonly timeZone: string;
  readonly clock: () => Date;
  readonly invalidate: (tags: Iterable<string>) => number;
  /** Queues an edge-cache purge of the same tags inside the change's transaction (EDGE_PURGE_URL set). */
  readonly edgePurge?: (trx: Db, tags: readonly string[], now: Date) => Promise<void>;
  /** Called after an article appears or disappears (e.g. to recompute "most popular" at once). */
  readonly afterVisibilityChange?: () => Promise<unknown>;
}

export class PublishingError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE',
    message: string,
  ) {
    super(message);
    this.name = 'PublishingError';
  }
}

export interface ArticleEdit {
  readonly headline?: string;
  readonly lead?: string;
  readonly body?: unknown;
}

/** What one change does, decided inside the transaction from the current row. */
export interface ChangeStep {
  readonly change: ArticleChange;
  readonly tagIds?: readonly number[];
  readonly authorIds?: readonly number[];
  readonly event?: WebhookEvent;
  /** The article's own caption and credit of its lead photo, written before the revision is kept (null: the library's). */
  readonly heroTexts?: { readonly caption: string; readonly credit: string } | null;
  /** Runs in the same transaction after the article is saved (timeline, audit log, slug history). */
  readonly also?: (trx: Db, saved: { revision: number; before: PublishRow }) => Promise<void>;
}

async function facts(db: Db, row: PublishRow): Promise<ArticleFacts> {
  if (!isEditionCode(row.edition)) throw new Error(`article ${row.id} has an unknown edition`);
  const links = await linkIds(db, row.id);
  const siblings = (await storySiblingDates(db, row.story_id, row.id))
    .filter((s) => isEditionCode(s.edition))
    .map((s) => ({ edition: s.edition as WrittenEditionCode, publishedAt: s.published_at }));
  return {
    id: row.id,
    storyId: row.story_id,
    edition: row.edition as WrittenEditionCode,
    sectionId: row.section_id,
    publishedAt: row.published_at,
    siblings,
    ...links,
  };
}

const visible = (row: PublishRow) => row.status === 'published';

export class PublishingService {
  constructor(private readonly deps: PublishingDeps) {}

  /**
   * Applies one change as a new revision. `fromRevision` null means "whatever is current" (jobs);
   * otherwise a save on top of a newer revision is a CONFLICT and nothing is written.
   * Returns the new revision.
   */
  async apply(
    articleId: number,
    fromRevision: number | null,
    userId: number | null,
    decide: (row: PublishRow, nowIso: string) => ChangeStep | Promise<ChangeStep>,
  ): Promise<number> {
    const now = this.deps.clock();
    const nowIso = now.toISOString();
    let touched: string[] = [];
    let visibilityChanged = false;
    let revision = 0;
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await articleForPublishing(trx, articleId);
      if (!row) throw new PublishingError('NOT_FOUND', `article ${articleId} does not exist`);
      const base = fromRevision ?? row.revision;
      if (base !== row.revision) {
        throw new PublishingError('CONFLICT', `article ${articleId} was saved by someone else (revision ${row.revision}, not ${base})`);
      }
      const step = await decide(row, nowIso);
      const before = await facts(trx, row);
      if (!(await saveArticleChange(trx, row.id, base, step.change, nowIso))) {
        throw new PublishingError('CONFLICT', `article ${articleId} was saved by someone else (revision ${row.revision}, not ${base})`);
      }
      revision = base + 1;
      if (step.tagIds || step.authorIds) await replaceLinks(trx, row.id, step.tagIds, step.authorIds);
      if (step.heroTexts !== undefined) await putHeroTexts(trx, row.id, step.heroTexts, nowIso);
      await insertRevision(trx, row.id, revision, userId, nowIso, await revisionSnapshot(trx, row.id));
      if (step.event)
        await recordArticleEvent(
          trx,
          { event: step.event, articleId: row.id },
          { hosts: this.deps.hosts, timeZone: this.deps.timeZone, now },
        );
      await step.also?.(trx, { revision, before: row });
      const afterRow = (await articleForPublishing(trx, row.id))!;
      await syncSearchDocuments(trx, [row.id]);
      const after = await facts(trx, afterRow);
      // Only what readers could see matters: saving a draft touches no cached page.
      visibilityChanged = visible(row) !== visible(afterRow);
      if (visible(row) || visible(afterRow)) {
        touched = tagsForArticleChange(visible(row) ? before : null, visible(afterRow) ? after : null, visibilityChanged);
        if (visible(row) && visible(afterRow)) touched = [...new Set([...touched, ...tagsForArticleChange(before, after, false)])];
      }
      // The edge's purge commits with the change: none is lost if the edge or this process is away.
      if (touched.length > 0) await this.deps.edgePurge?.(trx, touched, now);
    });
    // Outside the transaction: drop the cached pages (here and, on PostgreSQL, in every process).
    if (touched.length > 0) this.deps.invalidate(touched);
    if (visibilityChanged) await this.deps.afterVisibilityChange?.();
    return revision;
  }

  /** Publishes now (a draft, an approved, a scheduled or an unpublished article). */
  async publish(articleId: number, opts: { revision?: number; userId?: number; also?: ChangeStep['also'] } = {}): Promise<number> {
    return this.apply(articleId, opts.revision ?? null, opts.userId ?? null, (row, now) => {
      if (row.status === 'published') throw new PublishingError('INVALID_STATE', 'the article is already published');
      // A republished article keeps its first publication time; "updated" shows the change.
      const first = row.published_at === null;
      return {
        change: { status: 'published', published_at: first ? now : row.published_at, updated_at: first ? null : now, scheduled_at: null },
        event: 'article.published',
        ...(opts.also ? { also: opts.also } : {}),
      };
    });
  }

  /** A correction of a published article: readers see the "updated" time. */
  async update(articleId: number, edit: ArticleEdit, opts: { revision?: number; userId?: number } = {}): Promise<number> {
    const body: Body | undefined = edit.body === undefined ? undefined : parseBody(edit.body);
    return this.apply(articleId, opts.revision ?? null, opts.userId ?? null, (row, now) => {
      if (row.status !== 'published') throw new PublishingError('INVALID_STATE', 'only a published article can be updated');
      return {
        change: {
          updated_at: now,
          ...(edit.headline !== undefined ? { headline: edit.headline } : {}),
          ...(edit.lead !== undefined ? { lead: edit.lead } : {}),
          ...(body ? { body: JSON.stringify(body) } : {}),
        },
        event: 'article.updated',
      };
    });
  }

  /** Takes a published article off the site, the feeds and the API. */
  async unpublish(articleId: number, opts: { revision?: number; userId?: number; also?: ChangeStep['also'] } = {}): Promise<number> {
    return this.apply(articleId, opts.revision ?? null, opts.userId ?? null, (row) => {
      if (row.status !== 'published') throw new PublishingError('INVALID_STATE', 'the article is not published');
      return { change: { status: 'unpublished' }, event: 'article.unpublished', ...(opts.also ? { also: opts.also } : {}) };
    });
  }
}
