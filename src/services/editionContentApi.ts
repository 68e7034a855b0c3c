// The edition-content service's objects as the public API shows them: summaries and full articles
// of one edition (converted, overrides applied, photos with the edition's captions and credits),
// every URL absolute on the edition's host, times with the agency's offset.
import { EDITIONS, type EditionCode } from '../editions/editions.ts';
import type { AssetRow } from '../store/media.ts';
import type { CardRow, FullArticleRow } from '../store/articles.ts';
import type { ImageTexts } from './cards.ts';
import { blockAssetIds, type EditionContent } from './editionContent.ts';
import type { BlockView, ImageView } from './pageModels.ts';
import { IMAGE_WIDTHS, paths } from './urls.ts';
import type { ApiArticle, ApiArticleSummary, ApiAuthorRef, ApiBlock, ApiImage, ApiLinkRef } from './apiModels.ts';

/** A photo with its renditions, caption, credit and alt text in an edition. */
export function apiImage(content: EditionContent, code: EditionCode, asset: AssetRow, over?: ImageTexts): ApiImage {
  const { tx } = content.text(code);
  const widths = IMAGE_WIDTHS.filter((w) => w <= asset.width);
  if (widths.length === 0) widths.push(IMAGE_WIDTHS[0]);
  const renditions = widths.map((w) => ({
    url: content.abs(code, paths.media(asset.file_key, w)),
    width: w,
    height: Math.round((asset.height * w) / asset.width),
  }));
  const caption = tx(over?.caption ?? asset.caption ?? '');
  const largest = renditions[renditions.length - 1]!;
  return {
    url: largest.url,
    width: largest.width,
    height: largest.height,
    caption,
    credit: tx(over?.credit ?? asset.credit ?? ''),
    alt: over?.alt !== undefined ? tx(over.alt) : caption,
    renditions,
  };
}

/** Summaries of rows of one written edition as `code` shows them (tags, authors, photos, overrides: one query each). */
export async function apiSummaries(content: EditionContent, code: EditionCode, rows: readonly CardRow[]): Promise<ApiArticleSummary[]> {
  const text = content.text(code);
  const ids = rows.map((r) => r.id);
  const [taxonomy, assets, overrides, heroTexts] = await Promise.all([
    content.taxonomy(code, ids),
    content.assets(
      code,
      rows.map((r) => r.hero_asset_id),
    ),
    content.overrides(code, ids),
    content.heroTexts(rows),
  ]);
  return rows.map((r) => {
    const section = content.sections.get(r.section_id);
    const sectionName = section?.names.get(text.written);
    const texts = content.texts(code, r, overrides.get(r.id));
    const tags: ApiLinkRef[] = (taxonomy.tags.get(r.id) ?? []).map((t) => ({
      key: t.key,
      slug: t.slug,
      name: t.name,
      url: content.abs(code, t.href),
    }));
    const authors: ApiAuthorRef[] = (taxonomy.authors.get(r.id) ?? []).map((a) => ({
      slug: a.slug,
      name: a.name,
      role: a.role,
      url: content.abs(code, a.href),
    }));
    const hero = r.hero_asset_id !== null ? assets.get(r.hero_asset_id) : undefined;
    return {
      id: r.public_id,
      edition: code,
      lang: EDITIONS[code].lang,
      storyId: r.story_id,
      url: content.abs(code, paths.article(code, r.slug, r.public_id)),
      headline: texts.headline,
      lead: texts.lead,
      section:
        section && sectionName
          ? {
              key: section.key,
              slug: sectionName.slug,
              name: text.tx(sectionName.name),
              url: content.abs(code, paths.section(code, sectionName.slug)),
            }
          : null,
      tags,
      authors,
      publishedAt: content.iso(r.published_at ?? ''),
      updatedAt: r.updated_at && r.published_at && r.updated_at > r.published_at ? content.iso(r.updated_at) : null,
      breaking: r.breaking === 1,
      image: hero ? apiImage(content, code, hero, heroTexts.get(r.id)) : null,
    };
  });
}

/** The article's own part of a full API item: its texts and its body as blocks and as HTML. */
export async function apiArticleBody(
  content: EditionContent,
  code: EditionCode,
  row: FullArticleRow,
  renderBody: (blocks: readonly BlockView[]) => string,
): Promise<Pick<ApiArticle, 'headline' | 'lead' | 'sourceLine' | 'body'>> {
  return (await apiArticleBodies(content, code, [row], renderBody))[0]!;
}

/** apiArticleBody of many articles of one edition, in their order (overrides and photos: one query each). */
export async function apiArticleBodies(
  content: EditionContent,
  code: EditionCode,
  rows: readonly FullArticleRow[],
  renderBody: (blocks: readonly BlockView[]) => string,
): Promise<Pick<ApiArticle, 'headline' | 'lead' | 'sourceLine' | 'body'>[]> {
  const overrides = await content.overrides(
    code,
    rows.map((r) => r.id),
  );
  const parsed = rows.map((row) => {
    const over = overrides.get(row.id);
    return { row, over, blocks: content.blocks(code, row.body, over) };
  });
  const assets = await content.assets(
    code,
    parsed.flatMap((p) => blockAssetIds(p.blocks)),
  );
  return parsed.map(({ row, over, blocks }) => {
    const texts = content.texts(code, row, over);
    // Block captions were converted with the blocks; converting them again is a no-op (the
    // converters leave text already in the target script alone), as on the reader's pages.
    const apiBlocks: ApiBlock[] = [];
    const views: BlockView[] = [];
    const origin = content.hosts.origin(code);
    const absolute = (v: ImageView): ImageView => ({ ...v, src: origin + v.src, srcset: v.srcset.replace(/(^|, )\//g, `$1${origin}/`) });
    for (const b of blocks) {
      if (b.type === 'image') {
        const asset = assets.get(b.assetId);
        if (!asset) continue;
        const over = { caption: b.caption, credit: b.credit, alt: b.alt };
        apiBlocks.push({ type: 'image', image: apiImage(content, code, asset, over) });
        views.push({ type: 'image', image: absolute(content.image(code, asset, over)) });
      } else if (b.type === 'gallery') {
        const items = b.items.flatMap((i) => {
          const asset = assets.get(i.assetId);
          return asset ? [{ asset, over: { caption: i.caption, credit: i.credit, alt: i.alt } }] : [];
        });
        if (items.length === 0) continue;
        apiBlocks.push({ type: 'gallery', images: items.map((i) => apiImage(content, code, i.asset, i.over)) });
        views.push({ type: 'gallery', images: items.map((i) => absolute(content.image(code, i.asset, i.over))) });
      } else {
        apiBlocks.push(b);
        views.push(b);
      }
    }
    return {
      headline: texts.headline,
      lead: texts.lead,
      sourceLine: texts.sourceLine,
      body: { blocks: apiBlocks, html: renderBody(views) },
    };
  });
}
