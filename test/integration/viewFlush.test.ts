// View beacons under load (issue 10): a kill -9 lost up to 10 s of them (18% of a burst). Besides
// the timer, the counter writes as soon as a batch has piled up. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { anArticle } from '../support/fixtures.ts';
import { VIEW_FLUSH_BATCH } from '../../src/services/popular.ts';
import { READER_HEADERS } from '../support/readerAgent.ts';

for (const dialect of dialects()) {
  describe(`view counts under load on ${dialect}`, () => {
    let site: TestSite;
    before(async () => {
      site = await bootSite(dialect, {
        content: async (db) => {
          await anArticle(db, { edition: 'kz', headline: 'Жаңа көпір ашылды' });
          await anArticle(db, { edition: 'ru', headline: 'Открыт новый мост' });
        },
      });
    });
    after(() => site.close());

    const stored = async () =>
      Number(
        (
          await site.database.handle.db
            .selectFrom('view_counts')
            .select((eb) => eb.fn.sum<number>('views').as('n'))
            .executeTakeFirstOrThrow()
        ).n ?? 0,
      );

    test('every view of a burst is counted exactly once, with early writes and timer flushes crossing', async () => {
      const href = dom((await site.app.inject({ method: 'GET', url: '/kz/' })).body)
        .querySelector('main a[href*="/news/"]')!
        .getAttribute('href')!;
      const id = /-([0-9a-f]{6})$/.exec(href)![1]!;
      const before = await stored();
      const burst = 3 * VIEW_FLUSH_BATCH + 10;
      const flushes: Promise<number>[] = [];
      for (let i = 0; i < burst; i++) {
        const res = await site.app.inject({ method: 'POST', url: `/beacon?a=${id}&e=kz`, headers: READER_HEADERS });
        assert.equal(res.statusCode, 204);
        if (i % 170 === 0) flushes.push(site.services.views.flush());
      }
      await Promise.all(flushes);
      await site.services.views.flush();
      const total = (await stored()) - before;
      assert.equal(total, burst, 'every view is counted once');
    });

    test('without waiting for the timer, at most one batch of a burst is only in memory', async () => {
      const href = dom((await site.app.inject({ method: 'GET', url: '/ru/' })).body)
        .querySelector('main a[href*="/news/"]')!
        .getAttribute('href')!;
      const id = /-([0-9a-f]{6})$/.exec(href)![1]!;
      const before = await stored();
      const burst = 4 * VIEW_FLUSH_BATCH;
      for (let i = 0; i < burst; i++) await site.app.inject({ method: 'POST', url: `/beacon?a=${id}&e=ru`, headers: READER_HEADERS });
      // The app's timers are off in tests: only the counter's own writes have stored anything.
      await site.services.views.settled();
      const written = (await stored()) - before;
      assert.ok(burst - written <= VIEW_FLUSH_BATCH, `${burst - written} of ${burst} views only in memory`);
    });
  });
}
