// The agency's static pages ("About", "Contacts", "Editorial staff", "Terms of reuse") on SQLite and
// PostgreSQL: shown in every edition (derived ones converted), reached from the footer and the
// language menu, listed in the sitemaps and nowhere among articles; written, revised, published and
// unpublished in the newsroom by admins only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EDITIONS, EDITION_CODES, MENU_ORDER, type EditionCode } from '../../src/editions/editions.ts';
import { DEMO_PAGES } from '../../src/demo/catalog/pages.ts';
import { dialects } from '../support/databases.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { bootSite, dom, FIXED_NOW, type TestSite } from '../support/site.ts';

const SLUGS = ['about', 'contacts', 'staff', 'terms'] as const;
const CYRILLIC = /[\u0400-\u04FF]/;
const ARABIC = /[\u0600-\u06FF]/;
const paragraph = (text: string) => ({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

for (const dialect of dialects()) {
  describe(`static pages on ${dialect}`, () => {
    let site: TestSite;
    let admin: Client;
    let now = FIXED_NOW;
    const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));
    const get = (url: string) => site.app.inject({ method: 'GET', url });
    const h1 = async (url: string) => {
      const res = await get(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
      return dom(res.body).querySelector('h1')?.textContent?.trim() ?? '';
    };
    const pageId = async (edition: string, slug: string): Promise<number> => {
      const list = (await admin.get('/api/newsroom/pages')).json() as { items: { id: number; edition: string; slug: string }[] };
      return list.items.find((p) => p.edition === edition && p.slug === slug)!.id;
    };

    before(async () => {
      site = await bootSite(dialect, { clock: () => now });
      admin = await signedIn(site, 'admin');
    });
    after(async () => {
      await site.close();
    });

    test('the four pages answer in every edition: written ones in their text, derived ones converted', async () => {
      for (const code of EDITION_CODES) {
        const written = EDITIONS[code].kind === 'derived' ? EDITIONS[code].source : code;
        for (const slug of SLUGS) {
          const res = await get(`/${code}/page/${slug}`);
          assert.equal(res.statusCode, 200, `${code}/${slug}`);
          const doc = dom(res.body);
          assert.equal(doc.documentElement.getAttribute('lang'), EDITIONS[code].lang);
          const title = doc.querySelector('h1')!.textContent!.trim();
          const source = DEMO_PAGES[written as keyof typeof DEMO_PAGES][slug].title;
          if (code === written) assert.equal(title, source, `${code}/${slug}`);
          else {
            assert.notEqual(title, source, `${code}/${slug} is converted`);
            assert.ok(!CYRILLIC.test(title), `${code}/${slug}: no Cyrillic left in “${title}”`);
            if (code === 'tote') assert.ok(ARABIC.test(title), title);
          }
          assert.ok(doc.querySelectorAll('.article-body p').length > 0, `${code}/${slug} has its body`);
        }
      }
      assert.equal((await get('/en/page/no-such-page')).statusCode, 404);
    });

    test('the footer of every edition links to the four pages, the RSS feeds, social links and apps', async () => {
      for (const code of EDITION_CODES) {
        const doc = dom((await get(`/${code}/`)).body);
        const footer = doc.querySelector('footer.site-footer')!;
        const hrefs = [...footer.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
        for (const slug of SLUGS) assert.ok(hrefs.includes(`/${code}/page/${slug}`), `${code}: footer links ${slug}`);
        assert.ok(hrefs.includes(`/${code}/rss.xml`), `${code}: the edition's RSS feed`);
        assert.ok(
          hrefs.some((h) => h.startsWith('https://t.me/')),
          `${code}: Telegram`,
        );
        assert.ok(
          hrefs.some((h) => h.startsWith('https://play.google.com/')),
          `${code}: an app`,
        );
        const sectionFeeds = hrefs.filter((h) => /^\/[a-z-]+\/[^/]+\/rss\.xml$/.test(h));
        assert.ok(sectionFeeds.length >= 5, `${code}: section feeds ${sectionFeeds.join()}`);
        // Every link of the site answers (all of them in two editions, the pages in every one).
        const local = hrefs.filter((h) => h.startsWith('/') && (code === 'en' || code === 'tote' || h.includes('/page/')));
        for (const h of local) assert.equal((await get(h)).statusCode, 200, `${code}: ${h}`);
        // Labels in the edition's language: the Latin and Arabic-script editions show no Cyrillic.
        if (code === 'qz' || code === 'tote' || code === 'uz-latn') assert.ok(!CYRILLIC.test(footer.textContent!), `${code} footer`);
      }
    });

    test('the language menu and hreflang of a page lead to the same page in the other editions', async () => {
      const doc = dom((await get('/kz/page/contacts')).body);
      const menu = [...doc.querySelectorAll('nav.langs a')].map((a) => a.getAttribute('href'));
      assert.deepEqual(
        menu,
        MENU_ORDER.map((c) => `/${c}/page/contacts`),
      );
      const switchLink = dom((await get('/uz/page/staff')).body).querySelector('a.script-switch');
      assert.equal(switchLink?.getAttribute('href'), '/uz-latn/page/staff');
      const alternates = [...doc.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => l.getAttribute('hreflang'));
      for (const code of EDITION_CODES) assert.ok(alternates.includes(EDITIONS[code].lang), `hreflang ${code}`);
    });

    test('pages are in the sitemaps, in every edition, and in no list, feed, search or API answer of articles', async () => {
      const index = (await get('/sitemap.xml')).body;
      assert.match(index, /\/sitemaps\/pages\.xml</);
      const map = await get('/sitemaps/pages.xml');
      assert.equal(map.statusCode, 200);
      for (const code of EDITION_CODES) {
        for (const slug of SLUGS) assert.ok(map.body.includes(`<loc>https://habarshy.test/${code}/page/${slug}</loc>`), `${code}/${slug}`);
      }
      const id = (
        await admin.post('/api/newsroom/pages', {
          edition: 'en',
          slug: 'zebraquokka',
          title: 'Zebraquokka notice',
          body: paragraph('Zebraquokka'),
        })
      ).json() as { id: number; revision: number };
      assert.equal((await admin.post(`/api/newsroom/pages/${id.id}/publish`, { revision: id.revision })).statusCode, 200);
      assert.equal(await h1('/en/page/zebraquokka'), 'Zebraquokka notice');
      for (const url of [
        '/en/',
        '/en/latest',
        '/en/popular',
        '/en/rss.xml',
        '/en/atom.xml',
        '/en/feed.json',
        '/sitemaps/news-en.xml',
        '/api/v1/articles?edition=en',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        assert.ok(!/zebraquokka/i.test(res.body), `${url} lists no page`);
      }
      const search = await get('/en/search?q=Zebraquokka');
      assert.ok(!search.body.includes('/en/page/zebraquokka'), 'search finds no page');
      assert.ok((await get('/sitemaps/pages.xml')).body.includes('/en/page/zebraquokka'), 'the new page is in the sitemap');
    });

    test('an admin saves revisions, publishes one, restores an older one and unpublishes; readers see only what is published', async () => {
      const id = await pageId('kz', 'about');
      const page = (await admin.get(`/api/newsroom/pages/${id}`)).json() as { revision: number; title: string; publishedRevision: number };
      assert.equal(page.publishedRevision, page.revision);
      const before = await h1('/qz/page/about');

      const saved = await admin.put(`/api/newsroom/pages/${id}`, {
        baseRevision: page.revision,
        title: 'Агенттік туралы',
        body: paragraph('Жаңа мәтін'),
      });
      assert.equal(saved.statusCode, 200, saved.body);
      const next = saved.json() as { revision: number; publishedRevision: number };
      assert.equal(next.revision, page.revision + 1);
      assert.equal(next.publishedRevision, page.revision, 'a save is not published');
      assert.equal(await h1('/kz/page/about'), page.title, 'readers still see the published revision');

      const stale = await admin.put(`/api/newsroom/pages/${id}`, { baseRevision: page.revision, title: 'Ескі', body: paragraph('x') });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'CONFLICT');
      const early = await admin.post(`/api/newsroom/pages/${id}/publish`, { revision: page.revision });
      assert.equal(early.statusCode, 409, 'only the newest revision is published');

      later(90);
      assert.equal((await admin.post(`/api/newsroom/pages/${id}/publish`, { revision: next.revision })).statusCode, 200);
      assert.equal(await h1('/kz/page/about'), 'Агенттік туралы');
      const derived = await h1('/qz/page/about');
      assert.notEqual(derived, before, 'the derived edition follows');
      assert.match(derived, /^Agent/i);
      const shown = dom((await get('/kz/page/about')).body);
      assert.equal(shown.querySelector('.article-body p')?.textContent, 'Жаңа мәтін');
      assert.ok(shown.querySelector('.static-page .updated'), 'the republished page says when it was updated');

      const revisions = (await admin.get(`/api/newsroom/pages/${id}/revisions`)).json() as {
        items: { revision: number; title: string; published: boolean }[];
      };
      assert.deepEqual(
        revisions.items.map((r) => [r.revision, r.title, r.published]),
        [
          [next.revision, 'Агенттік туралы', true],
          [page.revision, page.title, false],
        ],
      );
      const restored = await admin.post(`/api/newsroom/pages/${id}/revisions/${page.revision}/restore`, { baseRevision: next.revision });
      assert.equal(restored.statusCode, 200, restored.body);
      const third = restored.json() as { revision: number; title: string };
      assert.deepEqual([third.revision, third.title], [next.revision + 1, page.title]);
      await admin.post(`/api/newsroom/pages/${id}/publish`, { revision: third.revision });
      assert.equal(await h1('/kz/page/about'), page.title);

      assert.equal((await admin.post(`/api/newsroom/pages/${id}/unpublish`)).statusCode, 200);
      for (const code of ['kz', 'qz', 'tote'] as EditionCode[]) assert.equal((await get(`/${code}/page/about`)).statusCode, 404, code);
      assert.ok(!(await get('/sitemaps/pages.xml')).body.includes('/kz/page/about<'), 'gone from the sitemap');
      const menu = dom((await get('/ru/page/about')).body).querySelector('nav.langs a[hreflang="kk-Cyrl"]');
      assert.equal(menu?.getAttribute('href'), '/kz/', 'the language menu leads to the home where the page is gone');
      await admin.post(`/api/newsroom/pages/${id}/publish`, { revision: third.revision });
      assert.equal((await get('/kz/page/about')).statusCode, 200);
      const audit = await site.services.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_type', '=', 'page')
        .where('target_id', '=', String(id))
        .execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['page.publish', 'page.publish', 'page.publish', 'page.unpublish']);
    });

    test('bad input gets a clear 4xx and changes nothing', async () => {
      const count = async () =>
        Number(
          (
            await site.services.handle.db
              .selectFrom('page_revisions')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const n = await count();
      const cases: [unknown, number, string][] = [
        [{ edition: 'en', slug: 'Not A Slug', title: 'x', body: paragraph('x') }, 400, 'VALIDATION'],
        [{ edition: 'qz', slug: 'x', title: 'x', body: paragraph('x') }, 400, 'VALIDATION'],
        [{ edition: 'en', slug: 'ok', title: '', body: paragraph('x') }, 400, 'VALIDATION'],
        [{ edition: 'en', slug: 'ok', title: 'x', body: { version: 1, blocks: [{ type: 'html', html: '<b>' }] } }, 400, 'VALIDATION'],
        [{ edition: 'en', slug: 'about', title: 'x', body: paragraph('x') }, 409, 'SLUG_TAKEN'],
      ];
      for (const [body, status, code] of cases) {
        const res = await admin.post('/api/newsroom/pages', body);
        assert.equal(res.statusCode, status, res.body);
        assert.equal(res.json().error.code, code);
      }
      assert.equal((await admin.get('/api/newsroom/pages/999999')).statusCode, 404);
      assert.equal(await count(), n);
    });

    test('chief editors, editors and journalists are refused (403) and change nothing', async () => {
      const id = await pageId('en', 'terms');
      const page = (await admin.get(`/api/newsroom/pages/${id}`)).json() as { revision: number };
      for (const role of ['chief', 'editor', 'journalist'] as const) {
        const client = await signedIn(site, role, ['en']);
        const answers = [
          await client.get('/api/newsroom/pages'),
          await client.get(`/api/newsroom/pages/${id}`),
          await client.put(`/api/newsroom/pages/${id}`, { baseRevision: page.revision, title: 'Hijacked', body: paragraph('x') }),
          await client.post(`/api/newsroom/pages/${id}/publish`, { revision: page.revision }),
          await client.post(`/api/newsroom/pages/${id}/unpublish`),
          await client.post('/api/newsroom/pages', { edition: 'en', slug: `by-${role}`, title: 'x', body: paragraph('x') }),
        ];
        for (const res of answers) {
          assert.equal(res.statusCode, 403, `${role}: ${res.statusCode} ${res.body}`);
          assert.equal(res.json().error.code, 'FORBIDDEN');
        }
      }
      const after = (await admin.get(`/api/newsroom/pages/${id}`)).json() as { revision: number; title: string };
      assert.equal(after.revision, page.revision);
      assert.equal(await h1('/en/page/terms'), DEMO_PAGES.en.terms.title);
    });
  });
}
