// Kazakh Cyrillic → Arabic script (Töte). scripts.md §3.
// kk-Arab: the agency's Arabic edition (ar.inform.kz). kk-Arab-mediawiki: MediaWiki's
// KkConverter (§3.8), kept for regression comparisons only.
import { makeCaser } from './casing.ts';
import { CYR_BASE, cyrSet, cyrTable } from './cyrTable.ts';
import type { Engine } from './engine.ts';
import { hasLoanLetter } from './kkLatn.ts';
import type { SchemeOptions } from './types.ts';

export type KkArabScheme = 'kk-Arab' | 'kk-Arab-mediawiki';

const AGENCY: Readonly<Record<string, string>> = {
  а: 'ا',
  ә: 'ا',
  б: 'ب',
  в: 'ۆ',
  г: 'گ',
  ғ: 'ع',
  д: 'د',
  е: 'ە',
  ё: 'يو',
  ж: 'ج',
  з: 'ز',
  и: 'ي',
  й: 'ي',
  к: 'ك',
  қ: 'ق',
  л: 'ل',
  м: 'م',
  н: 'ن',
  ң: 'ڭ',
  о: 'و',
  ө: 'و',
  п: 'پ',
  р: 'ر',
  с: 'س',
  т: 'ت',
  у: 'ۋ',
  ұ: 'ۇ',
  ү: 'ۇ',
  ф: 'ف',
  х: 'ح',
  һ: 'ھ',
  ц: 'تس',
  ч: 'چ',
  ш: 'ش',
  щ: 'شش',
  ъ: '',
  ы: 'ى',
  і: 'ى',
  ь: '',
  э: 'ە',
  ю: 'يۋ',
  я: 'يا',
  ў: 'ۋ',
  ҳ: 'ھ',
};

const MEDIAWIKI: Readonly<Record<string, string>> = { ...AGENCY, и: 'ىي', ч: 'تش', һ: 'ح' };

/** Arabic spellings for Cyrillic letters of other languages, so that none survives. */
const ARABIC_FALLBACK: Readonly<Record<string, string>> = {
  ђ: 'دج',
  ѓ: 'گ',
  є: 'يە',
  ѕ: 'دز',
  ї: 'يي',
  ј: 'ي',
  љ: 'ل',
  њ: 'ن',
  ћ: 'چ',
  ќ: 'ك',
  џ: 'دج',
  ґ: 'گ',
  җ: 'ج',
  ҙ: 'ز',
  ҫ: 'س',
  ҷ: 'چ',
  ӏ: 'ى',
  ӣ: 'ي',
  ӯ: 'ۋ',
};

const HAMZA_AGENCY = '\u0621'; // ء ARABIC LETTER HAMZA
const HAMZA_MEDIAWIKI = '\u0674'; // ٴ ARABIC LETTER HIGH HAMZA

/** Front vowels that need the hamza, and the letters that already mark a word front (or back). */
const FRONT = cyrSet('әөүі');
const NO_HAMZA = cyrSet('еэгғкқ');
/** Letters after which е is written with a glide (MediaWiki's АӘЕЁИОӨҰҮЭЮЯЪЬ). */
const GLIDE_AFTER = cyrSet('аәеёиоөұүэюяъь');
const BACK_MARKERS = cyrSet('ғқ');
const E = 0x435; // е
const I = 0x438; // и
const YA = 0x44f; // я

/** Baitursynuly's rule (§3.2): a word with ә ө ү і and none of е э г ғ к қ gets one hamza. */
function needsHamza(lw: string): boolean {
  let front = false;
  for (let k = 0; k < lw.length; k++) {
    const t = lw.charCodeAt(k) - CYR_BASE;
    if (t < 0 || t >= FRONT.length) continue;
    if (NO_HAMZA[t] === 1) return false;
    if (FRONT[t] === 1) front = true;
  }
  return front;
}

/** A front word that still has қ or ғ (бірақ, төрағасы): publishers disagree on its hamza. */
function hamzaAmbiguous(lw: string): boolean {
  let front = false;
  let back = false;
  for (let k = 0; k < lw.length; k++) {
    const t = lw.charCodeAt(k) - CYR_BASE;
    if (t < 0 || t >= FRONT.length) continue;
    if (FRONT[t] === 1) front = true;
    if (BACK_MARKERS[t] === 1) back = true;
  }
  return front && back;
}

const PUNCT_SIZE = 0x2200;

function mask(chars: string): Uint8Array {
  const m = new Uint8Array(PUNCT_SIZE);
  for (const ch of chars) m[ch.charCodeAt(0)] = 1;
  return m;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

export function kkArabEngine(scheme: KkArabScheme, options: SchemeOptions = {}): Engine {
  const mediawiki = scheme === 'kk-Arab-mediawiki';
  const table = cyrTable(mediawiki ? MEDIAWIKI : AGENCY, ARABIC_FALLBACK);
  const hamza = mediawiki ? HAMZA_MEDIAWIKI : HAMZA_AGENCY;
  const glide = mediawiki || options.glideBeforeE === true;

  const word = (lw: string, _up: Uint8Array, n: number): string => {
    let out = needsHamza(lw) ? hamza : '';
    let k = 0;
    if (mediawiki && lw.startsWith('аллаһ')) {
      out = 'ﷲ'; // MediaWiki's ligature for Аллаһ
      k = 5;
    }
    for (; k < n; k++) {
      const c = lw.charCodeAt(k);
      const t = c - CYR_BASE;
      if (t < 0 || t >= table.length) {
        out += lw[k]!;
        continue;
      }
      // ия → يا with one ي (конституциялық → كونستيتۋتسيالىق); MediaWiki keeps both.
      if (c === I && !mediawiki && k + 1 < n && lw.charCodeAt(k + 1) === YA) continue;
      if (c === E && glide && k > 0) {
        const p = lw.charCodeAt(k - 1) - CYR_BASE;
        if (p >= 0 && p < GLIDE_AFTER.length && GLIDE_AFTER[p] === 1) {
          out += 'يە';
          continue;
        }
      }
      out += table[t]!;
    }
    return out;
  };

  // Agency (§3.5): Arabic comma, semicolon and question mark; every dash → ASCII "-"; ASCII digits,
  // and a comma between digits ("3,5") stays. MediaWiki (§3.8): ، ؛ ؟ ٪ ٭, digits ۰–۹, № → U+0600.
  const punctMask = mask(mediawiki ? ',;?%*№0123456789' : ',;?\u2012\u2013\u2014\u2015');
  const punct = (text: string, i: number, c: number): string | undefined => {
    switch (c) {
      case 0x2c:
        if (!mediawiki && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) return undefined;
        return '،';
      case 0x3b:
        return '؛';
      case 0x3f:
        return '؟';
      case 0x25:
        return '٪';
      case 0x2a:
        return '٭';
      case 0x2116:
        return '\u0600';
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2015:
        return '-';
      default:
        return isDigit(c) ? String.fromCharCode(0x06f0 + c - 0x30) : undefined;
    }
  };

  return {
    source: 'Cyrl',
    caser: makeCaser(),
    word,
    punctMask,
    punct,
    reason: (lw) => (hasLoanLetter(lw) ? 'loanword' : hamzaAmbiguous(lw) ? 'ambiguous' : null),
  };
}
