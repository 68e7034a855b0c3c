// The publishing actions that change what readers see — publish, update a published article,
// unpublish — each one transaction that saves a revision and records the webhook event, followed
// by the invalidation of exactly the pages the change touches. The newsroom (roles, review,
// scheduling) builds on these; permissions are checked by its callers.
import type { Db } from '../db/connect.ts';
import { isEditionCode, type WrittenEditionCode } from '../editions/editions.ts';
import { parseBody, type Body } from '../content/body.ts';
import { articleForPublishing, insertRevision, linkIds, saveArticleChange, type PublishRow } from '../store/publishing.ts';
import { recordArticleEvent } from './articleEvents.ts';
import type { EditionHosts } from './hosts.ts';
import { tagsForArticleChange, type ArticleFacts } from './invalidation.ts';

export interface PublishingDeps {
  readonly db: Db;
  readonly hosts: EditionHosts;
  readonly timeZone: string;
  readonly clock: () => Date;
  readonly invalidate: (tags: Iterable<string>) => number;
  /** Called after an article appears or disappears (e.g. to recompute "most popular" at once). */
  readonly afterVisibilityChange?: () => Promise<unknown>;
}

export class PublishingError extends Error {
  constructor(readonly code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE', message: string) {
    super(message);
    this.name = 'PublishingError';
  }
}

export interface ArticleEdit {
  readonly headline?: string;
  readonly lead?: string;
  readonly body?: unknown;
}

async function facts(db: Db, row: PublishRow): Promise<ArticleFacts> {
  if (!isEditionCode(row.edition)) throw new Error(`article ${row.id} has an unknown edition`);
  const links = await linkIds(db, row.id);
  return { id: row.id, storyId: row.story_id, edition: row.edition as WrittenEditionCode, sectionId: row.section_id, ...links };
}

export class PublishingService {
  constructor(private readonly deps: PublishingDeps) {}

  private async change(
    articleId: number, fromRevision: number | null, userId: number | null,
    apply: (row: PublishRow, now: string) => { change: Parameters<typeof saveArticleChange>[3]; event: 'article.published' | 'article.updated' | 'article.unpublished'; visibility: boolean },
  ): Promise<void> {
    const now = this.deps.clock();
    const nowIso = now.toISOString();
    let touched: string[] = [];
    let visibilityChanged = false;
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await articleForPublishing(trx, articleId);
      if (!row) throw new PublishingError('NOT_FOUND', `article ${articleId} does not exist`);
      const base = fromRevision ?? row.revision;
      const { change, event, visibility } = apply(row, nowIso);
      if (!(await saveArticleChange(trx, row.id, base, change, nowIso))) {
        throw new PublishingError('CONFLICT', `article ${articleId} was saved by someone else (revision ${row.revision}, not ${base})`);
      }
      const saved = { ...row, ...change, revision: base + 1 };
      await insertRevision(trx, row.id, base + 1, userId, nowIso, saved);
      await recordArticleEvent(trx, { event, articleId: row.id }, { hosts: this.deps.hosts, timeZone: this.deps.timeZone, now });
      const f = await facts(trx, row);
      touched = tagsForArticleChange(f, f, visibility);
      visibilityChanged = visibility;
    });
    // Outside the transaction: drop the cached pages (here and, on PostgreSQL, in every process).
    this.deps.invalidate(touched);
    if (visibilityChanged) await this.deps.afterVisibilityChange?.();
  }

  /** Publishes now (a draft, an approved or an unpublished article). */
  publish(articleId: number, opts: { revision?: number; userId?: number } = {}): Promise<void> {
    return this.change(articleId, opts.revision ?? null, opts.userId ?? null, (row, now) => {
      if (row.status === 'published') throw new PublishingError('INVALID_STATE', 'the article is already published');
      return { change: { status: 'published', published_at: now, updated_at: null }, event: 'article.published', visibility: true };
    });
  }

  /** A correction of a published article: readers see the "updated" time. */
  async update(articleId: number, edit: ArticleEdit, opts: { revision?: number; userId?: number } = {}): Promise<void> {
    const body: Body | undefined = edit.body === undefined ? undefined : parseBody(edit.body);
    return this.change(articleId, opts.revision ?? null, opts.userId ?? null, (row, now) => {
      if (row.status !== 'published') throw new PublishingError('INVALID_STATE', 'only a published article can be updated');
      return {
        change: {
          updated_at: now,
          ...(edit.headline !== undefined ? { headline: edit.headline } : {}),
          ...(edit.lead !== undefined ? { lead: edit.lead } : {}),
          ...(body ? { body: JSON.stringify(body) } : {}),
        },
        event: 'article.updated',
        visibility: false,
      };
    });
  }

  /** Takes a published article off the site, the feeds and the API. */
  unpublish(articleId: number, opts: { revision?: number; userId?: number } = {}): Promise<void> {
    return this.change(articleId, opts.revision ?? null, opts.userId ?? null, (row) => {
      if (row.status !== 'published') throw new PublishingError('INVALID_STATE', 'the article is not published');
      return { change: { status: 'unpublished' }, event: 'article.unpublished', visibility: true };
    });
  }
}
