// Character classes and protected spans for the single-pass converters.
// One lookup table over the Basic Multilingual Plane, built once at load; no regex per character.

export const C_OTHER = 0;
export const C_CYR = 1;
export const C_LAT = 2;
/** A letter of another script (Arabic, Greek, CJK …). */
export const C_LETTER = 3;
/** A combining mark (stress accents, the acute of Egemen's "О́"). */
export const C_MARK = 4;
/** ' ` ´ ʻ ʼ ‘ ’ — word-internal in Uzbek Latin (oʻ gʻ, tutuq) and in names (Кот-д’Ивуар). */
export const C_APOS = 5;
export const C_DIGIT = 6;
/** U+00AD SOFT HYPHEN: stripped everywhere. */
export const C_SHY = 7;
export const C_SPACE = 8;

export const SOFT_HYPHEN = 0x00ad;

const APOSTROPHES = [0x27, 0x60, 0xb4, 0x2bb, 0x2bc, 0x2018, 0x2019];

function buildClasses(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const space = /\s/u;
  const isCyr = /\p{Script=Cyrillic}/u;
  const isLat = /\p{Script=Latin}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    // CJK, Hangul and Yi blocks are all letters: skip the regex for them.
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) {
      t[c] = C_LETTER;
      continue;
    }
    const s = String.fromCharCode(c);
    if (letter.test(s)) t[c] = isCyr.test(s) ? C_CYR : isLat.test(s) ? C_LAT : C_LETTER;
    else if (mark.test(s)) t[c] = C_MARK;
    else if (space.test(s)) t[c] = C_SPACE;
  }
  for (let c = 0x30; c <= 0x39; c++) t[c] = C_DIGIT;
  for (const a of APOSTROPHES) t[a] = C_APOS;
  t[SOFT_HYPHEN] = C_SHY;
  return t;
}

/** Class of every BMP code unit; surrogates (emoji, supplementary letters) are C_OTHER. */
export const CHAR_CLASS: Uint8Array = buildClasses();

const OPENING = new Set(['«', '"', "'", '(', '[', '“', '„', '‘', '‹', '<']);
const CLOSING = new Set(['.', ',', ';', ':', '!', '?', '»', '"', "'", ')', ']', '”', '’', '›', '…', '>']);
const DOMAIN = /^[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** The core of a whitespace-delimited chunk if it is a URL, e-mail, @handle or #hashtag. */
function protectedCore(text: string, a: number, b: number): [number, number] | null {
  let s = a;
  let e = b;
  while (s < e && OPENING.has(text[s] ?? '')) s++;
  while (e > s && CLOSING.has(text[e - 1] ?? '')) e--;
  if (e - s < 2) return null;
  const core = text.slice(s, e);
  const first = core.charCodeAt(0);
  if (first === 0x40 /* @ */ || first === 0x23 /* # */) {
    const cls = CHAR_CLASS[core.charCodeAt(1)];
    if (cls === C_CYR || cls === C_LAT || cls === C_LETTER || cls === C_DIGIT || core[1] === '_') return [s, e];
    return null;
  }
  if (core.includes('://') || /^www\./i.test(core)) return [s, e];
  const at = core.indexOf('@');
  if (at > 0 && core.indexOf('.', at) > at + 1) return [s, e];
  const slash = core.indexOf('/');
  if (slash > 0 && DOMAIN.test(core.slice(0, slash))) return [s, e];
  return null;
}

/**
 * Spans [start, end) that must not be converted: URLs, e-mail addresses, @handles, #hashtags.
 * Returned flat ([s0, e0, s1, e1, …]) and sorted. Only chunks around the trigger characters
 * '@', '#', '/' and "www." are examined, found with indexOf, so plain prose costs nothing.
 */
export function findProtectedSpans(text: string): number[] {
  const triggers: number[] = [];
  for (const t of ['@', '#', '/', 'www.', 'WWW.']) {
    let p = text.indexOf(t);
    while (p !== -1) {
      triggers.push(p);
      p = text.indexOf(t, p + 1);
    }
  }
  if (triggers.length === 0) return triggers;
  triggers.sort((x, y) => x - y);
  const spans: number[] = [];
  let coveredUntil = -1;
  for (const p of triggers) {
    if (p < coveredUntil) continue;
    let a = p;
    while (a > 0 && CHAR_CLASS[text.charCodeAt(a - 1)] !== C_SPACE) a--;
    let b = p;
    while (b < text.length && CHAR_CLASS[text.charCodeAt(b)] !== C_SPACE) b++;
    coveredUntil = b;
    const core = protectedCore(text, a, b);
    if (core) spans.push(core[0], core[1]);
  }
  return spans;
}
