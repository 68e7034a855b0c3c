// The reader search page `/{edition}/search?q=` on SQLite and PostgreSQL: localized in every
// edition, finds headlines and leads (in derived editions by a query in their own script),
// treats LIKE wildcards and markup in the query as plain text, pages, and rejects bad input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITION_CODES, EDITIONS, type EditionCode } from '../../src/editions/editions.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const CYRILLIC = /[\u0400-\u04FF]/;

for (const dialect of dialects()) {
  describe(`search on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const strings = (code: EditionCode) => site.services.texts.get(code).strings;
    const search = async (code: EditionCode, q: string, page?: number) => {
      const res = await get(`/${code}/search?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`);
      assert.equal(res.statusCode, 200, `${code} ${q}`);
      const d = dom(res.body);
      return {
        res, d,
        hrefs: [...d.querySelectorAll('main article.card h3 a')].map((a) => a.getAttribute('href')!),
        texts: [...d.querySelectorAll('main article.card')].map((c) => c.textContent ?? ''),
      };
    };
    /** The first article of an edition's home: its link and headline. */
    const firstArticle = async (code: EditionCode) => {
      const a = dom((await get(`/${code}/`)).body).querySelector('main article.card h2 a, main article.card h3 a')!;
      return { href: a.getAttribute('href')!, headline: a.textContent! };
    };
    /** A word of the headline at least 5 letters long. */
    const wordOf = (headline: string) => headline.split(/[\s,.:;«»"“”’'()—-]+/u).find((w) => [...w].length >= 5 && /^\p{L}+$/u.test(w))!;

    before(async () => {
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    for (const code of EDITION_CODES) {
      test(`${code}: without a query the page shows the localized form and hint, kept out of search engines`, async () => {
        const res = await get(`/${code}/search`);
        assert.equal(res.statusCode, 200);
        assert.match(res.headers['cache-control'] as string, /^public, max-age=60/);
        const d = dom(res.body);
        const s = strings(code);
        assert.equal(d.documentElement.getAttribute('lang'), EDITIONS[code].lang);
        assert.equal(d.querySelector('main h1')?.textContent, s.search);
        assert.equal(d.querySelector('form[role="search"]')?.getAttribute('action'), `/${code}/search`);
        assert.equal(d.querySelector('form[role="search"] input[name="q"]')?.getAttribute('maxlength'), '200');
        assert.equal(d.querySelector('label[for="search-q"]')?.textContent, s.searchLabel);
        assert.equal(d.querySelector('.search-message')?.textContent, s.searchHint);
        assert.equal(d.querySelectorAll('main article.card').length, 0);
        assert.equal(d.querySelector('meta[name="robots"]')?.getAttribute('content'), 'noindex, follow');
        if (EDITIONS[code].kind === 'derived') {
          for (const t of [s.search, s.searchLabel, s.searchHint, s.searchResults, s.searchNoResults]) assert.doesNotMatch(t, CYRILLIC, `${code}: ${t}`);
        }
      });
    }

    test('a word of a headline finds the article, in any case, and every result contains the word', async () => {
      for (const code of ['kz', 'ru', 'en', 'cn', 'uz'] as const) {
        const { href, headline } = await firstArticle(code);
        const word = code === 'cn' ? [...headline].slice(0, 4).join('') : wordOf(headline);
        for (const q of [word, word.toLocaleLowerCase(), word.toLocaleUpperCase().slice(0, 1) + word.slice(1).toLocaleLowerCase()]) {
          const r = await search(code, q);
          assert.ok(r.hrefs.includes(href), `${code}: "${q}" finds ${href}`);
          for (const t of r.texts) assert.ok(t.toLocaleLowerCase().includes(q.toLocaleLowerCase()), `${code}: result without "${q}": ${t.slice(0, 80)}`);
          assert.equal(r.d.querySelector('.search-results')?.textContent, fill(strings(code).searchResults, { query: q }));
          assert.equal(r.d.querySelector('input[name="q"]')?.getAttribute('value'), q);
        }
      }
    });

    test('derived editions: a query in their own script finds the article, results shown converted', async () => {
      for (const code of ['qz', 'uz-latn'] as const) {
        const { href, headline } = await firstArticle(code);
        assert.doesNotMatch(headline, CYRILLIC);
        const word = wordOf(headline);
        const r = await search(code, word);
        assert.ok(r.hrefs.includes(href), `${code}: "${word}" finds ${href}`);
        for (const t of r.texts) assert.doesNotMatch(t, CYRILLIC, `${code}: ${t.slice(0, 80)}`);
      }
    });

    test('LIKE wildcards and markup in the query are plain text', async () => {
      const percent = await search('en', '%');
      for (const t of percent.texts) assert.ok(t.includes('%'), `"%" matched a result without it: ${t.slice(0, 80)}`);
      const all = await search('en', 'the');
      const underscore = await search('en', '_');
      assert.ok(all.hrefs.length > underscore.hrefs.length, '"_" does not match any single character');
      for (const t of underscore.texts) assert.ok(t.includes('_'));
      const hostile = '<script>alert(1)</script>%_!';
      const h = await search('en', hostile);
      assert.ok(!h.res.body.includes('<script>alert(1)'), 'the query never becomes markup');
      assert.equal(h.d.querySelector('input[name="q"]')?.getAttribute('value'), hostile);
      assert.equal(h.d.querySelector('.search-message')?.textContent, fill(strings('en').searchNoResults, { query: hostile }));
      assert.equal(h.hrefs.length, 0);
    });

    test('nothing found: the localized message names the query', async () => {
      for (const code of ['kz', 'tote', 'cn'] as const) {
        const r = await search(code, 'qqxqzz');
        assert.equal(r.hrefs.length, 0);
        assert.equal(r.d.querySelector('.search-message')?.textContent, fill(strings(code).searchNoResults, { query: 'qqxqzz' }));
      }
    });

    test('results are paginated like other lists and the pages do not overlap', async () => {
      const p1 = await search('en', 'the');
      assert.equal(p1.hrefs.length, 20);
      const next = p1.d.querySelector('nav.pager a[rel="next"]')?.getAttribute('href');
      assert.equal(next, '/en/search?q=the&page=2');
      const p2 = await search('en', 'the', 2);
      assert.ok(p2.hrefs.length > 0);
      assert.equal(p2.d.querySelector('nav.pager a[rel="prev"]')?.getAttribute('href'), '/en/search?q=the');
      assert.deepEqual(p1.hrefs.filter((h) => p2.hrefs.includes(h)), []);
      assert.equal((await get('/en/search?q=the&page=500')).statusCode, 404);
    });

    test('bad input: overlong or repeated q and bad page numbers are 400, unknown editions 404', async () => {
      assert.equal((await get(`/en/search?q=${'a'.repeat(200)}`)).statusCode, 200);
      assert.equal((await get(`/en/search?q=${'a'.repeat(201)}`)).statusCode, 400);
      assert.equal((await get('/en/search?q=a&q=b')).statusCode, 400);
      assert.equal((await get('/en/search?q=a&page=0')).statusCode, 400);
      assert.equal((await get('/en/search?q=a&page=x')).statusCode, 400);
      assert.equal((await get('/fr/search?q=a')).statusCode, 404);
    });

    test('search pages never enter the page cache', async () => {
      await search('en', 'Astana');
      await search('en', 'Astana');
      const keys = [...site.services.cache!.keys()];
      assert.ok(keys.length > 0, 'other pages are cached');
      assert.deepEqual(keys.filter((k) => k.includes('/search')), []);
    });
  });
}
