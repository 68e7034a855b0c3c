// ninjs for partner agencies, on SQLite and PostgreSQL: every edition's items (derived ones
// included) validate against the official IPTC ninjs 2.2 and 3.1 JSON Schemas with ajv, with the
// place an article is located in and the credits of its pictures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { EDITIONS, EDITION_CODES } from '../../src/editions/editions.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMAS = path.resolve(repoRoot, 'test/fixtures/schemas');
const CYRILLIC = /[\u0400-\u04FF]/;

function readSchema(relative: string): Record<string, unknown> {
  const file = path.join(SCHEMAS, relative);
  if (!fs.existsSync(file)) throw new Error(`ninjs tests need ${file} (the shared schemas folder beside the repository)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** ajv (JSON Schema 2020-12) with the GeoJSON schema under the $id the ninjs schemas reference. */
function validators(): Record<'2.2' | '3.1', ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  const geojson = readSchema('geojson/GeoJSON.json');
  delete geojson['$schema']; // draft-07 keywords it uses are understood by the 2020-12 validator
  ajv.addSchema(geojson, 'https://geojson.org/schema/GeoJSON.json');
  return {
    '2.2': ajv.compile(readSchema('ninjs/ninjs-schema_2.2.json')),
    '3.1': ajv.compile(readSchema('ninjs/ninjs-schema_3.1.json')),
  };
}

function assertValid(validate: ValidateFunction, item: unknown, label: string): void {
  const ok = validate(item);
  assert.ok(ok, `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

for (const dialect of dialects()) {
  describe(`ninjs on ${dialect}`, () => {
    let site: TestSite;
    let validate: Record<'2.2' | '3.1', ValidateFunction>;
    const json = async (url: string) => {
      const r = await site.app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 200)}`);
      return JSON.parse(r.body) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    };

    before(async () => {
      validate = validators();
      site = await bootSite(dialect, { env: { API_RATE_ANONYMOUS: '100000' } });
    });
    after(async () => {
      await site.close();
    });

    test('the validators are real: an item with a wrong pubstatus or an unknown property fails', () => {
      const good = { uri: 'https://habarshy.test/en/news/x-abcdef', type: 'text', pubstatus: 'usable', headlines: [{ value: 'x' }] };
      assertValid(validate['2.2'], good, 'minimal 2.2 item');
      assert.equal(validate['2.2']({ ...good, pubstatus: 'bogus' }), false);
      assert.equal(validate['2.2']({ ...good, versionCreated: '2026-11-20T10:00:00+05:00' }), false, '3.x spelling is not 2.2');
      assert.equal(validate['3.1']({ ...good, pubstatus: 'usable' }), false, '2.x spelling is not 3.1');
      assert.equal(
        validate['2.2']({ ...good, places: [{ name: 'x', geojson: { type: 'Point', coordinates: ['a'] } }] }),
        false,
        'GeoJSON is checked',
      );
    });

    test('a page of items costs the database the same few queries whether it holds 2 items or 20 (no queries per item)', async () => {
      let queries = 0;
      site.database.handle.observeQueries(() => queries++);
      try {
        const count = async (url: string) => {
          queries = 0;
          const body = await json(url);
          return { queries, items: (body['items'] as unknown[]).length };
        };
        for (const code of ['en', 'qz'] as const) {
          const small = await count(`/api/v1/ninjs/${code}?limit=2`);
          const large = await count(`/api/v1/ninjs/${code}?limit=20`);
          assert.equal(small.items, 2);
          assert.equal(large.items, 20);
          assert.equal(large.queries, small.queries, `${code}: ${small.queries} queries for 2 items, ${large.queries} for 20`);
        }
      } finally {
        site.database.handle.observeQueries(() => undefined);
      }
    });

    for (const code of EDITION_CODES) {
      test(`${code}: items validate against ninjs 2.2 (default) and 3.1, one by one and in the since list`, async () => {
        const list = await json(`/api/v1/articles?edition=${code}&limit=4`);
        assert.ok(list['items'].length > 0);
        for (const a of list['items'] as { id: string; headline: string; url: string }[]) {
          const v22 = await json(`/api/v1/ninjs/${code}/${a.id}`);
          assertValid(validate['2.2'], v22, `${code}/${a.id} 2.2`);
          assert.equal(v22['standard'].version, '2.2');
          assert.equal(v22['uri'], a.url);
          assert.equal(v22['language'], EDITIONS[code].lang);
          assert.equal(v22['headlines'][0].value, a.headline);
          assert.ok(v22['versioncreated'] && v22['firstcreated']);
          assert.match(v22['versioncreated'], /\+05:00$/);
          assert.deepEqual(
            v22['bodies'].map((b: { contenttype: string }) => b.contenttype),
            ['text/html', 'text/plain'],
          );
          assert.ok(v22['bodies'][1].value.length > 200 && !v22['bodies'][1].value.includes('<'));
          assert.ok(v22['subjects'].some((s: { rel: string }) => s.rel === 'section'));
          assert.ok(v22['by'] && v22['people'][0].uri.includes(`/${code}/author/`));
          const v31 = await json(`/api/v1/ninjs/${code}/${a.id}?version=3.1`);
          assertValid(validate['3.1'], v31, `${code}/${a.id} 3.1`);
          assert.equal(v31['standard'].version, '3.1');
          assert.equal(v31['versionCreated'], v22['versioncreated']);
        }
        for (const version of ['2.2', '3.1'] as const) {
          const since = await json(`/api/v1/ninjs/${code}?version=${version}&since=2026-11-01T00:00:00%2B05:00&limit=3`);
          assert.equal(since['items'].length, 3);
          for (const item of since['items']) assertValid(validate[version], item, `${code} since list ${version}`);
          assert.ok(since['next'], 'a next page');
          const page2 = await json(new URL(since['next']).pathname + new URL(since['next']).search);
          for (const item of page2['items']) assertValid(validate[version], item, `${code} since list page 2 ${version}`);
          const uris = new Set(since['items'].map((i: { uri: string }) => i.uri));
          assert.ok(
            page2['items'].every((i: { uri: string }) => !uris.has(i.uri)),
            'pages do not overlap',
          );
        }
      });
    }

    test('derived editions: the same id, converted texts, their own language', async () => {
      const kz = await json('/api/v1/articles?edition=kz&limit=1');
      const id = kz['items'][0].id as string;
      const source = await json(`/api/v1/ninjs/kz/${id}`);
      for (const code of ['qz', 'tote'] as const) {
        const item = await json(`/api/v1/ninjs/${code}/${id}`);
        assert.equal(item['language'], EDITIONS[code].lang);
        assert.notEqual(item['headlines'][0].value, source['headlines'][0].value);
        assert.doesNotMatch(item['headlines'][0].value, CYRILLIC);
        assert.doesNotMatch(item['bodies'][1].value, CYRILLIC);
        assert.match(item['uri'], new RegExp(`/${code}/news/.*${id}$`));
      }
      const uz = await json('/api/v1/articles?edition=uz&limit=1');
      const latn = await json(`/api/v1/ninjs/uz-latn/${uz['items'][0].id}?version=3.1`);
      assertValid(validate['3.1'], latn, 'uz-latn');
      assert.doesNotMatch(latn['headlines'][0].value, CYRILLIC);
    });

    test("located: articles tagged with a known city name it, with a GeoJSON point, in the edition's script", async () => {
      for (const [code, tag, name] of [
        ['en', 'astana', 'Astana'],
        ['en', 'almaty', 'Almaty'],
        ['en', 'shymkent', 'Shymkent'],
        ['ru', 'astana', 'Астана'],
        ['qz', 'astana', 'Astana'],
        ['tote', 'astana', 'استانا'],
        ['cn', 'asitana', '阿斯塔纳'],
      ] as const) {
        const list = await json(`/api/v1/articles?edition=${code}&tag=${tag}&limit=1`);
        const item = await json(`/api/v1/ninjs/${code}/${list['items'][0].id}`);
        assert.equal(item['located'], name, `${code} ${tag}`);
        assert.equal(item['places'][0].geojson.type, 'Point');
        const [lon, lat] = item['places'][0].geojson.coordinates as [number, number];
        assert.ok(lon > 46 && lon < 88 && lat > 40 && lat < 56, 'a point in Kazakhstan');
        const v31 = await json(`/api/v1/ninjs/${code}/${list['items'][0].id}?version=3.1`);
        assert.equal(v31['places'][0].geoJSON.type, 'Point');
      }
      const recent = await json('/api/v1/articles?edition=en&limit=30');
      const placeless = (recent['items'] as { id: string; tags: { key: string }[] }[]).find((a) =>
        a.tags.every((t) => !['astana', 'almaty', 'shymkent'].includes(t.key)),
      );
      assert.ok(placeless, 'an article without a city tag');
      const item = await json(`/api/v1/ninjs/en/${placeless.id}`);
      assert.equal(item['located'], undefined, 'no place is invented');
      assert.equal(item['places'], undefined);
    });

    test('pictures are associations with their credits and renditions', async () => {
      for (const code of ['en', 'kz', 'tote'] as const) {
        const list = await json(`/api/v1/articles?edition=${code}&limit=10`);
        const withImage = (list['items'] as { id: string; image: { credit: string; url: string } | null }[]).find((a) => a.image);
        assert.ok(withImage?.image, `${code}: an article with a lead photo`);
        const article = await json(`/api/v1/articles/${code}/${withImage.id}`);
        const item = await json(`/api/v1/ninjs/${code}/${withImage.id}`);
        const feature = item['associations'].find((a: { name: string }) => a.name === 'featureimage');
        assert.equal(feature.type, 'picture');
        assert.equal(feature.uri, withImage.image.url);
        assert.ok(withImage.image.credit.length > 0);
        assert.equal(feature.by, withImage.image.credit);
        assert.equal(feature.copyrightholder, withImage.image.credit);
        assert.ok(
          feature.renditions.length > 0 &&
            feature.renditions.every(
              (r: { href: string; width: number }) => r.href.startsWith('https://habarshy.test/media/') && r.width > 0,
            ),
        );
        const bodyImages = (article['body'].blocks as { type: string }[]).filter((b) => b.type === 'image').length;
        assert.equal(item['associations'].length, 1 + bodyImages, 'the lead photo and every body photo');
        if (code === 'tote') assert.doesNotMatch(feature.by, CYRILLIC, 'credits converted too');
      }
    });

    test('bad input: unknown edition, unknown id, unknown version → 4xx envelopes', async () => {
      const list = await json('/api/v1/articles?edition=en&limit=1');
      const id = list['items'][0].id as string;
      for (const [url, status, code] of [
        [`/api/v1/ninjs/xx/${id}`, 400, 'VALIDATION'],
        ['/api/v1/ninjs/en/000000', 404, 'NOT_FOUND'],
        [`/api/v1/ninjs/ru/${id}`, 404, 'NOT_FOUND'],
        [`/api/v1/ninjs/en/${id}?version=4.0`, 400, 'VALIDATION'],
        ['/api/v1/ninjs/en?since=yesterday', 400, 'VALIDATION'],
        ['/api/v1/ninjs/en?cursor=bm9wZQ', 400, 'BAD_CURSOR'],
      ] as const) {
        const r = await site.app.inject({ method: 'GET', url });
        assert.equal(r.statusCode, status, url);
        assert.equal(JSON.parse(r.body).error.code, code, url);
      }
    });
  });
}
