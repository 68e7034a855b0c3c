// Prometheus metrics, on SQLite and PostgreSQL: the real server with its jobs running, scraped over
// HTTP behind METRICS_TOKEN and on METRICS_PORT, the exposition parsed by a strict parser of the
// text format (every sample belongs to a declared family, labels well formed, values numbers).
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/services/demoSeed.ts';
import { enqueueEdgePurge } from '../../src/services/edgePurge.ts';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { FIXED_NOW, SHARED_DATA_DIR } from '../support/site.ts';
import { READER_HEADERS } from '../support/readerAgent.ts';

const TOKEN = 'metrics-token-for-the-test-0123';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Parses the Prometheus text exposition format 0.0.4; throws on anything malformed. */
function parseExposition(text: string): { types: Map<string, string>; samples: Sample[] } {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
  assert.ok(text.endsWith('\n'), 'the exposition ends with a newline');
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    let m = new RegExp(`^# (HELP|TYPE) (${NAME}) (.*)$`).exec(line);
    if (m) {
      if (m[1] === 'TYPE') {
        assert.ok(['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(m[3]!), `type of ${m[2]}: ${m[3]}`);
        assert.ok(!types.has(m[2]!), `${m[2]} declared once`);
        types.set(m[2]!, m[3]!);
      }
      continue;
    }
    m = new RegExp(`^(${NAME})(?:\\{(.*)\\})? (\\S+)(?: (-?\\d+))?$`).exec(line);
    assert.ok(m, `a sample line: ${line}`);
    const labels: Record<string, string> = {};
    const rawLabels = m[2] ?? '';
    const labelRe = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/y;
    let at = 0;
    while (at < rawLabels.length) {
      labelRe.lastIndex = at;
      const l = labelRe.exec(rawLabels);
      assert.ok(l, `labels of ${line}`);
      labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      at = labelRe.lastIndex;
    }
    const raw = m[3]!;
    // Go's ParseFloat, which Prometheus uses, takes NaN and Inf in any case (prom-client writes "Nan").
    const special = /^([+-]?)(inf|nan)$/i.exec(raw);
    const value = special ? (special[2]!.toLowerCase() === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity) : Number(raw);
    assert.ok(special || (raw !== '' && !Number.isNaN(value)), `value of ${line}`);
    const name = m[1]!;
    const family = [name, name.replace(/_(bucket|sum|count)$/, '')].find((n) => types.has(n));
    assert.ok(family, `${name} belongs to a declared family`);
    if (name !== family) assert.ok(['histogram', 'summary'].includes(types.get(family)!), `${name} is part of a histogram`);
    samples.push({ name, labels, value });
  }
  return { types, samples };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

for (const dialect of dialects()) {
  describe(`metrics on ${dialect}`, () => {
    let database: TestDatabase;
    let built: App;
    let base: string;
    let metricsPort: number;
    let now = FIXED_NOW;

    before(async () => {
      database = await freshDatabase(dialect);
      await seedDemo(database.handle, { dataDir: SHARED_DATA_DIR, now: FIXED_NOW });
      metricsPort = await freePort();
      const config = loadConfig({
        DATA_DIR: SHARED_DATA_DIR,
        DATABASE_URL: database.url,
        BASE_URL: 'https://habarshy.test',
        LOG_LEVEL: 'silent',
        METRICS_TOKEN: TOKEN,
        METRICS_PORT: String(metricsPort),
        VIEW_FLUSH_MS: '3600000',
        // Nothing listens there: queued purges wait (and count as waiting) whatever the worker does.
        EDGE_PURGE_URL: `http://127.0.0.1:${await freePort()}/`,
      });
      built = await buildApp(config, { handle: database.handle, clock: () => now, logger: false, jobs: true });
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(built.app.server.address() as net.AddressInfo).port}`;
    });
    after(async () => {
      await built.app.close();
      await database.drop();
    });

    const scrape = async (url = `${base}/metrics`, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) => {
      const res = await fetch(url, { headers });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      return parseExposition(await res.text());
    };
    const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) => {
      const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
      assert.ok(found.length > 0, `${name} ${JSON.stringify(labels)} is exposed`);
      return found.reduce((n, s) => n + s.value, 0);
    };

    test('/metrics needs the token on the site port', async () => {
      const attempts: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${TOKEN}` }];
      for (const headers of attempts) {
        const res = await fetch(`${base}/metrics`, { headers });
        assert.equal(res.status, 401);
        assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'UNAUTHORIZED');
      }
    });

    test('requests by route and status, the page cache, database queries and Node defaults', async () => {
      for (const path of ['/kz/', '/kz/', '/kz/', '/kz/no-such-page-here', '/api/v1/articles?edition=kz&limit=2'])
        await (await fetch(`${base}${path}`)).arrayBuffer();
      const { types, samples } = await scrape();
      assert.ok(
        value(samples, 'habarshy_http_requests_total', { route: 'page-cache', status: '200' }) >= 2,
        'cached pages answered by the fast path are counted',
      );
      assert.ok(
        value(samples, 'habarshy_http_requests_total', { route: '/api/v1/articles', status: '200' }) >= 1,
        'routes are labelled by pattern',
      );
      assert.ok(value(samples, 'habarshy_http_requests_total', { status: '404' }) >= 1);
      assert.equal(
        samples.filter((s) => s.name === 'habarshy_http_requests_total' && s.labels['route']?.includes('no-such-page')).length,
        0,
        'no label per URL',
      );
      assert.equal(types.get('habarshy_http_request_duration_seconds'), 'histogram');
      assert.ok(value(samples, 'habarshy_http_request_duration_seconds_count', { route: 'page-cache' }) >= 2);
      assert.ok(value(samples, 'habarshy_page_cache_hits_total') >= 2);
      assert.ok(value(samples, 'habarshy_page_cache_misses_total') >= 1);
      assert.ok(value(samples, 'habarshy_page_cache_entries') >= 1);
      assert.ok(value(samples, 'habarshy_page_cache_bytes') > 0);
      assert.equal(value(samples, 'habarshy_page_cache_evictions_total'), 0);
      assert.ok(value(samples, 'habarshy_db_query_duration_seconds_count', { outcome: 'ok' }) > 0, 'database queries are timed');
      if (dialect === 'postgres') assert.ok(value(samples, 'habarshy_db_pool_connections', { state: 'total' }) >= 1);
      assert.ok(value(samples, 'process_resident_memory_bytes') > 0);
      assert.ok(
        samples.some((s) => s.name === 'nodejs_eventloop_lag_seconds'),
        'event-loop lag',
      );
      for (const job of ['webhooks', 'ingest', 'scheduled', 'edge-purge'])
        assert.ok(value(samples, 'habarshy_scheduler_lag_seconds', { job }) >= 0);
      assert.equal(value(samples, 'habarshy_database_up'), 1);
    });

    test('queue depths and failures: webhook outbox, edge purges, wire sources, view flush lag', async () => {
      const db = database.handle.db;
      const sub = await db
        .insertInto('webhook_subscribers')
        .values({ url: 'http://127.0.0.1:9/', secret: 's', events: '*', active: 0, created_at: now.toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const at = now.toISOString();
      const row = (n: number, extra: object) => ({
        event_id: `e-${dialect}-${n}`,
        subscriber_id: sub.id,
        article_id: 1,
        event: 'article.updated',
        payload: '{}',
        created_at: at,
        next_attempt_at: at,
        attempts: 0,
        last_error: null,
        dead_at: null,
        ...extra,
      });
      await db
        .insertInto('outbox')
        .values([row(1, {}), row(2, { attempts: 3, last_error: 'HTTP 500' }), row(3, { attempts: 9, dead_at: at })])
        .execute();
      await enqueueEdgePurge(db, ['a1', 'l-kz'], now);
      const section = await db.selectFrom('sections').select('id').executeTakeFirstOrThrow();
      await db
        .insertInto('ingest_sources')
        .values({
          url: 'http://127.0.0.1:9/feed',
          edition: 'kz',
          section_id: section.id,
          poll_seconds: 86_400,
          name: 'wire',
          active: 1,
          last_polled_at: at,
          last_error: 'ECONNREFUSED',
        })
        .execute();
      const article = await db
        .selectFrom('articles')
        .select('public_id')
        .where('status', '=', 'published')
        .where('edition', '=', 'kz')
        .executeTakeFirstOrThrow();
      assert.equal((await fetch(`${base}/beacon?a=${article.public_id}&e=kz`, { headers: READER_HEADERS })).status, 200);
      now = new Date(now.getTime() + 5_000);
      const { samples } = await scrape();
      assert.equal(value(samples, 'habarshy_webhook_outbox', { state: 'waiting' }), 2);
      assert.equal(value(samples, 'habarshy_webhook_outbox', { state: 'failing' }), 1);
      assert.equal(value(samples, 'habarshy_webhook_outbox', { state: 'dead' }), 1);
      // Ours, and any the app queued itself (e.g. "most popular" changed).
      assert.ok(value(samples, 'habarshy_edge_purges', { state: 'waiting' }) >= 1);
      assert.equal(value(samples, 'habarshy_edge_purges', { state: 'dead' }), 0);
      assert.equal(value(samples, 'habarshy_ingest_failing_sources'), 1);
      assert.equal(value(samples, 'habarshy_view_flush_lag_seconds'), 5, 'the counted view has waited 5 s for its flush');
      await built.services.views.flush();
      assert.equal(value((await scrape()).samples, 'habarshy_view_flush_lag_seconds'), 0);
    });

    test('METRICS_PORT serves the same metrics without a token, and nothing else', async () => {
      const { samples } = await scrape(`http://127.0.0.1:${metricsPort}/metrics`, {});
      assert.ok(value(samples, 'habarshy_http_requests_total') > 0);
      assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/kz/`)).status, 404);
    });
  });
}
