// The public JSON API through inject, on SQLite and PostgreSQL: every route and filter, cursor
// pagination, ETag/304, CORS, partner keys and rate limits, and bad input (always a 4xx envelope).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { EDITIONS, EDITION_CODES } from '../../src/editions/editions.ts';
import { createApiKey } from '../../src/services/apiKeys.ts';
import { encodeCursor } from '../../src/services/apiCursor.ts';
import { listApiKeys, revokeApiKey } from '../../src/store/apiKeys.ts';
import {
  Article,
  ArticlePage,
  AuthorItem,
  EditionItem,
  ErrorEnvelope,
  ListOf,
  SectionItem,
  Story,
  TagItem,
} from '../../src/web/api/schemas.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, dom, FIXED_NOW, type TestSite } from '../support/site.ts';

const CYRILLIC = /[\u0400-\u04FF]/;
const ARABIC = /[\u0600-\u06FF]/;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
interface Summary {
  id: string;
  storyId: number;
  publishedAt: string;
  headline: string;
  section: { slug: string; key: string } | null;
  tags: { slug: string; key: string }[];
  authors: { slug: string }[];
}

/** The route schemas, compiled by an independent validator: responses must be what the OpenAPI document says. */
const ajv = new Ajv2020({ allErrors: true, strict: false });
(addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
const conforms = (schema: TSchema, body: unknown, label: string) => {
  const validate = ajv.compile(schema);
  assert.ok(validate(body), `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
};

for (const dialect of dialects()) {
  describe(`public API on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
    const json = async (url: string, headers: Record<string, string> = {}): Promise<Json> => {
      const r = await get(url, headers);
      assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 300)}`);
      assert.match(r.headers['content-type'] as string, /^application\/json/);
      return JSON.parse(r.body) as Json;
    };
    const fails = async (url: string, status: number, code: string, headers: Record<string, string> = {}) => {
      const r = await get(url, headers);
      assert.equal(r.statusCode, status, `${url}: ${r.body.slice(0, 300)}`);
      const body = JSON.parse(r.body) as Json;
      conforms(ErrorEnvelope, body, url);
      assert.equal(body['error'].code, code, url);
      return body['error'] as { code: string; message: string };
    };
    /** Every page of a list, following `next`. */
    const walk = async (url: string): Promise<Summary[]> => {
      const out: Summary[] = [];
      let next: string | null = url;
      for (let i = 0; next && i < 100; i++) {
        const page = await json(next);
        out.push(...(page['items'] as Summary[]));
        next = page['next'] ? new URL(page['next'] as string).pathname + new URL(page['next'] as string).search : null;
      }
      return out;
    };

    before(async () => {
      site = await bootSite(dialect, { env: { API_RATE_ANONYMOUS: '100000' } });
    });
    after(async () => {
      await site.close();
    });

    test('editions: all eight, derived ones with their source, CORS open and cacheable', async () => {
      const r = await get('/api/v1/editions', { origin: 'https://partner.example' });
      assert.equal(r.statusCode, 200);
      assert.equal(r.headers['access-control-allow-origin'], '*');
      assert.match(r.headers['cache-control'] as string, /public, max-age=\d+, stale-while-revalidate/);
      const body = JSON.parse(r.body) as Json;
      conforms(ListOf(EditionItem), body, 'editions');
      assert.deepEqual(
        body['items'].map((e: Json) => e['code']),
        EDITION_CODES,
      );
      const tote = body['items'].find((e: Json) => e['code'] === 'tote');
      assert.deepEqual([tote.dir, tote.kind, tote.source, tote.lang], ['rtl', 'derived', 'kz', 'kk-Arab']);
      assert.equal(body['items'].find((e: Json) => e['code'] === 'uz-latn').source, 'uz');
    });

    test("CORS: a keyed request's preflight is allowed for GET; writing methods are not", async () => {
      const pre = await site.app.inject({
        method: 'OPTIONS',
        url: '/api/v1/articles?edition=en',
        headers: {
          origin: 'https://partner.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      assert.equal(pre.statusCode, 204);
      assert.equal(pre.headers['access-control-allow-origin'], '*');
      assert.match(pre.headers['access-control-allow-methods'] as string, /GET/);
      assert.doesNotMatch(pre.headers['access-control-allow-methods'] as string, /POST|PUT|DELETE/);
      assert.match(pre.headers['access-control-allow-headers'] as string, /authorization/i);
      const post = await site.app.inject({ method: 'POST', url: '/api/v1/articles', payload: {} });
      assert.ok(post.statusCode >= 400 && post.statusCode < 500);
      assert.equal(JSON.parse(post.body).error.code, 'NOT_FOUND');
    });

    test('sections, tags and authors: names per edition, derived editions converted, ?edition= filters', async () => {
      const sections = await json('/api/v1/sections');
      conforms(ListOf(SectionItem), sections, 'sections');
      const kazakhstan = sections['items'].find((s: Json) => s['key'] === 'kazakhstan');
      assert.deepEqual(Object.keys(kazakhstan.names).sort(), [...EDITION_CODES].sort());
      assert.equal(kazakhstan.names.kz.name, 'Қазақстан');
      assert.equal(kazakhstan.names.qz.name, 'Qazaqstan');
      assert.match(kazakhstan.names.tote.name, ARABIC);
      assert.equal(kazakhstan.names.qz.url, 'https://habarshy.test/qz/kazakstan/');
      const qzOnly = await json('/api/v1/sections?edition=qz');
      assert.ok(qzOnly['items'].length >= 7);
      for (const s of qzOnly['items']) assert.deepEqual(Object.keys(s.names), ['qz']);

      const tags = await json('/api/v1/tags?edition=tote');
      conforms(ListOf(TagItem), tags, 'tags');
      const astana = tags['items'].find((t: Json) => t['key'] === 'astana');
      assert.equal(astana.names.tote.name, 'استانا');
      assert.ok(tags['items'].every((t: Json) => Object.keys(t['names']).join() === 'tote' && !CYRILLIC.test(t['names'].tote.name)));
      const allTags = await json('/api/v1/tags');
      assert.equal(allTags['items'].find((t: Json) => t['key'] === 'almaty').names.uz.name, 'Олмаота');

      const authors = await json('/api/v1/authors');
      conforms(ListOf(AuthorItem), authors, 'authors');
      const bekov = authors['items'].find((a: Json) => a['slug'] === 'ernar-bekov');
      assert.equal(bekov.names.en.name, 'Yernar Bekov');
      assert.equal(bekov.names.qz.name, 'Ernar Bekov');
      assert.doesNotMatch(bekov.names['uz-latn'].role, CYRILLIC);
      const latn = await json('/api/v1/authors?edition=uz-latn');
      assert.ok(latn['items'].every((a: Json) => Object.keys(a['names']).join() === 'uz-latn'));
      await fails('/api/v1/tags?edition=xx', 400, 'VALIDATION');
    });

    test('articles: newest first, limit 1..100 with a default of 20, every item complete', async () => {
      const page = await json('/api/v1/articles?edition=en');
      conforms(ArticlePage, page, 'articles');
      const items = page['items'] as Summary[];
      assert.equal(items.length, 20);
      for (let i = 1; i < items.length; i++)
        assert.ok(Date.parse(items[i - 1]!.publishedAt) >= Date.parse(items[i]!.publishedAt), 'newest first');
      assert.ok(
        items.every((a) => Date.parse(a.publishedAt) <= FIXED_NOW.getTime()),
        'nothing embargoed',
      );
      assert.ok(
        items.every((a) => /\+05:00$/.test(a.publishedAt)),
        'Asia/Almaty offset',
      );
      const fifty = await json('/api/v1/articles?edition=en&limit=50');
      assert.equal(fifty['items'].length, 50);
      assert.ok(fifty['next']);
      const hundred = await json('/api/v1/articles?edition=en&limit=100');
      assert.ok(hundred['items'].length > 50 && hundred['items'].length <= 100);
      assert.equal((await json('/api/v1/articles?edition=en&limit=1'))['items'].length, 1);
      const tote = await json('/api/v1/articles?edition=tote&limit=5');
      assert.ok(tote['items'].every((a: Json) => ARABIC.test(a['headline']) && !CYRILLIC.test(a['headline']) && a['lang'] === 'kk-Arab'));
      const kz = await json('/api/v1/articles?edition=kz&limit=5');
      assert.deepEqual(
        tote['items'].map((a: Json) => a['id']),
        kz['items'].map((a: Json) => a['id']),
        'derived editions share the ids',
      );
    });

    test('articles: filters by section, tag, author, story and time, each checked on every item', async () => {
      const bySection = await walk('/api/v1/articles?edition=ru&section=politika&limit=50');
      assert.ok(bySection.length >= 8);
      assert.ok(bySection.every((a) => a.section?.slug === 'politika'));
      const byTag = await walk('/api/v1/articles?edition=qz&tag=astana&limit=50');
      assert.ok(byTag.length >= 3);
      assert.ok(byTag.every((a) => a.tags.some((t) => t.slug === 'astana')));
      const byAuthor = await walk('/api/v1/articles?edition=en&author=ernar-bekov&limit=50');
      assert.ok(byAuthor.length >= 2);
      assert.ok(byAuthor.every((a) => a.authors.some((x) => x.slug === 'ernar-bekov')));
      const story = byTag[0]!.storyId;
      const byStory = await json(`/api/v1/articles?edition=qz&story=${story}`);
      assert.deepEqual(
        byStory['items'].map((a: Json) => a['storyId']),
        [story],
      );
      const combined = await walk('/api/v1/articles?edition=en&section=kazakhstan&tag=astana&limit=50');
      assert.ok(combined.length >= 1 && combined.every((a) => a.section?.slug === 'kazakhstan' && a.tags.some((t) => t.key === 'astana')));

      const all = await walk('/api/v1/articles?edition=en&limit=100');
      const middle = all[Math.floor(all.length / 2)]!.publishedAt;
      const newest = all[0]!.publishedAt;
      const since = await walk(`/api/v1/articles?edition=en&limit=100&since=${encodeURIComponent(middle)}`);
      assert.ok(since.length > 0 && since.every((a) => Date.parse(a.publishedAt) >= Date.parse(middle)));
      assert.equal(since.length, all.filter((a) => Date.parse(a.publishedAt) >= Date.parse(middle)).length);
      const until = await walk(`/api/v1/articles?edition=en&limit=100&until=${encodeURIComponent(middle)}`);
      assert.equal(until.length + since.length, all.length, 'since and until split the list');
      assert.ok(until.every((a) => Date.parse(a.publishedAt) < Date.parse(middle)));
      const utc = new Date(Date.parse(newest)).toISOString();
      assert.equal((await json(`/api/v1/articles?edition=en&since=${utc}`))['items'][0].id, all[0]!.id, 'any offset is understood');
    });

    test('cursor pagination: pages follow each other without overlap or gap', async () => {
      const first = await json('/api/v1/articles?edition=kz&section=kazakstan&limit=4');
      assert.equal(first['items'].length, 4);
      assert.ok(typeof first['cursor'] === 'string' && first['next'].startsWith('https://habarshy.test/api/v1/articles?'));
      const next = new URL(first['next'] as string);
      assert.equal(next.searchParams.get('section'), 'kazakstan', 'the next link keeps the filters');
      const second = await json(next.pathname + next.search);
      assert.equal(second['items'].length, 4);
      const ids1 = first['items'].map((a: Json) => a['id'] as string);
      const ids2 = second['items'].map((a: Json) => a['id'] as string);
      assert.equal(new Set([...ids1, ...ids2]).size, 8, 'no overlap');
      assert.ok(Date.parse(first['items'][3].publishedAt) >= Date.parse(second['items'][0].publishedAt));
      const single = await json('/api/v1/articles?edition=kz&section=kazakstan&limit=100');
      const walked = await walk('/api/v1/articles?edition=kz&section=kazakstan&limit=3');
      assert.deepEqual(
        walked.map((a) => a.id),
        single['items'].map((a: Json) => a['id']),
        'walking pages = one big page',
      );
      const lastPage = await json(`/api/v1/articles?edition=kz&section=kazakstan&limit=${single['items'].length}`);
      assert.equal(lastPage['next'], null);
      assert.equal(lastPage['cursor'], null);
    });

    test('ETag and 304: the same JSON is not sent twice', async () => {
      const first = await get('/api/v1/articles?edition=cn&limit=3');
      const etag = first.headers.etag as string;
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(first.headers['surrogate-key'] as string, /\bl-cn\b/);
      const again = await get('/api/v1/articles?edition=cn&limit=3', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal(again.headers['access-control-allow-origin'], '*');
      assert.equal(
        (await get('/api/v1/articles?edition=cn&limit=4', { 'if-none-match': etag })).statusCode,
        200,
        'another result, another ETag',
      );
      const gz = await get('/api/v1/articles?edition=cn&limit=50', { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
    });

    test("one article: blocks and HTML, the story's editions; derived editions converted under the same id", async () => {
      const list = await json('/api/v1/articles?edition=kz&limit=10');
      const withImage = (list['items'] as (Summary & { image: unknown })[]).find((a) => a.image)!;
      const kz = await json(`/api/v1/articles/kz/${withImage.id}`);
      conforms(Article, kz, 'article');
      assert.equal(kz['headline'], withImage.headline);
      assert.ok(kz['body'].blocks.length >= 4);
      assert.ok(kz['sourceLine']);
      const html = dom(`<!DOCTYPE html><html><body>${kz['body'].html as string}</body></html>`);
      assert.ok(html.querySelectorAll('p').length >= 4);
      const paragraphs = kz['body'].blocks.filter((b: Json) => b['type'] === 'paragraph').length;
      assert.equal(html.querySelectorAll('body > p').length, paragraphs, 'every paragraph block is rendered');
      const pictures = kz['body'].blocks.reduce(
        (n: number, b: Json) => n + (b['type'] === 'image' ? 1 : b['type'] === 'gallery' ? b['images'].length : 0),
        0,
      );
      const imgs = [...html.querySelectorAll('figure img')];
      assert.equal(imgs.length, pictures, 'every picture block is rendered');
      assert.ok(
        imgs.every((i) => /^https:\/\/habarshy\.test\/media\//.test(i.getAttribute('src') ?? '')),
        'absolute image URLs',
      );
      assert.equal(html.querySelector('script'), null);
      const codes = kz['editions'].map((e: Json) => e['edition'] as string);
      for (const c of ['kz', 'qz', 'tote']) assert.ok(codes.includes(c), `story shown in ${c}`);
      assert.equal(kz['editions'].find((e: Json) => e['edition'] === 'qz').id, withImage.id);

      const tote = await json(`/api/v1/articles/tote/${withImage.id}`);
      conforms(Article, tote, 'tote article');
      assert.equal(tote['id'], withImage.id);
      assert.equal(tote['lang'], 'kk-Arab');
      assert.match(tote['headline'], ARABIC);
      assert.doesNotMatch(tote['headline'] + tote['lead'] + tote['sourceLine'], CYRILLIC);
      assert.doesNotMatch(tote['tags'].map((t: Json) => t['name']).join(' '), CYRILLIC);
      assert.doesNotMatch(tote['image'].credit, CYRILLIC);
      const toteHtml = dom(`<!DOCTYPE html><html><body>${tote['body'].html as string}</body></html>`);
      assert.doesNotMatch([...toteHtml.querySelectorAll('body > p')].map((p) => p.textContent).join(' '), CYRILLIC);
      assert.equal(tote['url'], `https://habarshy.test/tote/news/${kz['url'].split('/news/')[1] as string}`);

      const qz = await json(`/api/v1/articles/qz/${withImage.id}`);
      assert.doesNotMatch(qz['headline'], CYRILLIC);
      for (const e of kz['editions'] as Json[]) {
        const sibling = await json(new URL(e['api'] as string).pathname);
        assert.equal(sibling['edition'], e['edition']);
        assert.equal(sibling['headline'], e['headline']);
      }
    });

    test('stories: every edition that tells a story, derived ones included', async () => {
      const en = await json('/api/v1/articles?edition=en&limit=1');
      const storyId = en['items'][0].storyId as number;
      const story = await json(`/api/v1/stories/${storyId}`);
      conforms(Story, story, 'story');
      assert.equal(story['id'], storyId);
      const codes = story['editions'].map((e: Json) => e['edition']);
      assert.ok(codes.includes('en'));
      for (const e of story['editions'] as Json[]) assert.equal(e['lang'], EDITIONS[e['edition'] as keyof typeof EDITIONS].lang);
      if (codes.includes('kz')) assert.ok(codes.includes('qz') && codes.includes('tote'));
      if (codes.includes('uz')) assert.ok(codes.includes('uz-latn'));
      await fails('/api/v1/stories/999999', 404, 'NOT_FOUND');
    });

    test('bad input is a 4xx with a code, never a 500', async () => {
      const en = await json('/api/v1/articles?edition=en&limit=1');
      const enId = en['items'][0].id as string;
      assert.match((await fails('/api/v1/articles', 400, 'VALIDATION')).message, /edition/);
      assert.match((await fails('/api/v1/articles?edition=en&limit=101', 400, 'VALIDATION')).message, /limit/);
      assert.match((await fails('/api/v1/articles?edition=en&limit=0', 400, 'VALIDATION')).message, /limit/);
      await fails('/api/v1/articles?edition=en&limit=ten', 400, 'VALIDATION');
      await fails('/api/v1/articles?edition=xx', 400, 'VALIDATION');
      assert.match((await fails('/api/v1/articles?edition=en&since=last-week', 400, 'VALIDATION')).message, /since/);
      await fails('/api/v1/articles?edition=en&since=2026-11-20T10:00:00Z&until=2026-11-01T00:00:00Z', 400, 'BAD_RANGE');
      await fails('/api/v1/articles?edition=en&section=no-such-section', 400, 'UNKNOWN_SECTION');
      await fails('/api/v1/articles?edition=en&section=Bad%20Slug', 400, 'VALIDATION');
      await fails('/api/v1/articles?edition=en&tag=no-such-tag', 400, 'UNKNOWN_TAG');
      await fails('/api/v1/articles?edition=en&author=nobody', 400, 'UNKNOWN_AUTHOR');
      await fails('/api/v1/articles?edition=en&story=-1', 400, 'VALIDATION');
      for (const cursor of [
        'garbage!',
        'bm90IGEgY3Vyc29y',
        Buffer.from('2026-11-20T09:00:00.000Z|0').toString('base64url'),
        Buffer.from('yesterday|12').toString('base64url'),
        `${encodeCursor({ publishedAt: '2026-11-20T09:00:00.000Z', id: 5 })}=`,
        'x'.repeat(201),
      ]) {
        const r = await get(`/api/v1/articles?edition=en&cursor=${encodeURIComponent(cursor)}`);
        assert.equal(r.statusCode, 400, cursor);
        assert.ok(['BAD_CURSOR', 'VALIDATION'].includes(JSON.parse(r.body).error.code), cursor);
      }
      await fails('/api/v1/articles?edition=en&cursor=bm9wZQ', 400, 'BAD_CURSOR');
      assert.equal(
        (await json(`/api/v1/articles?edition=en&cursor=${encodeCursor({ publishedAt: '2026-11-20T09:00:00.000Z', id: 5 })}`))['items']
          .length > 0,
        true,
        'a well-formed cursor works',
      );
      await fails('/api/v1/articles/en/000000', 404, 'NOT_FOUND');
      await fails(`/api/v1/articles/ru/${enId}`, 404, 'NOT_FOUND');
      await fails(`/api/v1/articles/xx/${enId}`, 400, 'VALIDATION');
      await fails('/api/v1/articles/en/ZZZZZZ', 400, 'VALIDATION');
      await fails('/api/v1/stories/abc', 400, 'VALIDATION');
      await fails('/api/v1/stories/0', 400, 'VALIDATION');
      await fails('/api/v1/no-such-route', 404, 'NOT_FOUND');
      for (const url of [
        '/api/v1/articles?edition=en&limit=1e3',
        '/api/v1/articles?edition=en&since=%00',
        '/api/v1/articles?edition[]=en',
        '/api/v1/articles/en/%ZZ',
        `/api/v1/articles?edition=en&tag=${'a'.repeat(500)}`,
      ]) {
        const r = await get(url);
        assert.ok(r.statusCode >= 400 && r.statusCode < 500, `${url}: ${r.statusCode}`);
      }
    });

    test('partner keys: a live key is accepted; a malformed, unknown or revoked one is refused with 401', async () => {
      const db = site.database.handle.db;
      const live = await createApiKey(db, 'Partner A', FIXED_NOW);
      const ok = await get('/api/v1/editions', { authorization: `Bearer ${live.key}` });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.headers['x-ratelimit-limit'], String(site.config.apiRateKey));
      const anon = await get('/api/v1/editions');
      assert.equal(anon.headers['x-ratelimit-limit'], String(site.config.apiRateAnonymous));
      const other = (await createApiKey(db, 'Partner B', FIXED_NOW)).key;
      const wrong = `${other.slice(0, -4)}${other.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      for (const header of [
        `Basic ${Buffer.from('a:b').toString('base64')}`,
        'Bearer',
        'Bearer not-a-key',
        `Bearer ${wrong}`,
        `Token ${live.key}`,
      ]) {
        const r = await get('/api/v1/editions', { authorization: header });
        assert.equal(r.statusCode, 401, header);
        assert.equal(JSON.parse(r.body).error.code, 'INVALID_KEY', header);
        assert.match(r.headers['www-authenticate'] as string, /^Bearer/);
      }
      assert.ok(await revokeApiKey(db, live.id, FIXED_NOW.toISOString()));
      await fails('/api/v1/articles?edition=en', 401, 'REVOKED_KEY', { authorization: `Bearer ${live.key}` });
      const stored = (await listApiKeys(db)).find((k) => k.id === live.id)!;
      assert.equal(stored.prefix, live.key.slice(0, 12));
      assert.ok(
        !JSON.stringify(await db.selectFrom('api_keys').select(['name', 'prefix', 'hash']).execute()).includes(live.key),
        'the key itself is not stored',
      );
    });
  });

  describe(`public API rate limits on ${dialect}`, () => {
    let site: TestSite;
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

    before(async () => {
      site = await bootSite(dialect, { env: { API_RATE_ANONYMOUS: '3', API_RATE_KEY: '50' } });
    });
    after(async () => {
      await site.database.drop();
    });

    test('anonymous clients get 429 after the limit, per IP; a partner key does not; usage is counted per key', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await get('/api/v1/editions')).statusCode, 200);
      const limited = await get('/api/v1/editions');
      assert.equal(limited.statusCode, 429);
      assert.equal(JSON.parse(limited.body).error.code, 'RATE_LIMITED');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal(limited.headers['access-control-allow-origin'], '*');
      const another = await site.app.inject({ method: 'GET', url: '/api/v1/editions', remoteAddress: '203.0.113.9' });
      assert.equal(another.statusCode, 200, 'another client has its own count');

      const key = await createApiKey(site.database.handle.db, 'Partner C', FIXED_NOW);
      for (let i = 0; i < 10; i++) {
        const r = await get('/api/v1/articles?edition=en&limit=1', { authorization: `Bearer ${key.key}` });
        assert.equal(r.statusCode, 200, `keyed request ${i + 1}`);
      }
      // Closing the app writes the counted requests (they are batched in memory).
      await site.app.close();
      const row = (await listApiKeys(site.database.handle.db)).find((k) => k.id === key.id)!;
      assert.equal(row.requests, 10);
      assert.equal(row.last_used_at, FIXED_NOW.toISOString());
    });
  });
}
