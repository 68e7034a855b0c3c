// Editors' analytics (issue 13) through the HTTP API, on SQLite and PostgreSQL: views counted by the
// beacon at chosen times, read back per hour and per Almaty day (a day starts at 19:00 UTC), the top
// lists with their trend, the shares by edition and section; announced bots, prefetches and
// newsroom previews are not counted; who may see what.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, FIXED_NOW, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { READER_UA } from '../support/readerAgent.ts';

interface Overview {
  timeZone: string;
  hourly: { points: number[]; series: Record<string, number[]> };
  daily: { points: number[]; days: string[]; series: Record<string, number[]> };
  top: { edition: string; today: Top[]; week: Top[] }[];
  byEdition: { key: string; name: string; views: number; share: number }[];
  bySection: { key: string; name: string; views: number; share: number }[];
}
interface Top {
  id: number;
  headline: string;
  views: number;
  previous: number;
  change: number | null;
}

const at = (iso: string) => new Date(iso);

for (const dialect of dialects()) {
  describe(`newsroom analytics on ${dialect}`, () => {
    let site: TestSite;
    let now = FIXED_NOW;
    let editor: Client;
    let ruEditor: Client;
    let journalist: Client;
    let a: { id: number; public_id: string; section_id: number };
    let b: { id: number; public_id: string; section_id: number };

    /** One reader's view of an article at a time, through the beacon. */
    const view = async (article: { public_id: string }, edition: string, when: Date, headers: Record<string, string> = {}) => {
      now = when;
      const res = await site.app.inject({
        method: 'POST',
        url: `/beacon?a=${article.public_id}&e=${edition}`,
        headers: { 'user-agent': READER_UA, ...headers },
      });
      assert.equal(res.statusCode, 204);
    };
    const stored = async () =>
      Number(
        (
          await site.database.handle.db
            .selectFrom('view_counts')
            .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('views'), eb.lit(0)).as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      site = await bootSite(dialect, { clock: () => now });
      editor = await signedIn(site, 'editor', ['kz']);
      ruEditor = await signedIn(site, 'editor', ['ru']);
      journalist = await signedIn(site, 'journalist', ['kz']);
      const db = site.database.handle.db;
      await db.deleteFrom('view_counts').execute();
      const published = await db
        .selectFrom('articles')
        .select(['id', 'public_id', 'section_id'])
        .where('edition', '=', 'kz')
        .where('status', '=', 'published')
        .orderBy('id')
        .execute();
      a = published[0]!;
      b = published.find((p) => p.section_id !== a.section_id)!;
      assert.ok(b, 'two kz articles in different sections');

      // Almaty (UTC+5): 18:30 UTC is 23:30 on 20 November, 19:10 UTC is 00:10 on 21 November.
      for (let i = 0; i < 2; i++) await view(a, 'kz', at('2026-11-20T18:30:00Z'));
      for (let i = 0; i < 3; i++) await view(a, 'kz', at('2026-11-20T19:10:00Z'));
      for (let i = 0; i < 5; i++) await view(b, 'kz', at('2026-11-20T20:05:00Z'));
      await view(a, 'qz', at('2026-11-20T20:10:00Z'));
      // A week ago (14 November, Almaty): b was read then, a was not.
      for (let i = 0; i < 4; i++) await view(b, 'kz', at('2026-11-14T06:00:00Z'));
      now = at('2026-11-20T20:30:00Z');
      await site.services.views.flush();
    });
    after(() => site.close());

    test('views per hour and per Almaty day: the views after 19:00 UTC are the next day', async () => {
      const res = await editor.get('/api/newsroom/analytics');
      assert.equal(res.statusCode, 200, res.body);
      const o = res.json() as Overview;
      assert.equal(o.timeZone, 'Asia/Almaty');
      assert.equal(o.daily.days.length, 30);
      assert.equal(o.daily.days.at(-1), '2026-11-21', 'today in Almaty');
      const day = (d: string, e = 'kz') => o.daily.series[e]![o.daily.days.indexOf(d)];
      assert.equal(day('2026-11-20'), 2, '23:30 in Almaty is still 20 November');
      assert.equal(day('2026-11-21'), 3 + 5, '00:10 in Almaty is 21 November');
      assert.equal(day('2026-11-14'), 4);
      assert.equal(day('2026-11-21', 'qz'), 1, 'a derived edition counts separately');
      assert.equal(o.daily.points.at(-1), Date.parse('2026-11-20T19:00:00Z') / 1000, "today's Almaty midnight");

      assert.equal(o.hourly.points.length, 48);
      assert.equal(o.hourly.points.at(-1), Date.parse('2026-11-20T20:00:00Z') / 1000, 'the current hour last');
      const hour = (iso: string) => o.hourly.series.kz![o.hourly.points.indexOf(Date.parse(iso) / 1000)];
      assert.equal(hour('2026-11-20T18:00:00Z'), 2);
      assert.equal(hour('2026-11-20T19:00:00Z'), 3);
      assert.equal(hour('2026-11-20T20:00:00Z'), 5);
      assert.equal(
        o.hourly.series.kz!.reduce((n, v) => n + v, 0),
        10,
        'the week-old views are not in the last 48 hours',
      );
    });

    test('top articles today and this week per edition, with the trend against the previous period', async () => {
      const o = (await editor.get('/api/newsroom/analytics')).json() as Overview;
      const kz = o.top.find((t) => t.edition === 'kz')!;
      // Today: 19:00–20:59 UTC; the previous period is as long and just before (17:00–18:59 UTC).
      assert.deepEqual(
        kz.today.map((t) => [t.id, t.views, t.previous, t.change]),
        [
          [b.id, 5, 0, null],
          [a.id, 3, 2, 0.5],
        ],
      );
      assert.ok(kz.today[0]!.headline.length > 0);
      // The week: the last 7 Almaty days (15–21 November); the week before holds b's 4 views of the 14th.
      assert.deepEqual(
        kz.week.map((t) => [t.id, t.views, t.previous]),
        [
          [b.id, 5, 4],
          [a.id, 5, 0],
        ],
      );
      assert.equal(kz.week[0]!.change, 0.25);
      const qz = o.top.find((t) => t.edition === 'qz')!;
      assert.deepEqual(
        qz.today.map((t) => [t.id, t.views]),
        [[a.id, 1]],
      );
      assert.doesNotMatch(qz.today[0]!.headline, /[\u0400-\u04ff]/, 'the qz list shows the Latin headline');
      assert.equal(qz.today[0]!.headline, site.services.texts.get('qz').tx(kz.today[1]!.headline));
    });

    test('share of views by edition and by section over 30 days', async () => {
      const o = (await editor.get('/api/newsroom/analytics')).json() as Overview;
      assert.deepEqual(
        o.byEdition.map((e) => [e.key, e.views]),
        [
          ['kz', 14],
          ['qz', 1],
        ],
      );
      assert.equal(o.byEdition[0]!.share, 14 / 15);
      const sectionKey = async (id: number) =>
        (await site.database.handle.db.selectFrom('sections').select('key').where('id', '=', id).executeTakeFirstOrThrow()).key;
      assert.deepEqual(
        o.bySection.map((s) => [s.key, s.views]),
        [
          [await sectionKey(b.section_id), 9],
          [await sectionKey(a.section_id), 6],
        ],
      );
      assert.equal(o.bySection[0]!.share, 9 / 15);
      const name = await site.database.handle.db
        .selectFrom('section_names')
        .select('name')
        .where('section_id', '=', b.section_id)
        .where('edition', '=', 'kz')
        .executeTakeFirstOrThrow();
      assert.notEqual(o.bySection[0]!.name, name.name);
      assert.equal((await editor.patch('/api/newsroom/me', { uiLang: 'kz' })).statusCode, 204);
      const kz = (await editor.get('/api/newsroom/analytics')).json() as Overview;
      assert.equal(kz.bySection[0]!.name, name.name, "named in the user's interface language (kz)");
    });

    test("an article's own chart, for every user of its desk; the screen for editors of their desks only", async () => {
      const own = await journalist.get(`/api/newsroom/articles/${a.id}/views`);
      assert.equal(own.statusCode, 200, own.body);
      const v = own.json();
      assert.equal(v.total, 6);
      assert.deepEqual(v.daily.series.kz.slice(-2), [2, 3]);
      assert.deepEqual(v.daily.series.qz.slice(-2), [0, 1]);
      assert.equal(v.hourly.series.kz.at(-2), 3);

      const refused = await journalist.get('/api/newsroom/analytics');
      assert.equal(refused.statusCode, 403);
      assert.equal(refused.json().error.code, 'FORBIDDEN');
      assert.equal((await ruEditor.get(`/api/newsroom/articles/${a.id}/views`)).statusCode, 403);
      const ru = (await ruEditor.get('/api/newsroom/analytics')).json() as Overview;
      assert.deepEqual(ru.hourly.series, {}, "another desk's views are not shown");
      assert.deepEqual(ru.top, []);
      assert.equal((await editor.get('/api/newsroom/articles/999999/views')).statusCode, 404);
      assert.equal((await editor.get('/api/newsroom/articles/abc/views')).statusCode, 400);
    });

    test('announced bots, prefetches and newsroom previews are not counted; a reader is', async () => {
      now = at('2026-11-20T20:40:00Z');
      const before = await stored();
      const bots = [
        'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
        'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
        'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
        'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36',
        'curl/8.5.0',
      ];
      for (const ua of bots) await view(a, 'kz', now, { 'user-agent': ua });
      await view(a, 'kz', now, { 'sec-purpose': 'prefetch;prerender' });
      await view(a, 'kz', now, { purpose: 'prefetch' });
      await view(a, 'kz', now, { 'x-moz': 'prefetch' });
      await view(a, 'kz', now, { referer: `https://habarshy.test/newsroom/preview/${a.id}?edition=qz` });
      const gif = await site.app.inject({
        method: 'GET',
        url: `/beacon?a=${a.public_id}&e=kz`,
        headers: { 'user-agent': bots[0]! },
      });
      assert.equal(gif.headers['content-type'], 'image/gif', 'a bot gets the same answer');
      await site.services.views.flush();
      assert.equal(await stored(), before, 'nothing counted');

      // The preview page itself carries no beacon: neither the script's article id nor the <noscript> image.
      const preview = await editor.get(`/newsroom/preview/${a.id}`);
      assert.equal(preview.statusCode, 200);
      assert.ok(!preview.body.includes('/beacon?'), 'no beacon image in the preview');
      assert.ok(!preview.body.includes('data-article='), 'no article id for the beacon script');

      await view(a, 'kz', now, { referer: 'https://habarshy.test/kz/' });
      await site.services.views.flush();
      assert.equal(await stored(), before + 1, "a reader's view is counted");
    });
  });
}
