// Sections, tags, authors and their names per edition.
import type { Db } from '../db/connect.ts';

export interface SectionRow {
  id: number;
  key: string;
  parent_id: number | null;
  position: number;
}
export interface NameRow {
  id: number;
  edition: string;
  name: string;
  slug: string;
}
export interface AuthorNameRow {
  id: number;
  slug: string;
  photo_asset_id: number | null;
  edition: string;
  name: string;
  role: string;
  bio: string;
}

export async function allSections(db: Db): Promise<{ sections: SectionRow[]; names: NameRow[] }> {
  const [sections, names] = await Promise.all([
    db.selectFrom('sections').select(['id', 'key', 'parent_id', 'position']).orderBy('position').execute(),
    db.selectFrom('section_names').select(['section_id as id', 'edition', 'name', 'slug']).execute(),
  ]);
  return { sections, names };
}

export async function tagBySlug(db: Db, edition: string, slug: string): Promise<NameRow | undefined> {
  return db
    .selectFrom('tag_names')
    .select(['tag_id as id', 'edition', 'name', 'slug'])
    .where('edition', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The tag a merged or renamed tag's old slug now belongs to. */
export async function tagRedirect(db: Db, edition: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('tag_redirects')
    .select('tag_id')
    .where('edition', '=', edition)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.tag_id;
}

export async function tagNames(db: Db, edition: string, ids: readonly number[]): Promise<NameRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('tag_names')
    .select(['tag_id as id', 'edition', 'name', 'slug'])
    .where('edition', '=', edition)
    .where('tag_id', 'in', [...ids])
    .execute();
}

/** A tag's names in every written edition that names it (one query, for the tag page's alternates). */
export async function tagNamesEverywhere(db: Db, id: number): Promise<NameRow[]> {
  return db.selectFrom('tag_names').select(['tag_id as id', 'edition', 'name', 'slug']).where('tag_id', '=', id).execute();
}

/** The written editions that name an author (the language menu of the author's page). */
export async function authorEditions(db: Db, authorId: number): Promise<string[]> {
  const rows = await db.selectFrom('author_names').select('edition').where('author_id', '=', authorId).execute();
  return rows.map((r) => r.edition);
}

export async function authorBySlug(db: Db, edition: string, slug: string): Promise<AuthorNameRow | undefined> {
  return db
    .selectFrom('authors')
    .innerJoin('author_names', 'author_names.author_id', 'authors.id')
    .select([
      'authors.id',
      'authors.slug',
      'authors.photo_asset_id',
      'author_names.edition',
      'author_names.name',
      'author_names.role',
      'author_names.bio',
    ])
    .where('authors.slug', '=', slug)
    .where('author_names.edition', '=', edition)
    .executeTakeFirst();
}

export async function authorNames(db: Db, edition: string, ids: readonly number[]): Promise<AuthorNameRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('authors')
    .innerJoin('author_names', 'author_names.author_id', 'authors.id')
    .select([
      'authors.id',
      'authors.slug',
      'authors.photo_asset_id',
      'author_names.edition',
      'author_names.name',
      'author_names.role',
      'author_names.bio',
    ])
    .where('authors.id', 'in', [...ids])
    .where('author_names.edition', '=', edition)
    .execute();
}
