// Sitemaps and robots.txt, written directly with escaped text (xmlEscape): a sitemap index read from
// the month × edition counts (sitemap_months) in pages of 500 entries that robots.txt names, article sitemaps per edition and month with lastmod
// (read in keyset steps, split into parts past the URL limit), hreflang alternates between a story's editions (derived ones
// included) and the lead photo, sitemaps of sections, tags and authors, and a Google News sitemap
// per edition, and one of the agency's static pages. Every URL is absolute, on its edition's host (EditionHosts).
//
// Sitemaps live on BASE_URL's host. With editions on hosts of their own, every host's robots.txt
// names BASE_URL's index, which is how the sitemaps protocol lets one host's sitemap list another
// host's URLs ("cross submits", sitemaps.org/protocol.html#sitemaps_cross_submits).
import type { Db } from '../db/connect.ts';
import {
  contentEdition,
  EDITIONS,
  EDITION_CODES,
  editionsShowing,
  isEditionCode,
  WRITTEN_EDITIONS,
  type EditionCode,
  type WrittenEditionCode,
} from '../editions/editions.ts';
import { cacheTags } from '../cache/tags.ts';
import type { SitemapArticleRow, SitemapKey } from '../store/sitemaps.ts';
import { isoWithOffset } from '../content/dates.ts';
import * as store from '../store/sitemaps.ts';
import * as pagesStore from '../store/pages.ts';
import { overridesForArticles } from '../store/feeds.ts';
import type { EditionTexts } from './editionText.ts';
import type { EditionHosts } from './hosts.ts';
import type { SectionsCache } from './sectionsCache.ts';
import { IMAGE_WIDTHS, paths } from './urls.ts';
import { xmlEscape } from './xmlEscape.ts';

/** The sitemaps protocol's limit of URLs per sitemap. */
export const MAX_SITEMAP_URLS = 50_000;
/**
 * URLs per part of an edition's monthly article sitemap. Far below the protocol's limit: each
 * URL carries its story's alternates (~1.3 KB), so a month of a large archive (3 000+ articles
 * per edition at 1 000 000) made parts of megabytes that took half a second to write after every
 * publish of that month; a part of 500 costs the same at any archive size.
 */
export const SITEMAP_PART_URLS = 500;
/**
 * Entries per page of the sitemap index. One index of every part grows with the archive (~3 600
 * parts at 1 000 000 articles); pages of 500, all named in robots.txt, cost the same at any size.
 */
export const SITEMAP_INDEX_ENTRIES = 500;
/** Google News: articles of the last two days, at most 1 000. */
export const NEWS_WINDOW_MS = 2 * 86_400_000;
export const NEWS_MAX = 1000;

/**
 * Google News wants ISO 639 codes (two or three letters), and zh-cn for Simplified Chinese; our
 * editions' BCP 47 tags carry scripts it does not read. All three Kazakh editions are `kk`, both
 * Uzbek ones `uz`.
 */
export const NEWS_LANGUAGE: Readonly<Record<EditionCode, string>> = Object.fromEntries(
  EDITION_CODES.map((c) => [c, EDITIONS[c].newsLanguage]),
) as Record<EditionCode, string>;

const NS = [
  'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"',
  'xmlns:xhtml="http://www.w3.org/1999/xhtml"',
  'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"',
  'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"',
].join(' ');
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

export interface SitemapDoc {
  readonly xml: string;
  /** Cache tags: what the sitemap shows. */
  readonly tags: readonly string[];
}

export interface SitemapDeps {
  readonly db: Db;
  readonly texts: EditionTexts;
  readonly sections: SectionsCache;
  readonly clock: () => Date;
  readonly hosts: EditionHosts;
  readonly baseUrl: string;
  readonly timeZone: string;
  readonly defaultEdition: EditionCode;
  /** URLs per part of a monthly article sitemap (SITEMAP_PART_URLS; smaller in tests of the splitting). */
  readonly maxUrls?: number;
  /** Entries per page of the sitemap index (SITEMAP_INDEX_ENTRIES; smaller in tests of the paging). */
  readonly maxIndexEntries?: number;
}

interface IndexMonth {
  readonly month: string;
  readonly edition: WrittenEditionCode;
  readonly lastmod: string;
  /** Parts of each edition's sitemap of the month. */
  readonly parts: number;
  /** The editions showing the written edition's articles (its derived ones too), each a sitemap of its own. */
  readonly codes: readonly EditionCode[];
}

interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

/** One `<url>` entry. */
function urlEntry(loc: string, opts: { lastmod?: string; alternates?: readonly Alternate[]; image?: string; news?: string } = {}): string {
  let out = `<url><loc>${xmlEscape(loc)}</loc>`;
  if (opts.lastmod) out += `<lastmod>${opts.lastmod}</lastmod>`;
  for (const a of opts.alternates ?? [])
    out += `<xhtml:link rel="alternate" hreflang="${xmlEscape(a.hreflang)}" href="${xmlEscape(a.href)}"/>`;
  if (opts.image) out += `<image:image><image:loc>${xmlEscape(opts.image)}</image:loc></image:image>`;
  if (opts.news) out += opts.news;
  return `${out}</url>\n`;
}

const urlset = (entries: readonly string[]) => `${HEAD}<urlset ${NS}>\n${entries.join('')}</urlset>\n`;

/** Articles read per query while writing a part (and story ids per siblings query). */
const STEP = 1000;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export class SitemapService {
  constructor(private readonly deps: SitemapDeps) {}

  private abs(code: EditionCode, path: string): string {
    return this.deps.hosts.absoluteUrl(code, path);
  }

  private iso(utc: string): string {
    return isoWithOffset(new Date(utc), this.deps.timeZone);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  /** Articles (URLs) per part of an edition's monthly sitemap. */
  private get rowsPerPart(): number {
    return Math.max(1, Math.min(MAX_SITEMAP_URLS, this.deps.maxUrls ?? SITEMAP_PART_URLS));
  }

  /** hreflang alternates of a page that exists in the given editions, with x-default as on the pages. */
  private alternates(codes: readonly EditionCode[], pathFor: (c: EditionCode) => string): Alternate[] {
    const out: Alternate[] = codes.map((c) => ({ hreflang: EDITIONS[c].lang, href: this.abs(c, pathFor(c)) }));
    const fallback = codes.includes(this.deps.defaultEdition) ? this.deps.defaultEdition : codes[0];
    if (fallback) out.push({ hreflang: 'x-default', href: this.abs(fallback, pathFor(fallback)) });
    return out;
  }

  /**
   * robots.txt: every page of the sitemap index, the first (`/sitemap.xml`) then `/sitemaps/index-2.xml`…
   * The sitemaps protocol allows no index of indexes; robots.txt may name any number of them, and
   * that is where search engines look.
   */
  async robots(): Promise<string> {
    const pages = Math.max(1, Math.ceil(this.indexLength(await this.indexMonths()) / this.entriesPerIndex));
    const lines = ['User-agent: *', 'Disallow: /api/', 'Disallow: /beacon', ''];
    for (let page = 1; page <= pages; page++) lines.push(`Sitemap: ${this.deps.baseUrl}${SitemapService.indexPath(page)}`);
    return `${lines.join('\n')}\n`;
  }

  /** Path of a page of the sitemap index: `/sitemap.xml`, then `/sitemaps/index-2.xml`, `-3`… */
  static indexPath(page: number): string {
    return page <= 1 ? '/sitemap.xml' : `/sitemaps/index-${page}.xml`;
  }

  /** Entries per page of the sitemap index. */
  private get entriesPerIndex(): number {
    return Math.max(1, Math.min(MAX_SITEMAP_URLS, this.deps.maxIndexEntries ?? SITEMAP_INDEX_ENTRIES));
  }

  /** File names of an edition's article sitemaps of a month: `articles-en-2025-08.xml`, then `-2`, `-3`… when split. */
  static articleFile(code: EditionCode, month: string, part: number): string {
    return `${SitemapService.articleStem(code, month)}${SitemapService.partSuffix(part)}`;
  }

  private static articleStem(code: EditionCode, month: string): string {
    return `articles-${code}-${month}`;
  }

  private static partSuffix(part: number): string {
    return part <= 1 ? '.xml' : `-${part}.xml`;
  }

  /** The sitemaps every index lists first: the Google News sitemaps, then sections, tags, authors and pages. */
  private static readonly FIXED_FILES: readonly string[] = [
    ...EDITION_CODES.map((code) => `news-${code}.xml`),
    ...['sections', 'tags', 'authors', 'pages'].map((kind) => `${kind}.xml`),
  ];

  /** The written editions' months, newest first (editions in code order), with their parts and the editions that show them. */
  private async indexMonths(): Promise<IndexMonth[]> {
    const rows = await store.articleMonths(this.deps.db, this.now());
    const out: IndexMonth[] = [];
    for (const { month, edition, n, lastmod } of rows) {
      if (!isEditionCode(edition) || EDITIONS[edition].kind === 'derived') continue;
      const written = edition as WrittenEditionCode;
      out.push({ month, edition: written, lastmod, parts: Math.ceil(n / this.rowsPerPart), codes: editionsShowing(written) });
    }
    return out.sort((a, b) => (a.month === b.month ? (a.edition < b.edition ? -1 : 1) : a.month < b.month ? 1 : -1));
  }

  /** Entries of the whole index: the fixed sitemaps and every part of every edition's months. */
  private indexLength(months: readonly IndexMonth[]): number {
    let n = SitemapService.FIXED_FILES.length;
    for (const m of months) n += m.parts * m.codes.length;
    return n;
  }

  /**
   * A page of the sitemap index (at most SITEMAP_INDEX_ENTRIES entries), or null past the last:
   * the fixed sitemaps, then the article parts newest month first. Only the page's own entries
   * are written, so a page costs the same at any archive size; the months before it are counted,
   * not written.
   */
  async index(page = 1): Promise<SitemapDoc | null> {
    if (!Number.isSafeInteger(page) || page < 1) return null;
    const months = await this.indexMonths();
    const per = this.entriesPerIndex;
    const from = (page - 1) * per;
    if (page > 1 && from >= this.indexLength(months)) return null;
    const to = from + per;
    const entries: string[] = [];
    // Each month's lastmod is converted once (Intl), each edition's month escaped once for all its
    // parts (the file names are built from edition codes and months, but are escaped all the same).
    const folder = xmlEscape(`${this.deps.baseUrl}/sitemaps/`);
    let at = 0;
    for (const file of SitemapService.FIXED_FILES) {
      if (at >= from && at < to) entries.push(`<sitemap><loc>${folder}${xmlEscape(file)}</loc></sitemap>\n`);
      at++;
    }
    for (const { month, lastmod, parts, codes } of months) {
      if (at >= to) break;
      const count = parts * codes.length;
      if (at + count <= from) {
        at += count;
        continue;
      }
      const tail = `</loc><lastmod>${this.iso(lastmod)}</lastmod></sitemap>\n`;
      for (const code of codes) {
        const head = `<sitemap><loc>${folder}${xmlEscape(SitemapService.articleStem(code, month))}`;
        for (let p = 1; p <= parts; p++, at++) if (at >= from && at < to) entries.push(`${head}${SitemapService.partSuffix(p)}${tail}`);
      }
    }
    return {
      xml: `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('')}</sitemapindex>\n`,
      tags: [cacheTags.sitemapIndex(), ...WRITTEN_EDITIONS.map(cacheTags.list)],
    };
  }

  /**
   * One part of an edition's article sitemap of a month, or null when there is no such month or
   * part. Read in keyset steps of (published_at, id); a later part starts at the key found in the
   * index alone. Its cache tag is the written edition's month, not every article in it.
   */
  async articles(code: EditionCode, month: string, part: number): Promise<SitemapDoc | null> {
    const m = MONTH.exec(month);
    if (!m || part < 1) return null;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const from = new Date(Date.UTC(y, mo - 1, 1)).toISOString();
    const to = new Date(Date.UTC(y, mo, 1)).toISOString();
    const now = this.now();
    const written = contentEdition(code);
    const per = this.rowsPerPart;
    let start: SitemapKey | null = null;
    if (part > 1) {
      start = await store.keyAt(this.deps.db, written, from, to, now, (part - 1) * per);
      if (!start) return null;
    }
    const entries: string[] = [];
    for (let left = per; left > 0;) {
      const rows = await store.articlesFrom(this.deps.db, written, from, to, now, start, Math.min(STEP, left) + 1);
      const page = rows.slice(0, Math.min(STEP, left));
      if (page.length === 0) break;
      entries.push(...(await this.entries(code, page, now)));
      left -= page.length;
      const following = rows[page.length];
      if (!following) break;
      start = { publishedAt: following.published_at, id: following.id };
    }
    if (entries.length === 0) return null;
    return { xml: urlset(entries), tags: [cacheTags.sitemapMonth(written, month)] };
  }

  /** The `<url>` entries of some articles in one edition, with their stories' other editions as alternates. */
  private async entries(code: EditionCode, rows: readonly SitemapArticleRow[], now: string): Promise<string[]> {
    const siblings = await store.storySiblings(
      this.deps.db,
      rows.map((r) => r.story_id),
      now,
    );
    const byStory = new Map<number, Map<string, { public_id: string; slug: string }>>();
    for (const s of siblings) {
      let e = byStory.get(s.story_id);
      if (!e) byStory.set(s.story_id, (e = new Map()));
      e.set(s.edition, s);
    }
    return rows.map((r) => {
      const story = byStory.get(r.story_id) ?? new Map([[r.edition, r]]);
      const codes = EDITION_CODES.filter((c) => story.has(contentEdition(c)));
      const pathFor = (c: EditionCode) => {
        const s = story.get(contentEdition(c))!;
        return paths.article(c, s.slug, s.public_id);
      };
      const alternates = this.alternates(codes, pathFor);
      const lastmod = this.iso(r.updated_at && r.updated_at > r.published_at ? r.updated_at : r.published_at);
      const width = r.width !== null ? (IMAGE_WIDTHS.filter((w) => w <= r.width!).pop() ?? IMAGE_WIDTHS[0]) : null;
      const image = r.file_key && width ? this.abs(code, paths.media(r.file_key, width)) : undefined;
      return urlEntry(this.abs(code, paths.article(code, r.slug, r.public_id)), { lastmod, alternates, ...(image ? { image } : {}) });
    });
  }

  sectionsMap(): SitemapDoc {
    const entries: string[] = [];
    const seen = new Set<number>();
    for (const w of WRITTEN_EDITIONS) {
      for (const s of this.deps.sections.list(w)) {
        if (seen.has(s.id)) continue;
        seen.add(s.id);
        const codes = EDITION_CODES.filter((c) => s.names.has(contentEdition(c)));
        const pathFor = (c: EditionCode) => paths.section(c, s.names.get(contentEdition(c))!.slug);
        const alternates = this.alternates(codes, pathFor);
        for (const code of codes) entries.push(urlEntry(this.abs(code, pathFor(code)), { alternates }));
      }
    }
    return { xml: urlset(entries), tags: [cacheTags.sections()] };
  }

  async tagsMap(): Promise<SitemapDoc> {
    const rows = await store.tagSlugs(this.deps.db);
    const byTag = new Map<number, Map<string, string>>();
    for (const r of rows) {
      let m = byTag.get(r.tag_id);
      if (!m) byTag.set(r.tag_id, (m = new Map()));
      m.set(r.edition, r.slug);
    }
    const entries: string[] = [];
    for (const slugs of byTag.values()) {
      const codes = EDITION_CODES.filter((c) => slugs.has(contentEdition(c)));
      const pathFor = (c: EditionCode) => paths.tag(c, slugs.get(contentEdition(c))!);
      const alternates = this.alternates(codes, pathFor);
      for (const code of codes) entries.push(urlEntry(this.abs(code, pathFor(code)), { alternates }));
    }
    return { xml: urlset(entries), tags: [...WRITTEN_EDITIONS.map(cacheTags.list), ...[...byTag.keys()].map(cacheTags.tag)] };
  }

  async authorsMap(): Promise<SitemapDoc> {
    const rows = await store.authorSlugs(this.deps.db);
    const byAuthor = new Map<string, { id: number; editions: Set<string> }>();
    for (const r of rows) {
      const a = byAuthor.get(r.slug) ?? { id: r.id, editions: new Set<string>() };
      a.editions.add(r.edition);
      byAuthor.set(r.slug, a);
    }
    const entries: string[] = [];
    for (const [slug, a] of byAuthor) {
      const codes = EDITION_CODES.filter((c) => a.editions.has(contentEdition(c)));
      const pathFor = (c: EditionCode) => paths.author(c, slug);
      const alternates = this.alternates(codes, pathFor);
      for (const code of codes) entries.push(urlEntry(this.abs(code, pathFor(code)), { alternates }));
    }
    return {
      xml: urlset(entries),
      tags: [...WRITTEN_EDITIONS.map(cacheTags.list), ...[...byAuthor.values()].map((a) => cacheTags.author(a.id))],
    };
  }

  /** The agency's static pages ("About", "Contacts", …) in every edition that shows them, with lastmod and alternates. */
  async pagesMap(): Promise<SitemapDoc> {
    const rows = await pagesStore.publishedPages(this.deps.db);
    const bySlug = new Map<string, Map<string, string>>();
    for (const r of rows) {
      let m = bySlug.get(r.slug);
      if (!m) bySlug.set(r.slug, (m = new Map()));
      m.set(r.edition, r.updated_at ?? r.published_at ?? '');
    }
    const entries: string[] = [];
    for (const [slug, editions] of bySlug) {
      const codes = EDITION_CODES.filter((c) => editions.has(contentEdition(c)));
      const pathFor = (c: EditionCode) => paths.page(c, slug);
      const alternates = this.alternates(codes, pathFor);
      for (const code of codes) {
        const changed = editions.get(contentEdition(code));
        entries.push(urlEntry(this.abs(code, pathFor(code)), { alternates, ...(changed ? { lastmod: this.iso(changed) } : {}) }));
      }
    }
    return { xml: urlset(entries), tags: [cacheTags.pages()] };
  }

  /** Google News sitemap of an edition: its articles of the last two days, newest first. */
  async news(code: EditionCode): Promise<SitemapDoc> {
    const text = this.deps.texts.get(code);
    const now = this.deps.clock();
    const since = new Date(now.getTime() - NEWS_WINDOW_MS).toISOString();
    const rows = await store.newsArticles(this.deps.db, text.written, since, now.toISOString(), NEWS_MAX);
    const overrides =
      EDITIONS[code].kind === 'derived'
        ? await overridesForArticles(
            this.deps.db,
            rows.map((r) => r.id),
            code,
          )
        : new Map<number, Map<string, string>>();
    const publication = `<news:publication><news:name>${xmlEscape(text.strings.siteName)}</news:name><news:language>${NEWS_LANGUAGE[code]}</news:language></news:publication>`;
    const entries = rows.map((r) => {
      const title = overrides.get(r.id)?.get('headline') ?? text.tx(r.headline);
      const news = `<news:news>${publication}<news:publication_date>${this.iso(r.published_at)}</news:publication_date><news:title>${xmlEscape(title)}</news:title></news:news>`;
      return urlEntry(this.abs(code, paths.article(code, r.slug, r.public_id)), { news });
    });
    return {
      xml: urlset(entries),
      tags: [cacheTags.edition(code), cacheTags.list(text.written), ...rows.map((r) => cacheTags.article(r.id))],
    };
  }
}
