// The home and the lists as readers get them, on SQLite and PostgreSQL: no story in more than two
// places of any edition's home, the breaking strip while (and only while) a story is marked
// breaking, most popular ranked and numbered for today and for the week (home and articles), and
// list pages that say which page of how many, in the edition's language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITION_CODES, type EditionCode } from '../../src/editions/editions.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { cacheTags } from '../../src/cache/tags.ts';
import { PAGE_SIZE } from '../../src/services/reader.ts';
import { addViews } from '../../src/store/views.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const HOUR = 3_600_000;

for (const dialect of dialects()) {
  describe(`home and lists on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const page = async (url: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      return dom(res.body);
    };
    const strings = (code: EditionCode) => site.services.texts.get(code).strings;

    before(async () => {
      site = await bootSite(dialect);
    });
    after(async () => {
      await site.close();
    });

    test('no story is shown in more than two places of any edition’s home', async () => {
      for (const code of EDITION_CODES) {
        const d = await page(`/${code}/`);
        // A place is a block of the page (a section or an aside); a card's photo link repeats its
        // headline link for the mouse only (aria-hidden), so it is not a place of its own.
        const placesOf = new Map<string, Set<Element>>();
        const links = [...d.querySelectorAll('.page a[href*="/news/"]')].filter((a) => a.getAttribute('aria-hidden') !== 'true');
        for (const a of links) {
          const block = a.closest('section, aside');
          assert.ok(block, `${code}: ${a.getAttribute('href')} is inside a block`);
          const href = a.getAttribute('href')!;
          placesOf.set(href, (placesOf.get(href) ?? new Set()).add(block));
        }
        const over = [...placesOf].filter(([, blocks]) => blocks.size > 2).map(([href, blocks]) => `${href} ×${blocks.size}`);
        assert.deepEqual(over, [], `/${code}/`);
        assert.ok(placesOf.size >= 35, `/${code}/ shows ${placesOf.size} stories`);
        assert.ok(d.querySelectorAll('section.feed li time').length >= 10, `/${code}/ has its news feed`);
        for (const t of d.querySelectorAll('section.feed li time')) assert.match(t.textContent!, /^\d\d:\d\d$/);
        assert.ok(d.querySelector('section.picks article.card'), `/${code}/ has editor's picks`);
      }
    });

    test('the feed’s times are Almaty time (UTC+5) and its first day is "today" in the edition’s language', async () => {
      for (const code of ['en', 'kz', 'tote'] as const) {
        const d = await page(`/${code}/`);
        const first = d.querySelector('section.feed li time')!;
        const iso = first.getAttribute('datetime')!;
        assert.equal(first.textContent, new Date(Date.parse(iso) + 5 * HOUR).toISOString().slice(11, 16));
        assert.equal(d.querySelector('section.feed .feed-day')?.textContent, strings(code).today);
      }
    });

    test('most popular is ranked and numbered for today and for this week, on the home and on articles', async () => {
      for (const code of ['en', 'kz', 'tote', 'cn'] as const) {
        const home = await page(`/${code}/`);
        const articleHref = home.querySelector('.top .card-top .card-title a')!.getAttribute('href')!;
        for (const [where, d] of [
          ['home', home],
          ['article', await page(articleHref)],
        ] as const) {
          const block = d.querySelector('aside.popular')!;
          assert.ok(block, `${code} ${where}: the most-popular block`);
          assert.equal(block.querySelector('details.popular-today')?.hasAttribute('open'), true, `${code} ${where}: today is open`);
          assert.equal(block.querySelector('details.popular-week')?.hasAttribute('open'), false);
          assert.equal(block.querySelector('details.popular-today > summary')?.textContent, strings(code).today);
          assert.equal(block.querySelector('details.popular-week > summary')?.textContent, strings(code).thisWeek);
          for (const period of ['today', 'week']) {
            const items = [...block.querySelectorAll(`details.popular-${period} ol.ranked > li`)];
            assert.ok(items.length >= 3, `${code} ${where} ${period}: ${items.length} ranked`);
            assert.deepEqual(
              items.map((li) => li.querySelector('.rank')?.textContent),
              items.map((_, i) => String(i + 1)),
            );
            assert.ok(
              items.every((li) => li.querySelector('.ranked-media img[alt]')),
              `${code} ${where} ${period}: every ranked story has its photo`,
            );
          }
        }
      }
    });

    test('"this week" counts the last seven days and "today" the last 24 hours', async () => {
      // An en story of three days ago, read a lot two days ago: first of the week, absent from today.
      const now = site.now.getTime();
      const old = await site.services.handle.db
        .selectFrom('articles')
        .select(['id', 'headline'])
        .where('edition', '=', 'en')
        .where('status', '=', 'published')
        .where('published_at', '<', new Date(now - 72 * HOUR).toISOString())
        .orderBy('published_at', 'desc')
        .executeTakeFirstOrThrow();
      await addViews(site.services.handle.db, [{ articleId: old.id, edition: 'en', hour: Math.floor(now / HOUR) - 48, views: 1_000_000 }]);
      await site.services.popular.refresh();
      const d = await page('/en/popular');
      const today = [...d.querySelectorAll('section.ranking-today .card-title a')].map((a) => a.textContent);
      const week = [...d.querySelectorAll('section.ranking-week .card-title a')].map((a) => a.textContent);
      assert.equal(week[0], old.headline);
      assert.equal(d.querySelector('section.ranking-week .rank')?.textContent, '1');
      assert.ok(today.length > 0 && !today.includes(old.headline), 'not read today');
      assert.equal(d.querySelector('section.ranking-today h2')?.textContent, 'Today');
      assert.equal(d.querySelector('section.ranking-week h2')?.textContent, 'This week');
      const article = await page((await page('/en/')).querySelector('.top .card-top .card-title a')!.getAttribute('href')!);
      assert.equal(article.querySelector('aside.popular details.popular-week ol.ranked > li .ranked-text a')?.textContent, old.headline);
    });

    test('lists say which page of how many, in the edition’s language, with previous and next', async () => {
      for (const code of ['en', 'kz', 'tote', 'cn'] as const) {
        const written = site.services.texts.get(code).written;
        const count = await site.services.handle.db
          .selectFrom('articles')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('edition', '=', written)
          .where('status', '=', 'published')
          .executeTakeFirstOrThrow();
        const total = Math.ceil(Number(count.n) / PAGE_SIZE);
        assert.ok(total >= 3, `${code}: ${total} pages`);
        const first = await page(`/${code}/latest`);
        assert.equal(first.querySelector('nav.pager [aria-current="page"]')?.textContent, fill(strings(code).pageOf, { n: 1, total }));
        assert.equal(first.querySelector('nav.pager a[rel="prev"]'), null);
        const second = await page(`/${code}/latest?page=2`);
        assert.equal(second.querySelector('nav.pager [aria-current="page"]')?.textContent, fill(strings(code).pageOf, { n: 2, total }));
        assert.equal(second.querySelector('nav.pager a[rel="prev"]')?.getAttribute('href'), `/${code}/latest`);
        assert.equal(second.querySelector('nav.pager a[rel="next"]')?.getAttribute('href'), `/${code}/latest?page=3`);
        const last = await page(`/${code}/latest?page=${total}`);
        assert.equal(last.querySelector('nav.pager [aria-current="page"]')?.textContent, fill(strings(code).pageOf, { n: total, total }));
        assert.equal(last.querySelector('nav.pager a[rel="next"]'), null);
        // Cards with photos, in sections too.
        const sectionHref = first.querySelector('nav.sections a')!.getAttribute('href')!;
        const section = await page(sectionHref);
        assert.ok(section.querySelectorAll('main article.card .card-media img[alt]').length >= 8, `${sectionHref}: cards with photos`);
      }
      assert.equal(
        (await page('/en/latest?page=2')).querySelector('nav.pager [aria-current="page"]')?.textContent?.startsWith('Page 2 of '),
        true,
      );
      assert.match((await page('/tote/latest?page=2')).querySelector('nav.pager [aria-current="page"]')!.textContent!, /[\u0600-\u06FF]/);
    });

    test('the breaking strip shows while a story is marked breaking, and only then', async () => {
      const db = site.services.handle.db;
      const flagged = await db.selectFrom('articles').select(['id', 'edition', 'headline']).where('breaking', '=', 1).execute();
      const writtenWithOne = new Set(flagged.map((f) => f.edition));
      for (const e of ['kz', 'ru', 'en', 'cn', 'uz']) assert.ok(writtenWithOne.has(e), `the demo marks a story breaking in ${e}`);
      for (const code of ['en', 'tote'] as const) {
        const strip = (await page(`/${code}/`)).querySelector('section.breaking');
        assert.ok(strip, `/${code}/ has the strip`);
        assert.equal(strip.querySelector('h2')?.textContent, strings(code).breaking);
        assert.match(strip.querySelector('time')!.textContent!, /^\d\d:\d\d$/);
      }
      const en = flagged.find((f) => f.edition === 'en')!;
      assert.equal((await page('/en/')).querySelector('section.breaking a')?.textContent, en.headline);

      await db.updateTable('articles').set({ breaking: 0 }).execute();
      site.services.invalidate(['en', 'kz', 'ru', 'cn', 'uz'].map((w) => cacheTags.list(w as 'en')));
      try {
        for (const code of ['en', 'tote'] as const)
          assert.equal((await page(`/${code}/`)).querySelector('section.breaking'), null, `/${code}/`);
      } finally {
        for (const f of flagged) await db.updateTable('articles').set({ breaking: 1 }).where('id', '=', f.id).execute();
        site.services.invalidate(['en', 'kz', 'ru', 'cn', 'uz'].map((w) => cacheTags.list(w as 'en')));
      }
    });
  });
}
