// Uzbek Cyrillic → Latin, 1995 alphabet with the context rules of Cabinet resolution No. 339
// (scripts.md §4.1–§4.3). Output: oʻ gʻ with U+02BB, tutuq belgisi U+02BC.
import { casePiece, makeCaser } from './casing.ts';
import { CYR_BASE, cyrSet, cyrTable } from './cyrTable.ts';
import type { Engine } from './engine.ts';

export const OKINA = '\u02bb'; // ʻ in oʻ gʻ
export const TUTUQ = '\u02bc'; // ʼ tutuq belgisi

const UZ: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'x',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: TUTUQ,
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: 'o' + OKINA,
  қ: 'q',
  ғ: 'g' + OKINA,
  ҳ: 'h',
  // Kazakh letters in Uzbek text (names).
  ә: 'a',
  ө: 'o',
  ү: 'u',
  ұ: 'u',
  ң: 'ng',
  һ: 'h',
  і: 'i',
};

/** Vowels for the е rule (ye after a vowel); й counts as a vowel for ц (Швейцария → Shveytsariya). */
const VOWELS = cyrSet('аеёиоуэюяўы');
/** ъ before these is not written: their y already marks the break (объект → obyekt). */
const IOTATED = cyrSet('еёюя');

/**
 * Prefixes after which ц starts a stem and is written s (антициклон → antisiklon). Only
 * prefixes ending in a vowel matter: after a consonant ц is s anyway. Closed list; extend with care
 * (про-, ре-, де- are left out on purpose: процесс → protsess, рецепт → retsept).
 */
export const UZ_TSE_PREFIXES: readonly string[] = [
  'анти',
  'авто',
  'аэро',
  'био',
  'гео',
  'гидро',
  'кино',
  'макро',
  'микро',
  'мото',
  'радио',
  'стерео',
  'теле',
  'термо',
  'фото',
  'электро',
  'ультра',
];

/** Month names where я after a consonant is written a (CLDR; resolution 339): closed list. */
export const UZ_A_MONTHS: readonly string[] = ['сентябр', 'октябр'];

const E = 0x435; // е
const TSE = 0x446; // ц
const HARD = 0x44a; // ъ
const SOFT = 0x44c; // ь
const ES = 0x441; // с
const YA = 0x44f; // я
const O = 0x43e; // о
const SHORT_U = 0x45e; // ў
const SHORT_I = 0x439; // й
const HA = 0x4b3; // ҳ

function inSet(set: Uint8Array, c: number): boolean {
  const t = c - CYR_BASE;
  return t >= 0 && t < set.length && set[t] === 1;
}

/** ц: s at the start, at the end, after a consonant and after a prefix; ts after a vowel inside. */
function tse(lw: string, k: number, n: number): string {
  if (k === 0 || k === n - 1) return 's';
  const prev = lw.charCodeAt(k - 1);
  if (!inSet(VOWELS, prev) && prev !== SHORT_I) return 's';
  for (const p of UZ_TSE_PREFIXES) if (p.length === k && lw.startsWith(p)) return 's';
  return 'ts';
}

function monthA(lw: string, k: number): boolean {
  for (const m of UZ_A_MONTHS) if (k === m.length - 3 && lw.startsWith(m)) return true;
  return false;
}

export function uzLatnEngine(): Engine {
  const table = cyrTable(UZ);
  const caser = makeCaser();

  const word = (lw: string, up: Uint8Array, n: number): string => {
    let out = '';
    for (let k = 0; k < n; k++) {
      const c = lw.charCodeAt(k);
      const t = c - CYR_BASE;
      let piece = t >= 0 && t < table.length ? table[t]! : lw[k]!;
      switch (c) {
        case E: {
          const prev = k > 0 ? lw.charCodeAt(k - 1) : 0;
          if (k === 0 || inSet(VOWELS, prev) || prev === HARD || prev === SOFT) piece = 'ye';
          break;
        }
        case TSE:
          piece = tse(lw, k, n);
          break;
        case HARD:
          // No tutuq after ў (мўъжиза → moʻjiza) nor before е ё ю я (объект → obyekt).
          if (k === 0 || lw.charCodeAt(k - 1) === SHORT_U || (k + 1 < n && inSet(IOTATED, lw.charCodeAt(k + 1)))) piece = '';
          break;
        case SOFT:
          // ьо → yo (батальон → batalyon); ье ьё ью ья get their y from the next letter.
          if (k + 1 < n && lw.charCodeAt(k + 1) === O) piece = 'y';
          break;
        case ES:
          // сҳ → sʼh (Исҳоқ → Isʼhoq): keeps s+h from reading as sh.
          if (k + 1 < n && lw.charCodeAt(k + 1) === HA) piece = 's' + TUTUQ;
          break;
        case YA:
          if (monthA(lw, k)) piece = 'a';
          break;
      }
      out += casePiece(piece, k, up, n, caser);
    }
    return out;
  };

  return {
    source: 'Cyrl',
    caser,
    word,
    punctMask: null,
    punct: () => undefined,
    reason: (lw) => (lw.includes('ц') ? 'loanword' : null),
  };
}
