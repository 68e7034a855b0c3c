// Publishing actions as readers and partners notice them, on SQLite and PostgreSQL: unpublish,
// publish and correct an article; the pages follow at once, a revision is kept for each save,
// and a webhook subscriber on 127.0.0.1 receives the three events in order, signed.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { PublishingError } from '../../src/services/publishing.ts';
import { WebhookWorker } from '../../src/services/webhooks.ts';
import { addSubscriber } from '../../src/store/webhooks.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

for (const dialect of dialects()) {
  describe(`publishing on ${dialect}`, () => {
    let site: TestSite;
    let receiver: http.Server;
    const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    const get = (url: string) => site.app.inject({ method: 'GET', url });

    before(async () => {
      site = await bootSite(dialect);
      receiver = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          received.push({ headers: req.headers, body });
          res.writeHead(204).end();
        });
      });
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    });
    after(async () => {
      receiver.close();
      await site.close();
    });

    test('unpublish, publish and correct: pages, revisions and webhooks follow', async () => {
      const db = site.database.handle.db;
      const port = (receiver.address() as AddressInfo).port;
      await addSubscriber(db, {
        url: `http://127.0.0.1:${port}/hook`,
        secret: 'topsecret',
        events: 'article.published,article.updated,article.unpublished',
        created_at: new Date().toISOString(),
      });
      const href = dom((await get('/en/')).body)
        .querySelector('main a[href*="/news/"]')!
        .getAttribute('href')!;
      const { id } = await db.selectFrom('articles').select('id').where('public_id', '=', href.slice(-6)).executeTakeFirstOrThrow();
      assert.equal((await get(href)).statusCode, 200);
      await get('/en/latest');

      await site.services.publishing.unpublish(id);
      assert.equal((await get(href)).statusCode, 404, 'gone from the site at once');
      assert.ok(!(await get('/en/latest')).body.includes(href), 'and from the lists, most popular included');
      await assert.rejects(
        site.services.publishing.unpublish(id),
        (e: unknown) => e instanceof PublishingError && e.code === 'INVALID_STATE',
      );

      await site.services.publishing.publish(id);
      assert.equal((await get(href)).statusCode, 200);
      assert.ok((await get('/en/latest')).body.includes(href));

      // The site's clock stands still in tests: let the publication be an hour old before the correction.
      await db
        .updateTable('articles')
        .set({ published_at: new Date(site.now.getTime() - 3_600_000).toISOString() })
        .where('id', '=', id)
        .execute();
      const { revision } = await db.selectFrom('articles').select('revision').where('id', '=', id).executeTakeFirstOrThrow();
      await site.services.publishing.update(id, { headline: 'A corrected headline' }, { revision });
      const page = dom((await get(href)).body);
      assert.equal(page.querySelector('h1')?.textContent, 'A corrected headline');
      assert.ok(page.querySelector('.updated time'), 'readers see the updated time');
      await assert.rejects(
        site.services.publishing.update(id, { lead: 'stale' }, { revision }),
        (e: unknown) => e instanceof PublishingError && e.code === 'CONFLICT',
      );
      await assert.rejects(site.services.publishing.update(id, { body: { version: 1, blocks: [{ type: 'html' }] } }));
      const revisions = await db.selectFrom('revisions').select('revision').where('article_id', '=', id).orderBy('revision').execute();
      assert.deepEqual(
        revisions.map((r) => r.revision),
        [1, 2, 3, 4],
      );

      const run = await new WebhookWorker({ db, clock: () => new Date() }).runOnce();
      assert.equal(run.delivered, 3);
      assert.deepEqual(
        received.map((r) => JSON.parse(r.body).event),
        ['article.unpublished', 'article.published', 'article.updated'],
      );
      for (const r of received) {
        const expected = createHmac('sha256', 'topsecret').update(`${r.headers['habarshy-timestamp']}.${r.body}`).digest('hex');
        assert.equal(r.headers['habarshy-signature'], `sha256=${expected}`);
      }
      assert.equal(JSON.parse(received[2]!.body).article.headline, 'A corrected headline');
    });

    test('unpublishing and publishing again leave the search index alone; a correction rewrites its article', async () => {
      const db = site.database.handle.db;
      // Every write of a search document counted by a trigger of the test's own database.
      if (site.database.dialect === 'sqlite') {
        await sql`create table doc_writes (article_id integer)`.execute(db);
        await sql`create trigger doc_writes_ai after insert on search_documents begin insert into doc_writes values (new.article_id); end`.execute(
          db,
        );
      } else {
        await sql`create table doc_writes (article_id integer)`.execute(db);
        await sql`create function doc_writes_f() returns trigger language plpgsql as $$ begin insert into doc_writes values (new.article_id); return null; end $$`.execute(
          db,
        );
        await sql`create trigger doc_writes_ai after insert on search_documents for each row execute function doc_writes_f()`.execute(db);
      }
      const writes = async () => Number((await sql<{ n: number }>`select count(*) as n from doc_writes`.execute(db)).rows[0]!.n);
      const { id } = await db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'published')
        .where('edition', '=', 'en')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow();
      await site.services.publishing.unpublish(id);
      await site.services.publishing.publish(id);
      assert.equal(await writes(), 0, 'the text did not change: no document was written again');
      await site.services.publishing.update(id, { headline: 'Another corrected headline' });
      assert.equal(await writes(), 1, 'the correction rewrote its document');
      const doc = await db.selectFrom('search_documents').select('headline').where('article_id', '=', id).executeTakeFirstOrThrow();
      assert.match(doc.headline, /\bcorrect/, 'the analyzed headline is the corrected one');
    });
  });
}
