// createConverter's contract: pairs and schemes, errors, the lexicon and report().
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createConverter, SUPPORTED_PAIRS, UnsupportedConversionError } from '../../../src/script/converter.ts';
import { STARTER_LEXICON } from '../../../src/script/starterLexicon.ts';
import type { Scheme } from '../../../src/script/types.ts';

test('every supported pair and scheme builds a converter; the default scheme comes first', () => {
  for (const pair of SUPPORTED_PAIRS) {
    assert.ok(pair.schemes.includes(pair.defaultScheme));
    assert.equal(createConverter({ from: pair.from, to: pair.to }).scheme, pair.defaultScheme);
    for (const scheme of pair.schemes) {
      const conv = createConverter({ from: pair.from, to: pair.to, scheme });
      assert.deepEqual([conv.from, conv.to, conv.scheme], [pair.from, pair.to, scheme]);
    }
  }
  assert.equal(createConverter({ from: 'kk-Cyrl', to: 'kk-Latn' }).scheme, 'kk-Latn-2018');
  assert.equal(createConverter({ from: 'kk-Cyrl', to: 'kk-Arab' }).scheme, 'kk-Arab');
  assert.equal(createConverter({ from: 'uz-Cyrl', to: 'uz-Latn' }).scheme, 'uz-Latn-1995');
});

test('an unsupported pair or scheme throws an error that lists the valid ones', () => {
  assert.throws(
    () => createConverter({ from: 'uz-Cyrl', to: 'kk-Latn' }),
    (err: unknown) => {
      assert.ok(err instanceof UnsupportedConversionError);
      assert.match(err.message, /uz-Cyrl → kk-Latn/);
      assert.match(err.message, /kk-Cyrl → kk-Latn \(kk-Latn-2018, kk-Latn-2018-orthography, kk-Latn-2021; default kk-Latn-2018\)/);
      assert.match(err.message, /kk-Arab-mediawiki/);
      return true;
    },
  );
  assert.throws(() => createConverter({ from: 'kk-Cyrl', to: 'kk-Arab', scheme: 'kk-Latn-2021' }), UnsupportedConversionError);
  assert.throws(() => createConverter({ from: 'kk-Latn', to: 'kk-Cyrl', scheme: 'kk-Latn-2021' }), UnsupportedConversionError);
});

test("the lexicon comes before the rules and its value takes the source word's case", () => {
  const lexicon = new Map([
    ['сеитова', 'seıtova'],
    ['төрағасының', 'ءتوراعاسىنىڭ'],
  ]);
  const latn = createConverter({ from: 'kk-Cyrl', to: 'kk-Latn', lexicon });
  assert.equal(latn.convert('сеитова Сеитова СЕИТОВА'), 'seıtova Seıtova SEITOVA');
  const arab = createConverter({ from: 'kk-Cyrl', to: 'kk-Arab', lexicon });
  assert.equal(arab.convert('Төрағасының'), 'ءتوراعاسىنىڭ');
  const l2021 = createConverter({ from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2021', lexicon: new Map([['иса', 'isa']]) });
  assert.equal(l2021.convert('ИСА Иса'), 'İSA İsa');
  const uz = createConverter({ from: 'uz-Latn', to: 'uz-Cyrl', lexicon: new Map([['o‘g‘li', 'ўғли']]) });
  assert.equal(uz.convert('Oʻgʻli'), 'Ўғли');
});

test('report() lists loanwords, mixed-script tokens and ambiguous words with their offsets', () => {
  const conv = createConverter({ from: 'kk-Cyrl', to: 'kk-Arab', lexicon: new Map([['комиссия', 'كوميسسيا']]) });
  const text = 'Конституция мен комиссия, cентябрь және бірақ.';
  const { text: out, unsure } = conv.report(text);
  assert.equal(out, conv.convert(text));
  assert.deepEqual(unsure, [
    { word: 'Конституция', index: 0, reason: 'loanword' },
    { word: 'cентябрь', index: 26, reason: 'mixed-script' },
    { word: 'бірақ', index: 40, reason: 'ambiguous' },
  ]);
  const uz = createConverter({ from: 'uz-Cyrl', to: 'uz-Latn' });
  assert.deepEqual(uz.report('Лицей ва мактаб').unsure, [{ word: 'Лицей', index: 0, reason: 'loanword' }]);
});

test('the starter lexicon is lower case, NFC, and for our schemes only', () => {
  const schemes = new Set<Scheme>(SUPPORTED_PAIRS.flatMap((p) => p.schemes));
  assert.ok(STARTER_LEXICON.length >= 30);
  for (const e of STARTER_LEXICON) {
    assert.ok(schemes.has(e.scheme), e.scheme);
    assert.equal(e.word, e.word.toLowerCase().normalize('NFC'), e.word);
    assert.equal(e.spelling, e.spelling.normalize('NFC'), e.spelling);
    assert.doesNotMatch(e.spelling, /\p{Script=Cyrillic}/u, e.word);
  }
});

test('starter lexicon entries change what the rules alone would write', () => {
  for (const e of STARTER_LEXICON) {
    const pair = SUPPORTED_PAIRS.find((p) => p.from.endsWith('Cyrl') && p.schemes.includes(e.scheme))!;
    const rules = createConverter({ from: pair.from, to: pair.to, scheme: e.scheme });
    const withLexicon = createConverter({ from: pair.from, to: pair.to, scheme: e.scheme, lexicon: new Map([[e.word, e.spelling]]) });
    assert.equal(withLexicon.convert(e.word), e.spelling);
    assert.notEqual(rules.convert(e.word), e.spelling, `${e.scheme} ${e.word}: rules already give it`);
  }
});
