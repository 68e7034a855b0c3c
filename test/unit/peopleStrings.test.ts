// The words of assignments, notifications and comments: every interface language has every key,
// with the same {placeholders} as English.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PEOPLE_STRINGS } from '../../src/newsroom-ui/people/strings.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const lang of ['kz', 'ru'] as const) {
  test(`people strings in ${lang}: every key, the same placeholders, nothing left in English`, () => {
    const en = PEOPLE_STRINGS.en;
    const other = PEOPLE_STRINGS[lang];
    assert.deepEqual(Object.keys(other).sort(), Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      const text = other[key as keyof typeof en];
      assert.deepEqual(placeholders(text), placeholders(value), key);
      assert.notEqual(text, value, `${key} is translated`);
    }
  });
}
