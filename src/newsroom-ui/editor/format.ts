// Dates and error messages as the editor shows them.
import { ApiError } from './net.ts';
import { fill, pick, type EditorStrings } from './strings.ts';

const LOCALES: Record<string, string> = { kz: 'kk', ru: 'ru', en: 'en-GB' };

/** A moment in the agency's time zone, in the user's interface language. */
export function formatTime(iso: string | null | undefined, uiLang: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(LOCALES[uiLang] ?? 'en-GB', { timeZone: 'Asia/Almaty', dateStyle: 'medium', timeStyle: 'short' }).format(date);
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
