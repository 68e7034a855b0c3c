// The newsroom's dates: the user's interface language, the agency's time zone (UTC+5).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatTime } from '../../src/newsroom-ui/editor/format.ts';
import { SHELL_STRINGS } from '../../src/newsroom-ui/strings.ts';
import { EDITOR_STRINGS } from '../../src/newsroom-ui/editor/strings.ts';

test('dates read in Kazakh, Russian and English, in Almaty time', () => {
  const iso = '2026-11-20T09:30:00Z';
  assert.equal(formatTime(iso, 'kz'), '20 қараша 2026, 14:30');
  assert.equal(formatTime(iso, 'ru'), '20 ноября 2026, 14:30');
  assert.equal(formatTime(iso, 'en'), '20 November 2026, 14:30');
  assert.equal(formatTime('2026-12-31T19:05:00Z', 'kz'), '1 қаңтар 2027, 00:05', 'past midnight in Almaty is the next day');
  assert.equal(formatTime(null, 'kz'), '');
});

test("the newsroom's interface strings exist in all three languages, none empty, no English left in kz and ru", () => {
  for (const table of [SHELL_STRINGS, EDITOR_STRINGS] as unknown as Record<string, Record<string, string | Record<string, string>>>[]) {
    const keys = Object.keys(table['en']!).sort();
    for (const lang of ['kz', 'ru']) {
      assert.deepEqual(Object.keys(table[lang]!).sort(), keys, lang);
      // A text with a count has a form per plural category (src/editions/plural.ts): check each.
      const texts = Object.entries(table[lang]!).flatMap(([key, v]) =>
        typeof v === 'string' ? [[key, v] as const] : Object.entries(v).map(([c, f]) => [`${key}.${c}`, f] as const),
      );
      for (const [key, value] of texts) {
        assert.ok(value.trim(), `${lang}.${key} is empty`);
        const words = value
          .replace(/\{\w+\}/g, '')
          .replace(/https?:\/\/\S*/g, '')
          .replace(/Habarshy|JPEG|PNG|WebP|SEO|slug|URL|HTML|Ctrl|Cmd|Enter|Shift|Alt|YouTube|Telegram|Instagram|https|[A-Z]{2,}/g, '');
        assert.ok(!/[a-z]{4,}/.test(words), `${lang}.${key} reads like English: ${value}`);
      }
    }
  }
});
