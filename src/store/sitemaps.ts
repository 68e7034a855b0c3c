// Queries of the sitemaps: only the columns a sitemap entry needs, in bounded chunks.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';

/** Visible articles per month (`yyyy-mm` of published_at, UTC) and written edition, with the newest change. */
export async function articleMonths(db: Db, now: string): Promise<{ month: string; edition: string; n: number; lastmod: string }[]> {
  const month = sql<string>`substr(published_at, 1, 7)`;
  const rows = await db.selectFrom('articles')
    .select((eb) => [
      month.as('month'), 'edition', eb.fn.countAll<number>().as('n'),
      eb.fn.max(sql<string>`coalesce(updated_at, published_at)`).as('lastmod'),
    ])
    .where('status', '=', 'published').where('published_at', '<=', now)
    .groupBy([month, 'edition'])
    .execute();
  return rows.map((r) => ({ month: r.month, edition: r.edition, n: Number(r.n), lastmod: r.lastmod }));
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

/** Visible articles published in [from, to), oldest first, one page of them, with the lead photo's file. */
export async function articlesBetween(db: Db, from: string, to: string, now: string, limit: number, offset: number): Promise<SitemapArticleRow[]> {
  const rows = await db.selectFrom('articles')
    .leftJoin('media_assets', 'media_assets.id', 'articles.hero_asset_id')
    .select(['articles.id', 'articles.story_id', 'articles.edition', 'articles.public_id', 'articles.slug',
      'articles.published_at', 'articles.updated_at', 'media_assets.file_key', 'media_assets.width'])
    .where('articles.status', '=', 'published').where('articles.published_at', '<=', now)
    .where('articles.published_at', '>=', from).where('articles.published_at', '<', to)
    .orderBy('articles.published_at').orderBy('articles.id')
    .limit(limit).offset(offset)
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? from }));
}

/** The visible editions of many stories (for hreflang alternates), in chunks the drivers accept. */
export async function storySiblings(db: Db, storyIds: readonly number[], now: string): Promise<{ story_id: number; edition: string; public_id: string; slug: string }[]> {
  const ids = [...new Set(storyIds)];
  const out: { story_id: number; edition: string; public_id: string; slug: string }[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    out.push(...await db.selectFrom('articles').select(['story_id', 'edition', 'public_id', 'slug'])
      .where('story_id', 'in', ids.slice(i, i + 1000))
      .where('status', '=', 'published').where('published_at', '<=', now)
      .execute());
  }
  return out;
}

/** The newest visible articles of a written edition published since `since` (Google News). */
export async function newsArticles(db: Db, edition: string, since: string, now: string, limit: number): Promise<{ id: number; public_id: string; slug: string; headline: string; published_at: string }[]> {
  const rows = await db.selectFrom('articles').select(['id', 'public_id', 'slug', 'headline', 'published_at'])
    .where('edition', '=', edition).where('status', '=', 'published')
    .where('published_at', '<=', now).where('published_at', '>=', since)
    .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? now }));
}

/** Every tag's slug per written edition. */
export async function tagSlugs(db: Db): Promise<{ tag_id: number; edition: string; slug: string }[]> {
  return db.selectFrom('tag_names').select(['tag_id', 'edition', 'slug']).orderBy('tag_id').execute();
}

/** Every author's slug and the written editions that name them. */
export async function authorSlugs(db: Db): Promise<{ id: number; slug: string; edition: string }[]> {
  return db.selectFrom('authors').innerJoin('author_names', 'author_names.author_id', 'authors.id')
    .select(['authors.id', 'authors.slug', 'author_names.edition']).orderBy('authors.id').execute();
}
