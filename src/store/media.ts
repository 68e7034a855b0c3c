// Media assets and their caption and credit per edition.
import type { Db } from '../db/connect.ts';

export interface AssetRow {
  id: number;
  file_key: string;
  width: number;
  height: number;
  focal_x: number;
  focal_y: number;
  caption: string | null;
  credit: string | null;
  /** '' for demo photos; the uploaded original's extension when the asset also has AVIF variants. */
  original_ext: string;
}

export async function assetsByIds(db: Db, edition: string, ids: readonly number[]): Promise<AssetRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('media_assets')
    .leftJoin('media_texts', (j) => j.onRef('media_texts.asset_id', '=', 'media_assets.id').on('media_texts.edition', '=', edition))
    .select([
      'media_assets.id',
      'media_assets.file_key',
      'media_assets.width',
      'media_assets.height',
      'media_assets.focal_x',
      'media_assets.focal_y',
      'media_texts.caption',
      'media_texts.credit',
      'media_assets.original_ext',
    ])
    .where('media_assets.id', 'in', [...ids])
    .execute();
}
