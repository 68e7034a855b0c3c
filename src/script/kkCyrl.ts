// Kazakh Latin (2018 schemes) → Cyrillic, best effort for readers who search in Latin
// (scripts.md §2.6). Lossy: ı is и or й, capital I is і, и or й, ts is ц or тс, ь/ъ are gone.
// Editors close the gaps with the lexicon (keys in Latin).
import { LOWER_LATIN, makeCaser } from './casing.ts';
import type { Engine } from './engine.ts';
import type { KkLatnScheme } from './kkLatn.ts';

const LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  á: 'ә',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  ǵ: 'ғ',
  h: 'х',
  i: 'і',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  ń: 'ң',
  o: 'о',
  ó: 'ө',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'ұ',
  ú: 'ү',
  v: 'в',
  y: 'ы',
  ý: 'у',
  z: 'з',
  "'": "'",
  // Not in the alphabet, but typed in Kazakh text and look-alikes of Cyrillic letters.
  w: 'у',
  x: 'х',
  ə: 'ә',
};

const VOWEL_LETTERS = 'aáeiıoóuúyý';
/** After ı: я, ю, ё (mechanical ıa ıý ıo). */
const GLIDES: Readonly<Record<string, string>> = { a: 'я', ý: 'ю', o: 'ё' };

const SIZE = 0x250;
const OUT = new Array<string>(SIZE).fill('');
const OUT_UPPER = new Array<string>(SIZE).fill('');
const GLIDE = new Array<string>(SIZE).fill('');
const IS_VOWEL = new Uint8Array(SIZE);
const IN_ALPHABET = new Uint8Array(SIZE);
for (const [latin, cyr] of Object.entries(LETTERS)) {
  OUT[latin.charCodeAt(0)] = cyr;
  OUT_UPPER[latin.charCodeAt(0)] = cyr.toUpperCase();
  IN_ALPHABET[latin.charCodeAt(0)] = 1;
}
for (const [latin, cyr] of Object.entries(GLIDES)) GLIDE[latin.charCodeAt(0)] = cyr;
for (const v of VOWEL_LETTERS) IS_VOWEL[v.charCodeAt(0)] = 1;
const DOTLESS_I = 0x131;
IN_ALPHABET[DOTLESS_I] = 1;

const at = (lw: string, k: number): number => (k < lw.length ? lw.charCodeAt(k) : 0);
const isVowel = (c: number): boolean => c < SIZE && IS_VOWEL[c] === 1;

export function kkCyrlEngine(scheme: Exclude<KkLatnScheme, 'kk-Latn-2021'>): Engine {
  const orthography = scheme === 'kk-Latn-2018-orthography';
  const caser = makeCaser();

  const word = (lw: string, up: Uint8Array, n: number): string => {
    let out = '';
    let k = 0;
    while (k < n) {
      const c = lw.charCodeAt(k);
      const next = at(lw, k + 1);
      const prev = k > 0 ? lw.charCodeAt(k - 1) : 0;
      let piece: string;
      let used = 1;
      // A capital I is the capital of both i and ı in 2018: it arrives as i with its capital flag.
      const capitalI = c === 0x69 && up[k] === 1;
      if (c === 0x73 && next === 0x68) {
        piece = 'ш';
        used = 2;
      } else if (c === 0x63 && next === 0x68) {
        piece = 'ч';
        used = 2;
      } else if (c === 0x74 && next === 0x73 && at(lw, k + 2) === DOTLESS_I && isVowel(at(lw, k + 3))) {
        piece = 'ц'; // Konstıtýtsııa → Конституция; ketse stays кетсе
        used = 2;
      } else if (c === DOTLESS_I || capitalI) {
        const glide = next < SIZE ? GLIDE[next]! : '';
        if (glide !== '' && !(orthography && prev !== 0 && !isVowel(prev))) {
          piece = glide;
          used = 2;
        } else if (glide !== '') {
          piece = 'и'; // orthography: ия is written ıa after a consonant (akademıa)
        } else if (prev !== 0 && prev !== DOTLESS_I && isVowel(prev)) {
          piece = 'й'; // Qostanaı → Қостанай, oılar → ойлар
        } else {
          piece = capitalI ? 'і' : 'и';
        }
        if (up[k] === 1) piece = caser.upper(piece);
        out += piece;
        k += used;
        continue;
      } else {
        piece = c < SIZE ? (up[k] === 1 ? OUT_UPPER[c]! : OUT[c]!) || lw[k]! : lw[k]!;
        out += piece;
        k++;
        continue;
      }
      out += up[k] === 1 ? caser.upper(piece) : piece;
      k += used;
    }
    return out;
  };

  return {
    source: 'Latn',
    caser,
    word,
    lowerLatin: LOWER_LATIN,
    accepts: (lw) => {
      for (let k = 0; k < lw.length; k++) {
        const c = lw.charCodeAt(k);
        if (c >= SIZE || IN_ALPHABET[c] !== 1) return false;
      }
      return true;
    },
    punctMask: null,
    punct: () => undefined,
    reason: (lw) => (lw.includes('ts') || /ı[aýo]/.test(lw) ? 'ambiguous' : null),
  };
}
