// The newsroom shell's words (header, login, dashboard, photos) in its three interface languages.
// The same keys in each: the type makes a missing one a compile error. The editor has its own
// strings (editor/strings.ts). One file per language in i18n/.
import { en, type ShellStrings } from './i18n/en.ts';
import { kz } from './i18n/kz.ts';
import { ru } from './i18n/ru.ts';
import { EDITIONS, UI_LANGS, WRITTEN_EDITIONS, type UiLangCode } from '../editions/editions.ts';
import { plural, type PluralForms } from '../editions/plural.ts';

export type { ShellStrings };

export const SHELL_STRINGS: Readonly<Record<UiLangCode, ShellStrings>> = { kz, ru, en };

export function shellStrings(uiLang: string): ShellStrings {
  return SHELL_STRINGS[uiLang as UiLangCode] ?? en;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/** A string by a computed key (e.g. `status_${state}`), the key itself when unknown. */
export function pick(s: ShellStrings, key: string): string {
  const value = (s as unknown as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : key;
}

/** A text with a count in the strings' language: "1 view", "5 views"; "2 просмотра", "5 просмотров". */
export function count(s: ShellStrings, forms: PluralForms, n: number): string {
  const lang = UI_LANGS.find((l) => SHELL_STRINGS[l] === s) ?? 'en';
  return plural(EDITIONS[lang].intlLocale, forms, n);
}

export const EDITION_NAMES: Readonly<Record<string, string>> = Object.fromEntries(WRITTEN_EDITIONS.map((e) => [e, EDITIONS[e].label]));
