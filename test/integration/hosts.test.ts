// Editions on hosts of their own (EDITION_HOSTS), on SQLite and PostgreSQL: two host names on
// one app through inject's Host header. Absolute URLs of an edition use its host, the host's
// root leads to its edition, and the page cache keeps the hosts apart.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { editionHosts } from '../../src/services/hosts.ts';
import { fastCacheKey } from '../../src/web/site/sitePlugin.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const BASE = 'https://habarshy.test';
const EN = 'https://en.example.kz';
const CN = 'https://cn.example.kz';

describe('editionHosts (pure)', () => {
  const hosts = editionHosts(
    BASE,
    new Map([
      ['en', EN],
      ['cn', 'http://cn.example.kz:8080'],
    ]),
  );
  test('absolute URLs: own host for listed editions, BASE_URL for the others', () => {
    assert.equal(hosts.absoluteUrl('en', '/en/news/x-abc123'), `${EN}/en/news/x-abc123`);
    assert.equal(hosts.absoluteUrl('cn', '/cn/'), 'http://cn.example.kz:8080/cn/');
    assert.equal(hosts.absoluteUrl('kz', '/kz/'), `${BASE}/kz/`);
    assert.equal(hosts.multiHost, true);
    assert.equal(editionHosts(BASE, new Map()).multiHost, false);
  });
  test('a Host header is matched without regard to case, a trailing dot or a default port', () => {
    for (const h of ['en.example.kz', 'EN.Example.KZ', 'en.example.kz.', 'en.example.kz:443'])
      assert.equal(hosts.editionForHost(h), 'en', h);
    assert.equal(hosts.editionForHost('cn.example.kz:8080'), 'cn');
    assert.equal(hosts.editionForHost('cn.example.kz'), null, 'another port is another host');
    for (const h of ['habarshy.test', 'evil.example', '', undefined]) {
      assert.equal(hosts.editionForHost(h), null);
      assert.equal(hosts.hostKey(h), '', 'unknown hosts share the base key: they cannot grow the cache');
    }
    assert.equal(hosts.hostKey('EN.example.kz:443'), 'en.example.kz');
  });
  test('the fast cache key is prefixed by the host key only when one is given', () => {
    assert.equal(fastCacheKey('/en/latest?page=2', 'en.example.kz'), 'en.example.kz/en/latest?page=2');
    assert.equal(fastCacheKey('/en/?utm=x', 'en.example.kz'), 'en.example.kz/en/');
    assert.equal(fastCacheKey('/en/latest?page=0', 'en.example.kz'), null);
    assert.equal(fastCacheKey('/en/'), '/en/');
  });
});

for (const dialect of dialects()) {
  describe(`editions on their own hosts on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string, host: string, headers: Record<string, string> = {}) =>
      site.app.inject({ method: 'GET', url, headers: { host, ...headers } });
    const article = async (code: 'en' | 'kz' | 'cn', host: string) => {
      const href = dom((await get(`/${code}/`, host)).body)
        .querySelector('main a[href*="/news/"]')!
        .getAttribute('href')!;
      const res = await get(href, host);
      assert.equal(res.statusCode, 200);
      return { href, d: dom(res.body) };
    };

    before(async () => {
      site = await bootSite(dialect, { env: { EDITION_HOSTS: `en=${EN},cn=${CN}` } });
    });
    after(async () => {
      await site.close();
    });

    test("the root of an edition host leads to its edition; BASE_URL's root still chooses by preference", async () => {
      const en = await get('/', 'en.example.kz');
      assert.equal(en.statusCode, 302);
      assert.equal(en.headers.location, '/en/');
      assert.equal((await get('/', 'cn.example.kz', { cookie: 'edition=kz', 'accept-language': 'ru' })).headers.location, '/cn/');
      assert.equal((await get('/', 'habarshy.test')).headers.location, '/kz/');
      assert.equal((await get('/', 'habarshy.test', { 'accept-language': 'ru' })).headers.location, '/ru/');
      assert.equal(
        (await get('/', 'habarshy.test', { 'accept-language': 'en' })).headers.location,
        `${EN}/en/`,
        'an edition with its own host is sent there',
      );
      assert.equal((await get('/', 'evil.example')).headers.location, '/kz/');
    });

    test('canonical, og:url, hreflang and JSON-LD of an edition use its host', async () => {
      const { href, d } = await article('en', 'en.example.kz');
      assert.equal(d.querySelector('link[rel="canonical"]')?.getAttribute('href'), `${EN}${href}`);
      assert.equal(d.querySelector('meta[property="og:url"]')?.getAttribute('content'), `${EN}${href}`);
      const alternates = new Map(
        [...d.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')!]),
      );
      assert.equal(alternates.get('en'), `${EN}${href}`);
      assert.ok(alternates.get('kk-Cyrl')?.startsWith(`${BASE}/kz/news/`), alternates.get('kk-Cyrl'));
      assert.ok(alternates.get('zh-Hans')?.startsWith(`${CN}/cn/news/`), alternates.get('zh-Hans'));
      const ld = [...d.querySelectorAll('script[type="application/ld+json"]')].map(
        (s) => JSON.parse(s.textContent!) as Record<string, unknown>,
      );
      const newsArticle = ld.find((x) => x['@type'] === 'NewsArticle')!;
      const urls = JSON.stringify(newsArticle)
        .match(/https?:\/\/[^"]+/g)!
        .filter((u) => !u.startsWith('https://schema.org'));
      assert.ok(urls.length >= 6);
      for (const u of urls) assert.ok(u.startsWith(`${EN}/`), u);
      // The crops and the logo are served on the edition's host too.
      for (const u of urls.filter((x) => x.includes('/media/')))
        assert.equal((await get(u.slice(EN.length), 'en.example.kz')).statusCode, 200, u);
      const home = dom((await get('/en/', 'en.example.kz')).body);
      const website = [...home.querySelectorAll('script[type="application/ld+json"]')]
        .map((s) => JSON.parse(s.textContent!) as { '@type': string; url: string; potentialAction: { target: { urlTemplate: string } } })
        .find((x) => x['@type'] === 'WebSite')!;
      assert.equal(website.url, `${EN}/en/`);
      assert.equal(website.potentialAction.target.urlTemplate, `${EN}/en/search?q={search_term_string}`);
      const homeAlternates = new Map(
        [...home.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => [l.getAttribute('hreflang'), l.getAttribute('href')]),
      );
      assert.equal(homeAlternates.get('x-default'), `${BASE}/`);
      assert.equal(homeAlternates.get('ru'), `${BASE}/ru/`);
    });

    test('links between hosts are absolute, links within a host stay relative', async () => {
      const { d } = await article('kz', 'habarshy.test');
      const menu = new Map([...d.querySelectorAll('nav.langs a')].map((a) => [a.getAttribute('lang'), a.getAttribute('href')!]));
      assert.ok(menu.get('en')!.startsWith(`${EN}/en/`), menu.get('en'));
      assert.ok(menu.get('zh-Hans')!.startsWith(`${CN}/cn/`), menu.get('zh-Hans'));
      assert.ok(menu.get('ru')!.startsWith('/ru/'), menu.get('ru'));
      const en = await article('en', 'en.example.kz');
      const enMenu = new Map([...en.d.querySelectorAll('nav.langs a')].map((a) => [a.getAttribute('lang'), a.getAttribute('href')!]));
      assert.ok(enMenu.get('kk-Cyrl')!.startsWith(`${BASE}/kz/`), enMenu.get('kk-Cyrl'));
      assert.ok(en.d.querySelector('nav.sections a')!.getAttribute('href')!.startsWith('/en/'));
    });

    test('a page asked for on the wrong host is served, its canonical naming the right host', async () => {
      const right = await article('en', 'en.example.kz');
      const wrong = await get(right.href, 'habarshy.test');
      assert.equal(wrong.statusCode, 200);
      assert.equal(dom(wrong.body).querySelector('link[rel="canonical"]')?.getAttribute('href'), `${EN}${right.href}`);
    });

    test('the page cache keys by host: each host gets its own entry, unknown hosts share the base one', async () => {
      const cache = site.services.cache!;
      cache.clear();
      const first = await get('/cn/latest', 'cn.example.kz');
      assert.equal(first.statusCode, 200);
      await get('/cn/latest', 'habarshy.test');
      await get('/cn/latest', 'evil.example');
      await get('/cn/latest?page=1', 'CN.example.kz');
      assert.deepEqual([...cache.keys()].filter((k) => k.includes('/cn/latest')).sort(), ['/cn/latest', 'cn.example.kz/cn/latest']);
      // A hit on the edition's host is answered from its entry (same ETag, 304 on revalidation).
      const again = await get('/cn/latest', 'cn.example.kz', { 'if-none-match': first.headers.etag as string });
      assert.equal(again.statusCode, 304);
    });

    test('feeds and sitemaps of an edition with its own host use that host', async () => {
      const rss = await get('/en/rss.xml', 'en.example.kz');
      assert.equal(rss.statusCode, 200);
      const links = [...rss.body.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!);
      assert.ok(links.length > 5);
      for (const link of links) assert.ok(link.startsWith(`${EN}/en/`), link);
      const json = JSON.parse((await get('/cn/feed.json', 'cn.example.kz')).body) as { home_page_url: string; items: { url: string }[] };
      assert.ok(json.home_page_url.startsWith(`${CN}/cn/`));
      for (const item of json.items) assert.ok(item.url.startsWith(`${CN}/cn/news/`), item.url);
      const kzRss = (await get('/kz/rss.xml', 'habarshy.test')).body;
      assert.match(kzRss, /<link>https:\/\/habarshy\.test\/kz\/news\//, 'editions without a host stay on BASE_URL');
      const index = (await get('/sitemap.xml', 'habarshy.test')).body;
      const month = /<loc>https:\/\/habarshy\.test(\/sitemaps\/articles-en-[^<]+)<\/loc>/.exec(index)![1]!;
      const sitemap = (await get(month, 'habarshy.test')).body;
      assert.match(sitemap, new RegExp(`<loc>${EN.replace(/\./g, '\\.')}/en/news/`), 'English article URLs on the English host');
      assert.match(
        sitemap,
        new RegExp(`hreflang="zh-Hans" href="${CN.replace(/\./g, '\\.')}/cn/news/`),
        'hreflang alternates on the Chinese host',
      );
      assert.match((await get('/robots.txt', 'en.example.kz')).body, /Sitemap: https:\/\/habarshy\.test\/sitemap\.xml/);
    });
  });
}
