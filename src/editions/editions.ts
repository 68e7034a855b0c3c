// The edition registry: one language in one script, with its URL prefix.
// Editions are configuration, not data (docs/architecture.md §Editions).
import type { ScriptTag, Scheme } from '../script/types.ts';

export type WrittenEditionCode = 'kz' | 'ru' | 'en' | 'cn' | 'uz';
export type DerivedEditionCode = 'qz' | 'tote' | 'uz-latn';
export type EditionCode = WrittenEditionCode | DerivedEditionCode;

interface EditionBase {
  /** URL prefix: `/{code}/`. */
  readonly code: EditionCode;
  /** BCP 47 language tag for `lang`, `hreflang` and feeds. */
  readonly lang: string;
  /** What the language menu shows. */
  readonly label: string;
  readonly dir: 'ltr' | 'rtl';
  /** Locale given to Intl for dates and numbers. */
  readonly intlLocale: string;
  /** Open Graph locale. */
  readonly ogLocale: string;
  /** Shown in the seven-item language menu (uz-latn is reached by the script switch on uz pages). */
  readonly inMenu: boolean;
}

export interface WrittenEdition extends EditionBase {
  readonly kind: 'written';
  readonly code: WrittenEditionCode;
  /** The Latin-script variant offered as a script switch on this edition's pages. */
  readonly scriptSwitch?: DerivedEditionCode;
}

export interface DerivedEdition extends EditionBase {
  readonly kind: 'derived';
  readonly code: DerivedEditionCode;
  readonly source: WrittenEditionCode;
  readonly from: ScriptTag;
  readonly to: ScriptTag;
  readonly scheme: Scheme;
  /** The edition whose script switch leads here and back. */
  readonly scriptSwitch?: WrittenEditionCode;
}

export type Edition = WrittenEdition | DerivedEdition;

const EDITION_TABLE = {
  kz: {
    code: 'kz', kind: 'written', lang: 'kk-Cyrl', label: 'kz', dir: 'ltr',
    intlLocale: 'kk', ogLocale: 'kk_KZ', inMenu: true,
  },
  qz: {
    code: 'qz', kind: 'derived', lang: 'kk-Latn', label: 'qz', dir: 'ltr',
    intlLocale: 'kk', ogLocale: 'kk_KZ', inMenu: true,
    source: 'kz', from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018',
  },
  ru: {
    code: 'ru', kind: 'written', lang: 'ru', label: 'ру', dir: 'ltr',
    intlLocale: 'ru', ogLocale: 'ru_RU', inMenu: true,
  },
  en: {
    code: 'en', kind: 'written', lang: 'en', label: 'en', dir: 'ltr',
    intlLocale: 'en-GB', ogLocale: 'en_GB', inMenu: true,
  },
  cn: {
    code: 'cn', kind: 'written', lang: 'zh-Hans', label: '中文', dir: 'ltr',
    intlLocale: 'zh-Hans', ogLocale: 'zh_CN', inMenu: true,
  },
  uz: {
    code: 'uz', kind: 'written', lang: 'uz-Cyrl', label: 'ўз', dir: 'ltr',
    intlLocale: 'uz-Cyrl', ogLocale: 'uz_UZ', inMenu: true, scriptSwitch: 'uz-latn',
  },
  'uz-latn': {
    code: 'uz-latn', kind: 'derived', lang: 'uz-Latn', label: 'oʻz', dir: 'ltr',
    intlLocale: 'uz-Cyrl', ogLocale: 'uz_UZ', inMenu: false,
    source: 'uz', from: 'uz-Cyrl', to: 'uz-Latn', scheme: 'uz-Latn-1995', scriptSwitch: 'uz',
  },
  tote: {
    code: 'tote', kind: 'derived', lang: 'kk-Arab', label: 'ق ز', dir: 'rtl',
    intlLocale: 'kk', ogLocale: 'kk_KZ', inMenu: true,
    source: 'kz', from: 'kk-Cyrl', to: 'kk-Arab', scheme: 'kk-Arab',
  },
} as const satisfies Record<EditionCode, Edition>;

export const EDITIONS: Readonly<Record<EditionCode, Edition>> = EDITION_TABLE;

/** Menu order, as the agency's site shows it: kz · qz · ру · en · 中文 · ўз · ق ز. */
export const MENU_ORDER = ['kz', 'qz', 'ru', 'en', 'cn', 'uz', 'tote'] as const satisfies readonly EditionCode[];

export const EDITION_CODES = Object.keys(EDITIONS) as EditionCode[];
export const WRITTEN_EDITIONS: readonly WrittenEditionCode[] = ['kz', 'ru', 'en', 'cn', 'uz'];
export const DERIVED_EDITIONS: readonly DerivedEditionCode[] = ['qz', 'tote', 'uz-latn'];

export function isEditionCode(value: string): value is EditionCode {
  return Object.hasOwn(EDITIONS, value);
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
