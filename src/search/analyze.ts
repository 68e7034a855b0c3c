// The one language analysis of search, used for the text that is indexed and for the queries, on
// SQLite and PostgreSQL alike (docs/adr/0008-search-analysis.md): normalize → bring other scripts
// of the language to the written one → tokenize → stem or strip suffixes → plain tokens of letters
// and digits, separated by spaces. The engines only match and rank these tokens.
import snowball from 'snowball-stemmers';
import { kkArabToCyrl } from '../script/kkArabCyrl.ts';
import { createConverter } from '../script/converter.ts';
import { EDITION_CODES, EDITIONS, type Language } from '../editions/editions.ts';

/** The languages of the written editions. */
export type { Language };

export const EDITION_LANGUAGE: Readonly<Record<string, Language>> = Object.fromEntries(EDITION_CODES.map((c) => [c, EDITIONS[c].language]));

const russian = snowball.newStemmer('russian');
const english = snowball.newStemmer('english');

/**
 * NFKC, case folding, one apostrophe, no NUL, no lone surrogates, no format controls. Every
 * string the search sees (text and query) passes here first.
 */
export function normalize(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ' ')
    .normalize('NFKC')
    .replace(/\p{Cc}|[\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu, ' ')
    .toLowerCase()
    .replace(/[ʻʼ'’‘`´ʹʽ]/g, "'");
}

// --- Kazakh and Uzbek: a folded Cyrillic spelling in which the letters that the other scripts (or
// a reader without the keyboard) write alike are one: ә а, ө о, ұ ү у ў, і ы и й, ғ г, қ к, ң н,
// һ ҳ х, е э ё, ц тс, щ ш; hard and soft signs dropped.
const CYR_FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  ў: 'у',
  і: 'и',
  ы: 'и',
  й: 'и',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  һ: 'х',
  ҳ: 'х',
  э: 'е',
  ё: 'ио',
  я: 'иа',
  ю: 'иу',
  ц: 'тс',
  щ: 'ш',
  ъ: '',
  ь: '',
  "'": '',
};
/** Latin letters (Kazakh 2018 and 2021, Uzbek 1995, with or without diacritics) in the folded Cyrillic. */
const LATIN_DIGRAPHS: readonly [RegExp, string][] = [
  [/sh|s'|ş|ś/g, 'ш'],
  [/ch|c'|ç|ć/g, 'ч'],
  [/zh|j/g, 'ж'],
  [/o'/g, 'у'],
  [/g'|ğ|ǵ/g, 'г'],
  [/n'|ñ|ń/g, 'н'],
  [/yo/g, 'ио'],
  [/yu/g, 'иу'],
  [/ya/g, 'иа'],
  [/ye/g, 'е'],
];
const LATIN_FOLD: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  c: 'тс',
  d: 'д',
  e: 'е',
  f: 'ф',
  g: 'г',
  h: 'х',
  i: 'и',
  ı: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  q: 'к',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  v: 'в',
  w: 'у',
  x: 'х',
  y: 'и',
  z: 'з',
  á: 'а',
  ä: 'а',
  ó: 'о',
  ö: 'о',
  ú: 'у',
  ü: 'у',
  ū: 'у',
  ý: 'у',
  İ: 'и',
  "'": '',
};
/** Latin letters that look like Cyrillic ones, inside a word that is otherwise Cyrillic. */
const LOOK_ALIKE: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  h: 'һ',
  m: 'м',
  t: 'т',
  b: 'в',
};

const CYRILLIC = /[\u0400-\u04FF]/;
const LATIN = /[a-zà-ɏ]/;
const ARABIC = /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const HAN = /\p{Script=Han}/u;

function foldCyrillic(w: string): string {
  let out = '';
  for (const ch of w) out += CYR_FOLD[ch] ?? ch;
  return out;
}

function foldLatin(w: string): string {
  let s = w;
  for (const [re, to] of LATIN_DIGRAPHS) s = s.replace(re, to);
  let out = '';
  for (const ch of s) out += LATIN_FOLD[ch] ?? ch;
  return out.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A Kazakh or Uzbek word in any of its scripts, folded; "ии" (ия, ıı, يا) is one letter. */
function foldTurkic(w: string): string {
  return foldScripts(w).replace(/и+/g, 'и');
}

function foldScripts(w: string): string {
  if (ARABIC.test(w)) return foldCyrillic(kkArabToCyrl(w).toLowerCase());
  if (CYRILLIC.test(w)) {
    const fixed = LATIN.test(w) ? [...w].map((ch) => LOOK_ALIKE[ch] ?? ch).join('') : w;
    return foldCyrillic(fixed);
  }
  return foldLatin(w);
}

// Suffixes in the folded spelling, longest first; at most three are stripped, leaving four letters.
const KK_SUFFIXES = [
  'ларинин',
  'лердин',
  'ларда',
  'лерде',
  'ларга',
  'лерге',
  'лардан',
  'лерден',
  'ларди',
  'лерди',
  'ларимиз',
  'леримиз',
  'нан',
  'нен',
  'дан',
  'ден',
  'тан',
  'тен',
  'даги',
  'деги',
  'таги',
  'теги',
  'ндаги',
  'ндеги',
  'менен',
  'мен',
  'бен',
  'пен',
  'лар',
  'лер',
  'дар',
  'дер',
  'тар',
  'тер',
  'нин',
  'дин',
  'тин',
  'нда',
  'нде',
  'имиз',
  'ингиз',
  'иниз',
  'иммен',
  'ина',
  'ине',
  'иниа',
  'си',
  'ни',
  'ди',
  'ти',
  'га',
  'ге',
  'ка',
  'ке',
  'на',
  'не',
  'да',
  'де',
  'та',
  'те',
  'им',
  'ин',
  'ша',
  'ше',
  'ли',
  'сиз',
  'лик',
  'дик',
  'тик',
].sort((a, b) => b.length - a.length);
const UZ_SUFFIXES = [
  'ларнинг',
  'ларга',
  'ларда',
  'лардан',
  'ларни',
  'лари',
  'ларимиз',
  'нинг',
  'даги',
  'дан',
  'лар',
  'ни',
  'га',
  'ка',
  'ка',
  'да',
  'ми',
  'имиз',
  'ингиз',
  'иниз',
  'си',
  'ини',
  'ига',
  'ида',
  'идан',
  'лик',
  'чи',
  'гача',
  'дек',
  'ча',
].sort((a, b) => b.length - a.length);
const MIN_STEM = 4;

function strip(w: string, suffixes: readonly string[]): string {
  let s = w;
  for (let round = 0; round < 3; round++) {
    const suf = suffixes.find((x) => s.endsWith(x) && [...s].length - [...x].length >= MIN_STEM);
    if (!suf) break;
    s = s.slice(0, s.length - suf.length);
  }
  return s;
}

function stemWord(w: string, lang: Language): string {
  const bare = w.replace(/'/g, '');
  if (/^\p{N}+$/u.test(bare)) return bare;
  switch (lang) {
    case 'kk':
      return strip(foldTurkic(w), KK_SUFFIXES);
    case 'uz':
      return strip(foldTurkic(w), UZ_SUFFIXES);
    default: {
      if (CYRILLIC.test(bare)) return russian.stem(bare.replace(/ё/g, 'е'));
      if (/^[a-z]+$/.test(bare)) return english.stem(bare);
      return bare.normalize('NFD').replace(/\p{M}/gu, '');
    }
  }
}

/** A word of the text: its stem and where it stands in the normalized text. */
export interface Token {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{M}\p{N}']+/gu;
/** In a query, a number written with a decimal or group separator (8,1 · 3.5 · 1,000) is one phrase. */
const QUERY_WORD = /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{M}\p{N}']+/gu;
const zhSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * The tokens of a text. Chinese is indexed one character a token, in order, so that any word the
 * query's segmenter finds matches inside running text as a phrase of its characters.
 */
export function tokens(text: string, lang: Language): Token[] {
  const norm = normalize(text);
  const out: Token[] = [];
  for (const m of norm.matchAll(WORD)) {
    const run = m[0];
    const at = m.index;
    if (!HAN.test(run)) {
      const t = clean(stemWord(run.replace(/^'+|'+$/g, ''), lang));
      if (t) out.push({ term: t, start: at, end: at + run.length });
      continue;
    }
    // Split the run into Han characters and the other words between them.
    for (const part of run.matchAll(/\p{Script=Han}|[^\p{Script=Han}]+/gu)) {
      const p = part[0];
      const t = HAN.test(p) ? p : clean(stemWord(p, lang));
      if (t) out.push({ term: t, start: at + part.index, end: at + part.index + p.length });
    }
  }
  return out;
}

/** Only letters and digits reach the engines: nothing in a token can be query syntax. */
function clean(t: string): string {
  return t.replace(/[^\p{L}\p{N}]/gu, '');
}

/** The analyzed text as the index stores it. */
export function analyze(text: string, lang: Language): string {
  return tokens(text, lang)
    .map((t) => t.term)
    .join(' ');
}

/** One unit of a query: a phrase (one term or several that must stand together), maybe a prefix. */
export interface QueryPart {
  readonly terms: readonly string[];
  readonly prefix: boolean;
  /** What the reader typed for it. */
  readonly text?: string;
}

/** The analyzed query: every part must match (AND). Empty when nothing searchable remains. */
export interface ParsedQuery {
  readonly parts: readonly QueryPart[];
}

export const MAX_QUERY_PARTS = 12;

/**
 * A query as typed: "quoted text" is a phrase, other words are each a part; the last word is a
 * prefix unless the query ends with a space or a quote. Operators of the engines (OR, NEAR, *, ^,
 * column filters) are words like any other. Chinese words (Intl.Segmenter) become phrases of their characters.
 */
export function parseQuery(raw: string, lang: Language): ParsedQuery {
  const text = normalize(raw.slice(0, 1000)).replace(/[«»“”„]/g, '"');
  const parts: QueryPart[] = [];
  const chunks = text.split('"');
  chunks.forEach((chunk, i) => {
    const quoted = i % 2 === 1 && i < chunks.length - 1;
    if (quoted) {
      const terms = tokens(chunk, lang).map((t) => t.term);
      if (terms.length > 0) parts.push({ terms, prefix: false, text: `"${chunk.trim()}"` });
      return;
    }
    for (const m of chunk.matchAll(QUERY_WORD)) {
      const word = m[0];
      if (HAN.test(word)) {
        // Words of the segmenter; characters it leaves alone side by side stay one phrase.
        let single = '';
        const flush = () => {
          if (single) parts.push({ terms: tokens(single, lang).map((t) => t.term), prefix: false, text: single });
          single = '';
        };
        for (const seg of zhSegmenter.segment(word)) {
          if (!seg.isWordLike) continue;
          if ([...seg.segment].length === 1 && HAN.test(seg.segment)) {
            single += seg.segment;
            continue;
          }
          flush();
          const terms = tokens(seg.segment, lang).map((t) => t.term);
          if (terms.length > 0) parts.push({ terms, prefix: false, text: seg.segment });
        }
        flush();
        continue;
      }
      const terms = tokens(word, lang).map((t) => t.term);
      if (terms.length > 0) parts.push({ terms, prefix: false, text: word });
    }
  });
  const last = parts.at(-1);
  const typing = !/[\s"]$/.test(raw) && last !== undefined && last.terms.length === 1 && !HAN.test(last.terms[0]!);
  if (typing && last) parts[parts.length - 1] = { ...last, terms: [typedPrefix(last.terms[0]!, lastWord(text), lang)], prefix: true };
  return { parts: dedupe(parts).slice(0, MAX_QUERY_PARTS) };
}

function lastWord(text: string): string {
  const words = [...text.matchAll(WORD)];
  return words.at(-1)?.[0] ?? '';
}

/**
 * The prefix searched for a word being typed. A stem shorter than the word is its own prefix; a
 * word the stemmer left whole may be cut short of its ending (`desalinat` of `desalination`,
 * whose stem is `desalin`), so up to two letters come off it.
 */
function typedPrefix(stem: string, word: string, lang: Language): string {
  const whole = clean(lang === 'kk' || lang === 'uz' ? foldTurkic(word) : word);
  const n = [...stem].length;
  if (n < [...whole].length) return stem;
  const cut = n >= 6 ? 2 : n === 5 ? 1 : 0;
  return [...stem].slice(0, n - cut).join('');
}

function dedupe(parts: QueryPart[]): QueryPart[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    const k = `${p.terms.join(' ')}${p.prefix ? '*' : ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The FTS5 MATCH expression of a parsed query: quoted tokens only, never the reader's syntax. */
export function fts5Match(q: ParsedQuery): string {
  return q.parts.map((p) => `"${p.terms.join(' ')}"${p.prefix ? ' *' : ''}`).join(' AND ');
}

/** The PostgreSQL tsquery text of a parsed query (for `to_tsquery('simple', …)`). */
export function tsQuery(q: ParsedQuery): string {
  return q.parts
    .map((p) => {
      const terms = p.terms.map((t, i) => `'${t}'${p.prefix && i === p.terms.length - 1 ? ':*' : ''}`);
      return terms.length === 1 ? terms[0] : `(${terms.join(' <-> ')})`;
    })
    .join(' & ');
}

/** Converters from a derived edition's script to its source, for showing results and suggestions. */
export const kkLatnToCyrl = createConverter({ from: 'kk-Latn', to: 'kk-Cyrl' });
