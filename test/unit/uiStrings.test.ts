import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WRITTEN_STRINGS } from '../../src/editions/strings/all.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { EDITIONS, MENU_ORDER } from '../../src/editions/editions.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every written edition has every UI string with the same placeholders', () => {
  const reference = WRITTEN_STRINGS.en;
  for (const [code, strings] of Object.entries(WRITTEN_STRINGS)) {
    assert.deepEqual(Object.keys(strings).sort(), Object.keys(reference).sort(), code);
    for (const [key, value] of Object.entries(strings)) {
      assert.ok(value.trim().length > 0, `${code}.${key} is empty`);
      assert.deepEqual(placeholders(value), placeholders(reference[key as keyof typeof reference]), `${code}.${key}`);
    }
  }
});

test('no English words are left in the other editions\' strings', () => {
  for (const code of ['kz', 'ru', 'cn', 'uz'] as const) {
    for (const [key, value] of Object.entries(WRITTEN_STRINGS[code])) {
      const latinWords = value.replace(/\{\w+\}/g, '').match(/[A-Za-z]{3,}/g) ?? [];
      assert.deepEqual(latinWords, [], `${code}.${key}: ${value}`);
    }
  }
});

test('fill() replaces known placeholders and leaves unknown ones visible', () => {
  assert.equal(fill('Photo credit: {credit}', { credit: 'Akorda' }), 'Photo credit: Akorda');
  assert.equal(fill('{a} and {b}', { a: 1 }), '1 and {b}');
});

test('the language menu is exactly kz · qz · ру · en · 中文 · ўз · ق ز with BCP 47 tags', () => {
  assert.deepEqual(MENU_ORDER.map((c) => EDITIONS[c].label), ['kz', 'qz', 'ру', 'en', '中文', 'ўз', 'ق ز']);
  assert.deepEqual(MENU_ORDER.map((c) => EDITIONS[c].lang), ['kk-Cyrl', 'kk-Latn', 'ru', 'en', 'zh-Hans', 'uz-Cyrl', 'kk-Arab']);
  assert.equal(EDITIONS.tote.dir, 'rtl');
});
