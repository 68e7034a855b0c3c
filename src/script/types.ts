// The contract between the script converters and the rest of Habarshy.
// Converters are pure functions: no I/O, no dependencies, no state beyond their tables.

/** Script variants the converters read and write (BCP 47 language-script tags). */
export type ScriptTag = 'kk-Cyrl' | 'kk-Latn' | 'kk-Arab' | 'uz-Cyrl' | 'uz-Latn';

/** Conversion schemes (scripts.md §0): one target alphabet and its spelling conventions. */
export type Scheme = 'kk-Latn-2018' | 'kk-Latn-2018-orthography' | 'kk-Latn-2021' | 'kk-Arab' | 'kk-Arab-mediawiki' | 'uz-Latn-1995';

/**
 * Editor-maintained word exceptions for one scheme and direction, applied before the rules.
 * Keys are source words in lower case (NFC); values are the target spelling in lower case.
 * The converter carries the source word's case (lower, Title, ALL CAPS) onto the value.
 */
export type Lexicon = ReadonlyMap<string, string>;

export interface ConverterOptions {
  readonly from: ScriptTag;
  readonly to: ScriptTag;
  /** Defaults per pair: kk-Latn-2018, kk-Arab, uz-Latn-1995. */
  readonly scheme?: Scheme;
  readonly lexicon?: Lexicon;
  /** Per-scheme spelling options (scripts.md §2.2, §3.1); each has a documented default. */
  readonly options?: SchemeOptions;
}

/**
 * Spelling options where publishers differ. Options that do not apply to the chosen scheme are
 * ignored. Added (additively) to the contract so editions can follow their outlet's practice.
 */
export interface SchemeOptions {
  /** kk-Latn-2018, kk-Latn-2021: ц as 'ts' (Kazinform, default) or 's' (Egemen). */
  readonly tse?: 'ts' | 's';
  /** kk-Latn-2018, kk-Latn-2021: write ия as one ı/i plus a (akademıalyq) instead of ııa. Default false. */
  readonly collapseIya?: boolean;
  /** kk-Latn-2021: ч as 'ch' (default) or 'ç'. */
  readonly che?: 'ch' | 'ç';
  /** kk-Arab: ي before е after a vowel (Тоқаев → توقايەۆ, Kazinform 2016). Default false (Egemen: توقاەۆ). */
  readonly glideBeforeE?: boolean;
}

/** A word the converter is not sure of, for the newsroom to flag. */
export interface UnsureWord {
  readonly word: string;
  /** Offset of the word in the source text (UTF-16 code units). */
  readonly index: number;
  readonly reason: 'loanword' | 'mixed-script' | 'ambiguous';
}

export interface Conversion {
  readonly text: string;
  readonly unsure: readonly UnsureWord[];
}

export interface Converter {
  readonly from: ScriptTag;
  readonly to: ScriptTag;
  readonly scheme: Scheme;
  /** Converts one text run. Must be fast (≥ 20 MB/s) and allocation-light. */
  convert(text: string): string;
  /** Converts and reports the words it is unsure of. */
  report(text: string): Conversion;
}
