// Lookup tables indexed by Cyrillic code point − U+0400 (U+0400–U+052F).

export const CYR_BASE = 0x400;
export const CYR_SIZE = 0x130;

/** Fallback Latin spellings for Cyrillic letters outside Kazakh and Uzbek (Ukrainian, Serbian …). */
const LATIN_FALLBACK: Readonly<Record<string, string>> = {
  ђ: 'dj',
  ѓ: 'g',
  є: 'ye',
  ѕ: 'dz',
  ї: 'yi',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'ch',
  ќ: 'k',
  џ: 'dzh',
  ѣ: 'e',
  ѳ: 'f',
  ѵ: 'i',
  ґ: 'g',
  ҕ: 'g',
  җ: 'j',
  ҙ: 'z',
  ҡ: 'q',
  ҥ: 'ng',
  ҫ: 's',
  ҭ: 't',
  ҷ: 'ch',
  ҹ: 'ch',
  ӏ: 'i',
  ӄ: 'q',
  ӈ: 'ng',
  ӣ: 'i',
  ӯ: 'u',
  ӑ: 'a',
  ӗ: 'e',
  ӳ: 'u',
  ӹ: 'y',
};

/**
 * Builds a table from lower-case letter → piece. Every other Cyrillic letter gets a spelling too,
 * so that no Cyrillic letter survives a conversion: its base letter's (NFD: ѐ → е) or the
 * fallback's, else "?" (reported as 'ambiguous').
 */
export function cyrTable(map: Readonly<Record<string, string>>, fallback: Readonly<Record<string, string>> = LATIN_FALLBACK): string[] {
  const t = new Array<string>(CYR_SIZE).fill('');
  const letter = /\p{L}/u;
  for (let i = 0; i < CYR_SIZE; i++) {
    const ch = String.fromCharCode(CYR_BASE + i);
    const lower = ch.toLowerCase();
    const direct = map[lower] ?? fallback[lower];
    if (direct !== undefined) {
      t[i] = direct;
      continue;
    }
    const base = lower.normalize('NFD')[0] ?? '';
    const viaBase = base !== lower ? (map[base] ?? fallback[base]) : undefined;
    t[i] = viaBase ?? (letter.test(ch) ? '?' : ch);
  }
  return t;
}

/** Marks the given lower-case Cyrillic letters in a table indexed by code point − U+0400. */
export function cyrSet(letters: string): Uint8Array {
  const t = new Uint8Array(CYR_SIZE);
  for (const ch of letters) t[ch.charCodeAt(0) - CYR_BASE] = 1;
  return t;
}
