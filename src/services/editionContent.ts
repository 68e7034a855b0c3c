// The edition-content service: the one way from stored article rows to what an edition shows.
// Script conversion, the derived editions' per-field overrides (an editor's correction wins over
// the converter), photos with the edition's captions and credits, tags, authors, URLs and dates.
// Every loader takes a whole list and answers in one query (never one per card); the pages' cache
// tags name the rows' ids (cacheTags.article), which every change to these inputs invalidates.
// Built once in container.ts; reader pages, cards, most popular, search, feeds, JSON-LD, the
// public API, ninjs, webhooks and the sitemaps' headlines all go through it.
import type { Db } from '../db/connect.ts';
import { EDITIONS, type EditionCode } from '../editions/editions.ts';
import { parseBody, type Block } from '../content/body.ts';
import { isoWithOffset } from '../content/dates.ts';
import { assetsByIds, type AssetRow } from '../store/media.ts';
import { overridesForArticles } from '../store/overrides.ts';
import { headlinesByIds, type CardRow } from '../store/articles.ts';
import { authorsOfArticles, tagsOfArticles } from '../store/apiContent.ts';
import { cardFrom, imageView, type ImageTexts } from './cards.ts';
import { convertBlocks, type EditionText, type EditionTexts } from './editionText.ts';
import type { EditionHosts } from './hosts.ts';
import type { ArticleCard, ImageView } from './pageModels.ts';
import type { SectionsCache } from './sectionsCache.ts';
import { paths } from './urls.ts';

/** One article's overrides in one derived edition: field (column name) → value. */
export type Overrides = ReadonlyMap<string, string>;

const NONE: Overrides = new Map();

/** The texts of an article as an edition shows them. */
export interface ArticleTexts {
  readonly headline: string;
  readonly lead: string;
  readonly sourceLine: string;
  /** null when the article has none (pages fall back to the headline and the lead). */
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
}

/** The text columns of an article row (any of the stores' row shapes). */
export interface TextColumns {
  readonly headline: string;
  readonly lead: string;
  readonly source_line?: string;
  readonly seo_title?: string | null;
  readonly seo_description?: string | null;
}

/** A tag of an article in an edition: names converted, `href` the edition's tag page (a path). */
export interface TagRef {
  readonly id: number;
  readonly key: string;
  readonly slug: string;
  readonly name: string;
  readonly href: string;
}
/** An author of an article in an edition: texts converted, `href` the edition's author page (a path). */
export interface AuthorRef {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly role: string;
  readonly bio: string;
  readonly href: string;
  /** The author's photo (a media asset), null when none: the page then draws a portrait from the name. */
  readonly photoAssetId: number | null;
}

export interface EditionContentDeps {
  readonly db: Db;
  readonly texts: EditionTexts;
  readonly sections: SectionsCache;
  readonly hosts: EditionHosts;
  /** The agency's time zone: machine-readable times carry its offset. */
  readonly timeZone: string;
}

/** The images a list of blocks shows (photos and galleries), to load them with the hero in one query. */
export function blockAssetIds(blocks: readonly Block[]): number[] {
  return blocks.flatMap((b) => (b.type === 'image' ? [b.assetId] : b.type === 'gallery' ? b.items.map((i) => i.assetId) : []));
}

export class EditionContent {
  constructor(private readonly deps: EditionContentDeps) {}

  get db(): Db {
    return this.deps.db;
  }

  get sections(): SectionsCache {
    return this.deps.sections;
  }

  get hosts(): EditionHosts {
    return this.deps.hosts;
  }

  /** The edition's text pipeline: script conversion, UI strings, dates. */
  text(code: EditionCode): EditionText {
    return this.deps.texts.get(code);
  }

  /** A path of an edition as an absolute URL on the edition's host. */
  abs(code: EditionCode, path: string): string {
    return this.deps.hosts.absoluteUrl(code, path);
  }

  /** A stored UTC time as ISO 8601 with the agency's offset. */
  iso(utc: string): string {
    return isoWithOffset(new Date(utc), this.deps.timeZone);
  }

  /** The overrides of many articles in a derived edition (one query; none for written editions). */
  async overrides(code: EditionCode, ids: readonly number[]): Promise<ReadonlyMap<number, Overrides>> {
    if (EDITIONS[code].kind !== 'derived' || ids.length === 0) return new Map();
    return overridesForArticles(this.deps.db, [...new Set(ids)], code);
  }

  /** An article's texts in an edition: converted, an override winning where there is one. */
  texts(code: EditionCode, row: TextColumns, over: Overrides = NONE): ArticleTexts {
    const { tx } = this.text(code);
    const pick = (field: string, value: string) => over.get(field) ?? tx(value);
    return {
      headline: pick('headline', row.headline),
      lead: pick('lead', row.lead),
      sourceLine: pick('source_line', row.source_line ?? ''),
      seoTitle: over.get('seo_title') ?? (row.seo_title ? tx(row.seo_title) : null),
      seoDescription: over.get('seo_description') ?? (row.seo_description ? tx(row.seo_description) : null),
    };
  }

  /** An article's body blocks in an edition: the override of the body, or the stored body converted. */
  blocks(code: EditionCode, body: string, over: Overrides = NONE): Block[] {
    const overBody = over.get('body');
    return overBody ? parseBody(JSON.parse(overBody)).blocks : convertBlocks(parseBody(JSON.parse(body)).blocks, this.text(code).tx);
  }

  /** Photos with the edition's caption and credit (one query). */
  async assets(code: EditionCode, ids: readonly (number | null)[]): Promise<Map<number, AssetRow>> {
    const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
    const rows = await assetsByIds(this.deps.db, this.text(code).written, wanted);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * The articles' own caption and credit of their lead photos, which win over the library's for
   * those articles only (one query); an article without them is not in the map.
   */
  async heroTexts(rows: readonly { readonly id: number; readonly hero_asset_id: number | null }[]): Promise<Map<number, ImageTexts>> {
    const withHero = rows.filter((r) => r.hero_asset_id !== null);
    if (withHero.length === 0) return new Map();
    const found = await this.deps.db
      .selectFrom('article_photo_texts')
      .select(['article_id', 'asset_id', 'caption', 'credit'])
      .where(
        'article_id',
        'in',
        withHero.map((r) => r.id),
      )
      .execute();
    const heroOf = new Map(withHero.map((r) => [r.id, r.hero_asset_id]));
    // Written for another photo than the lead photo now: the new photo keeps the library's texts.
    return new Map(
      found
        .filter((t) => heroOf.get(t.article_id) === t.asset_id)
        .map((t) => [t.article_id, { ...(t.caption ? { caption: t.caption } : {}), ...(t.credit ? { credit: t.credit } : {}) }]),
    );
  }

  /** A photo as a reader's page shows it (responsive sources, caption, credit line). */
  image(code: EditionCode, asset: AssetRow, over?: ImageTexts): ImageView {
    return imageView(asset, this.text(code), over);
  }

  /** Tags and authors of many articles in an edition, in the editor's order (two queries). */
  async taxonomy(code: EditionCode, ids: readonly number[]): Promise<{ tags: Map<number, TagRef[]>; authors: Map<number, AuthorRef[]> }> {
    const text = this.text(code);
    const [tagRows, authorRows] = await Promise.all([
      tagsOfArticles(this.deps.db, text.written, ids),
      authorsOfArticles(this.deps.db, text.written, ids),
    ]);
    const tags = new Map<number, TagRef[]>(ids.map((id) => [id, []]));
    const authors = new Map<number, AuthorRef[]>(ids.map((id) => [id, []]));
    for (const t of tagRows) {
      tags.get(t.article_id)?.push({ id: t.id, key: t.key, slug: t.slug, name: text.tx(t.name), href: paths.tag(code, t.slug) });
    }
    for (const a of authorRows) {
      authors.get(a.article_id)?.push({
        id: a.id,
        slug: a.slug,
        name: text.tx(a.name),
        role: text.tx(a.role),
        bio: text.tx(a.bio),
        href: paths.author(code, a.slug),
        photoAssetId: a.photo_asset_id,
      });
    }
    return { tags, authors };
  }

  /** Cards of rows of the edition's written edition, in their order (overrides and photos: one query each). */
  async cards(code: EditionCode, rows: readonly CardRow[]): Promise<ArticleCard[]> {
    const [assets, overrides, heroTexts] = await Promise.all([
      this.assets(
        code,
        rows.map((r) => r.hero_asset_id),
      ),
      this.overrides(
        code,
        rows.map((r) => r.id),
      ),
      this.heroTexts(rows),
    ]);
    return rows.map((r) => this.card(code, r, assets, overrides.get(r.id), heroTexts.get(r.id)));
  }

  /** A card of a row with what was loaded for its list (`hero`: the article's own texts of its lead photo). */
  card(code: EditionCode, row: CardRow, assets: ReadonlyMap<number, AssetRow>, over?: Overrides, hero?: ImageTexts): ArticleCard {
    return cardFrom({ sections: this.deps.sections, code, text: this.text(code) }, row, assets, over, hero);
  }

  /**
   * Headlines of many articles as the edition shows them (two queries), for lists that show only
   * the headline (the news sitemap). Articles that do not exist are left out.
   */
  async headlines(code: EditionCode, ids: readonly number[]): Promise<Map<number, string>> {
    const [rows, overrides] = await Promise.all([headlinesByIds(this.deps.db, ids), this.overrides(code, ids)]);
    return new Map(rows.map((r) => [r.id, this.texts(code, { headline: r.headline, lead: '' }, overrides.get(r.id)).headline]));
  }
}
