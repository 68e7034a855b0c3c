// The reader search page `/{edition}/search?q=` on SQLite and PostgreSQL: localized in every
// edition, finds headlines and leads (in derived editions by a query in their own script),
// treats LIKE wildcards and markup in the query as plain text, pages, and rejects bad input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITION_CODES, EDITIONS, type EditionCode } from '../../src/editions/editions.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { deleteArticle } from '../../src/store/newsroom.ts';
import { setTagName } from '../../src/store/manage.ts';

const CYRILLIC = /[\u0400-\u04FF]/;

for (const dialect of dialects()) {
  describe(`search on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const strings = (code: EditionCode) => site.services.texts.get(code).strings;
    const search = async (code: EditionCode, q: string, page?: number, url?: string) => {
      const res = await get(url ?? `/${code}/search?q=${encodeURIComponent(q)}${page ? `&page=${page}` : ''}`);
      assert.equal(res.statusCode, 200, `${code} ${q}`);
      const d = dom(res.body);
      return {
        res,
        d,
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
          for (const t of [s.search, s.searchLabel, s.searchHint, s.searchResults, s.searchNoResults])
            assert.doesNotMatch(t, CYRILLIC, `${code}: ${t}`);
        }
      });
    }

    test('a word of a headline finds the article, in any case, with the word marked in the snippet', async () => {
      for (const code of ['kz', 'ru', 'en', 'cn', 'uz'] as const) {
        const { href, headline } = await firstArticle(code);
        const word = code === 'cn' ? [...headline].slice(0, 4).join('') : wordOf(headline);
        for (const q of [word, word.toLocaleLowerCase(), word.toLocaleUpperCase().slice(0, 1) + word.slice(1).toLocaleLowerCase()]) {
          const r = await search(code, q);
          assert.ok(r.hrefs.includes(href), `${code}: "${q}" finds ${href}`);
          assert.equal(r.d.querySelector('.search-results')?.textContent, fill(strings(code).searchResults, { query: q }));
          assert.equal(r.d.querySelector('#search-q')?.getAttribute('value'), q);
          assert.match(r.d.querySelector('.search-count')?.textContent ?? '', /\d/);
        }
      }
    });

    test('word forms, other scripts, phrases and prefixes find the same article', async () => {
      const headlineOf = (r: { d: Document }) => [...r.d.querySelectorAll('main article.card h3 a')].map((a) => a.textContent ?? '');
      // Kazakh: the base word finds inflected forms (Астанада, Астананың) and the other way round.
      const base = await search('kz', 'Астана');
      const locative = await search('kz', 'Астанада');
      const genitive = await search('kz', 'Астананың');
      assert.ok(base.hrefs.length > 0);
      assert.deepEqual(new Set(locative.hrefs), new Set(base.hrefs));
      assert.deepEqual(new Set(genitive.hrefs), new Set(base.hrefs));
      assert.ok(
        base.texts.some((t) => t.includes('Астанада')),
        'an inflected form is found by the base word',
      );
      // kz text found by Latin (2018, 2021, no diacritics) and Arabic queries, on kz, qz and tote.
      const kzLeopard = headlineOf(await search('kz', 'ілбіс'));
      assert.ok(kzLeopard.length > 0);
      for (const [code, q] of [
        ['kz', 'ilbis'],
        ['qz', 'ılbıs'],
        ['qz', 'ilbis'],
        ['tote', 'ءىلبىس'],
        ['kz', 'ءىلبىس'],
      ] as const) {
        const r = await search(code, q);
        assert.equal(r.hrefs.length, kzLeopard.length, `${code} "${q}"`);
        assert.ok(
          r.hrefs.every((h) => h.startsWith(`/${code}/`)),
          'results link to the edition searched',
        );
      }
      // Uzbek: Latin query, apostrophe variants, plural.
      for (const q of ['Investitsiya', 'Investitsiyalar', 'инвестиция']) assert.ok((await search('uz', q)).hrefs.length > 0, q);
      const o1 = await search('uz-latn', 'oʻrmon');
      for (const q of ["o'rmon", 'o’rmon', 'o`rmon', 'ўрмон']) assert.deepEqual((await search('uz-latn', q)).hrefs, o1.hrefs, q);
      assert.ok(o1.hrefs.length > 0);
      // A phrase needs its words together; separate words need only be in the article.
      const phrase = await search('en', '"light-rail line"');
      const words = await search('en', 'line light');
      assert.ok(phrase.hrefs.length > 0 && phrase.hrefs.length <= words.hrefs.length);
      assert.equal((await search('en', '"passengers light-rail"')).hrefs.length, 0);
      // AND by default: a second word narrows.
      assert.ok((await search('en', 'Astana housing')).hrefs.length < (await search('en', 'Astana')).hrefs.length);
      // Prefix on the last word while typing; not once a space follows it.
      const typing = await search('en', 'desalinat');
      assert.ok(typing.hrefs.length > 0);
      assert.equal(typing.d.querySelector('.search-corrected'), null, 'found as typed, not as a correction');
      assert.ok((await search('en', '"desalinat"')).d.querySelector('.search-corrected'), 'a quoted word is no prefix');
      // Chinese: a two-character word inside running text.
      assert.ok((await search('cn', '轻轨')).hrefs.length > 0);
    });

    test('results: highlighted snippets, newest first switch, section and date filters', async () => {
      const r = await search('en', 'Astana');
      assert.ok(r.d.querySelectorAll('main article.card .snippet mark').length > 0, 'snippets mark the matching words');
      const newest = r.d.querySelector('a.search-order[href*="order=newest"]')?.getAttribute('href');
      assert.ok(newest);
      const n = await search('en', 'Astana', undefined, newest!);
      const times = [...n.d.querySelectorAll('main article.card time')].map((t) => t.getAttribute('datetime') ?? '');
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
      assert.equal(n.hrefs.length, r.hrefs.length);
      assert.ok(r.d.querySelector('select[name="section"] option[value=""]'));
      const slug = r.d.querySelector('select[name="section"] option:not([value=""])')!.getAttribute('value')!;
      const inSection = await search('en', 'Astana', undefined, `/en/search?q=Astana&section=${slug}`);
      assert.ok(inSection.hrefs.length < r.hrefs.length);
      for (const t of inSection.d.querySelectorAll('main article.card .card-meta a')) assert.equal(t.getAttribute('href'), `/en/${slug}/`);
      const day = await search('en', 'Astana', undefined, '/en/search?q=Astana&period=day');
      assert.ok(day.hrefs.length < r.hrefs.length);
      assert.equal((await get('/en/search?q=Astana&period=decade')).statusCode, 400);
      assert.equal((await get('/en/search?q=Astana&order=oldest')).statusCode, 400);
      assert.equal((await get('/en/search?q=Astana&section=no-such-section')).statusCode, 404);
    });

    test('nothing found: a spelling correction, and the editions that have the word', async () => {
      const typo = await search('en', 'Baikonor rocket');
      assert.ok(typo.hrefs.length > 0, 'a typo finds the articles of the right spelling');
      assert.equal(
        typo.d.querySelector('.search-corrected')?.textContent,
        fill(strings('en').searchShowingFor, { query: 'baikonur rocket' }),
      );
      const other = await search('en', 'Қазақстан');
      assert.equal(other.hrefs.length, 0);
      assert.equal(other.d.querySelector('.search-elsewhere h2')?.textContent, strings('en').searchAllEditions);
      const links = [...other.d.querySelectorAll('.search-elsewhere a')].map((a) => a.getAttribute('href'));
      assert.ok(links.includes(`/kz/search?q=${encodeURIComponent('Қазақстан')}`), links.join());
    });

    test('the language menu and script switch keep the query, converted where only the script differs', async () => {
      const r = await search('kz', 'ілбіс');
      const menu = new Map([...r.d.querySelectorAll('nav.langs a')].map((a) => [a.getAttribute('hreflang'), a.getAttribute('href')]));
      assert.equal(menu.get('kk-Latn'), `/qz/search?q=${encodeURIComponent('ilbis')}`);
      assert.equal(menu.get('kk-Arab'), `/tote/search?q=${encodeURIComponent('ءىلبىس')}`);
      assert.equal(menu.get('en'), `/en/search?q=${encodeURIComponent('ілбіс')}`);
      const u = await search('uz-latn', 'zilzila');
      assert.equal(u.d.querySelector('a.script-switch')?.getAttribute('href'), `/uz/search?q=${encodeURIComponent('зилзила')}`);
    });

    test("the header of every page has the search box, with the edition's strings", async () => {
      for (const code of ['en', 'kz', 'tote', 'cn'] as const) {
        const d = dom((await get(`/${code}/`)).body);
        const form = d.querySelector('header .header-search form[role="search"]');
        assert.equal(form?.getAttribute('action'), `/${code}/search`);
        assert.equal(form?.querySelector('input[name="q"]')?.getAttribute('placeholder'), strings(code).search);
        assert.equal(d.querySelector('header .header-search summary')?.getAttribute('aria-label'), strings(code).searchOpen);
      }
    });

    test('hostile queries give results or a clear empty page, never an error', async () => {
      const hostile = [
        '%',
        '_',
        '\\',
        '"',
        '""',
        "'",
        'NEAR(',
        'NEAR(a b)',
        '*',
        'a*',
        'OR',
        'AND',
        'NOT',
        'a OR b',
        '^a',
        'headline:a',
        '{a b}:c',
        '(a',
        'a)',
        '-a',
        ':*',
        "'a':*",
        '!a',
        'a & b',
        'a | b',
        'a <-> b',
        '\u0000',
        'a\u0000b',
        '\u202E',
        '   ',
        '🙂',
        'ـــ',
        '<script>alert(1)</script>%_!',
        'a'.repeat(200),
        'ы '.repeat(100),
      ];
      for (const q of hostile) {
        const res = await get(`/en/search?q=${encodeURIComponent(q)}`);
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${JSON.stringify(q)}: ${res.statusCode}`);
        assert.ok(!res.body.includes('<script>alert(1)'), 'the query never becomes markup');
        for (const code of ['kz', 'cn', 'tote'] as const) {
          assert.equal((await get(`/${code}/search?q=${encodeURIComponent(q)}`)).statusCode, 200, `${code} ${JSON.stringify(q)}`);
        }
        const api = await get(`/api/v1/search?edition=en&q=${encodeURIComponent(q)}`);
        assert.ok(api.statusCode === 200 || api.statusCode === 400, `api ${JSON.stringify(q)}: ${api.statusCode}`);
      }
      // Bytes that are no text: a lone surrogate (CESU-8), NUL, invalid UTF-8.
      for (const raw of ['%ED%A0%80', 'x%ED%BF%BFy', '%00', 'a%00b', '%FF%FE', '%C0%AF']) {
        assert.equal((await get(`/kz/search?q=${raw}`)).statusCode, 200, raw);
        // The API refuses control characters in any parameter with 400 VALIDATION naming it
        // (web/plugins/controlCharacters.ts); everything else is searched as text.
        const api = await get(`/api/v1/search?edition=kz&q=${raw}`);
        if (raw.includes('%00')) assert.deepEqual([api.statusCode, api.json().error.code], [400, 'VALIDATION'], raw);
        else assert.equal(api.statusCode, 200, raw);
      }
      // 10 KB: too long for the form, a clear 400 page, not an engine error.
      const long = await get(`/en/search?q=${encodeURIComponent('Astana '.repeat(1500))}`);
      assert.equal(long.statusCode, 400);
      assert.match(long.headers['content-type'] as string, /text\/html/);
      const apiLong = await get(`/api/v1/search?edition=en&q=${encodeURIComponent('x'.repeat(10_000))}`);
      assert.equal(apiLong.statusCode, 400);
      assert.ok((JSON.parse(apiLong.body) as { error: { code: string } }).error.code);
      const h = await search('en', '<script>alert(1)</script>%_!');
      assert.equal(h.d.querySelector('#search-q')?.getAttribute('value'), '<script>alert(1)</script>%_!');
    });

    test('GET /api/v1/search: summaries best first, totals, next page, correction, bad input 400', async () => {
      const r = await get('/api/v1/search?edition=qz&q=ilbis');
      assert.equal(r.statusCode, 200);
      const body = JSON.parse(r.body) as {
        items: { url: string; headline: string; edition: string }[];
        total: number;
        more: boolean;
        next: string | null;
        corrected: string | null;
      };
      assert.ok(body.total > 0 && body.items.length > 0);
      assert.ok(body.items.every((i) => i.edition === 'qz' && !CYRILLIC.test(i.headline)));
      const all = JSON.parse((await get('/api/v1/search?edition=en&q=Astana&limit=2')).body) as typeof body;
      assert.equal(all.items.length, 2);
      assert.ok(all.total > 2);
      assert.equal(all.more, false, 'an exact count');
      assert.match(all.next!, /\/api\/v1\/search\?.*page=2/);
      const typo = JSON.parse((await get(`/api/v1/search?edition=en&q=${encodeURIComponent('Baikonor rocket')}`)).body) as typeof body;
      assert.equal(typo.corrected, 'baikonur rocket');
      assert.ok(typo.items.length > 0);
      for (const bad of [
        'edition=en',
        'edition=fr&q=a',
        'edition=en&q=a&order=x',
        'edition=en&q=a&page=0',
        'edition=en&q=a&section=nope',
      ]) {
        const b = await get(`/api/v1/search?${bad}`);
        assert.equal(b.statusCode, 400, bad);
        assert.ok((JSON.parse(b.body) as { error: { code: string; message: string } }).error.message);
      }
      const doc = JSON.parse((await get('/api/v1/openapi.json')).body) as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/api/v1/search'] ?? doc.paths['/search']);
    });

    test('the index follows publishing, unpublishing, corrections, scheduling and deletes', async () => {
      const db = site.services.handle.db;
      const publishing = site.services.publishing;
      const { href } = await firstArticle('en');
      const publicId = href.split('-').at(-1)!;
      const row = await db.selectFrom('articles').select(['id', 'headline']).where('public_id', '=', publicId).executeTakeFirstOrThrow();
      const word = wordOf(row.headline);
      assert.ok((await search('en', word)).hrefs.includes(href));
      await publishing.unpublish(row.id);
      assert.ok(!(await search('en', word)).hrefs.some((h) => h.endsWith(publicId)), 'unpublished: gone');
      assert.ok(!(await search('qz', 'a')).hrefs.some((h) => h.endsWith(publicId)));
      await publishing.publish(row.id);
      assert.ok(
        (await search('en', word)).hrefs.some((h) => h.endsWith(publicId)),
        'republished: back',
      );
      await publishing.update(row.id, {
        body: {
          version: 1,
          blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'A correction mentions the quokkafish twice: quokkafishes.' }] }],
        },
      });
      const corrected = await search('en', 'quokkafish');
      assert.deepEqual(
        corrected.hrefs.map((h) => h.endsWith(publicId)),
        [true],
        'a correction is searchable at once',
      );
      assert.ok(corrected.d.querySelector('.snippet mark')?.textContent?.startsWith('quokkafish'));
      // Scheduled for later (an embargo): not shown to readers until it is published.
      await publishing.unpublish(row.id);
      await publishing.apply(row.id, null, null, () => ({ change: { status: 'scheduled', scheduled_at: '2026-11-21T09:30:00.000Z' } }));
      assert.equal((await search('en', 'quokkafish')).hrefs.length, 0, 'scheduled: not found');
      const inNewsroom = await db.selectFrom('search_documents').select('article_id').where('article_id', '=', row.id).execute();
      assert.equal(inNewsroom.length, 1, 'still indexed for the newsroom');
      await db.transaction().execute((trx) => deleteArticle(trx, row.id));
      assert.equal(
        (await db.selectFrom('search_documents').select('article_id').where('article_id', '=', row.id).execute()).length,
        0,
        'deleted: gone from the index',
      );
      assert.equal((await get(`/api/v1/search?edition=en&q=quokkafish`)).statusCode, 200);
    });
    test('tag names are searched with their articles, and a renamed tag at once', async () => {
      const db = site.services.handle.db;
      const link = await db
        .selectFrom('article_tags')
        .innerJoin('articles', 'articles.id', 'article_tags.article_id')
        .select(['article_tags.tag_id as tagId', 'articles.public_id as publicId'])
        .where('articles.edition', '=', 'en')
        .where('articles.status', '=', 'published')
        .orderBy('articles.id')
        .executeTakeFirstOrThrow();
      assert.equal((await search('en', 'zorblatt')).hrefs.length, 0);
      await db.transaction().execute((trx) => setTagName(trx, link.tagId, 'en', 'Zorblatt affairs', 'zorblatt-affairs'));
      assert.ok((await search('en', 'zorblatt')).hrefs.some((h) => h.endsWith(link.publicId)));
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
      assert.deepEqual(
        p1.hrefs.filter((h) => p2.hrefs.includes(h)),
        [],
      );
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
      assert.deepEqual(
        keys.filter((k) => k.includes('/search')),
        [],
      );
    });
  });
}
