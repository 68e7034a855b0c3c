// The edition registry: one language in one script, with its URL prefix.
// Editions are configuration, not data (docs/architecture.md §Editions). Everything that depends
// on the set of editions — the code unions, the written, derived and menu lists, each edition's
// language facts — is derived from the one table below: adding an edition is one entry here plus
// its UI strings (src/editions/strings/).
import type { ScriptTag, Scheme } from '../script/types.ts';
import type { DateOrder } from '../content/dates.ts';

/** The primary language of an edition (ISO 639-1): search analysis, `lang` of short labels. */
export type Language = 'kk' | 'ru' | 'en' | 'zh' | 'uz';

interface EditionFacts {
  readonly kind: 'written' | 'derived';
  /** BCP 47 language tag for `lang`, `hreflang` and feeds. */
  readonly lang: string;
  /** Primary language (ISO 639-1). */
  readonly language: Language;
  /** The script the edition is read in. */
  readonly script: ScriptTag | 'Hans' | 'Latn' | 'Cyrl';
  /** What the language menu shows. */
  readonly label: string;
  readonly dir: 'ltr' | 'rtl';
  /** Locale given to Intl for dates, numbers and plural rules. */
  readonly intlLocale: string;
  readonly dateOrder: DateOrder;
  /** Open Graph locale. */
  readonly ogLocale: string;
  /** Google News `<news:language>`: ISO 639 (two or three letters), zh-cn for Simplified Chinese. */
  readonly newsLanguage: string;
  /** Shown in the seven-item language menu (uz-latn is reached by the script switch on uz pages). */
  readonly inMenu: boolean;
  /** The newsroom's own interface is offered in this edition's language. */
  readonly newsroomUi: boolean;
  /** Derived editions: the written edition converted, and how. */
  readonly source?: string;
  readonly from?: ScriptTag;
  readonly to?: ScriptTag;
  readonly scheme?: Scheme;
  /** The edition whose script switch leads here and back. */
  readonly scriptSwitch?: string;
}

const EDITION_TABLE = {
  kz: {
    kind: 'written',
    lang: 'kk-Cyrl',
    language: 'kk',
    script: 'kk-Cyrl',
    label: 'kz',
    dir: 'ltr',
    intlLocale: 'kk',
    dateOrder: 'time-day-month-year',
    ogLocale: 'kk_KZ',
    newsLanguage: 'kk',
    inMenu: true,
    newsroomUi: true,
  },
  qz: {
    kind: 'derived',
    lang: 'kk-Latn',
    language: 'kk',
    script: 'kk-Latn',
    label: 'qz',
    dir: 'ltr',
    intlLocale: 'kk',
    dateOrder: 'time-day-month-year',
    ogLocale: 'kk_KZ',
    newsLanguage: 'kk',
    inMenu: true,
    newsroomUi: false,
    source: 'kz',
    from: 'kk-Cyrl',
    to: 'kk-Latn',
    scheme: 'kk-Latn-2018',
  },
  ru: {
    kind: 'written',
    lang: 'ru',
    language: 'ru',
    script: 'Cyrl',
    label: 'ру',
    dir: 'ltr',
    intlLocale: 'ru',
    dateOrder: 'time-day-month-year',
    ogLocale: 'ru_RU',
    newsLanguage: 'ru',
    inMenu: true,
    newsroomUi: true,
  },
  en: {
    kind: 'written',
    lang: 'en',
    language: 'en',
    script: 'Latn',
    label: 'en',
    dir: 'ltr',
    intlLocale: 'en-GB',
    dateOrder: 'time-day-month-year',
    ogLocale: 'en_GB',
    newsLanguage: 'en',
    inMenu: true,
    newsroomUi: true,
  },
  cn: {
    kind: 'written',
    lang: 'zh-Hans',
    language: 'zh',
    script: 'Hans',
    label: '中文',
    dir: 'ltr',
    intlLocale: 'zh-Hans',
    dateOrder: 'year-month-day-time',
    ogLocale: 'zh_CN',
    newsLanguage: 'zh-cn',
    inMenu: true,
    newsroomUi: false,
  },
  uz: {
    kind: 'written',
    lang: 'uz-Cyrl',
    language: 'uz',
    script: 'uz-Cyrl',
    label: 'ўз',
    dir: 'ltr',
    intlLocale: 'uz-Cyrl',
    dateOrder: 'time-day-month-year',
    ogLocale: 'uz_UZ',
    newsLanguage: 'uz',
    inMenu: true,
    newsroomUi: false,
    scriptSwitch: 'uz-latn',
  },
  'uz-latn': {
    kind: 'derived',
    lang: 'uz-Latn',
    language: 'uz',
    script: 'uz-Latn',
    label: 'oʻz',
    dir: 'ltr',
    intlLocale: 'uz-Cyrl',
    dateOrder: 'time-day-month-year',
    ogLocale: 'uz_UZ',
    newsLanguage: 'uz',
    inMenu: false,
    newsroomUi: false,
    source: 'uz',
    from: 'uz-Cyrl',
    to: 'uz-Latn',
    scheme: 'uz-Latn-1995',
    scriptSwitch: 'uz',
  },
  tote: {
    kind: 'derived',
    lang: 'kk-Arab',
    language: 'kk',
    script: 'kk-Arab',
    label: 'ق ز',
    dir: 'rtl',
    intlLocale: 'kk',
    dateOrder: 'time-day-month-year',
    ogLocale: 'kk_KZ',
    newsLanguage: 'kk',
    inMenu: true,
    newsroomUi: false,
    source: 'kz',
    from: 'kk-Cyrl',
    to: 'kk-Arab',
    scheme: 'kk-Arab',
  },
} as const satisfies Record<string, EditionFacts>;

type Table = typeof EDITION_TABLE;

export type EditionCode = keyof Table;
export type WrittenEditionCode = { [K in EditionCode]: Table[K]['kind'] extends 'written' ? K : never }[EditionCode];
export type DerivedEditionCode = Exclude<EditionCode, WrittenEditionCode>;
/** The editions the newsroom's interface speaks. */
export type UiLangCode = { [K in EditionCode]: Table[K]['newsroomUi'] extends true ? K : never }[EditionCode];

type Common = Omit<EditionFacts, 'kind' | 'source' | 'from' | 'to' | 'scheme' | 'scriptSwitch'>;

export interface WrittenEdition extends Common {
  readonly kind: 'written';
  /** URL prefix: `/{code}/`. */
  readonly code: WrittenEditionCode;
  /** The Latin-script variant offered as a script switch on this edition's pages. */
  readonly scriptSwitch?: DerivedEditionCode;
}

export interface DerivedEdition extends Common {
  readonly kind: 'derived';
  /** URL prefix: `/{code}/`. */
  readonly code: DerivedEditionCode;
  readonly source: WrittenEditionCode;
  readonly from: ScriptTag;
  readonly to: ScriptTag;
  readonly scheme: Scheme;
  readonly scriptSwitch?: WrittenEditionCode;
}

export type Edition = WrittenEdition | DerivedEdition;

// Each entry, with its code, must be a well-formed written or derived edition: a derived
// edition's `source` a written code, a `scriptSwitch` a code of the other kind.
type Checked = { readonly [K in EditionCode]: Table[K] & { readonly code: K } & Edition };
type WellFormed = { [K in EditionCode]: Table[K] extends Omit<WrittenEdition, 'code'> | Omit<DerivedEdition, 'code'> ? true : false };
type AllTrue<T extends Readonly<Record<EditionCode, true>>> = T;
/** Compiles only when every entry is a well-formed edition. */
export type EditionTableChecked = AllTrue<WellFormed>;

/** Table order: kz · qz · ru · en · cn · uz · uz-latn · tote. */
export const EDITION_CODES = Object.keys(EDITION_TABLE) as EditionCode[];

export const EDITIONS: Checked = Object.fromEntries(
  EDITION_CODES.map((code) => [code, { code, ...EDITION_TABLE[code] }]),
) as unknown as Checked;

const all = (): Edition[] => EDITION_CODES.map((c) => EDITIONS[c]);

export const WRITTEN_EDITIONS: readonly WrittenEditionCode[] = all().flatMap((e) => (e.kind === 'written' ? [e.code] : []));
export const DERIVED_EDITIONS: readonly DerivedEditionCode[] = all().flatMap((e) => (e.kind === 'derived' ? [e.code] : []));
/** Menu order, as the agency's site shows it: kz · qz · ру · en · 中文 · ўз · ق ز. */
export const MENU_ORDER: readonly EditionCode[] = all()
  .filter((e) => e.inMenu)
  .map((e) => e.code);
/** The written editions other editions are converted from (kz, uz): the editor's script panel. */
export const SCRIPT_SOURCES: readonly WrittenEditionCode[] = WRITTEN_EDITIONS.filter((w) =>
  DERIVED_EDITIONS.some((d) => EDITIONS[d].source === w),
);
/** The newsroom's interface languages (a user's `uiLang`). */
export const UI_LANGS = all()
  .filter((e) => e.newsroomUi)
  .map((e) => e.code) as readonly UiLangCode[];

export function isEditionCode(value: string): value is EditionCode {
  return Object.hasOwn(EDITION_TABLE, value);
}

export function isWrittenEdition(value: string): value is WrittenEditionCode {
  return isEditionCode(value) && EDITIONS[value].kind === 'written';
}

export function isUiLang(value: string): value is UiLangCode {
  return isEditionCode(value) && EDITIONS[value].newsroomUi;
}

export function edition(code: EditionCode): Edition {
  return EDITIONS[code];
}

/** The written edition whose content an edition shows (itself when written). */
export function contentEdition(code: EditionCode): WrittenEditionCode {
  const e: Edition = EDITIONS[code];
  return e.kind === 'derived' ? e.source : e.code;
}

/** Editions that show a written edition's content: itself and its derived editions. */
export function editionsShowing(written: WrittenEditionCode): EditionCode[] {
  return EDITION_CODES.filter((code) => contentEdition(code) === written);
}

/** The derived editions converted from a written edition, in table order. */
export function derivedFrom(written: WrittenEditionCode): DerivedEdition[] {
  return all().flatMap((e) => (e.kind === 'derived' && e.source === written ? [e] : []));
}
