// Uzbek Latin → Cyrillic (scripts.md §4.4). Lossy: s/ts cannot always be turned back into ц nor
// a dropped ь restored; a small stem list covers the common loanwords, the lexicon the rest.
// Input apostrophes ʻ ʼ ‘ ’ ' ` ´ all arrive here as "'".
import { LOWER_LATIN, makeCaser } from './casing.ts';
import type { Engine } from './engine.ts';

const LETTERS: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'ц',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'ҳ',
  i: 'и',
  j: 'ж',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'қ',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'в',
  x: 'х',
  y: 'й',
  z: 'з',
  "'": 'ъ',
  ə: 'ә', // not Uzbek; accepted because it is the look-alike of Cyrillic ә
};

/**
 * Latin stems whose Cyrillic spelling the rules cannot recover (ц written s, ю written u, ь
 * dropped), matched at the start of a word: vaksinalar → вакциналар. Keep each stem long
 * enough not to swallow a native word.
 */
export const UZ_CYRL_STEMS: ReadonlyArray<readonly [string, string]> = [
  ['sivilizatsiya', 'цивилизация'],
  ['vaksin', 'вакцин'],
  ['budjet', 'бюджет'],
  ['sentabr', 'сентябр'],
  ['oktabr', 'октябр'],
  ['sement', 'цемент'],
  ['prinsip', 'принцип'],
  ['fransuz', 'француз'],
  ['shveytsariya', 'швейцария'],
  ['obyekt', 'объект'],
  ['subyekt', 'субъект'],
  ['pensiya', 'пенсия'],
  ['kompyuter', 'компьютер'],
];

const STEMS_BY_FIRST = new Map<string, Array<readonly [string, string]>>();
for (const entry of UZ_CYRL_STEMS) {
  const first = entry[0][0]!;
  const list = STEMS_BY_FIRST.get(first) ?? [];
  list.push(entry);
  STEMS_BY_FIRST.set(first, list);
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const ALPHABET = new Set([..."abcdefghijklmnopqrstuvwxyzə'"]);

/** ts → ц before e or before i + vowel/y (litsey, konstitutsiya); тс elsewhere (ketsa, otsiz). */
function tsIsTse(lw: string, k: number): boolean {
  const a = lw[k + 2];
  if (a === 'e') return true;
  if (a !== 'i') return false;
  const b = lw[k + 3];
  return b !== undefined && (VOWELS.has(b) || b === 'y');
}

/** Latin letters of the alphabet plus "'"; a word with any other letter is foreign and kept. */
const IN_ALPHABET: Uint8Array = (() => {
  const t = new Uint8Array(0x260);
  for (const ch of ALPHABET) t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** Cyrillic letter (lower, upper) per ASCII code. */
const LOWER_OUT: string[] = new Array<string>(0x260).fill('');
const UPPER_OUT: string[] = new Array<string>(0x260).fill('');
for (const [latin, cyr] of Object.entries(LETTERS)) {
  LOWER_OUT[latin.charCodeAt(0)] = cyr;
  UPPER_OUT[latin.charCodeAt(0)] = cyr.toUpperCase();
}
const IS_VOWEL = new Uint8Array(0x260);
for (const v of VOWELS) IS_VOWEL[v.charCodeAt(0)] = 1;

const APOS = 0x27;
const A = 0x61;
const C = 0x63;
const E = 0x65;
const G = 0x67;
const H = 0x68;
const K = 0x6b;
const N = 0x6e;
const O = 0x6f;
const S = 0x73;
const T = 0x74;
const U = 0x75;
const Y = 0x79;

/** Letters used by the last piece() call (1 or 2); module state local to one synchronous call. */
let used = 1;

/** Cyrillic letter for the Latin letter(s) at k; sets `used`. */
function piece(lw: string, k: number, n: number, prevVowel: boolean): string {
  const c = lw.charCodeAt(k);
  const next = k + 1 < n ? lw.charCodeAt(k + 1) : 0;
  used = 2;
  switch (c) {
    case O:
      if (next === APOS) return 'ў';
      break;
    case G:
      if (next === APOS) return 'ғ';
      break;
    case S:
      if (next === H) return 'ш';
      if (next === APOS && lw.charCodeAt(k + 2) === H) return 'с'; // sʼh → сҳ
      if (k > 0 && lw.startsWith('iya', k + 1)) {
        const p = lw.charCodeAt(k - 1);
        if (p === K || p === N) {
          used = 1;
          return 'ц'; // aksiya, funksiya, konferensiya → акция, функция, конференция
        }
      }
      break;
    case C:
      if (next === H) return 'ч';
      break;
    case T:
      if (next === S && tsIsTse(lw, k)) return 'ц';
      break;
    case Y:
      if (next === E) return 'е';
      if (next === O && lw.charCodeAt(k + 2) !== APOS) return 'ё'; // yoʻ → йў
      if (next === U) return 'ю';
      if (next === A) return 'я';
      break;
    case E:
      used = 1;
      return k === 0 || prevVowel ? 'э' : 'е';
  }
  used = 1;
  return c < LOWER_OUT.length ? LOWER_OUT[c]! || lw[k]! : lw[k]!;
}

export function uzCyrlEngine(): Engine {
  const caser = makeCaser();

  const word = (lw: string, up: Uint8Array, n: number): string => {
    let out = '';
    let k = 0;
    let prevVowel = false;
    const stems = STEMS_BY_FIRST.get(lw[0] ?? '');
    if (stems) {
      for (const [latin, cyrillic] of stems) {
        if (!lw.startsWith(latin)) continue;
        for (let j = 0; j < cyrillic.length; j++) {
          const c = cyrillic[j]!;
          out += up[Math.min(j, latin.length - 1)] === 1 ? caser.upper(c) : c;
        }
        k = latin.length;
        prevVowel = VOWELS.has(latin[latin.length - 1]!);
        break;
      }
    }
    while (k < n) {
      const c = lw.charCodeAt(k);
      let p = piece(lw, k, n, prevVowel);
      if (up[k] === 1) p = used === 1 && c < LOWER_OUT.length && LOWER_OUT[c] === p ? UPPER_OUT[c]! : caser.upper(p);
      out += p;
      prevVowel = c === Y ? used === 2 : IS_VOWEL[c] === 1;
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
        if (c >= IN_ALPHABET.length || IN_ALPHABET[c] !== 1) return false;
      }
      return true;
    },
    punctMask: null,
    punct: () => undefined,
    reason: (lw) => (lw.includes('ts') || lw.includes('siya') ? 'ambiguous' : null),
  };
}
