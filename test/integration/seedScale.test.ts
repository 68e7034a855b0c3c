// `habarshy seed --articles N` (seedBulk), on SQLite and PostgreSQL: the generated archive is a
// correct database the site and the newsroom use like any other — stories told in several
// editions, the search index in step with the text, statistics gathered, the indexes that were
// dropped for the load built again, and each article's compact revision opening, comparing and
// restoring in the newsroom with its full text, tags and authors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { bootSite, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { seedBulk } from '../../src/services/demoArchive.ts';
import { documentOf } from '../../src/search/indexer.ts';
import { EDITION_LANGUAGE, parseQuery } from '../../src/search/analyze.ts';
import { countMatches } from '../../src/store/search.ts';
import { paths } from '../../src/services/urls.ts';
import type { EditionCode } from '../../src/editions/editions.ts';

const COUNT = 1500;

async function indexNames(site: TestSite): Promise<string[]> {
  const db = site.database.handle.db;
  const r =
    site.database.dialect === 'postgres'
      ? await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(db);
  return r.rows.map((x) => x.name).sort();
}

for (const dialect of dialects()) {
  describe(`seeding generated articles on ${dialect}`, () => {
    let site: TestSite;
    let editor: Client;
    let indexesBefore: string[];
    let firstId: number;
    before(async () => {
      site = await bootSite(dialect);
      editor = await signedIn(site, 'editor', ['kz', 'ru', 'en', 'cn', 'uz']);
      indexesBefore = await indexNames(site);
      firstId =
        Number(
          (
            await site.database.handle.db
              .selectFrom('articles')
              .select((eb) => eb.fn.max('id').as('m'))
              .executeTakeFirstOrThrow()
          ).m,
        ) + 1;
      assert.equal(await seedBulk(site.database.handle, COUNT, { now: site.now }), COUNT);
    });
    after(() => site.close());

    const db = () => site.database.handle.db;
    const generated = () => db().selectFrom('articles').selectAll().where('id', '>=', firstId);

    test('adds the articles as stories told in one to five editions, each edition once', async () => {
      const rows = await generated().execute();
      assert.equal(rows.length, COUNT);
      const perStory = new Map<number, string[]>();
      for (const r of rows) perStory.set(r.story_id, [...(perStory.get(r.story_id) ?? []), r.edition]);
      const sizes = new Set([...perStory.values()].map((e) => e.length));
      for (const n of [1, 2, 3, 4, 5]) assert.ok(sizes.has(n), `some story is told in ${n} editions`);
      for (const eds of perStory.values()) assert.equal(new Set(eds).size, eds.length);
      const years = new Set(rows.map((r) => r.published_at!.slice(0, 4)));
      assert.ok(years.size >= 4, `published over years (${[...years].join(', ')})`);
    });

    test('sections and tags are skewed: the busiest section carries several times the quietest', async () => {
      const bySection = await db()
        .selectFrom('articles')
        .select(['section_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('id', '>=', firstId)
        .groupBy('section_id')
        .execute();
      const counts = bySection.map((r) => Number(r.n)).sort((a, b) => b - a);
      assert.ok(counts[0]! >= 3 * counts.at(-1)!, `section counts ${counts.join(', ')}`);
    });

    test('the search documents are what the indexer makes of each article, and search finds the articles', async () => {
      const sample = await generated().orderBy('id').limit(40).execute();
      for (const a of sample) {
        const names = [
          ...(
            await db()
              .selectFrom('article_tags')
              .innerJoin('tag_names', 'tag_names.tag_id', 'article_tags.tag_id')
              .select('tag_names.name')
              .where('article_tags.article_id', '=', a.id)
              .where('tag_names.edition', '=', a.edition)
              .orderBy('article_tags.position')
              .execute()
          ).map((r) => r.name),
          ...(
            await db()
              .selectFrom('article_authors')
              .innerJoin('author_names', 'author_names.author_id', 'article_authors.author_id')
              .select('author_names.name')
              .where('article_authors.article_id', '=', a.id)
              .where('author_names.edition', '=', a.edition)
              .orderBy('article_authors.position')
              .execute()
          ).map((r) => r.name),
        ];
        const expected = documentOf(a, names);
        const stored = await db()
          .selectFrom('search_documents')
          .select(['article_id', 'edition', 'headline', 'lead', 'body', 'extra'])
          .where('article_id', '=', a.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(stored, expected, `search document of article ${a.id}`);
      }
      // Every article whose headline is this one is found by it (demo and generated alike).
      const a = sample.find((x) => x.edition === 'en') ?? sample[0]!;
      const lang = EDITION_LANGUAGE[a.edition] ?? 'en';
      const same = (
        await db()
          .selectFrom('articles')
          .select('id')
          .where('edition', '=', a.edition)
          .where('headline', '=', a.headline)
          .where('status', '=', 'published')
          .execute()
      ).length;
      const found = await countMatches(db(), parseQuery(`"${a.headline}"`, lang), {
        editions: [a.edition],
        visibleAt: site.now.toISOString(),
      });
      assert.ok(found >= same && same > 1, `"${a.headline}": ${found} found, ${same} articles carry it`);
      if (dialect === 'sqlite') {
        await sql`insert into search_fts(search_fts, rank) values ('integrity-check', 1)`.execute(db());
      }
    });

    test('a generated article opens on the reader site', async () => {
      const a = await generated().where('edition', '=', 'en').orderBy('published_at', 'desc').executeTakeFirstOrThrow();
      const res = await site.app.inject(paths.article(a.edition as EditionCode, a.slug, a.public_id));
      assert.equal(res.statusCode, 200);
      assert.ok(
        res.body.includes(
          JSON.parse(a.body)
            .blocks[0].content[0].text.slice(0, 40)
            .replace(/&/g, '&amp;')
            .replace(/"/g, '&quot;')
            .replace(/'/g, '&#39;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;'),
        ) || res.body.includes(a.lead.slice(0, 20)),
      );
    });

    test('the indexes dropped for the load are back and statistics are gathered', async () => {
      assert.deepEqual(await indexNames(site), indexesBefore);
      if (dialect === 'sqlite') {
        const stats = await sql<{ tbl: string }>`select tbl from sqlite_stat1 where tbl = 'articles'`.execute(db());
        assert.ok(stats.rows.length > 0, 'sqlite_stat1 has the articles');
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db());
        assert.equal(mode.rows[0]!.journal_mode, 'wal');
      } else {
        const stats = await sql<{
          n: number;
        }>`select count(*)::int as n from pg_stats where schemaname = current_schema() and tablename = 'articles'`.execute(db());
        assert.ok(stats.rows[0]!.n > 0, 'pg_stats has the articles');
      }
    });

    test("the newsroom opens a generated article's revision with its text, tags and authors, compares and restores it", async () => {
      const a = await generated().where('edition', '=', 'ru').orderBy('id').executeTakeFirstOrThrow();
      const tags = (
        await db().selectFrom('article_tags').select('tag_id').where('article_id', '=', a.id).orderBy('position').execute()
      ).map((r) => r.tag_id);
      const authors = (
        await db().selectFrom('article_authors').select('author_id').where('article_id', '=', a.id).orderBy('position').execute()
      ).map((r) => r.author_id);
      const list = await editor.get(`/api/newsroom/articles/${a.id}/revisions`);
      assert.equal(list.statusCode, 200, list.body);
      assert.deepEqual(
        list.json().items.map((r: { revision: number }) => r.revision),
        [1],
      );
      const rev = await editor.get(`/api/newsroom/articles/${a.id}/revisions/1`);
      assert.equal(rev.statusCode, 200, rev.body);
      const r = rev.json();
      assert.equal(r.headline, a.headline);
      assert.equal(r.lead, a.lead);
      assert.deepEqual(r.body, JSON.parse(a.body));
      assert.equal(r.sourceLine, a.source_line);
      assert.deepEqual(r.tagIds, tags);
      assert.deepEqual(r.authorIds, authors);

      const edited = await editor.put(`/api/newsroom/articles/${a.id}`, { revision: 1, headline: 'Исправленный заголовок' });
      assert.equal(edited.statusCode, 200, edited.body);
      const diff = await editor.get(`/api/newsroom/articles/${a.id}/diff?from=1&to=2`);
      assert.equal(diff.statusCode, 200, diff.body);
      const headline = diff.json().fields.find((f: { field: string }) => f.field === 'headline');
      assert.ok(headline.parts.some((p: { op: string; text: string }) => p.op === 'ins' && p.text.includes('Исправленный')));
      const bodyField = diff.json().fields.find((f: { field: string }) => f.field === 'body');
      assert.ok(!bodyField || bodyField.parts.every((p: { op: string }) => p.op === 'eq'), 'the body did not change');
      const restored = await editor.post(`/api/newsroom/articles/${a.id}/revisions/1/restore`, { revision: 2 });
      assert.equal(restored.statusCode, 200, restored.body);
      assert.equal(restored.json().headline, a.headline);
    });

    test('articles created after the seed get new ids', async () => {
      const sectionId = (await db().selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      const created = await editor.post('/api/newsroom/articles', {
        edition: 'en',
        sectionId,
        headline: 'After the seed',
        lead: 'Lead',
        body: { version: 1, blocks: [] },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.ok(created.json().id >= firstId + COUNT);
    });
  });
}
