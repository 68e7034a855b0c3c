// The one Accept-Language negotiation (RFC 9110 §12.5.4): the reader site's `/` and the newsroom's
// shell both choose an edition with it, so both honour q-values the same way.
import { contentEdition, EDITION_CODES, EDITIONS, type EditionCode } from './editions.ts';

export interface LanguageRange {
  /** Lower-case language range: `kk-latn`, `ru-ru`, `*`. */
  readonly tag: string;
  readonly q: number;
}

/** A header longer than this is read up to here (a browser sends a few dozen characters). */
const MAX_HEADER = 512;
const Q = /^q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The ranges of a header, most preferred first (equal q-values keep the header's order); q=0 dropped. */
export function parseAcceptLanguage(header: string | undefined): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const part of (header ?? '').slice(0, MAX_HEADER).split(',')) {
    const [rawTag, ...params] = part.split(';').map((p) => p.trim());
    const tag = (rawTag ?? '').toLowerCase();
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) continue;
    let q = 1;
    for (const p of params) {
      const m = Q.exec(p.toLowerCase().replace(/\s+/g, ''));
      if (p.toLowerCase().startsWith('q')) q = m ? Number(m[1]) : 0;
    }
    if (q > 0) ranges.push({ tag, q });
  }
  return ranges
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.q - a.r.q || a.i - b.i)
    .map(({ r }) => r);
}

/** Kazakh as written in China is in the Arabic script. */
const REGION_SCRIPT: Readonly<Record<string, string>> = { 'kk-cn': 'arab' };

const scriptOf = (lang: string): string | undefined =>
  lang
    .toLowerCase()
    .split('-')
    .find((s, i) => i > 0 && s.length === 4);

/**
 * The edition a language range asks for: the exact tag, else the edition of that language in the
 * asked script (a script subtag, or one a region implies), else the language's written edition.
 */
export function editionForLanguage(range: string): EditionCode | null {
  const tag = range.toLowerCase();
  const exact = EDITION_CODES.find((c) => EDITIONS[c].lang.toLowerCase() === tag);
  if (exact) return exact;
  const [primary = '', region = ''] = tag.split('-').filter((s) => s.length !== 4);
  const ofLanguage = EDITION_CODES.filter((c) => EDITIONS[c].language === primary);
  if (ofLanguage.length === 0) return null;
  const script = scriptOf(tag) ?? REGION_SCRIPT[`${primary}-${region}`];
  const inScript = script ? ofLanguage.find((c) => scriptOf(EDITIONS[c].lang) === script) : undefined;
  return inScript ?? ofLanguage.find((c) => EDITIONS[c].kind === 'written') ?? null;
}

/**
 * The most preferred edition among `among` (all by default) that the header asks for: an edition
 * outside `among` counts as the written edition it shows. Null when nothing matches.
 */
export function negotiateEdition<C extends EditionCode>(header: string | undefined, among: readonly C[] = EDITION_CODES as C[]): C | null {
  const allowed = (c: EditionCode): c is C => (among as readonly EditionCode[]).includes(c);
  for (const { tag } of parseAcceptLanguage(header)) {
    const found = editionForLanguage(tag);
    if (found === null) continue;
    if (allowed(found)) return found;
    const written = contentEdition(found);
    if (allowed(written)) return written;
  }
  return null;
}
