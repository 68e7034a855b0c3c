// Queries of the feeds: the newest visible articles with what a full-text item needs, and the
// derived editions' overrides of many articles at once.
import type { Db } from '../db/connect.ts';
import { visibleArticles } from './articles.ts';

export interface FeedFilter {
  /** The written edition whose articles are listed. */
  readonly edition: string;
  /** Visible at this instant (ISO): published and not embargoed. */
  readonly now: string;
  readonly sectionId?: number;
  readonly tagId?: number;
  readonly authorId?: number;
}

export interface FeedRow {
  id: number;
  public_id: string;
  section_id: number;
  slug: string;
  headline: string;
  lead: string;
  body: string;
  source_line: string;
  hero_asset_id: number | null;
  published_at: string;
  updated_at: string | null;
  created_at: string;
}

/** The newest `limit` visible articles of an edition, optionally of one section, tag or author. */
export async function feedArticles(db: Db, f: FeedFilter, limit: number): Promise<FeedRow[]> {
  const q = visibleArticles(db, f).select([
    'articles.id',
    'articles.public_id',
    'articles.section_id',
    'articles.slug',
    'articles.headline',
    'articles.lead',
    'articles.body',
    'articles.source_line',
    'articles.hero_asset_id',
    'articles.published_at',
    'articles.updated_at',
    'articles.created_at',
  ]);
  const rows = await q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit).execute();
  // published_at is never null here (the where clause), whatever the column type says.
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? f.now }));
}

/** Kept for the sitemaps: the loader lives in store/overrides.ts. */
export { overridesForArticles } from './overrides.ts';
