// The newsroom's articles: drafts, saves guarded by revision (409 with the newer article),
// corrections, autosaves, deletion. Lists (articleQueries.ts), history and restore
// (articleHistory.ts) and the review workflow (articleTransitions.ts) are beside it; this class is
// their one door. Every method authorizes first; every change that readers could see goes through
// PublishingService. The shapes are the newsroom API's contract (src/contracts/newsroom).
import { syncSearchDocuments } from '../../search/indexer.ts';
import type { Db } from '../../db/connect.ts';
import { BODY_VERSION } from '../../content/body.ts';
import { makeSlug } from '../../content/slug.ts';
import { stripBidiFields } from '../../content/text.ts';
import { WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { recordAudit } from '../../store/audit.ts';
import {
  addSlugHistory,
  autosaveOf,
  deleteArticle,
  deleteAutosave,
  insertDraft,
  insertTransition,
  putAutosave,
  storyHasEdition,
  userNames,
  type ArticleQuery,
  type SummaryRow,
} from '../../store/newsroom.ts';
import {
  articleForPublishing,
  insertRevision,
  linkIds,
  replaceLinks,
  putHeroTexts,
  revisionSnapshot,
  type ArticleChange,
  type PublishRow,
} from '../../store/publishing.ts';
import type {
  Article,
  ArticleList,
  ArticleSummary,
  Dashboard,
  Diff,
  ListQuery,
  Bulk,
  BulkAnswer,
  Revision,
  RevisionItem,
  SaveArticle,
  TimelineItem,
  Transition,
} from '../../contracts/newsroom/articles.ts';
import { paths } from '../urls.ts';
import type { SessionUser } from './auth.ts';
import { conflict, emptyBody, invalid, notFound } from './errors.ts';
import { isEmptyBody } from '../../content/emptyBody.ts';
import { authorize, can, type Action, type Actor } from './permissions.ts';
import { canMove, TRANSITIONS, type TransitionName } from './workflow.ts';
import { withoutTypedLabels } from './typedLabels.ts';
import {
  AUTOSAVE_MAX_DEPTH,
  authorizeRead,
  bodyOf,
  checkRefs,
  checkText,
  deeperThan,
  EMPTY_BODY,
  fromPublishing,
  SLUG,
  target,
  validBody,
  writtenEdition,
  type CreateInput,
  type NewsroomArticlesDeps,
  type SaveExtra,
} from './articleRules.ts';
import { ArticleQueries } from './articleQueries.ts';
import { ArticleHistory } from './articleHistory.ts';
import { ArticleTransitions } from './articleTransitions.ts';
import { bulkArticles } from './articleBulk.ts';

export { AUTOSAVE_MAX_DEPTH, type CreateInput, type NewsroomArticlesDeps } from './articleRules.ts';

export class NewsroomArticles {
  constructor(private readonly deps: NewsroomArticlesDeps) {
    this.queries = new ArticleQueries(deps);
    this.history = new ArticleHistory(deps, this);
    this.transitions = new ArticleTransitions(deps, this);
  }

  private readonly queries: ArticleQueries;
  private readonly history: ArticleHistory;
  private readonly transitions: ArticleTransitions;

  private get db(): Db {
    return this.deps.db;
  }

  /** The stored article (404 when there is none). */
  async row(id: number): Promise<PublishRow> {
    const row = Number.isSafeInteger(id) ? await articleForPublishing(this.db, id) : undefined;
    if (!row) throw notFound('No such article');
    return row;
  }

  /** The actions the user may take on the article now (for the editor's buttons). */
  allowedActions(user: Actor, row: PublishRow): string[] {
    const t = target(row);
    const out: string[] = [];
    if (row.status === 'published') {
      if (can(user, 'article.correct', t)) out.push('correct');
    } else if (can(user, 'article.edit', t)) {
      out.push('edit');
    }
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      if (canMove(name, row.status) && can(user, TRANSITIONS[name].permission, t)) out.push(name);
    }
    if (row.published_at === null && row.status !== 'published' && can(user, 'article.delete', t)) out.push('delete');
    if (can(user, 'article.translate', {}) && user.desks.length > 0) out.push('translate');
    if (row.status === 'published' ? can(user, 'article.correct', t) : can(user, 'article.restore', t)) out.push('restore');
    return out;
  }

  private async present(user: SessionUser | Actor, row: PublishRow): Promise<Article> {
    const [links, names, autosave] = await Promise.all([
      linkIds(this.db, row.id),
      userNames(this.db, row.created_by === null ? [] : [row.created_by]),
      autosaveOf(this.db, row.id, user.id),
    ]);
    const url =
      row.status === 'published' && row.published_at !== null
        ? this.deps.hosts.absoluteUrl(row.edition as never, paths.article(row.edition as never, row.slug, row.public_id))
        : null;
    return {
      id: row.id,
      publicId: row.public_id,
      storyId: row.story_id,
      edition: writtenEdition(row.edition),
      sectionId: row.section_id,
      status: row.status,
      revision: row.revision,
      headline: row.headline,
      lead: row.lead,
      body: bodyOf(row),
      sourceLine: row.source_line,
      slug: row.slug,
      seoTitle: row.seo_title,
      seoDescription: row.seo_description,
      breaking: row.breaking === 1,
      pinned: row.pinned === 1,
      heroAssetId: row.hero_asset_id,
      tagIds: links.tagIds,
      authorIds: links.authorIds,
      scheduledAt: row.scheduled_at,
      embargo: row.embargo === 1,
      correctionNote: row.correction_note,
      publishedAt: row.published_at,
      updatedAt: row.updated_at,
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
      createdBy: row.created_by === null ? null : { id: row.created_by, name: names.get(row.created_by) ?? '' },
      translatedFrom: row.translated_from,
      url,
      previewUrl: `/newsroom/preview/${row.id}`,
      allowed: this.allowedActions(user, row),
      autosave: autosave
        ? { baseRevision: autosave.base_revision, savedAt: autosave.saved_at, data: JSON.parse(autosave.data) as unknown }
        : null,
    };
  }

  async get(user: SessionUser | Actor, id: number): Promise<Article> {
    const row = await this.row(id);
    authorizeRead(user, row);
    return this.present(user, row);
  }

  async create(user: SessionUser | Actor, rawInput: CreateInput): Promise<Article> {
    const input = stripBidiFields(rawInput, ['headline', 'lead']);
    if (!(WRITTEN_EDITIONS as readonly string[]).includes(input.edition)) throw invalid('edition: one of kz, ru, en, cn, uz');
    authorize(user, input.translatedFrom !== undefined ? 'article.translate' : 'article.create', { edition: input.edition });
    checkText('headline', input.headline);
    checkText('lead', input.lead);
    const body = input.body === undefined ? EMPTY_BODY : validBody(input.body);
    await checkRefs(this.db, input);
    const now = this.deps.clock().toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      if (input.storyId !== undefined && (await storyHasEdition(trx, input.storyId, input.edition))) {
        throw conflict('EDITION_EXISTS', `The story already has a ${input.edition} article`);
      }
      const headline = input.headline ?? '';
      const articleId = await insertDraft(
        trx,
        {
          storyId: input.storyId ?? null,
          edition: input.edition,
          sectionId: input.sectionId,
          slug: headline ? makeSlug(headline) : '',
          headline,
          lead: input.lead ?? '',
          body: JSON.stringify(body),
          bodyVersion: BODY_VERSION,
          createdBy: user.id,
          translatedFrom: input.translatedFrom ?? null,
          heroAssetId: input.heroAssetId ?? null,
        },
        now,
      );
      await replaceLinks(trx, articleId, input.tagIds ?? [], input.authorIds ?? []);
      if (input.heroTexts) await putHeroTexts(trx, articleId, input.heroTexts, now);
      await syncSearchDocuments(trx, [articleId]);
      await insertRevision(trx, articleId, 1, user.id, now, await revisionSnapshot(trx, articleId));
      await insertTransition(trx, {
        articleId,
        action: 'create',
        from: 'draft',
        to: 'draft',
        userId: user.id,
        at: now,
        comment: '',
        revision: 1,
      });
      return articleId;
    });
    return this.present(user, await this.row(id));
  }

  /** A save: a new revision of an unpublished article, or a correction of a published one. */
  async save(user: SessionUser | Actor, id: number, rawPatch: SaveArticle, extra: SaveExtra = {}): Promise<Article> {
    const patch = withoutTypedLabels(
      stripBidiFields(rawPatch, ['headline', 'lead', 'sourceLine', 'slug', 'seoTitle', 'seoDescription', 'correctionNote']),
    );
    const row = await this.row(id);
    authorizeRead(user, row);
    const correcting = row.status === 'published';
    authorize(user, correcting ? 'article.correct' : 'article.edit', target(row));
    for (const name of ['headline', 'lead', 'sourceLine', 'seoTitle', 'seoDescription', 'correctionNote'] as const)
      checkText(name, patch[name]);
    if (patch.slug !== undefined && patch.slug !== '' && (!SLUG.test(patch.slug) || patch.slug.length > 80)) {
      throw invalid('slug: lower-case Latin letters, digits and hyphens, at most 80 characters');
    }
    const body = patch.body === undefined ? undefined : validBody(patch.body);
    // What is out (or due to go out) keeps a text: a correction or a save of a scheduled article
    // cannot empty the body (unpublish or unschedule first).
    if (body && (correcting || row.status === 'scheduled') && isEmptyBody(body)) throw emptyBody();
    await checkRefs(this.db, patch);
    const change: ArticleChange = {};
    if (patch.headline !== undefined) change.headline = patch.headline;
    if (patch.lead !== undefined) change.lead = patch.lead;
    if (body) change.body = JSON.stringify(body);
    if (patch.sectionId !== undefined) change.section_id = patch.sectionId;
    if (patch.sourceLine !== undefined) change.source_line = patch.sourceLine;
    if (patch.seoTitle !== undefined) change.seo_title = patch.seoTitle;
    if (patch.seoDescription !== undefined) change.seo_description = patch.seoDescription;
    if (patch.breaking !== undefined) change.breaking = patch.breaking ? 1 : 0;
    if (patch.pinned !== undefined) change.pinned = patch.pinned ? 1 : 0;
    if (patch.heroAssetId !== undefined) change.hero_asset_id = patch.heroAssetId;
    if (patch.correctionNote !== undefined) change.correction_note = patch.correctionNote;
    const headline = patch.headline ?? row.headline;
    // The slug follows the headline until the article is published or someone sets it by hand.
    if (patch.slug !== undefined && patch.slug !== '') change.slug = patch.slug;
    else if (patch.slug === '' || (!correcting && row.published_at === null && (row.slug === '' || row.slug === makeSlug(row.headline)))) {
      change.slug = headline ? makeSlug(headline) : '';
    }
    try {
      await this.deps.publishing.apply(row.id, patch.revision, user.id, (current, now) => ({
        change: correcting ? { ...change, updated_at: now } : change,
        ...(patch.tagIds ? { tagIds: patch.tagIds } : {}),
        ...(patch.authorIds ? { authorIds: patch.authorIds } : {}),
        ...(extra.heroTexts !== undefined ? { heroTexts: extra.heroTexts } : {}),
        ...(correcting ? { event: 'article.updated' as const } : {}),
        also: async (trx, saved) => {
          await deleteAutosave(trx, row.id, user.id);
          if (correcting) {
            await insertTransition(trx, {
              articleId: row.id,
              action: 'update',
              from: current.status,
              to: current.status,
              userId: user.id,
              at: now,
              comment: patch.correctionNote ?? '',
              revision: saved.revision,
            });
            await recordAudit(
              trx,
              { userId: user.id, action: 'article.correct', targetType: 'article', targetId: row.id, detail: { revision: saved.revision } },
              now,
            );
            if (change.slug !== undefined && change.slug !== current.slug) await addSlugHistory(trx, row.id, current.slug, now);
          }
        },
      }));
    } catch (e) {
      return fromPublishing(e, () => this.get(user, id));
    }
    return this.get(user, id);
  }

  async autosave(user: SessionUser | Actor, id: number, baseRevision: number, data: unknown): Promise<void> {
    const row = await this.row(id);
    authorize(user, row.status === 'published' ? 'article.correct' : 'article.edit', target(row));
    // A draft's document is a few dozen levels deep at most; far deeper JSON overflowed the stack
    // in JSON.stringify (a 500). Measured without recursion, refused before anything is kept.
    if (deeperThan(data, AUTOSAVE_MAX_DEPTH)) throw invalid(`data: nested more than ${AUTOSAVE_MAX_DEPTH} levels deep`);
    const json = JSON.stringify(data ?? null);
    if (json.length > 2_000_000) throw invalid('data: too large');
    await putAutosave(this.db, row.id, user.id, baseRevision, json, this.deps.clock().toISOString());
  }

  async remove(user: SessionUser | Actor, id: number): Promise<void> {
    const row = await this.row(id);
    authorizeRead(user, row);
    authorize(user, 'article.delete', target(row));
    if (row.status === 'published' || row.published_at !== null) {
      throw conflict('INVALID_TRANSITION', 'An article that has been published cannot be deleted: unpublish it instead');
    }
    const now = this.deps.clock().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await recordAudit(
        trx,
        {
          userId: user.id,
          action: 'article.delete',
          targetType: 'article',
          targetId: row.id,
          detail: { edition: row.edition, headline: row.headline, storyId: row.story_id },
        },
        now,
      );
      await deleteArticle(trx, row.id);
    });
  }

  /** For the permission checks of other services (translations, overrides, preview). */
  async readable(user: SessionUser | Actor, id: number, action: Action = 'article.read'): Promise<PublishRow> {
    const row = await this.row(id);
    authorizeRead(user, row);
    if (action !== 'article.read') authorize(user, action, target(row));
    return row;
  }

  // --- lists, history and workflow: articleQueries.ts, articleHistory.ts, articleTransitions.ts

  /** One action on many articles, each checked and done on its own (articleBulk.ts). */
  bulk(user: SessionUser | Actor, input: Bulk): Promise<BulkAnswer> {
    return bulkArticles(this.deps, this, user, input);
  }
  listQuery(user: SessionUser | Actor, q: ListQuery): Promise<ArticleList> {
    return this.queries.listQuery(user, q);
  }
  list(user: SessionUser | Actor, q: Omit<ArticleQuery, 'editions'>): Promise<ArticleList> {
    return this.queries.list(user, q);
  }
  dashboard(user: SessionUser | Actor): Promise<Dashboard> {
    return this.queries.dashboard(user);
  }
  summarize(rows: readonly (SummaryRow & { views?: number })[]): Promise<ArticleSummary[]> {
    return this.queries.summarize(rows);
  }
  timeline(user: SessionUser | Actor, id: number): Promise<TimelineItem[]> {
    return this.history.timeline(user, id);
  }
  revisions(user: SessionUser | Actor, id: number): Promise<RevisionItem[]> {
    return this.history.revisions(user, id);
  }
  revision(user: SessionUser | Actor, id: number, n: number): Promise<Revision> {
    return this.history.revision(user, id, n);
  }
  diff(user: SessionUser | Actor, id: number, from: number, to: number): Promise<Diff> {
    return this.history.diff(user, id, from, to);
  }
  restore(user: SessionUser | Actor, id: number, n: number, current: number): Promise<Article> {
    return this.history.restore(user, id, n, current);
  }
  transition(user: SessionUser | Actor, id: number, t: Transition): Promise<Article> {
    return this.transitions.transition(user, id, t);
  }
  /** Publishes every scheduled article whose time has come (the scheduler calls this every 10 s). */
  publishDue(): Promise<number> {
    return this.transitions.publishDue();
  }
}
