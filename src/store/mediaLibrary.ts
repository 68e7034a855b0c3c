// The newsroom's photo library: assets with their captions and credits in every edition.
import type { Db } from '../db/connect.ts';

export const ASSET_COLUMNS = ['id', 'file_key', 'mime', 'width', 'height', 'focal_x', 'focal_y', 'bytes', 'created_at',
  'original_name', 'original_ext', 'uploaded_by'] as const;

export interface LibraryRow {
  id: number; file_key: string; mime: string; width: number; height: number; focal_x: number; focal_y: number; bytes: number;
  created_at: string; original_name: string; original_ext: string; uploaded_by: number | null;
}

export async function textsOf(db: Db, ids: readonly number[]): Promise<{ asset_id: number; edition: string; caption: string; credit: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('media_texts').select(['asset_id', 'edition', 'caption', 'credit']).where('asset_id', 'in', [...ids]).execute();
}

export async function assetById(db: Db, id: number): Promise<LibraryRow | undefined> {
  return db.selectFrom('media_assets').select(ASSET_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** Newest first; `matching` are the case forms of the search, tried against captions and credits. */
export async function searchAssets(db: Db, opts: { matching?: readonly string[]; limit: number; offset: number }): Promise<{ items: LibraryRow[]; total: number }> {
  let q = db.selectFrom('media_assets');
  if (opts.matching && opts.matching.length > 0) {
    const forms = opts.matching;
    q = q.where((eb) => eb.exists(eb.selectFrom('media_texts').select('media_texts.asset_id')
      .whereRef('media_texts.asset_id', '=', 'media_assets.id')
      .where((w) => w.or(forms.flatMap((f) => [w('media_texts.caption', 'like', `%${f}%`), w('media_texts.credit', 'like', `%${f}%`)])))));
  }
  const [items, count] = await Promise.all([
    q.select(ASSET_COLUMNS.map((c) => `media_assets.${c}` as const)).orderBy('media_assets.id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
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
