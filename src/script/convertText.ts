// The single-pass converter loop shared by every scheme: finds words, protected spans and
// punctuation with the class table, decides each word's script, applies the lexicon, then the
// engine's rules. Runs of untouched text are copied with one slice each.
import { caseLikeSource, LOWER_LATIN } from './casing.ts';
import { CYR_BASE, CYR_SIZE } from './cyrTable.ts';
import type { Engine } from './engine.ts';
import { COMBINING_ACUTE, CYRILLIC_TO_LATIN, LATIN_TO_CYRILLIC, normalizeInput } from './normalize.ts';
import { C_APOS, C_CYR, C_LAT, C_LETTER, C_MARK, C_SHY, CHAR_CLASS, findProtectedSpans } from './tokenize.ts';
import type { Lexicon, UnsureWord } from './types.ts';

const CYR_LOWER: Uint16Array = (() => {
  const t = new Uint16Array(CYR_SIZE);
  for (let i = 0; i < CYR_SIZE; i++) {
    const l = String.fromCharCode(CYR_BASE + i).toLowerCase();
    t[i] = l.length === 1 ? l.charCodeAt(0) : CYR_BASE + i;
  }
  return t;
})();

/** Every apostrophe a Latin source may use, read as "'" (Uzbek oʻ gʻ and tutuq). */
const APOSTROPHES = /[`´ʻʼ‘’]/g;

const O_CYR_UPPER = 0x41e; // О
const O_CYR_LOWER = 0x43e; // о

/** Upper-case flags of the word being converted; grown on demand, never shrunk. */
let up = new Uint8Array(128);

function isLetterClass(cls: number | undefined): boolean {
  return cls === C_CYR || cls === C_LAT || cls === C_LETTER;
}

/** o or g before an apostrophe: Uzbek oʻ gʻ, even at the end of a word ("G‘ va O‘"). */
function isOorG(c: number): boolean {
  return c === 0x6f || c === 0x4f || c === 0x67 || c === 0x47;
}

function isCyrillicO(c: number): boolean {
  return c === O_CYR_UPPER || c === O_CYR_LOWER;
}

function lowerCyr(c: number): number {
  const t = c - CYR_BASE;
  return t >= 0 && t < CYR_SIZE ? CYR_LOWER[t]! : c;
}

function lowerLat(c: number, table: Uint16Array): number {
  if (c < table.length) {
    const l = table[c]!;
    return l === 0 ? c : l;
  }
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

function isUpperLat(c: number): boolean {
  if (c < LOWER_LATIN.length) {
    const l = LOWER_LATIN[c]!;
    return l !== 0 && l !== c;
  }
  return String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c);
}

/** Word [s, e) written in the target script or another one: keep it, with look-alikes mapped. */
function keepWord(text: string, s: number, e: number, toScript: 'Cyrl' | 'Latn', mapped: boolean): string | null {
  let changed = false;
  let out = '';
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    const cls = CHAR_CLASS[c];
    if (cls === C_SHY) {
      changed = true;
      continue;
    }
    if (mapped && toScript === 'Latn' && cls === C_CYR) {
      if (isCyrillicO(c) && text.charCodeAt(k + 1) === COMBINING_ACUTE) {
        out += c === O_CYR_UPPER ? 'Ó' : 'ó'; // Egemen's О́ (Cyrillic О + U+0301)
        k++;
        changed = true;
        continue;
      }
      const t = c - CYR_BASE;
      const m = t >= 0 && t < CYRILLIC_TO_LATIN.length ? CYRILLIC_TO_LATIN[t]! : 0;
      if (m !== 0) {
        out += String.fromCharCode(m);
        changed = true;
        continue;
      }
    } else if (mapped && toScript === 'Cyrl' && cls === C_LAT && c < LATIN_TO_CYRILLIC.length) {
      const m = LATIN_TO_CYRILLIC[c]!;
      if (m !== 0) {
        out += String.fromCharCode(m);
        changed = true;
        continue;
      }
    }
    out += text[k]!;
  }
  // A mapped letter may now compose with a following mark (Cyrillic а + U+0301 → á).
  return changed ? out.normalize('NFC') : null;
}

/**
 * Converts one text run with an engine. `lexicon` keys must already be normalised for the source
 * (NFC, lower case, apostrophes as "'" for Latin sources). Pass `unsure` to collect report entries.
 */
export function convertText(input: string, eng: Engine, lexicon: Lexicon | null, unsure: UnsureWord[] | null): string {
  const text = normalizeInput(input);
  const n = text.length;
  const latinSource = eng.source === 'Latn';
  const srcClass = latinSource ? C_LAT : C_CYR;
  const lowerTable = eng.lowerLatin ?? LOWER_LATIN;
  const mask = eng.punctMask;
  const spans = findProtectedSpans(text);
  let spanIdx = 0;
  let nextSpan = spans.length > 0 ? spans[0]! : n + 1;

  /** Converts a word [s, e) that is written in the source script. */
  const convertSource = (s: number, e: number, fast: boolean, apostrophes: boolean): string => {
    if (up.length < e - s) up = new Uint8Array(2 * (e - s));
    let lw: string;
    let len: number;
    const orig = fast ? text.slice(s, e) : '';
    const lower = fast ? orig.toLowerCase() : '';
    if (fast && lower.length === orig.length) {
      // Only source letters (and, in Latin, apostrophes): the built-in lower-casing is exact
      // (İ, whose lower case is two code units, takes the slow path).
      len = lower.length;
      for (let k = 0; k < len; k++) up[k] = orig.charCodeAt(k) === lower.charCodeAt(k) ? 0 : 1;
      lw = apostrophes ? lower.replace(APOSTROPHES, "'") : lower;
    } else {
      lw = '';
      len = 0;
      for (let k = s; k < e; k++) {
        let c = text.charCodeAt(k);
        const cls = CHAR_CLASS[c];
        let isUp = false;
        if (cls === C_SHY || (cls === C_MARK && !latinSource)) continue; // Cyrillic stress marks go
        if (latinSource) {
          if (cls === C_APOS) c = 0x27;
          else if (cls === C_CYR) {
            if (isCyrillicO(c) && text.charCodeAt(k + 1) === COMBINING_ACUTE) {
              isUp = c === O_CYR_UPPER;
              c = 0xf3; // ó
              k++;
            } else {
              const t = c - CYR_BASE;
              const m = t >= 0 && t < CYRILLIC_TO_LATIN.length ? CYRILLIC_TO_LATIN[t]! : 0;
              if (m !== 0) c = m;
              isUp = isUpperLat(c);
              c = lowerLat(c, lowerTable);
            }
          } else if (cls === C_LAT) {
            isUp = isUpperLat(c);
            c = lowerLat(c, lowerTable);
          } else if (cls === C_MARK) continue;
        } else if (cls === C_LAT) {
          const m = c < LATIN_TO_CYRILLIC.length ? LATIN_TO_CYRILLIC[c]! : 0;
          isUp = isUpperLat(c);
          c = m !== 0 ? lowerCyr(m) : c;
        } else if (cls === C_CYR) {
          const l = lowerCyr(c);
          isUp = l !== c;
          c = l;
        }
        lw += String.fromCharCode(c);
        up[len++] = isUp ? 1 : 0;
      }
    }
    if (lexicon !== null) {
      const v = lexicon.get(lw);
      if (v !== undefined) return caseLikeSource(v, up, len, eng.caser);
    }
    // A foreign word stays as written. (Engines accept every Latin look-alike letter, so that a
    // kept word reads the same when the output is converted again: idempotence.)
    if (eng.accepts && !eng.accepts(lw)) return keepWord(text, s, e, 'Cyrl', false) ?? text.slice(s, e);
    if (unsure !== null) {
      const reason = eng.reason(lw);
      if (reason !== null) unsure.push({ word: text.slice(s, e), index: s, reason });
    }
    return eng.word(lw, up, len);
  };

  /** Converts the word [s, e); null when it stays exactly as it is. */
  const convertWord = (s: number, e: number): string | null => {
    let cyr = 0;
    let lat = 0;
    let cyrLook = 0;
    let latLook = 0;
    let extra = 0;
    let apos = 0;
    for (let k = s; k < e; k++) {
      const c = text.charCodeAt(k);
      const cls = CHAR_CLASS[c];
      if (cls === C_CYR) {
        cyr++;
        const t = c - CYR_BASE;
        if (t >= 0 && t < CYRILLIC_TO_LATIN.length && CYRILLIC_TO_LATIN[t] !== 0) cyrLook++;
      } else if (cls === C_LAT) {
        lat++;
        if (c < LATIN_TO_CYRILLIC.length && LATIN_TO_CYRILLIC[c] !== 0) latLook++;
      } else {
        extra++;
        if (cls === C_APOS) apos++;
      }
    }
    const src = latinSource ? lat : cyr;
    const srcLook = latinSource ? latLook : cyrLook;
    const oth = latinSource ? cyr : lat;
    const othLook = latinSource ? cyrLook : latLook;
    if (src === 0) return keepWord(text, s, e, latinSource ? 'Cyrl' : 'Latn', false);
    if (unsure !== null && cyr > 0 && lat > 0) unsure.push({ word: text.slice(s, e), index: s, reason: 'mixed-script' });
    const allOthLook = oth === othLook;
    const allSrcLook = src === srcLook;
    let mode: 'source' | 'other' | 'split';
    if (oth === 0 || (allOthLook && !allSrcLook)) mode = 'source';
    else if (allSrcLook && !allOthLook) mode = 'other';
    else if (allOthLook && allSrcLook) mode = src >= oth ? 'source' : 'other';
    else mode = 'split';

    if (mode === 'source') {
      const u = unsure;
      if (oth > 0) unsure = null; // already reported as mixed-script
      const r = convertSource(s, e, oth === 0 && (extra === 0 || (latinSource && extra === apos)), apos > 0);
      unsure = u;
      return r;
    }
    if (mode === 'other') return keepWord(text, s, e, latinSource ? 'Cyrl' : 'Latn', true) ?? text.slice(s, e);
    // Split into script runs: source runs are converted, the rest is kept (Telegramда → Telegramda).
    let out = '';
    let k = s;
    const u = unsure;
    unsure = null;
    while (k < e) {
      let j = k;
      const inSource = CHAR_CLASS[text.charCodeAt(k)] === srcClass;
      while (j < e) {
        const cls = CHAR_CLASS[text.charCodeAt(j)];
        const isSrc = cls === srcClass;
        const neutral = cls === C_MARK || cls === C_SHY || cls === C_APOS;
        if (!neutral && isSrc !== inSource) break;
        j++;
      }
      out += inSource ? convertSource(k, j, false, false) : (keepWord(text, k, j, 'Latn', false) ?? text.slice(k, j));
      k = j;
    }
    unsure = u;
    return out;
  };

  let out = '';
  let copyFrom = 0;
  let i = 0;
  while (i < n) {
    if (i === nextSpan) {
      i = spans[spanIdx + 1]!; // protected: copied with the surrounding run
      spanIdx += 2;
      nextSpan = spanIdx < spans.length ? spans[spanIdx]! : n + 1;
      continue;
    }
    const c = text.charCodeAt(i);
    const cls = CHAR_CLASS[c];
    if (cls === C_CYR || cls === C_LAT || cls === C_LETTER || cls === C_MARK) {
      let j = i + 1;
      while (j < n && j !== nextSpan) {
        const d = CHAR_CLASS[text.charCodeAt(j)];
        if (d === C_CYR || d === C_LAT || d === C_LETTER || d === C_MARK || d === C_SHY) j++;
        else if (d === C_APOS && (isLetterClass(CHAR_CLASS[text.charCodeAt(j + 1)]) || (latinSource && isOorG(text.charCodeAt(j - 1)))))
          j++;
        else break;
      }
      const w = convertWord(i, j);
      if (w !== null) {
        out += text.slice(copyFrom, i) + w;
        copyFrom = j;
      }
      i = j;
      continue;
    }
    if (cls === C_SHY) {
      out += text.slice(copyFrom, i);
      copyFrom = i + 1;
    } else if (mask !== null && c < mask.length && mask[c] === 1) {
      const r = eng.punct(text, i, c);
      if (r !== undefined) {
        out += text.slice(copyFrom, i) + r;
        copyFrom = i + 1;
      }
    }
    i++;
  }
  return copyFrom === 0 ? text : out + text.slice(copyFrom);
}
