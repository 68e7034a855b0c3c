// The newsroom API's contract (src/contracts/newsroom): docs/newsroom-api.md is written from it,
// every route of it is served, and the answers the serializer writes from its schemas keep every
// field the newsroom's screens read — on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { bootSite, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { Article, ArticleList, NEWSROOM_API, Session } from '../../src/contracts/newsroom/index.ts';
import { newsroomApiMarkdown } from '../../src/contracts/newsroom/markdown.ts';

/** The contract's schemas as a JSON Schema validator reads them (what the OpenAPI document states). */
const ajv = new Ajv({ strict: false });
const matches = (schema: object, value: unknown): boolean => ajv.validate(schema, value);

test('docs/newsroom-api.md is the contract (run npm run docs:newsroom-api after changing it)', () => {
  const doc = fs.readFileSync('docs/newsroom-api.md', 'utf8');
  const generated = /<!-- generated: newsroomApiMarkdown\(\) -->\n([\s\S]*?)\n<!-- \/generated -->/.exec(doc)?.[1];
  assert.equal(generated, newsroomApiMarkdown());
});

test('the document names every route and every field of the contract', () => {
  const text = newsroomApiMarkdown();
  for (const group of NEWSROOM_API) {
    for (const route of Object.values(group.routes))
      assert.ok(text.includes(`\`${route.method} ${route.url}\``), `${route.method} ${route.url}`);
  }
  for (const field of Object.keys(Article.properties)) assert.ok(text.includes(`| \`${field}\` |`), field);
});

for (const dialect of dialects()) {
  describe(`the newsroom contract on ${dialect}`, () => {
    let site: TestSite;
    let editor: Client;

    before(async () => {
      site = await bootSite(dialect);
      editor = await signedIn(site, 'editor', ['kz']);
    });
    after(() => site.close());

    test('every route of the contract is served, with an answer schema', () => {
      for (const group of NEWSROOM_API) {
        for (const route of Object.values(group.routes)) {
          assert.ok(site.app.hasRoute({ method: route.method, url: `/api/newsroom${route.url}` }), `${route.method} ${route.url}`);
          assert.ok(Object.keys(route.schema.response).length > 0, `${route.method} ${route.url} has an answer schema`);
        }
      }
    });

    test('the serialized answers keep every field the editor reads', async () => {
      const session = await editor.get('/api/newsroom/session');
      assert.ok(matches(Session, session.json()), session.body);

      const created = await editor.post('/api/newsroom/articles', { edition: 'kz', sectionId: 1, headline: 'Келісімшарт', lead: 'Лид' });
      assert.equal(created.statusCode, 201, created.body);
      const id = (created.json() as { id: number }).id;
      await editor.put(`/api/newsroom/articles/${id}/autosave`, {
        baseRevision: 1,
        data: { headline: 'Келісімшарт жаңа', extra: { deep: [1, 2] } },
      });
      const article = (await editor.get(`/api/newsroom/articles/${id}`)).json() as Record<string, unknown>;
      assert.deepEqual(Object.keys(article).sort(), Object.keys(Article.properties).sort());
      assert.ok(matches(Article, article), JSON.stringify(ajv.errors));
      // The autosave is any JSON and comes back whole; the body as stored.
      assert.deepEqual(article['autosave'] && (article['autosave'] as { data: unknown }).data, {
        headline: 'Келісімшарт жаңа',
        extra: { deep: [1, 2] },
      });
      assert.deepEqual(article['body'], { version: 1, blocks: [] });
      assert.ok((article['allowed'] as string[]).includes('edit'));

      const list = (await editor.get('/api/newsroom/articles?mine=true')).json();
      assert.ok(matches(ArticleList, list), JSON.stringify(ajv.errors));
      assert.equal((list as { items: { id: number }[] }).items[0]?.id, id);
    });

    test('a field the contract does not name is refused with 400 naming it, and nothing changes', async () => {
      const created = (await editor.post('/api/newsroom/articles', { edition: 'kz', sectionId: 1, headline: 'Бірінші' })).json() as {
        id: number;
      };
      const res = await editor.put(`/api/newsroom/articles/${created.id}`, { revision: 1, headlien: 'Екінші' });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json(), { error: { code: 'VALIDATION', message: 'body: unknown field "headlien"' } });
      const article = (await editor.get(`/api/newsroom/articles/${created.id}`)).json() as { headline: string; revision: number };
      assert.equal(article.headline, 'Бірінші');
      assert.equal(article.revision, 1);
    });
  });
}
