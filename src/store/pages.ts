// Static pages ("About", "Contacts", …): readers see a page's published revision; the newsroom
// works on its newest one. Every save is a row of page_revisions (ADR 0016).
import type { Db } from '../db/connect.ts';

/** What a reader page shows: the published revision of a page. */
export interface PublishedPageRow {
  id: number;
  edition: string;
  slug: string;
  title: string;
  body: string;
  published_at: string;
  updated_at: string | null;
}

export interface PageRow {
  id: number;
  edition: string;
  slug: string;
  revision: number;
  published_revision: number | null;
  published_at: string | null;
  updated_at: string | null;
  created_at: string;
  modified_at: string;
}

export interface PageRevisionRow {
  revision: number;
  title: string;
  body: string;
  user_id: number | null;
  user_name: string | null;
  created_at: string;
}

const PAGE_COLUMNS = [
  'pages.id',
  'pages.edition',
  'pages.slug',
  'pages.revision',
  'pages.published_revision',
  'pages.published_at',
  'pages.updated_at',
  'pages.created_at',
  'pages.modified_at',
] as const;

/** The published page of a written edition with this slug. */
export async function publishedPage(db: Db, edition: string, slug: string): Promise<PublishedPageRow | undefined> {
  const row = await db
    .selectFrom('pages')
    .innerJoin('page_revisions', (j) =>
      j.onRef('page_revisions.page_id', '=', 'pages.id').onRef('page_revisions.revision', '=', 'pages.published_revision'),
    )
    .select([
      'pages.id',
      'pages.edition',
      'pages.slug',
      'page_revisions.title',
      'page_revisions.body',
      'pages.published_at',
      'pages.updated_at',
    ])
    .where('pages.edition', '=', edition)
    .where('pages.slug', '=', slug)
    .executeTakeFirst();
  return row && row.published_at ? { ...row, published_at: row.published_at } : undefined;
}

/** The written editions where a page with this slug is published (the language menu, hreflang). */
export async function publishedEditionsOf(db: Db, slug: string): Promise<string[]> {
  const rows = await db
    .selectFrom('pages')
    .select('edition')
    .where('slug', '=', slug)
    .where('published_revision', 'is not', null)
    .execute();
  return rows.map((r) => r.edition);
}

/** Every published page (the pages sitemap). */
export async function publishedPages(
  db: Db,
): Promise<{ edition: string; slug: string; published_at: string | null; updated_at: string | null }[]> {
  return db
    .selectFrom('pages')
    .select(['edition', 'slug', 'published_at', 'updated_at'])
    .where('published_revision', 'is not', null)
    .orderBy('slug')
    .orderBy('edition')
    .execute();
}

/** Every page with the title of its newest revision (the newsroom's list). */
export async function listPages(db: Db): Promise<(PageRow & { title: string })[]> {
  return db
    .selectFrom('pages')
    .innerJoin('page_revisions', (j) =>
      j.onRef('page_revisions.page_id', '=', 'pages.id').onRef('page_revisions.revision', '=', 'pages.revision'),
    )
    .select([...PAGE_COLUMNS, 'page_revisions.title'])
    .orderBy('pages.slug')
    .orderBy('pages.edition')
    .execute();
}

export async function pageById(db: Db, id: number): Promise<PageRow | undefined> {
  return db.selectFrom('pages').select(PAGE_COLUMNS).where('pages.id', '=', id).executeTakeFirst();
}

export async function pageBySlug(db: Db, edition: string, slug: string): Promise<PageRow | undefined> {
  return db.selectFrom('pages').select(PAGE_COLUMNS).where('edition', '=', edition).where('slug', '=', slug).executeTakeFirst();
}

export async function pageRevisions(db: Db, pageId: number): Promise<PageRevisionRow[]> {
  return db
    .selectFrom('page_revisions')
    .leftJoin('users', 'users.id', 'page_revisions.user_id')
    .select([
      'page_revisions.revision',
      'page_revisions.title',
      'page_revisions.body',
      'page_revisions.user_id',
      'users.name as user_name',
      'page_revisions.created_at',
    ])
    .where('page_revisions.page_id', '=', pageId)
    .orderBy('page_revisions.revision', 'desc')
    .execute();
}

export async function pageRevision(db: Db, pageId: number, revision: number): Promise<PageRevisionRow | undefined> {
  return db
    .selectFrom('page_revisions')
    .leftJoin('users', 'users.id', 'page_revisions.user_id')
    .select([
      'page_revisions.revision',
      'page_revisions.title',
      'page_revisions.body',
      'page_revisions.user_id',
      'users.name as user_name',
      'page_revisions.created_at',
    ])
    .where('page_revisions.page_id', '=', pageId)
    .where('page_revisions.revision', '=', revision)
    .executeTakeFirst();
}

/** A new page with its first revision; returns its id. */
export async function insertPage(
  db: Db,
  page: { edition: string; slug: string; title: string; body: string; userId: number | null; at: string; published: boolean },
): Promise<number> {
  const row = await db
    .insertInto('pages')
    .values({
      edition: page.edition,
      slug: page.slug,
      revision: 1,
      published_revision: page.published ? 1 : null,
      published_at: page.published ? page.at : null,
      updated_at: null,
      created_at: page.at,
      modified_at: page.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('page_revisions')
    .values({ page_id: row.id, revision: 1, title: page.title, body: page.body, user_id: page.userId, created_at: page.at })
    .execute();
  return row.id;
}

/**
 * Saves a new revision when the page is still at `base`; false when someone saved first (nothing
 * written). Run inside a transaction.
 */
export async function saveRevision(
  db: Db,
  pageId: number,
  base: number,
  data: { title: string; body: string; userId: number | null; at: string },
): Promise<boolean> {
  const updated = await db
    .updateTable('pages')
    .set({ revision: base + 1, modified_at: data.at })
    .where('id', '=', pageId)
    .where('revision', '=', base)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db
    .insertInto('page_revisions')
    .values({ page_id: pageId, revision: base + 1, title: data.title, body: data.body, user_id: data.userId, created_at: data.at })
    .execute();
  return true;
}

/** Makes a revision the one readers see (null: unpublished). */
export async function setPublished(
  db: Db,
  pageId: number,
  revision: number | null,
  times: { published_at: string | null; updated_at: string | null },
): Promise<void> {
  await db
    .updateTable('pages')
    .set({ published_revision: revision, ...times })
    .where('id', '=', pageId)
    .execute();
}
