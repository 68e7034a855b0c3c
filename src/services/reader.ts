// The reader site's use cases: each returns the plain data of one page, or null for "not found".
// The pages are built in services/reader/ (one module per kind of page); every article's texts,
// photos and taxonomy come from the edition-content service (editionContent.ts).
import { contentEdition, EDITIONS, EDITION_CODES, type EditionCode } from '../editions/editions.ts';
import { cacheTags } from '../cache/tags.ts';
import * as articles from '../store/articles.ts';
import type { ArchivePage, Chrome, HomePage, ListPage, PageData } from './pageModels.ts';
import type { EditionHosts } from './hosts.ts';
import { queryFor, searchHref, searchPage, searchPath, type SearchPage, type SearchParams } from './search.ts';
import { SearchService } from '../search/engine.ts';
import { webSiteJsonLd } from './structuredData.ts';
import { paths } from './urls.ts';
import { PageKit, type ReaderDeps } from './reader/kit.ts';
import { articlePage, type ArticleResult } from './reader/articlePage.ts';
import { staticPage, type StaticPage } from './reader/staticPage.ts';
import { archivePage, authorPage, dayPage, latestPage, popularPage, sectionPage, tagMovedTo, tagPage } from './reader/listPages.ts';

export { MAX_PAGE, PAGE_SIZE, type ReaderDeps } from './reader/kit.ts';
export type { ArticleResult } from './reader/articlePage.ts';

export class ReaderService {
  private readonly kit: PageKit;
  private searchService: SearchService | undefined;

  constructor(private readonly deps: ReaderDeps) {
    this.kit = new PageKit(deps);
  }

  get hosts(): EditionHosts {
    return this.deps.hosts;
  }

  chrome(code: EditionCode, opts: Parameters<PageKit['chrome']>[1] = {}): Chrome {
    return this.kit.chrome(code, opts);
  }

  async home(code: EditionCode): Promise<PageData<HomePage>> {
    const { kit } = this;
    const { db, content, sections } = this.deps;
    const text = content.text(code);
    const written = text.written;
    const now = kit.now();
    const [recent, perSection] = await Promise.all([
      articles.listPublished(db, { edition: written, now }, 40),
      articles.latestPerSection(
        db,
        written,
        now,
        sections.list(written).map((s) => s.id),
        4,
      ),
    ]);
    const pinned = recent.find((r) => r.pinned === 1);
    const top = pinned ?? recent[0];
    const rest = recent.filter((r) => r !== top);
    const leads = rest.slice(0, 4);
    const latest = rest.slice(4, 16);
    // Every card of the page in one batch: overrides and photos in one query each.
    const listed = [...(top ? [top] : []), ...leads, ...latest];
    const all = await content.cards(code, [...listed, ...perSection]);
    const cards = all.slice(0, listed.length);
    const sectionCards = all.slice(listed.length);
    const sectionBlocks = sections
      .list(written)
      .map((s) => {
        const n = s.names.get(written)!;
        return {
          section: { href: paths.section(code, n.slug), text: text.tx(n.name) },
          cards: sectionCards.filter((_, i) => perSection[i]!.section_id === s.id),
        };
      })
      .filter((b) => b.cards.length > 0);
    const strings = text.strings;
    const path = paths.home(code);
    const shown = [...recent.slice(0, 16), ...perSection];
    return {
      chrome: kit.chrome(code, { switchHref: kit.switchPath(code, path) }),
      head: {
        title: strings.siteName,
        description: strings.siteDescription,
        canonical: kit.abs(code, path),
        alternates: kit.alternates(EDITION_CODES, (c) => paths.home(c), '/'),
        ogType: 'website',
        image: cards[0]?.image ? kit.abs(code, cards[0].image.src) : null,
        feeds: kit.feeds(code, { kind: 'edition' }),
        jsonLd: [
          webSiteJsonLd({
            name: strings.siteName,
            description: strings.siteDescription,
            url: kit.abs(code, path),
            inLanguage: EDITIONS[code].lang,
            searchUrlTemplate: `${kit.abs(code, searchPath(code))}?q={search_term_string}`,
            publisher: kit.publisher(code),
          }),
        ],
      },
      body: {
        top: cards[0] ?? null,
        leads: cards.slice(1, 1 + leads.length),
        latest: cards.slice(1 + leads.length),
        sections: sectionBlocks,
        latestHref: paths.latest(code),
      },
      tags: [...kit.baseTags(code), cacheTags.list(written), ...shown.map((r) => cacheTags.article(r.id))],
    };
  }

  article(code: EditionCode, publicId: string, slug: string, opts: { preview?: boolean } = {}): Promise<ArticleResult | null> {
    return articlePage(this.kit, code, publicId, slug, opts);
  }

  /** A static page of the agency ("About", "Contacts", …), null when not published in the edition. */
  staticPage(code: EditionCode, slug: string): Promise<PageData<StaticPage> | null> {
    return staticPage(this.kit, code, slug);
  }

  /** Finds where an id lives when asked in an edition that does not hold it (for a redirect). */
  async articleElsewhere(code: EditionCode, publicId: string): Promise<string | null> {
    const row = await articles.articleByPublicId(this.deps.db, publicId);
    const now = this.kit.now();
    if (!row || row.status !== 'published' || !row.published_at || row.published_at > now) return null;
    const written = contentEdition(code);
    const siblings = await articles.storyEditions(this.deps.db, row.story_id, now);
    const same = siblings.find((s) => s.edition === written);
    return same ? paths.article(code, same.slug, same.public_id) : null;
  }

  section(code: EditionCode, slug: string, page: number): Promise<PageData<ListPage> | null> {
    return sectionPage(this.kit, code, slug, page);
  }

  tag(code: EditionCode, slug: string, page: number): Promise<PageData<ListPage> | null> {
    return tagPage(this.kit, code, slug, page);
  }

  /** Where the page of a merged or renamed tag lives now, null when the slug never was a tag's. */
  tagMovedTo(code: EditionCode, slug: string): Promise<string | null> {
    return tagMovedTo(this.kit, code, slug);
  }

  author(code: EditionCode, slug: string, page: number): Promise<PageData<ListPage> | null> {
    return authorPage(this.kit, code, slug, page);
  }

  latest(code: EditionCode, page: number): Promise<PageData<ListPage> | null> {
    return latestPage(this.kit, code, page);
  }

  /** A day's archive, or null (404, never cached) for a day without articles (reader/listPages.ts). */
  day(code: EditionCode, y: number, m: number, d: number, page: number): Promise<PageData<ListPage> | null> {
    return dayPage(this.kit, code, y, m, d, page);
  }

  /** The archive: the edition's recent days with articles. */
  archive(code: EditionCode): Promise<PageData<ArchivePage>> {
    return archivePage(this.kit, code);
  }

  popular(code: EditionCode): PageData<ListPage> {
    return popularPage(this.kit, code);
  }

  /** The search page: not cached (any query is a new page), hence no cache tags. */
  search(code: EditionCode, params: SearchParams): Promise<PageData<SearchPage> | null> {
    const { kit } = this;
    const path = searchPath(code);
    const texts = (c: EditionCode) => this.deps.texts.get(c);
    const sameQuery = (c: EditionCode) => searchHref(c, queryFor(code, c, params.query, texts));
    this.searchService ??= new SearchService(this.deps.db, this.deps.clock);
    return searchPage(
      {
        ctx: kit.ctx(code),
        service: this.searchService,
        texts,
        now: kit.now(),
        chrome: kit.chrome(
          code,
          params.query
            ? { languageHref: sameQuery, switchHref: EDITIONS[code].scriptSwitch ? sameQuery(EDITIONS[code].scriptSwitch!) : null }
            : { switchHref: kit.switchPath(code, path), languageHref: searchPath },
        ),
        canonical: kit.abs(code, path),
        alternates: kit.alternates(EDITION_CODES, searchPath),
      },
      params,
    );
  }

  /** Chrome for error pages (404, 400) of an edition. */
  errorChrome(code: EditionCode): Chrome {
    return this.kit.chrome(code);
  }
}
