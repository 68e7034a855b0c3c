// Hostile autosaves (issue 10): a deeply nested `data` overflowed JSON.stringify's stack and
// answered 500. It is a 400 with the error envelope and keeps nothing. On SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, type TestSite } from '../support/site.ts';
import { aSection } from '../support/fixtures.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

/** `{"data": [[[…]]]}` nested `depth` arrays deep, written by hand (stringify is what overflowed). */
const nested = (depth: number, open = '[', close = ']') => `{"baseRevision":1,"data":${open.repeat(depth)}${close.repeat(depth)}}`;

for (const dialect of dialects()) {
  describe(`autosave of hostile data on ${dialect}`, () => {
    let site: TestSite;
    let journalist: Client;
    let id: number;
    before(async () => {
      site = await bootSite(dialect, { content: aSection });
      journalist = await signedIn(site, 'journalist', ['kz']);
      const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow())
        .id;
      const res = await journalist.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'Тереңдік',
        lead: 'Қысқаша',
        body: { version: 1, blocks: [] },
      });
      assert.equal(res.statusCode, 201, res.body);
      id = res.json().id;
    });
    after(() => site.close());

    const put = (payload: string) =>
      journalist.request('PUT', `/api/newsroom/articles/${id}/autosave`, payload, { 'content-type': 'application/json' });

    test('deeply nested data is a 400 with the error envelope and keeps nothing', async () => {
      // Deep enough that JSON.stringify overflows (from ~4,500 levels) yet the body parser takes it.
      for (const payload of [nested(4500), nested(1000), nested(201)]) {
        const res = await put(payload);
        assert.equal(res.statusCode, 400, res.body.slice(0, 200));
        assert.equal(res.json().error.code, 'VALIDATION');
      }
      // Deeply nested objects the body parser refuses itself.
      const deepest = await put(nested(5000, '{"a":', '}'));
      assert.equal(deepest.statusCode, 400);
      assert.equal(typeof deepest.json().error.code, 'string');
      assert.equal((await journalist.get(`/api/newsroom/articles/${id}`)).json().autosave, null, 'nothing was kept');
    });

    test('a draft nested as deep as a real document is still kept', async () => {
      const res = await put(nested(60));
      assert.equal(res.statusCode, 204, res.body);
      assert.equal(
        JSON.stringify((await journalist.get(`/api/newsroom/articles/${id}`)).json().autosave.data),
        '['.repeat(60) + ']'.repeat(60),
      );
    });
  });
}
