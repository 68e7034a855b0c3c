// What the converter loop (convertText.ts) needs from one scheme and direction.
import type { Caser } from './casing.ts';
import type { UnsureWord } from './types.ts';

export interface Engine {
  /** Script of the words this engine converts; words in other scripts pass through. */
  readonly source: 'Cyrl' | 'Latn';
  /** Case tables of the target script, also used to give lexicon values the source word's case. */
  readonly caser: Caser;
  /**
   * Converts one word. `lw` is the word in lower case with look-alikes already mapped into the
   * source script (apostrophes as "'" for Latin sources); `up[k]` is 1 where letter k was a capital.
   */
  word(lw: string, up: Uint8Array, n: number): string;
  /** Latin sources: lower-case table for U+0000–U+024F (0 = not a letter). */
  readonly lowerLatin?: Uint16Array;
  /** Latin sources: false when the word has letters outside the alphabet (a foreign word). */
  accepts?(lw: string): boolean;
  /** Characters outside words that may change (Arabic punctuation); index < 0x2200. */
  readonly punctMask: Uint8Array | null;
  /** Replacement for a masked character at text[i], or undefined to keep it. */
  punct(text: string, i: number, c: number): string | undefined;
  /** Why the rules may be wrong for this word, or null. Called only by report(). */
  reason(lw: string): UnsureWord['reason'] | null;
}
