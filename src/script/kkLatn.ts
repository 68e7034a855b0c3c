// Kazakh Cyrillic → Latin: kk-Latn-2018 (Decree 637, mechanical as Kazinform and Egemen publish),
// kk-Latn-2018-orthography (draft 2018 spelling rules for loanwords) and kk-Latn-2021.
// scripts.md §2.1–§2.3.
import { casePiece, makeCaser } from './casing.ts';
import { CYR_BASE, cyrSet, cyrTable } from './cyrTable.ts';
import type { Engine } from './engine.ts';
import type { SchemeOptions } from './types.ts';

export type KkLatnScheme = 'kk-Latn-2018' | 'kk-Latn-2018-orthography' | 'kk-Latn-2021';

const KK_2018: Readonly<Record<string, string>> = {
  а: 'a',
  ә: 'á',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'ǵ',
  д: 'd',
  е: 'e',
  ё: 'ıo',
  ж: 'j',
  з: 'z',
  и: 'ı',
  й: 'ı',
  к: 'k',
  қ: 'q',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ń',
  о: 'o',
  ө: 'ó',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'ý',
  ұ: 'u',
  ү: 'ú',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  і: 'i',
  ь: '',
  э: 'e',
  ю: 'ıý',
  я: 'ıa',
  // Uzbek letters in Kazakh text (names): ў is a u-glide, ҳ an h.
  ў: 'ý',
  ҳ: 'h',
};

const KK_2021: Readonly<Record<string, string>> = {
  ...KK_2018,
  ә: 'ä',
  ғ: 'ğ',
  ё: 'io',
  и: 'i',
  й: 'i',
  ң: 'ñ',
  ө: 'ö',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ш: 'ş',
  щ: 'ş',
  і: 'ı',
  ю: 'iu',
  я: 'ia',
  ў: 'u',
};

const CONSONANTS = cyrSet('бвгғджзкқлмнңпрстфхһцчшщ');
const TSE = 0x446; // ц
const ES = 0x441; // с
const I = 0x438; // и
const YA = 0x44f; // я
const YO = 0x451; // ё
const YU = 0x44e; // ю
const LOAN_LETTERS = cyrSet('цчщёюяъьэ');

/** Is the word written with a Russian-origin letter (scripts.md §2.2)? */
export function hasLoanLetter(lw: string): boolean {
  for (let k = 0; k < lw.length; k++) {
    const i = lw.charCodeAt(k) - CYR_BASE;
    if (i >= 0 && i < LOAN_LETTERS.length && LOAN_LETTERS[i] === 1) return true;
  }
  return false;
}

function isConsonant(c: number): boolean {
  const i = c - CYR_BASE;
  return i >= 0 && i < CONSONANTS.length && CONSONANTS[i] === 1;
}

export function kkLatnEngine(scheme: KkLatnScheme, options: SchemeOptions = {}): Engine {
  const orthography = scheme === 'kk-Latn-2018-orthography';
  const is2021 = scheme === 'kk-Latn-2021';
  const letters = { ...(is2021 ? KK_2021 : KK_2018) };
  letters['ц'] = orthography ? 's' : (options.tse ?? 'ts');
  if (is2021 && options.che === 'ç') letters['ч'] = 'ç';
  const table = cyrTable(letters);
  const collapseIya = orthography || options.collapseIya === true;
  // 2021: the capital of i is İ and of ı is I; 2018: I is the capital of both i and ı.
  const caser = makeCaser(is2021 ? { i: 'İ', ı: 'I' } : { ı: 'I' });

  const word = (lw: string, up: Uint8Array, n: number): string => {
    let out = '';
    for (let k = 0; k < n; k++) {
      const c = lw.charCodeAt(k);
      const t = c - CYR_BASE;
      let piece = t >= 0 && t < table.length ? table[t]! : lw[k]!;
      if (c === TSE) {
        // Orthography: сц → s (сценари → senarı).
        if (orthography && k > 0 && lw.charCodeAt(k - 1) === ES) piece = '';
      } else if (c === YA) {
        // ия → ıa (akademıalyq) instead of ııa when collapsing.
        if (collapseIya && k > 0 && lw.charCodeAt(k - 1) === I) piece = 'a';
      } else if (orthography && k > 0 && isConsonant(lw.charCodeAt(k - 1))) {
        // Orthography: ё → ó, ю → ú after a consonant (актёр → aktór, парашют → parashút).
        if (c === YO) piece = 'ó';
        else if (c === YU) piece = 'ú';
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
    reason: (lw) => (hasLoanLetter(lw) ? 'loanword' : null),
  };
}
