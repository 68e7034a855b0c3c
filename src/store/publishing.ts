// Writes of article changes: the guarded update, tags and authors, and the revision of each save.
import type { Db } from '../db/connect.ts';
import type { ArticleStatus } from '../db/tables.ts';

const PUBLISH_COLUMNS = [
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
  'created_by',
  'scheduled_at',
  'embargo',
  'correction_note',
  'translated_from',
] as const;

export interface PublishRow {
  id: number;
  public_id: string;
  story_id: number;
  edition: string;
  section_id: number;
  status: ArticleStatus;
  slug: string;
  headline: string;
  lead: string;
  body: string;
  body_version: number;
  source_line: string;
  hero_asset_id: number | null;
  breaking: number;
  pinned: number;
  seo_title: string;
  seo_description: string;
  published_at: string | null;
  updated_at: string | null;
  created_at: string;
  modified_at: string;
  revision: number;
  created_by: number | null;
  scheduled_at: string | null;
  embargo: number;
  correction_note: string;
  translated_from: number | null;
}

/** The columns a change may set. */
export type ArticleChange = Partial<
  Pick<
    PublishRow,
    | 'status'
    | 'section_id'
    | 'slug'
    | 'headline'
    | 'lead'
    | 'body'
    | 'source_line'
    | 'hero_asset_id'
    | 'breaking'
    | 'pinned'
    | 'seo_title'
    | 'seo_description'
    | 'published_at'
    | 'updated_at'
    | 'scheduled_at'
    | 'embargo'
    | 'correction_note'
  >
>;

export async function articleForPublishing(db: Db, id: number): Promise<PublishRow | undefined> {
  return db.selectFrom('articles').select(PUBLISH_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function linkIds(db: Db, articleId: number): Promise<{ tagIds: number[]; authorIds: number[] }> {
  const [tags, authors] = await Promise.all([
    db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).orderBy('position').execute(),
    db.selectFrom('article_authors').select('author_id').where('article_id', '=', articleId).orderBy('position').execute(),
  ]);
  return { tagIds: tags.map((t) => t.tag_id), authorIds: authors.map((a) => a.author_id) };
}

/** Applies a change guarded by the revision it started from; false when someone saved in between. */
export async function saveArticleChange(
  db: Db,
  id: number,
  fromRevision: number,
  change: ArticleChange,
  modifiedAt: string,
): Promise<boolean> {
  const r = await db
    .updateTable('articles')
    .set({ ...change, modified_at: modifiedAt, revision: fromRevision + 1 })
    .where('id', '=', id)
    .where('revision', '=', fromRevision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Replaces the article's tags and/or authors (in the order given). */
export async function replaceLinks(db: Db, articleId: number, tagIds?: readonly number[], authorIds?: readonly number[]): Promise<void> {
  if (tagIds) {
    await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    if (tagIds.length > 0)
      await db
        .insertInto('article_tags')
        .values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position })))
        .execute();
  }
  if (authorIds) {
    await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
    if (authorIds.length > 0)
      await db
        .insertInto('article_authors')
        .values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position })))
        .execute();
  }
}

/** The article's own caption and credit of its lead photo, while that photo is still the lead photo (else null). */
export async function heroTextsOf(
  db: Db,
  articleId: number,
  heroAssetId: number | null,
): Promise<{ asset_id: number; caption: string; credit: string } | null> {
  if (heroAssetId === null) return null;
  const row = await db
    .selectFrom('article_photo_texts')
    .select(['asset_id', 'caption', 'credit'])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return row && row.asset_id === heroAssetId ? row : null;
}

/**
 * Replaces the article's own caption and credit of its lead photo (written for its lead photo now;
 * null, both empty or no lead photo: the library's texts again).
 */
export async function putHeroTexts(
  db: Db,
  articleId: number,
  texts: { caption: string; credit: string } | null,
  now: string,
): Promise<void> {
  const article = await db.selectFrom('articles').select('hero_asset_id').where('id', '=', articleId).executeTakeFirst();
  await db.deleteFrom('article_photo_texts').where('article_id', '=', articleId).execute();
  const hero = article?.hero_asset_id ?? null;
  if (hero === null || texts === null || (!texts.caption && !texts.credit)) return;
  await db
    .insertInto('article_photo_texts')
    .values({ article_id: articleId, asset_id: hero, caption: texts.caption, credit: texts.credit, updated_at: now })
    .execute();
}

/**
 * The whole article as a revision keeps it: every column, its tags and authors, and its own caption
 * and credit of the lead photo (`hero_texts`, null when the library's are shown).
 */
export async function revisionSnapshot(db: Db, articleId: number): Promise<Record<string, unknown>> {
  const row = await articleForPublishing(db, articleId);
  if (!row) throw new Error(`article ${articleId} does not exist`);
  const texts = await heroTextsOf(db, articleId, row.hero_asset_id);
  return {
    ...row,
    ...(await linkIds(db, articleId)),
    hero_texts: texts === null ? null : { caption: texts.caption, credit: texts.credit },
  };
}

export async function insertRevision(
  db: Db,
  articleId: number,
  revision: number,
  userId: number | null,
  at: string,
  data: unknown,
): Promise<void> {
  await db
    .insertInto('revisions')
    .values({ article_id: articleId, revision, user_id: userId, created_at: at, data: JSON.stringify(data) })
    .execute();
}

/** The written edition and publication time of a story's other published articles (their sitemap months). */
export async function storySiblingDates(
  db: Db,
  storyId: number,
  exceptId: number,
): Promise<{ edition: string; published_at: string | null }[]> {
  return db
    .selectFrom('articles')
    .select(['edition', 'published_at'])
    .where('story_id', '=', storyId)
    .where('status', '=', 'published')
    .where('id', '!=', exceptId)
    .execute();
}
