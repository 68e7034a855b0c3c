// The OpenAPI 3.1 document generated from the API's route schemas, and the reference page made
// from it, on SQLite and PostgreSQL; and the rule that every API route declares its access.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { requireAccess } from '../../src/web/api/requireAccess.ts';
import { dialects, tempDir } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const ROUTES = [
  '/api/v1/editions',
  '/api/v1/sections',
  '/api/v1/tags',
  '/api/v1/authors',
  '/api/v1/articles',
  '/api/v1/articles/{edition}/{id}',
  '/api/v1/stories/{id}',
  '/api/v1/ninjs/{edition}',
  '/api/v1/ninjs/{edition}/{id}',
  '/api/v1/openapi.json',
  '/api/v1/search',
];

/** The newsroom API (docs/newsroom-api.md): every operation, in the same document. */
const NEWSROOM = [
  'POST /session',
  'GET /session',
  'DELETE /session',
  'DELETE /sessions',
  'POST /password',
  'PATCH /me',
  'GET /articles',
  'POST /articles',
  'GET /dashboard',
  'GET /articles/{id}',
  'PUT /articles/{id}',
  'DELETE /articles/{id}',
  'PUT /articles/{id}/autosave',
  'POST /articles/{id}/transitions',
  'GET /articles/{id}/timeline',
  'GET /articles/{id}/revisions',
  'GET /articles/{id}/revisions/{n}',
  'GET /articles/{id}/diff',
  'POST /articles/{id}/revisions/{n}/restore',
  'POST /articles/{id}/translations',
  'GET /stories/{id}',
  'POST /articles/{id}/presence',
  'DELETE /articles/{id}/presence',
  'POST /convert',
  'GET /articles/{id}/overrides',
  'PUT /articles/{id}/overrides/{edition}/{field}',
  'DELETE /articles/{id}/overrides/{edition}/{field}',
  'GET /lexicon',
  'POST /lexicon',
  'DELETE /lexicon/{id}',
  'POST /media',
  'GET /media',
  'GET /media/{id}',
  'PATCH /media/{id}',
  'POST /media/{id}/rotate',
  'PUT /media/{id}/file',
  'GET /articles/{id}/photo-texts',
  'PUT /articles/{id}/photo-texts',
  'DELETE /media/{id}',
  'GET /sections',
  'POST /sections',
  'PATCH /sections/{id}',
  'PUT /sections/order',
  'GET /tags',
  'POST /tags',
  'PATCH /tags/{id}',
  'POST /tags/{id}/merge',
  'GET /authors',
  'POST /authors',
  'PATCH /authors/{id}',
  'GET /users',
  'POST /users',
  'PATCH /users/{id}',
  'GET /audit',
  'GET /people',
  'GET /assignments',
  'POST /assignments',
  'PATCH /assignments/{id}',
  'POST /assignments/{id}/draft',
  'GET /notifications',
  'GET /notifications/unread',
  'POST /notifications/{id}/read',
  'POST /notifications/read',
  'GET /articles/{id}/comments',
  'POST /articles/{id}/comments',
  'PUT /comments/{id}',
  'DELETE /comments/{id}',
  'POST /articles/bulk',
  'GET /analytics',
  'GET /articles/{id}/views',
  'GET /pages',
  'POST /pages',
  'GET /pages/{id}',
  'PUT /pages/{id}',
  'POST /pages/{id}/publish',
  'POST /pages/{id}/unpublish',
  'GET /pages/{id}/revisions',
  'POST /pages/{id}/revisions/{n}/restore',
].map((op) => {
  const [method, path] = op.split(' ') as [string, string];
  return { method: method.toLowerCase(), path: `/api/newsroom${path}` };
});

/**
 * The official OpenAPI 3.1 schema (test/fixtures/openapi-3.1-schema.json, a copy of the OAI's
 * 2022-10-07 schema as shipped by openapi-spec-validator).
 */
function openApi31Schema(): Json {
  const file = fileURLToPath(new URL('../fixtures/openapi-3.1-schema.json', import.meta.url));
  // ajv resolves `$dynamicRef` only to a root-level `$dynamicAnchor`; this schema's anchor "meta"
  // is `$defs/schema` (a Schema Object is any object or boolean), so point the references there.
  const text = fs.readFileSync(file, 'utf8').replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"');
  return JSON.parse(text) as Json;
}

/** Python's openapi-spec-validator, a second, independent validator where the machine has it. */
function hasPythonValidator(): boolean {
  return spawnSync('python3', ['-c', 'import openapi_spec_validator'], { timeout: 20_000 }).status === 0;
}

/** Every Schema Object in the document (parameters and response bodies). */
function schemasOf(doc: Json): { where: string; schema: Json }[] {
  const out: { where: string; schema: Json }[] = [];
  for (const [p, item] of Object.entries(doc['paths'] as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      for (const param of (op as Json)['parameters'] ?? [])
        out.push({ where: `${method} ${p} ${param.in} ${param.name}`, schema: param.schema });
      for (const [status, resp] of Object.entries((op as Json)['responses'] ?? {})) {
        for (const [type, media] of Object.entries((resp as Json)['content'] ?? {}))
          out.push({ where: `${method} ${p} ${status} ${type}`, schema: (media as Json)['schema'] });
      }
    }
  }
  return out;
}

test('an API route that declares no access fails at registration', async () => {
  const app = Fastify();
  requireAccess(app);
  app.get('/declared', { config: { access: 'public' } }, async () => ({}));
  assert.throws(() => app.get('/undeclared', async () => ({})), /declares no access/);
  await app.close();
});

for (const dialect of dialects()) {
  describe(`OpenAPI document and reference on ${dialect}`, () => {
    let site: TestSite;
    let doc: Json;
    const get = (url: string) => site.app.inject({ method: 'GET', url });

    before(async () => {
      site = await bootSite(dialect);
      const r = await get('/api/v1/openapi.json');
      assert.equal(r.statusCode, 200);
      assert.match(r.headers['content-type'] as string, /^application\/json/);
      doc = JSON.parse(r.body) as Json;
    });
    after(async () => {
      await site.close();
    });

    test('it says OpenAPI 3.1.0 and lists every route with its parameters, responses and errors', () => {
      assert.equal(doc['openapi'], '3.1.0');
      assert.equal(doc['info'].title, 'Habarshy API');
      assert.equal(doc['servers'][0].url, 'https://habarshy.test');
      assert.deepEqual(Object.keys(doc['paths']).sort(), [...new Set([...ROUTES, ...NEWSROOM.map((o) => o.path)])].sort());
      for (const { method, path: p } of NEWSROOM) {
        const op = doc['paths'][p][method] as Json;
        assert.ok(op, `${method.toUpperCase()} ${p}`);
        assert.ok(op['summary'], `${p} has a summary`);
        assert.deepEqual(op['tags'], ['newsroom']);
        const login = method === 'post' && p === '/api/newsroom/session';
        assert.deepEqual(op['security'], login ? [] : [{ session: [], csrf: [] }], `${method} ${p} security`);
        for (const name of [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
          assert.ok(
            op['parameters'].some((x: Json) => x['in'] === 'path' && x['name'] === name),
            `${p} path parameter ${name}`,
          );
        }
      }
      const ops = Object.values(doc['paths']).reduce((n: number, item) => n + Object.keys(item as Json).length, 0);
      assert.equal(ops, ROUTES.length + NEWSROOM.length, 'no undocumented operation');
      for (const p of ROUTES) {
        const op = doc['paths'][p].get as Json;
        assert.ok(op, `GET ${p}`);
        assert.ok(op['summary'], `${p} has a summary`);
        assert.ok(op['responses']['200'].content['application/json'].schema, `${p} documents its 200 body`);
        assert.ok(op['responses']['429'], `${p} documents the rate limit`);
        const pathParams = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        for (const name of pathParams)
          assert.ok(
            op['parameters'].some((x: Json) => x['in'] === 'path' && x['name'] === name && x['required'] === true),
            `${p} path parameter ${name}`,
          );
      }
      const articles = doc['paths']['/api/v1/articles'].get as Json;
      const param = (name: string) => articles['parameters'].find((x: Json) => x['name'] === name) as Json;
      assert.equal(param('edition').required, true);
      assert.deepEqual(param('edition').schema.enum, ['kz', 'qz', 'ru', 'en', 'cn', 'uz', 'uz-latn', 'tote']);
      assert.deepEqual([param('limit').schema.minimum, param('limit').schema.maximum, param('limit').schema.default], [1, 100, 20]);
      for (const name of ['section', 'tag', 'author', 'story', 'since', 'until', 'cursor']) assert.equal(param(name).in, 'query', name);
      assert.equal(param('since').schema.format, 'date-time');
      const errorBody = articles['responses']['400'].content['application/json'].schema;
      assert.deepEqual(Object.keys(errorBody.properties), ['error']);
      assert.deepEqual(doc['components'].securitySchemes.partnerKey, {
        type: 'http',
        scheme: 'bearer',
        description: doc['components'].securitySchemes.partnerKey.description,
      });
      assert.ok(!JSON.stringify(doc).includes('"nullable"'), 'no OpenAPI 3.0 `nullable`: 3.1 uses type null');
    });

    test('it validates: the OpenAPI 3.1 schema (where available offline) and every Schema Object as JSON Schema 2020-12', () => {
      // media-range is the schema's own format for content-type keys (RFC 9110); any string passes here.
      const ajv = new Ajv2020({ allErrors: true, strict: false, formats: { 'media-range': true } });
      (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
      const validate = ajv.compile(openApi31Schema());
      assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 5)));
      assert.equal(validate({ ...doc, openapi: '3.0.3' }), false, 'the official schema is really checking');
      if (hasPythonValidator()) {
        // And the same package's full validator (references, parameters, Schema Objects).
        const dir = tempDir('habarshy-openapi-');
        try {
          const file = path.join(dir, 'openapi.json');
          fs.writeFileSync(file, JSON.stringify(doc));
          const r = spawnSync('python3', ['-m', 'openapi_spec_validator', file], { encoding: 'utf8', timeout: 60_000 });
          assert.equal(r.status, 0, r.stdout + r.stderr);
          assert.match(r.stdout, /: OK/);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      } else {
        process.stderr.write('# openapi-spec-validator (Python) is not installed: validated with the official schema only\n');
      }
      const schemas = schemasOf(doc);
      assert.ok(schemas.length > 40);
      for (const { where, schema } of schemas) {
        assert.ok(schema && typeof schema === 'object', where);
        assert.ok(ajv.validateSchema(schema), `${where}: ${JSON.stringify(ajv.errors?.slice(0, 3))}`);
      }
      assert.equal(ajv.validateSchema({ type: 'strnig' }), false, 'validateSchema rejects a broken schema');
    });

    test('/api/docs lists every path, parameter and response, without script', async () => {
      const r = await get('/api/docs');
      assert.equal(r.statusCode, 200);
      assert.match(r.headers['content-type'] as string, /^text\/html/);
      assert.match(r.headers['content-security-policy'] as string, /script-src 'self'/);
      const d = dom(r.body);
      assert.equal(d.querySelectorAll('script').length, 0);
      assert.equal(d.querySelectorAll('[style]').length, 0, 'no inline style (the CSP forbids it)');
      const operations = [...d.querySelectorAll('section.operation')];
      assert.equal(operations.length, ROUTES.length + NEWSROOM.length);
      for (const { method, path: p } of NEWSROOM) {
        assert.ok(
          operations.some(
            (o) => o.querySelector('code.path')?.textContent === p && o.querySelector('code.method')?.textContent === method.toUpperCase(),
          ),
          `${method} ${p} on the page`,
        );
      }
      for (const p of ROUTES) {
        const section = operations.find(
          (s) => s.querySelector('code.path')?.textContent === p && s.querySelector('code.method')?.textContent === 'GET',
        );
        assert.ok(section, `${p} on the page`);
        assert.equal(section.querySelector('code.method')?.textContent, 'GET');
        const op = doc['paths'][p].get as Json;
        const names = [...section.querySelectorAll('tr.param td:first-child')].map((td) => td.textContent);
        assert.deepEqual(
          names,
          (op['parameters'] ?? []).map((x: Json) => x['name']),
          `${p} parameters`,
        );
        const statuses = [...section.querySelectorAll('tr.response td:first-child')].map((td) => td.textContent);
        assert.deepEqual(statuses, Object.keys(op['responses']), `${p} responses`);
        assert.ok(d.querySelector(`nav a[href="#${section.getAttribute('id')}"]`), `${p} in the table of contents`);
      }
      const limitRow = [...d.querySelectorAll('tr.param')].find((tr) => tr.querySelector('td')?.textContent === 'limit');
      assert.match(limitRow?.textContent ?? '', /1 to 100/);
      const css = d.querySelector('link[rel="stylesheet"]')?.getAttribute('href');
      const sheet = await get(css!);
      assert.equal(sheet.statusCode, 200);
      assert.match(sheet.headers['content-type'] as string, /^text\/css/);
    });
  });
}
