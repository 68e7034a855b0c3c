// Search over an archive larger than the count stops at (COUNT_CAP), on SQLite and PostgreSQL: a
// common word's results page says "more than …" in the edition's words, its pages stop where
// the count does, and newest first down the date index lists the same articles, in the same
// order, as sorting every match by date.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { dialects } from '../support/databases.ts';
import { seedBulk } from '../../src/services/demoArchive.ts';
import { parseQuery } from '../../src/search/analyze.ts';
import { COUNT_CAP, countMatches, searchArticleIds } from '../../src/store/search.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { SEARCH_PAGE_SIZE } from '../../src/services/search.ts';

// Enough generated articles for more than COUNT_CAP English ones (about a fifth are English).
const COUNT = 3200;
const WORD = 'the';

for (const dialect of dialects()) {
  describe(`search at scale on ${dialect}`, () => {
    let site: TestSite;
    before(async () => {
      site = await bootSite(dialect);
      await seedBulk(site.database.handle, COUNT, { now: site.now });
    });
    after(() => site.close());

    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const scope = () => ({ editions: ['en'], visibleAt: site.now.toISOString() });

    test('a common word: "more than" the cap in the edition\'s words, and pages stop at the cap', async () => {
      const n = await countMatches(site.database.handle.db, parseQuery(WORD, 'en'), scope());
      assert.equal(n, COUNT_CAP + 1, 'the word matches more articles than the count goes to');
      const s = site.services.texts.get('en').strings;
      const first = dom((await get(`/en/search?q=${WORD}`)).body);
      assert.equal(first.querySelector('.search-count')?.textContent, fill(s.searchCountMore, { n: COUNT_CAP }));
      assert.equal(first.querySelectorAll('main article.card').length, SEARCH_PAGE_SIZE);
      const lastPage = COUNT_CAP / SEARCH_PAGE_SIZE;
      const last = await get(`/en/search?q=${WORD}&page=${lastPage}`);
      assert.equal(last.statusCode, 200);
      const d = dom(last.body);
      assert.equal(d.querySelectorAll('main article.card').length, SEARCH_PAGE_SIZE);
      assert.equal(d.querySelector('a[rel="next"]'), null, 'no page past the cap is offered');
      assert.equal((await get(`/en/search?q=${WORD}&page=${lastPage + 1}`)).statusCode, 404);
      // The API says the same: the count stopped at the cap, and more match.
      const api = JSON.parse((await get(`/api/v1/search?edition=en&q=${WORD}`)).body) as { total: number; more: boolean };
      assert.deepEqual({ total: api.total, more: api.more }, { total: COUNT_CAP, more: true });
    });

    test('a rarer word keeps its exact count', async () => {
      const s = site.services.texts.get('en').strings;
      const headline = (
        await site.database.handle.db
          .selectFrom('articles')
          .select('headline')
          .where('edition', '=', 'en')
          .where('id', '<', 50)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).headline;
      const q = `"${headline}"`;
      const n = await countMatches(site.database.handle.db, parseQuery(q, 'en'), scope());
      assert.ok(n >= 1 && n <= COUNT_CAP);
      const d = dom((await get(`/en/search?q=${encodeURIComponent(q)}`)).body);
      assert.equal(d.querySelector('.search-count')?.textContent, fill(s.searchCount, { n }));
    });

    test('newest first down the date index: the same pages as sorting every match by date', async () => {
      const db = site.database.handle.db;
      const q = parseQuery(WORD, 'en');
      for (const offset of [0, 40, COUNT_CAP - SEARCH_PAGE_SIZE]) {
        const walked = await searchArticleIds(db, q, scope(), 'newest', SEARCH_PAGE_SIZE, offset, { many: true });
        const sorted = await searchArticleIds(db, q, scope(), 'newest', SEARCH_PAGE_SIZE, offset, { many: false });
        assert.equal(walked.length, SEARCH_PAGE_SIZE);
        assert.deepEqual(
          walked.map((h) => h.id),
          sorted.map((h) => h.id),
          `offset ${offset}`,
        );
      }
      const page = await searchArticleIds(db, q, scope(), 'newest', SEARCH_PAGE_SIZE, 0, { many: true });
      const dates = (
        await db
          .selectFrom('articles')
          .select(['id', 'published_at'])
          .where(
            'id',
            'in',
            page.map((h) => h.id),
          )
          .execute()
      )
        .sort((a, b) => page.findIndex((h) => h.id === a.id) - page.findIndex((h) => h.id === b.id))
        .map((r) => r.published_at!);
      assert.deepEqual(dates, [...dates].sort().reverse());
    });
  });
}
