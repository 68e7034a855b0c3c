// Turns stored rows into reader view models for one edition (texts converted, dates formatted).
import type { Db } from '../db/connect.ts';
import type { EditionCode } from '../editions/editions.ts';
import { fill } from '../editions/uiStrings.ts';
import { assetsByIds, type AssetRow } from '../store/media.ts';
import type { CardRow } from '../store/articles.ts';
import type { EditionText } from './editionText.ts';
import type { ArticleCard, ImageView, TimeView } from './pageModels.ts';
import type { SectionsCache } from './sectionsCache.ts';
import { IMAGE_WIDTHS, paths } from './urls.ts';

export function timeView(iso: string, text: EditionText): TimeView {
  return { iso, text: text.dateTime(new Date(iso)) };
}

/** A responsive image: WebP variants at IMAGE_WIDTHS, never wider than the original. */
export function imageView(asset: AssetRow, text: EditionText, over?: { caption?: string | undefined; credit?: string | undefined; alt?: string | undefined }): ImageView {
  const widths = IMAGE_WIDTHS.filter((w) => w <= asset.width);
  if (widths.length === 0) widths.push(IMAGE_WIDTHS[0]);
  const mid = widths[Math.min(1, widths.length - 1)]!;
  const caption = text.tx(over?.caption ?? asset.caption ?? '');
  const creditName = text.tx(over?.credit ?? asset.credit ?? '');
  return {
    src: paths.media(asset.file_key, mid),
    srcset: widths.map((w) => `${paths.media(asset.file_key, w)} ${w}w`).join(', '),
    ...(asset.original_ext ? { avifSrcset: widths.map((w) => `${paths.media(asset.file_key, w).replace(/\.webp$/, '.avif')} ${w}w`).join(', ') } : {}),
    width: asset.width,
    height: asset.height,
    alt: over?.alt !== undefined ? text.tx(over.alt) : caption,
    caption,
    credit: creditName ? fill(text.strings.photoCredit, { credit: creditName }) : '',
  };
}

export async function loadAssets(db: Db, text: EditionText, ids: readonly (number | null)[]): Promise<Map<number, AssetRow>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  const rows = await assetsByIds(db, text.written, wanted);
  return new Map(rows.map((r) => [r.id, r]));
}

export interface CardContext {
  readonly db: Db;
  readonly sections: SectionsCache;
  readonly code: EditionCode;
  readonly text: EditionText;
}

export async function buildCards(ctx: CardContext, rows: readonly CardRow[]): Promise<ArticleCard[]> {
  const assets = await loadAssets(ctx.db, ctx.text, rows.map((r) => r.hero_asset_id));
  return rows.map((r) => cardFrom(ctx, r, assets));
}

export function cardFrom(ctx: CardContext, r: CardRow, assets: ReadonlyMap<number, AssetRow>): ArticleCard {
  const { text, code } = ctx;
  const section = ctx.sections.get(r.section_id);
  const sectionName = section?.names.get(text.written);
  const asset = r.hero_asset_id !== null ? assets.get(r.hero_asset_id) : undefined;
  return {
    articleId: r.id,
    publicId: r.public_id,
    href: paths.article(code, r.slug, r.public_id),
    headline: text.tx(r.headline),
    lead: text.tx(r.lead),
    time: timeView(r.published_at ?? '', text),
    section: { href: sectionName ? paths.section(code, sectionName.slug) : paths.home(code), text: text.tx(sectionName?.name ?? '') },
    image: asset ? imageView(asset, text) : null,
    breaking: r.breaking === 1,
  };
}
