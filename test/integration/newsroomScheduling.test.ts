// Scheduling, embargoes and the preview, on SQLite and PostgreSQL: a scheduled article is shown
// nowhere (site, feed, API, ninjs, sitemap) until its time, then the scheduler publishes it — also
// in a new process over the same database; the preview shows any state to signed-in users only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { bootSite, dom, FIXED_NOW, type TestSite } from '../support/site.ts';
import { aSection } from '../support/fixtures.ts';
import { signedIn, type Client, textBody } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

for (const dialect of dialects()) {
  describe(`scheduling and preview on ${dialect}`, () => {
    let site: TestSite;
    let now = FIXED_NOW.getTime();
    let editor: Client;
    let journalist: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect, { clock: () => new Date(now), content: aSection });
      editor = await signedIn(site, 'editor', ['kz']);
      journalist = await signedIn(site, 'journalist', ['kz']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const everywhere = async (headline: string, publicId: string, app = site.app) => {
      const [home, feed, api, ninjs, sitemap] = await Promise.all([
        app.inject('/kz/'),
        app.inject('/kz/rss.xml'),
        app.inject('/api/v1/articles?edition=kz&limit=50'),
        app.inject(`/api/v1/ninjs/kz/${publicId}`),
        app.inject('/sitemaps/news-kz.xml'),
      ]);
      return {
        home: home.body.includes(headline),
        feed: feed.body.includes(headline),
        api: api.body.includes(headline),
        ninjs: ninjs.statusCode === 200,
        sitemap: sitemap.body.includes(publicId),
      };
    };

    test('an embargoed article is shown nowhere until its time, then published by the scheduler even after a restart', async () => {
      const headline = 'Эмбаргомен жарияланатын хабар';
      let a = (
        await editor.post('/api/newsroom/articles', {
          body: textBody(),
          edition: 'kz',
          sectionId,
          headline,
          lead: 'Уақыты келгенде шығады.',
        })
      ).json();
      const past = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, {
        action: 'schedule',
        revision: a.revision,
        at: '2020-01-01T10:00',
      });
      assert.equal(past.statusCode, 400);
      assert.equal(
        (await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'schedule', revision: a.revision, at: 'tomorrow' }))
          .statusCode,
        400,
      );
      assert.equal(
        (
          await journalist.post(`/api/newsroom/articles/${a.id}/transitions`, {
            action: 'schedule',
            revision: a.revision,
            at: '2026-11-20T16:00',
          })
        ).statusCode,
        403,
      );
      // 16:00 in Almaty is 11:00 UTC: 90 minutes after the fixed clock.
      const res = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, {
        action: 'schedule',
        revision: a.revision,
        at: '2026-11-20T16:00',
        embargo: true,
      });
      assert.equal(res.statusCode, 200, res.body);
      a = res.json();
      assert.equal(a.status, 'scheduled');
      assert.equal(a.scheduledAt, '2026-11-20T11:00:00.000Z');
      assert.equal(a.embargo, true);
      assert.deepEqual(await everywhere(headline, a.publicId), { home: false, feed: false, api: false, ninjs: false, sitemap: false });
      assert.equal(await site.services.newsroomArticles.publishDue(), 0, 'not yet');

      now = Date.parse('2026-11-20T11:00:20Z');
      // A new process over the same database (a restart) publishes what is due.
      const restarted = await buildApp(site.config, { handle: site.database.handle, clock: () => new Date(now), logger: false });
      await restarted.app.ready();
      await everywhere(headline, a.publicId, restarted.app);
      assert.equal(await restarted.services.newsroomArticles.publishDue(), 1);
      const after = await everywhere(headline, a.publicId, restarted.app);
      await restarted.app.close();
      assert.deepEqual(after, { home: true, feed: true, api: true, ninjs: true, sitemap: true }, 'its cached pages were dropped');
      const row = await site.database.handle.db
        .selectFrom('articles')
        .select(['status', 'published_at'])
        .where('id', '=', a.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      const timeline = (await editor.get(`/api/newsroom/articles/${a.id}/timeline`)).json().items;
      assert.deepEqual(
        timeline.map((t: { action: string }) => t.action),
        ['create', 'schedule', 'publish'],
      );
      assert.equal(timeline[2].user, null, 'published by the scheduler');
    });

    test('unscheduling takes an article back to approved', async () => {
      let a = (
        await editor.post('/api/newsroom/articles', { body: textBody(), edition: 'kz', sectionId, headline: 'Кейінге қалған хабар' })
      ).json();
      a = (
        await editor.post(`/api/newsroom/articles/${a.id}/transitions`, {
          action: 'schedule',
          revision: a.revision,
          at: new Date(now + 3_600_000).toISOString(),
        })
      ).json();
      a = (await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'unschedule', revision: a.revision })).json();
      assert.equal(a.status, 'approved');
      assert.equal(a.scheduledAt, null);
    });

    test('the preview is the reader page of a draft, for signed-in users of the desk only', async () => {
      const a = (
        await journalist.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: 'Алдын ала қарау <b>жобасы</b>',
          lead: 'Жоба.',
        })
      ).json();
      const anonymous = await site.app.inject(`/newsroom/preview/${a.id}`);
      assert.equal(anonymous.statusCode, 401);
      const res = await site.app.inject({ url: `/newsroom/preview/${a.id}`, headers: { cookie: journalist.cookie } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      const page = dom(res.body);
      assert.equal(page.querySelector('h1')?.textContent, 'Алдын ала қарау <b>жобасы</b>', 'the headline is text, not markup');
      const qz = dom((await site.app.inject({ url: `/newsroom/preview/${a.id}?edition=qz`, headers: { cookie: journalist.cookie } })).body);
      assert.equal(qz.documentElement.getAttribute('lang'), 'kk-Latn');
      const ruEditor = await signedIn(site, 'editor', ['ru']);
      assert.equal((await site.app.inject({ url: `/newsroom/preview/${a.id}`, headers: { cookie: ruEditor.cookie } })).statusCode, 403);
      assert.equal((await site.app.inject(`/kz/news/${a.slug}-${a.publicId}`)).statusCode, 404, 'the reader site does not show it');
    });
  });
}
