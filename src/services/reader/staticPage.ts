// A static page of an edition ("About", "Contacts", "Editorial staff", "Terms of reuse"):
// `/{edition}/page/{slug}`, the published revision of the written edition's page, converted for a
// derived edition like an article (title and body text nodes through the edition's converter).
// The language menu and hreflang lead to the same page in the editions that have it published.
import { contentEdition, EDITION_CODES, type EditionCode } from '../../editions/editions.ts';
import { cacheTags } from '../../cache/tags.ts';
import * as pages from '../../store/pages.ts';
import { timeView } from '../cards.ts';
import { blockAssetIds } from '../editionContent.ts';
import type { BlockView, PageData, TimeView } from '../pageModels.ts';
import { breadcrumbJsonLd } from '../structuredData.ts';
import { paths } from '../urls.ts';
import type { PageKit } from './kit.ts';

export interface StaticPage {
  readonly title: string;
  readonly blocks: readonly BlockView[];
  /** The last publication after the first, null when never republished. */
  readonly updated: TimeView | null;
}

export async function staticPage(kit: PageKit, code: EditionCode, slug: string): Promise<PageData<StaticPage> | null> {
  const { db, content } = kit.deps;
  const text = content.text(code);
  const [row, editions] = await Promise.all([pages.publishedPage(db, text.written, slug), pages.publishedEditionsOf(db, slug)]);
  if (!row) return null;
  const blocks = content.blocks(code, row.body);
  const assets = await content.assets(code, blockAssetIds(blocks));
  const views: BlockView[] = [];
  for (const b of blocks) {
    if (b.type === 'image') {
      const asset = assets.get(b.assetId);
      if (asset) views.push({ type: 'image', image: content.image(code, asset, { caption: b.caption, credit: b.credit, alt: b.alt }) });
    } else if (b.type === 'gallery') {
      const images = b.items.flatMap((i) => {
        const asset = assets.get(i.assetId);
        return asset ? [content.image(code, asset, { caption: i.caption, credit: i.credit, alt: i.alt })] : [];
      });
      if (images.length > 0) views.push({ type: 'gallery', images });
    } else {
      views.push(b);
    }
  }
  const title = text.tx(row.title);
  const written = new Set(editions);
  const showing = EDITION_CODES.filter((c) => written.has(contentEdition(c)));
  const samePage = (c: EditionCode): string | null => (written.has(contentEdition(c)) ? paths.page(c, slug) : null);
  const path = paths.page(code, slug);
  const canonical = kit.abs(code, path);
  const strings = text.strings;
  const description = firstText(views) || strings.siteDescription;
  return {
    chrome: kit.chrome(code, { languageHref: samePage, switchHref: kit.switchPath(code, path) }),
    head: {
      title: `${title} | ${strings.siteName}`,
      description,
      canonical,
      alternates: kit.alternates(showing, (c) => paths.page(c, slug)),
      ogType: 'website',
      image: null,
      jsonLd: [
        breadcrumbJsonLd([
          { name: strings.home, url: kit.abs(code, paths.home(code)) },
          { name: title, url: canonical },
        ]),
      ],
    },
    body: {
      title,
      blocks: views,
      updated: row.updated_at && row.updated_at > row.published_at ? timeView(row.updated_at, text) : null,
    },
    tags: [...kit.baseTags(code), cacheTags.pages()],
  };
}

/** The first paragraph's text, cut for a description. */
function firstText(blocks: readonly BlockView[]): string {
  for (const b of blocks) {
    if (b.type !== 'paragraph') continue;
    const s = b.content
      .map((i) => i.text)
      .join('')
      .trim();
    if (s) return s.length > 200 ? `${s.slice(0, 197).trimEnd()}…` : s;
  }
  return '';
}
