// The edge cache end to end, on SQLite and PostgreSQL: the real app listening on 127.0.0.1, a real
// varnishd in front running deploy/varnish/habarshy.vcl, purges sent from the `edge_purges` queue.
// Published → the edge serves the new article and the new home page; corrected → the corrected
// page; unpublished → 404 at the edge; pages whose Surrogate-Key shares nothing with the purge stay
// hits. The purge endpoint refusing for a while loses nothing: the queued purge goes out when it
// is back.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, test } from 'node:test';
import { EdgePurgeWorker } from '../../src/services/edgePurge.ts';
import { dialects } from '../support/databases.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { bootSite, FIXED_NOW, type TestSite } from '../support/site.ts';
import { Varnish } from '../support/varnish.ts';

/** A TCP relay in front of Varnish's purge port that can refuse connections for a while. */
class Relay {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: () => number) {}

  async up(port = 0): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target(), '127.0.0.1');
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    this.sockets.forEach((s) => s.destroy());
    await closed;
  }
}

interface EdgeAnswer {
  status: number;
  body: string;
  cache: string;
  xVarnish: string;
  keys: string[];
}

for (const dialect of dialects()) {
  describe(`edge cache (Varnish) on ${dialect}`, () => {
    let site: TestSite;
    let editor: Client;
    let worker: EdgePurgeWorker;
    const varnish = new Varnish();
    const relay = new Relay(() => varnish.port);
    let now = FIXED_NOW;
    let sectionId: number;

    before(async () => {
      await relay.up();
      const purgeUrl = `http://127.0.0.1:${relay.port}/`;
      site = await bootSite(dialect, { env: { EDGE_PURGE_URL: purgeUrl }, clock: () => now });
      await site.app.listen({ port: 0, host: '127.0.0.1' });
      await varnish.start((site.app.server.address() as net.AddressInfo).port);
      editor = await signedIn(site, 'editor', ['kz']);
      worker = new EdgePurgeWorker({ db: site.database.handle.db, url: purgeUrl, clock: () => now });
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await varnish.stop();
      await relay.down();
      await site.close();
    });

    /** A GET through Varnish; Fastly-Debug keeps the Surrogate-Key header in the answer. */
    const edge = async (pathname: string): Promise<EdgeAnswer> => {
      const res = await fetch(`http://127.0.0.1:${varnish.port}${pathname}`, { headers: { 'fastly-debug': '1' }, redirect: 'manual' });
      return {
        status: res.status,
        body: await res.text(),
        cache: res.headers.get('x-cache') ?? '',
        xVarnish: res.headers.get('x-varnish') ?? '',
        keys: (res.headers.get('surrogate-key') ?? '').split(' ').filter(Boolean),
      };
    };
    /** Fetches twice: the second answer must come from the edge's cache. */
    const cached = async (pathname: string): Promise<EdgeAnswer> => {
      await edge(pathname);
      const second = await edge(pathname);
      assert.equal(second.status, 200, `${pathname}: ${second.status}`);
      assert.equal(second.cache, 'HIT', `${pathname} is served from the edge's cache`);
      assert.equal(second.xVarnish.split(' ').length, 2, 'X-Varnish names the request and the cached object');
      return second;
    };
    const move = (a: { id: number; revision: number }, action: string) =>
      editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action, revision: a.revision });
    const purgedKeys = async (sinceId: number) =>
      await site.database.handle.db.selectFrom('edge_purges').select(['keys', 'purged_at']).where('id', '>', sinceId).execute();
    const lastPurgeId = async () =>
      Number(
        (
          await site.database.handle.db
            .selectFrom('edge_purges')
            .select((eb) => eb.fn.max('id').as('id'))
            .executeTakeFirst()
        )?.id ?? 0,
      );
    /** Article pages from the seed in several editions, for "unrelated pages stay cached". */
    const otherPages = async () => {
      const pages: string[] = [];
      for (const edition of ['kz', 'ru', 'en']) {
        const home = await edge(`/${edition}/`);
        const links = [...home.body.matchAll(new RegExp(`href="(/${edition}/[a-z-]+/[a-z0-9-]+-[0-9a-f]{6})"`, 'g'))].map((m) => m[1]!);
        pages.push(...[...new Set(links)].slice(0, 3));
      }
      assert.ok(pages.length >= 6, `seeded article pages found: ${pages.join(' ')}`);
      return pages;
    };

    let article: { id: number; revision: number; url: string };
    let articlePath: string;

    test('publish: the edge drops the cached home page and serves the new article', async () => {
      const home = await cached('/kz/');
      assert.ok(home.keys.includes('l-kz'), `the home page carries the list key: ${home.keys.join(' ')}`);
      const created = await editor.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'Шеттегі кэш жаңалығы',
        lead: 'Бірінші нұсқа',
        body: { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Мәтін.' }] }] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const since = await lastPurgeId();
      const published = await move(created.json(), 'publish');
      assert.equal(published.statusCode, 200, published.body);
      article = published.json();
      articlePath = new URL(article.url).pathname;
      const queued = await purgedKeys(since);
      assert.ok(
        queued.some((r) => r.keys.split(' ').includes(`a${article.id}`) && r.keys.split(' ').includes('l-kz')),
        'the purge is queued with the publish',
      );
      assert.equal((await edge('/kz/')).cache, 'HIT', 'before the purge goes out the edge still has the old home page');
      const run = await worker.runOnce();
      assert.ok(run.purged >= 1 && run.failed === 0, JSON.stringify(run));
      const fresh = await edge('/kz/');
      assert.equal(fresh.cache, 'MISS');
      assert.ok(fresh.body.includes('Шеттегі кэш жаңалығы'), 'the new home page lists the article');
      const page = await cached(articlePath);
      assert.ok(page.body.includes('Бірінші нұсқа'));
      assert.ok(page.keys.includes(`a${article.id}`), 'the article page carries its own key');
    });

    test('correction: the edge serves the corrected page; every other page stays a hit', async () => {
      const others = await otherPages();
      for (const p of others) await cached(p);
      const since = await lastPurgeId();
      const corrected = await editor.put(`/api/newsroom/articles/${article.id}`, { revision: article.revision, lead: 'Түзетілген нұсқа' });
      assert.equal(corrected.statusCode, 200, corrected.body);
      article = corrected.json();
      // Besides the article: its month's article sitemaps, the sitemap index and `articles` (carried only by pages too large to name each article).
      const purged = (await purgedKeys(since)).map((r) => r.keys.split(' '));
      assert.equal(purged.length, 1);
      assert.deepEqual(
        purged[0]!.filter((k) => !/^(sm(-.+)?|articles)$/.test(k)),
        [`a${article.id}`],
        'a correction purges the article key only',
      );
      assert.ok(
        purged[0]!.some((k) => k.startsWith('sm-')),
        "and its month's sitemaps",
      );
      await worker.runOnce();
      const page = await edge(articlePath);
      assert.equal(page.status, 200);
      assert.ok(page.body.includes('Түзетілген нұсқа'), 'the edge serves the corrected page');
      for (const p of others) {
        const again = await edge(p);
        if (again.keys.includes(`a${article.id}`)) continue;
        assert.equal(again.cache, 'HIT', `${p} does not show the article and stays cached`);
      }
    });

    test('unpublish: 404 at the edge; pages without the purged keys stay hits, the others are refetched', async () => {
      await cached(articlePath);
      const others = (await otherPages()).filter((p) => p !== articlePath);
      const before = new Map<string, string[]>();
      for (const p of others) before.set(p, (await cached(p)).keys);
      const since = await lastPurgeId();
      const res = await move(article, 'unpublish');
      assert.equal(res.statusCode, 200, res.body);
      const run = await worker.runOnce();
      assert.equal(run.failed, 0);
      const purged = new Set(
        (await purgedKeys(since)).flatMap((r) => {
          assert.ok(r.purged_at, 'every queued purge went out');
          return r.keys.split(' ');
        }),
      );
      assert.ok(purged.has(`a${article.id}`) && purged.has('l-kz'));
      assert.equal((await edge(articlePath)).status, 404, 'the unpublished article is gone at the edge');
      let untouched = 0;
      for (const [p, keys] of before) {
        const again = await edge(p);
        const shares = keys.some((k) => purged.has(k));
        assert.equal(again.cache, shares ? 'MISS' : 'HIT', `${p} (keys ${keys.join(' ')}; purged ${[...purged].join(' ')})`);
        if (!shares) untouched++;
      }
      assert.ok(untouched > 0, 'some pages share no key with the purge');
    });

    test('the purge endpoint refusing for a while loses no purge', async () => {
      const others = await otherPages();
      const target = others[0]!;
      const id = Number(/a(\d+)/.exec((await cached(target)).keys.find((k) => /^a\d+$/.test(k)) ?? '')?.[1]);
      assert.ok(id > 0, 'the page names its article');
      const current = (await editor.get(`/api/newsroom/articles/${id}`)).json();
      await relay.down();
      const corrected = await editor.put(`/api/newsroom/articles/${id}`, { revision: current.revision, lead: 'Үзіліс кезіндегі түзету' });
      assert.equal(corrected.statusCode, 200, corrected.body);
      const failed = await worker.runOnce();
      assert.deepEqual(failed, { purged: 0, failed: 1, dead: 0 }, 'the purge failed and waits');
      const stale = await edge(target);
      assert.equal(stale.cache, 'HIT');
      assert.ok(!stale.body.includes('Үзіліс кезіндегі түзету'), 'the edge still has the old page');
      // The endpoint is back; the retry is due after the first backoff step.
      await relay.up(relay.port);
      assert.deepEqual(await worker.runOnce(), { purged: 0, failed: 0, dead: 0 }, 'nothing is retried before its time');
      now = new Date(now.getTime() + 2_000);
      assert.deepEqual(await worker.runOnce(), { purged: 1, failed: 0, dead: 0 });
      const fresh = await edge(target);
      assert.equal(fresh.cache, 'MISS');
      assert.ok(fresh.body.includes('Үзіліс кезіндегі түзету'), 'the edge serves the corrected page');
    });

    test('sent purges are kept a day, then pruned', async () => {
      const sent = () => site.database.handle.db.selectFrom('edge_purges').select('id').where('purged_at', 'is not', null).execute();
      assert.ok((await sent()).length >= 3);
      now = new Date(now.getTime() + 2 * 86_400_000);
      await worker.runOnce();
      assert.deepEqual(await sent(), []);
    });

    test('a purge without keys is refused; the newsroom is never cached', async () => {
      const noKeys = await fetch(`http://127.0.0.1:${varnish.port}/`, { method: 'PURGE' });
      assert.equal(noKeys.status, 400);
      const ok = await fetch(`http://127.0.0.1:${varnish.port}/`, { method: 'PURGE', headers: { 'surrogate-key': 'nothing-here' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('x-purged'), '0');
      const newsroom = await edge('/newsroom/');
      assert.notEqual(newsroom.cache, 'HIT');
      assert.notEqual((await edge('/newsroom/')).cache, 'HIT', 'the newsroom is never cached');
    });
  });
}
