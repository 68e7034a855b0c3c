// The newsroom's articles: drafts, saves guarded by revision (409 with the newer article), the
// review workflow, scheduling and embargoes, corrections, deletion, the timeline, revisions with
// diffs and restore, autosaves, lists and the dashboard. Every method authorizes first; every
// change that readers could see goes through PublishingService.
import { syncSearchDocuments } from '../../search/indexer.ts';
import type { Db } from '../../db/connect.ts';
import type { ArticleStatus } from '../../db/tables.ts';
import { BODY_VERSION, InvalidBodyError, parseBody, type Body } from '../../content/body.ts';
import { makeSlug } from '../../content/slug.ts';
import { stripBidiControls, stripBidiFields } from '../../content/text.ts';
import { WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { recordAudit } from '../../store/audit.ts';
import {
  addSlugHistory, autosaveOf, deleteArticle, deleteAutosave, dueScheduled, existingIds, insertDraft, insertTransition,
  listArticles, mostRead, putAutosave, revisionOf, revisionsOf, storyHasEdition, transitionsOf, userNames,
  type ArticleQuery, type SummaryRow,
} from '../../store/newsroom.ts';
import { articleForPublishing, insertRevision, linkIds, replaceLinks, revisionSnapshot, type ArticleChange, type PublishRow } from '../../store/publishing.ts';
import { expandRevision } from '../demoSeed.ts';
import { PublishingError, type PublishingService } from '../publishing.ts';
import { paths } from '../urls.ts';
import type { EditionHosts } from '../hosts.ts';
import type { SessionUser } from './auth.ts';
import { conflict, invalid, notFound } from './errors.ts';
import { authorize, can, type Action, type Actor } from './permissions.ts';
import type { RevisionComparison } from './diff.ts';
import { diffRunner } from './diffRunner.ts';
import { parseUserTime, startOfLocalDay } from './time.ts';
import { canMove, isTransitionName, TRANSITIONS, type TransitionName } from './workflow.ts';

export interface CreateInput {
  edition: string; sectionId: number; headline?: string; lead?: string; body?: unknown; tagIds?: number[]; authorIds?: number[];
  storyId?: number; translatedFrom?: number;
}

export interface SavePatch {
  revision: number;
  headline?: string; lead?: string; body?: unknown; sectionId?: number; tagIds?: number[]; authorIds?: number[];
  sourceLine?: string; slug?: string; seoTitle?: string; seoDescription?: string; breaking?: boolean; pinned?: boolean;
  heroAssetId?: number | null; correctionNote?: string;
}

export interface TransitionInput { action: string; revision: number; comment?: string; at?: string; embargo?: boolean }

export interface ArticleSummary {
  id: number; publicId: string; storyId: number; edition: string; sectionId: number; status: ArticleStatus; headline: string;
  createdBy: { id: number; name: string } | null; modifiedAt: string; publishedAt: string | null; scheduledAt: string | null;
  embargo: boolean; revision: number; views?: number;
}

export interface ArticleOut {
  id: number; publicId: string; storyId: number; edition: string; sectionId: number; status: ArticleStatus; revision: number;
  headline: string; lead: string; body: Body; sourceLine: string; slug: string; seoTitle: string; seoDescription: string;
  breaking: boolean; pinned: boolean; heroAssetId: number | null; tagIds: number[]; authorIds: number[];
  scheduledAt: string | null; embargo: boolean; correctionNote: string; publishedAt: string | null; updatedAt: string | null;
  createdAt: string; modifiedAt: string; createdBy: { id: number; name: string } | null; translatedFrom: number | null;
  url: string | null; previewUrl: string; allowed: string[];
  autosave: { baseRevision: number; savedAt: string; data: unknown } | null;
}

export interface NewsroomArticlesDeps {
  readonly db: Db;
  readonly publishing: PublishingService;
  readonly hosts: EditionHosts;
  readonly timeZone: string;
  readonly clock: () => Date;
}

const LIMITS = { headline: 300, lead: 1000, sourceLine: 300, seoTitle: 200, seoDescription: 400, correctionNote: 1000, tags: 30, authors: 10 };
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMPTY_BODY: Body = { version: BODY_VERSION, blocks: [] };

function bodyOf(row: PublishRow): Body {
  try {
    return JSON.parse(row.body) as Body;
  } catch {
    return EMPTY_BODY;
  }
}

function validBody(value: unknown): Body {
  try {
    return parseBody(value);
  } catch (e) {
    if (e instanceof InvalidBodyError) throw invalid(`body: ${e.message}`, { path: e.path });
    throw e;
  }
}

function checkText(name: keyof typeof LIMITS, value: string | undefined): void {
  if (value !== undefined && value.length > LIMITS[name]) throw invalid(`${name}: at most ${LIMITS[name]} characters`);
}

const target = (row: PublishRow) => ({ edition: row.edition, createdBy: row.created_by, status: row.status });

/** Published articles are open to every newsroom user (translators work from them); the rest to their desks. */
function authorizeRead(user: Actor, row: PublishRow): void {
  if (row.status !== 'published') authorize(user, 'article.read', target(row));
}

/** Maps the publishing layer's errors to the newsroom's. */
function fromPublishing(e: unknown, current?: () => Promise<unknown>): Promise<never> {
  if (e instanceof PublishingError) {
    if (e.code === 'NOT_FOUND') throw notFound('No such article');
    if (e.code === 'CONFLICT') {
      return (current ? current() : Promise.resolve(undefined)).then((article) => {
        throw conflict('CONFLICT', 'Someone saved this article after you opened it: compare and merge', article ? { current: article } : undefined);
      });
    }
    throw conflict('INVALID_TRANSITION', e.message);
  }
  throw e;
}

/** How deep an autosaved draft may nest (objects and arrays). */
export const AUTOSAVE_MAX_DEPTH = 200;

/** Whether a parsed JSON value nests deeper than `max` levels, walked with an explicit stack. */
function deeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export class NewsroomArticles {
  constructor(private readonly deps: NewsroomArticlesDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  private async row(id: number): Promise<PublishRow> {
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

  private async present(user: SessionUser | Actor, row: PublishRow): Promise<ArticleOut> {
    const [links, names, autosave] = await Promise.all([
      linkIds(this.db, row.id),
      userNames(this.db, row.created_by === null ? [] : [row.created_by]),
      autosaveOf(this.db, row.id, user.id),
    ]);
    const url = row.status === 'published' && row.published_at !== null
      ? this.deps.hosts.absoluteUrl(row.edition as never, paths.article(row.edition as never, row.slug, row.public_id)) : null;
    return {
      id: row.id, publicId: row.public_id, storyId: row.story_id, edition: row.edition, sectionId: row.section_id, status: row.status,
      revision: row.revision, headline: row.headline, lead: row.lead, body: bodyOf(row), sourceLine: row.source_line, slug: row.slug,
      seoTitle: row.seo_title, seoDescription: row.seo_description, breaking: row.breaking === 1, pinned: row.pinned === 1,
      heroAssetId: row.hero_asset_id, tagIds: links.tagIds, authorIds: links.authorIds, scheduledAt: row.scheduled_at,
      embargo: row.embargo === 1, correctionNote: row.correction_note, publishedAt: row.published_at, updatedAt: row.updated_at,
      createdAt: row.created_at, modifiedAt: row.modified_at,
      createdBy: row.created_by === null ? null : { id: row.created_by, name: names.get(row.created_by) ?? '' },
      translatedFrom: row.translated_from, url, previewUrl: `/newsroom/preview/${row.id}`, allowed: this.allowedActions(user, row),
      autosave: autosave ? { baseRevision: autosave.base_revision, savedAt: autosave.saved_at, data: JSON.parse(autosave.data) as unknown } : null,
    };
  }

  async get(user: SessionUser | Actor, id: number): Promise<ArticleOut> {
    const row = await this.row(id);
    authorizeRead(user, row);
    return this.present(user, row);
  }

  private async checkRefs(p: { sectionId?: number; tagIds?: number[]; authorIds?: number[]; heroAssetId?: number | null }): Promise<void> {
    if (p.sectionId !== undefined && !(await existingIds(this.db, 'sections', [p.sectionId])).has(p.sectionId)) throw invalid('sectionId: no such section');
    if (p.tagIds) {
      if (p.tagIds.length > LIMITS.tags) throw invalid(`tagIds: at most ${LIMITS.tags}`);
      const found = await existingIds(this.db, 'tags', p.tagIds);
      const missing = p.tagIds.find((t) => !found.has(t));
      if (missing !== undefined) throw invalid(`tagIds: no tag ${missing}`);
    }
    if (p.authorIds) {
      if (p.authorIds.length > LIMITS.authors) throw invalid(`authorIds: at most ${LIMITS.authors}`);
      const found = await existingIds(this.db, 'authors', p.authorIds);
      const missing = p.authorIds.find((t) => !found.has(t));
      if (missing !== undefined) throw invalid(`authorIds: no author ${missing}`);
    }
    if (p.heroAssetId !== undefined && p.heroAssetId !== null && !(await existingIds(this.db, 'media_assets', [p.heroAssetId])).has(p.heroAssetId)) {
      throw invalid('heroAssetId: no such photo');
    }
  }

  async create(user: SessionUser | Actor, rawInput: CreateInput): Promise<ArticleOut> {
    const input = stripBidiFields(rawInput, ['headline', 'lead']);
    if (!(WRITTEN_EDITIONS as readonly string[]).includes(input.edition)) throw invalid('edition: one of kz, ru, en, cn, uz');
    authorize(user, input.translatedFrom !== undefined ? 'article.translate' : 'article.create', { edition: input.edition });
    checkText('headline', input.headline);
    checkText('lead', input.lead);
    const body = input.body === undefined ? EMPTY_BODY : validBody(input.body);
    await this.checkRefs(input);
    const now = this.deps.clock().toISOString();
    const id = await this.db.transaction().execute(async (trx) => {
      if (input.storyId !== undefined && (await storyHasEdition(trx, input.storyId, input.edition))) {
        throw conflict('EDITION_EXISTS', `The story already has a ${input.edition} article`);
      }
      const headline = input.headline ?? '';
      const articleId = await insertDraft(trx, {
        storyId: input.storyId ?? null, edition: input.edition, sectionId: input.sectionId, slug: headline ? makeSlug(headline) : '',
        headline, lead: input.lead ?? '', body: JSON.stringify(body), bodyVersion: BODY_VERSION, createdBy: user.id,
        translatedFrom: input.translatedFrom ?? null,
      }, now);
      await replaceLinks(trx, articleId, input.tagIds ?? [], input.authorIds ?? []);
      await syncSearchDocuments(trx, [articleId]);
      await insertRevision(trx, articleId, 1, user.id, now, await revisionSnapshot(trx, articleId));
      await insertTransition(trx, { articleId, action: 'create', from: 'draft', to: 'draft', userId: user.id, at: now, comment: '', revision: 1 });
      return articleId;
    });
    return this.present(user, await this.row(id));
  }

  /** A save: a new revision of an unpublished article, or a correction of a published one. */
  async save(user: SessionUser | Actor, id: number, rawPatch: SavePatch): Promise<ArticleOut> {
    const patch = stripBidiFields(rawPatch, ['headline', 'lead', 'sourceLine', 'slug', 'seoTitle', 'seoDescription', 'correctionNote']);
    const row = await this.row(id);
    authorizeRead(user, row);
    const correcting = row.status === 'published';
    authorize(user, correcting ? 'article.correct' : 'article.edit', target(row));
    for (const name of ['headline', 'lead', 'sourceLine', 'seoTitle', 'seoDescription', 'correctionNote'] as const) checkText(name, patch[name]);
    if (patch.slug !== undefined && patch.slug !== '' && (!SLUG.test(patch.slug) || patch.slug.length > 80)) {
      throw invalid('slug: lower-case Latin letters, digits and hyphens, at most 80 characters');
    }
    const body = patch.body === undefined ? undefined : validBody(patch.body);
    await this.checkRefs(patch);
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
        ...(correcting ? { event: 'article.updated' as const } : {}),
        also: async (trx, saved) => {
          await deleteAutosave(trx, row.id, user.id);
          if (correcting) {
            await insertTransition(trx, { articleId: row.id, action: 'update', from: current.status, to: current.status, userId: user.id, at: now, comment: patch.correctionNote ?? '', revision: saved.revision });
            await recordAudit(trx, { userId: user.id, action: 'article.correct', targetType: 'article', targetId: row.id, detail: { revision: saved.revision } }, now);
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

  async transition(user: SessionUser | Actor, id: number, t: TransitionInput): Promise<ArticleOut> {
    const row = await this.row(id);
    authorizeRead(user, row);
    if (!isTransitionName(t.action)) throw invalid(`action: one of ${Object.keys(TRANSITIONS).join(', ')}`);
    const spec = TRANSITIONS[t.action];
    authorize(user, spec.permission, target(row));
    if (!canMove(t.action, row.status)) {
      throw conflict('INVALID_TRANSITION', `An article that is ${row.status} cannot be ${t.action === 'return' ? 'returned' : `${t.action}ed`.replace('ee', 'e')}`);
    }
    const comment = stripBidiControls(t.comment ?? '').trim();
    if (comment.length > 2000) throw invalid('comment: at most 2000 characters');
    if (t.action === 'return' && !comment) throw invalid('comment: say what to fix when returning an article');
    let scheduledAt: string | null = null;
    if (t.action === 'schedule') {
      const at = t.at === undefined ? null : parseUserTime(t.at, this.deps.timeZone);
      if (!at) throw invalid('at: a time as YYYY-MM-DDTHH:mm (agency time) or ISO 8601 with an offset');
      if (at.getTime() <= this.deps.clock().getTime()) throw invalid('at: the time must be in the future');
      scheduledAt = at.toISOString();
    }
    if (t.action === 'publish' || t.action === 'schedule') {
      if (!row.headline.trim()) throw invalid('headline: an article needs a headline before it goes out');
    }
    const record = (action: string, auditAction: string | null) => async (trx: Db, saved: { revision: number; before: PublishRow }) => {
      const now = this.deps.clock().toISOString();
      await insertTransition(trx, { articleId: row.id, action, from: saved.before.status, to: spec.to, userId: user.id, at: now, comment, revision: saved.revision });
      if (auditAction) await recordAudit(trx, { userId: user.id, action: auditAction, targetType: 'article', targetId: row.id, detail: { from: saved.before.status, revision: saved.revision } }, now);
    };
    try {
      if (t.action === 'publish') {
        await this.deps.publishing.publish(row.id, { revision: t.revision, userId: user.id, also: record('publish', 'article.publish') });
      } else if (t.action === 'unpublish') {
        await this.deps.publishing.unpublish(row.id, { revision: t.revision, userId: user.id, also: record('unpublish', 'article.unpublish') });
      } else {
        await this.deps.publishing.apply(row.id, t.revision, user.id, (current) => {
          if (!canMove(t.action as TransitionName, current.status)) throw new PublishingError('INVALID_STATE', `the article is ${current.status}`);
          const change: ArticleChange = { status: spec.to };
          if (t.action === 'schedule') Object.assign(change, { scheduled_at: scheduledAt, embargo: t.embargo ? 1 : 0 });
          if (t.action === 'unschedule') Object.assign(change, { scheduled_at: null, embargo: 0 });
          return { change, also: record(t.action, t.action === 'schedule' ? 'article.schedule' : null) };
        });
      }
    } catch (e) {
      return fromPublishing(e, () => this.get(user, id));
    }
    return this.get(user, id);
  }

  /** Publishes every scheduled article whose time has come (the scheduler calls this every 10 s). */
  async publishDue(): Promise<number> {
    const now = this.deps.clock().toISOString();
    let published = 0;
    for (const due of await dueScheduled(this.db, now)) {
      try {
        await this.deps.publishing.publish(due.id, {
          revision: due.revision,
          also: async (trx, saved) => {
            await insertTransition(trx, { articleId: due.id, action: 'publish', from: 'scheduled', to: 'published', userId: null, at: now, comment: '', revision: saved.revision });
            await recordAudit(trx, { userId: null, action: 'article.publish', targetType: 'article', targetId: due.id, detail: { scheduled: true, revision: saved.revision } }, now);
          },
        });
        published += 1;
      } catch (e) {
        // Someone changed it in the meantime (unscheduled, saved): the next run looks again.
        if (!(e instanceof PublishingError)) throw e;
      }
    }
    return published;
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
      await recordAudit(trx, { userId: user.id, action: 'article.delete', targetType: 'article', targetId: row.id, detail: { edition: row.edition, headline: row.headline, storyId: row.story_id } }, now);
      await deleteArticle(trx, row.id);
    });
  }

  async timeline(user: SessionUser | Actor, id: number) {
    const row = await this.row(id);
    authorizeRead(user, row);
    const items = await transitionsOf(this.db, row.id);
    return items.map((t) => ({
      action: t.action, from: t.from_status, to: t.to_status, at: t.at, comment: t.comment, revision: t.revision,
      user: t.user_id === null ? null : { id: t.user_id, name: t.user_name ?? '' },
    }));
  }

  async revisions(user: SessionUser | Actor, id: number) {
    const row = await this.row(id);
    authorizeRead(user, row);
    return (await revisionsOf(this.db, row.id)).map((r) => ({
      revision: r.revision, at: r.created_at, user: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' },
    }));
  }

  private async snapshot(articleId: number, revision: number): Promise<{ data: Record<string, unknown>; at: string; user: { id: number; name: string } | null }> {
    const r = Number.isSafeInteger(revision) ? await revisionOf(this.db, articleId, revision) : undefined;
    if (!r) throw notFound(`No revision ${revision}`);
    return { data: await expandRevision(JSON.parse(r.data) as Record<string, unknown>), at: r.created_at, user: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' } };
  }

  async revision(user: SessionUser | Actor, id: number, revision: number) {
    const row = await this.row(id);
    authorizeRead(user, row);
    const s = await this.snapshot(row.id, revision);
    const d = s.data;
    return {
      revision, at: s.at, user: s.user, headline: String(d['headline'] ?? ''), lead: String(d['lead'] ?? ''),
      body: JSON.parse(String(d['body'] ?? 'null')) ?? EMPTY_BODY, sectionId: d['section_id'], tagIds: d['tagIds'] ?? [], authorIds: d['authorIds'] ?? [],
      sourceLine: d['source_line'] ?? '', slug: d['slug'] ?? '', status: d['status'],
    };
  }

  async diff(user: SessionUser | Actor, id: number, from: number, to: number): Promise<{ from: number; to: number } & RevisionComparison> {
    const row = await this.row(id);
    authorizeRead(user, row);
    const [a, b] = await Promise.all([this.snapshot(row.id, from), this.snapshot(row.id, to)]);
    // In a worker thread: a long comparison must not hold the event loop (diffRunner.ts).
    return { from, to, ...(await diffRunner.compare(a.data, b.data)) };
  }

  /** Saves revision n's content as a new revision (guarded by the current one). */
  async restore(user: SessionUser | Actor, id: number, revision: number, current: number): Promise<ArticleOut> {
    const row = await this.row(id);
    authorizeRead(user, row);
    authorize(user, row.status === 'published' ? 'article.correct' : 'article.restore', target(row));
    const d = (await this.snapshot(row.id, revision)).data;
    const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);
    const tagIds = (await existingIds(this.db, 'tags', ids(d['tagIds'])));
    const authorIds = (await existingIds(this.db, 'authors', ids(d['authorIds'])));
    const sectionOk = (await existingIds(this.db, 'sections', [Number(d['section_id'])])).size === 1;
    return this.save(user, id, {
      revision: current, headline: String(d['headline'] ?? ''), lead: String(d['lead'] ?? ''), body: JSON.parse(String(d['body'] ?? 'null')) ?? EMPTY_BODY,
      sourceLine: String(d['source_line'] ?? ''), seoTitle: String(d['seo_title'] ?? ''), seoDescription: String(d['seo_description'] ?? ''),
      ...(sectionOk ? { sectionId: Number(d['section_id']) } : {}),
      tagIds: ids(d['tagIds']).filter((t) => tagIds.has(t)), authorIds: ids(d['authorIds']).filter((a) => authorIds.has(a)),
    });
  }

  private summaries(rows: readonly (SummaryRow & { views?: number })[], names: Map<number, string>): ArticleSummary[] {
    return rows.map((r) => ({
      id: r.id, publicId: r.public_id, storyId: r.story_id, edition: r.edition, sectionId: r.section_id, status: r.status, headline: r.headline,
      createdBy: r.created_by === null ? null : { id: r.created_by, name: names.get(r.created_by) ?? '' }, modifiedAt: r.modified_at,
      publishedAt: r.published_at, scheduledAt: r.scheduled_at, embargo: r.embargo === 1, revision: r.revision,
      ...(r.views !== undefined ? { views: r.views } : {}),
    }));
  }

  async summarize(rows: readonly (SummaryRow & { views?: number })[]): Promise<ArticleSummary[]> {
    const names = await userNames(this.db, rows.flatMap((r) => (r.created_by === null ? [] : [r.created_by])));
    return this.summaries(rows, names);
  }

  async list(user: SessionUser | Actor, q: Omit<ArticleQuery, 'editions'>): Promise<{ items: ArticleSummary[]; total: number }> {
    if (q.edition !== undefined && !(user.desks as readonly string[]).includes(q.edition)) return { items: [], total: 0 };
    const { items, total } = await listArticles(this.db, { ...q, editions: user.desks });
    return { items: await this.summarize(items), total };
  }

  async dashboard(user: SessionUser | Actor) {
    const now = this.deps.clock();
    const today = startOfLocalDay(now, this.deps.timeZone);
    const editions = user.desks;
    const [mine, waiting, scheduled, publishedToday, read] = await Promise.all([
      listArticles(this.db, { editions, createdBy: user.id, statuses: ['draft', 'returned'], limit: 20 }),
      listArticles(this.db, { editions, statuses: ['submitted'], limit: 20 }),
      listArticles(this.db, { editions, statuses: ['scheduled'], limit: 20, order: 'scheduled' }),
      listArticles(this.db, { editions, statuses: ['published'], publishedFrom: today.toISOString(), limit: 20, order: 'published' }),
      mostRead(this.db, editions, Math.floor(today.getTime() / 3_600_000), 10),
    ]);
    return {
      myDrafts: await this.summarize(mine.items), waiting: await this.summarize(waiting.items), scheduled: await this.summarize(scheduled.items),
      publishedToday: await this.summarize(publishedToday.items), mostReadToday: await this.summarize(read),
    };
  }

  /** For the permission checks of other services (translations, overrides, preview). */
  async readable(user: SessionUser | Actor, id: number, action: Action = 'article.read'): Promise<PublishRow> {
    const row = await this.row(id);
    authorizeRead(user, row);
    if (action !== 'article.read') authorize(user, action, target(row));
    return row;
  }
}

