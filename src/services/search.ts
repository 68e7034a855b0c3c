// Reader search (`/{edition}/search?q=`): the search service (src/search/engine.ts) over the
// edition's written text, results in the edition's own script with highlighted snippets, the
// relevance/newest switch, section and date filters, pages, and help when nothing is found.
// Derived editions search their source edition's rows; a query in any script of the language works.
import { EDITIONS, MENU_ORDER, type Edition, type EditionCode, type WrittenEditionCode } from '../editions/editions.ts';
import { fill } from '../editions/uiStrings.ts';
import { createConverter } from '../script/converter.ts';
import { kkArabToCyrl } from '../script/kkArabCyrl.ts';
import type { ScriptTag } from '../script/types.ts';
import type { EditionText } from './editionText.ts';
import { cardsByIds } from '../store/articles.ts';
import { bodiesOf, COUNT_CAP, type SearchOrder } from '../store/search.ts';
import { languageOf, snippet, textOfBody, type SearchService, type SnippetPart } from '../search/engine.ts';
import { buildCards, type CardContext } from './cards.ts';
import type { Alternate, ArticleCard, Chrome, PageData, Pager } from './pageModels.ts';

export const SEARCH_MAX_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;

export const searchPath = (e: EditionCode) => `/${e}/search`;

export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];
const PERIOD_MS: Readonly<Record<Period, number>> = { day: 864e5, week: 7 * 864e5, month: 31 * 864e5, year: 366 * 864e5 };

/** What the reader asked for: the query and the switches of the results page. */
export interface SearchParams {
  readonly query: string;
  readonly page: number;
  readonly order: SearchOrder;
  /** A section slug of the edition, or null for all. */
  readonly section: string | null;
  readonly period: Period | null;
}

export function searchHref(
  e: EditionCode,
  query: string,
  page = 1,
  opts: { order?: SearchOrder; section?: string | null; period?: Period | null } = {},
): string {
  const params = [`q=${encodeURIComponent(query)}`];
  if (opts.order === 'newest') params.push('order=newest');
  if (opts.section) params.push(`section=${encodeURIComponent(opts.section)}`);
  if (opts.period) params.push(`period=${opts.period}`);
  if (page > 1) params.push(`page=${page}`);
  return `${searchPath(e)}?${params.join('&')}`;
}

export interface SearchHitView {
  readonly card: ArticleCard;
  readonly snippet: readonly SnippetPart[];
}

export interface Choice {
  readonly value: string;
  readonly text: string;
  readonly selected: boolean;
}

export interface SearchPage {
  readonly heading: string;
  /** The query as the reader typed it (normalized); '' shows the form only. */
  readonly query: string;
  readonly action: string;
  readonly maxLength: number;
  /** "Results for …", or null without a query. */
  readonly resultsHeading: string | null;
  /** "Found: n", or null. */
  readonly count: string | null;
  /** The hint without a query, or "nothing found"; null when there are results. */
  readonly message: string | null;
  /** "Showing results for …" when a corrected spelling found what the query did not. */
  readonly corrected: string | null;
  readonly suggestions: readonly { readonly href: string; readonly text: string }[];
  /** The same query in the other editions that have results (when this one has none). */
  readonly elsewhere: readonly { readonly href: string; readonly text: string; readonly lang: string }[];
  readonly orders: readonly { readonly href: string; readonly text: string; readonly current: boolean }[];
  readonly filters: { readonly order: SearchOrder; readonly sections: readonly Choice[]; readonly periods: readonly Choice[] } | null;
  readonly hits: readonly SearchHitView[];
  readonly pager: Pager | null;
}

/** Collapses white space and normalizes to NFC; the route has checked the length. */
export function normalizeQuery(raw: string): string {
  return raw
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replaceAll('\u0000', '')
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .trim();
}

const kkLatnCyrl = createConverter({ from: 'kk-Latn', to: 'kk-Cyrl' });
const uzLatnCyrl = createConverter({ from: 'uz-Latn', to: 'uz-Cyrl' });

/** Back to the written script, by the script a derived edition is read in. */
const TO_WRITTEN: Readonly<Partial<Record<ScriptTag, (query: string) => string>>> = {
  'kk-Latn': (q) => kkLatnCyrl.convert(q),
  'kk-Arab': kkArabToCyrl,
  'uz-Latn': (q) => uzLatnCyrl.convert(q),
};

/** A query typed in an edition's script, in its written edition's script. */
export function toWrittenScript(code: EditionCode, query: string): string {
  const e: Edition = EDITIONS[code];
  return e.kind === 'derived' ? (TO_WRITTEN[e.to] ?? ((q: string) => q))(query) : query;
}

const written = (c: EditionCode): WrittenEditionCode => {
  const e = EDITIONS[c];
  return e.kind === 'derived' ? e.source : e.code;
};

/** The query for another edition's results page: converted when only the script differs. */
export function queryFor(from: EditionCode, to: EditionCode, query: string, texts: (c: EditionCode) => EditionText): string {
  if (from === to || written(from) !== written(to)) return query;
  return texts(to).tx(toWrittenScript(from, query));
}

export interface SearchInput {
  readonly ctx: CardContext;
  readonly service: SearchService;
  readonly texts: (c: EditionCode) => EditionText;
  readonly now: string;
  readonly chrome: Chrome;
  readonly canonical: string;
  readonly alternates: readonly Alternate[];
}

/** The search page's data; null for a page number past the results (404 like other lists). */
export async function searchPage(input: SearchInput, params: SearchParams): Promise<PageData<SearchPage> | null> {
  const { ctx } = input;
  const { query, page, order } = params;
  const s = ctx.text.strings;
  const sections = ctx.sections.list(ctx.text.written);
  const section = params.section ? sections.find((x) => x.names.get(ctx.text.written)?.slug === params.section) : undefined;
  if (params.section && !section) return null;
  const nowMs = Date.parse(input.now);
  const result = query
    ? await input.service.search({
        query,
        edition: ctx.code,
        order,
        limit: SEARCH_PAGE_SIZE,
        offset: (page - 1) * SEARCH_PAGE_SIZE,
        scope: {
          editions: [ctx.text.written],
          visibleAt: input.now,
          ...(section ? { sectionId: section.id } : {}),
          ...(params.period ? { from: new Date(nowMs - PERIOD_MS[params.period]).toISOString() } : {}),
        },
      })
    : null;
  const ids = result?.ids ?? [];
  if (page > 1 && ids.length === 0) return null;
  const rows = await cardsByIds(ctx.content.db, ids, input.now);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const cards = await buildCards(ctx, ordered);
  const bodies = await bodiesOf(ctx.content.db, ids);
  const lang = languageOf(ctx.code);
  const hits: SearchHitView[] = cards.map((card) => {
    const b = bodies.get(card.articleId);
    const parts = result ? snippet(textOfBody(b?.body ?? '[]') || (b?.lead ?? ''), result.parsed, lang) : [];
    return { card, snippet: parts.map((p) => ({ text: ctx.text.tx(p.text), mark: p.mark })) };
  });
  const total = result?.total ?? 0;
  const hasNext = page * SEARCH_PAGE_SIZE < total;
  const keep = { order, section: params.section, period: params.period };
  const pager: Pager | null =
    page === 1 && !hasNext
      ? null
      : {
          page,
          prev: page > 1 ? searchHref(ctx.code, query, page - 1, keep) : null,
          next: hasNext ? searchHref(ctx.code, query, page + 1, keep) : null,
        };
  const corrected = result?.corrected ? ctx.text.tx(result.corrected) : null;
  let elsewhere: SearchPage['elsewhere'] = [];
  if (query && hits.length === 0) {
    const counts = await input.service.countsByEdition(toWrittenScript(ctx.code, query), input.now);
    elsewhere = MENU_ORDER.filter(
      (c) => EDITIONS[c].kind === 'written' && c !== ctx.text.written && (counts.get(c as WrittenEditionCode) ?? 0) > 0,
    ).map((c) => {
      const n = counts.get(c as WrittenEditionCode) ?? 0;
      return { href: searchHref(c, query), text: `${EDITIONS[c].label} (${n > COUNT_CAP ? `${COUNT_CAP}+` : n})`, lang: EDITIONS[c].lang };
    });
  }
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
      heading: s.search,
      query,
      action: searchPath(ctx.code),
      maxLength: SEARCH_MAX_LENGTH,
      resultsHeading,
      count: query && hits.length > 0 ? fill(result?.more ? s.searchCountMore : s.searchCount, { n: total }) : null,
      message: !query ? s.searchHint : hits.length === 0 ? fill(s.searchNoResults, { query }) : null,
      corrected: corrected ? fill(s.searchShowingFor, { query: corrected }) : null,
      suggestions: corrected && hits.length > 0 ? [{ href: searchHref(ctx.code, corrected), text: corrected }] : [],
      elsewhere,
      orders:
        query && hits.length > 0
          ? [
              {
                href: searchHref(ctx.code, query, 1, { ...keep, order: 'relevance' }),
                text: s.searchByRelevance,
                current: order === 'relevance',
              },
              { href: searchHref(ctx.code, query, 1, { ...keep, order: 'newest' }), text: s.searchByDate, current: order === 'newest' },
            ]
          : [],
      filters: query
        ? {
            order,
            sections: [
              { value: '', text: s.searchAnySection, selected: !section },
              ...sections.map((x) => {
                const n = x.names.get(ctx.text.written)!;
                return { value: n.slug, text: ctx.text.tx(n.name), selected: x.id === section?.id };
              }),
            ],
            periods: [
              { value: '', text: s.searchAnyTime, selected: !params.period },
              ...PERIODS.map((p) => ({ value: p, text: s[periodKey[p]], selected: params.period === p })),
            ],
          }
        : null,
      hits,
      pager,
    },
    tags: [],
  };
}

const periodKey = { day: 'searchPastDay', week: 'searchPastWeek', month: 'searchPastMonth', year: 'searchPastYear' } as const;
