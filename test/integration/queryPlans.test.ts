// Query shapes on a seeded, analyzed database, on SQLite and PostgreSQL: every query that reading
// the real pages, feeds, sitemaps and API sends (captured from Kysely while they are requested, so
// the list follows the code) is explained, and no plan may scan the whole `articles` table or find a
// story's articles through a status index (the language-menu query took 2.9 s at a million
// articles that way). The planner decides from statistics (ANALYZE after seeding), never from
// switches such as enable_seqscan.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { analyzeAll } from '../../src/db/statistics.ts';
import { connect, connectOptions, type DbHandle } from '../../src/db/connect.ts';
import { seedDemo } from '../../src/services/demoSeed.ts';
import { seedBulk } from '../../src/services/demoArchive.ts';
import { paths } from '../../src/services/urls.ts';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { FIXED_NOW, SHARED_DATA_DIR } from '../support/site.ts';

/** Generated articles on top of the demo: enough that a full scan costs the planner more than an index. */
const GENERATED = 4000;

interface Captured {
  readonly sql: string;
  readonly parameters: readonly unknown[];
  readonly during: string;
}

/** The plan of a query as lines of text. */
async function explain(t: TestDatabase, q: Captured): Promise<string[]> {
  if (t.dialect === 'sqlite') {
    const r = await t.handle.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]));
    return r.rows.map((x) => x.detail);
  }
  const r = await t.handle.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]));
  return r.rows.map((x) => x['QUERY PLAN']);
}

/**
 * PostgreSQL, tag and author lists only: a hash join of `articles` read whole against the tag's or
 * author's links found by their index. With the test's few thousand articles that costs less than
 * walking the (edition, status, published_at, id) index and probing the links of each row until the
 * page is full; the scan grows with the table and the walk does not, so with more articles the
 * planner turns to the walk. Tolerated here, and to be confirmed on the 1 M benchmark database.
 */
function smallTableSemiJoin(sqlText: string, plan: string): boolean {
  return (
    /exists \(select "article_(tags|authors)"/.test(sqlText) &&
    /Hash Join/.test(plan) &&
    /Index Scan on article_(tags|authors)_(tag|author)\b|Index Cond: \((tag|author)_id = /.test(plan)
  );
}

/** What is wrong with a plan of a query on `articles`, or null. */
export function planProblem(dialect: 'sqlite' | 'postgres', sqlText: string, plan: readonly string[]): string | null {
  const text = plan.join('\n');
  if (dialect === 'sqlite') {
    if (/^SCAN articles\b/m.test(text)) return 'scans articles';
  } else if (/Seq Scan on articles\b/.test(text) && !smallTableSemiJoin(sqlText, text)) {
    return 'scans articles';
  }
  if (/"story_id" (=|in)/.test(sqlText)) {
    const byStory =
      dialect === 'sqlite' ? /SEARCH articles USING (COVERING )?INDEX sqlite_autoindex_articles_\d+ \(story_id=/ : /articles_story_edition/;
    if (!byStory.test(text)) return "finds a story's articles without the (story_id, edition) index";
  }
  return null;
}

for (const dialect of dialects()) {
  describe(`query plans on ${dialect}`, () => {
    let t: TestDatabase;
    let app: App;
    let during = '';
    let config: ReturnType<typeof loadConfig>;
    const captured: Captured[] = [];

    before(async () => {
      t = await freshDatabase(dialect);
      await seedDemo(t.handle, { dataDir: SHARED_DATA_DIR, now: FIXED_NOW });
      await seedBulk(t.handle, GENERATED, { now: FIXED_NOW });
      await analyzeAll(t.handle.db);
      const base = t.handle.db;
      const capture: KyselyPlugin = {
        transformQuery(args) {
          const compiled = base.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId);
          if (args.node.kind === 'SelectQueryNode' || args.node.kind === 'RawNode')
            captured.push({ sql: compiled.sql, parameters: compiled.parameters, during });
          return args.node;
        },
        async transformResult(args) {
          return args.result;
        },
      };
      const handle: DbHandle = { ...t.handle, db: base.withPlugin(capture), close: async () => undefined };
      config = loadConfig({
        DATA_DIR: SHARED_DATA_DIR,
        DATABASE_URL: t.url,
        BASE_URL: 'https://habarshy.test',
        LOG_LEVEL: 'silent',
        API_RATE_ANONYMOUS: '100000',
      });
      app = await buildApp(config, { handle, clock: () => FIXED_NOW, logger: false });
      await app.app.ready();
    });
    after(async () => {
      await app?.app.close();
      await t?.drop();
    });

    test('every query of the reader pages, feeds, sitemaps and API uses an index of articles', async () => {
      const db = t.handle.db;
      const get = async (url: string) => {
        during = url;
        const r = await app.app.inject({ method: 'GET', url });
        assert.ok([200, 301, 302, 308].includes(r.statusCode), `${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
        return r;
      };
      const demo = await db
        .selectFrom('articles')
        .select(['edition', 'slug', 'public_id', 'story_id'])
        .where('status', '=', 'published')
        .where('edition', '=', 'kz')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      const generated = await db
        .selectFrom('articles')
        .select(['edition', 'slug', 'public_id'])
        .where('status', '=', 'published')
        .where('edition', '=', 'en')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow();
      const section = await db
        .selectFrom('section_names')
        .select('slug')
        .where('edition', '=', 'en')
        .orderBy('section_id')
        .executeTakeFirstOrThrow();
      const tag = await db.selectFrom('tag_names').select('slug').where('edition', '=', 'en').orderBy('tag_id').executeTakeFirstOrThrow();
      const author = await db.selectFrom('authors').select('slug').orderBy('id').executeTakeFirstOrThrow();
      const month = FIXED_NOW.toISOString().slice(0, 7);

      for (const code of ['en', 'qz'] as const) {
        for (const url of [
          `/${code}/`,
          `/${code}/latest`,
          `/${code}/popular`,
          `/${code}/rss.xml`,
          `/${code}/feed.json`,
          `/${code}/2026/11/19`,
        ])
          await get(url);
      }
      await get(paths.article('kz', demo.slug, demo.public_id));
      await get(paths.article('tote', demo.slug, demo.public_id));
      await get(paths.article('en', generated.slug, generated.public_id));
      for (const url of [
        `/en/${section.slug}/`,
        `/en/tag/${tag.slug}`,
        `/en/author/${author.slug}`,
        `/en/${section.slug}/rss.xml`,
        `/en/tag/${tag.slug}/rss.xml`,
        `/en/author/${author.slug}/rss.xml`,
      ])
        await get(url);
      const first = JSON.parse((await get('/api/v1/articles?edition=en&limit=20')).body) as { next: string | null };
      assert.ok(first.next, 'the API list has a next page');
      const next = new URL(first.next);
      const cursorPage = next.pathname + next.search;
      await get(cursorPage);
      await get(`/api/v1/articles/kz/${demo.public_id}`);
      await get(`/api/v1/stories/${demo.story_id}`);
      await get('/api/v1/ninjs/en');
      const index = (await get('/sitemap.xml')).body;
      const parts = [...index.matchAll(/\/sitemaps\/(articles-[^<]+\.xml)/g)].map((m) => m[1]!);
      assert.ok(parts.length > 10, `${parts.length} article sitemaps`);
      for (const part of [...parts.filter((p) => p.includes(month)).slice(0, 2), parts[parts.length - 1]!]) await get(`/sitemaps/${part}`);
      for (const name of ['news-en.xml', 'news-qz.xml', 'tags.xml', 'authors.xml']) await get(`/sitemaps/${name}`);
      during = 'most popular refresh';
      await app.services.popular.refresh();

      const onArticles = new Map<string, Captured>();
      for (const q of captured) if (/"articles"/.test(q.sql) && !onArticles.has(q.sql)) onArticles.set(q.sql, q);
      assert.ok(onArticles.size >= 15, `${onArticles.size} distinct queries on articles captured`);
      const problems: string[] = [];
      for (const q of onArticles.values()) {
        const plan = await explain(t, q);
        const problem = planProblem(dialect, q.sql, plan);
        if (problem) problems.push(`${problem} (${q.during}):\n  ${q.sql}\n  ${plan.join('\n  ')}`);
      }
      assert.deepEqual(problems, []);

      // The API cursor is a row comparison the index bounds (written with OR, PostgreSQL filtered
      // every newer row: 620 ms in the middle of a million articles).
      const cursor = captured.find((q) => q.during === cursorPage && /\("articles"\."published_at", "articles"\."id"\) </.test(q.sql));
      assert.ok(cursor, 'the cursor page compares (published_at, id)');
      const plan = (await explain(t, cursor)).join('\n');
      if (dialect === 'postgres') assert.match(plan, /Index Cond: .*ROW\(published_at, id\) < ROW\(/, plan);
      else
        assert.match(
          plan,
          /SEARCH articles USING (COVERING )?INDEX articles_edition_published \(edition=\? AND status=\? AND published_at<\?\)/,
          plan,
        );
    });

    test('search reads its matches from the search indexes and checks them without reading articles whole', async () => {
      for (const q of ['government', 'governm', 'leopard', '"the government"']) {
        during = `search ${q}`;
        const r = await app.app.inject({ method: 'GET', url: `/en/search?q=${encodeURIComponent(q)}` });
        assert.equal(r.statusCode, 200);
      }
      const searches = captured.filter((q) => q.during.startsWith('search '));
      const problems: string[] = [];
      let matched = 0;
      for (const q of searches) {
        const plan = (await explain(t, q)).join('\n');
        if (dialect === 'sqlite' && /search_fts match/i.test(q.sql) && / a on a\.id = search_fts\.rowid/.test(q.sql)) {
          matched++;
          // The visibility of each match from the covering index, not from the row after its body.
          if (!/SEARCH a USING COVERING INDEX articles_visible/.test(plan)) problems.push(`${q.during}: ${q.sql}\n${plan}`);
        }
        if (dialect === 'postgres' && /@@/.test(q.sql) && /array_to_tsvector/.test(q.sql)) {
          matched++;
          // The words and the id block from the GIN index; no scan of the documents.
          if (!/Bitmap Index Scan on search_documents_recent/.test(plan) || /Seq Scan/.test(plan))
            problems.push(`${q.during}: ${q.sql}\n${plan}`);
        }
        const problem = planProblem(dialect, q.sql, plan.split('\n'));
        if (problem) problems.push(`${problem} (${q.during}): ${q.sql}\n${plan}`);
      }
      assert.ok(matched >= 4, `${matched} match queries captured`);
      assert.deepEqual(problems, []);
    });

    if (dialect === 'postgres')
      test("the server's statements never wait for parallel workers, whatever the planner's costs", async () => {
        // A million articles made the planner start workers for a prefix search over a few id
        // blocks: 4.6 ms, of which 0.1 ms was the search. Here parallelism is made free in the
        // session, so the planner would choose it for the same statement on any connection that
        // allows it (checked on the test's own connection, opened as the CLI opens one).
        const search = captured.find(
          (q) =>
            q.during === 'search governm' &&
            /array_to_tsvector/.test(q.sql) &&
            /union all/.test(q.sql) &&
            String(q.parameters[0]).endsWith(':*'),
        );
        assert.ok(search, 'a search read of several id blocks was captured');
        const free = [
          'parallel_setup_cost = 0',
          'parallel_tuple_cost = 0',
          'min_parallel_table_scan_size = 0',
          'min_parallel_index_scan_size = 0',
        ];
        const planOn = (h: DbHandle) =>
          h.db.transaction().execute(async (trx) => {
            for (const s of free) await sql.raw(`set local ${s}`).execute(trx);
            const r = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${search.sql}`, [...search.parameters]));
            return r.rows.map((x) => x['QUERY PLAN']).join('\n');
          });
        assert.match(await planOn(t.handle), /Gather|Parallel/, 'with free parallelism the planner starts workers');
        const server = connect(t.url, connectOptions(config));
        try {
          const plan = await planOn(server);
          assert.doesNotMatch(plan, /Gather|Parallel/, plan);
        } finally {
          await server.close();
        }
      });

    test('the checker refuses a full scan and a story lookup through the status index', () => {
      const story = 'select "edition" from "articles" where "story_id" = ? and "status" = ? and "published_at" <= ?';
      if (dialect === 'sqlite') {
        assert.equal(planProblem('sqlite', 'select * from "articles"', ['SCAN articles']), 'scans articles');
        assert.match(planProblem('sqlite', story, ['SEARCH articles USING INDEX articles_status_scheduled (status=?)']) ?? '', /story/);
        assert.equal(planProblem('sqlite', story, ['SEARCH articles USING INDEX sqlite_autoindex_articles_2 (story_id=?)']), null);
      } else {
        assert.equal(
          planProblem('postgres', 'select * from "articles"', ['Seq Scan on articles  (cost=0.00..1.00 rows=1 width=4)']),
          'scans articles',
        );
        assert.match(planProblem('postgres', story, ['Index Scan using articles_status_published on articles']) ?? '', /story/);
        assert.equal(planProblem('postgres', story, ['Index Scan using articles_story_edition on articles']), null);
      }
    });
  });
}
