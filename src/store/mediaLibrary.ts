// The newsroom's photo library: assets with their captions and credits in every edition.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ArticleStatus } from '../db/tables.ts';
import { likeContains } from './search.ts';

export const ASSET_COLUMNS = [
  'id',
  'file_key',
  'mime',
  'width',
  'height',
  'focal_x',
  'focal_y',
  'bytes',
  'created_at',
  'original_name',
  'original_ext',
  'uploaded_by',
  'desk',
] as const;

export interface LibraryRow {
  id: number;
  file_key: string;
  mime: string;
  width: number;
  height: number;
  focal_x: number;
  focal_y: number;
  bytes: number;
  created_at: string;
  original_name: string;
  original_ext: string;
  uploaded_by: number | null;
  desk: string | null;
}

export async function textsOf(
  db: Db,
  ids: readonly number[],
): Promise<{ asset_id: number; edition: string; caption: string; credit: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('media_texts')
    .select(['asset_id', 'edition', 'caption', 'credit'])
    .where('asset_id', 'in', [...ids])
    .execute();
}

export async function assetById(db: Db, id: number): Promise<LibraryRow | undefined> {
  return db.selectFrom('media_assets').select(ASSET_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/**
 * Newest first; `matching` are the case forms of the search, tried against captions and credits
 * as they are (`%`, `_` and `!` match literally: LIKE … ESCAPE '!', the same on both databases).
 * `desk`: uploaded for it, or (photos without a desk) captioned in its edition; `uploader`: a user's
 * uploads; `from` ≤ created_at < `before` (ISO times).
 */
export async function searchAssets(
  db: Db,
  opts: { matching?: readonly string[]; desk?: string; uploader?: number; from?: string; before?: string; limit: number; offset: number },
): Promise<{ items: LibraryRow[]; total: number }> {
  let q = db.selectFrom('media_assets');
  if (opts.uploader !== undefined) q = q.where('media_assets.uploaded_by', '=', opts.uploader);
  if (opts.from !== undefined) q = q.where('media_assets.created_at', '>=', opts.from);
  if (opts.before !== undefined) q = q.where('media_assets.created_at', '<', opts.before);
  if (opts.desk !== undefined) {
    const desk = opts.desk;
    q = q.where((eb) =>
      eb.or([
        eb('media_assets.desk', '=', desk),
        eb.and([
          eb('media_assets.desk', 'is', null),
          eb.exists(
            eb
              .selectFrom('media_texts')
              .select('media_texts.asset_id')
              .whereRef('media_texts.asset_id', '=', 'media_assets.id')
              .where('media_texts.edition', '=', desk),
          ),
        ]),
      ]),
    );
  }
  if (opts.matching && opts.matching.length > 0) {
    const patterns = [...new Set(opts.matching)].map(likeContains);
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('media_texts')
          .select('media_texts.asset_id')
          .whereRef('media_texts.asset_id', '=', 'media_assets.id')
          .where((w) =>
            w.or(
              patterns.flatMap((p) => [
                sql<SqlBool>`${w.ref('media_texts.caption')} like ${p} escape '!'`,
                sql<SqlBool>`${w.ref('media_texts.credit')} like ${p} escape '!'`,
              ]),
            ),
          ),
      ),
    );
  }
  const [items, count] = await Promise.all([
    q
      .select(ASSET_COLUMNS.map((c) => `media_assets.${c}` as const))
      .orderBy('media_assets.id', 'desc')
      .limit(opts.limit)
      .offset(opts.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export async function setTexts(db: Db, assetId: number, texts: Record<string, { caption: string; credit: string }>): Promise<void> {
  for (const [edition, t] of Object.entries(texts)) {
    await db.deleteFrom('media_texts').where('asset_id', '=', assetId).where('edition', '=', edition).execute();
    await db.insertInto('media_texts').values({ asset_id: assetId, edition, caption: t.caption, credit: t.credit }).execute();
  }
}

export interface AssetUse {
  id: number;
  edition: string;
  status: ArticleStatus;
}

/**
 * The articles that show the photo: as lead photo, in an image or gallery block of the body, or in
 * a derived edition's overridden body. Bodies are stored as `JSON.stringify` writes them, so an
 * image block holds `"assetId":N` followed by `,` or `}`.
 */
export async function articlesUsingAsset(db: Db, assetId: number): Promise<AssetUse[]> {
  const inJson = [`%"assetId":${assetId},%`, `%"assetId":${assetId}}%`];
  return db
    .selectFrom('articles')
    .select(['articles.id', 'articles.edition', 'articles.status'])
    .where((eb) =>
      eb.or([
        eb('articles.hero_asset_id', '=', assetId),
        ...inJson.map((p) => eb('articles.body', 'like', p)),
        eb.exists(
          eb
            .selectFrom('derived_overrides')
            .select('derived_overrides.article_id')
            .whereRef('derived_overrides.article_id', '=', 'articles.id')
            .where('derived_overrides.field', '=', 'body')
            .where((o) => o.or(inJson.map((p) => o('derived_overrides.value', 'like', p)))),
        ),
      ]),
    )
    .orderBy('articles.id')
    .execute();
}

/** The people who uploaded photos to the library (for its uploader filter), by name. */
export async function libraryUploaders(db: Db): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('users')
    .select(['users.id', 'users.name'])
    .where((eb) => eb.exists(eb.selectFrom('media_assets').select('media_assets.id').whereRef('media_assets.uploaded_by', '=', 'users.id')))
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

/** Authors whose profile photo it is. */
export async function authorsUsingAsset(db: Db, assetId: number): Promise<number[]> {
  return (await db.selectFrom('authors').select('id').where('photo_asset_id', '=', assetId).execute()).map((r) => r.id);
}

/** Removes the photo's row and its texts. */
export async function deleteAsset(db: Db, assetId: number): Promise<void> {
  await db.deleteFrom('media_texts').where('asset_id', '=', assetId).execute();
  await db.deleteFrom('media_assets').where('id', '=', assetId).execute();
}

/** The photos uploaded with a kept original (`{file_key}-original.{ext}` under media/originals). */
export async function uploadedOriginals(db: Db): Promise<{ id: number; file_key: string; original_ext: string }[]> {
  return db.selectFrom('media_assets').select(['id', 'file_key', 'original_ext']).where('original_ext', '<>', '').orderBy('id').execute();
}
