// Dates and error messages as the editor shows them.
import { ApiError } from './net.ts';
import { fill, pick, type EditorStrings } from './strings.ts';

// Month names are ours: Chromium's trimmed ICU has no Kazakh month names ("2026 M11 20"), so
// Intl gives only the numbers in the agency's time zone and the words come from here.
export const MONTHS: Record<string, readonly string[]> = {
  kz: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const NUMBERS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** A moment in the agency's time zone, in the user's interface language: "20 қараша 2026, 14:30". */
export function formatTime(iso: string | null | undefined, uiLang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = Object.fromEntries(NUMBERS.formatToParts(date).map((x) => [x.type, x.value]));
  const month = (MONTHS[uiLang] ?? MONTHS['en']!)[Number(p['month']) - 1];
  return `${Number(p['day'])} ${month} ${p['year']}, ${p['hour']}:${p['minute']}`;
}

/** What to tell the user about a failed request. */
export function errorText(s: EditorStrings, error: unknown): string {
  if (error instanceof ApiError) {
    const known = pick(s, `e_${error.code}`);
    if (known !== `e_${error.code}`) return fill(known, { message: error.message });
    return fill(s.e_other, { message: error.message });
  }
  if (error instanceof TypeError) return s.e_network;
  return fill(s.e_other, { message: error instanceof Error ? error.message : String(error) });
}
