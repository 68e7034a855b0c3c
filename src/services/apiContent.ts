// The public API's use cases: plain, converted data for every edition (derived ones included).
import type { Db } from '../db/connect.ts';
import { contentEdition, EDITIONS, EDITION_CODES, WRITTEN_EDITIONS, type EditionCode } from '../editions/editions.ts';
import { cacheTags } from '../cache/tags.ts';
import { isoWithOffset } from '../content/dates.ts';
import * as articles from '../store/articles.ts';
import * as taxonomy from '../store/taxonomy.ts';
import { authorsIn, listForApi, storiesArticles, storyArticles, tagsIn } from '../store/apiContent.ts';
import type { CardRow } from '../store/articles.ts';
import { EditionContent } from './editionContent.ts';
import { apiArticleBodies, apiArticleBody, apiSummaries } from './editionContentApi.ts';
import type { EditionText, EditionTexts } from './editionText.ts';
import type { EditionHosts } from './hosts.ts';
import type { BlockView } from './pageModels.ts';
import type { SectionsCache } from './sectionsCache.ts';
import { paths } from './urls.ts';
import { decodeCursor, encodeCursor } from './apiCursor.ts';
import { SearchService } from '../search/engine.ts';
import { normalizeQuery } from './search.ts';
import type {
  ApiArticle,
  ApiArticleList,
  ApiArticleSummary,
  ApiAuthor,
  ApiEdition,
  ApiSection,
  ApiStory,
  ApiStoryEdition,
  ApiTag,
  Tagged,
} from './apiModels.ts';

/** Bad input the client can fix (unknown filter values, a bad cursor): the web layer answers 400. */
export class ApiInputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiInputError';
  }
}

export interface ApiDeps {
  readonly db: Db;
  readonly texts: EditionTexts;
  /**
   * The one way from stored rows to what an edition shows (overrides, photos, tags, authors): the
   * app's (container.ts); tools that build the API alone (the export) get one made of these deps.
   */
  readonly content?: EditionContent;
  readonly sections: SectionsCache;
  readonly clock: () => Date;
  readonly hosts: EditionHosts;
  readonly timeZone: string;
  /** Where the API itself lives (BASE_URL), for the `api` links of story editions. */
  readonly apiBase: string;
  /** Renders body blocks to HTML (the reader site's Blocks view, injected by the web layer). */
  readonly renderBody: (blocks: readonly BlockView[]) => string;
}

export interface ArticleQuery {
  readonly edition: EditionCode;
  readonly section?: string;
  readonly tag?: string;
  readonly author?: string;
  readonly story?: number;
  readonly since?: string;
  readonly until?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export class ApiService {
  private readonly content: EditionContent;

  constructor(private readonly deps: ApiDeps) {
    this.content = deps.content ?? new EditionContent(deps);
  }

  private now(): string {
    return this.deps.clock().toISOString();
  }

  private text(code: EditionCode): EditionText {
    return this.deps.texts.get(code);
  }

  private abs(code: EditionCode, path: string): string {
    return this.deps.hosts.absoluteUrl(code, path);
  }

  private iso(utc: string): string {
    return isoWithOffset(new Date(utc), this.deps.timeZone);
  }

  /** The editions asked for: one, or all eight. */
  private codes(edition: EditionCode | undefined): readonly EditionCode[] {
    return edition ? [edition] : EDITION_CODES;
  }

  editions(): Tagged<ApiEdition[]> {
    const data = EDITION_CODES.map((code): ApiEdition => {
      const e = EDITIONS[code];
      return {
        code,
        lang: e.lang,
        label: e.label,
        dir: e.dir,
        kind: e.kind,
        source: e.kind === 'derived' ? e.source : null,
        name: this.text(code).strings.siteName,
        url: this.abs(code, paths.home(code)),
      };
    });
    return { data, tags: ['sections'] };
  }

  sectionList(edition?: EditionCode): Tagged<ApiSection[]> {
    const codes = this.codes(edition);
    const all = edition ? this.deps.sections.list(contentEdition(edition)) : WRITTEN_EDITIONS.flatMap((w) => this.deps.sections.list(w));
    const unique = [...new Map(all.map((s) => [s.id, s])).values()].sort((a, b) => a.position - b.position);
    const data = unique.map((s): ApiSection => {
      const names: ApiSection['names'] = {};
      for (const code of codes) {
        const n = s.names.get(contentEdition(code));
        if (n) names[code] = { name: this.text(code).tx(n.name), slug: n.slug, url: this.abs(code, paths.section(code, n.slug)) };
      }
      return { key: s.key, names };
    });
    return { data, tags: ['sections', ...codes.map(cacheTags.edition)] };
  }

  async tagList(edition?: EditionCode): Promise<Tagged<ApiTag[]>> {
    const codes = this.codes(edition);
    const byKey = new Map<string, ApiTag & { names: ApiTag['names'] }>();
    const written = [...new Set(codes.map(contentEdition))];
    const rows = new Map(await Promise.all(written.map(async (w) => [w, await tagsIn(this.deps.db, w)] as const)));
    for (const code of codes) {
      for (const t of rows.get(contentEdition(code)) ?? []) {
        let tag = byKey.get(t.key);
        if (!tag) byKey.set(t.key, (tag = { key: t.key, names: {} }));
        tag.names[code] = { name: this.text(code).tx(t.name), slug: t.slug, url: this.abs(code, paths.tag(code, t.slug)) };
      }
    }
    const data = [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
    return { data, tags: codes.map(cacheTags.edition) };
  }

  async authorList(edition?: EditionCode): Promise<Tagged<ApiAuthor[]>> {
    const codes = this.codes(edition);
    const bySlug = new Map<string, ApiAuthor & { names: ApiAuthor['names'] }>();
    const written = [...new Set(codes.map(contentEdition))];
    const rows = new Map(await Promise.all(written.map(async (w) => [w, await authorsIn(this.deps.db, w)] as const)));
    for (const code of codes) {
      const { tx } = this.text(code);
      for (const a of rows.get(contentEdition(code)) ?? []) {
        let author = bySlug.get(a.slug);
        if (!author) bySlug.set(a.slug, (author = { slug: a.slug, names: {} }));
        author.names[code] = { name: tx(a.name), role: tx(a.role), url: this.abs(code, paths.author(code, a.slug)) };
      }
    }
    const data = [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
    return { data, tags: codes.map(cacheTags.edition) };
  }

  /** Summaries of rows of one written edition, as shown in `code` (the edition-content service). */
  private summaries(code: EditionCode, rows: readonly CardRow[]): Promise<ApiArticleSummary[]> {
    return apiSummaries(this.content, code, rows);
  }

  /** Articles of one edition, newest first, filtered, one page after the cursor. */
  async articleList(q: ArticleQuery): Promise<Tagged<ApiArticleList>> {
    const { page, cursor, tags } = await this.listRows(q);
    return { data: { items: await this.summaries(q.edition, page), cursor }, tags };
  }

  /** The rows of one page of articleList, the cursor after them and the page's cache tags. */
  private async listRows(q: ArticleQuery): Promise<{ page: CardRow[]; cursor: string | null; tags: string[] }> {
    const text = this.text(q.edition);
    const written = text.written;
    let sectionId: number | undefined;
    let tagId: number | undefined;
    let authorId: number | undefined;
    if (q.section !== undefined) {
      const s = this.deps.sections.bySlugIn(written, q.section);
      if (!s) throw new ApiInputError('UNKNOWN_SECTION', `No section "${q.section}" in edition ${q.edition}`);
      sectionId = s.id;
    }
    if (q.tag !== undefined) {
      const t = await taxonomy.tagBySlug(this.deps.db, written, q.tag);
      if (!t) throw new ApiInputError('UNKNOWN_TAG', `No tag "${q.tag}" in edition ${q.edition}`);
      tagId = t.id;
    }
    if (q.author !== undefined) {
      const a = await taxonomy.authorBySlug(this.deps.db, written, q.author);
      if (!a) throw new ApiInputError('UNKNOWN_AUTHOR', `No author "${q.author}" in edition ${q.edition}`);
      authorId = a.id;
    }
    const since = q.since !== undefined ? new Date(q.since).toISOString() : undefined;
    const until = q.until !== undefined ? new Date(q.until).toISOString() : undefined;
    if (since !== undefined && until !== undefined && since >= until)
      throw new ApiInputError('BAD_RANGE', 'since must be earlier than until');
    let after;
    if (q.cursor !== undefined) {
      after = decodeCursor(q.cursor);
      if (!after) throw new ApiInputError('BAD_CURSOR', 'cursor is not a cursor this API gave out');
    }
    const rows = await listForApi(
      this.deps.db,
      {
        edition: written,
        now: this.now(),
        ...(sectionId !== undefined ? { sectionId } : {}),
        ...(tagId !== undefined ? { tagId } : {}),
        ...(authorId !== undefined ? { authorId } : {}),
        ...(q.story !== undefined ? { storyId: q.story } : {}),
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(after ? { after } : {}),
      },
      q.limit + 1,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const cursor = rows.length > q.limit && last?.published_at ? encodeCursor({ publishedAt: last.published_at, id: last.id }) : null;
    return { page, cursor, tags: [cacheTags.edition(q.edition), cacheTags.list(written), ...page.map((r) => cacheTags.article(r.id))] };
  }

  /**
   * Full-text search of one edition's visible articles (the reader page's engine): best match
   * first or newest first, a page at a time; `corrected` names the spelling searched instead
   * when the query as typed found nothing.
   */
  async searchArticles(q: {
    edition: EditionCode;
    q: string;
    section?: string;
    order: 'relevance' | 'newest';
    page: number;
    limit: number;
  }): Promise<Tagged<{ items: ApiArticleSummary[]; total: number; more: boolean; corrected: string | null; page: number }>> {
    const text = this.text(q.edition);
    let sectionId: number | undefined;
    if (q.section !== undefined) {
      const s = this.deps.sections.bySlugIn(text.written, q.section);
      if (!s) throw new ApiInputError('UNKNOWN_SECTION', `No section "${q.section}" in edition ${q.edition}`);
      sectionId = s.id;
    }
    this.searchService ??= new SearchService(this.deps.db, this.deps.clock);
    const now = this.now();
    const r = await this.searchService.search({
      query: normalizeQuery(q.q),
      edition: q.edition,
      order: q.order,
      limit: q.limit,
      offset: (q.page - 1) * q.limit,
      scope: { editions: [text.written], visibleAt: now, ...(sectionId !== undefined ? { sectionId } : {}) },
    });
    const rows = await articles.cardsByIds(this.deps.db, r.ids, now);
    const byId = new Map(rows.map((x) => [x.id, x]));
    const items = await this.summaries(
      q.edition,
      r.ids.map((id) => byId.get(id)).filter((x) => x !== undefined),
    );
    return {
      data: { items, total: r.total, more: r.more, corrected: r.corrected === null ? null : text.tx(r.corrected), page: q.page },
      tags: [cacheTags.edition(q.edition), cacheTags.list(text.written)],
    };
  }

  private searchService: SearchService | undefined;

  /** Like articleList, with every item in full (for ninjs). */
  async fullArticles(
    q: Omit<ArticleQuery, 'section' | 'tag' | 'author' | 'story'>,
  ): Promise<Tagged<{ items: ApiArticle[]; cursor: string | null }>> {
    // The page's rows, then every item's parts for the whole page at once (a query per kind of
    // part, not per article): the same items as `article` gives one by one.
    const { page, cursor, tags } = await this.listRows(q);
    const now = this.now();
    const [summaries, rows, siblings] = await Promise.all([
      this.summaries(q.edition, page),
      articles.articlesByIds(
        this.deps.db,
        page.map((r) => r.id),
      ),
      storiesArticles(
        this.deps.db,
        page.map((r) => r.story_id),
        now,
      ),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const full = page.map((r) => byId.get(r.id)).filter((r) => r !== undefined);
    const [own, editions] = await Promise.all([
      apiArticleBodies(this.content, q.edition, full, this.deps.renderBody),
      this.storyEditionsOf(full.map((r) => siblings.get(r.story_id) ?? [])),
    ]);
    const summaryOf = new Map(page.map((r, i) => [r.id, summaries[i]!]));
    const items = full.map((row, i): ApiArticle => ({
      ...summaryOf.get(row.id)!,
      ...own[i]!,
      editions: editions[i]!,
      createdAt: this.iso(row.created_at),
      revision: Number(row.revision),
    }));
    return { data: { items, cursor }, tags };
  }

  /** Editions showing a story, with their headlines as each shows them (a derived edition's override included). */
  private async storyEditions(rows: readonly CardRow[]): Promise<ApiStoryEdition[]> {
    return (await this.storyEditionsOf([rows]))[0]!;
  }

  /** storyEditions of many stories (one overrides query per derived edition for all of them). */
  private async storyEditionsOf(stories: readonly (readonly CardRow[])[]): Promise<ApiStoryEdition[][]> {
    const all = stories.flat();
    const overrides = new Map(
      await Promise.all(
        EDITION_CODES.map(async (code) => {
          const ids = all.filter((r) => r.edition === contentEdition(code) && r.published_at).map((r) => r.id);
          return [code, await this.content.overrides(code, ids)] as const;
        }),
      ),
    );
    return stories.map((rows) => this.storyEditionsFrom(rows, overrides));
  }

  private storyEditionsFrom(
    rows: readonly CardRow[],
    overrides: ReadonlyMap<EditionCode, ReadonlyMap<number, ReadonlyMap<string, string>>>,
  ): ApiStoryEdition[] {
    const byWritten = new Map(rows.map((r) => [r.edition, r]));
    return EDITION_CODES.flatMap((code): ApiStoryEdition[] => {
      const r = byWritten.get(contentEdition(code));
      if (!r || !r.published_at) return [];
      const over = overrides.get(code)?.get(r.id);
      return [
        {
          edition: code,
          lang: EDITIONS[code].lang,
          id: r.public_id,
          url: this.abs(code, paths.article(code, r.slug, r.public_id)),
          api: `${this.deps.apiBase}/api/v1/articles/${code}/${r.public_id}`,
          headline: this.content.texts(code, r, over).headline,
          publishedAt: this.iso(r.published_at),
        },
      ];
    });
  }

  async story(id: number): Promise<Tagged<ApiStory> | null> {
    const rows = await storyArticles(this.deps.db, id, this.now());
    if (rows.length === 0) return null;
    return {
      data: { id, editions: await this.storyEditions(rows) },
      tags: [cacheTags.story(id), ...rows.map((r) => cacheTags.article(r.id))],
    };
  }

  /** One article as an edition shows it (derived editions: converted, overrides applied); null when not visible there. */
  async article(code: EditionCode, publicId: string): Promise<Tagged<ApiArticle> | null> {
    const db = this.deps.db;
    const now = this.now();
    const text = this.text(code);
    const row = await articles.articleByPublicId(db, publicId);
    if (!row || row.status !== 'published' || !row.published_at || row.published_at > now || row.edition !== text.written) return null;
    const card = (await articles.cardsByIds(db, [row.id], now))[0];
    if (!card) return null;
    const [[summary], own, siblings] = await Promise.all([
      this.summaries(code, [card]),
      apiArticleBody(this.content, code, row, this.deps.renderBody),
      storyArticles(db, row.story_id, now),
    ]);
    const data: ApiArticle = {
      ...summary!,
      ...own,
      editions: await this.storyEditions(siblings),
      createdAt: this.iso(row.created_at),
      revision: Number(row.revision),
    };
    return { data, tags: [cacheTags.article(row.id), cacheTags.story(row.story_id), cacheTags.edition(code)] };
  }
}

// `habarshy export` sizes its progress bar with the store's count.
export { countPublished } from '../store/articles.ts';
