// Case handling with explicit tables (scripts.md §2.3): never toLocaleUpperCase, and the
// dotted/dotless I of kk-Latn-2021 (i ↔ İ, ı ↔ I) comes from an override table.

export interface Caser {
  /** Every letter upper case: "sh" → "SH", "ıa" → "IA", "oʻ" → "Oʻ". */
  upper(s: string): string;
  /** First letter upper case: "sh" → "Sh". */
  title(s: string): string;
}

/** A caser with per-scheme overrides; results are memoised (the inputs are table pieces). */
export function makeCaser(overrides: Readonly<Record<string, string>> = {}): Caser {
  const upperCache = new Map<string, string>();
  const titleCache = new Map<string, string>();
  const upChar = (ch: string): string => {
    const o = overrides[ch];
    if (o !== undefined) return o;
    const u = ch.toUpperCase();
    return u.length === ch.length ? u : ch; // ß, ŉ … have no single-letter capital: keep them
  };
  const upper = (s: string): string => {
    let r = upperCache.get(s);
    if (r === undefined) {
      r = '';
      for (const ch of s) r += upChar(ch);
      if (upperCache.size < 10_000) upperCache.set(s, r);
    }
    return r;
  };
  const title = (s: string): string => {
    let r = titleCache.get(s);
    if (r === undefined) {
      const first = String.fromCodePoint(s.codePointAt(0) ?? 0x20);
      r = s.length === 0 ? s : upChar(first) + s.slice(first.length);
      if (titleCache.size < 10_000) titleCache.set(s, r);
    }
    return r;
  };
  return { upper, title };
}

/**
 * Case of one source letter's output piece. A capital whose piece is several letters (Ш → sh)
 * is written all caps when the next source letter is a capital (ШЫҒЫС → SHYǴYS), title case
 * when it is lower case (Шығыс → Shyǵys); at the end of a word it follows the previous letter
 * (АҚШ → AQSH), and a capital standing alone ("Ш. Уәлиханов") gets title case: "Sh.".
 */
export function casePiece(piece: string, k: number, up: Uint8Array, n: number, caser: Caser): string {
  if (up[k] !== 1 || piece.length === 0) return piece;
  if (piece.length === 1) return caser.upper(piece);
  const nextUpper = k + 1 < n ? up[k + 1] === 1 : k > 0 && up[k - 1] === 1;
  return nextUpper ? caser.upper(piece) : caser.title(piece);
}

/** Gives a lexicon value the case pattern of the source word (lower, Title, ALL CAPS). */
export function caseLikeSource(value: string, up: Uint8Array, n: number, caser: Caser): string {
  let capitals = 0;
  for (let k = 0; k < n; k++) if (up[k] === 1) capitals++;
  if (capitals === 0) return value;
  if (capitals === n && n > 1) return caser.upper(value);
  return up[0] === 1 ? caser.title(value) : value;
}

function buildLowerLatin(): Uint16Array {
  const t = new Uint16Array(0x250);
  const letter = /\p{L}/u;
  for (let c = 0; c < 0x250; c++) {
    const ch = String.fromCharCode(c);
    if (!letter.test(ch)) continue;
    const l = c === 0x130 ? 'i' : ch.toLowerCase();
    t[c] = l.length === 1 ? l.charCodeAt(0) : c;
  }
  return t;
}

/** Lower-case table shared by the Latin-source engines (U+0130 İ → i). */
export const LOWER_LATIN: Uint16Array = buildLowerLatin();
