// Kazakh Arabic script (Töte) → Kazakh Cyrillic, for search queries typed in the ق ز edition's
// script. Töte writes one letter for a back/front vowel pair (ا а/ә, و о/ө, ۇ ұ/ү, ى ы/і); a word
// is front when it has the hamza (ء, ٴ) or one of the front-only letters ە ك گ, back otherwise
// (Baitursynuly's rule, scripts.md §3.2, read backwards). Pure: a string in, a string out.

const COMMON: Readonly<Record<string, string>> = {
  ب: 'б',
  ۆ: 'в',
  گ: 'г',
  ع: 'ғ',
  د: 'д',
  ە: 'е',
  ج: 'ж',
  ز: 'з',
  ي: 'и',
  ك: 'к',
  ق: 'қ',
  ل: 'л',
  م: 'м',
  ن: 'н',
  ڭ: 'ң',
  پ: 'п',
  ر: 'р',
  س: 'с',
  ت: 'т',
  ۋ: 'у',
  ف: 'ф',
  ح: 'х',
  ھ: 'һ',
  چ: 'ч',
  ش: 'ш',
  // Arabic and Persian letters that Kazakh text may borrow.
  ی: 'и',
  ى: 'ы',
  ه: 'һ',
  ة: 'а',
  و: 'о',
  ا: 'а',
  ۇ: 'ұ',
  آ: 'а',
  أ: 'а',
  إ: 'и',
  ئ: '',
  ؤ: 'у',
  ص: 'с',
  ض: 'з',
  ط: 'т',
  ظ: 'з',
  ث: 'с',
  ذ: 'з',
  غ: 'ғ',
  خ: 'х',
  '،': ',',
  '؛': ';',
  '؟': '?',
  '٫': ',',
  '«': '«',
  '»': '»',
};
const DIGITS = '٠١٢٣٤٥٦٧٨٩';
const EXT_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const HAMZA = /[\u0621\u0674]/;
const FRONT_ONLY = /[\u06D5\u0643\u06AF]/; // ە ك گ
const BACK_VOWELS: Readonly<Record<string, string>> = { ا: 'а', و: 'о', ۇ: 'ұ', ى: 'ы' };
const FRONT_VOWELS: Readonly<Record<string, string>> = { ا: 'ә', و: 'ө', ۇ: 'ү', ى: 'і' };
const ARABIC_WORD = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]+/g;

function word(w: string): string {
  const front = HAMZA.test(w) || FRONT_ONLY.test(w);
  const vowels = front ? FRONT_VOWELS : BACK_VOWELS;
  let out = '';
  for (const ch of w) {
    if (ch === '\u0621' || ch === '\u0674') continue;
    const d = DIGITS.indexOf(ch) >= 0 ? DIGITS.indexOf(ch) : EXT_DIGITS.indexOf(ch);
    if (d >= 0) {
      out += String(d);
      continue;
    }
    out += vowels[ch] ?? COMMON[ch] ?? (/[\u064B-\u065F\u0670\u0640]/.test(ch) ? '' : ch);
  }
  // й and и are one letter (ي) in Töte: after a vowel it is й.
  return out.replace(/([аәоөұүыіеу])и/g, '$1й');
}

/** Kazakh Arabic-script text in Cyrillic; other characters pass through. Presentation forms are folded first (NFKC). */
export function kkArabToCyrl(text: string): string {
  return text.normalize('NFKC').replace(ARABIC_WORD, word);
}
