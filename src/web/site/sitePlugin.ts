// The reader site: routes of DESIGN.md §3, typed by their schemas (siteSchemas.ts). Handlers call
// the reader service and hand plain data to a pure view; rendered pages are cached with their
// compressed bodies, and a cached page is answered before routing (fastPath.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import fastifyCookie from '@fastify/cookie';
import type { EditionCode } from '../../editions/editions.ts';
import type { PageCache } from '../../cache/pageCache.ts';
import type { ReaderService } from '../../services/reader.ts';
import type { ViewCounter } from '../../services/popular.ts';
import { logError, toEnvelope } from '../plugins/errors.ts';
import type { SiteAssets } from './assets.ts';
import { makeFastPath } from './fastPath.ts';
import { siteContext } from './siteContext.ts';
import { assetRoutes } from './routes/assetRoutes.ts';
import { entryRoutes } from './routes/entryRoutes.ts';
import { beaconRoutes } from './routes/beaconRoutes.ts';
import { listRoutes } from './routes/listRoutes.ts';
import { articleRoute } from './routes/articleRoute.ts';
import { searchRoute } from './routes/searchRoute.ts';
import { pageRoutes } from './routes/pageRoutes.ts';

// Where they were before the split: the feeds, the API and the newsroom's preview import them here.
export { PAGE_CACHE_CONTROL, renderHtml } from './html.ts';
export { fastCacheKey } from './fastPath.ts';

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

export async function sitePlugin(base: FastifyInstance, opts: SiteOptions): Promise<void> {
  // Cookies are read only where the edition preference matters (`/`, error pages): no parsing hook.
  await base.register(fastifyCookie, { hook: false });
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const fromProxy = opts.fromProxy ?? (() => false);
  const ctx = siteContext({
    reader: opts.reader,
    cache: opts.cache,
    defaultEdition: opts.defaultEdition,
    fromProxy,
    cookies: (header) => base.parseCookie(header),
  });
  const { sendError } = ctx;

  opts.onErrorSender?.((request, reply, status) =>
    sendError(
      request,
      reply,
      status === 404 ? 'notFound' : status === 503 ? 'unavailable' : status >= 500 ? 'error' : 'badRequest',
      status,
    ),
  );
  // Fast path: a cached page is written before validation and handlers run. main.ts's server
  // calls it before Fastify sees the request; the hook covers inject() and any other entry.
  if (opts.cache) {
    const fastPath = makeFastPath(opts.cache, ctx.hostKey);
    opts.onFastPath?.(fastPath);
    app.addHook('onRequest', (request, reply, done) => {
      if (!fastPath(request.raw, reply.raw)) return done();
      reply.hijack();
    });
  }

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'notFound'));
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Params that fail their schema (an unknown edition, a malformed slug) name no page: 404.
      const missing = status === 404 || error.validationContext === 'params';
      return sendError(request, reply, missing ? 'notFound' : 'badRequest');
    }
    // The database away, busy or too slow: a localized 503 with Retry-After; cached pages are still served.
    const failed = toEnvelope(error).status;
    logError(request.log, error, failed, 'page failed');
    return failed === 503 ? sendError(request, reply, 'unavailable') : sendError(request, reply, 'error');
  });

  assetRoutes(app, opts.assets);
  entryRoutes(app, ctx, fromProxy);
  beaconRoutes(app, opts.views);
  pageRoutes(app, ctx);
  listRoutes(app, ctx);
  searchRoute(app, ctx);
  articleRoute(app, ctx);
}
