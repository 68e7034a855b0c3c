// Article queries. Only published articles whose time has come are visible to readers.
import type { Db } from '../db/connect.ts';
import type { ArticleRow } from '../db/tables.ts';

/** The columns a list of articles needs (never `select *`). */
const CARD_COLUMNS = [
  'articles.id',
  'articles.public_id',
  'articles.story_id',
  'articles.edition',
  'articles.section_id',
  'articles.slug',
  'articles.headline',
  'articles.lead',
  'articles.hero_asset_id',
  'articles.breaking',
  'articles.pinned',
  'articles.published_at',
  'articles.updated_at',
] as const;

export interface CardRow {
  id: number;
  public_id: string;
  story_id: number;
  edition: string;
  section_id: number;
  slug: string;
  headline: string;
  lead: string;
  hero_asset_id: number | null;
  breaking: number;
  pinned: number;
  published_at: string | null;
  updated_at: string | null;
}

export interface ListFilter {
  readonly edition: string;
  /** Visible at this instant (ISO): published and not embargoed. */
  readonly now: string;
  readonly sectionId?: number;
  readonly storyId?: number;
  readonly tagId?: number;
  readonly authorId?: number;
  /** Published in [from, to). */
  readonly from?: string;
  readonly to?: string;
  readonly excludeIds?: readonly number[];
}

/** Visible articles of an edition matching the filter: the base of every reader-facing list. */
export function visibleArticles(db: Db, f: ListFilter) {
  let q = db
    .selectFrom('articles')
    .where('articles.edition', '=', f.edition)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', f.now);
  if (f.sectionId !== undefined) q = q.where('articles.section_id', '=', f.sectionId);
  if (f.storyId !== undefined) q = q.where('articles.story_id', '=', f.storyId);
  if (f.tagId !== undefined) {
    const tagId = f.tagId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_tags')
          .select('article_tags.article_id')
          .whereRef('article_tags.article_id', '=', 'articles.id')
          .where('article_tags.tag_id', '=', tagId),
      ),
    );
  }
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
  if (f.from !== undefined) q = q.where('articles.published_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('articles.published_at', '<', f.to);
  if (f.excludeIds && f.excludeIds.length > 0) q = q.where('articles.id', 'not in', [...f.excludeIds]);
  return q;
}

export async function listPublished(db: Db, f: ListFilter, limit: number, offset = 0): Promise<CardRow[]> {
  return visibleArticles(db, f)
    .select(CARD_COLUMNS)
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/**
 * How many of each tag's latest articles (of every edition) are weighed as related stories: bounded
 * at any archive size. Each candidate costs one lookup by id; 300 per tag made the lookups a
 * quarter of an article page's database time, and 100 still leave ~20 per tag in each edition for
 * the four shown.
 */
export const RELATED_CANDIDATES_PER_TAG = 100;

/**
 * Visible articles sharing tags with an article: most shared tags first, then the newest. Each
 * tag's latest RELATED_CANDIDATES_PER_TAG articles are the candidates (an index walk of
 * `article_tags (tag_id, article_id)` per tag), then the visible ones are read by id: no query
 * grows with the archive.
 */
export async function relatedByTags(db: Db, f: ListFilter, tagIds: readonly number[], limit: number): Promise<CardRow[]> {
  if (tagIds.length === 0 || limit <= 0) return [];
  const shared = new Map<number, number>();
  // Each tag's walk as a subquery, all in one statement (one round trip, not one per tag).
  const walks = [...new Set(tagIds)].map((tagId, i) =>
    db
      .selectFrom(
        db
          .selectFrom('article_tags')
          .select('article_id')
          .where('tag_id', '=', tagId)
          .orderBy('article_id', 'desc')
          .limit(RELATED_CANDIDATES_PER_TAG)
          .as(`t${i}`),
      )
      .select('article_id'),
  );
  const candidates = await walks
    .slice(1)
    .reduce((q, w) => q.unionAll(w), walks[0]!)
    .execute();
  for (const r of candidates) shared.set(r.article_id, (shared.get(r.article_id) ?? 0) + 1);
  if (shared.size === 0) return [];
  // The candidates' visibility and date only (SQLite reads them from the covering index
  // `articles_visible`; a card's columns lie after the body, in each row's overflow pages), then
  // the cards of the few shown.
  const visible = await visibleArticles(db, f)
    .where('articles.id', 'in', [...shared.keys()])
    .select(['articles.id', 'articles.published_at'])
    .execute();
  const chosen = visible
    .sort((a, b) => shared.get(b.id)! - shared.get(a.id)! || (b.published_at ?? '').localeCompare(a.published_at ?? '') || b.id - a.id)
    .slice(0, limit)
    .map((r) => r.id);
  if (chosen.length === 0) return [];
  const rows = await visibleArticles(db, f).where('articles.id', 'in', chosen).select(CARD_COLUMNS).execute();
  const order = new Map(chosen.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** The publication time of the nearest visible article before `f.to` (`'before'`) or from `f.from` on (`'after'`). */
export async function nearestPublished(db: Db, f: ListFilter, direction: 'before' | 'after'): Promise<string | null> {
  const row = await visibleArticles(db, f)
    .select('articles.published_at')
    .orderBy('articles.published_at', direction === 'before' ? 'desc' : 'asc')
    .limit(1)
    .executeTakeFirst();
  return row?.published_at ?? null;
}

export async function countPublished(db: Db, f: ListFilter): Promise<number> {
  const row = await visibleArticles(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many visible articles match, counted up to `cap`: a walk of the newest `cap` rows along the
 * list's own index (the same plan as the list), never a count of a whole edition.
 */
export async function countPublishedUpTo(db: Db, f: ListFilter, cap: number): Promise<number> {
  const row = await db
    .selectFrom(
      visibleArticles(db, f)
        .select('articles.id')
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(cap)
        .as('newest'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest `perSection` visible articles of each section (one indexed query per section). */
export async function latestPerSection(
  db: Db,
  edition: string,
  now: string,
  sectionIds: readonly number[],
  perSection: number,
): Promise<CardRow[]> {
  const lists = await Promise.all(sectionIds.map((sectionId) => listPublished(db, { edition, now, sectionId }, perSection)));
  return lists.flat();
}

export async function cardsByIds(db: Db, ids: readonly number[], now: string): Promise<CardRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('articles')
    .select(CARD_COLUMNS)
    .where('articles.id', 'in', [...ids])
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now)
    .execute();
}

/** Headlines of many articles (as written), for lists that show nothing else. */
export async function headlinesByIds(db: Db, ids: readonly number[]): Promise<{ id: number; headline: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('id', 'in', [...ids])
    .execute();
}

export type FullArticleRow = Pick<
  ArticleRow,
  | 'id'
  | 'public_id'
  | 'story_id'
  | 'edition'
  | 'section_id'
  | 'status'
  | 'slug'
  | 'headline'
  | 'lead'
  | 'body'
  | 'body_version'
  | 'source_line'
  | 'hero_asset_id'
  | 'breaking'
  | 'pinned'
  | 'seo_title'
  | 'seo_description'
  | 'published_at'
  | 'updated_at'
  | 'created_at'
  | 'modified_at'
  | 'revision'
  | 'correction_note'
>;

const FULL_COLUMNS = [
  'id',
  'public_id',
  'story_id',
  'edition',
  'section_id',
  'status',
  'slug',
  'headline',
  'lead',
  'body',
  'body_version',
  'source_line',
  'hero_asset_id',
  'breaking',
  'pinned',
  'seo_title',
  'seo_description',
  'published_at',
  'updated_at',
  'created_at',
  'modified_at',
  'revision',
  'correction_note',
] as const;

/** Whole articles by id (any state; the caller checks visibility), in no particular order. */
export async function articlesByIds(db: Db, ids: readonly number[]): Promise<FullArticleRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('articles')
    .select(FULL_COLUMNS)
    .where('id', 'in', [...ids])
    .execute();
}

export async function articleByPublicId(db: Db, publicId: string): Promise<FullArticleRow | undefined> {
  return db.selectFrom('articles').select(FULL_COLUMNS).where('public_id', '=', publicId).executeTakeFirst();
}

/** Every visible edition of a story: for the language menu and hreflang. */
export async function storyEditions(db: Db, storyId: number, now: string): Promise<{ edition: string; public_id: string; slug: string }[]> {
  return db
    .selectFrom('articles')
    .select(['edition', 'public_id', 'slug'])
    .where('story_id', '=', storyId)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .execute();
}

export async function tagIdsFor(db: Db, articleIds: readonly number[]): Promise<{ article_id: number; tag_id: number }[]> {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_tags')
    .select(['article_id', 'tag_id'])
    .where('article_id', 'in', [...articleIds])
    .orderBy('article_id')
    .orderBy('position')
    .execute();
}

export async function authorIdsFor(db: Db, articleIds: readonly number[]): Promise<{ article_id: number; author_id: number }[]> {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_authors')
    .select(['article_id', 'author_id'])
    .where('article_id', 'in', [...articleIds])
    .orderBy('article_id')
    .orderBy('position')
    .execute();
}
