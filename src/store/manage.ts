// Sections, tags, authors and users as the newsroom manages them.
import type { Db } from '../db/connect.ts';

export async function tagsWithNames(db: Db, opts: { ids?: readonly number[]; matching?: readonly string[]; edition?: string; limit: number }) {
  let ids = opts.ids;
  if (opts.matching) {
    let q = db.selectFrom('tag_names').select('tag_id').distinct();
    if (opts.edition) q = q.where('edition', '=', opts.edition);
    const forms = opts.matching;
    q = q.where((eb) => eb.or(forms.map((f) => eb('name', 'like', `%${f}%`))));
    ids = (await q.limit(opts.limit).execute()).map((r) => r.tag_id);
    if (ids.length === 0) return [];
  }
  let tq = db.selectFrom('tags').select(['id', 'key']).orderBy('key');
  if (ids) tq = tq.where('id', 'in', [...ids]);
  const tags = await tq.limit(opts.limit).execute();
  if (tags.length === 0) return [];
  const names = await db.selectFrom('tag_names').select(['tag_id', 'edition', 'name', 'slug']).where('tag_id', 'in', tags.map((t) => t.id)).execute();
  return tags.map((t) => ({
    id: t.id, key: t.key,
    names: Object.fromEntries(names.filter((n) => n.tag_id === t.id).map((n) => [n.edition, { name: n.name, slug: n.slug }])),
  }));
}

export async function slugTaken(db: Db, table: 'tag_names' | 'section_names', edition: string, slug: string, exceptId?: number): Promise<boolean> {
  const idColumn = table === 'tag_names' ? 'tag_id' : 'section_id';
  let q = db.selectFrom(table).select(idColumn).where('edition', '=', edition).where('slug', '=', slug);
  if (exceptId !== undefined) q = q.where(idColumn, '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export async function authorsWithNames(db: Db) {
  const [authors, names] = await Promise.all([
    db.selectFrom('authors').select(['id', 'key', 'slug', 'photo_asset_id']).orderBy('key').execute(),
    db.selectFrom('author_names').select(['author_id', 'edition', 'name', 'role', 'bio']).execute(),
  ]);
  return authors.map((a) => ({
    id: a.id, key: a.key, slug: a.slug, photoAssetId: a.photo_asset_id,
    names: Object.fromEntries(names.filter((n) => n.author_id === a.id).map((n) => [n.edition, { name: n.name, role: n.role, bio: n.bio }])),
  }));
}

/** Moves every article of `from` to `into` (no duplicates), keeps `from`'s slugs as redirects, deletes `from`. */
export async function mergeTags(db: Db, from: number, into: number): Promise<number> {
  const moving = await db.selectFrom('article_tags').select(['article_id', 'position']).where('tag_id', '=', from).execute();
  const already = new Set((await db.selectFrom('article_tags').select('article_id').where('tag_id', '=', into).execute()).map((r) => r.article_id));
  const toAdd = moving.filter((m) => !already.has(m.article_id));
  if (toAdd.length > 0) await db.insertInto('article_tags').values(toAdd.map((m) => ({ article_id: m.article_id, tag_id: into, position: m.position }))).execute();
  const slugs = await db.selectFrom('tag_names').select(['edition', 'slug']).where('tag_id', '=', from).execute();
  await db.updateTable('tag_redirects').set({ tag_id: into }).where('tag_id', '=', from).execute();
  if (slugs.length > 0) await db.insertInto('tag_redirects').values(slugs.map((s) => ({ edition: s.edition, slug: s.slug, tag_id: into }))).execute();
  await db.deleteFrom('tags').where('id', '=', from).execute();
  return moving.length;
}
