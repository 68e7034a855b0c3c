import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidBodyError, parseBody, bodyText } from '../../src/content/body.ts';
import { isPublicId, newPublicId, splitSlugId } from '../../src/content/ids.ts';
import { makeSlug } from '../../src/content/slug.ts';
import { stripBidiControls } from '../../src/content/text.ts';

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
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Hello ' },
          { type: 'text', text: 'world', marks: ['bold'], href: 'https://example.kz/' },
        ],
      },
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
    [
      { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', href: 'javascript:alert(1)' }] }] },
      /^\/blocks\/0\/content\/0\/href$/,
    ],
    [{ version: 1, blocks: [{ type: 'heading', level: 1, content: [] }] }, /^\/blocks\/0/],
    [{ version: 1, blocks: [{ type: 'html', html: '<script>' }] }, /^\/blocks\/0\/type$/],
    [{ version: 2, blocks: [] }, /^\/version$/],
    [{ version: 1, blocks: [{ type: 'image', assetId: 'x' }] }, /^\/blocks\/0/],
    ['<p>hi</p>', /^$/],
  ];
  for (const [input, path] of cases) {
    assert.throws(
      () => parseBody(input),
      (e: unknown) => e instanceof InvalidBodyError && path.test(e.path),
      JSON.stringify(input),
    );
  }
});

const withHref = (href: string) => ({ version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', href }] }] });
const withEmbed = (provider: string, url: string) => ({
  version: 1,
  blocks: [
    { type: 'paragraph', content: [] },
    { type: 'embed', provider, url },
  ],
});

test('links that leave the site while looking relative are refused; real relative and external links pass', () => {
  for (const href of [
    '//evil.example/x',
    '/\\evil.example',
    '/\\/evil.example',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,x',
    ' /x',
  ]) {
    assert.throws(
      () => parseBody(withHref(href)),
      (e: unknown) => e instanceof InvalidBodyError && e.path === '/blocks/0/content/0/href',
      href,
    );
  }
  for (const href of [
    '/kz/news/astana-a1b2c3',
    '/',
    '/kz/search?q=a//b',
    'https://akorda.kz/x',
    'http://example.kz',
    'mailto:desk@habarshy.test',
  ]) {
    assert.doesNotThrow(() => parseBody(withHref(href)), href);
  }
});

test('an embed must be an address of its provider', () => {
  const accepted: [string, string][] = [
    ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
    ['youtube', 'https://youtu.be/dQw4w9WgXcQ'],
    ['youtube', 'https://m.youtube.com/watch?v=x'],
    ['x', 'https://x.com/akorda/status/1'],
    ['x', 'https://twitter.com/akorda/status/1'],
    ['telegram', 'https://t.me/akorda_press/123'],
    ['instagram', 'https://www.instagram.com/p/abc/'],
    ['instagram', 'https://instagram.com/p/abc/'],
  ];
  for (const [provider, url] of accepted) assert.doesNotThrow(() => parseBody(withEmbed(provider, url)), `${provider} ${url}`);
  const refused: [string, string][] = [
    ['youtube', 'https://evil.example/watch?v=x'],
    ['youtube', 'https://youtube.com.evil.example/x'],
    ['youtube', 'https://evil-youtube.com/x'],
    ['youtube', 'https://www.youtube.com@evil.example/x'],
    ['youtube', 'https://t.me/x'],
    ['x', 'https://youtube.com/x'],
    ['telegram', 'https://telegram.org.evil.example/x'],
    ['instagram', 'https://instagram.com:8443/p/x'],
    ['youtube', 'http://www.youtube.com/watch?v=x'],
  ];
  for (const [provider, url] of refused) {
    assert.throws(
      () => parseBody(withEmbed(provider, url)),
      (e: unknown) => e instanceof InvalidBodyError && e.path === '/blocks/1/url',
      `${provider} ${url}`,
    );
  }
});

test('bidi embedding, override and isolate controls are stripped from single-line text; other characters stay', () => {
  const cases: [string, string][] = [
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2066Astana\u2069 \u202Atram\u202C', 'Astana tram'],
    ['\u202B\u202D\u2067\u2068x', 'x'],
    ['قازاقستان \u200Fجاڭالىقتارى', 'قازاقستان \u200Fجاڭالىقتارى'],
    ['Қазақстан 2026', 'Қазақстан 2026'],
  ];
  for (const [input, output] of cases) assert.equal(stripBidiControls(input), output, JSON.stringify(input));
});
