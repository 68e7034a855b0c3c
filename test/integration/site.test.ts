// The reader site through Fastify inject, on SQLite and PostgreSQL: every page type in every
// edition, headers, caching, redirects and bad input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { EDITIONS, EDITION_CODES, MENU_ORDER, type EditionCode } from '../../src/editions/editions.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, visibleText, type TestSite } from '../support/site.ts';
import { removeLexicon, upsertLexicon } from '../../src/store/lexicon.ts';
import { removeOverride, setOverride } from '../../src/store/overrides.ts';
import { READER_HEADERS } from '../support/readerAgent.ts';

const CYRILLIC = /[\u0400-\u04FF]/;

for (const dialect of dialects()) {
  describe(`reader site on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    /** The first article link on an edition's home page. */
    const firstArticle = async (code: EditionCode) => {
      const d = dom((await get(`/${code}/`)).body);
      const href = d.querySelector('main a[href*="/news/"]')?.getAttribute('href');
      assert.ok(href, `no article on /${code}/`);
      return href;
    };

    before(async () => {
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    test('/ sends the reader to an edition: cookie, then Accept-Language, then the default', async () => {
      assert.equal((await get('/')).headers.location, '/kz/');
      assert.equal((await get('/', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' })).headers.location, '/ru/');
      assert.equal((await get('/', { 'accept-language': 'zh-CN' })).headers.location, '/cn/');
      assert.equal((await get('/', { 'accept-language': 'uz-Latn' })).headers.location, '/uz-latn/');
      assert.equal((await get('/', { 'accept-language': 'en', cookie: 'edition=tote' })).headers.location, '/tote/');
      assert.equal((await get('/', { 'accept-language': ';;;q=x,,', cookie: 'edition=../../' })).headers.location, '/kz/');
    });

    for (const code of EDITION_CODES) {
      const e = EDITIONS[code];
      test(`${code}: home, section, article, tag, author, latest, popular and day pages render in ${e.lang}`, async () => {
        const home = await get(`/${code}/`);
        assert.equal(home.statusCode, 200);
        assert.match(home.headers['content-type'] as string, /text\/html/);
        const d = dom(home.body);
        assert.equal(d.documentElement.getAttribute('lang'), e.lang);
        assert.equal(d.documentElement.getAttribute('dir'), e.dir);
        const menu = [...d.querySelectorAll('nav.langs a')];
        // Uzbek Latin pages show their own script's item where the Cyrillic one stands.
        const items = MENU_ORDER.map((c) => EDITIONS[code === 'uz-latn' && c === 'uz' ? code : c]);
        assert.deepEqual(
          menu.map((a) => a.textContent),
          items.map((i) => i.label),
        );
        assert.deepEqual(
          menu.map((a) => a.getAttribute('lang')),
          items.map((i) => i.lang),
        );
        assert.ok(d.querySelector('a.skip[href="#main"]'));
        assert.ok(d.querySelector('main#main'));
        assert.equal(d.querySelector('link[rel="canonical"]')?.getAttribute('href'), `https://habarshy.test/${code}/`);
        assert.ok(d.querySelectorAll('section.section-block').length >= 7, 'a block per section');
        assert.ok(d.querySelector('aside.popular li'), 'most popular');

        const sectionHref = d.querySelector('nav.sections a')!.getAttribute('href')!;
        const section = await get(sectionHref);
        assert.equal(section.statusCode, 200, sectionHref);
        const sd = dom(section.body);
        assert.ok(sd.querySelectorAll('main article.card').length >= 8, `${sectionHref} lists at least 8 articles`);

        const articleHref = await firstArticle(code);
        const article = await get(articleHref);
        assert.equal(article.statusCode, 200, articleHref);
        const ad = dom(article.body);
        assert.ok(ad.querySelector('article.article h1')?.textContent);
        assert.ok(ad.querySelector('.article-time time[datetime]'));
        assert.ok(ad.querySelector('.article-lead')?.textContent);
        assert.ok(ad.querySelectorAll('.article-body p').length >= 4);
        assert.ok(ad.querySelector('figure.figure img[srcset][width][height][alt]'));
        assert.ok(ad.querySelector('figcaption .credit')?.textContent);
        assert.ok(ad.querySelector('.source-line')?.textContent);
        assert.ok(ad.querySelector('.author-card a[href*="/author/"]'));
        assert.equal(ad.querySelector('meta[property="og:type"]')?.getAttribute('content'), 'article');
        assert.ok(ad.querySelector('meta[name="twitter:card"]'));
        const hreflangs = [...ad.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.getAttribute('hreflang'));
        assert.ok(hreflangs.includes(e.lang) && hreflangs.includes('x-default'), hreflangs.join());

        const tagHref = ad.querySelector('nav.tags a')!.getAttribute('href')!;
        assert.equal((await get(tagHref)).statusCode, 200, tagHref);
        const authorHref = ad.querySelector('.author-card a')!.getAttribute('href')!;
        const author = await get(authorHref);
        assert.equal(author.statusCode, 200, authorHref);
        assert.ok(dom(author.body).querySelector('main article.card'));

        assert.equal((await get(`/${code}/latest`)).statusCode, 200);
        assert.equal((await get(`/${code}/popular`)).statusCode, 200);
        const day = ad.querySelector('.article-time time')!.getAttribute('datetime')!;
        const local = new Date(Date.parse(day) + 5 * 3_600_000).toISOString().slice(0, 10).split('-');
        const archive = await get(`/${code}/${local[0]}/${local[1]}/${local[2]}`);
        assert.equal(archive.statusCode, 200);
        assert.ok(dom(archive.body).querySelector(`main a[href="${articleHref}"]`), 'the day archive lists the article');
      });
    }

    test('the article language menu links to the same story in the other editions', async () => {
      const enHref = await firstArticle('en');
      const d = dom((await get(enHref)).body);
      const links = Object.fromEntries([...d.querySelectorAll('nav.langs a')].map((a) => [a.getAttribute('lang'), a.getAttribute('href')]));
      for (const lang of ['kk-Cyrl', 'kk-Latn', 'ru', 'zh-Hans', 'uz-Cyrl', 'kk-Arab']) {
        assert.match(links[lang]!, /\/news\/[a-z0-9-]*[0-9a-f]{6}$/, lang);
        assert.equal((await get(links[lang]!)).statusCode, 200, links[lang]);
      }
      const ru = dom((await get(links['ru']!)).body);
      const alternates = [...ru.querySelectorAll('link[rel="alternate"][hreflang]')].map((l) => l.getAttribute('hreflang')).sort();
      assert.deepEqual(alternates, ['en', 'kk-Arab', 'kk-Cyrl', 'kk-Latn', 'ru', 'uz-Cyrl', 'uz-Latn', 'x-default', 'zh-Hans']);
    });

    test('uz pages offer the Latin script switch, and uz-latn switches back', async () => {
      const href = await firstArticle('uz');
      const d = dom((await get(href)).body);
      const sw = d.querySelector('a.script-switch')!;
      assert.equal(sw.getAttribute('href'), href.replace('/uz/', '/uz-latn/'));
      const latin = dom((await get(sw.getAttribute('href')!)).body);
      assert.equal(latin.documentElement.getAttribute('lang'), 'uz-Latn');
      assert.equal(latin.querySelector('a.script-switch')!.getAttribute('href'), href);
      assert.doesNotMatch(visibleText(latin), CYRILLIC);
    });

    test('derived editions show no Cyrillic: qz in Latin, tote in Arabic script right to left', async () => {
      for (const code of ['qz', 'tote', 'uz-latn'] as const) {
        for (const url of [`/${code}/`, await firstArticle(code), `/${code}/latest`]) {
          const d = dom((await get(url)).body);
          const text = visibleText(d);
          const found = text.match(/\S*[\u0400-\u04FF]\S*/g) ?? [];
          assert.deepEqual(found.slice(0, 5), [], `${url} shows Cyrillic`);
        }
      }
      const tote = dom((await get(await firstArticle('tote'))).body);
      assert.equal(tote.documentElement.getAttribute('dir'), 'rtl');
      assert.match(tote.querySelector('h1')!.textContent!, /[\u0600-\u06FF]/);
      assert.match(tote.querySelector('.article-time time')!.textContent!, /[\u0600-\u06FF]/, 'the month name is in Arabic script');
      const qz = dom((await get(await firstArticle('qz'))).body);
      assert.match(qz.querySelector('.article-time time')!.textContent!, /^\d\d:\d\d, \d{1,2} [a-záǵńóúýı]+ \d{4}$/i);
    });

    test('a Chinese page has no English and no Russian words', async () => {
      // Content, and the links that name networks and app stores by their brands (the share links,
      // the footer's social and app links: Telegram, Facebook, X, App Store, Google Play).
      const CONTENT =
        '.card-title, .card-lead, .article-lead, .article-body, .article h1, .caption, .source-line, .popular li a, .author-profile, .share a, .feed li a, .breaking li a, #footer-follow + ul a, #footer-apps + ul a';
      for (const url of ['/cn/', await firstArticle('cn'), '/cn/latest', '/cn/nonexistent-page/']) {
        const d = dom((await get(url)).body);
        const text = visibleText(d);
        assert.doesNotMatch(text, CYRILLIC, url);
        // Content may name brands and acronyms in Latin letters (Astana Hub, GDP, IT); nothing else may be Latin.
        const lowercase = text.match(/\b[a-z][A-Za-z]+/g) ?? [];
        assert.deepEqual(lowercase, [], `${url}: ${lowercase.join(' ')}`);
        d.querySelectorAll(CONTENT).forEach((el) => el.remove());
        const ui = visibleText(d).match(/\S*[A-Za-z]{2,}\S*/g) ?? [];
        assert.deepEqual(ui, [], `${url} UI: ${ui.join(' ')}`);
      }
    });

    test('a stale slug is a 301 to the canonical URL; an id from another edition finds its sibling', async () => {
      const href = await firstArticle('en');
      const id = href.slice(-6);
      const stale = await get(`/en/news/some-old-title-${id}`);
      assert.equal(stale.statusCode, 301);
      assert.equal(stale.headers.location, href);
      const bare = await get(`/en/news/${id}`);
      assert.equal(bare.headers.location, href);
      const fromRu = await get(`/ru/news/x-${id}`);
      assert.equal(fromRu.statusCode, 301);
      assert.match(fromRu.headers.location as string, /^\/ru\/news\/.+-[0-9a-f]{6}$/);
    });

    test('pages are cached with ETags, 304s and precompressed bodies', async () => {
      const first = await get('/en/', { 'accept-encoding': 'gzip' });
      assert.equal(first.headers['content-encoding'], 'gzip');
      const etag = first.headers.etag as string;
      assert.match(etag, /^W\/".+"$/);
      assert.match(first.headers['cache-control'] as string, /stale-while-revalidate=\d+/);
      assert.match(first.headers['surrogate-key'] as string, /\bl-en\b/);
      assert.equal(first.headers.vary, 'Accept-Encoding');
      assert.match(gunzipSync(first.rawPayload).toString(), /<html lang="en"/);
      const br = await get('/en/', { 'accept-encoding': 'br, gzip' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal((await get('/en/', { 'if-none-match': etag })).statusCode, 304);
      for (const junk of ['garbage', '"', 'W/', '*'.repeat(5000)]) {
        assert.equal((await get('/en/', { 'if-none-match': junk })).statusCode, 200, junk);
      }
      const hits = site.services.cache!.hits;
      await get('/en/?utm_source=x');
      assert.equal(site.services.cache!.hits, hits + 1, 'tracking parameters do not split the cache');
    });

    test('a change to an article drops exactly the pages that show it', async () => {
      const cache = site.services.cache!;
      const href = await firstArticle('ru');
      const ruHome = dom((await get('/ru/')).body);
      const farSection = [...ruHome.querySelectorAll('nav.sections a')].map((a) => a.getAttribute('href')!);
      await get(href);
      for (const s of farSection) await get(s);
      await get('/en/');
      const id = href.slice(-6);
      const row = await site.database.handle.db
        .selectFrom('articles')
        .select(['id', 'section_id'])
        .where('public_id', '=', id)
        .executeTakeFirstOrThrow();
      const before = new Set(cache.keys());
      await site.database.handle.db.updateTable('articles').set({ headline: 'Заголовок после правки' }).where('id', '=', row.id).execute();
      const dropped = site.services.invalidate([`a${row.id}`]);
      assert.ok(dropped >= 2);
      const after = new Set(cache.keys());
      assert.ok(!after.has(href) && !after.has('/ru/'), 'the article and the home showing it are dropped');
      assert.ok(after.has('/en/'), 'other editions stay cached');
      const untouched = farSection.filter((s) => before.has(s) && after.has(s));
      assert.ok(untouched.length >= 5, 'sections that do not show the article stay cached');
      assert.match((await get(href)).body, /Заголовок после правки/);
    });

    test('a Russian quotation marked in a Kazakh article keeps its script in qz and tote; overrides win', async () => {
      const db = site.database.handle.db;
      const kzHref = await firstArticle('kz');
      const publicId = kzHref.slice(-6);
      const row = await db.selectFrom('articles').select(['id', 'body']).where('public_id', '=', publicId).executeTakeFirstOrThrow();
      const body = JSON.parse(row.body) as { version: 1; blocks: unknown[] };
      body.blocks.unshift(
        { type: 'quote', lang: 'ru', content: [{ type: 'text', text: 'Мы начнём работу уже завтра' }], cite: 'Әкімдік өкілі' },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Ол: ' },
            { type: 'text', text: 'всё будет готово', lang: 'ru', marks: ['italic'] },
            { type: 'text', text: ' деді.' },
          ],
        },
      );
      await db
        .updateTable('articles')
        .set({ body: JSON.stringify(body) })
        .where('id', '=', row.id)
        .execute();
      await setOverride(db, row.id, 'qz', 'headline', 'Redaktor túzetken taqyryp', new Date().toISOString());
      site.services.invalidate([`a${row.id}`]);
      for (const code of ['qz', 'tote'] as const) {
        const d = dom((await get(kzHref.replace('/kz/', `/${code}/`))).body);
        assert.equal(d.querySelector('blockquote p[lang="ru"]')?.textContent, 'Мы начнём работу уже завтра', code);
        assert.equal(
          d.querySelector('.article-body span[lang="ru"], .article-body [lang="ru"] em, .article-body em')?.textContent,
          'всё будет готово',
          code,
        );
        assert.doesNotMatch(d.querySelector('blockquote cite')!.textContent!, CYRILLIC, 'the cite is Kazakh: converted');
        const found = visibleText(d).match(/\S*[\u0400-\u04FF]\S*/g) ?? [];
        assert.deepEqual(found, [], `${code}: only the marked Russian runs stay Cyrillic`);
      }
      const qz = dom((await get(kzHref.replace('/kz/', '/qz/'))).body);
      assert.equal(qz.querySelector('h1')?.textContent, 'Redaktor túzetken taqyryp', 'the override wins');
      const tote = dom((await get(kzHref.replace('/kz/', '/tote/'))).body);
      assert.notEqual(tote.querySelector('h1')?.textContent, 'Redaktor túzetken taqyryp', 'an override is per edition');
      await removeOverride(db, row.id, 'qz', 'headline');
      site.services.invalidate([`a${row.id}`]);
    });

    test('a lexicon change reaches the derived pages and drops only them', async () => {
      const kzHref = await firstArticle('kz');
      const qzHref = kzHref.replace('/kz/', '/qz/');
      const kzHeadline = dom((await get(kzHref)).body).querySelector('h1')!.textContent!;
      const word = kzHeadline.split(/[\s,.«»:;!?]+/).find((w) => /^[\u0400-\u04FF]{4,}$/.test(w))!;
      assert.ok(word, kzHeadline);
      await get(qzHref);
      await get('/en/');
      assert.ok([...site.services.cache!.keys()].includes(qzHref));
      await upsertLexicon(
        site.database.handle.db,
        [{ scheme: 'kk-Latn-2018', word: word.toLowerCase(), spelling: 'leksikon' }],
        new Date().toISOString(),
      );
      assert.equal(await site.services.checkLexicon(), true);
      assert.equal(await site.services.checkLexicon(), false, 'no change, no reload');
      const keys = [...site.services.cache!.keys()];
      assert.ok(!keys.includes(qzHref) && keys.includes('/en/'), 'derived pages dropped, others kept');
      const headline = dom((await get(qzHref)).body).querySelector('h1')!.textContent!;
      assert.match(headline, /\bleksikon\b/i);
      await removeLexicon(site.database.handle.db, 'kk-Latn-2018', word.toLowerCase());
      await site.services.checkLexicon();
    });

    test('bad input gets a clear 4xx, localized for browsers, never a 500', async () => {
      const cases: [string, number][] = [
        ['/fr/', 404],
        ['/kz/news/nothing-000000', 404],
        ['/kz/news/%E0%A4%A', 400],
        ['/kz/no-such-section/', 404],
        ['/kz/latest?page=-1', 400],
        ['/kz/latest?page=abc', 400],
        ['/kz/latest?page=0', 400],
        ['/kz/latest?page=999999', 404],
        ['/kz/2025/02/30', 404],
        ['/kz/2099/01/01', 404],
        [`/kz/${'a'.repeat(3000)}`, 414],
        ['/kz/tag/%00', 404],
        ['/kz/latest?page=1&page=2', 400],
        ['/%', 400],
      ];
      for (const [url, status] of cases) {
        const res = await get(url);
        assert.equal(res.statusCode, status, url);
        assert.match(res.headers['content-type'] as string, /text\/html/, url);
      }
      const ru404 = dom((await get('/ru/no-such-section/')).body);
      assert.equal(ru404.documentElement.getAttribute('lang'), 'ru');
      assert.equal(ru404.querySelector('h1')?.textContent, 'Страница не найдена');
      assert.ok(ru404.querySelector('main a[href="/ru/"]'));
      const huge = await site.app.inject({ method: 'GET', url: '/kz/', headers: { 'x-junk': 'x'.repeat(100_000) } });
      assert.ok(huge.statusCode < 500);
    });

    test('routes typed by schema: a param that fails names no page (404), a bad query is a 400, nothing is coerced', async () => {
      const cases: [string, number][] = [
        ['/xx/search?q=x', 404],
        ['/xx/latest?page=abc', 404],
        ['/kz/news/abc', 404],
        ['/kz/Foo', 404],
        ['/kz/tag/Foo?page=2', 404],
        ['/xx', 404],
        ['/kz/latest?page=1e3', 400],
        ['/kz/latest?page=0x10', 400],
        ['/kz/latest?page=%207', 400],
        ['/kz/latest?page=', 400],
        ['/kz/search?q=x&order=bad', 400],
        ['/kz/search?q=x&period=decade', 400],
        ['/kz/search?q=a&q=b', 400],
        [`/kz/search?q=x&section=${'a'.repeat(201)}`, 400],
      ];
      for (const [url, status] of cases) {
        const res = await get(url);
        assert.equal(res.statusCode, status, url);
        assert.match(res.headers['content-type'] as string, /text\/html/, url);
      }
      assert.equal((await get('/kz/latest?page=02')).statusCode, 200);
      assert.equal((await get('/kz/search?q=x&order=&section=&period=')).statusCode, 200);
      // The beacon is called by a script: its bad input is the JSON envelope, not the error page.
      const beacon = await get('/beacon?a=zzz&e=xx');
      assert.equal(beacon.statusCode, 400);
      assert.equal(beacon.json().error.code, 'BAD_BEACON');
      assert.equal(beacon.headers['cache-control'], 'no-store');
    });

    test('the beacon counts a view without cookies, and flushed views reach most popular', async () => {
      const href = await firstArticle('en');
      const id = href.slice(-6);
      const res = await site.app.inject({ method: 'POST', url: `/beacon?a=${id}&e=en`, headers: READER_HEADERS });
      assert.equal(res.statusCode, 204);
      assert.equal(res.headers['set-cookie'], undefined);
      const gif = await site.app.inject({ method: 'GET', url: `/beacon?a=${id}&e=en`, headers: READER_HEADERS });
      assert.equal(gif.headers['content-type'], 'image/gif');
      assert.equal((await site.app.inject({ method: 'POST', url: '/beacon?a=zzz&e=en' })).statusCode, 400);
      const { id: articleId } = await site.database.handle.db
        .selectFrom('articles')
        .select('id')
        .where('public_id', '=', id)
        .executeTakeFirstOrThrow();
      for (let i = 0; i < 500; i++) site.services.views.count(articleId, 'en');
      assert.ok((await site.services.views.flush()) >= 502);
      await site.services.popular.refresh();
      const popular = dom((await get('/en/popular')).body);
      assert.equal(popular.querySelector('main article.card a[href*="/news/"]')?.getAttribute('href'), href);
    });
  });
}
