// Reader search (`/{edition}/search?q=`): headlines and leads of the edition that contain the query.
// Derived editions store no text of their own: a query typed in their script is also looked up
// converted back to the source script where a converter exists (qz → kz, uz-latn → uz).
import { EDITIONS, type EditionCode } from '../editions/editions.ts';
import { fill } from '../editions/uiStrings.ts';
import { createConverter, SUPPORTED_PAIRS } from '../script/converter.ts';
import type { Converter } from '../script/types.ts';
import { searchPublished } from '../store/search.ts';
import { buildCards, type CardContext } from './cards.ts';
import type { Alternate, ArticleCard, Chrome, PageData, Pager } from './pageModels.ts';

export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;

export const searchPath = (e: EditionCode) => `/${e}/search`;

export function searchHref(e: EditionCode, query: string, page = 1): string {
  const q = `${searchPath(e)}?q=${encodeURIComponent(query)}`;
  return page > 1 ? `${q}&page=${page}` : q;
}

export interface SearchPage {
  readonly heading: string;
  /** The query as the reader typed it (normalized); '' shows the form only. */
  readonly query: string;
  readonly action: string;
  readonly maxLength: number;
  /** "Results for …", or null without a query. */
  readonly resultsHeading: string | null;
  /** The hint without a query, or "nothing found"; null when there are results. */
  readonly message: string | null;
  readonly cards: readonly ArticleCard[];
  readonly pager: Pager | null;
}

/** Collapses white space and normalizes to NFC; the route has checked the length. */
export function normalizeQuery(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const reverse = new Map<EditionCode, Converter | null>();

/** The converter from a derived edition's script back to its source's, when there is one. */
function toSource(code: EditionCode): Converter | null {
  if (reverse.has(code)) return reverse.get(code)!;
  const e = EDITIONS[code];
  let c: Converter | null = null;
  if (e.kind === 'derived') {
    const pair = SUPPORTED_PAIRS.find((p) => p.from === e.to && p.to === e.from && p.schemes.includes(e.scheme));
    if (pair) c = createConverter({ from: pair.from, to: pair.to, scheme: e.scheme });
  }
  reverse.set(code, c);
  return c;
}

const capitalized = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** The spellings a query is looked up by: as typed, lower case, capitalized; and in the source script. */
export function searchTerms(code: EditionCode, query: string): string[] {
  if (!query) return [];
  const lower = query.toLocaleLowerCase();
  const spellings = [query, lower, capitalized(lower)];
  const back = toSource(code);
  const converted = back ? spellings.map((s) => back.convert(s)) : [];
  return [...new Set([...spellings, ...converted])];
}

export interface SearchInput {
  readonly ctx: CardContext;
  readonly now: string;
  readonly chrome: Chrome;
  readonly canonical: string;
  readonly alternates: readonly Alternate[];
}

/** The search page's data; null for a page number past the results (404 like other lists). */
export async function searchPage(input: SearchInput, query: string, page: number): Promise<PageData<SearchPage> | null> {
  const { ctx } = input;
  const s = ctx.text.strings;
  const terms = searchTerms(ctx.code, query);
  const fetched = terms.length === 0 ? [] : await searchPublished(ctx.db, { edition: ctx.text.written, now: input.now }, terms, SEARCH_PAGE_SIZE + 1, (page - 1) * SEARCH_PAGE_SIZE);
  if (page > 1 && fetched.length === 0) return null;
  const rows = fetched.slice(0, SEARCH_PAGE_SIZE);
  const cards = await buildCards(ctx, rows);
  const hasNext = fetched.length > SEARCH_PAGE_SIZE;
  const pager: Pager | null = page === 1 && !hasNext ? null : {
    page,
    prev: page > 1 ? searchHref(ctx.code, query, page - 1) : null,
    next: hasNext ? searchHref(ctx.code, query, page + 1) : null,
  };
  const resultsHeading = query ? fill(s.searchResults, { query }) : null;
  const pageSuffix = page > 1 ? ` · ${fill(s.pageN, { n: page })}` : '';
  return {
    chrome: input.chrome,
    head: {
      title: `${resultsHeading ?? s.search}${pageSuffix} | ${s.siteName}`,
      description: s.siteDescription,
      canonical: input.canonical,
      alternates: input.alternates,
      ogType: 'website',
      image: null,
      // Result lists are not for search engines; the articles they lead to are.
      robots: 'noindex, follow',
    },
    body: {
      heading: s.search, query, action: searchPath(ctx.code), maxLength: SEARCH_MAX_LENGTH, resultsHeading,
      message: !query ? s.searchHint : cards.length === 0 ? fill(s.searchNoResults, { query }) : null,
      cards, pager,
    },
    tags: [],
  };
}
