// Prometheus metrics (prom-client): requests by route and status, the page cache, database
// queries and pool, the scheduler, the webhook and edge-purge queues, wire ingest, the view-count
// flush, and Node's defaults (memory, event-loop lag, GC). Exposed at /metrics behind
// `Authorization: Bearer METRICS_TOKEN` on the site's port, or without a token on METRICS_PORT
// (bind that one to a private address). Never cached, never logged.
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Services } from '../../services/container.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import type { DbHandle } from '../../db/connect.ts';

/** What the metrics read: the page cache, the view counter, the queues and the database's query timings. */
export interface MetricsSources {
  readonly cache: Services['cache'];
  readonly views: Pick<Services['views'], 'flushLagMs'>;
  readonly opsStats: Pick<Services['opsStats'], 'queues'>;
  readonly database: Pick<DbHandle, 'observeQueries' | 'poolStats'>;
}

const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A counter that reports a running total kept elsewhere (the page cache's own counts). */
function mirroredCounter(registry: Registry, name: string, help: string, read: () => number): void {
  let last = 0;
  new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      const now = read();
      if (now > last) this.inc(now - last);
      last = Math.max(last, now);
    },
  });
}

export class AppMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'method' | 'status'>;
  private readonly durations: Histogram<'route' | 'method' | 'status'>;

  constructor(services: MetricsSources, schedulerLag: Scheduler['lag']) {
    const r = this.registry;
    collectDefaultMetrics({ register: r });
    this.requests = new Counter({
      name: 'habarshy_http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status',
      labelNames: ['route', 'method', 'status'],
      registers: [r],
    });
    this.durations = new Histogram({
      name: 'habarshy_http_request_duration_seconds',
      help: 'Time to answer an HTTP request',
      labelNames: ['route', 'method', 'status'],
      buckets: DURATION_BUCKETS,
      registers: [r],
    });

    const cache = services.cache;
    mirroredCounter(r, 'habarshy_page_cache_hits_total', 'Pages answered from the in-memory page cache', () => cache?.hits ?? 0);
    mirroredCounter(r, 'habarshy_page_cache_misses_total', 'Page cache lookups that found nothing', () => cache?.misses ?? 0);
    mirroredCounter(
      r,
      'habarshy_page_cache_evictions_total',
      'Pages dropped from the page cache to stay within its memory bound',
      () => cache?.evictions ?? 0,
    );
    new Gauge({
      name: 'habarshy_page_cache_entries',
      help: 'Pages in the page cache',
      registers: [r],
      collect() {
        this.set(cache?.size ?? 0);
      },
    });
    new Gauge({
      name: 'habarshy_page_cache_bytes',
      help: 'Bytes held by the page cache (all encodings)',
      registers: [r],
      collect() {
        this.set(cache?.usedBytes ?? 0);
      },
    });

    const queries = new Histogram({
      name: 'habarshy_db_query_duration_seconds',
      help: 'Database query durations',
      labelNames: ['outcome'],
      buckets: DURATION_BUCKETS,
      registers: [r],
    });
    services.database.observeQueries((ms, failed) => queries.observe({ outcome: failed ? 'error' : 'ok' }, ms / 1000));
    const pool = services.database.poolStats;
    if (pool) {
      new Gauge({
        name: 'habarshy_db_pool_connections',
        help: 'PostgreSQL pool connections by state',
        labelNames: ['state'],
        registers: [r],
        collect() {
          const s = pool();
          this.set({ state: 'total' }, s.total);
          this.set({ state: 'idle' }, s.idle);
          this.set({ state: 'in_use' }, s.total - s.idle);
          this.set({ state: 'waiting' }, s.waiting);
          this.set({ state: 'max' }, s.max);
        },
      });
    }
    new Gauge({
      name: 'habarshy_scheduler_lag_seconds',
      help: 'How late each background job is beyond its interval',
      labelNames: ['job'],
      registers: [r],
      collect() {
        for (const { name, ms } of schedulerLag()) this.set({ job: name }, ms / 1000);
      },
    });
    new Gauge({
      name: 'habarshy_view_flush_lag_seconds',
      help: 'How long the oldest counted view has waited to be written',
      registers: [r],
      collect() {
        this.set(services.views.flushLagMs() / 1000);
      },
    });

    // Queue depths are read from the database at scrape time (cheap counts over partial indexes).
    const webhooks = new Gauge({
      name: 'habarshy_webhook_outbox',
      help: 'Webhook deliveries by state: waiting, failing (waiting after a failed attempt), dead',
      labelNames: ['state'],
      registers: [r],
    });
    const purges = new Gauge({
      name: 'habarshy_edge_purges',
      help: 'Edge-cache purges by state: waiting, failing, dead',
      labelNames: ['state'],
      registers: [r],
    });
    const ingest = new Gauge({
      name: 'habarshy_ingest_failing_sources',
      help: 'Active wire sources whose last poll failed',
      registers: [r],
    });
    const up = new Gauge({ name: 'habarshy_database_up', help: '1 when the database answered this scrape', registers: [r] });
    this.refreshQueues = async () => {
      try {
        const q = await services.opsStats.queues();
        for (const [k, v] of Object.entries(q.outbox)) webhooks.set({ state: k }, v);
        for (const [k, v] of Object.entries(q.purges)) purges.set({ state: k }, v);
        ingest.set(q.failingSources);
        up.set(1);
      } catch {
        up.set(0);
      }
    };
  }

  private readonly refreshQueues: () => Promise<void>;

  observe(route: string, method: string, status: number, seconds: number): void {
    const labels = { route, method, status: String(status) };
    this.requests.inc(labels);
    this.durations.observe(labels, seconds);
  }

  /** Counts the page cache's fast path (answered before Fastify routes the request). */
  wrapFastPath(fastPath: (req: IncomingMessage, res: ServerResponse) => boolean): (req: IncomingMessage, res: ServerResponse) => boolean {
    return (req, res) => {
      const start = process.hrtime.bigint();
      if (!fastPath(req, res)) return false;
      this.observe('page-cache', req.method ?? 'GET', res.statusCode, Number(process.hrtime.bigint() - start) / 1e9);
      return true;
    };
  }

  /** Counts every request Fastify answers, by its route pattern ("unmatched" for 404s without one). */
  instrument(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      if (route === '/metrics') return;
      this.observe(route, request.method, reply.statusCode, reply.elapsedTime / 1000);
    });
  }

  async exposition(): Promise<string> {
    await this.refreshQueues();
    return this.registry.metrics();
  }

  /** GET /metrics on the site's port, behind the bearer token. */
  route(app: FastifyInstance, token: string): void {
    const expected = Buffer.from(`Bearer ${token}`);
    app.get('/metrics', { logLevel: 'silent' }, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const given = Buffer.from(request.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ error: { code: 'UNAUTHORIZED', message: 'The metrics need Authorization: Bearer <METRICS_TOKEN>' } });
      }
      return reply.header('content-type', this.registry.contentType).send(await this.exposition());
    });
  }

  /** A server answering only GET /metrics, for METRICS_PORT. */
  async listen(host: string, port: number): Promise<http.Server> {
    const server = http.createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res
          .writeHead(404, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Only GET /metrics is served here' } }));
        return;
      }
      this.exposition().then(
        (body) => {
          res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' }).end(body);
        },
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return server;
  }
}
