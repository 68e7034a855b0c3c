import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidBodyError, parseBody, bodyText } from '../../src/content/body.ts';
import { isPublicId, newPublicId, splitSlugId } from '../../src/content/ids.ts';
import { makeSlug } from '../../src/content/slug.ts';

test('public ids are 6 lower-case hex characters and rarely collide', () => {
  const ids = new Set(Array.from({ length: 2000 }, newPublicId));
  for (const id of ids) assert.ok(isPublicId(id), id);
  assert.ok(ids.size > 1990);
});

test('an article path segment splits into slug and id; the id decides', () => {
  assert.deepEqual(splitSlugId('astana-tram-line-a1b2c3'), { slug: 'astana-tram-line', publicId: 'a1b2c3' });
  assert.deepEqual(splitSlugId('a1b2c3'), { slug: '', publicId: 'a1b2c3' });
  assert.equal(splitSlugId('astana-tram-line-A1B2C3'), null);
  assert.equal(splitSlugId('astana-tram-line-a1b2c'), null);
  assert.equal(splitSlugId('../../etc/passwd'), null);
});

test('slugs are readable Latin in every written edition', () => {
  const cases: [string, string][] = [
    ['Астанада алғашқы трамвай жолы ашылды', 'astanada-algashqy-tramvay-zholy-ashyldy'],
    ['В Астане открылась первая линия трамвая', 'v-astane-otkrylas-pervaya-liniya-tramvaya'],
    ['Astana opens its first tram line', 'astana-opens-its-first-tram-line'],
    ['阿斯塔纳首条轻轨', 'a-si-ta-na-shou-tiao-qing-gui'],
    ['Тошкентда янги йўл қурилди', 'toshkentda-yangi-yol-qurildi'],
  ];
  for (const [title, slug] of cases) assert.equal(makeSlug(title), slug);
  for (const [title] of cases) assert.match(makeSlug(title), /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.ok(makeSlug('a '.repeat(200)).length <= 80);
  assert.equal(makeSlug('!!!'), 'article');
});

test('a valid body passes and its text can be read', () => {
  const body = parseBody({
    version: 1,
    blocks: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Hello ' }, { type: 'text', text: 'world', marks: ['bold'], href: 'https://example.kz/' }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Sub' }] },
      { type: 'quote', content: [{ type: 'text', text: 'Quoted' }], cite: 'Someone' },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }]] },
      { type: 'image', assetId: 3, caption: 'A photo' },
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=x' },
      { type: 'table', header: true, rows: [[[{ type: 'text', text: 'h' }]], [[{ type: 'text', text: 'c' }]]] },
      { type: 'divider' },
    ],
  });
  assert.equal(bodyText(body), 'Hello world\nSub\nQuoted\none\nA photo\nh\nc');
});

test('an invalid body is refused with the path of the first error', () => {
  const cases: [unknown, RegExp][] = [
    [{ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', href: 'javascript:alert(1)' }] }] }, /^\/blocks\/0\/content\/0\/href$/],
    [{ version: 1, blocks: [{ type: 'heading', level: 1, content: [] }] }, /^\/blocks\/0/],
    [{ version: 1, blocks: [{ type: 'html', html: '<script>' }] }, /^\/blocks\/0\/type$/],
    [{ version: 2, blocks: [] }, /^\/version$/],
    [{ version: 1, blocks: [{ type: 'image', assetId: 'x' }] }, /^\/blocks\/0/],
    ['<p>hi</p>', /^$/],
  ];
  for (const [input, path] of cases) {
    assert.throws(() => parseBody(input), (e: unknown) => e instanceof InvalidBodyError && path.test(e.path), JSON.stringify(input));
  }
});
