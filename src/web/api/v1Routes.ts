// /api/v1 routes: each validates its input by schema, calls the API service and sends JSON.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { EditionCode } from '../../editions/editions.ts';
import type { ApiService } from '../../services/apiContent.ts';
import { toNinjs } from '../../services/ninjs.ts';
import { HttpError } from '../plugins/errors.ts';
import { sendJson } from './sendJson.ts';
import {
  Article,
  ArticlePage,
  ArticleParams,
  ArticlesQuery,
  AuthorItem,
  EditionFilter,
  EditionItem,
  EditionParams,
  errors,
  ListOf,
  NinjsListQuery,
  NinjsObject,
  NinjsPage,
  NinjsVersionQuery,
  OpenApiDocument,
  SectionItem,
  Story,
  StoryParams,
  TagItem,
  SearchPage,
  SearchQuery,
  type SearchQueryT,
} from './schemas.ts';

export interface V1Options {
  readonly api: ApiService;
  /** BASE_URL: the next-page links are absolute. */
  readonly baseUrl: string;
  /** The edition's site name (ninjs `copyrightholder`). */
  readonly publisher: (code: EditionCode) => string;
}

const notFound = (what: string) => new HttpError(404, 'NOT_FOUND', what);

/** The URL of the next page: the same query with the new cursor. */
function nextUrl(base: string, path: string, query: Record<string, unknown>, cursor: string | null): string | null {
  if (cursor === null) return null;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && k !== 'cursor') params.set(k, String(v));
  params.set('cursor', cursor);
  return `${base}${path}?${params.toString()}`;
}

function nextPage(base: string, q: SearchQueryT): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && k !== 'page') params.set(k, String(v));
  params.set('page', String(q.page + 1));
  return `${base}/api/v1/search?${params.toString()}`;
}

export async function v1Routes(base: FastifyInstance, opts: V1Options): Promise<void> {
  // Typed by their schemas (TypeBox type provider): handlers read params and queries without a cast.
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const { api, publisher } = opts;
  const baseUrl = opts.baseUrl;
  const config = { access: 'public' } as const;

  app.get(
    '/editions',
    {
      config,
      schema: {
        tags: ['content'],
        summary: 'The editions',
        description: 'Every edition: language tag, direction, whether it is derived by script conversion, and its home page.',
        response: { 200: ListOf(EditionItem), ...errors(401, 429) },
      },
    },
    (request, reply) => {
      const r = api.editions();
      return sendJson(request, reply, { items: r.data }, r.tags);
    },
  );

  app.get(
    '/sections',
    {
      config,
      schema: {
        tags: ['content'],
        summary: 'Sections with their names per edition',
        description: 'Names are given for every edition (derived editions converted), or for one with `edition`.',
        querystring: EditionFilter,
        response: { 200: ListOf(SectionItem), ...errors(400, 401, 429) },
      },
    },
    (request, reply) => {
      const { edition } = request.query;
      const r = api.sectionList(edition);
      return sendJson(request, reply, { items: r.data }, r.tags);
    },
  );

  app.get(
    '/tags',
    {
      config,
      schema: {
        tags: ['content'],
        summary: 'Tags with their names per edition',
        description: 'A tag may have names in only some editions. `edition` limits the names to one edition.',
        querystring: EditionFilter,
        response: { 200: ListOf(TagItem), ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { edition } = request.query;
      const r = await api.tagList(edition);
      return sendJson(request, reply, { items: r.data }, r.tags);
    },
  );

  app.get(
    '/authors',
    {
      config,
      schema: {
        tags: ['content'],
        summary: 'Authors with their names per edition',
        description: "One slug per author in every edition; names and roles in each edition's script.",
        querystring: EditionFilter,
        response: { 200: ListOf(AuthorItem), ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { edition } = request.query;
      const r = await api.authorList(edition);
      return sendJson(request, reply, { items: r.data }, r.tags);
    },
  );

  app.get(
    '/articles',
    {
      config,
      schema: {
        tags: ['content'],
        summary: 'Published articles of an edition, newest first',
        description:
          '`edition` is required: slugs, names and texts are per edition. Filters combine (AND). Pages are cursor-based: follow `next` until it is null.',
        querystring: ArticlesQuery,
        response: { 200: ArticlePage, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await api.articleList(q);
      return sendJson(request, reply, { ...r.data, next: nextUrl(baseUrl, '/api/v1/articles', q, r.data.cursor) }, r.tags);
    },
  );

  app.get(
    '/search',
    {
      config,
      schema: {
        tags: ['content'],
        summary: "Full-text search of an edition's published articles",
        description:
          'The reader site\'s search: word forms, any script of the language, "phrases", the last word as a prefix; all words must match. Best match first, or `order=newest`.',
        querystring: SearchQuery,
        response: { 200: SearchPage, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const r = await api.searchArticles({
        edition: q.edition,
        q: q.q,
        order: q.order ?? 'relevance',
        page: q.page,
        limit: q.limit,
        ...(q.section !== undefined ? { section: q.section } : {}),
      });
      const more = q.page * q.limit < r.data.total;
      return sendJson(request, reply, { ...r.data, next: more ? nextPage(baseUrl, q) : null }, r.tags);
    },
  );

  app.get(
    '/articles/:edition/:id',
    {
      config,
      schema: {
        tags: ['content'],
        summary: 'One article in one edition',
        description:
          'Derived editions (qz, tote, uz-latn) share the id of their source article and answer with converted texts. The body comes as blocks and as HTML.',
        params: ArticleParams,
        response: { 200: Article, ...errors(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { edition, id } = request.params;
      const r = await api.article(edition, id);
      if (!r) throw notFound(`No article ${id} in edition ${edition}`);
      return sendJson(request, reply, r.data, r.tags);
    },
  );

  app.get(
    '/stories/:id',
    {
      config,
      schema: {
        tags: ['content'],
        summary: 'A story and its editions',
        description: 'Every edition that shows the story, derived editions included, with links to the article in each.',
        params: StoryParams,
        response: { 200: Story, ...errors(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const r = await api.story(id);
      if (!r) throw notFound(`No published story ${id}`);
      return sendJson(request, reply, r.data, r.tags);
    },
  );

  app.get(
    '/ninjs/:edition',
    {
      config,
      schema: {
        tags: ['ninjs'],
        summary: 'ninjs items of an edition, newest first (a "since" feed)',
        description: 'Full ninjs items; poll with `since` and follow `next`. `version` selects ninjs 2.2 (default) or 3.1.',
        params: EditionParams,
        querystring: NinjsListQuery,
        response: { 200: NinjsPage, ...errors(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { edition } = request.params;
      const q = request.query;
      const r = await api.fullArticles({
        edition,
        limit: q.limit,
        ...(q.since ? { since: q.since } : {}),
        ...(q.until ? { until: q.until } : {}),
        ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
      });
      const items = r.data.items.map((a) => toNinjs(a, q.version, { publisher: publisher(edition) }));
      return sendJson(
        request,
        reply,
        { items, cursor: r.data.cursor, next: nextUrl(baseUrl, `/api/v1/ninjs/${edition}`, q, r.data.cursor) },
        r.tags,
      );
    },
  );

  app.get(
    '/ninjs/:edition/:id',
    {
      config,
      schema: {
        tags: ['ninjs'],
        summary: 'One article as IPTC ninjs',
        description: 'ninjs 2.2 by default, 3.1 with `version=3.1`; every edition, derived ones included.',
        params: ArticleParams,
        querystring: NinjsVersionQuery,
        response: { 200: NinjsObject, ...errors(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { edition, id } = request.params;
      const { version } = request.query;
      const r = await api.article(edition, id);
      if (!r) throw notFound(`No article ${id} in edition ${edition}`);
      return sendJson(request, reply, toNinjs(r.data, version, { publisher: publisher(edition) }), r.tags);
    },
  );

  app.get(
    '/openapi.json',
    {
      config,
      schema: {
        tags: ['meta'],
        summary: 'This API as an OpenAPI 3.1 document',
        description: "Generated from the routes' schemas.",
        response: { 200: OpenApiDocument, ...errors(401, 429) },
      },
    },
    (request, reply) => sendJson(request, reply, base.swagger()),
  );
}
