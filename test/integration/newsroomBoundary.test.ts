// What the newsroom checks before it reads a request, on SQLite and PostgreSQL: a caller without a
// session gets 401 and learns nothing of the schema, a foreign Origin gets 403 whatever the body,
// an unknown field is refused by name and changes nothing, and the preview keeps a user who must
// change the password out, as the API does.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, type TestSite } from '../support/site.ts';
import { anArticle } from '../support/fixtures.ts';
import { makeUser, signedIn, signIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

/** `[[[…]]]` nested `depth` deep, padded with spaces to about `bytes`. */
function nestedJson(depth: number, bytes: number): string {
  const core = '['.repeat(depth) + ']'.repeat(depth);
  return core + ' '.repeat(Math.max(0, bytes - core.length));
}

for (const dialect of dialects()) {
  describe(`newsroom request checks on ${dialect}`, () => {
    let site: TestSite;
    let journalist: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect, { content: (db) => anArticle(db, { edition: 'kz', headline: 'Жаңа көпір ашылды' }) });
      journalist = await signedIn(site, 'journalist', ['kz']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const revisionCount = async (articleId: number) =>
      Number(
        (
          await site.database.handle.db
            .selectFrom('revisions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('article_id', '=', articleId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('without a session: 401 without details, before the body is read or parsed', async () => {
      const bodies = [
        { payload: nestedJson(100_000, 3_800_000), type: 'application/json' },
        { payload: '{"revision": 1, "headline": ', type: 'application/json' },
        { payload: JSON.stringify({ revision: 'one', colour: 'red' }), type: 'application/json' },
        { payload: 'revision=1', type: 'application/x-www-form-urlencoded' },
      ];
      for (const b of bodies) {
        for (const url of ['/api/newsroom/articles/1', '/api/newsroom/articles']) {
          const res = await site.app.inject({
            method: url.endsWith('s') ? 'POST' : 'PUT',
            url,
            payload: b.payload,
            headers: { 'content-type': b.type },
          });
          assert.equal(res.statusCode, 401, `${url} ${b.payload.slice(0, 30)}`);
          const error = res.json().error;
          assert.equal(error.code, 'UNAUTHENTICATED');
          assert.equal(error.details, undefined, 'no details');
          assert.doesNotMatch(error.message, /body|revision|schema|JSON/i, 'nothing about the schema or the body');
        }
      }
    });

    test('a foreign Origin gets 403 BAD_ORIGIN whatever the body, with or without a session', async () => {
      for (const cookie of [journalist.cookie, undefined]) {
        for (const payload of ['{"revision": ', JSON.stringify({ colour: 'red' }), nestedJson(10_000, 100_000)]) {
          const res = await site.app.inject({
            method: 'PUT',
            url: '/api/newsroom/articles/1',
            payload,
            headers: {
              'content-type': 'application/json',
              origin: 'https://evil.example',
              'x-csrf-token': journalist.csrf,
              ...(cookie ? { cookie } : {}),
            },
          });
          assert.equal(res.statusCode, 403, payload.slice(0, 30));
          assert.equal(res.json().error.code, 'BAD_ORIGIN');
        }
      }
    });

    test('an unknown field is refused with 400 naming it, and no revision is made', async () => {
      const created = await journalist.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Жаңа көпір' });
      assert.equal(created.statusCode, 201, created.body);
      const a = created.json() as { id: number; revision: number };
      const before = await revisionCount(a.id);
      for (const body of [
        { revision: a.revision, headLine: 'Typo in the field name' },
        { revision: a.revision, colour: 'red' },
      ]) {
        const res = await journalist.put(`/api/newsroom/articles/${a.id}`, body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
        assert.equal(res.json().error.code, 'VALIDATION');
        const field = Object.keys(body)[1]!;
        assert.match(res.json().error.message, new RegExp(`unknown field "${field}"`));
      }
      assert.equal(await revisionCount(a.id), before, 'nothing saved');
      const typo = await journalist.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'x', tagIDs: [1] });
      assert.equal(typo.statusCode, 400);
      assert.match(typo.json().error.message, /unknown field "tagIDs"/);
      const nested = await signedIn(site, 'admin');
      const media = await nested.post('/api/newsroom/sections', { key: 'strict-test', names: { kz: { name: 'Сынақ', colour: 'red' } } });
      assert.equal(media.statusCode, 400, 'nested objects are strict too');
      assert.match(media.json().error.message, /unknown field "colour"/);
    });

    test('the preview refuses a user who must change the password, as the API does', async () => {
      const id = (await site.database.handle.db.selectFrom('articles').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      const admin = await signIn(site.app, await makeUser(site, 'admin', [], { mustChangePassword: true }));
      assert.equal((await admin.get(`/api/newsroom/articles/${id}`)).statusCode, 403, 'the API refuses');
      const preview = await admin.get(`/newsroom/preview/${id}`);
      assert.equal(preview.statusCode, 403, 'and so does the preview');
      assert.doesNotMatch(preview.body, /<article/);
      assert.equal(
        (await admin.post('/api/newsroom/password', { current: admin.user.password, next: 'the admin passphrase' })).statusCode,
        204,
      );
      assert.equal((await admin.get(`/newsroom/preview/${id}`)).statusCode, 200, 'after the change it opens');
    });
  });
}
