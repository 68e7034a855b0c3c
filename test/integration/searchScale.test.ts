// Search over an archive larger than the count stops at (COUNT_CAP), on SQLite and PostgreSQL: a
// common word's results page says "more than …" in the edition's words, its pages stop where
// the count does, newest first down the date index lists the same articles, in the same order,
// as sorting every match by date, and the candidates are the latest matches even when the newest
// ids hold few of them (PostgreSQL then widens the id blocks it asks its index for).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { dialects } from '../support/databases.ts';
import { seedBulk } from '../../src/services/demoArchive.ts';
import { parseQuery } from '../../src/search/analyze.ts';
import { COUNT_CAP, countMatches, matchCandidates, nextWindows, searchArticleIds } from '../../src/store/search.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { SEARCH_PAGE_SIZE } from '../../src/services/search.ts';
import { WRITTEN_EDITIONS } from '../../src/editions/editions.ts';

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
      // Every match, sorted by date here: what the walk must give page by page.
      const every = await matchCandidates(db, q, scope(), 100_000);
      assert.ok(every.length > COUNT_CAP, 'more matches than are ranked: the walk is taken');
      const expected = [...every]
        .sort((a, b) => (b.published_at! < a.published_at! ? -1 : b.published_at! > a.published_at! ? 1 : b.id - a.id))
        .map((c) => c.id);
      for (const offset of [0, 40, COUNT_CAP - SEARCH_PAGE_SIZE]) {
        const walked = await searchArticleIds(db, q, scope(), 'newest', SEARCH_PAGE_SIZE, offset);
        assert.deepEqual(
          walked.map((h) => h.id),
          expected.slice(offset, offset + SEARCH_PAGE_SIZE),
          `offset ${offset}`,
        );
      }
    });

    test('the latest matches stay the latest when the newest ids hold few of them (PostgreSQL widens its id blocks)', async () => {
      const db = site.database.handle.db;
      // A gap of ids, then a few more articles: the newest blocks hold ~100 articles, the older
      // ones the rest. The candidates must be the latest COUNT_CAP + 1 matches by id all the same.
      const template = await db
        .selectFrom('articles')
        .selectAll()
        .where('edition', '=', 'en')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      // PostgreSQL then reads its newest 8 192 ids and the rest of their newest block of 4 096
      // (about 20 English articles: a density that asks for the block of 262 144 below next).
      const gapId = 70_000;
      assert.deepEqual(
        nextWindows(gapId + 101, COUNT_CAP, null).map((w) => w.lexeme),
        ['~a17', '~a16', '~a15'],
      );
      assert.deepEqual(
        nextWindows(65_536, COUNT_CAP, 20 / 4_500).map((w) => w.lexeme),
        ['~c0'],
      );
      const { id: _id, public_id: _p, ...rest } = template;
      const story = await db.insertInto('stories').values({ created_at: site.now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await db
        .insertInto('articles')
        .values({ ...rest, id: gapId, story_id: story.id, public_id: 'gapgap', status: 'draft', published_at: null })
        .execute();
      await seedBulk(site.database.handle, 100, { now: site.now });
      const q = parseQuery(WORD, 'en');
      const got = await matchCandidates(db, q, scope());
      assert.equal(got.length, COUNT_CAP + 1);
      assert.ok(got[0]!.id > gapId, 'the newest match is one of the articles after the gap');
      // The oracle: every match, straight from the stored analyzed text.
      const all = await db
        .selectFrom('search_documents as d')
        .innerJoin('articles as a', 'a.id', 'd.article_id')
        .select('a.id')
        .where('a.edition', '=', 'en')
        .where('a.status', '=', 'published')
        .where('a.published_at', '<=', site.now.toISOString())
        .where((eb) =>
          eb.or([
            eb('d.headline', 'like', '% the %'),
            eb('d.headline', 'like', 'the %'),
            eb('d.lead', 'like', '%the%'),
            eb('d.body', 'like', '%the%'),
            eb('d.extra', 'like', '%the%'),
          ]),
        )
        .orderBy('a.id', 'desc')
        .execute();
      const oracle = new Set(all.map((r) => r.id));
      for (const c of got) assert.ok(oracle.has(c.id), `candidate ${c.id} matches`);
      assert.deepEqual(
        got.map((c) => c.id),
        [...got.map((c) => c.id)].sort((a, b) => b - a),
        'newest id first',
      );
      // No match newer than the last candidate was left out.
      const lastId = got.at(-1)!.id;
      const missed = await matchCandidates(db, q, scope(), 100_000);
      assert.deepEqual(
        missed.filter((c) => c.id >= lastId).map((c) => c.id),
        got.map((c) => c.id),
      );
    });
    test('one edition finds its latest matches of a word most of whose matches are in other editions, and all editions find theirs', async () => {
      const db = site.database.handle.db;
      // Articles far above the others (ids past 200 000, after a placeholder): PostgreSQL reads the
      // newest blocks, sees most matches of "1" in other editions, and reads older blocks through
      // the edition's own lexeme; searching every edition, it reads the blocks alone.
      const template = await db
        .selectFrom('articles')
        .selectAll()
        .where('edition', '=', 'en')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const { id: _id, public_id: _p, ...rest } = template;
      const story = await db.insertInto('stories').values({ created_at: site.now.toISOString() }).returning('id').executeTakeFirstOrThrow();
      await db
        .insertInto('articles')
        .values({ ...rest, id: 200_000, story_id: story.id, public_id: 'gapgbp', status: 'draft', published_at: null })
        .execute();
      await seedBulk(site.database.handle, 300, { now: site.now });
      const typed = parseQuery('1', 'en');
      const q = { parts: typed.parts.map((p) => ({ ...p, prefix: false })) };
      for (const editions of [['en'], ['ru'], [...WRITTEN_EDITIONS]]) {
        // The oracle: every visible match in the editions, from the stored analyzed text.
        const all = await db
          .selectFrom('search_documents as d')
          .innerJoin('articles as a', 'a.id', 'd.article_id')
          .select('a.id')
          .where('a.edition', 'in', editions)
          .where('a.status', '=', 'published')
          .where('a.published_at', '<=', site.now.toISOString())
          .where((eb) =>
            eb.or(['headline', 'lead', 'body', 'extra'].map((c) => eb(sql<string>`' ' || ${sql.ref(`d.${c}`)} || ' '`, 'like', '% 1 %'))),
          )
          .orderBy('a.id', 'desc')
          .execute();
        const others = await db
          .selectFrom('search_documents as d')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('d.edition', 'not in', editions)
          .where((eb) =>
            eb.or(['headline', 'lead', 'body', 'extra'].map((c) => eb(sql<string>`' ' || ${sql.ref(`d.${c}`)} || ' '`, 'like', '% 1 %'))),
          )
          .executeTakeFirstOrThrow();
        if (editions.length === 1)
          assert.ok(Number(others.n) > all.length, `${editions}: most matches are in other editions (${others.n} against ${all.length})`);
        assert.ok(all.length > 40, `${editions}: ${all.length} matches`);
        for (const cap of [5, 30, COUNT_CAP]) {
          const got = await matchCandidates(db, q, { editions, visibleAt: site.now.toISOString() }, cap);
          assert.deepEqual(
            got.map((c) => c.id),
            all.slice(0, cap + 1).map((r) => r.id),
            `${editions}, cap ${cap}`,
          );
        }
      }
    });
  });
}
