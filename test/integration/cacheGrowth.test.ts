// No URL family may fill the page cache with empty pages or with another spelling of a page it
// already holds (issue 10): day archives without articles, pages past the end of a list, unknown
// query strings, escaped spellings, search queries and odd feed paths. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

/** yyyy/mm/dd of a date in the site's zone (Asia/Almaty, UTC+5). */
const localDay = (t: number) => new Date(t + 5 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '/');

for (const dialect of dialects()) {
  describe(`page cache growth on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const cacheSize = () => site.services.cache!.size;
    /** Publication times of every kz article, newest first, from the pages of the latest list. */
    const published: number[] = [];

    before(async () => {
      site = await bootSite(dialect);
      for (let url: string | null | undefined = '/kz/latest'; url;) {
        const d = dom((await get(url)).body);
        published.push(...[...d.querySelectorAll('main time[datetime]')].map((t) => Date.parse(t.getAttribute('datetime')!)));
        url = d.querySelector('main a[rel="next"]')?.getAttribute('href');
      }
      assert.ok(published.length > 0);
    });
    after(async () => {
      await site.close();
    });

    test('a day without articles is 404 and not cached: before the first article, after today and quiet days', async () => {
      const withArticles = `/kz/${localDay(published[0]!)}`;
      assert.equal((await get(withArticles)).statusCode, 200);
      const size = cacheSize();
      const days = new Set(published.map(localDay));
      const quiet = [...Array(60).keys()].map((i) => localDay(site.now.getTime() - i * 86_400_000)).filter((d) => !days.has(d));
      assert.ok(quiet.length > 0, 'the demo has quiet days within two months');
      for (const url of [
        '/kz/1970/01/01',
        '/kz/2000/02/29',
        `/kz/${localDay(site.now.getTime() + 86_400_000)}`,
        '/kz/2099/12/31',
        ...quiet.map((d) => `/kz/${d}`),
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.headers['cache-control'] as string, /max-age=30/);
      }
      assert.equal(cacheSize(), size, 'no cache entry for an empty day');
    });

    test("a day's previous and next links lead to days that have articles", async () => {
      const oldest = `/kz/${localDay(published[published.length - 1]!)}`;
      const newest = `/kz/${localDay(published[0]!)}`;
      for (const url of [oldest, newest]) {
        const d = dom((await get(url)).body);
        for (const rel of ['prev', 'next']) {
          const href = d.querySelector(`main a[rel="${rel}"]`)?.getAttribute('href');
          if (href) assert.equal((await get(href)).statusCode, 200, `${rel} of ${url}: ${href}`);
        }
      }
      const latestDay = dom((await get(newest)).body);
      assert.equal(latestDay.querySelector('main a[rel="next"]'), null, 'nothing after the newest day');
    });

    test('floods of distinct URLs for pages that exist once add no cache entries', async () => {
      for (const url of ['/kz/latest', '/kz/', '/kz/sayasat/', '/kz/rss.xml']) assert.equal((await get(url)).statusCode, 200, url);
      const size = cacheSize();
      const flood: string[] = [];
      for (let i = 0; i < 50; i++) {
        flood.push(
          `/kz/latest?utm=${i}`,
          `/kz/latest?page=1&x=${i}`,
          `/kz/latest?page=${900 + i}`,
          `/kz/sayasat/?page=${900 + i}`,
          `/kz/search?q=word${i}`,
          `/kz/rss.xml?v=${i}`,
          `/kz/tag/no-such-tag-${i}`,
          `/kz/author/nobody-${i}?page=${i + 2}`,
        );
      }
      const escapes = [
        '/k%7A/latest',
        '/k%7a/latest',
        '/%6B%7A/latest',
        '/kz/%6Catest',
        '/kz/l%61test',
        '/kz/%73ayasat/',
        '/kz/%72ss.xml',
        '/k%7A/rss.xml',
      ];
      for (const url of [...flood, ...escapes]) {
        const res = await get(url);
        assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
      }
      for (const url of escapes.slice(0, 6)) {
        const res = await get(url);
        assert.equal(res.statusCode, 301, url);
        assert.doesNotMatch(res.headers.location as string, /%/);
      }
      assert.equal(cacheSize(), size, 'the flood added no entry');
    });
  });
}
