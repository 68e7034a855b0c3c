// The newsroom's article queries: creating drafts, lists and the dashboard, the timeline,
// revisions, autosaves and presence.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ArticleStatus } from '../db/tables.ts';
import { searchArticleIds } from './search.ts';
import { EDITION_LANGUAGE, parseQuery } from '../search/analyze.ts';
import { newPublicId } from '../content/ids.ts';

export interface NewDraft {
  storyId: number | null;
  edition: string;
  sectionId: number;
  slug: string;
  headline: string;
  lead: string;
  body: string;
  bodyVersion: number;
  createdBy: number;
  translatedFrom: number | null;
  /** The lead photo (a translation starts with its source's). */
  heroAssetId?: number | null;
}

/** Inserts a draft (and its story when new) with revision 1; returns its id. */
export async function insertDraft(db: Db, d: NewDraft, now: string): Promise<number> {
  const storyId = d.storyId ?? (await db.insertInto('stories').values({ created_at: now }).returning('id').executeTakeFirstOrThrow()).id;
  for (let attempt = 0; ; attempt++) {
    const publicId = newPublicId();
    const taken = await db.selectFrom('articles').select('id').where('public_id', '=', publicId).executeTakeFirst();
    if (taken && attempt < 20) continue;
    const row = await db
      .insertInto('articles')
      .values({
        public_id: publicId,
        story_id: storyId,
        edition: d.edition,
        section_id: d.sectionId,
        status: 'draft',
        slug: d.slug,
        headline: d.headline,
        lead: d.lead,
        body: d.body,
        body_version: d.bodyVersion,
        published_at: null,
        updated_at: null,
        created_at: now,
        modified_at: now,
        revision: 1,
        created_by: d.createdBy,
        scheduled_at: null,
        translated_from: d.translatedFrom,
        hero_asset_id: d.heroAssetId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}

export async function storyHasEdition(db: Db, storyId: number, edition: string): Promise<boolean> {
  return (
    (await db.selectFrom('articles').select('id').where('story_id', '=', storyId).where('edition', '=', edition).executeTakeFirst()) !==
    undefined
  );
}

export async function userNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function existingIds(
  db: Db,
  table: 'sections' | 'tags' | 'authors' | 'media_assets',
  ids: readonly number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Set(rows.map((r) => r.id));
}

export const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.public_id',
  'articles.story_id',
  'articles.edition',
  'articles.section_id',
  'articles.status',
  'articles.headline',
  'articles.created_by',
  'articles.modified_at',
  'articles.published_at',
  'articles.scheduled_at',
  'articles.embargo',
  'articles.revision',
  'articles.slug',
] as const;

export interface SummaryRow {
  id: number;
  public_id: string;
  story_id: number;
  edition: string;
  section_id: number;
  status: ArticleStatus;
  headline: string;
  created_by: number | null;
  modified_at: string;
  published_at: string | null;
  scheduled_at: string | null;
  embargo: number;
  revision: number;
  slug: string;
}

export interface ArticleQuery {
  readonly editions: readonly string[];
  readonly edition?: string;
  readonly sectionId?: number;
  readonly statuses?: readonly ArticleStatus[];
  readonly authorId?: number;
  readonly createdBy?: number;
  readonly q?: string;
  readonly publishedFrom?: string;
  /** A time range [from, to) on the column of `order` (modified_at unless published or scheduled). */
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly offset?: number;
  /** Newest first, except `scheduled` (soonest first) and `oldest` (modified, oldest first). */
  readonly order?: 'modified' | 'oldest' | 'published' | 'scheduled' | 'headline';
}

const dateColumn = (order: ArticleQuery['order']) =>
  order === 'published' ? 'articles.published_at' : order === 'scheduled' ? 'articles.scheduled_at' : 'articles.modified_at';

function filtered(db: Db, f: ArticleQuery, ids: readonly number[] | null) {
  let q = db.selectFrom('articles').where('articles.edition', 'in', [...f.editions]);
  if (f.edition !== undefined) q = q.where('articles.edition', '=', f.edition);
  if (f.sectionId !== undefined) q = q.where('articles.section_id', '=', f.sectionId);
  if (f.statuses && f.statuses.length > 0) q = q.where('articles.status', 'in', [...f.statuses]);
  if (f.createdBy !== undefined) q = q.where('articles.created_by', '=', f.createdBy);
  if (f.publishedFrom !== undefined) q = q.where('articles.published_at', '>=', f.publishedFrom);
  if (f.from !== undefined) q = q.where(dateColumn(f.order), '>=', f.from);
  if (f.to !== undefined) q = q.where(dateColumn(f.order), '<', f.to);
  if (f.authorId !== undefined) {
    const authorId = f.authorId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_authors')
          .select('article_authors.article_id')
          .whereRef('article_authors.article_id', '=', 'articles.id')
          .where('article_authors.author_id', '=', authorId),
      ),
    );
  }
  if (ids) q = ids.length === 0 ? q.where(sql<SqlBool>`1 = 0`) : q.where('articles.id', 'in', [...ids]);
  return q;
}

/** At most this many best matches of a newsroom search are listed. */
export const NEWSROOM_SEARCH_LIMIT = 1000;

/**
 * The articles a newsroom search finds (src/search/: word forms, scripts, headline, lead, body,
 * tags and authors), in every state the list shows, each desk's query analyzed in its language.
 */
async function matchingIds(db: Db, f: ArticleQuery): Promise<number[] | null> {
  if (!f.q) return null;
  const editions = f.edition !== undefined ? [f.edition] : [...f.editions];
  const out: number[] = [];
  for (const e of editions) {
    const parsed = parseQuery(f.q, EDITION_LANGUAGE[e] ?? 'en');
    const hits = await searchArticleIds(
      db,
      parsed,
      { editions: [e], ...(f.statuses && f.statuses.length > 0 ? { statuses: f.statuses } : {}) },
      'relevance',
      NEWSROOM_SEARCH_LIMIT,
      0,
    );
    out.push(...hits.map((h) => h.id));
  }
  return out;
}

export async function listArticles(db: Db, f: ArticleQuery): Promise<{ items: SummaryRow[]; total: number }> {
  const ids = await matchingIds(db, f);
  const order = f.order === 'headline' ? 'articles.headline' : dateColumn(f.order);
  const ascending = f.order === 'scheduled' || f.order === 'oldest' || f.order === 'headline';
  const [items, count] = await Promise.all([
    filtered(db, f, ids)
      .select(SUMMARY_COLUMNS)
      .orderBy(order, ascending ? 'asc' : 'desc')
      .orderBy('articles.id', 'desc')
      .limit(f.limit)
      .offset(f.offset ?? 0)
      .execute(),
    filtered(db, f, ids)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** The most-read articles since an hour (all editions the user sees), with their views. */
export async function mostRead(
  db: Db,
  editions: readonly string[],
  sinceHour: number,
  limit: number,
): Promise<(SummaryRow & { views: number })[]> {
  return db
    .selectFrom('view_counts')
    .innerJoin('articles', 'articles.id', 'view_counts.article_id')
    .select([...SUMMARY_COLUMNS, (eb) => eb.fn.sum<number>('view_counts.views').as('views')])
    .where('view_counts.hour', '>=', sinceHour)
    .where('articles.edition', 'in', [...editions])
    .groupBy([...SUMMARY_COLUMNS])
    .orderBy('views', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, views: Number(r.views) })));
}

export async function dueScheduled(db: Db, now: string): Promise<{ id: number; revision: number }[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'revision'])
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', now)
    .orderBy('scheduled_at')
    .limit(100)
    .execute();
}

export async function insertTransition(
  db: Db,
  t: { articleId: number; action: string; from: string; to: string; userId: number | null; at: string; comment: string; revision: number },
): Promise<void> {
  await db
    .insertInto('article_transitions')
    .values({
      article_id: t.articleId,
      action: t.action,
      from_status: t.from,
      to_status: t.to,
      user_id: t.userId,
      at: t.at,
      comment: t.comment,
      revision: t.revision,
    })
    .execute();
}

export async function transitionsOf(db: Db, articleId: number) {
  return db
    .selectFrom('article_transitions')
    .leftJoin('users', 'users.id', 'article_transitions.user_id')
    .select([
      'article_transitions.action',
      'article_transitions.from_status',
      'article_transitions.to_status',
      'article_transitions.user_id',
      'users.name as user_name',
      'article_transitions.at',
      'article_transitions.comment',
      'article_transitions.revision',
    ])
    .where('article_transitions.article_id', '=', articleId)
    .orderBy('article_transitions.id')
    .execute();
}

export async function revisionsOf(db: Db, articleId: number) {
  return db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.user_id')
    .select(['revisions.revision', 'revisions.created_at', 'revisions.user_id', 'users.name as user_name'])
    .where('revisions.article_id', '=', articleId)
    .orderBy('revisions.revision', 'desc')
    .execute();
}

export async function revisionOf(db: Db, articleId: number, revision: number) {
  return db
    .selectFrom('revisions')
    .leftJoin('users', 'users.id', 'revisions.user_id')
    .select(['revisions.revision', 'revisions.created_at', 'revisions.user_id', 'users.name as user_name', 'revisions.data'])
    .where('revisions.article_id', '=', articleId)
    .where('revisions.revision', '=', revision)
    .executeTakeFirst();
}

export async function autosaveOf(db: Db, articleId: number, userId: number) {
  return db
    .selectFrom('article_autosaves')
    .select(['base_revision', 'data', 'saved_at'])
    .where('article_id', '=', articleId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function putAutosave(
  db: Db,
  articleId: number,
  userId: number,
  baseRevision: number,
  data: string,
  at: string,
): Promise<void> {
  await db.deleteFrom('article_autosaves').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
  await db
    .insertInto('article_autosaves')
    .values({ article_id: articleId, user_id: userId, base_revision: baseRevision, data, saved_at: at })
    .execute();
}

export async function deleteAutosave(db: Db, articleId: number, userId: number): Promise<void> {
  await db.deleteFrom('article_autosaves').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
}

export async function addSlugHistory(db: Db, articleId: number, slug: string, at: string): Promise<void> {
  const exists = await db
    .selectFrom('slug_history')
    .select('slug')
    .where('article_id', '=', articleId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!exists) await db.insertInto('slug_history').values({ article_id: articleId, slug, created_at: at }).execute();
}

export async function deleteArticle(db: Db, articleId: number): Promise<void> {
  await db.updateTable('ingest_items').set({ article_id: null }).where('article_id', '=', articleId).execute();
  await db.deleteFrom('articles').where('id', '=', articleId).execute();
}
