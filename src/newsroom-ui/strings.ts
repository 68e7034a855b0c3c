// The newsroom shell's words (header, login, dashboard, photos) in its three interface languages.
// The same keys in each: the type makes a missing one a compile error. The editor has its own
// strings (editor/strings.ts). One file per language in i18n/.
import { en, type ShellStrings } from './i18n/en.ts';
import { kz } from './i18n/kz.ts';
import { ru } from './i18n/ru.ts';

export type { ShellStrings };

export const SHELL_STRINGS: Readonly<Record<'kz' | 'ru' | 'en', ShellStrings>> = { kz, ru, en };

export function shellStrings(uiLang: string): ShellStrings {
  return SHELL_STRINGS[uiLang as 'kz' | 'ru' | 'en'] ?? en;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A string by a computed key (e.g. `status_${state}`), the key itself when unknown. */
export function pick(s: ShellStrings, key: string): string {
  return (s as Record<string, string>)[key] ?? key;
}

export const EDITION_NAMES: Readonly<Record<string, string>> = { kz: 'kz', ru: 'ру', en: 'en', cn: '中文', uz: 'ўз' };
