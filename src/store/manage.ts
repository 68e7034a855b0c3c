// Sections, tags, authors and users as the newsroom manages them.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import { likeContains } from './search.ts';
import { syncSearchDocuments } from '../search/indexer.ts';

export interface TagWithNames {
  readonly id: number;
  readonly key: string;
  readonly names: Record<string, { name: string; slug: string }>;
}

/**
 * Tags in key order. `spellings` are alternatives of one query (as typed, lower case, capitalised…):
 * the two dialects share no case-folding LIKE for Cyrillic, so the service spells the query out.
 * With `edition`, only tags named in that edition (and, with spellings, matching that name).
 */
export async function tagsWithNames(
  db: Db,
  opts: { ids?: readonly number[]; spellings?: readonly string[]; edition?: string; limit: number },
): Promise<TagWithNames[]> {
  if (opts.ids?.length === 0) return [];
  const { ids, spellings, edition } = opts;
  let q = db.selectFrom('tags').select(['tags.id', 'tags.key']).orderBy('tags.key').limit(opts.limit);
  if (ids) q = q.where('tags.id', 'in', [...ids]);
  if (spellings || edition) {
    const patterns = [...new Set(spellings ?? [])].map(likeContains);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('tag_names')
          .select('tag_names.tag_id')
          .whereRef('tag_names.tag_id', '=', 'tags.id')
          .$if(edition !== undefined, (s) => s.where('tag_names.edition', '=', edition!))
          .$if(patterns.length > 0, (s) =>
            s.where((w) => w.or(patterns.map((p) => sql<SqlBool>`${w.ref('tag_names.name')} like ${p} escape '!'`))),
          ),
      ),
    );
  }
  const tags = await q.execute();
  if (tags.length === 0) return [];
  const names = await db
    .selectFrom('tag_names')
    .select(['tag_id', 'edition', 'name', 'slug'])
    .where(
      'tag_id',
      'in',
      tags.map((t) => t.id),
    )
    .execute();
  return tags.map((t) => ({
    id: t.id,
    key: t.key,
    names: Object.fromEntries(names.filter((n) => n.tag_id === t.id).map((n) => [n.edition, { name: n.name, slug: n.slug }])),
  }));
}

export async function slugTaken(
  db: Db,
  table: 'tag_names' | 'section_names',
  edition: string,
  slug: string,
  exceptId?: number,
): Promise<boolean> {
  const idColumn = table === 'tag_names' ? 'tag_id' : 'section_id';
  let q = db.selectFrom(table).select(idColumn).where('edition', '=', edition).where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where(idColumn, '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** Sets a tag's name in an edition; a live tag owns its address, so a redirect from it goes. */
export async function setTagName(db: Db, tagId: number, edition: string, name: string, slug: string): Promise<void> {
  await db.deleteFrom('tag_redirects').where('edition', '=', edition).where('slug', '=', slug).execute();
  await db.deleteFrom('tag_names').where('tag_id', '=', tagId).where('edition', '=', edition).execute();
  await db.insertInto('tag_names').values({ tag_id: tagId, edition, name, slug }).execute();
  // Tag names are searched with the articles: re-analyze the tag's articles.
  await syncSearchDocuments(
    db,
    (await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', tagId).execute()).map((r) => r.article_id),
  );
}

/** The old address of a tag's page in an edition now leads to `tagId`. */
export async function redirectTagSlug(db: Db, edition: string, slug: string, tagId: number): Promise<void> {
  await db.deleteFrom('tag_redirects').where('edition', '=', edition).where('slug', '=', slug).execute();
  await db.insertInto('tag_redirects').values({ edition, slug, tag_id: tagId }).execute();
}

/**
 * Moves every article of `from` to `into` (no duplicates) and deletes `from`. Where `into` has no
 * name in an edition it takes `from`'s (the page keeps its address); `from`'s other slugs and the
 * redirects it had lead to `into`. Returns how many articles carried `from`.
 */
export async function mergeTags(db: Db, from: number, into: number): Promise<number> {
  const moving = await db.selectFrom('article_tags').select(['article_id', 'position']).where('tag_id', '=', from).execute();
  const already = new Set(
    (await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', into).execute()).map((r) => r.article_id),
  );
  const toAdd = moving.filter((m) => !already.has(m.article_id));
  if (toAdd.length > 0)
    await db
      .insertInto('article_tags')
      .values(toAdd.map((m) => ({ article_id: m.article_id, tag_id: into, position: m.position })))
      .execute();
  const named = new Set((await db.selectFrom('tag_names').select('edition').where('tag_id', '=', into).execute()).map((r) => r.edition));
  const slugs = await db.selectFrom('tag_names').select(['edition', 'slug']).where('tag_id', '=', from).execute();
  const carried = slugs.filter((s) => !named.has(s.edition)).map((s) => s.edition);
  if (carried.length > 0)
    await db.updateTable('tag_names').set({ tag_id: into }).where('tag_id', '=', from).where('edition', 'in', carried).execute();
  await db.updateTable('tag_redirects').set({ tag_id: into }).where('tag_id', '=', from).execute();
  for (const s of slugs.filter((x) => named.has(x.edition))) await redirectTagSlug(db, s.edition, s.slug, into);
  await db.deleteFrom('tags').where('id', '=', from).execute();
  await syncSearchDocuments(
    db,
    moving.map((m) => m.article_id),
  );
  return moving.length;
}

export async function setSectionName(db: Db, sectionId: number, edition: string, name: string, slug: string): Promise<void> {
  await db.deleteFrom('section_names').where('section_id', '=', sectionId).where('edition', '=', edition).execute();
  await db.insertInto('section_names').values({ section_id: sectionId, edition, name, slug }).execute();
}

/** A new top-level section at the end of the menu. */
export async function insertSection(db: Db, key: string): Promise<number> {
  const last = await db
    .selectFrom('sections')
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  const position = Number(last?.p ?? 0) + 1;
  return (await db.insertInto('sections').values({ key, parent_id: null, position }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function authorsWithNames(db: Db) {
  const [authors, names] = await Promise.all([
    db.selectFrom('authors').select(['id', 'key', 'slug', 'photo_asset_id']).orderBy('key').execute(),
    db.selectFrom('author_names').select(['author_id', 'edition', 'name', 'role', 'bio']).execute(),
  ]);
  return authors.map((a) => ({
    id: a.id,
    key: a.key,
    slug: a.slug,
    photoAssetId: a.photo_asset_id,
    names: Object.fromEntries(
      names.filter((n) => n.author_id === a.id).map((n) => [n.edition, { name: n.name, role: n.role, bio: n.bio }]),
    ),
  }));
}
