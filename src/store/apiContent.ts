// Queries of the public API: keyset-paginated article lists and batched tags and authors.
import type { Db } from '../db/connect.ts';
import { visibleArticles, type CardRow } from '../store/articles.ts';

export interface ApiListFilter {
  /** The written edition whose articles are listed. */
  readonly edition: string;
  /** Visible at this instant (ISO): published and not embargoed. */
  readonly now: string;
  readonly sectionId?: number;
  readonly tagId?: number;
  readonly authorId?: number;
  readonly storyId?: number;
  /** Published at or after (ISO, UTC). */
  readonly since?: string;
  /** Published before (ISO, UTC). */
  readonly until?: string;
  /** Keyset cursor: rows strictly after this one in (published_at desc, id desc) order. */
  readonly after?: { readonly publishedAt: string; readonly id: number };
}

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

/** Visible articles, newest first, at most `limit` (one query, indexed on edition + published_at). */
export async function listForApi(db: Db, f: ApiListFilter, limit: number): Promise<CardRow[]> {
  let q = visibleArticles(db, {
    edition: f.edition,
    now: f.now,
    ...(f.sectionId !== undefined ? { sectionId: f.sectionId } : {}),
    ...(f.storyId !== undefined ? { storyId: f.storyId } : {}),
    ...(f.tagId !== undefined ? { tagId: f.tagId } : {}),
    ...(f.authorId !== undefined ? { authorId: f.authorId } : {}),
    ...(f.since !== undefined ? { from: f.since } : {}),
    ...(f.until !== undefined ? { to: f.until } : {}),
  }).select(CARD_COLUMNS);
  if (f.after !== undefined) {
    const { publishedAt, id } = f.after;
    // A row comparison: the index (edition, status, published_at, id) bounds it; the equivalent
    // `published_at < ? or (published_at = ? and id < ?)` made PostgreSQL read every newer row first.
    q = q.where((eb) => eb(eb.refTuple('articles.published_at', 'articles.id'), '<', eb.tuple(publishedAt, id)));
  }
  return q.orderBy('articles.published_at', 'desc').orderBy('articles.id', 'desc').limit(limit).execute();
}

export interface ArticleTagRow {
  article_id: number;
  id: number;
  key: string;
  name: string;
  slug: string;
}
export interface ArticleAuthorRow {
  article_id: number;
  id: number;
  slug: string;
  name: string;
  role: string;
  bio: string;
  photo_asset_id: number | null;
}

/** Tags of many articles in one query, with their names in a written edition, in the editor's order. */
export async function tagsOfArticles(db: Db, edition: string, articleIds: readonly number[]): Promise<ArticleTagRow[]> {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
    .innerJoin('tag_names', (j) => j.onRef('tag_names.tag_id', '=', 'article_tags.tag_id').on('tag_names.edition', '=', edition))
    .select(['article_tags.article_id', 'tags.id', 'tags.key', 'tag_names.name', 'tag_names.slug'])
    .where('article_tags.article_id', 'in', [...articleIds])
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position')
    .execute();
}

/** Authors of many articles in one query, with their names in a written edition, in the editor's order. */
export async function authorsOfArticles(db: Db, edition: string, articleIds: readonly number[]): Promise<ArticleAuthorRow[]> {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.id', 'article_authors.author_id')
    .innerJoin('author_names', (j) =>
      j.onRef('author_names.author_id', '=', 'article_authors.author_id').on('author_names.edition', '=', edition),
    )
    .select([
      'article_authors.article_id',
      'authors.id',
      'authors.slug',
      'author_names.name',
      'author_names.role',
      'author_names.bio',
      'authors.photo_asset_id',
    ])
    .where('article_authors.article_id', 'in', [...articleIds])
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
}

export async function tagsIn(db: Db, edition: string): Promise<{ id: number; key: string; name: string; slug: string }[]> {
  return db
    .selectFrom('tag_names')
    .innerJoin('tags', 'tags.id', 'tag_names.tag_id')
    .select(['tags.id', 'tags.key', 'tag_names.name', 'tag_names.slug'])
    .where('tag_names.edition', '=', edition)
    .orderBy('tag_names.slug')
    .execute();
}

export async function authorsIn(db: Db, edition: string): Promise<{ id: number; slug: string; name: string; role: string; bio: string }[]> {
  return db
    .selectFrom('authors')
    .innerJoin('author_names', 'author_names.author_id', 'authors.id')
    .select(['authors.id', 'authors.slug', 'author_names.name', 'author_names.role', 'author_names.bio'])
    .where('author_names.edition', '=', edition)
    .orderBy('authors.slug')
    .execute();
}

/** The visible articles of a story (one per written edition). */
export async function storyArticles(db: Db, storyId: number, now: string): Promise<CardRow[]> {
  return db
    .selectFrom('articles')
    .select(CARD_COLUMNS)
    .where('articles.story_id', '=', storyId)
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now)
    .orderBy('articles.edition')
    .execute();
}

/** The visible articles of many stories (one query), by story, each story's in edition order. */
export async function storiesArticles(db: Db, storyIds: readonly number[], now: string): Promise<Map<number, CardRow[]>> {
  const out = new Map<number, CardRow[]>(storyIds.map((id) => [id, []]));
  if (storyIds.length === 0) return out;
  const rows = await db
    .selectFrom('articles')
    .select(CARD_COLUMNS)
    .where('articles.story_id', 'in', [...new Set(storyIds)])
    .where('articles.status', '=', 'published')
    .where('articles.published_at', '<=', now)
    .orderBy('articles.edition')
    .execute();
  for (const r of rows) out.get(r.story_id)?.push(r);
  return out;
}
