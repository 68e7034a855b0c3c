// Feeds, sitemaps and robots.txt: RSS 2.0 and Atom for each edition, section, tag and author, JSON
// Feed 1.1 for each edition; the sitemap index, monthly article sitemaps, sections, tags, authors
// and Google News sitemaps. Outputs are cached like pages (compressed once, ETag, cache tags that
// publishing drops), under keys of their own so the pages' fast path never answers them; feeds
// also carry Last-Modified and answer If-Modified-Since with 304.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import { etagOf, makeEntry, type CachedPage, type PageCache } from '../../cache/pageCache.ts';
import { cacheTags, surrogateKey } from '../../cache/tags.ts';
import { errorBody, formatOfUrl, logError, toEnvelope, type ErrorEnvelope } from '../plugins/errors.ts';
import { isEditionCode } from '../../editions/editions.ts';
import type { FeedData, FeedRequest, FeedService } from '../../services/feeds.ts';
import { FEED_TYPES, type FeedFormat } from '../../services/feedPaths.ts';
import type { SitemapDoc, SitemapService } from '../../services/sitemaps.ts';
import { etagMatches, sendCached, sendFresh } from '../site/respond.ts';
import { PAGE_CACHE_CONTROL } from '../site/sitePlugin.ts';
import { atom1, jsonFeed, rss2 } from './feedWriters.ts';

export interface FeedsPluginOptions {
  readonly feeds: FeedService;
  readonly sitemaps: SitemapService;
  readonly cache: PageCache | null;
}

const XML = 'application/xml; charset=utf-8';
/** Every feed URL's params; which slug a route has is in its path. Any string: a bad one is a 404. */
const FeedParams = Type.Object({ edition: Type.String(), section: Type.Optional(Type.String()), slug: Type.Optional(Type.String()) });
type FeedParamsT = Static<typeof FeedParams>;
const CONTENT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: `${FEED_TYPES.rss}; charset=utf-8`,
  atom: `${FEED_TYPES.atom}; charset=utf-8`,
  json: `${FEED_TYPES.json}; charset=utf-8`,
};
const WRITERS: Readonly<Record<FeedFormat, (data: FeedData) => string>> = { rss: rss2, atom: atom1, json: jsonFeed };
/** News sitemaps change as articles age out of their two days, without any publish: a short life. */
const NEWS_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=300';
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const SITEMAP_FILE =
  /^(?:articles-([a-z]{2,4}(?:-[a-z]{4})?)-(\d{4}-\d{2})(?:-([1-9]\d{0,4}))?|news-([a-z-]{2,7})|(sections|tags|authors|pages)|index-([1-9]\d{0,5}))\.xml$/;
/** Article sitemaps before they were split by edition (`articles-2025-08.xml`, `-2`…): now in the index. */
const OLD_ARTICLES_FILE = /^articles-\d{4}-\d{2}(?:-[1-9]\d{0,4})?\.xml$/;
/** Sitemaps larger than this are not kept in the page cache (a part can hold 50 000 URLs, megabytes). */
const SITEMAP_CACHE_MAX = 256 * 1024;

interface Output {
  readonly body: string;
  readonly contentType: string;
  readonly tags: readonly string[];
  readonly lastModified?: Date;
  readonly cacheControl?: string;
  /** Not kept in memory (the news sitemaps, whose window moves with the clock). */
  readonly uncached?: boolean;
}

/** True when If-Modified-Since is at or after the resource's last change (second precision). */
export function notModifiedSince(header: string | undefined, lastModified: string): boolean {
  if (!header || header.length > 100) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Date.parse(lastModified) <= since;
}

/** True when the request's If-Modified-Since covers `lastModified` and no If-None-Match overrides it. */
function unchangedSince(request: FastifyRequest, lastModified: string | undefined): lastModified is string {
  return (
    lastModified !== undefined &&
    request.headers['if-none-match'] === undefined &&
    notModifiedSince(request.headers['if-modified-since'], lastModified)
  );
}

/** An error in the format of the URL: XML for the RSS, Atom and sitemap URLs, JSON for feed.json. */
function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  envelope: ErrorEnvelope,
  cacheControl: string,
): FastifyReply {
  const { contentType, body } = errorBody(formatOfUrl(request.url), envelope);
  return reply.code(status).header('content-type', contentType).header('cache-control', cacheControl).send(body);
}

function notFound(request: FastifyRequest, reply: FastifyReply, message: string): FastifyReply {
  return sendError(request, reply, 404, { error: { code: 'NOT_FOUND', message } }, 'public, max-age=30');
}

export async function feedsPlugin(app: FastifyInstance, opts: FeedsPluginOptions): Promise<void> {
  const { feeds, sitemaps, cache } = opts;
  /** Last-Modified of cached feeds (the page cache's entries have no such field). */
  const lastModified = new WeakMap<CachedPage, string>();

  app.setErrorHandler((error, request, reply) => {
    // The database away or too slow: 503 with Retry-After (toEnvelope), like every other surface.
    const { status, body, headers } = toEnvelope(error);
    logError(request.log, error, status, 'feed failed');
    if (headers) reply.headers(headers);
    return sendError(request, reply, status, body, 'no-store');
  });

  async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    produce: () => Promise<Output | null>,
    missing: string,
  ): Promise<FastifyReply> {
    const q = request.url.indexOf('?');
    // A key space of its own: the pages' fast path (keys start with a host or `/`) never sees it.
    const key = `feed:${q >= 0 ? request.url.slice(0, q) : request.url}`;
    let entry = cache?.get(key);
    if (!entry) {
      const out = await produce();
      if (!out) return notFound(request, reply, missing);
      // A path with percent-escapes is another spelling of a plain one: never an entry of its own.
      if (!cache || out.uncached || key.includes('%')) return sendOnce(request, reply, out);
      entry = makeEntry(out.body, { contentType: out.contentType, tags: out.tags, cacheControl: out.cacheControl ?? PAGE_CACHE_CONTROL });
      if (out.lastModified) lastModified.set(entry, out.lastModified.toUTCString());
      cache.set(key, entry);
    }
    const lm = lastModified.get(entry);
    if (unchangedSince(request, lm)) {
      return reply.code(304).header('etag', entry.etag).header('last-modified', lm).header('cache-control', entry.cacheControl).send();
    }
    return sendCached(request, reply, entry, lm ? { 'last-modified': lm } : undefined);
  }

  /**
   * An output not kept (cache off, the news sitemaps, parts too large to keep): the same validators
   * as a cached one, and only the encoding asked for compressed. A cache entry holds gzip and brotli
   * both, which for a sitemap index of 2 000 parts was most of its time.
   */
  function sendOnce(request: FastifyRequest, reply: FastifyReply, out: Output): FastifyReply {
    const identity = Buffer.from(out.body);
    const etag = etagOf(identity);
    const lm = out.lastModified?.toUTCString();
    reply.header('etag', etag).header('cache-control', out.cacheControl ?? PAGE_CACHE_CONTROL);
    if (lm) reply.header('last-modified', lm);
    if (etagMatches(request.headers['if-none-match'], etag) || unchangedSince(request, lm)) {
      return reply.header('vary', 'Accept-Encoding').code(304).send();
    }
    return sendFresh(request, reply, identity, 200, { 'content-type': out.contentType, 'surrogate-key': surrogateKey(out.tags) });
  }

  const feedRoute =
    (format: FeedFormat, request: FeedRequest | ((params: FeedParamsT) => FeedRequest | null)) =>
    (req: FastifyRequest<{ Params: FeedParamsT }>, reply: FastifyReply) => {
      const params = req.params;
      const code = params.edition;
      const scope = typeof request === 'function' ? request(params) : request;
      if (!isEditionCode(code) || !scope) return notFound(req, reply, 'No such feed');
      return serve(
        req,
        reply,
        async () => {
          const data = await feeds.feed(code, scope);
          return data && { body: WRITERS[format](data), contentType: CONTENT_TYPES[format], tags: data.tags, lastModified: data.updated };
        },
        'No such feed',
      );
    };
  const slugged =
    (kind: 'section' | 'tag' | 'author', param: 'section' | 'slug') =>
    (params: FeedParamsT): FeedRequest | null => {
      const slug = params[param] ?? '';
      return SLUG.test(slug) ? { kind, slug } : null;
    };

  // Typed by their schemas (TypeBox type provider): the handlers read params without a cast.
  const typed = app.withTypeProvider<TypeBoxTypeProvider>();
  const feedSchema = { schema: { params: FeedParams } };
  for (const format of ['rss', 'atom', 'json'] as const) {
    const file = format === 'json' ? 'feed.json' : `${format}.xml`;
    typed.get(`/:edition/${file}`, feedSchema, feedRoute(format, { kind: 'edition' }));
    if (format === 'json') continue;
    typed.get(`/:edition/:section/${file}`, feedSchema, feedRoute(format, slugged('section', 'section')));
    typed.get(`/:edition/tag/:slug/${file}`, feedSchema, feedRoute(format, slugged('tag', 'slug')));
    typed.get(`/:edition/author/:slug/${file}`, feedSchema, feedRoute(format, slugged('author', 'slug')));
  }

  // Names every page of the sitemap index, so it changes when the index gains a page: cached under the index's tags.
  app.get('/robots.txt', (request, reply) =>
    serve(
      request,
      reply,
      async () => ({
        body: await sitemaps.robots(),
        contentType: 'text/plain; charset=utf-8',
        tags: [cacheTags.sitemapIndex()],
        cacheControl: 'public, max-age=3600',
      }),
      'No such file',
    ),
  );

  const xml = (doc: SitemapDoc | null, extra: Partial<Output> = {}): Output | null =>
    doc && { body: doc.xml, contentType: XML, tags: doc.tags, ...extra };

  app.get('/sitemap.xml', (request, reply) => serve(request, reply, async () => xml(await sitemaps.index(1)), 'No such sitemap'));

  typed.get('/sitemaps/:file', { schema: { params: Type.Object({ file: Type.String() }) } }, (request, reply) => {
    const file = request.params.file;
    // The old monthly names answer with the index that lists their edition parts.
    if (OLD_ARTICLES_FILE.test(file)) return reply.code(301).header('cache-control', 'public, max-age=86400').redirect('/sitemap.xml', 301);
    const m = SITEMAP_FILE.exec(file);
    if (!m) return notFound(request, reply, 'No such sitemap');
    const [, code, month, part, news, kind, indexPage] = m;
    const produce = async (): Promise<Output | null> => {
      if (indexPage) return xml(await sitemaps.index(Number(indexPage)));
      if (code) {
        if (!isEditionCode(code)) return null;
        const doc = await sitemaps.articles(code, month!, part ? Number(part) : 1);
        return xml(doc, doc && doc.xml.length > SITEMAP_CACHE_MAX ? { uncached: true } : {});
      }
      if (news) return isEditionCode(news) ? xml(await sitemaps.news(news), { cacheControl: NEWS_CACHE_CONTROL, uncached: true }) : null;
      if (kind === 'sections') return xml(sitemaps.sectionsMap());
      if (kind === 'tags') return xml(await sitemaps.tagsMap());
      if (kind === 'pages') return xml(await sitemaps.pagesMap());
      return xml(await sitemaps.authorsMap());
    };
    // `articles-en-2025-08-1.xml` is not a name the index gives out (the first part has no number),
    // nor `index-1.xml` (the first page of the index is /sitemap.xml).
    if (part === '1' || indexPage === '1') return notFound(request, reply, 'No such sitemap');
    return serve(request, reply, produce, 'No such sitemap');
  });
}
