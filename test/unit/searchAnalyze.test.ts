// The search analysis (src/search/analyze.ts): the same terms for a word in any of its forms and
// scripts, and queries that can never carry engine syntax.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, fts5Match, normalize, parseQuery, tsQuery } from '../../src/search/analyze.ts';
import { bestCorrection, editDistance } from '../../src/search/spelling.ts';

const same = (lang: Parameters<typeof analyze>[1], words: readonly string[]) => {
  const terms = words.map((w) => analyze(w, lang));
  for (const t of terms) assert.equal(t, terms[0], `${words.join(' / ')} → ${terms.join(' / ')}`);
  assert.ok(terms[0]);
};

test('Kazakh: a base word and its inflected forms, in Cyrillic, Latin (2018, 2021, bare) and Arabic, analyze alike', () => {
  same('kk', ['Астана', 'Астанада', 'Астананың', 'Astana', 'Astanada', 'Astananyń', 'Astananyñ', 'استانادا', 'استانانىڭ']);
  same('kk', ['Қазақстан', 'Қазақстанның', 'Qazaqstan', 'Qazaqstannyń', 'Qazaqstannyñ', 'Kazakstannyn', 'قازاقستاننىڭ']);
  same('kk', ['ілбіс', 'ilbis', 'ılbıs', 'ءىلبىس', 'ІЛБІС']);
  // Latin look-alike letters inside a Cyrillic word.
  same('kk', ['Астана', 'Астaнa']);
});

test('Uzbek: Latin and Cyrillic, plural and apostrophe variants analyze alike', () => {
  same('uz', ['Инвестиция', 'Investitsiya', 'Investitsiyalar', 'инвестициялар']);
  same('uz', ['ўрмон', 'oʻrmon', "o'rmon", 'o’rmon', 'o`rmon', 'oʼrmon']);
});

test('Russian and English use Snowball stems', () => {
  same('ru', ['президент', 'президента', 'Президентом']);
  same('en', ['exports', 'exported', 'exporting', 'EXPORT']);
});

test('Chinese text is indexed a character a token; a query word becomes a phrase of its characters', () => {
  assert.equal(analyze('阿斯塔纳首条轻轨', 'zh'), '阿 斯 塔 纳 首 条 轻 轨');
  const q = parseQuery('轻轨', 'zh');
  assert.deepEqual(
    q.parts.map((p) => p.terms),
    [['轻', '轨']],
  );
  assert.equal(fts5Match(q), '"轻 轨"');
  assert.equal(tsQuery(q), "('轻' <-> '轨')");
});

test('queries: AND of words, phrases in quotes, the last word a prefix; engine syntax is only words', () => {
  const q = parseQuery('"snow leopards" count', 'en');
  assert.deepEqual(
    q.parts.map((p) => [p.terms, p.prefix]),
    [
      [['snow', 'leopard'], false],
      [['coun'], true],
    ].map(([t, p]) => [t, p]) as never,
  );
  for (const raw of [
    'NEAR(a b)',
    'a OR b',
    '*',
    'headline:x',
    '{a}:b',
    "'a':* & !b",
    '^a',
    '"unbalanced',
    '\\',
    '%_',
    'a\u0000b',
    '\uD800x',
    'x'.repeat(10_000),
  ]) {
    const parsed = parseQuery(raw, 'en');
    for (const p of parsed.parts) for (const t of p.terms) assert.match(t, /^[\p{L}\p{N}]+$/u, `${JSON.stringify(raw)} → ${t}`);
    assert.match(fts5Match(parsed).replace(/"[\p{L}\p{N} ]*"/gu, ''), /^( |AND|\*)*$/u, raw);
  }
  assert.deepEqual(parseQuery('*** %%% ', 'en').parts, []);
});

test('normalization: NFKC, case folding, apostrophes, no NUL or lone surrogates', () => {
  assert.equal(normalize('ＡＢＣ ﬁ'), 'abc fi');
  assert.equal(normalize('oʻ o’ o` oʼ'), "o' o' o' o'");
  assert.doesNotMatch(normalize('a\u0000b\uD800c\uDFFF'), /\p{Cc}|\p{Cs}/u);
});

test('spelling: the closest known term within one or two edits', () => {
  assert.equal(editDistance('baikonor', 'baikonur', 2), 1);
  assert.equal(editDistance('inflaiton', 'inflation', 2), 1);
  const known = new Map([
    ['baikonur', 3],
    ['baikal', 1],
    ['astana', 40],
  ]);
  assert.equal(bestCorrection('baikonor', known), 'baikonur');
  assert.equal(bestCorrection('astna', known), 'astana');
  assert.equal(bestCorrection('zzzzzz', known), null);
});
