// What every reader page shares: the chrome (menus, language switch, most popular), alternates,
// absolute URLs, the publisher, cache tags and the paged lists of cards.
import type { Db } from '../../db/connect.ts';
import { EDITIONS, MENU_ORDER, type EditionCode } from '../../editions/editions.ts';
import { fill } from '../../editions/uiStrings.ts';
import { cacheTags } from '../../cache/tags.ts';
import { isoWithOffset, zonedDate } from '../../content/dates.ts';
import { formatDateLine } from '../../content/dateLine.ts';
import * as articles from '../../store/articles.ts';
import type { CardContext } from '../cards.ts';
import type { EditionContent } from '../editionContent.ts';
import type { EditionTexts } from '../editionText.ts';
import type { Alternate, Chrome, Head, LanguageItem, Link, ListPage, PageData, Pager } from '../pageModels.ts';
import type { PopularService } from '../popular.ts';
import type { EditionHosts } from '../hosts.ts';
import { PUBLISHER_LOGO } from '../../content/crops.ts';
import type { Publisher } from '../structuredData.ts';
import type { SectionsCache } from '../sectionsCache.ts';
import { paths } from '../urls.ts';
import { feedLinks, type FeedLink, type FeedScope } from '../feedPaths.ts';
import { footerFor } from './footer.ts';

export const PAGE_SIZE = 20;
export const MAX_PAGE = 10_000;
/** How many pages past the reader's the pager counts ("page 2 of 4"; beyond, "page 2 of 7+"). */
export const COUNTED_PAGES = 5;

export interface ReaderDeps {
  readonly db: Db;
  readonly texts: EditionTexts;
  /** The one way from stored rows to what an edition shows. */
  readonly content: EditionContent;
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

export type ChromeOptions = { currentSectionId?: number; languageHref?: (c: EditionCode) => string | null; switchHref?: string | null };

/** The head of a list page, without what listPage fills in. */
export type ListHead = Omit<Head, 'canonical' | 'ogType' | 'image'>;

export class PageKit {
  constructor(readonly deps: ReaderDeps) {}

  ctx(code: EditionCode): CardContext {
    return { content: this.deps.content, sections: this.deps.sections, code, text: this.deps.texts.get(code) };
  }

  now(): string {
    return this.deps.clock().toISOString();
  }

  /** A path of an edition as an absolute URL on the edition's host. */
  abs(code: EditionCode, path: string): string {
    return this.deps.hosts.absoluteUrl(code, path);
  }

  /** The `<link rel="alternate">` feeds of a page of an edition. */
  feeds(code: EditionCode, scope: FeedScope): FeedLink[] {
    return feedLinks(code, this.deps.texts.get(code).strings, scope, (p) => this.abs(code, p));
  }

  /** The agency as the publisher of an edition's pages (structured data). */
  publisher(code: EditionCode): Publisher {
    return {
      name: this.deps.texts.get(code).strings.siteName,
      url: this.abs(code, paths.home(code)),
      logo: { url: this.abs(code, PUBLISHER_LOGO.path), width: PUBLISHER_LOGO.width, height: PUBLISHER_LOGO.height },
    };
  }

  /** A link from a page of `from` to a path of `to`: absolute only when `to` lives on another host. */
  linkTo(from: EditionCode, to: EditionCode, path: string): string {
    const { hosts } = this.deps;
    return hosts.multiHost && hosts.origin(to) !== hosts.origin(from) ? hosts.absoluteUrl(to, path) : path;
  }

  /** Alternates for a page that exists in the given editions, path built per edition. */
  alternates(codes: readonly EditionCode[], pathFor: (c: EditionCode) => string, xDefault?: string): Alternate[] {
    const out: Alternate[] = codes.map((c) => ({ hreflang: EDITIONS[c].lang, href: this.abs(c, pathFor(c)) }));
    const fallback = codes.includes(this.deps.defaultEdition) ? this.deps.defaultEdition : codes[0];
    // The bare `/` (x-default of homes) chooses an edition: it lives on BASE_URL's host.
    const href = xDefault !== undefined ? this.deps.baseUrl + xDefault : fallback && this.abs(fallback, pathFor(fallback));
    if (href) out.push({ hreflang: 'x-default', href });
    return out;
  }

  chrome(code: EditionCode, opts: ChromeOptions = {}): Chrome {
    const text = this.deps.texts.get(code);
    const edition = EDITIONS[code];
    const named = this.deps.sections.list(text.written).map((s) => {
      const n = s.names.get(text.written)!;
      return { id: s.id, slug: n.slug, name: text.tx(n.name) };
    });
    const sections = named.map((s) => ({ href: paths.section(code, s.slug), text: s.name, current: s.id === opts.currentSectionId }));
    // An edition the menu does not list (uz-latn) takes the place of the one its script switch
    // leads to (uz): its readers see their own script's item, marked as the current one.
    const listed = (MENU_ORDER as readonly EditionCode[]).includes(code);
    const languages: LanguageItem[] = MENU_ORDER.map((m) => {
      const c = !listed && edition.scriptSwitch === m ? code : m;
      const same = opts.languageHref?.(c) ?? null;
      return {
        code: c,
        label: EDITIONS[c].label,
        lang: EDITIONS[c].lang,
        href: this.linkTo(code, c, same ?? paths.home(c)),
        current: c === code,
        sameStory: same !== null,
      };
    });
    const now = this.deps.clock();
    const timeZone = this.deps.timeZone;
    let scriptSwitch: Link | null = null;
    if (edition.scriptSwitch) {
      const target = edition.scriptSwitch;
      const label = EDITIONS[target].kind === 'derived' ? text.strings.toLatin : text.strings.toCyrillic;
      scriptSwitch = { href: this.linkTo(code, target, opts.switchHref ?? paths.home(target)), text: label };
    }
    return {
      edition,
      strings: text.strings,
      homeHref: paths.home(code),
      sections,
      languages,
      scriptSwitch,
      popular: this.deps.popular.ranking(code, 'day').slice(0, 5),
      popularWeek: this.deps.popular.ranking(code, 'week').slice(0, 5),
      year: zonedDate(now, timeZone).y,
      dateLine: {
        iso: isoWithOffset(now, timeZone).slice(0, 10),
        text: text.tx(formatDateLine(now, { locale: edition.intlLocale, order: edition.dateOrder, timeZone })),
      },
      archiveHref: paths.archive(code),
      footer: footerFor(code, text.strings, named),
      assets: this.deps.assets,
    };
  }

  baseTags(code: EditionCode): string[] {
    return [cacheTags.edition(code), cacheTags.popular(code), cacheTags.sections()];
  }

  switchPath(code: EditionCode, path: string): string | null {
    const target = EDITIONS[code].scriptSwitch;
    return target ? `/${target}${path.slice(code.length + 1)}` : null;
  }

  pager(path: string, page: number, hasNext: boolean, total: string): Pager {
    return { page, total, prev: page > 1 ? paths.withPage(path, page - 1) : null, next: hasNext ? paths.withPage(path, page + 1) : null };
  }

  /** A paged list of cards; null for a page past the end. */
  async listPage(
    code: EditionCode,
    filter: Omit<articles.ListFilter, 'edition' | 'now'>,
    page: number,
    path: string,
    heading: string,
    extraTags: string[],
    head: ListHead,
    chromeOpts: ChromeOptions = {},
    extra: Partial<ListPage> = {},
  ): Promise<PageData<ListPage> | null> {
    const text = this.deps.texts.get(code);
    const f = { ...filter, edition: text.written, now: this.now() };
    // One row more than a page tells whether there is a next page, without counting them all.
    const fetched = await articles.listPublished(this.deps.db, f, PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
    if (page > 1 && fetched.length === 0) return null;
    const rows = fetched.slice(0, PAGE_SIZE);
    const hasNext = fetched.length > PAGE_SIZE;
    // "Page 2 of 4", counted only for a list of more than one page and only a few pages ahead:
    // further on the pager says "of 6+" (a list is walked along its index, never counted whole).
    let pager: Pager | null = null;
    if (page > 1 || hasNext) {
      const cap = (page + COUNTED_PAGES) * PAGE_SIZE;
      const n = await articles.countPublishedUpTo(this.deps.db, f, cap + 1);
      pager = this.pager(path, page, hasNext, n > cap ? `${cap / PAGE_SIZE}+` : String(Math.ceil(n / PAGE_SIZE)));
    }
    const cards = await this.deps.content.cards(code, rows);
    const pageSuffix = page > 1 ? ` · ${fill(text.strings.pageN, { n: page })}` : '';
    return {
      chrome: this.chrome(code, { switchHref: this.switchPath(code, path), ...chromeOpts }),
      head: {
        ...head,
        title: `${head.title}${pageSuffix} | ${text.strings.siteName}`,
        canonical: this.abs(code, paths.withPage(path, page)),
        ogType: 'website',
        image: null,
      },
      body: { heading, cards, pager, ...extra },
      tags: [...this.baseTags(code), ...extraTags, ...rows.map((r) => cacheTags.article(r.id))],
    };
  }
}
