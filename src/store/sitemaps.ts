// Queries of the sitemaps: only the columns a sitemap entry needs, in bounded chunks.
import type { Db } from '../db/connect.ts';

/**
 * Published articles per written edition and month (`yyyy-mm` of published_at, UTC) with the newest
 * change, from the counts the triggers of migration 0010 keep: no pass over the articles. Months
 * after `now`'s are left out (articles dated in the future are not visible yet).
 */
export async function articleMonths(db: Db, now: string): Promise<{ month: string; edition: string; n: number; lastmod: string }[]> {
  const rows = await db
    .selectFrom('sitemap_months')
    .select(['month', 'edition', 'articles', 'lastmod'])
    .where('articles', '>', 0)
    .where('month', '<=', now.slice(0, 7))
    .execute();
  return rows.map((r) => ({ month: r.month, edition: r.edition, n: Number(r.articles), lastmod: r.lastmod < now ? r.lastmod : now }));
}

export interface SitemapArticleRow {
  id: number;
  story_id: number;
  edition: string;
  public_id: string;
  slug: string;
  published_at: string;
  updated_at: string | null;
  file_key: string | null;
  width: number | null;
}

/** A position in a written edition's articles ordered by (published_at, id). */
export interface SitemapKey {
  readonly publishedAt: string;
  readonly id: number;
}

const visibleBetween = (db: Db, edition: string, from: string, to: string, now: string) =>
  db
    .selectFrom('articles')
    .where('articles.edition', '=', edition)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '>=', from)
    .where('articles.published_at', '<', to)
    .where('articles.published_at', '<=', now);

/**
 * The key of the `skip`-th visible article of a written edition in [from, to), oldest first, or
 * null past the end: where a later part of a month's sitemap starts. Read from the index alone
 * (edition, status, published_at, id), never from the rows.
 */
export async function keyAt(db: Db, edition: string, from: string, to: string, now: string, skip: number): Promise<SitemapKey | null> {
  const row = await visibleBetween(db, edition, from, to, now)
    .select(['articles.published_at', 'articles.id'])
    .orderBy('articles.published_at')
    .orderBy('articles.id')
    .limit(1)
    .offset(skip)
    .executeTakeFirst();
  return row && row.published_at !== null ? { publishedAt: row.published_at, id: row.id } : null;
}

/**
 * Visible articles of a written edition published in [from, to), oldest first, from `start`
 * (inclusive) on, at most `limit`, with the lead photo's file: one keyset step of a sitemap part.
 */
export async function articlesFrom(
  db: Db,
  edition: string,
  from: string,
  to: string,
  now: string,
  start: SitemapKey | null,
  limit: number,
): Promise<SitemapArticleRow[]> {
  let q = visibleBetween(db, edition, from, to, now)
    .leftJoin('media_assets', 'media_assets.id', 'articles.hero_asset_id')
    .select([
      'articles.id',
      'articles.story_id',
      'articles.edition',
      'articles.public_id',
      'articles.slug',
      'articles.published_at',
      'articles.updated_at',
      'media_assets.file_key',
      'media_assets.width',
    ]);
  if (start) q = q.where((eb) => eb(eb.refTuple('articles.published_at', 'articles.id'), '>=', eb.tuple(start.publishedAt, start.id)));
  const rows = await q.orderBy('articles.published_at').orderBy('articles.id').limit(limit).execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? from }));
}

/** The visible editions of many stories (for hreflang alternates), in chunks the drivers accept. */
export async function storySiblings(
  db: Db,
  storyIds: readonly number[],
  now: string,
): Promise<{ story_id: number; edition: string; public_id: string; slug: string }[]> {
  const ids = [...new Set(storyIds)];
  const out: { story_id: number; edition: string; public_id: string; slug: string }[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(
      ...(await db
        .selectFrom('articles')
        .select(['story_id', 'edition', 'public_id', 'slug'])
        .where('story_id', 'in', ids.slice(i, i + 1000))
        .where('status', '=', 'published')
        .where('published_at', '<=', now)
        .execute()),
    );
  }
  return out;
}

/** The newest visible articles of a written edition published since `since` (Google News). */
export async function newsArticles(
  db: Db,
  edition: string,
  since: string,
  now: string,
  limit: number,
): Promise<{ id: number; public_id: string; slug: string; headline: string; published_at: string }[]> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'public_id', 'slug', 'headline', 'published_at'])
    .where('edition', '=', edition)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .where('published_at', '>=', since)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? now }));
}

/** Every tag's slug per written edition. */
export async function tagSlugs(db: Db): Promise<{ tag_id: number; edition: string; slug: string }[]> {
  return db.selectFrom('tag_names').select(['tag_id', 'edition', 'slug']).orderBy('tag_id').execute();
}

/** Every author's slug and the written editions that name them. */
export async function authorSlugs(db: Db): Promise<{ id: number; slug: string; edition: string }[]> {
  return db
    .selectFrom('authors')
    .innerJoin('author_names', 'author_names.author_id', 'authors.id')
    .select(['authors.id', 'authors.slug', 'author_names.edition'])
    .orderBy('authors.id')
    .execute();
}
