// The view pieces of the reader's pages: cards, photos and times of one edition. Pure functions of
// rows already loaded; the edition-content service (editionContent.ts) loads them in batches.
import type { EditionCode } from '../editions/editions.ts';
import { fill } from '../editions/uiStrings.ts';
import type { AssetRow } from '../store/media.ts';
import type { CardRow } from '../store/articles.ts';
import type { EditionText } from './editionText.ts';
import type { EditionContent, Overrides } from './editionContent.ts';
import type { ArticleCard, ImageView, TimeView } from './pageModels.ts';
import type { SectionsCache } from './sectionsCache.ts';
import { IMAGE_WIDTHS, paths } from './urls.ts';

export function timeView(iso: string, text: EditionText): TimeView {
  return { iso, text: text.dateTime(new Date(iso)) };
}

/** A body block's own texts of a photo, which win over the library's caption and credit. */
export interface ImageTexts {
  readonly caption?: string | undefined;
  readonly credit?: string | undefined;
  readonly alt?: string | undefined;
}

/** A responsive image: WebP variants at IMAGE_WIDTHS, never wider than the original. */
export function imageView(asset: AssetRow, text: EditionText, over?: ImageTexts): ImageView {
  const widths = IMAGE_WIDTHS.filter((w) => w <= asset.width);
  if (widths.length === 0) widths.push(IMAGE_WIDTHS[0]);
  const mid = widths[Math.min(1, widths.length - 1)]!;
  const caption = text.tx(over?.caption ?? asset.caption ?? '');
  const creditName = text.tx(over?.credit ?? asset.credit ?? '');
  return {
    src: paths.media(asset.file_key, mid),
    srcset: widths.map((w) => `${paths.media(asset.file_key, w)} ${w}w`).join(', '),
    ...(asset.original_ext
      ? { avifSrcset: widths.map((w) => `${paths.media(asset.file_key, w).replace(/\.webp$/, '.avif')} ${w}w`).join(', ') }
      : {}),
    width: asset.width,
    height: asset.height,
    alt: over?.alt !== undefined ? text.tx(over.alt) : caption,
    caption,
    credit: creditName ? fill(text.strings.photoCredit, { credit: creditName }) : '',
  };
}

export interface CardContext {
  readonly content: EditionContent;
  readonly sections: SectionsCache;
  readonly code: EditionCode;
  readonly text: EditionText;
}

/** Cards of rows as the edition shows them (overrides and photos loaded in one query each). */
export function buildCards(ctx: CardContext, rows: readonly CardRow[]): Promise<ArticleCard[]> {
  return ctx.content.cards(ctx.code, rows);
}

/** A card from a row and what was loaded for the list; a derived edition's override wins over the converter. */
export function cardFrom(
  ctx: Omit<CardContext, 'content'>,
  r: CardRow,
  assets: ReadonlyMap<number, AssetRow>,
  over?: Overrides,
  hero?: ImageTexts,
): ArticleCard {
  const { text, code } = ctx;
  const section = ctx.sections.get(r.section_id);
  const sectionName = section?.names.get(text.written);
  const asset = r.hero_asset_id !== null ? assets.get(r.hero_asset_id) : undefined;
  return {
    articleId: r.id,
    publicId: r.public_id,
    href: paths.article(code, r.slug, r.public_id),
    headline: over?.get('headline') ?? text.tx(r.headline),
    lead: over?.get('lead') ?? text.tx(r.lead),
    time: timeView(r.published_at ?? '', text),
    section: { href: sectionName ? paths.section(code, sectionName.slug) : paths.home(code), text: text.tx(sectionName?.name ?? '') },
    image: asset ? imageView(asset, text, hero) : null,
    breaking: r.breaking === 1,
  };
}
