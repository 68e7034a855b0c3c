import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editionForLanguage, negotiateEdition, parseAcceptLanguage } from '../../src/editions/acceptLanguage.ts';
import { UI_LANGS } from '../../src/editions/editions.ts';

test('q-values decide, not the order: "ru;q=0.5, kk;q=0.9" is kz, for readers and for the newsroom', () => {
  assert.equal(negotiateEdition('ru;q=0.5, kk;q=0.9'), 'kz');
  assert.equal(negotiateEdition('ru;q=0.5, kk;q=0.9', UI_LANGS), 'kz');
  assert.equal(negotiateEdition('en;q=0.1, ru'), 'ru');
  assert.equal(negotiateEdition('en;q=0.1, ru', UI_LANGS), 'ru');
});

test('a language range leads to the edition in its script', () => {
  const cases: [string, string | null][] = [
    ['kk', 'kz'],
    ['kk-KZ', 'kz'],
    ['kk-Cyrl', 'kz'],
    ['kk-Latn', 'qz'],
    ['kk-Latn-KZ', 'qz'],
    ['kk-Arab', 'tote'],
    ['kk-CN', 'tote'],
    ['uz', 'uz'],
    ['uz-Latn', 'uz-latn'],
    ['uz-UZ', 'uz'],
    ['zh', 'cn'],
    ['zh-CN', 'cn'],
    ['zh-Hant-TW', 'cn'],
    ['ru-RU', 'ru'],
    ['en-US', 'en'],
    ['fr', null],
    ['*', null],
  ];
  for (const [range, edition] of cases) assert.equal(editionForLanguage(range), edition, range);
});

test('the newsroom speaks only its interface languages: a derived edition counts as its written one', () => {
  assert.equal(negotiateEdition('kk-Latn', UI_LANGS), 'kz');
  assert.equal(negotiateEdition('zh-CN, fr', UI_LANGS), null);
  assert.equal(negotiateEdition('zh-CN;q=0.9, en;q=0.2', UI_LANGS), 'en');
});

test('malformed parts and q=0 are dropped; equal q-values keep the header order', () => {
  assert.deepEqual(parseAcceptLanguage(';;;q=x,,'), []);
  assert.deepEqual(parseAcceptLanguage('ru;q=0, en;q=x, kk;q=1.5'), []);
  assert.deepEqual(parseAcceptLanguage('ru-RU,ru;q=0.9,en;q=0.5, kk;q=0.9'), [
    { tag: 'ru-ru', q: 1 },
    { tag: 'ru', q: 0.9 },
    { tag: 'kk', q: 0.9 },
    { tag: 'en', q: 0.5 },
  ]);
  assert.equal(negotiateEdition(undefined), null);
  assert.equal(negotiateEdition(`${'x'.repeat(600)}, kk`), null, 'only the first 512 characters are read');
});
