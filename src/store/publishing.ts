// Writes of the publishing actions: status changes, visible updates and the revision of each save.
import type { Db } from '../db/connect.ts';
import type { ArticleStatus } from '../db/tables.ts';

export interface PublishRow {
  id: number; public_id: string; story_id: number; edition: string; section_id: number; status: ArticleStatus;
  slug: string; headline: string; lead: string; body: string; body_version: number; source_line: string;
  hero_asset_id: number | null; published_at: string | null; updated_at: string | null; revision: number;
}

export async function articleForPublishing(db: Db, id: number): Promise<PublishRow | undefined> {
  return db.selectFrom('articles')
    .select(['id', 'public_id', 'story_id', 'edition', 'section_id', 'status', 'slug', 'headline', 'lead', 'body',
      'body_version', 'source_line', 'hero_asset_id', 'published_at', 'updated_at', 'revision'])
    .where('id', '=', id).executeTakeFirst();
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
  db: Db, id: number, fromRevision: number,
  change: Partial<Pick<PublishRow, 'status' | 'headline' | 'lead' | 'body' | 'published_at' | 'updated_at'>>, modifiedAt: string,
): Promise<boolean> {
  const r = await db.updateTable('articles')
    .set({ ...change, modified_at: modifiedAt, revision: fromRevision + 1 })
    .where('id', '=', id).where('revision', '=', fromRevision)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRevision(db: Db, articleId: number, revision: number, userId: number | null, at: string, data: unknown): Promise<void> {
  await db.insertInto('revisions').values({ article_id: articleId, revision, user_id: userId, created_at: at, data: JSON.stringify(data) }).execute();
}
