// The reader site's use cases: each returns the plain data of one page, or null for "not found".
// The pages are built in services/reader/ (one module per kind of page); every article's texts,
// photos and taxonomy come from the edition-content service (editionContent.ts).
import { contentEdition, EDITIONS, EDITION_CODES, type EditionCode } from '../editions/editions.ts';
import * as articles from '../store/articles.ts';
import type { ArchivePage, Chrome, HomePage, ListPage, PageData } from './pageModels.ts';
import type { EditionHosts } from './hosts.ts';
import { queryFor, searchHref, searchPage, searchPath, type SearchPage, type SearchParams } from './search.ts';
import { SearchService } from '../search/engine.ts';
import { paths } from './urls.ts';
import { PageKit, type ReaderDeps } from './reader/kit.ts';
import { articlePage, type ArticleResult } from './reader/articlePage.ts';
import { staticPage, type StaticPage } from './reader/staticPage.ts';
import { homePage } from './reader/homePage.ts';
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

  home(code: EditionCode): Promise<PageData<HomePage>> {
    return homePage(this.kit, code);
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
