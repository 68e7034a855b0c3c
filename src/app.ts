// buildApp(config): the Fastify app. It never listens (main.ts does; tests inject()).
//
// Plugin graph (order matters only for the cross-cutting ones, registered first):
//   security headers (helmet, CSP)            cross-cutting
//   site      /  /{edition}/…  /beacon  /assets/…  the reader site, its 404 and error pages
//   media     /media/…                            uploaded images, long-lived cache
//   api       /api/v1/…  /api/docs                public JSON API, ninjs, OpenAPI (CORS, keys, rate limits)
//   feeds     /{edition}/…/rss.xml|atom.xml|feed.json  /robots.txt  /sitemap.xml  /sitemaps/…
//   newsroom  /newsroom/…  the newsroom's web app (its API lives under /api/newsroom/…)
//             /newsroom/preview/{id}  the reader page of any article, for signed-in users
import cluster from 'node:cluster';
import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { trustProxyOption, trustsPeer, type Config } from './config.ts';
import { connect, connectOptions, type DbHandle } from './db/connect.ts';
import { logError, RETRY_AFTER_SECONDS, toEnvelope } from './web/plugins/errors.ts';
import { buildServices, type Services } from './services/container.ts';
import { securityHeaders } from './web/plugins/security.ts';
import { sitePlugin, type SiteErrorSender } from './web/site/sitePlugin.ts';
import { loadSiteAssets } from './web/site/assets.ts';
import { identityRoutes } from './web/site/identity.ts';
import { apiPlugin } from './web/api/apiPlugin.ts';
import { feedsPlugin } from './web/feeds/feedsPlugin.ts';
import { newsroomUi } from './web/newsroom/uiPlugin.ts';
import { previewRoutes } from './web/newsroom/previewRoutes.ts';
import { Scheduler } from './jobs/scheduler.ts';
import { dayTurn } from './cache/dayTurn.ts';
import { optimizeStatistics } from './db/statistics.ts';
import { JobLease } from './jobs/lease.ts';
import { WebhookWorker } from './services/webhooks.ts';
import { EdgePurgeWorker } from './services/edgePurge.ts';
import { pollDueSources } from './services/ingest.ts';
import { renderBody } from './web/api/renderBody.tsx';
import { renderFeedBody } from './web/feeds/feedBody.tsx';
import { logOptions } from './logOptions.ts';
import { readiness } from './services/readiness.ts';
import { AppMetrics } from './web/plugins/metrics.ts';

export interface App {
  readonly app: FastifyInstance;
  readonly services: Services;
  /** Prometheus metrics, when METRICS_TOKEN or METRICS_PORT is set. */
  readonly metrics: AppMetrics | null;
}

export interface BuildOptions {
  readonly handle?: DbHandle;
  readonly clock?: () => Date;
  /** Pino logger options or false (tests). */
  readonly logger?: boolean | object;
  /** Start the timers that flush views and refresh "most popular" (off in most tests). */
  readonly jobs?: boolean;
}

export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<App> {
  const frameworkError: { send?: SiteErrorSender } = {};
  const fast: { path?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean } = {};
  const handle = opts.handle ?? connect(config.databaseUrl, connectOptions(config));
  const { timeouts } = config;
  const app = Fastify({
    // Cached pages are answered before Fastify routes the request (see the site plugin's fast path).
    // Fastify applies its timeout options only to a server it creates itself, so they are set here:
    // a client has httpHeadersMs for its headers and httpRequestMs for the whole request (checked
    // every second, not Node's 30 s), and an idle keep-alive connection ends after httpKeepAliveMs.
    serverFactory: (handler) => {
      const server = http.createServer(
        {
          headersTimeout: timeouts.httpHeadersMs,
          requestTimeout: timeouts.httpRequestMs,
          keepAliveTimeout: timeouts.httpKeepAliveMs,
          connectionsCheckingInterval: 1000,
        },
        (req, res) => {
          if (fast.path?.(req, res)) return;
          handler(req, res);
        },
      );
      server.keepAliveTimeout = timeouts.httpKeepAliveMs;
      return server;
    },
    logger: opts.logger ?? (await logOptions(config.logLevel)),
    bodyLimit: 1024 * 1024,
    // Forwarded headers count only from the proxies TRUST_PROXY names (off by default).
    trustProxy: trustProxyOption(config.trustProxy),
    return503OnClosing: true,
    // Request lines are the proxy's or CDN's job (LOG_REQUESTS=on brings them back); errors are still logged.
    logController: new LogController({ disableRequestLogging: process.env['LOG_REQUESTS'] !== 'on' }),
    routerOptions: { ignoreTrailingSlash: false, ignoreDuplicateSlashes: false, maxParamLength: 200 },
    // Malformed URLs and overlong path segments never reach a route: answer them with the site's
    // localized error page (registered by the site plugin) rather than Fastify's JSON.
    frameworkErrors: (error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      if (frameworkError.send) return frameworkError.send(request, reply, status);
      return (reply as FastifyReply).code(status).send({ error: { code: 'BAD_REQUEST', message: error.message } });
    },
  });

  const assets = await loadSiteAssets();
  handle.setLog((msg, err) => app.log.warn({ reason: err instanceof Error ? err.message : undefined }, msg));
  const services = await buildServices(config, handle, {
    ...(opts.clock ? { clock: opts.clock } : {}),
    assets: { css: assets.css.url, script: assets.script.url, prefs: assets.prefs.url, preload: assets.preload, icon: assets.icons.svgUrl },
    renderers: { api: renderBody, feed: renderFeedBody },
    log: (msg, err) => app.log.error({ err }, msg),
  });

  // Metrics (METRICS_TOKEN: /metrics here; METRICS_PORT: a server of its own, started with this one).
  const { metricsToken, metricsPort } = config.ops;
  const metrics = metricsToken || metricsPort ? new AppMetrics({ ...services, database: handle }, (now) => scheduler.lag(now)) : null;
  if (metrics) {
    metrics.instrument(app);
    if (metricsToken) metrics.route(app, metricsToken);
    if (metricsPort) {
      let server: http.Server | null = null;
      app.addHook('onListen', async () => {
        server = await metrics.listen(config.host, metricsPort);
      });
      app.addHook('onClose', async () => {
        await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      });
    }
  }

  // Routes without an error handler of their own (the newsroom's pages, previews, media files):
  // the envelope, 503 with Retry-After while the database is away, user errors logged at info.
  app.setErrorHandler((error, request, reply) => {
    const { status, body, headers } = toEnvelope(error);
    logError(request.log, error, status, 'request failed');
    if (headers) reply.headers(headers);
    return reply.code(status).header('cache-control', 'no-store').send(body);
  });
  await app.register(securityHeaders);
  const mediaDir = path.join(config.dataDir, 'media');
  fs.mkdirSync(mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: mediaDir,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: '365d',
    cacheControl: true,
    etag: true,
    lastModified: true,
  });
  await app.register(sitePlugin, {
    reader: services.reader,
    cache: services.cache,
    views: services.views,
    assets,
    defaultEdition: config.defaultEdition,
    fromProxy: trustsPeer(config.trustProxy),
    onFastPath: (path) => {
      fast.path = metrics ? metrics.wrapFastPath(path) : path;
    },
    onErrorSender: (send) => {
      frameworkError.send = send;
    },
  });

  identityRoutes(app, assets.icons, services.texts);
  await app.register(apiPlugin, {
    prefix: '/api',
    api: services.api,
    apiKeys: services.apiKeys,
    apiKeyUsage: services.apiKeyUsage,
    config,
    newsroom: services,
    publisher: (code) => services.texts.get(code).strings.siteName,
  });
  await app.register(feedsPlugin, { feeds: services.feeds, sitemaps: services.sitemaps, cache: services.cache });
  await app.register(newsroomUi, { prefix: '/newsroom', services });
  await app.register(previewRoutes, { prefix: '/newsroom/preview', services });
  // /healthz: the process is alive (a load balancer restarts it when not). /readyz: it can serve
  // what is not cached: the database answers, its migrations are current, and the media directory
  // has READY_MIN_FREE_MB free (503 while not: take it out of rotation). Neither is cached nor logged.
  const probe = { logLevel: 'silent' as const };
  app.get('/healthz', probe, async (_request, reply) => reply.header('cache-control', 'no-store').send({ ok: true }));
  app.get('/readyz', probe, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    const ready = await readiness(handle.db, mediaDir, config.ops.readyMinFreeMb);
    // A lost connection is logged where it failed; a probe every few seconds adds nothing.
    // With WORKERS, which worker answered (its number in the cluster, as in its log lines).
    if (ready.ok)
      return reply.send({
        ok: true,
        database: 'reachable',
        migrations: 'current',
        freeMb: ready.freeMb,
        ...(cluster.worker ? { worker: cluster.worker.id } : {}),
      });
    return reply
      .code(503)
      .header('retry-after', String(RETRY_AFTER_SECONDS))
      .send({ error: { code: 'UNAVAILABLE', message: ready.message } });
  });

  // Of several processes on one database, only the holder of the job lease runs the exclusive jobs;
  // the view and API-key usage flushes, "most popular" and the lexicon check run in every process
  // (their writes add up; each process holds its own caches). Every timer goes through the scheduler.
  const log = (msg: string, err?: unknown) => app.log.warn({ err }, msg);
  const lease = opts.jobs
    ? new JobLease({
        db: handle.db,
        name: 'jobs',
        ttlMs: config.jobLeaseMs,
        log,
        onChange: (held) => {
          app.log.info(held ? 'job lease taken: this process runs the webhooks, ingest and scheduled publishing' : 'job lease given up');
          if (held) void scheduler.runExclusive();
        },
      })
    : null;
  const scheduler = new Scheduler(
    (job, err) => app.log.error({ err }, `job ${job} failed`),
    () => lease?.held() ?? false,
  );
  if (opts.jobs) {
    // Webhook deliveries every 2 s; wire sources every 15 s (each when its own interval has passed).
    const worker = new WebhookWorker({ db: handle.db, clock: services.clock, log });
    scheduler
      .add({ name: 'webhooks', everyMs: 2_000, exclusive: true, run: () => worker.runOnce() })
      .add({ name: 'ingest', everyMs: 15_000, exclusive: true, run: () => pollDueSources(handle.db, { clock: services.clock, log }) })
      // Scheduled and embargoed articles go out within 10 s of their time (also after a restart:
      // the due ones are read from the database).
      .add({ name: 'scheduled', everyMs: 10_000, exclusive: true, run: () => services.newsroomArticles.publishDue() })
      .add({ name: 'sessions', everyMs: 3_600_000, exclusive: true, run: () => services.auth.prune() })
      // Planner statistics kept current (src/db/statistics.ts): when the lease is taken, then hourly.
      .add({ name: 'statistics', everyMs: 3_600_000, exclusive: true, run: () => optimizeStatistics(handle.db) })
      .add({ name: 'view-flush', everyMs: config.viewFlushMs, run: () => services.views.flush() })
      .add({ name: 'api-key-usage', everyMs: config.viewFlushMs, run: () => services.apiKeyUsage.flush() })
      .add({ name: 'popular', everyMs: config.popularRefreshMs, run: () => services.popular.refresh() })
      .add({ name: 'lexicon', everyMs: config.popularRefreshMs, run: () => services.checkLexicon() });
    // Notifications by e-mail (SMTP_URL): the outbox is sent every 5 s, retried with backoff.
    const mailer = services.notificationMail;
    if (mailer) scheduler.add({ name: 'notification-mail', everyMs: 5_000, exclusive: true, run: () => mailer.runOnce() });
    // The date line of every cached page turns at the agency's midnight (src/cache/dayTurn.ts).
    const cache = services.cache;
    if (cache) {
      const turned = dayTurn(cache, services.clock, config.timeZone);
      scheduler.add({ name: 'day-turn', everyMs: 60_000, run: async () => turned() });
    }
    app.addHook('onReady', async () => {
      scheduler.start();
      lease?.start();
    });
  }
  // Edge-cache purges (EDGE_PURGE_URL): the queue is sent every second, retried with backoff.
  const edgePurgeUrl = config.ops.edgePurgeUrl;
  if (opts.jobs && edgePurgeUrl) {
    const edgeWorker = new EdgePurgeWorker({ db: handle.db, url: edgePurgeUrl, clock: services.clock, log: (msg) => app.log.warn(msg) });
    scheduler.add({ name: 'edge-purge', everyMs: 1_000, run: () => edgeWorker.runOnce() });
  }
  // A graceful stop waits for requests in flight at most shutdownMs, then closes their connections
  // (a slow upload does not hold it for minutes); the counted views are flushed after that.
  let forceClose: NodeJS.Timeout | null = null;
  app.addHook('preClose', async () => {
    forceClose = setTimeout(() => {
      app.log.warn(`shutdown: closing the connections still open after ${timeouts.shutdownMs} ms`);
      app.server.closeAllConnections();
    }, timeouts.shutdownMs);
  });
  app.addHook('onClose', async () => {
    if (forceClose) clearTimeout(forceClose);
    await scheduler.stop();
    await lease?.stop();
    await services.views.flush().catch((err) => app.log.error({ err }, 'final view flush failed'));
    await services.apiKeyUsage.flush().catch((err) => app.log.error({ err }, 'final API key usage flush failed'));
    await services.close();
    if (!opts.handle) await handle.close();
  });
  return { app, services, metrics };
}
