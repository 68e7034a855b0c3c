import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WRITTEN_STRINGS } from '../../src/editions/strings/all.ts';
import { fill } from '../../src/editions/uiStrings.ts';
import { EDITIONS, MENU_ORDER, UI_LANGS } from '../../src/editions/editions.ts';
import { isPluralForms, plural, pluralCategories } from '../../src/editions/plural.ts';
import { count, SHELL_STRINGS } from '../../src/newsroom-ui/strings.ts';

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

test("no English words are left in the other editions' strings", () => {
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
  assert.deepEqual(
    MENU_ORDER.map((c) => EDITIONS[c].label),
    ['kz', 'qz', 'ру', 'en', '中文', 'ўз', 'ق ز'],
  );
  assert.deepEqual(
    MENU_ORDER.map((c) => EDITIONS[c].lang),
    ['kk-Cyrl', 'kk-Latn', 'ru', 'en', 'zh-Hans', 'uz-Cyrl', 'kk-Arab'],
  );
  assert.equal(EDITIONS.tote.dir, 'rtl');
});

test('texts with a count take the plural form of their language: 1 просмотр / 2 просмотра / 5 просмотров, 1 view / 2 views', () => {
  const views = (lang: 'kz' | 'ru' | 'en', n: number) => count(SHELL_STRINGS[lang], SHELL_STRINGS[lang].views, n);
  assert.deepEqual(
    [1, 2, 5, 21, 22, 25, 111].map((n) => views('ru', n)),
    ['1 просмотр', '2 просмотра', '5 просмотров', '21 просмотр', '22 просмотра', '25 просмотров', '111 просмотров'],
  );
  assert.deepEqual(
    [0, 1, 2, 5].map((n) => views('en', n)),
    ['0 views', '1 view', '2 views', '5 views'],
  );
  assert.deepEqual(
    [1, 5].map((n) => views('kz', n)),
    ['1 қаралым', '5 қаралым'],
  );
  assert.equal(count(SHELL_STRINGS.en, SHELL_STRINGS.en.mergeDone, 1), 'Merged: 1 article moved.');
  assert.equal(count(SHELL_STRINGS.ru, SHELL_STRINGS.ru.mergeDone, 3), 'Объединено: перенесено 3 материала.');
  assert.equal(plural('zh-Hans', { other: '找到 {n} 条结果' }, 1), '找到 1 条结果');
});

test('every text with a count has a form for each plural category its language uses', () => {
  for (const lang of UI_LANGS) {
    const locale = EDITIONS[lang].intlLocale;
    for (const [key, value] of Object.entries(SHELL_STRINGS[lang])) {
      if (!isPluralForms(value)) continue;
      for (const category of pluralCategories(locale))
        assert.ok(Object.hasOwn(value, category), `${lang}.${key} has its "${category}" form`);
    }
  }
});
