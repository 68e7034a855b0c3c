// Properties of every converter, checked on generated text with fast-check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createConverter, SUPPORTED_PAIRS } from '../../../src/script/converter.ts';
import type { Converter } from '../../../src/script/types.ts';
import { UZ_CYRL_STEMS } from '../../../src/script/uzCyrl.ts';

const RUNS = { numRuns: Number(process.env['FC_RUNS'] ?? 300) };
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

const all: Converter[] = SUPPORTED_PAIRS.flatMap((p) => p.schemes.map((scheme) => createConverter({ from: p.from, to: p.to, scheme })));
const fromCyrillic = all.filter((c) => c.from.endsWith('Cyrl'));
const toLatin = fromCyrillic.filter((c) => c.to.endsWith('Latn'));
const fromLatin = all.filter((c) => c.from.endsWith('Latn'));

const KK = [...'аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя'];
const UZ = [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяўқғҳ'];
const cased = (letters: string[]): string[] => [...letters, ...letters.map((l) => l.toUpperCase())];
const PUNCT = [...' ,.;:!?«»()"-–—№%0123456789\n'];
/** Text pieces mixing scripts: Cyrillic and Latin letters, look-alikes, apostrophes, marks. */
const MIXED = [...cased(KK), ...cased(UZ), ...'abcdeghiosxyzıáóúýǵńşğ', ...PUNCT, "'", 'ʻ', 'ʼ', '‘', '’', '\u0301', '\u00ad'];

const textOf = (units: string[], maxLength = 60): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...units), { maxLength }).map((a) => a.join(''));

test('text without Cyrillic passes through the Cyrillic → Latin converters unchanged', () => {
  const noCyrillic = fc
    .string({ unit: 'binary', maxLength: 80 })
    .filter((s) => !CYRILLIC.test(s) && !s.includes('\u00ad') && s === s.normalize('NFC'));
  for (const conv of toLatin)
    fc.assert(
      fc.property(noCyrillic, (s) => conv.convert(s) === s),
      RUNS,
    );
});

test('text without Cyrillic or Arabic-edition punctuation passes through kk-Arab unchanged', () => {
  const conv = createConverter({ from: 'kk-Cyrl', to: 'kk-Arab' });
  const plain = fc
    .string({ unit: 'binary', maxLength: 80 })
    .filter((s) => !CYRILLIC.test(s) && !/[,;?\u2012-\u2015\u00ad]/.test(s) && s === s.normalize('NFC'));
  fc.assert(
    fc.property(plain, (s) => conv.convert(s) === s),
    RUNS,
  );
});

test('text without Latin letters passes through the Latin → Cyrillic converters unchanged', () => {
  const noLatin = fc
    .string({ unit: 'binary', maxLength: 80 })
    .filter((s) => !LATIN_LETTER.test(s) && !s.includes('\u00ad') && s === s.normalize('NFC'));
  for (const conv of fromLatin)
    fc.assert(
      fc.property(noLatin, (s) => conv.convert(s) === s),
      RUNS,
    );
});

test('letters that map one to one leave every other character at its index', () => {
  const oneToOne: Array<[Converter, string]> = [
    [createConverter({ from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018' }), 'аәбвгғдежзийкқлмнңоөпрстуұүфхһыіэ'],
    [createConverter({ from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018-orthography' }), 'аәбвгғдежзийкқлмнңоөпртуұүфхһыіэ'],
    [createConverter({ from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2021' }), 'аәбвгғдежзийкқлмнңоөпрстуұүфхһшщыіэ'],
    [createConverter({ from: 'uz-Cyrl', to: 'uz-Latn' }), 'абвгджзийклмнопртуфхыэқҳ'],
  ];
  for (const [conv, letters] of oneToOne) {
    const isLetter = new Set(cased([...letters]));
    fc.assert(
      fc.property(textOf([...cased([...letters]), ...PUNCT]), (s) => {
        const out = conv.convert(s);
        if (out.length !== s.length) return false;
        for (let i = 0; i < s.length; i++) if (!isLetter.has(s[i]!) && out[i] !== s[i]) return false;
        return true;
      }),
      RUNS,
    );
  }
});

test('every converter is idempotent on its own output', () => {
  for (const conv of all) {
    fc.assert(
      fc.property(textOf(MIXED), (s) => {
        const once = conv.convert(s);
        return conv.convert(once) === once;
      }),
      RUNS,
    );
  }
});

test('Latin editions contain no Cyrillic code point, the Arabic edition no Cyrillic letter', () => {
  for (const conv of fromCyrillic) {
    const ok = (out: string): boolean =>
      conv.to === 'kk-Arab' ? ![...out].some((ch) => CYRILLIC.test(ch) && /\p{L}/u.test(ch)) : !CYRILLIC.test(out);
    fc.assert(
      fc.property(textOf(MIXED), (s) => ok(conv.convert(s))),
      RUNS,
    );
  }
});

test('uz Cyrillic → Latin → Cyrillic round-trips words from the unambiguous letters', () => {
  const toLatn = createConverter({ from: 'uz-Cyrl', to: 'uz-Latn' });
  const toCyrl = createConverter({ from: 'uz-Latn', to: 'uz-Cyrl' });
  // Left out: е/э (position rules), ё ю я й (y + vowel), ц с (s/ts), ъ ь щ ы (lossy).
  const letters = [...'абвгджзиклмнопртуфхчшқғўҳ'];
  const stems = UZ_CYRL_STEMS.map(([, cyrillic]) => cyrillic);
  const word = fc
    .tuple(
      textOf(letters, 12).filter((w) => w.length > 0 && !stems.some((st) => w.startsWith(st.slice(0, 4)))),
      fc.constantFrom('lower', 'title', 'upper'),
    )
    .map(([w, c]) => (c === 'upper' ? w.toUpperCase() : c === 'title' ? w[0]!.toUpperCase() + w.slice(1) : w));
  const sentence = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' ') + '.');
  fc.assert(
    fc.property(sentence, (s) => toCyrl.convert(toLatn.convert(s)) === s),
    { numRuns: 500 },
  );
});

test('the first Cyrillic → Latin → Cyrillic counterexamples are the documented lossy letters', () => {
  const toLatn = createConverter({ from: 'uz-Cyrl', to: 'uz-Latn' });
  const toCyrl = createConverter({ from: 'uz-Latn', to: 'uz-Cyrl' });
  assert.equal(toCyrl.convert(toLatn.convert('цирк')), 'сирк'); // ц written s cannot come back
  assert.equal(toCyrl.convert(toLatn.convert('декабрь')), 'декабр'); // ь is dropped
});
