// The feeds' use cases: plain data for the newest articles of an edition, a section, a tag or an
// author, every text in the edition's language (derived editions converted, overrides applied).
// The web layer writes it as RSS 2.0, Atom 1.0 or JSON Feed 1.1 (src/web/feeds/).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/connect.ts';
import { EDITIONS, type EditionCode } from '../editions/editions.ts';
import { cacheTags } from '../cache/tags.ts';
import type { Block } from '../content/body.ts';
import { isoWithOffset } from '../content/dates.ts';
import { feedArticles, type FeedFilter } from '../store/feeds.ts';
import type { AssetRow } from '../store/media.ts';
import * as taxonomy from '../store/taxonomy.ts';
import { imageView, type ImageTexts } from './cards.ts';
import { blockAssetIds, type EditionContent } from './editionContent.ts';
import type { EditionText, EditionTexts } from './editionText.ts';
import { feedFormats, feedPagePath, feedPath, feedTitle, type FeedFormat, type FeedScope } from './feedPaths.ts';
import type { EditionHosts } from './hosts.ts';
import type { BlockView, ImageView } from './pageModels.ts';
import type { SectionsCache } from './sectionsCache.ts';
import { IMAGE_WIDTHS, paths } from './urls.ts';
import { PUBLISHER_LOGO } from '../content/crops.ts';

/** How many items a feed carries. */
export const FEED_SIZE = 50;

/**
 * The authority of item ids (RFC 4151 tag URIs): `tag:habarshy,{first day}:{edition}/{publicId}`.
 * It names the agency, not a host, so ids survive a move to another domain or an edition host; the
 * day is the article's creation day (UTC), which no edit changes.
 */
export const GUID_AUTHORITY = 'habarshy';

export interface FeedPerson {
  readonly name: string;
  readonly url: string;
}
export interface FeedCategory {
  readonly name: string;
  readonly url: string;
}

export interface FeedImage {
  /** Absolute URL of the WebP rendition (1200 wide, or the widest the photo has). */
  readonly url: string;
  readonly type: 'image/webp';
  /** Size of the file in bytes. */
  readonly length: number;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  readonly credit: string;
}

export interface FeedItem {
  /** Stable for life: never changes when the article is edited or moves host. */
  readonly guid: string;
  readonly url: string;
  readonly title: string;
  readonly summary: string;
  /** The article's text as HTML (FEED_CONTENT=full), or null (summary). */
  readonly contentHtml: string | null;
  readonly published: Date;
  readonly updated: Date;
  /** The same instants, ISO 8601 with the agency's offset (JSON Feed). */
  readonly publishedIso: string;
  readonly updatedIso: string;
  readonly authors: readonly FeedPerson[];
  readonly section: FeedCategory | null;
  readonly tags: readonly FeedCategory[];
  readonly image: FeedImage | null;
}

export interface FeedData {
  /** Feed id (Atom `id`): the feed's canonical page URL. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The page the feed follows. */
  readonly link: string;
  /** BCP 47 tag of the edition. */
  readonly language: string;
  readonly urls: Readonly<Partial<Record<FeedFormat, string>>>;
  readonly publisher: FeedPerson;
  readonly logo: string;
  /** The newest change among the items (the clock's time for an empty feed). */
  readonly updated: Date;
  readonly items: readonly FeedItem[];
  /** Cache tags: what the feed shows. */
  readonly tags: readonly string[];
}

export interface FeedDeps {
  readonly db: Db;
  readonly texts: EditionTexts;
  readonly sections: SectionsCache;
  readonly clock: () => Date;
  readonly hosts: EditionHosts;
  readonly timeZone: string;
  readonly content: 'full' | 'summary';
  /** The one way from stored rows to what an edition shows (overrides, photos, tags, authors). */
  readonly editionContent: EditionContent;
  /** DATA_DIR/media: where the image files are (their sizes go into enclosures). */
  readonly mediaDir: string;
  /** Renders body blocks to HTML (the reader site's Blocks view, given by the web layer). */
  readonly renderBody: (blocks: readonly BlockView[]) => string;
}

/** What a feed request names before it is looked up: the edition and a slug for the narrower scopes. */
export type FeedRequest = { readonly kind: 'edition' } | { readonly kind: 'section' | 'tag' | 'author'; readonly slug: string };

export class FeedService {
  /** Sizes of image files, which never change once written (file names carry the asset key and width). */
  private readonly sizes = new Map<string, number>();

  constructor(private readonly deps: FeedDeps) {}

  private abs(code: EditionCode, p: string): string {
    return this.deps.hosts.absoluteUrl(code, p);
  }

  /** The feed of a scope, or null when the section, tag or author does not exist in the edition. */
  async feed(code: EditionCode, request: FeedRequest): Promise<FeedData | null> {
    const text = this.deps.texts.get(code);
    const written = text.written;
    const now = this.deps.clock().toISOString();
    let scope: FeedScope;
    let filter: FeedFilter = { edition: written, now };
    const tags: string[] = [cacheTags.edition(code), cacheTags.sections()];
    let description: string;
    switch (request.kind) {
      case 'edition':
        scope = { kind: 'edition' };
        description = text.strings.siteDescription;
        tags.push(cacheTags.list(written));
        break;
      case 'section': {
        const s = this.deps.sections.bySlugIn(written, request.slug);
        if (!s) return null;
        scope = { kind: 'section', slug: request.slug, name: text.tx(s.names.get(written)!.name) };
        filter = { ...filter, sectionId: s.id };
        description = `${scope.name} — ${text.strings.siteName}`;
        tags.push(cacheTags.section(s.id, written));
        break;
      }
      case 'tag': {
        const t = await taxonomy.tagBySlug(this.deps.db, written, request.slug);
        if (!t) return null;
        scope = { kind: 'tag', slug: request.slug, name: text.tx(t.name) };
        filter = { ...filter, tagId: t.id };
        description = feedTitle(text.strings, scope);
        tags.push(cacheTags.tag(t.id), cacheTags.list(written));
        break;
      }
      case 'author': {
        const a = await taxonomy.authorBySlug(this.deps.db, written, request.slug);
        if (!a) return null;
        scope = { kind: 'author', slug: request.slug, name: text.tx(a.name) };
        filter = { ...filter, authorId: a.id };
        description = text.tx(a.bio) || feedTitle(text.strings, scope);
        tags.push(cacheTags.author(a.id), cacheTags.list(written));
        break;
      }
    }
    const items = await this.items(code, text, filter);
    const link = this.abs(code, feedPagePath(code, scope));
    const urls: Partial<Record<FeedFormat, string>> = {};
    for (const f of feedFormats(scope)) urls[f] = this.abs(code, feedPath(code, scope, f));
    const newest = items.reduce((max, i) => Math.max(max, i.updated.getTime()), 0);
    return {
      id: link,
      title: feedTitle(text.strings, scope),
      description,
      link,
      language: EDITIONS[code].lang,
      urls,
      publisher: { name: text.strings.siteName, url: this.abs(code, paths.home(code)) },
      logo: this.abs(code, PUBLISHER_LOGO.path),
      updated: newest > 0 ? new Date(newest) : this.deps.clock(),
      items: items.map((i) => i.item),
      tags: [...tags, ...items.map((i) => cacheTags.article(i.id))],
    };
  }

  /** The newest items: tags, authors, photos and overrides in one query each (the edition-content service). */
  private async items(code: EditionCode, text: EditionText, filter: FeedFilter): Promise<{ id: number; item: FeedItem; updated: Date }[]> {
    const read = this.deps.editionContent;
    const rows = await feedArticles(this.deps.db, filter, FEED_SIZE);
    const ids = rows.map((r) => r.id);
    const [taxonomy, overrides] = await Promise.all([read.taxonomy(code, ids), read.overrides(code, ids)]);
    const full = this.deps.content === 'full';
    const blocksOf = new Map<number, Block[]>();
    if (full) for (const r of rows) blocksOf.set(r.id, read.blocks(code, r.body, overrides.get(r.id)));
    const assets = await read.assets(code, [...rows.map((r) => r.hero_asset_id), ...[...blocksOf.values()].flatMap(blockAssetIds)]);
    const heroTexts = await read.heroTexts(rows);
    const heroes = await Promise.all(
      rows.map((r) => {
        const asset = r.hero_asset_id !== null ? assets.get(r.hero_asset_id) : undefined;
        return asset ? this.image(code, text, asset, heroTexts.get(r.id)) : Promise.resolve(null);
      }),
    );
    return rows.map((r, index) => {
      const texts = read.texts(code, r, overrides.get(r.id));
      const section = this.deps.sections.get(r.section_id)?.names.get(text.written);
      const published = new Date(r.published_at);
      const updated = r.updated_at && r.updated_at > r.published_at ? new Date(r.updated_at) : published;
      const blocks = blocksOf.get(r.id);
      const item: FeedItem = {
        guid: `tag:${GUID_AUTHORITY},${r.created_at.slice(0, 10)}:${code}/${r.public_id}`,
        url: this.abs(code, paths.article(code, r.slug, r.public_id)),
        title: texts.headline,
        summary: texts.lead,
        contentHtml: blocks ? this.html(code, text, blocks, assets, texts.sourceLine) : null,
        published,
        updated,
        publishedIso: isoWithOffset(published, this.deps.timeZone),
        updatedIso: isoWithOffset(updated, this.deps.timeZone),
        authors: (taxonomy.authors.get(r.id) ?? []).map((a) => ({ name: a.name, url: this.abs(code, a.href) })),
        section: section ? { name: text.tx(section.name), url: this.abs(code, paths.section(code, section.slug)) } : null,
        tags: (taxonomy.tags.get(r.id) ?? []).map((t) => ({ name: t.name, url: this.abs(code, t.href) })),
        image: heroes[index] ?? null,
      };
      return { id: r.id, item, updated };
    });
  }

  /** The lead photo as an enclosure: its largest rendition up to 1200 wide, with the file's size. */
  private async image(code: EditionCode, text: EditionText, asset: AssetRow, over?: ImageTexts): Promise<FeedImage | null> {
    const fitting = IMAGE_WIDTHS.filter((w) => w <= asset.width);
    const width = fitting[fitting.length - 1] ?? IMAGE_WIDTHS[0];
    const mediaPath = paths.media(asset.file_key, width);
    let length = this.sizes.get(mediaPath);
    if (length === undefined) {
      try {
        length = (await stat(path.join(this.deps.mediaDir, path.basename(mediaPath)))).size;
      } catch {
        return null; // no file, nothing to enclose
      }
      this.sizes.set(mediaPath, length);
    }
    const view = imageView(asset, text, over);
    return {
      url: this.abs(code, mediaPath),
      type: 'image/webp',
      length,
      width,
      height: Math.round((asset.height * width) / asset.width),
      alt: view.alt,
      credit: view.credit,
    };
  }

  /** Body blocks (and the source line) as HTML with absolute links and image URLs, for feed readers. */
  private html(
    code: EditionCode,
    text: EditionText,
    blocks: readonly Block[],
    assets: ReadonlyMap<number, AssetRow>,
    sourceLine: string,
  ): string {
    const origin = this.deps.hosts.origin(code);
    const absolute = (v: ImageView): ImageView => ({ ...v, src: origin + v.src, srcset: v.srcset.replace(/(^|, )\//g, `$1${origin}/`) });
    const absHref = <T extends { href?: string }>(x: T): T => (x.href?.startsWith('/') ? { ...x, href: origin + x.href } : x);
    const views: BlockView[] = [];
    for (const b of blocks) {
      switch (b.type) {
        case 'image': {
          const asset = assets.get(b.assetId);
          if (asset)
            views.push({ type: 'image', image: absolute(imageView(asset, text, { caption: b.caption, credit: b.credit, alt: b.alt })) });
          break;
        }
        case 'gallery': {
          const images = b.items.flatMap((i) => {
            const asset = assets.get(i.assetId);
            return asset ? [absolute(imageView(asset, text, { caption: i.caption, credit: i.credit, alt: i.alt }))] : [];
          });
          if (images.length > 0) views.push({ type: 'gallery', images });
          break;
        }
        case 'paragraph':
        case 'heading':
          views.push({ ...b, content: b.content.map(absHref) });
          break;
        case 'quote':
          views.push({ ...b, content: b.content.map(absHref) });
          break;
        case 'list':
          views.push({ ...b, items: b.items.map((i) => i.map(absHref)) });
          break;
        case 'table':
          views.push({ ...b, rows: b.rows.map((row) => row.map((c) => c.map(absHref))) });
          break;
        default:
          views.push(b);
      }
    }
    if (sourceLine) views.push({ type: 'paragraph', content: [{ type: 'text', text: sourceLine }] });
    return this.deps.renderBody(views);
  }
}
