// The reader site's use cases: each returns the plain data of one page, or null for "not found".
import type { Db } from '../db/connect.ts';
import { contentEdition, EDITIONS, EDITION_CODES, MENU_ORDER, WRITTEN_EDITIONS, type EditionCode } from '../editions/editions.ts';
import { fill } from '../editions/uiStrings.ts';
import { cacheTags } from '../cache/tags.ts';
import { parseBody, type Block } from '../content/body.ts';
import { isoWithOffset, zonedDate, zonedDayRange } from '../content/dates.ts';
import * as articles from '../store/articles.ts';
import * as taxonomy from '../store/taxonomy.ts';
import { overridesFor } from '../store/overrides.ts';
import { buildCards, cardFrom, imageView, loadAssets, timeView, type CardContext } from './cards.ts';
import { convertBlocks, type EditionTexts } from './editionText.ts';
import type {
  Alternate, ArticleCard, ArticlePage, AuthorView, BlockView, Chrome, Head, HomePage, LanguageItem, Link, ListPage, PageData, Pager,
} from './pageModels.ts';
import type { PopularService } from './popular.ts';
import type { EditionHosts } from './hosts.ts';
import { cropsFor, PUBLISHER_LOGO } from './crops.ts';
import { queryFor, searchHref, searchPage, searchPath, type SearchPage, type SearchParams } from './search.ts';
import { SearchService } from '../search/engine.ts';
import { breadcrumbJsonLd, newsArticleJsonLd, webSiteJsonLd, type Publisher } from './structuredData.ts';
import type { SectionsCache } from './sectionsCache.ts';
import { paths } from './urls.ts';
import { feedLinks, type FeedLink, type FeedScope } from './feedPaths.ts';

export const PAGE_SIZE = 20;
export const MAX_PAGE = 10_000;

export interface ReaderDeps {
  readonly db: Db;
  readonly texts: EditionTexts;
  readonly sections: SectionsCache;
  readonly popular: PopularService;
  readonly clock: () => Date;
  readonly baseUrl: string;
  /** Absolute URLs per edition (an edition may have a host of its own). */
  readonly hosts: EditionHosts;
  readonly timeZone: string;
  readonly defaultEdition: EditionCode;
  readonly assets: Chrome['assets'];
}

export type ArticleResult =
  | { readonly kind: 'page'; readonly data: PageData<ArticlePage> }
  | { readonly kind: 'redirect'; readonly location: string };

/** Editions that show the content of the given written editions (a story told in kz is also in qz and tote). */
function showingEditions(written: ReadonlySet<string>): EditionCode[] {
  return EDITION_CODES.filter((c) => written.has(contentEdition(c)));
}

export class ReaderService {
  constructor(private readonly deps: ReaderDeps) {}

  private ctx(code: EditionCode): CardContext {
    return { db: this.deps.db, sections: this.deps.sections, code, text: this.deps.texts.get(code) };
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  get hosts(): EditionHosts {
    return this.deps.hosts;
  }

  /** A path of an edition as an absolute URL on the edition's host. */
  private abs(code: EditionCode, path: string): string {
    return this.deps.hosts.absoluteUrl(code, path);
  }

  /** The `<link rel="alternate">` feeds of a page of an edition. */
  private feeds(code: EditionCode, scope: FeedScope): FeedLink[] {
    return feedLinks(code, this.deps.texts.get(code).strings, scope, (p) => this.abs(code, p));
  }

  /** The agency as the publisher of an edition's pages (structured data). */
  private publisher(code: EditionCode): Publisher {
    return {
      name: this.deps.texts.get(code).strings.siteName,
      url: this.abs(code, paths.home(code)),
      logo: { url: this.abs(code, PUBLISHER_LOGO.path), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
    };
  }

  /** A link from a page of `from` to a path of `to`: absolute only when `to` lives on another host. */
  private linkTo(from: EditionCode, to: EditionCode, path: string): string {
    const { hosts } = this.deps;
    return hosts.multiHost && hosts.origin(to) !== hosts.origin(from) ? hosts.absoluteUrl(to, path) : path;
  }

  /** Alternates for a page that exists in the given editions, path built per edition. */
  private alternates(codes: readonly EditionCode[], pathFor: (c: EditionCode) => string, xDefault?: string): Alternate[] {
    const out: Alternate[] = codes.map((c) => ({ hreflang: EDITIONS[c].lang, href: this.abs(c, pathFor(c)) }));
    const fallback = codes.includes(this.deps.defaultEdition) ? this.deps.defaultEdition : codes[0];
    // The bare `/` (x-default of homes) chooses an edition: it lives on BASE_URL's host.
    const href = xDefault !== undefined ? this.deps.baseUrl + xDefault : fallback && this.abs(fallback, pathFor(fallback));
    if (href) out.push({ hreflang: 'x-default', href });
    return out;
  }

  chrome(code: EditionCode, opts: { currentSectionId?: number; languageHref?: (c: EditionCode) => string | null; switchHref?: string | null } = {}): Chrome {
    const text = this.deps.texts.get(code);
    const edition = EDITIONS[code];
    const sections = this.deps.sections.list(text.written).map((s) => {
      const n = s.names.get(text.written)!;
      return { href: paths.section(code, n.slug), text: text.tx(n.name), current: s.id === opts.currentSectionId };
    });
    const languages: LanguageItem[] = MENU_ORDER.map((c) => {
      const same = opts.languageHref?.(c) ?? null;
      const isUzFamily = (x: EditionCode) => x === 'uz' || x === 'uz-latn';
      const current = c === code || (c === 'uz' && isUzFamily(code));
      return { code: c, label: EDITIONS[c].label, lang: EDITIONS[c].lang, href: this.linkTo(code, c, same ?? paths.home(c)), current, sameStory: same !== null };
    });
    let scriptSwitch: Link | null = null;
    if (edition.scriptSwitch) {
      const target = edition.scriptSwitch;
      const label = EDITIONS[target].kind === 'derived' ? text.strings.toLatin : text.strings.toCyrillic;
      scriptSwitch = { href: this.linkTo(code, target, opts.switchHref ?? paths.home(target)), text: label };
    }
    return {
      edition, strings: text.strings, homeHref: paths.home(code), sections, languages, scriptSwitch,
      popular: this.deps.popular.get(code).slice(0, 5),
      year: zonedDate(this.deps.clock(), this.deps.timeZone).y,
      assets: this.deps.assets,
    };
  }

  private baseTags(code: EditionCode): string[] {
    return [cacheTags.edition(code), cacheTags.popular(code), cacheTags.sections()];
  }

  private switchPath(code: EditionCode, path: string): string | null {
    const target = EDITIONS[code].scriptSwitch;
    return target ? `/${target}${path.slice(code.length + 1)}` : null;
  }

  async home(code: EditionCode): Promise<PageData<HomePage>> {
    const ctx = this.ctx(code);
    const written = ctx.text.written;
    const now = this.now();
    const [recent, perSection] = await Promise.all([
      articles.listPublished(this.deps.db, { edition: written, now }, 40),
      articles.latestPerSection(this.deps.db, written, now, this.deps.sections.list(written).map((s) => s.id), 4),
    ]);
    const pinned = recent.find((r) => r.pinned === 1);
    const top = pinned ?? recent[0];
    const rest = recent.filter((r) => r !== top);
    const leads = rest.slice(0, 4);
    const latest = rest.slice(4, 16);
    const cards = await buildCards(ctx, [...(top ? [top] : []), ...leads, ...latest]);
    const sectionAssets = await loadAssets(this.deps.db, ctx.text, perSection.map((r) => r.hero_asset_id));
    const sectionBlocks = this.deps.sections.list(written).map((s) => {
      const n = s.names.get(written)!;
      return {
        section: { href: paths.section(code, n.slug), text: ctx.text.tx(n.name) },
        cards: perSection.filter((r) => r.section_id === s.id).map((r) => cardFrom(ctx, r, sectionAssets)),
      };
    }).filter((b) => b.cards.length > 0);
    const strings = ctx.text.strings;
    const path = paths.home(code);
    const shown = [...recent.slice(0, 16), ...perSection];
    return {
      chrome: this.chrome(code, { switchHref: this.switchPath(code, path) }),
      head: {
        title: strings.siteName, description: strings.siteDescription, canonical: this.abs(code, path),
        alternates: this.alternates(EDITION_CODES, (c) => paths.home(c), '/'),
        ogType: 'website', image: cards[0]?.image ? this.abs(code, cards[0].image.src) : null,
        feeds: this.feeds(code, { kind: 'edition' }),
        jsonLd: [webSiteJsonLd({
          name: strings.siteName, description: strings.siteDescription, url: this.abs(code, path), inLanguage: EDITIONS[code].lang,
          searchUrlTemplate: `${this.abs(code, searchPath(code))}?q={search_term_string}`, publisher: this.publisher(code),
        })],
      },
      body: { top: cards[0] ?? null, leads: cards.slice(1, 1 + leads.length), latest: cards.slice(1 + leads.length), sections: sectionBlocks, latestHref: paths.latest(code) },
      tags: [...this.baseTags(code), cacheTags.list(written), ...shown.map((r) => cacheTags.article(r.id))],
    };
  }

  async article(code: EditionCode, publicId: string, slug: string, opts: { preview?: boolean } = {}): Promise<ArticleResult | null> {
    const db = this.deps.db;
    const now = this.now();
    const found = await articles.articleByPublicId(db, publicId);
    const ctx = this.ctx(code);
    const { text } = ctx;
    // A preview shows any state as readers would see it once published (times from now if never published).
    const row = found && opts.preview ? { ...found, published_at: found.published_at ?? now } : found;
    if (!row || !row.published_at || (!opts.preview && (row.status !== 'published' || row.published_at > now))) return null;
    if (opts.preview) slug = row.slug;
    if (row.edition !== text.written) {
      // The id exists in another edition: only a story sibling in this edition can answer.
      return null;
    }
    if (slug !== row.slug) return { kind: 'redirect', location: paths.article(code, row.slug, row.public_id) };

    const overrides = EDITIONS[code].kind === 'derived' ? await overridesFor(db, row.id, code) : new Map<string, string>();
    const pick = (field: string, value: string) => overrides.get(field) ?? text.tx(value);
    const body = parseBody(JSON.parse(row.body));
    const overBody = overrides.get('body');
    const blocks: Block[] = overBody ? parseBody(JSON.parse(overBody)).blocks : convertBlocks(body.blocks, text.tx);

    const [tagRows, authorRows, siblings] = await Promise.all([
      articles.tagIdsFor(db, [row.id]),
      articles.authorIdsFor(db, [row.id]),
      articles.storyEditions(db, row.story_id, now),
    ]);
    const tagIds = tagRows.map((t) => t.tag_id);
    const authorIds = authorRows.map((a) => a.author_id);
    const imageIds = [row.hero_asset_id, ...blocks.flatMap((b) => (b.type === 'image' ? [b.assetId] : b.type === 'gallery' ? b.items.map((i) => i.assetId) : []))];
    const section = this.deps.sections.get(row.section_id);
    const sectionName = section?.names.get(text.written);
    const [tagNames, authors, assets, more] = await Promise.all([
      taxonomy.tagNames(db, text.written, tagIds),
      taxonomy.authorNames(db, text.written, authorIds),
      loadAssets(db, text, imageIds),
      articles.listPublished(db, { edition: text.written, now, sectionId: row.section_id, excludeIds: [row.id] }, 5),
    ]);
    const moreAssets = await loadAssets(db, text, more.map((m) => m.hero_asset_id));

    const tagById = new Map(tagNames.map((t) => [t.id, t]));
    const authorById = new Map(authors.map((a) => [a.id, a]));
    const tags: Link[] = tagIds.map((id) => tagById.get(id)).filter((t) => t !== undefined)
      .map((t) => ({ href: paths.tag(code, t.slug), text: text.tx(t.name) }));
    const authorViews: AuthorView[] = authorIds.map((id) => authorById.get(id)).filter((a) => a !== undefined)
      .map((a) => ({ href: paths.author(code, a.slug), name: text.tx(a.name), role: text.tx(a.role), bio: text.tx(a.bio) }));

    const blockViews: BlockView[] = [];
    for (const b of blocks) {
      if (b.type === 'image') {
        const asset = assets.get(b.assetId);
        if (asset) blockViews.push({ type: 'image', image: imageView(asset, text, { caption: b.caption, credit: b.credit, alt: b.alt }) });
      } else if (b.type === 'gallery') {
        const images = b.items.flatMap((i) => {
          const asset = assets.get(i.assetId);
          return asset ? [imageView(asset, text, { caption: i.caption, credit: i.credit, alt: i.alt })] : [];
        });
        if (images.length > 0) blockViews.push({ type: 'gallery', images });
      } else {
        blockViews.push(b);
      }
    }

    const card: ArticleCard = {
      ...cardFrom(ctx, row, assets),
      headline: pick('headline', row.headline),
      lead: pick('lead', row.lead),
    };
    const path = card.href;

    // Language menu and hreflang: the same story in every edition that shows it.
    const byWritten = new Map(siblings.map((s) => [s.edition, s]));
    const storyCodes = showingEditions(new Set(byWritten.keys()));
    const storyPath = (c: EditionCode): string | null => {
      const s = byWritten.get(contentEdition(c));
      return s ? paths.article(c, s.slug, s.public_id) : null;
    };
    const strings = text.strings;
    const seoTitle = overrides.get('seo_title') ?? (row.seo_title ? text.tx(row.seo_title) : card.headline);
    const description = overrides.get('seo_description') ?? (row.seo_description ? text.tx(row.seo_description) : card.lead);
    // Previews and structured data: the lead photo's crops, times with the zone's offset.
    const canonical = this.abs(code, path);
    const hero = row.hero_asset_id !== null ? assets.get(row.hero_asset_id) : undefined;
    const crops = hero ? cropsFor(hero) : [];
    const wide = crops.find((c) => c.ratio === '16x9');
    const published = isoWithOffset(new Date(row.published_at), this.deps.timeZone);
    const modified = row.updated_at && row.updated_at > row.published_at ? isoWithOffset(new Date(row.updated_at), this.deps.timeZone) : published;
    const authorLinks = authorViews.map((a) => ({ name: a.name, url: this.abs(code, a.href) }));
    const sectionHref = sectionName ? paths.section(code, sectionName.slug) : paths.home(code);
    const head: Head = {
      title: `${seoTitle} | ${strings.siteName}`,
      description,
      canonical,
      alternates: this.alternates(storyCodes, (c) => storyPath(c)!),
      ogType: 'article',
      image: wide ? this.abs(code, wide.path) : card.image ? this.abs(code, card.image.src) : null,
      ...(wide && card.image ? { imageMeta: { width: wide.width, height: wide.height, alt: card.image.alt } } : {}),
      article: { publishedTime: published, modifiedTime: modified, section: card.section.text, tags: tags.map((t) => t.text), authors: authorLinks.map((a) => a.url) },
      jsonLd: [
        newsArticleJsonLd({
          url: canonical, headline: card.headline, description, datePublished: published, dateModified: modified,
          inLanguage: EDITIONS[code].lang, section: card.section.text, keywords: tags.map((t) => t.text), authors: authorLinks,
          images: crops.map((c) => ({ url: this.abs(code, c.path), width: c.width, height: c.height })), publisher: this.publisher(code),
        }),
        breadcrumbJsonLd([
          { name: strings.home, url: this.abs(code, paths.home(code)) },
          ...(sectionName ? [{ name: card.section.text, url: this.abs(code, sectionHref) }] : []),
          { name: card.headline, url: canonical },
        ]),
      ],
    };
    const page: ArticlePage = {
      card,
      updated: row.updated_at && row.updated_at > row.published_at ? timeView(row.updated_at, text) : null,
      correction: row.updated_at && row.correction_note ? text.tx(row.correction_note) : null,
      blocks: blockViews,
      sourceLine: pick('source_line', row.source_line),
      tags,
      authors: authorViews,
      moreFromSection: more.map((m) => cardFrom(ctx, m, moreAssets)),
      sectionHref,
    };
    return {
      kind: 'page',
      data: {
        chrome: this.chrome(code, { currentSectionId: row.section_id, languageHref: storyPath, switchHref: this.switchPath(code, path) }),
        head,
        body: page,
        tags: [
          ...this.baseTags(code), cacheTags.article(row.id), cacheTags.story(row.story_id),
          cacheTags.section(row.section_id, text.written),
          ...tagIds.map(cacheTags.tag), ...authorIds.map(cacheTags.author),
          ...more.map((m) => cacheTags.article(m.id)),
        ],
        beacon: { publicId: row.public_id, edition: code },
      },
    };
  }

  /** Finds where an id lives when asked in an edition that does not hold it (for a redirect). */
  async articleElsewhere(code: EditionCode, publicId: string): Promise<string | null> {
    const row = await articles.articleByPublicId(this.deps.db, publicId);
    const now = this.now();
    if (!row || row.status !== 'published' || !row.published_at || row.published_at > now) return null;
    const written = contentEdition(code);
    const siblings = await articles.storyEditions(this.deps.db, row.story_id, now);
    const same = siblings.find((s) => s.edition === written);
    return same ? paths.article(code, same.slug, same.public_id) : null;
  }

  private pager(path: string, page: number, hasNext: boolean): Pager | null {
    if (page === 1 && !hasNext) return null;
    return { page, prev: page > 1 ? paths.withPage(path, page - 1) : null, next: hasNext ? paths.withPage(path, page + 1) : null };
  }

  private async listPage(
    code: EditionCode, filter: Omit<articles.ListFilter, 'edition' | 'now'>, page: number, path: string,
    heading: string, extraTags: string[], head: Omit<Head, 'canonical' | 'ogType' | 'image'>, chromeOpts: Parameters<ReaderService['chrome']>[1] = {},
    extra: Partial<ListPage> = {},
  ): Promise<PageData<ListPage> | null> {
    const ctx = this.ctx(code);
    const f = { ...filter, edition: ctx.text.written, now: this.now() };
    // One row more than a page tells whether there is a next page, without counting them all.
    const fetched = await articles.listPublished(this.deps.db, f, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    if (page > 1 && fetched.length === 0) return null;
    const rows = fetched.slice(0, PAGE_SIZE);
    const cards = await buildCards(ctx, rows);
    const pageSuffix = page > 1 ? ` · ${fill(ctx.text.strings.pageN, { n: page })}` : '';
    return {
      chrome: this.chrome(code, { switchHref: this.switchPath(code, path), ...chromeOpts }),
      head: {
        ...head,
        title: `${head.title}${pageSuffix} | ${ctx.text.strings.siteName}`,
        canonical: this.abs(code, paths.withPage(path, page)),
        ogType: 'website',
        image: null,
      },
      body: { heading, cards, pager: this.pager(path, page, fetched.length > PAGE_SIZE), ...extra },
      tags: [...this.baseTags(code), ...extraTags, ...rows.map((r) => cacheTags.article(r.id))],
    };
  }

  async section(code: EditionCode, slug: string, page: number): Promise<PageData<ListPage> | null> {
    const text = this.deps.texts.get(code);
    const section = this.deps.sections.bySlugIn(text.written, slug);
    if (!section) return null;
    const name = text.tx(section.names.get(text.written)!.name);
    const path = paths.section(code, slug);
    const codes = EDITION_CODES.filter((c) => section.names.has(contentEdition(c)));
    return this.listPage(code, { sectionId: section.id }, page, path, name,
      [cacheTags.section(section.id, text.written)],
      { title: name, description: `${name} — ${text.strings.siteName}`, alternates: this.alternates(codes, (c) => paths.section(c, section.names.get(contentEdition(c))!.slug)),
        feeds: this.feeds(code, { kind: 'section', slug, name }) },
      { currentSectionId: section.id });
  }

  async tag(code: EditionCode, slug: string, page: number): Promise<PageData<ListPage> | null> {
    const text = this.deps.texts.get(code);
    const tag = await taxonomy.tagBySlug(this.deps.db, text.written, slug);
    if (!tag) return null;
    const name = text.tx(tag.name);
    const heading = fill(text.strings.tagTitle, { tag: name });
    const others = await Promise.all(WRITTEN_EDITIONS.map(async (w) => [w, (await taxonomy.tagNames(this.deps.db, w, [tag.id]))[0]] as const));
    const slugs = new Map(others.filter(([, t]) => t !== undefined).map(([w, t]) => [w, t!.slug]));
    const codes = EDITION_CODES.filter((c) => slugs.has(contentEdition(c)));
    return this.listPage(code, { tagId: tag.id }, page, paths.tag(code, slug), heading, [cacheTags.tag(tag.id), cacheTags.list(text.written)],
      { title: heading, description: heading, alternates: this.alternates(codes, (c) => paths.tag(c, slugs.get(contentEdition(c))!)), feeds: this.feeds(code, { kind: 'tag', slug, name }) });
  }

  /** Where the page of a merged or renamed tag lives now, null when the slug never was a tag's. */
  async tagMovedTo(code: EditionCode, slug: string): Promise<string | null> {
    const written = this.deps.texts.get(code).written;
    const moved = await taxonomy.tagRedirect(this.deps.db, written, slug);
    if (!moved) return null;
    const now = (await taxonomy.tagNames(this.deps.db, written, [moved]))[0];
    return now ? paths.tag(code, now.slug) : null;
  }

  async author(code: EditionCode, slug: string, page: number): Promise<PageData<ListPage> | null> {
    const text = this.deps.texts.get(code);
    const a = await taxonomy.authorBySlug(this.deps.db, text.written, slug);
    if (!a) return null;
    const author: AuthorView = { href: paths.author(code, slug), name: text.tx(a.name), role: text.tx(a.role), bio: text.tx(a.bio) };
    const heading = fill(text.strings.articlesBy, { name: author.name });
    return this.listPage(code, { authorId: a.id }, page, paths.author(code, slug), author.name, [cacheTags.author(a.id), cacheTags.list(text.written)],
      { title: heading, description: author.bio || heading, alternates: this.alternates(EDITION_CODES, (c) => paths.author(c, slug)), feeds: this.feeds(code, { kind: 'author', slug, name: author.name }) },
      {}, { author });
  }

  async latest(code: EditionCode, page: number): Promise<PageData<ListPage> | null> {
    const text = this.deps.texts.get(code);
    return this.listPage(code, {}, page, paths.latest(code), text.strings.latest, [cacheTags.list(text.written)],
      { title: text.strings.latest, description: text.strings.siteDescription, alternates: this.alternates(EDITION_CODES, paths.latest), feeds: this.feeds(code, { kind: 'edition' }) });
  }

  /**
   * A day's archive, or null (404, never cached) for a day without articles: before the first
   * article, after today and every quiet day between. Otherwise any of ~60,000 past dates would be
   * a distinct, cacheable empty page. Its links lead to the nearest days that have articles.
   */
  async day(code: EditionCode, y: number, m: number, d: number, page: number): Promise<PageData<ListPage> | null> {
    const range = zonedDayRange(y, m, d, this.deps.timeZone);
    const now = this.now();
    if (!range || range.start.toISOString() > now) return null;
    const text = this.deps.texts.get(code);
    const filter = { from: range.start.toISOString(), to: range.end.toISOString() };
    if ((await articles.listPublished(this.deps.db, { ...filter, edition: text.written, now }, 1)).length === 0) return null;
    const dayText = text.day(new Date(range.start.getTime() + 12 * 3_600_000));
    const heading = fill(text.strings.archiveTitle, { date: dayText });
    const [before, after] = await Promise.all([
      articles.nearestPublished(this.deps.db, { edition: text.written, now, to: range.start.toISOString() }, 'before'),
      articles.nearestPublished(this.deps.db, { edition: text.written, now, from: range.end.toISOString() }, 'after'),
    ]);
    const dayPath = (c: EditionCode, iso: string) => {
      const z = zonedDate(new Date(iso), this.deps.timeZone);
      return paths.day(c, z.y, z.m, z.d);
    };
    const dayNav = {
      prev: before ? { href: dayPath(code, before), text: text.strings.previousDay } : null,
      next: after ? { href: dayPath(code, after), text: text.strings.nextDay } : null,
    };
    const path = paths.day(code, y, m, d);
    // Neighbouring days' links change when the first article of a quiet day is published: any
    // publication in the edition invalidates the list tag, which this page carries.
    return this.listPage(code, filter, page, path, heading, [cacheTags.list(text.written)],
      { title: heading, description: heading, alternates: this.alternates(EDITION_CODES, (c) => paths.day(c, y, m, d)) },
      {}, { dayNav });
  }

  popular(code: EditionCode): PageData<ListPage> {
    const text = this.deps.texts.get(code);
    const cards = this.deps.popular.get(code);
    const path = paths.popular(code);
    return {
      chrome: this.chrome(code, { switchHref: this.switchPath(code, path) }),
      head: {
        title: `${text.strings.popular} | ${text.strings.siteName}`, description: text.strings.siteDescription,
        canonical: this.abs(code, path), alternates: this.alternates(EDITION_CODES, paths.popular), ogType: 'website', image: null,
      },
      body: { heading: text.strings.popular, cards, pager: null },
      tags: this.baseTags(code),
    };
  }

  /** The search page: not cached (any query is a new page), hence no cache tags. */
  search(code: EditionCode, params: SearchParams): Promise<PageData<SearchPage> | null> {
    const path = searchPath(code);
    const texts = (c: EditionCode) => this.deps.texts.get(c);
    const sameQuery = (c: EditionCode) => searchHref(c, queryFor(code, c, params.query, texts));
    this.searchService ??= new SearchService(this.deps.db, this.deps.clock);
    return searchPage({
      ctx: this.ctx(code), service: this.searchService, texts, now: this.now(),
      chrome: this.chrome(code, params.query ? { languageHref: sameQuery, switchHref: EDITIONS[code].scriptSwitch ? sameQuery(EDITIONS[code].scriptSwitch!) : null } : { switchHref: this.switchPath(code, path) }),
      canonical: this.abs(code, path), alternates: this.alternates(EDITION_CODES, searchPath),
    }, params);
  }

  private searchService: SearchService | undefined;

  /** Chrome for error pages (404, 400) of an edition. */
  errorChrome(code: EditionCode): Chrome {
    return this.chrome(code);
  }
}
