// The language menu keeps the reader's place on every page type (issue 14), the archive of recent
// days and the masthead's wordmark and date line, through inject() on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITIONS, MENU_ORDER, type EditionCode } from '../../src/editions/editions.ts';
import { zonedDayRange } from '../../src/content/dates.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const CYRILLIC = /[\u0400-\u04FF]/;
const ARABIC = /[\u0600-\u06FF]/;

for (const dialect of dialects()) {
  describe(`language menu, archive and masthead on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const page = async (url: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      return dom(res.body);
    };
    /** The wide-screen language menu: code of the edition linked → href, and the item marked current. */
    const menuOf = (d: Document) => {
      const items = [...d.querySelectorAll('nav.langs a')];
      return {
        hrefs: new Map(items.map((a) => [a.getAttribute('hreflang')!, a.getAttribute('href')!])),
        current: items.filter((a) => a.getAttribute('aria-current') === 'true').map((a) => a.getAttribute('hreflang')),
        labels: items.map((a) => a.textContent),
      };
    };
    const canonical = (d: Document) => d.querySelector('link[rel="canonical"]')!.getAttribute('href')!;
    const db = () => site.database.handle.db;

    before(async () => {
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    /** A section, a tag and an author page of an edition, found as a reader would: from an article. */
    async function placesOf(code: EditionCode): Promise<Record<string, string>> {
      const home = await page(`/${code}/`);
      const article = await page(home.querySelector('main a[href*="/news/"]')!.getAttribute('href')!);
      return {
        section: home.querySelector('nav.sections a')!.getAttribute('href')!,
        tag: article.querySelector('nav.tags a')!.getAttribute('href')!,
        author: article.querySelector('.author-card a')!.getAttribute('href')!,
        latest: `/${code}/latest`,
        popular: `/${code}/popular`,
        day: `/${code}/2026/11/19`,
        archive: `/${code}/archive`,
        search: `/${code}/search?q=${encodeURIComponent(code === 'en' ? 'Astana' : 'Астана')}`,
      };
    }

    for (const code of ['kz', 'tote', 'en'] as const) {
      test(`${code}: on section, tag, author, latest, popular, day and archive pages every language leads to the same page`, async () => {
        const from = EDITIONS[code].lang;
        const places = await placesOf(code);
        for (const [kind, url] of Object.entries(places)) {
          if (kind === 'search') continue;
          const d = await page(url);
          const menu = menuOf(d);
          assert.deepEqual(menu.current, [from], `${kind}: the current edition is marked`);
          assert.equal(menu.hrefs.get(from), url, `${kind}: the current edition's item is this page`);
          for (const [lang, href] of menu.hrefs) {
            if (lang === from) continue;
            assert.notEqual(href, `/${href.split('/')[1]}/`, `${kind} → ${lang}: not the edition's home`);
            // The page it leads to names this page as its alternate in our language: the same place.
            const there = await page(href);
            const alternate = there.querySelector(`link[rel="alternate"][hreflang="${from}"]`)?.getAttribute('href');
            assert.equal(alternate, canonical(d), `${kind} → ${lang} (${href})`);
          }
        }
      });
    }

    test('the search page carries the query, converted between the scripts of one language', async () => {
      const kz = menuOf(await page(`/kz/search?q=${encodeURIComponent('ілбіс')}`));
      assert.equal(kz.hrefs.get('kk-Latn'), `/qz/search?q=${encodeURIComponent('ilbis')}`);
      assert.equal(kz.hrefs.get('kk-Arab'), `/tote/search?q=${encodeURIComponent('ءىلبىس')}`);
      assert.equal(kz.hrefs.get('ru'), `/ru/search?q=${encodeURIComponent('ілбіс')}`);
      const tote = menuOf(await page(`/tote/search?q=${encodeURIComponent('ءىلبىس')}`));
      assert.equal(tote.hrefs.get('kk-Cyrl'), `/kz/search?q=${encodeURIComponent('ілбіс')}`);
      const empty = menuOf(await page('/kz/search'));
      assert.equal(empty.hrefs.get('en'), '/en/search', 'the search page of another edition, even before a query');
      const latin = await page(`/uz-latn/search?q=zilzila`);
      assert.equal(menuOf(latin).hrefs.get('uz-Latn'), '/uz-latn/search?q=zilzila');
      assert.equal(latin.querySelector('a.script-switch')?.getAttribute('href'), `/uz/search?q=${encodeURIComponent('зилзила')}`);
    });

    test('Uzbek Latin pages show the Latin item in the menu and mark it, not the Cyrillic one', async () => {
      const places = await placesOf('uz-latn');
      for (const [kind, url] of Object.entries({ home: '/uz-latn/', ...places })) {
        const menu = menuOf(await page(url));
        assert.deepEqual(menu.current, ['uz-Latn'], kind);
        assert.equal(menu.hrefs.has('uz-Cyrl'), false, `${kind}: Cyrillic is the script switch's, not the menu's`);
        assert.deepEqual(
          menu.labels,
          MENU_ORDER.map((c) => (c === 'uz' ? EDITIONS['uz-latn'].label : EDITIONS[c].label)),
          kind,
        );
        if (kind !== 'home' && kind !== 'search') assert.equal(menu.hrefs.get('uz-Latn'), url, kind);
      }
      const cyrillic = menuOf(await page('/uz/latest'));
      assert.deepEqual(cyrillic.current, ['uz-Cyrl']);
      assert.equal(cyrillic.hrefs.get('uz-Cyrl'), '/uz/latest');
    });

    test('the archive of recent days: linked from the latest page, day pages and the footer, in the edition language', async () => {
      const expected: Partial<Record<EditionCode, string>> = {
        en: 'Friday, 20 November 2026',
        ru: 'Пятница, 20 ноября 2026',
        kz: 'Жұма, 20 қараша 2026',
        cn: '2026年11月20日星期五',
      };
      for (const code of ['en', 'ru', 'kz', 'cn', 'tote', 'uz-latn'] as const) {
        const s = site.services.texts.get(code).strings;
        const latest = await page(`/${code}/latest`);
        const link = latest.querySelector('main .archive-link a');
        assert.equal(link?.getAttribute('href'), `/${code}/archive`, code);
        assert.equal(link?.textContent, s.archive);
        assert.ok(latest.querySelector(`footer.site-footer a[href="/${code}/archive"]`), 'the footer links the archive');
        assert.equal((await page(`/${code}/2026/11/19`)).querySelector('main .archive-link a')?.getAttribute('href'), `/${code}/archive`);

        const archive = await page(`/${code}/archive`);
        assert.equal(archive.querySelector('main h1')?.textContent, s.archive);
        const days = [...archive.querySelectorAll('main .archive-days a')];
        assert.equal(days.length, 29, `${code}: every day with articles, newest first`);
        assert.equal(days[0]!.getAttribute('href'), `/${code}/2026/11/20`);
        assert.equal(days[1]!.getAttribute('href'), `/${code}/2026/11/19`);
        assert.equal(days[0]!.querySelector('time')?.getAttribute('datetime'), '2026-11-20');
        if (expected[code]) assert.equal(days[0]!.textContent, expected[code]);
        if (code === 'tote') assert.match(days[0]!.textContent!, ARABIC);
        if (code === 'tote' || code === 'uz-latn') assert.doesNotMatch(days[0]!.textContent!, CYRILLIC, code);
        for (const a of days.slice(0, 3)) assert.equal((await get(a.getAttribute('href')!)).statusCode, 200);
      }
    });

    test("the masthead: the agency's wordmark in the edition's script and today's date line", async () => {
      for (const code of ['kz', 'qz', 'ru', 'en', 'cn', 'uz', 'uz-latn', 'tote'] as const) {
        const s = site.services.texts.get(code).strings;
        const d = await page(`/${code}/`);
        const logo = d.querySelector('header a.brand svg.logo[role="img"]');
        assert.ok(logo, code);
        assert.equal(logo.getAttribute('aria-label'), s.siteName);
        assert.equal(logo.querySelector('text')?.textContent, s.siteName);
        const line = d.querySelector('header time.date-line');
        assert.equal(line?.getAttribute('datetime'), '2026-11-20', code);
        if (code === 'qz' || code === 'uz-latn' || code === 'tote')
          assert.doesNotMatch(`${s.siteName} ${line?.textContent}`, CYRILLIC, code);
      }
      assert.equal((await page('/en/')).querySelector('header time.date-line')?.textContent, 'Friday, 20 November 2026');
      assert.equal((await page('/cn/')).querySelector('header time.date-line')?.textContent, '2026年11月20日星期五');
      assert.equal((await page('/kz/')).querySelector('header time.date-line')?.textContent, 'Жұма, 20 қараша 2026');
      assert.match((await page('/tote/')).querySelector('header time.date-line')!.textContent!, ARABIC);
    });

    // Last: it takes names and a day's articles away from the cn edition.
    test('a tag, author or day an edition lacks: the edition home, or its archive of days', async () => {
      const places = await placesOf('ru');
      const tagSlug = places['tag']!.split('/').pop()!;
      const authorSlug = places['author']!.split('/').pop()!;
      const tag = await db()
        .selectFrom('tag_names')
        .select('tag_id')
        .where('edition', '=', 'ru')
        .where('slug', '=', tagSlug)
        .executeTakeFirstOrThrow();
      const author = await db().selectFrom('authors').select('id').where('slug', '=', authorSlug).executeTakeFirstOrThrow();
      await db().deleteFrom('tag_names').where('tag_id', '=', tag.tag_id).where('edition', '=', 'cn').execute();
      await db().deleteFrom('author_names').where('author_id', '=', author.id).where('edition', '=', 'cn').execute();
      const range = zonedDayRange(2026, 11, 18, site.config.timeZone)!;
      await db()
        .updateTable('articles')
        .set({ status: 'draft' })
        .where('edition', '=', 'cn')
        .where('published_at', '>=', range.start.toISOString())
        .where('published_at', '<', range.end.toISOString())
        .execute();
      site.services.cache?.clear();

      const tagMenu = menuOf(await page(places['tag']!));
      assert.equal(tagMenu.hrefs.get('zh-Hans'), '/cn/');
      assert.match(tagMenu.hrefs.get('en')!, /^\/en\/tag\//);
      const authorMenu = menuOf(await page(places['author']!));
      assert.equal(authorMenu.hrefs.get('zh-Hans'), '/cn/');
      assert.equal(authorMenu.hrefs.get('en'), `/en/author/${authorSlug}`);
      const dayMenu = menuOf(await page('/ru/2026/11/18'));
      assert.equal(dayMenu.hrefs.get('zh-Hans'), '/cn/archive');
      assert.equal(dayMenu.hrefs.get('en'), '/en/2026/11/18');
      const cnDays = [...(await page('/cn/archive')).querySelectorAll('main .archive-days a')].map((a) => a.getAttribute('href'));
      assert.equal(cnDays.includes('/cn/2026/11/18'), false, 'the archive lists days with articles only');
      assert.ok(cnDays.includes('/cn/2026/11/17'));
    });
  });
}
