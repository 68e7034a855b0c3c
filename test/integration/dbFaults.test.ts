// PostgreSQL goes away: dropped connections, a stopped server, a frozen one. Two app processes
// (as behind a load balancer) listen on real ports over a cluster of the test's own, which the
// test terminates, stops, restarts and freezes. The process never exits; requests that need the
// database get a 503 with Retry-After (the localized page, or the API's envelope) while cached
// pages keep being served; everything recovers by itself, and changes made by the other process
// while the invalidation listener was away reach this one.
import '../support/lateErrors.ts';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { connect, connectOptions } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/services/demoSeed.ts';
import { cacheTags } from '../../src/cache/tags.ts';
import { WRITTEN_STRINGS } from '../../src/editions/strings/all.ts';
import { dialects } from '../support/databases.ts';
import { FIXED_NOW, SHARED_DATA_DIR } from '../support/site.ts';
import { startOwnPostgres, type OwnPostgres } from '../support/ownPostgres.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls until check() holds, for up to `withinMs` (reconnection backs off up to 5 s between
 * attempts; a process started on a loaded machine takes longer than one already running).
 */
const eventually = async (check: () => Promise<boolean>, what: string, withinMs = 30_000) => {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(200);
  }
  assert.fail(`${what} did not happen within ${withinMs / 1000} s`);
};

interface Running extends App {
  readonly origin: string;
  fetch(path: string): Promise<Response>;
}

async function boot(url: string): Promise<Running> {
  const config = loadConfig({
    DATA_DIR: SHARED_DATA_DIR,
    DATABASE_URL: url,
    BASE_URL: 'https://habarshy.test',
    LOG_LEVEL: 'silent',
    DB_STATEMENT_TIMEOUT_MS: '1000',
    DB_CONNECT_TIMEOUT_MS: '1000',
  });
  const handle = connect(url, connectOptions(config, { poolSize: 4 }));
  const built = await buildApp(config, { handle, clock: () => FIXED_NOW, logger: false });
  built.app.addHook('onClose', async () => handle.close());
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = built.app.server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return { ...built, origin, fetch: (path) => fetch(`${origin}${path}`) };
}

const text = async (res: Response) => ({ status: res.status, body: await res.text(), headers: res.headers });

if (dialects().includes('postgres')) {
  describe('PostgreSQL goes away', () => {
    let cluster: OwnPostgres;
    let url: string;
    let a: Running;
    let b: Running;
    /** Reader URLs of published kz articles, each used by one test so none is cached before it. */
    let articles: { id: number; path: string }[];
    const take = () => articles.shift()!;

    before(async () => {
      cluster = await startOwnPostgres();
      url = await cluster.createDatabase('faults');
      const setup = connect(url, { poolSize: 2 });
      await migrateToLatest(setup.db);
      await seedDemo(setup, { dataDir: SHARED_DATA_DIR, now: FIXED_NOW });
      await setup.close();
      a = await boot(url);
      b = await boot(url);
      const home = await (await a.fetch('/kz/')).text();
      const paths = [...new Set([...home.matchAll(/href="(\/kz\/news\/[^"]+-([0-9a-f]{6}))"/g)].map((m) => `${m[1]}|${m[2]}`))];
      const admin = connect(url, { poolSize: 1 });
      articles = [];
      for (const entry of paths) {
        const [path, publicId] = entry.split('|') as [string, string];
        const row = await admin.db
          .selectFrom('articles')
          .select('id')
          .where('public_id', '=', publicId)
          .where('edition', '=', 'kz')
          .executeTakeFirst();
        if (row) articles.push({ id: row.id, path });
      }
      await admin.close();
      assert.ok(articles.length >= 8, 'the kz home links enough articles');
    });
    after(async () => {
      await a?.app.close();
      await b?.app.close();
      cluster?.destroy();
    });

    /** Waits until `n` connections to the test's database are listeners (their last statement LISTEN). */
    const listenersUp = async (n: number) => {
      await eventually(async () => {
        const admin = new pg.Client({ connectionString: cluster.url() });
        await admin.connect();
        try {
          const r = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = 'faults' AND query LIKE 'LISTEN %'`);
          return (r.rows[0] as { n: number }).n >= n;
        } finally {
          await admin.end();
        }
      }, `${n} invalidation listeners connected`);
    };

    test('terminated connections do not end the process; the next requests work', async () => {
      // A real `habarshy serve` beside the two apps of this process.
      const port = await freePort();
      const server = spawn(process.execPath, ['bin/habarshy.js', 'serve'], {
        env: { ...process.env, DATABASE_URL: url, PORT: String(port), DATA_DIR: SHARED_DATA_DIR, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      server.stdout.on('data', (d: Buffer) => {
        output += d.toString();
      });
      server.stderr.on('data', (d: Buffer) => {
        output += d.toString();
      });
      let exited: number | null | undefined;
      server.on('exit', (code) => {
        exited = code;
      });
      try {
        await eventually(
          async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.status === 200,
          'the spawned server ready',
          120_000,
        );
        assert.equal((await fetch(`http://127.0.0.1:${port}/kz/latest`)).status, 200);
        // Connections in the pool, the listener's and the publisher's.
        for (const page of [take(), take()]) assert.equal((await a.fetch(page.path)).status, 200);
        b.services.invalidate(['warm-up']);
        const admin = new pg.Client({ connectionString: cluster.url() });
        await admin.connect();
        const killed = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'faults' AND pid <> pg_backend_pid()`,
        );
        await admin.end();
        assert.ok(killed.rowCount! >= 6, 'pool, listener and publisher connections of three processes were terminated');
        await eventually(async () => {
          const res = await fetch(`http://127.0.0.1:${port}/ru/latest`).catch(() => null);
          assert.equal(exited, undefined, `the server process exited: ${output}`);
          assert.ok(res && (res.status === 200 || res.status === 503), `a request after the drop answers ${res?.status}`);
          return res.status === 200;
        }, 'the spawned server answering after the drop');
        // An idle pool client may have been closed already (idle timeout) on a slow machine: then the
        // listener's loss is the one logged.
        assert.match(output, /database connection lost|listener lost its connection/, 'the loss is logged');
      } finally {
        server.kill('SIGTERM');
        if (exited === undefined) await new Promise((r) => server.once('exit', r));
      }
      // The listeners of the two apps reconnect with backoff after the first drop: wait for them, so
      // that this drop reaches them too (pool clients may have passed their idle timeout by now).
      await listenersUp(2);
      const admin = new pg.Client({ connectionString: cluster.url() });
      await admin.connect();
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'faults' AND pid <> pg_backend_pid()`,
      );
      await admin.end();
      assert.ok(killed.rowCount! >= 2, "the listeners' (and any pool) connections were terminated");
      const page = take();
      await eventually(async () => {
        const res = await a.fetch(page.path);
        assert.ok(res.status === 200 || res.status === 503, `a request after the drop answers ${res.status}`);
        return res.status === 200;
      }, 'an uncached page after the connections were dropped');
      assert.equal((await b.fetch('/api/v1/articles?edition=en')).status, 200);
      // A listener that reconnects clears its app's page cache: let both be back before the next
      // test warms a page.
      await listenersUp(2);
    });

    test('during an outage: cached pages are served, the rest gets a localized 503 with Retry-After; recovery by itself', async () => {
      const cached = take();
      const uncached = take();
      assert.equal((await a.fetch(cached.path)).status, 200, 'cached before the outage');
      cluster.stop();
      try {
        const hit = await text(await a.fetch(cached.path));
        assert.equal(hit.status, 200, 'a cached page is still served');
        const page = await text(await a.fetch(uncached.path));
        assert.equal(page.status, 503);
        assert.equal(page.headers.get('retry-after'), '5');
        assert.match(page.headers.get('content-type') ?? '', /text\/html/);
        assert.ok(page.body.includes(WRITTEN_STRINGS.kz.unavailableTitle), "the 503 page speaks the edition's language");
        assert.equal(page.headers.get('cache-control'), 'no-store');
        const ru = await text(await a.fetch('/ru/latest'));
        assert.equal(ru.status, 503);
        assert.ok(ru.body.includes(WRITTEN_STRINGS.ru.unavailableTitle));
        const api = await text(await a.fetch('/api/v1/articles?edition=ru'));
        assert.equal(api.status, 503);
        assert.equal(api.headers.get('retry-after'), '5');
        assert.equal(JSON.parse(api.body).error.code, 'UNAVAILABLE');
        const feed = await a.fetch('/cn/rss.xml');
        assert.equal(feed.status, 503, 'an uncached feed');
        assert.equal(feed.headers.get('retry-after'), '5');
        assert.match(feed.headers.get('content-type') ?? '', /^application\/xml/, 'a feed URL answers its outage in XML');
        assert.match(await feed.text(), /<code>UNAVAILABLE<\/code>/);
        assert.equal((await a.fetch('/readyz')).status, 503, '/readyz reports the database unreachable');
        assert.equal((await a.fetch('/healthz')).status, 200, '/healthz: the process is alive');
      } finally {
        cluster.start();
      }
      await eventually(async () => (await a.fetch(uncached.path)).status === 200, 'the page served again after recovery');
      assert.equal((await a.fetch('/readyz')).status, 200);
      assert.equal((await a.fetch('/api/v1/articles?edition=ru')).status, 200);
    });

    test('after an outage longer than a second the listener reconnects and a change made meanwhile by the other process reaches this one', async () => {
      const page = take();
      const before = await text(await a.fetch(page.path));
      assert.equal(before.status, 200);
      cluster.stop();
      await sleep(2500);
      cluster.start();
      // The other process changes the article and sends its invalidation while this one's listener
      // is still reconnecting: only clearing the cache on reconnect lets the change through.
      await b.services.handle.db
        .updateTable('articles')
        .set({ headline: 'Үзілістен кейін түзетілген тақырып' })
        .where('id', '=', page.id)
        .execute();
      b.services.invalidate([cacheTags.article(page.id)]);
      await eventually(
        async () =>
          (await a.fetch(page.path)).status === 200 &&
          (await a.fetch(page.path).then((r) => r.text())).includes('Үзілістен кейін түзетілген тақырып'),
        'the corrected headline on the other process',
      );
      // And the listener works again: a later change arrives by notification.
      await b.services.handle.db.updateTable('articles').set({ headline: 'Екінші түзету' }).where('id', '=', page.id).execute();
      b.services.invalidate([cacheTags.article(page.id)]);
      await eventually(
        async () => (await a.fetch(page.path).then((r) => r.text())).includes('Екінші түзету'),
        'the second correction by notification',
      );
    });

    test('a frozen database: requests get 503 once the statement timeout passes, not when it wakes up', async () => {
      const page = take();
      cluster.freeze();
      // The server wakes up on its own after 6 s; without timeouts the request would wait for it and get a 200.
      const thaw = sleep(6000).then(() => cluster.thaw());
      try {
        const res = await text(await a.fetch(page.path));
        assert.equal(res.status, 503);
        assert.equal(res.headers.get('retry-after'), '5');
        const ready = await a.fetch('/readyz');
        assert.equal(ready.status, 503);
      } finally {
        await thaw;
      }
      await eventually(async () => (await a.fetch(page.path)).status === 200, 'the page after the database woke up');
    });

    test('starting with PostgreSQL down prints one line and exits non-zero', async () => {
      const port = cluster.port;
      cluster.stop();
      try {
        const child = spawn(process.execPath, ['bin/habarshy.js', 'serve'], {
          env: {
            ...process.env,
            DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/faults`,
            PORT: '0',
            DATA_DIR: SHARED_DATA_DIR,
            LOG_LEVEL: 'info',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
        });
        const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
        assert.notEqual(code, 0);
        const lines = stderr.trim().split('\n');
        assert.equal(lines.length, 1, stderr);
        assert.match(
          lines[0]!,
          /^habarshy serve: cannot reach the database at postgres:\/\/postgres@127\.0\.0\.1:\d+\/faults: .*ECONNREFUSED/,
        );
        assert.ok(!stderr.includes('secret'), 'the password is not printed');
      } finally {
        cluster.start();
      }
    });
  });
}
