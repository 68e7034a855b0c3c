// Wire-ingest sources, the items seen from them, and the drafts made of those items.
import type { Db } from '../db/connect.ts';
import type { NewArticle } from '../db/tables.ts';
import { syncSearchDocuments } from '../search/indexer.ts';

export interface SourceRow {
  id: number;
  url: string;
  edition: string;
  section_id: number;
  poll_seconds: number;
  name: string;
  active: number;
  last_polled_at: string | null;
  last_error: string | null;
}

const SOURCE_COLUMNS = ['id', 'url', 'edition', 'section_id', 'poll_seconds', 'name', 'active', 'last_polled_at', 'last_error'] as const;

export async function addSource(
  db: Db,
  s: { url: string; edition: string; section_id: number; poll_seconds: number; name: string },
): Promise<number> {
  const row = await db
    .insertInto('ingest_sources')
    .values({ ...s, active: 1, last_polled_at: null, last_error: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('ingest_sources').select(SOURCE_COLUMNS).orderBy('id').execute();
}

export async function activeSources(db: Db): Promise<SourceRow[]> {
  return db.selectFrom('ingest_sources').select(SOURCE_COLUMNS).where('active', '=', 1).orderBy('id').execute();
}

export async function removeSource(db: Db, id: number): Promise<boolean> {
  const r = await db.deleteFrom('ingest_sources').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function recordPoll(db: Db, id: number, at: string, error: string | null): Promise<void> {
  await db.updateTable('ingest_sources').set({ last_polled_at: at, last_error: error }).where('id', '=', id).execute();
}

/** The section id of a section slug in an edition, if there is one. */
export async function sectionIdBySlug(db: Db, edition: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('section_names')
    .select('section_id')
    .where('edition', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.section_id;
}

export async function sectionSlugs(db: Db, ids: readonly number[]): Promise<{ section_id: number; edition: string; slug: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('section_names')
    .select(['section_id', 'edition', 'slug'])
    .where('section_id', 'in', [...ids])
    .execute();
}

/** True when the source already gave an item with this guid or this link. */
export async function itemSeen(db: Db, sourceId: number, guid: string, link: string | null): Promise<boolean> {
  const row = await db
    .selectFrom('ingest_items')
    .select('source_id')
    .where('source_id', '=', sourceId)
    .where((eb) => (link === null ? eb('guid', '=', guid) : eb.or([eb('guid', '=', guid), eb('link', '=', link)])))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function publicIdTaken(db: Db, publicId: string): Promise<boolean> {
  const row = await db.selectFrom('articles').select('id').where('public_id', '=', publicId).executeTakeFirst();
  return row !== undefined;
}

/** Inserts a draft in a new story, its first revision and the item that made it; returns the article id. */
export async function insertIngestedDraft(
  db: Db,
  draft: Omit<NewArticle, 'story_id'>,
  item: { source_id: number; guid: string; link: string | null; seen_at: string },
): Promise<number> {
  const story = await db.insertInto('stories').values({ created_at: draft.created_at }).returning('id').executeTakeFirstOrThrow();
  const row = { ...draft, story_id: Number(story.id) };
  const article = await db.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow();
  const articleId = Number(article.id);
  await db
    .insertInto('revisions')
    .values({ article_id: articleId, revision: 1, user_id: null, created_at: draft.created_at, data: JSON.stringify(row) })
    .execute();
  await db
    .insertInto('ingest_items')
    .values({ ...item, article_id: articleId })
    .execute();
  await syncSearchDocuments(db, [articleId]);
  return articleId;
}
