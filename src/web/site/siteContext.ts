// What the reader site's routes share: serving a page through the page cache, the localized error
// page, the percent-escape redirect and the reader's preferred edition.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { VNode } from 'preact';
import { isEditionCode, type EditionCode } from '../../editions/editions.ts';
import { negotiateEdition } from '../../editions/acceptLanguage.ts';
import { makeEntry, plainPath, type PageCache } from '../../cache/pageCache.ts';
import type { ReaderService } from '../../services/reader.ts';
import type { PageData } from '../../services/pageModels.ts';
import { paths } from '../../services/urls.ts';
import { surrogateKey } from '../../cache/tags.ts';
import { RETRY_AFTER_SECONDS } from '../plugins/errors.ts';
import { ErrorView, type ErrorKind } from './views/ErrorView.tsx';
import { sendCached, sendFresh } from './respond.ts';
import { cacheKey, hostOf } from './fastPath.ts';
import { HTML, PAGE_CACHE_CONTROL, renderHtml } from './html.ts';

/** The site plugin's Fastify instance, typed by its routes' schemas. */
export type SiteApp = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, TypeBoxTypeProvider>;

type CookieParser = (header: string) => Record<string, string | undefined>;

const ERROR_CACHE_CONTROL = 'public, max-age=30';

export interface SiteContextOptions {
  readonly reader: ReaderService;
  readonly cache: PageCache | null;
  readonly defaultEdition: EditionCode;
  readonly fromProxy: (address: string | undefined) => boolean;
  readonly cookies: CookieParser;
}

export interface SiteContext {
  readonly reader: ReaderService;
  /** The host part of cache keys: '' unless editions have hosts of their own. */
  hostKey(req: IncomingMessage): string;
  /** The cached page of a request, if any (keyed by path, host and page number). */
  cached(request: FastifyRequest, page: number): ReturnType<PageCache['get']>;
  /** A page from the cache, else produced, rendered, cached and sent; a 404 page (or where it moved) when none. */
  serve<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    produce: () => Promise<PageData<T> | null> | PageData<T> | null,
    view: (page: PageData<T>) => VNode,
    page?: number,
    movedTo?: () => Promise<string | null>,
  ): Promise<FastifyReply>;
  /** A path spelled with percent-escapes is redirected to its plain spelling (or refused); null when plain. */
  escapedSpelling(request: FastifyRequest, reply: FastifyReply): FastifyReply | null;
  sendError(request: FastifyRequest, reply: FastifyReply, kind: ErrorKind, statusOverride?: number): FastifyReply;
  /** The reader's edition cookie (set by site.js), then Accept-Language, then the default. */
  preferredEdition(request: FastifyRequest): EditionCode;
}

export function siteContext(opts: SiteContextOptions): SiteContext {
  const { reader, cache, fromProxy } = opts;
  const hosts = reader.hosts;
  // With editions on hosts of their own the host takes part in the cache key (bounded: unknown
  // hosts count as BASE_URL's); without, the key is the path alone, as fast as before.
  const hostKey = (req: IncomingMessage): string => (hosts.multiHost ? hosts.hostKey(hostOf(req, fromProxy)) : '');

  function preferredEdition(request: FastifyRequest): EditionCode {
    const chosen = opts.cookies(request.headers.cookie ?? '')['edition'];
    if (chosen !== undefined && isEditionCode(chosen)) return chosen;
    return negotiateEdition(request.headers['accept-language']) ?? opts.defaultEdition;
  }

  /** The edition an error page speaks: from the path, else the reader's preference, else the default. */
  function editionForRequest(request: FastifyRequest): EditionCode {
    const first = request.url.split(/[/?]/)[1] ?? '';
    return isEditionCode(first) ? first : preferredEdition(request);
  }

  function sendError(request: FastifyRequest, reply: FastifyReply, kind: ErrorKind, statusOverride?: number): FastifyReply {
    const code = editionForRequest(request);
    const status = statusOverride ?? (kind === 'notFound' ? 404 : kind === 'badRequest' ? 400 : kind === 'unavailable' ? 503 : 500);
    const html = renderHtml(ErrorView({ chrome: reader.errorChrome(code), kind, canonical: paths.home(code) }));
    if (status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    return sendFresh(request, reply, html, status, {
      'content-type': HTML,
      'cache-control': status >= 500 ? 'no-store' : ERROR_CACHE_CONTROL,
    });
  }

  // Each spelling would otherwise be a cache entry of its own.
  function escapedSpelling(request: FastifyRequest, reply: FastifyReply): FastifyReply | null {
    const q = request.url.indexOf('?');
    const path = q >= 0 ? request.url.slice(0, q) : request.url;
    if (!path.includes('%')) return null;
    const plain = plainPath(path);
    if (!plain) return sendError(request, reply, 'notFound');
    return reply.header('cache-control', PAGE_CACHE_CONTROL).redirect(plain + (q >= 0 ? request.url.slice(q) : ''), 301);
  }

  const cached = (request: FastifyRequest, page: number) => cache?.get(cacheKey(request.url, page, hostKey(request.raw)));

  async function serve<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    produce: () => Promise<PageData<T> | null> | PageData<T> | null,
    view: (page: PageData<T>) => VNode,
    page = 1,
    movedTo?: () => Promise<string | null>,
  ): Promise<FastifyReply> {
    const escaped = escapedSpelling(request, reply);
    if (escaped) return escaped;
    // Only the path and the page number make a page: other query parameters never split the cache.
    const key = cacheKey(request.url, page, hostKey(request.raw));
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
      return sendFresh(request, reply, html, 200, {
        'content-type': HTML,
        'cache-control': PAGE_CACHE_CONTROL,
        'surrogate-key': surrogateKey(data.tags),
      });
    }
    const entry = makeEntry(html, { contentType: HTML, tags: data.tags, cacheControl: PAGE_CACHE_CONTROL });
    cache.set(key, entry);
    return sendCached(request, reply, entry);
  }

  return { reader, hostKey, cached, serve, escapedSpelling, sendError, preferredEdition };
}
