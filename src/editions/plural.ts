// Texts with a count take the plural form the language asks for (Intl.PluralRules, CLDR): ru
// "1 просмотр / 2 просмотра / 5 просмотров", en "1 view / 2 views", kk and uz one/other, zh other.
import { fill } from './uiStrings.ts';

/** One text per CLDR plural category the language uses; `other` always. `{n}` is the count. */
export interface PluralForms {
  readonly zero?: string;
  readonly one?: string;
  readonly two?: string;
  readonly few?: string;
  readonly many?: string;
  readonly other: string;
}

const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let r = rules.get(locale);
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

/** The categories a locale distinguishes: what a `PluralForms` of that language must have. */
export function pluralCategories(locale: string): readonly string[] {
  return rulesFor(locale).resolvedOptions().pluralCategories;
}

export function isPluralForms(value: unknown): value is PluralForms {
  return typeof value === 'object' && value !== null && typeof (value as { other?: unknown }).other === 'string';
}

/** The form for `n`, with `{n}` and the other placeholders filled. */
export function plural(locale: string, forms: PluralForms, n: number, values: Readonly<Record<string, string | number>> = {}): string {
  const category = rulesFor(locale).select(n) as keyof PluralForms;
  return fill(forms[category] ?? forms.other, { ...values, n });
}
