// The reader site: routes of DESIGN.md §3. Handlers validate, call the reader service, and hand
// plain data to a pure view; rendered pages are cached with their compressed bodies.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import fastifyCookie from '@fastify/cookie';
import { isEditionCode, type EditionCode } from '../../editions/editions.ts';
import { negotiateEdition } from '../../editions/acceptLanguage.ts';
import { splitSlugId } from '../../content/ids.ts';
import { makeEntry, plainPath, type PageCache } from '../../cache/pageCache.ts';
import type { ReaderService } from '../../services/reader.ts';
import { MAX_PAGE } from '../../services/reader.ts';
import type { PageData } from '../../services/pageModels.ts';
import type { ViewCounter } from '../../services/popular.ts';
import { sendCached, sendFresh, writeCachedRaw } from './respond.ts';
import { logError, RETRY_AFTER_SECONDS, toEnvelope } from '../plugins/errors.ts';
import type { SiteAssets } from './assets.ts';
import { ArticleView } from './views/ArticleView.tsx';
import { ErrorView, type ErrorKind } from './views/ErrorView.tsx';
import { HomeView } from './views/HomeView.tsx';
import { ListView } from './views/ListView.tsx';
import { SearchView } from './views/SearchView.tsx';
import { normalizeQuery, PERIODS, SEARCH_MAX_LENGTH, type Period } from '../../services/search.ts';
import { stripControlCharacters } from '../../content/text.ts';
import { paths } from '../../services/urls.ts';
import { surrogateKey } from '../../cache/tags.ts';

export interface SiteOptions {
  readonly reader: ReaderService;
  readonly cache: PageCache | null;
  readonly views: ViewCounter;
  readonly assets: SiteAssets;
  readonly defaultEdition: EditionCode;
  /** Whether a connection's peer is a trusted proxy whose X-Forwarded-Host counts (TRUST_PROXY); none by default. */
  readonly fromProxy?: (address: string | undefined) => boolean;
  /** Receives the cache fast path, for the HTTP server to call before Fastify routes a request. */
  readonly onFastPath?: (fastPath: (req: IncomingMessage, res: ServerResponse) => boolean) => void;
  /** Receives the function that sends a localized error page (for errors raised before routing). */
  readonly onErrorSender?: (send: SiteErrorSender) => void;
}

export type SiteErrorSender = (request: FastifyRequest, reply: FastifyReply, status: number) => FastifyReply;

const HTML = 'text/html; charset=utf-8';
export const PAGE_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=600, stale-if-error=86400';
const ERROR_CACHE_CONTROL = 'public, max-age=30';
const SEARCH_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=60';
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function renderHtml(node: VNode): string {
  return `<!DOCTYPE html>${renderToString(node)}`;
}

class BadRequest extends Error {}

/** Slugs are lower-case Latin letters, digits and hyphens: anything else cannot exist. */
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const slugParam = (request: FastifyRequest, name: string): string | null => {
  const value = (request.params as Record<string, string>)[name] ?? '';
  return SLUG.test(value) ? value : null;
};

/**
 * The cache key of a raw request URL, or null when the query could be a bad request (only a single,
 * well-formed `page` parameter may take part; other parameters never split the cache). `host` is
 * the configured host the request came to (EditionHosts.hostKey), '' when editions share one host.
 */
export function fastCacheKey(url: string, host = ''): string | null {
  const q = url.indexOf('?');
  if (q < 0) return host + url;
  const path = host + url.slice(0, q);
  const pages = url.slice(q + 1).split('&').filter((p) => p.startsWith('page='));
  if (pages.length === 0) return path;
  if (pages.length > 1) return null;
  const value = pages[0]!.slice(5);
  if (!/^[1-9]\d{0,5}$/.test(value)) return null;
  return value === '1' ? path : `${path}?page=${value}`;
}

function cacheKey(request: FastifyRequest, page: number, host: string): string {
  const q = request.url.indexOf('?');
  const path = host + (q >= 0 ? request.url.slice(0, q) : request.url);
  return page > 1 ? `${path}?page=${page}` : path;
}

/**
 * The host a request was sent to: a trusted proxy's X-Forwarded-Host (last entry, as Fastify reads
 * it; TRUST_PROXY says which peers are proxies), else Host.
 */
function hostOf(req: IncomingMessage, fromProxy: (address: string | undefined) => boolean): string | undefined {
  const headers = req.headers;
  const forwarded = headers['x-forwarded-host'];
  const value = Array.isArray(forwarded) ? forwarded[forwarded.length - 1] : forwarded;
  if (value && fromProxy(req.socket?.remoteAddress)) return value.slice(value.lastIndexOf(',') + 1).trim();
  return headers.host;
}

/** `?page=` → 1..MAX_PAGE; anything else that is not a positive whole number is a bad request. */
function pageParam(query: unknown): number {
  const raw = (query as Record<string, unknown>)['page'];
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw)) throw new BadRequest();
  const n = Number(raw);
  if (n < 1) throw new BadRequest();
  return n;
}

/** The edition an error page speaks: from the path, else the reader's preference, else the default. */
function editionForRequest(request: FastifyRequest, fallback: EditionCode, cookies: CookieParser): EditionCode {
  const first = request.url.split(/[/?]/)[1] ?? '';
  if (isEditionCode(first)) return first;
  return preferredEdition(request, fallback, cookies);
}

type CookieParser = (header: string) => Record<string, string | undefined>;

/** The reader's edition cookie (set by site.js), then Accept-Language, then the default. */
function preferredEdition(request: FastifyRequest, fallback: EditionCode, cookies: CookieParser): EditionCode {
  const chosen = cookies(request.headers.cookie ?? '')['edition'];
  if (chosen !== undefined && isEditionCode(chosen)) return chosen;
  return negotiateEdition(request.headers['accept-language']) ?? fallback;
}

export async function sitePlugin(app: FastifyInstance, opts: SiteOptions): Promise<void> {
  const { reader, cache } = opts;
  // Cookies are read only where the edition preference matters (`/`, error pages): no parsing hook.
  await app.register(fastifyCookie, { hook: false });
  const cookies: CookieParser = (header) => app.parseCookie(header);
  const hosts = reader.hosts;
  // With editions on hosts of their own the host takes part in the cache key (bounded: unknown
  // hosts count as BASE_URL's); without, the key is the path alone, as fast as before.
  const fromProxy = opts.fromProxy ?? (() => false);
  const hostKey = (req: IncomingMessage): string => (hosts.multiHost ? hosts.hostKey(hostOf(req, fromProxy)) : '');

  async function serve<T>(request: FastifyRequest, reply: FastifyReply, produce: () => Promise<PageData<T> | null> | PageData<T> | null, view: (page: PageData<T>) => VNode, page = 1,
    movedTo?: () => Promise<string | null>): Promise<FastifyReply> {
    const escaped = escapedSpelling(request, reply);
    if (escaped) return escaped;
    // Only the path and the page number make a page: other query parameters never split the cache.
    const key = cacheKey(request, page, hostKey(request.raw));
    const hit = cache?.get(key);
    if (hit) return sendCached(request, reply, hit);
    const data = await produce();
    if (!data) {
      // A page that moved (a merged or renamed tag) redirects to where it lives now.
      const location = movedTo ? await movedTo() : null;
      return location ? reply.header('cache-control', PAGE_CACHE_CONTROL).redirect(location, 301) : sendError(request, reply, 'notFound');
    }
    const html = renderHtml(view(data));
    if (!cache) {
      return sendFresh(request, reply, html, 200, { 'content-type': HTML, 'cache-control': PAGE_CACHE_CONTROL, 'surrogate-key': surrogateKey(data.tags) });
    }
    const entry = makeEntry(html, { contentType: HTML, tags: data.tags, cacheControl: PAGE_CACHE_CONTROL });
    cache.set(key, entry);
    return sendCached(request, reply, entry);
  }

  /**
   * A path spelled with percent-escapes (`/k%7A/latest`) is sent to its plain spelling, or refused
   * when it has none: each spelling would otherwise be a cache entry of its own. Null when plain.
   */
  function escapedSpelling(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
    const q = request.url.indexOf('?');
    const path = q >= 0 ? request.url.slice(0, q) : request.url;
    if (!path.includes('%')) return null;
    const plain = plainPath(path);
    if (!plain) return sendError(request, reply, 'notFound');
    return reply.header('cache-control', PAGE_CACHE_CONTROL).redirect(plain + (q >= 0 ? request.url.slice(q) : ''), 301);
  }

  function sendError(request: FastifyRequest, reply: FastifyReply, kind: ErrorKind, statusOverride?: number): FastifyReply {
    const code = editionForRequest(request, opts.defaultEdition, cookies);
    const status = statusOverride ?? (kind === 'notFound' ? 404 : kind === 'badRequest' ? 400 : kind === 'unavailable' ? 503 : 500);
    const html = renderHtml(ErrorView({ chrome: reader.errorChrome(code), kind, canonical: paths.home(code) }));
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return sendFresh(request, reply, html, status, { 'content-type': HTML, 'cache-control': status >= 500 ? 'no-store' : ERROR_CACHE_CONTROL });
  }

  opts.onErrorSender?.((request, reply, status) => sendError(request, reply, status === 404 ? 'notFound' : status === 503 ? 'unavailable' : status >= 500 ? 'error' : 'badRequest', status));
  // Fast path: a cached page is written before validation and handlers run. main.ts's server
  // calls it before Fastify sees the request; the hook covers inject() and any other entry.
  if (cache) {
    const fastPath = (req: IncomingMessage, res: ServerResponse): boolean => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const key = fastCacheKey(req.url ?? '/', hostKey(req));
      const hit = key === null ? undefined : cache.get(key);
      if (!hit) return false;
      writeCachedRaw(req, res, hit);
      return true;
    };
    opts.onFastPath?.(fastPath);
    app.addHook('onRequest', (request, reply, done) => {
      if (!fastPath(request.raw, reply.raw)) return done();
      reply.hijack();
    });
  }

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'notFound'));
  app.setErrorHandler((error, request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (error instanceof BadRequest || (status >= 400 && status < 500)) {
      return sendError(request, reply, status === 404 ? 'notFound' : 'badRequest');
    }
    // The database away, busy or too slow: a localized 503 with Retry-After; cached pages are still served.
    const failed = toEnvelope(error).status;
    logError(request.log, error, failed, 'page failed');
    return failed === 503 ? sendError(request, reply, 'unavailable') : sendError(request, reply, 'error');
  });

  // Static assets under content-hashed names: cached for a year.
  for (const asset of [opts.assets.css, opts.assets.script]) {
    app.get(asset.url, (request, reply) => {
      reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'Accept-Encoding');
      const ae = request.headers['accept-encoding'] ?? '';
      if (/\bbr\b/.test(ae)) return reply.header('content-encoding', 'br').send(asset.br);
      if (/\bgzip\b/.test(ae)) return reply.header('content-encoding', 'gzip').send(asset.gzip);
      return reply.send(asset.body);
    });
  }
  // Fonts are WOFF2, compressed already: the same bytes for every reader.
  for (const font of opts.assets.fonts) {
    app.get(font.url, (_request, reply) =>
      reply.header('content-type', 'font/woff2').header('cache-control', 'public, max-age=31536000, immutable').send(font.body));
  }

  app.get('/', (request, reply) => {
    // An edition's own host leads to that edition's home, whatever the reader's preference.
    const hostEdition = hosts.editionForHost(hostOf(request.raw, fromProxy));
    if (hostEdition) {
      reply.header('cache-control', 'public, max-age=300');
      return reply.redirect(paths.home(hostEdition), 302);
    }
    const code = preferredEdition(request, opts.defaultEdition, cookies);
    reply.header('vary', 'Cookie, Accept-Language').header('cache-control', 'private, max-age=0');
    const home = paths.home(code);
    return reply.redirect(hosts.ownHost(code) ? hosts.absoluteUrl(code, home) : home, 302);
  });

  // View beacon: counts in memory, answers at once, stores no cookie and nothing personal.
  const beacon = async (request: FastifyRequest, reply: FastifyReply) => {
    const q = request.query as Record<string, unknown>;
    const a = typeof q['a'] === 'string' ? q['a'] : '';
    const e = typeof q['e'] === 'string' ? q['e'] : '';
    if (!/^[0-9a-f]{6}$/.test(a) || !isEditionCode(e)) return reply.code(400).header('cache-control', 'no-store').send({ error: { code: 'BAD_BEACON', message: 'a must be an article id and e an edition code' } });
    await opts.views.countPublicId(a, e);
    reply.header('cache-control', 'no-store');
    return request.method === 'GET' ? reply.header('content-type', 'image/gif').send(GIF) : reply.code(204).send();
  };
  app.get('/beacon', beacon);
  app.post('/beacon', beacon);

  const edition = (request: FastifyRequest): EditionCode | null => {
    const e = (request.params as { edition: string }).edition;
    return isEditionCode(e) ? e : null;
  };

  app.get('/:edition', (request, reply) => {
    const e = edition(request);
    if (!e) return sendError(request, reply, 'notFound');
    return reply.redirect(paths.home(e), 301);
  });

  app.get('/:edition/', (request, reply) => {
    const e = edition(request);
    if (!e) return sendError(request, reply, 'notFound');
    if (request.url.split('?')[0] !== paths.home(e)) return reply.redirect(paths.home(e), 301);
    return serve(request, reply, () => reader.home(e), (p) => HomeView({ page: p }));
  });

  app.get('/:edition/latest', (request, reply) => {
    const e = edition(request);
    if (!e) return sendError(request, reply, 'notFound');
    const page = pageParam(request.query);
    return serve(request, reply, () => reader.latest(e, page), (p) => ListView({ page: p }), page);
  });

  app.get('/:edition/popular', (request, reply) => {
    const e = edition(request);
    if (!e) return sendError(request, reply, 'notFound');
    return serve(request, reply, () => reader.popular(e), (p) => ListView({ page: p }));
  });

  // Search: never in the page cache (every query would be a new entry, and anyone could push the
  // real pages out of it with made-up queries); a short public max-age lets a CDN keep it per URL.
  app.get('/:edition/search', async (request, reply) => {
    const e = edition(request);
    if (!e) return sendError(request, reply, 'notFound');
    const raw = (request.query as Record<string, unknown>)['q'] ?? '';
    if (typeof raw !== 'string') return sendError(request, reply, 'badRequest');
    // Characters nobody types (NUL made PostgreSQL fail with a 500) are dropped: the reader gets
    // the results for what the query visibly says.
    const query = normalizeQuery(stripControlCharacters(raw));
    if (query.length > SEARCH_MAX_LENGTH) return sendError(request, reply, 'badRequest');
    const page = pageParam(request.query);
    if (page > MAX_PAGE) return sendError(request, reply, 'notFound');
    const q = request.query as Record<string, unknown>;
    const single = (name: string): string | null | undefined => {
      const v = q[name];
      return v === undefined || v === '' ? null : typeof v === 'string' ? v : undefined;
    };
    const order = single('order');
    const section = single('section');
    const period = single('period');
    if (order === undefined || (order !== null && order !== 'newest' && order !== 'relevance')) return sendError(request, reply, 'badRequest');
    if (section === undefined || (section !== null && section.length > 200)) return sendError(request, reply, 'badRequest');
    if (period === undefined || (period !== null && !(PERIODS as readonly string[]).includes(period))) return sendError(request, reply, 'badRequest');
    const data = await reader.search(e, { query, page, order: order === 'newest' ? 'newest' : 'relevance', section, period: period as Period | null });
    if (!data) return sendError(request, reply, 'notFound');
    return sendFresh(request, reply, renderHtml(SearchView({ page: data })), 200, { 'content-type': HTML, 'cache-control': SEARCH_CACHE_CONTROL });
  });

  app.get('/:edition/news/:slugId', async (request, reply) => {
    const e = edition(request);
    const parts = splitSlugId((request.params as { slugId: string }).slugId);
    if (!e || !parts) return sendError(request, reply, 'notFound');
    const escaped = escapedSpelling(request, reply);
    if (escaped) return escaped;
    const hit = cache?.get(cacheKey(request, 1, hostKey(request.raw)));
    if (hit) return sendCached(request, reply, hit);
    const result = await reader.article(e, parts.publicId, parts.slug);
    if (!result) {
      const elsewhere = await reader.articleElsewhere(e, parts.publicId);
      return elsewhere ? reply.redirect(elsewhere, 301) : sendError(request, reply, 'notFound');
    }
    if (result.kind === 'redirect') return reply.header('cache-control', PAGE_CACHE_CONTROL).redirect(result.location, 301);
    return serve(request, reply, () => result.data, (p) => ArticleView({ page: p }));
  });

  app.get('/:edition/tag/:slug', (request, reply) => {
    const e = edition(request);
    const slug = slugParam(request, 'slug');
    if (!e || !slug) return sendError(request, reply, 'notFound');
    const page = pageParam(request.query);
    return serve(request, reply, () => reader.tag(e, slug, page), (p) => ListView({ page: p }), page, () => reader.tagMovedTo(e, slug));
  });

  app.get('/:edition/author/:slug', (request, reply) => {
    const e = edition(request);
    const slug = slugParam(request, 'slug');
    if (!e || !slug) return sendError(request, reply, 'notFound');
    const page = pageParam(request.query);
    return serve(request, reply, () => reader.author(e, slug, page), (p) => ListView({ page: p }), page);
  });

  app.get('/:edition/:year(^\\d{4}$)/:month(^\\d{2}$)/:day(^\\d{2}$)', (request, reply) => {
    const e = edition(request);
    if (!e) return sendError(request, reply, 'notFound');
    const { year, month, day } = request.params as { year: string; month: string; day: string };
    const page = pageParam(request.query);
    return serve(request, reply, () => reader.day(e, Number(year), Number(month), Number(day), page), (p) => ListView({ page: p }), page);
  });

  app.get('/:edition/:section/', (request, reply) => {
    const e = edition(request);
    const slug = slugParam(request, 'section');
    if (!e || !slug) return sendError(request, reply, 'notFound');
    const page = pageParam(request.query);
    if (page > MAX_PAGE) return sendError(request, reply, 'notFound');
    return serve(request, reply, () => reader.section(e, slug, page), (p) => ListView({ page: p }), page);
  });

  app.get('/:edition/:section', (request, reply) => {
    const e = edition(request);
    const section = (request.params as { section: string }).section;
    if (!e || !SLUG.test(section)) return sendError(request, reply, 'notFound');
    const q = request.url.indexOf('?');
    return reply.redirect(`${paths.section(e, section)}${q >= 0 ? request.url.slice(q) : ''}`, 301);
  });
}
