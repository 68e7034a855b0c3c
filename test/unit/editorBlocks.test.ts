// The newsroom editor's conversion between body blocks and ProseMirror JSON: every block type
// survives blocks → editor → blocks, the result passes the body schema, and the editor's own
// ProseMirror schema accepts every document the conversion produces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getSchema } from '@tiptap/core';
import { HREF_PATTERN as BODY_HREF_PATTERN, parseBody, type Block, type Body } from '../../src/content/body.ts';
import {
  bodyToDoc,
  docToBody,
  embedFromUrl,
  HREF_PATTERN,
  isAllowedHref,
  textStats,
  type PmNode,
} from '../../src/newsroom-ui/editor/blocks.ts';
import { editorExtensions } from '../../src/newsroom-ui/editor/extensions.ts';

const schema = getSchema(editorExtensions());

const CASES: Record<string, Block> = {
  'paragraph with every mark, a link and a Russian run': {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Астана, ' },
      { type: 'text', text: 'қаралы', marks: ['bold', 'italic', 'underline', 'strike'] },
      { type: 'text', text: ' H' },
      { type: 'text', text: '2', marks: ['sub'] },
      { type: 'text', text: 'O m' },
      { type: 'text', text: '2', marks: ['sup'] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'npm', marks: ['code'] },
      { type: 'text', text: ' Ақорда', href: 'https://akorda.kz/kz' },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'как сообщили', lang: 'ru', marks: ['italic'] },
      { type: 'text', text: ' ішкі', href: '/kz/news/1' },
      { type: 'text', text: ' хат', href: 'mailto:desk@habarshy.kz' },
    ],
  },
  'empty paragraph in the middle': { type: 'paragraph', content: [] },
  'heading level 2': { type: 'heading', level: 2, content: [{ type: 'text', text: 'Жаңалықтар' }] },
  'heading level 3': { type: 'heading', level: 3, content: [{ type: 'text', text: 'Экономика' }] },
  'heading level 4': { type: 'heading', level: 4, content: [{ type: 'text', text: 'Спорт', marks: ['italic'] }] },
  'quote with cite and language': {
    type: 'quote',
    cite: 'Президент',
    lang: 'ru',
    content: [
      { type: 'text', text: 'Мы вместе', marks: ['bold'] },
      { type: 'text', text: ' навсегда' },
    ],
  },
  'quote without cite': { type: 'quote', content: [{ type: 'text', text: 'Бірлік — күш' }] },
  'ordered list': {
    type: 'list',
    ordered: true,
    items: [[{ type: 'text', text: 'бір' }], [{ type: 'text', text: 'екі', href: 'https://example.kz/' }]],
  },
  'bullet list': { type: 'list', ordered: false, items: [[{ type: 'text', text: 'тек' }]] },
  'image with caption, credit and alt': { type: 'image', assetId: 7, caption: 'Ақорда', credit: 'Фото: Ақорда', alt: 'Ғимарат' },
  "image with the asset's own texts": { type: 'image', assetId: 3 },
  gallery: {
    type: 'gallery',
    items: [
      { assetId: 1, caption: 'бір' },
      { assetId: 2, credit: 'ҚазАқпарат' },
    ],
  },
  'youtube embed': { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=abc' },
  'telegram embed': { type: 'embed', provider: 'telegram', url: 'https://t.me/habarshy/42' },
  'table with a header row': {
    type: 'table',
    header: true,
    rows: [
      [[{ type: 'text', text: 'Облыс' }], [{ type: 'text', text: 'Саны' }]],
      [[{ type: 'text', text: 'Алматы' }], [{ type: 'text', text: '12', marks: ['bold'] }]],
    ],
  },
  'table without header, with an empty cell': {
    type: 'table',
    header: false,
    rows: [[[{ type: 'text', text: 'a' }], []]],
  },
  divider: { type: 'divider' },
};

for (const [name, block] of Object.entries(CASES)) {
  test(`editor round trip keeps a ${name}`, () => {
    const body: Body = { version: 1, blocks: [block, { type: 'paragraph', content: [{ type: 'text', text: 'соңы' }] }] };
    const doc = bodyToDoc(body);
    schema.nodeFromJSON(doc).check();
    const back = docToBody(doc);
    assert.deepEqual(back, body);
    assert.deepEqual(parseBody(back), body);
  });
}

test('a whole body with every block type survives the round trip in order', () => {
  const body: Body = { version: 1, blocks: Object.values(CASES) };
  const doc = bodyToDoc(body);
  schema.nodeFromJSON(doc).check();
  assert.deepEqual(parseBody(docToBody(doc)), body);
});

test('an empty body opens as one empty paragraph and saves as no blocks', () => {
  const doc = bodyToDoc({ version: 1, blocks: [] });
  assert.deepEqual(doc, { type: 'doc', content: [{ type: 'paragraph' }] });
  assert.deepEqual(docToBody(doc), { version: 1, blocks: [] });
});

test('what the editor holds but the schema cannot is brought into the schema', () => {
  const doc: PmNode = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Бас' }] },
      { type: 'heading', attrs: { level: 6 }, content: [{ type: 'text', text: 'Кіші' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'бас', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
          { type: 'text', text: 'қа', marks: [{ type: 'lang', attrs: { lang: 'not a tag' } }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'жол', marks: [{ type: 'bold' }, { type: 'bold' }] },
        ],
      },
      { type: 'image', attrs: { assetId: null, caption: 'жоқ' } },
      { type: 'embed', attrs: { url: 'https://evil.example/video' } },
    ],
  };
  const body = parseBody(docToBody(doc));
  assert.deepEqual(body.blocks, [
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'Бас' }] },
    { type: 'heading', level: 4, content: [{ type: 'text', text: 'Кіші' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'басқа ' },
        { type: 'text', text: 'жол', marks: ['bold'] },
      ],
    },
  ]);
});

test('embed URLs are recognised by provider, others refused', () => {
  assert.deepEqual(embedFromUrl(' https://youtu.be/xyz '), { provider: 'youtube', url: 'https://youtu.be/xyz' });
  assert.equal(embedFromUrl('https://x.com/akorda/status/1')?.provider, 'x');
  assert.equal(embedFromUrl('https://www.instagram.com/p/abc/')?.provider, 'instagram');
  assert.equal(embedFromUrl('http://youtube.com/watch?v=1'), null, 'plain http is refused by the body schema');
  assert.equal(embedFromUrl('https://youtube.com.evil.example/'), null);
  assert.equal(embedFromUrl('javascript:alert(1)'), null);
});

test('character count and reading time', () => {
  assert.deepEqual(textStats(''), { characters: 0, words: 0, readingMinutes: 0 });
  const stats = textStats('Бір екі', 'үш  төрт');
  assert.equal(stats.words, 4);
  assert.equal(stats.characters, 'Бір екі үш төрт'.length);
  assert.equal(stats.readingMinutes, 1);
  assert.equal(textStats(Array(1000).fill('сөз').join(' ')).readingMinutes, 5);
});

test('an embed the server accepted survives the editor round trip, even one this editor does not recognise', () => {
  const body: Body = {
    version: 1,
    blocks: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Видео:' }] },
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' },
      { type: 'embed', provider: 'x', url: 'https://mobile.twitter.com/akorda/status/1' },
      { type: 'embed', provider: 'telegram', url: 'https://t.me/akorda_press/123' },
    ],
  };
  assert.doesNotThrow(() => parseBody(body), 'the server accepts these embeds');
  assert.deepEqual(docToBody(bodyToDoc(body)), body);
  // A provider only the server knows yet (a newer server, an older editor bundle) is kept as it was.
  const future = { version: 1, blocks: [{ type: 'embed', provider: 'vimeo', url: 'https://vimeo.com/1' }] } as unknown as Body;
  assert.deepEqual(docToBody(bodyToDoc(future)), future);
});

test('the editor allows the links the body schema allows', () => {
  assert.equal(HREF_PATTERN.source, new RegExp(BODY_HREF_PATTERN).source);
  for (const href of ['//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) assert.equal(isAllowedHref(href), false, href);
  for (const href of ['/kz/news/a-a1b2c3', 'https://akorda.kz/', 'mailto:a@b.kz']) assert.equal(isAllowedHref(href), true, href);
});
