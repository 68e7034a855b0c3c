// Every word the article editor and the story view show, in the newsroom's three interface
// languages. The same keys in each (the type makes a missing one a compile error);
// `{name}` placeholders are filled by `fill()`.
import type { UiLang } from './types.ts';
import { en, type EditorStrings } from './i18n/en.ts';
import { kz } from './i18n/kz.ts';
import { ru } from './i18n/ru.ts';

export type { EditorStrings };

export const EDITOR_STRINGS: Readonly<Record<UiLang, EditorStrings>> = { kz, ru, en };

export function editorStrings(uiLang: string): EditorStrings {
  return EDITOR_STRINGS[uiLang as UiLang] ?? en;
}

/** `fill('{a} of {b}', {a: 1, b: 2})` → `1 of 2`. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** The string for a key built at run time (a state, an action, a field), or the key itself. */
export function pick(s: EditorStrings, key: string): string {
  return (s as Record<string, string>)[key] ?? key;
}
