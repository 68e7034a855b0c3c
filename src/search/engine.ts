// The search service shared by the reader page, the public API and the newsroom: analyzes the
// query in the edition's language, asks the engine for a page of ids, counts, falls back to a
// corrected spelling when nothing matches, and cuts highlighted snippets from the bodies.
import type { Db } from '../db/connect.ts';
import { EDITIONS, type EditionCode, WRITTEN_EDITIONS, type WrittenEditionCode } from '../editions/editions.ts';
import { bodyText, parseBody } from '../content/body.ts';
import {
  bodiesOf,
  COUNT_CAP,
  countMatches,
  matchCandidates,
  searchArticleIds,
  vocabulary,
  type Candidate,
  type SearchOrder,
  type SearchScope,
} from '../store/search.ts';
import { EDITION_LANGUAGE, parseQuery, tokens, type Language, type ParsedQuery } from './analyze.ts';
import { bestCorrection } from './spelling.ts';

export interface SearchRequest {
  readonly query: string;
  /** The edition whose language analyzes the query. */
  readonly edition: EditionCode;
  readonly scope: SearchScope;
  readonly order: SearchOrder;
  readonly limit: number;
  readonly offset: number;
}

export interface SearchResult {
  readonly ids: readonly number[];
  /** How many match, counted up to COUNT_CAP (pages stop there too). */
  readonly total: number;
  /** More than `total` match (the count stopped at COUNT_CAP). */
  readonly more: boolean;
  /** When the query as typed found nothing and a spelling correction did: the corrected query (source script). */
  readonly corrected: string | null;
  readonly parsed: ParsedQuery;
}

const writtenOf = (e: EditionCode): WrittenEditionCode => {
  const ed = EDITIONS[e];
  return ed.kind === 'derived' ? ed.source : ed.code;
};

export const languageOf = (e: EditionCode): Language => EDITION_LANGUAGE[e] ?? 'en';

interface VocabEntry {
  at: number;
  terms: Map<string, number>;
}
const VOCAB_TTL_MS = 5 * 60_000;

export class SearchService {
  private vocab = new Map<string, VocabEntry>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async search(r: SearchRequest): Promise<SearchResult> {
    const typed = parseQuery(r.query, languageOf(r.edition));
    const none = { ids: [], total: 0, more: false, corrected: null, parsed: typed };
    if (typed.parts.length === 0) return none;
    // Relevance scores the candidates in the pass that checks their visibility (one statement, not two).
    const score = r.order === 'relevance';
    const { parsed, candidates } = await this.matching(typed, r.scope, score);
    const n = candidates.length;
    if (n > 0) {
      const hits = await searchArticleIds(this.db, parsed, r.scope, r.order, r.limit, r.offset, { candidates });
      return { ids: hits.map((h) => h.id), total: Math.min(n, COUNT_CAP), more: n > COUNT_CAP, corrected: null, parsed };
    }
    const fixed = await this.correct(parsed, r.scope.editions);
    if (!fixed) return none;
    const fixedCandidates = await matchCandidates(this.db, fixed, r.scope, COUNT_CAP, { score });
    const fixedN = fixedCandidates.length;
    if (fixedN === 0) return none;
    const hits = await searchArticleIds(this.db, fixed, r.scope, r.order, r.limit, r.offset, { candidates: fixedCandidates });
    const ids = hits.map((h) => h.id);
    return {
      ids,
      total: Math.min(fixedN, COUNT_CAP),
      more: fixedN > COUNT_CAP,
      corrected: await this.spell(fixed, parsed, ids, languageOf(r.edition)),
      parsed: fixed,
    };
  }

  /**
   * The query as searched and its latest matches (at most COUNT_CAP + 1). The last word is a prefix (the reader may still be
   * typing it), unless the word itself already matches more than COUNT_CAP articles: then it was
   * written out, the results page shows "more than 500" either way, and the exact word is searched.
   * A prefix costs each engine every posting of every word it starts (FTS5 gathers them all before
   * yielding the first match): 7.6 ms for "sever*" at a million articles, 0.35 ms for "sever".
   * With `score`, the candidates come with their relevance.
   */
  private async matching(q: ParsedQuery, scope: SearchScope, score: boolean): Promise<{ parsed: ParsedQuery; candidates: Candidate[] }> {
    const last = q.parts.at(-1);
    if (last?.prefix) {
      const exact: ParsedQuery = { parts: [...q.parts.slice(0, -1), { ...last, prefix: false }] };
      const candidates = await matchCandidates(this.db, exact, scope, COUNT_CAP, { score });
      if (candidates.length > COUNT_CAP) return { parsed: exact, candidates };
    }
    return { parsed: q, candidates: await matchCandidates(this.db, q, scope, COUNT_CAP, { score }) };
  }

  /**
   * How many visible articles of every written edition match (for "search all editions"),
   * counted up to COUNT_CAP + 1 each (more than COUNT_CAP reads "COUNT_CAP+").
   */
  async countsByEdition(query: string, visibleAt: string): Promise<Map<WrittenEditionCode, number>> {
    const out = new Map<WrittenEditionCode, number>();
    for (const e of WRITTEN_EDITIONS) {
      const parsed = parseQuery(query, languageOf(e));
      out.set(e, parsed.parts.length === 0 ? 0 : await countMatches(this.db, parsed, { editions: [e], visibleAt }));
    }
    return out;
  }

  /** Each term not in the vocabulary replaced by the closest one that is (edit distance). */
  private async correct(q: ParsedQuery, editions: readonly string[]): Promise<ParsedQuery | null> {
    const terms = new Map<string, number>();
    for (const e of editions) for (const [t, n] of await this.vocabularyOf(e)) terms.set(t, (terms.get(t) ?? 0) + n);
    let changed = false;
    const parts = q.parts.map((p) => {
      const fixed = p.terms.map((t) => {
        if (terms.has(t) || /\p{Script=Han}/u.test(t)) return t;
        if (p.prefix && [...terms.keys()].some((k) => k.startsWith(t))) return t;
        const best = bestCorrection(t, terms);
        if (best) changed = true;
        return best ?? t;
      });
      return { ...p, terms: fixed };
    });
    return changed ? { parts } : null;
  }

  private async vocabularyOf(edition: string): Promise<Map<string, number>> {
    const now = this.clock().getTime();
    const hit = this.vocab.get(edition);
    if (hit && now - hit.at < VOCAB_TTL_MS) return hit.terms;
    const terms = await vocabulary(this.db, edition);
    this.vocab.set(edition, { at: now, terms });
    return terms;
  }

  /** Forgets the cached vocabularies (after a reindex, and in tests). */
  forget(): void {
    this.vocab.clear();
  }

  /**
   * The corrected query in words a reader would write: each corrected term spelled as a word of the
   * first result that has it.
   */
  private async spell(fixed: ParsedQuery, typed: ParsedQuery, ids: readonly number[], lang: Language): Promise<string> {
    const docs = await bodiesOf(this.db, ids.slice(0, 5));
    const texts = [...docs.values()].map((d) => `${d.lead}\n${textOfBody(d.body)}`);
    return fixed.parts
      .map((p, i) => {
        const was = typed.parts[i];
        if (was && was.terms.join(' ') === p.terms.join(' ')) return was.text ?? p.terms.join(' ');
        return p.terms
          .map((t) => {
            for (const text of texts) {
              const w = wordFor(t, text, lang);
              if (w) return w;
            }
            return t;
          })
          .join(' ');
      })
      .join(' ');
  }
}

/** A word of the text whose analyzed form is the term, in lower case. */
function wordFor(term: string, text: string, lang: Language): string | null {
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}'’ʻ]+/gu)) {
    const t = tokens(m[0], lang)[0];
    if (t && t.term === term) return m[0].toLocaleLowerCase();
  }
  return null;
}

export function textOfBody(json: string): string {
  try {
    return bodyText(parseBody(JSON.parse(json)));
  } catch {
    return '';
  }
}

/** A stretch of a snippet, highlighted when it holds a matching word. */
export interface SnippetPart {
  readonly text: string;
  readonly mark: boolean;
}

const SNIPPET_WORDS = 32;

/**
 * The analyzed terms of a word, remembered: snippets analyze every word of 20 bodies per results
 * page, and stemming each one anew was most of the page's time (110 ms of 140 at 100 000 articles).
 * Words repeat across articles; the memory is emptied when it reaches TERMS_MEMORY words.
 */
const TERMS_MEMORY = 50_000;
const termsMemory = new Map<string, readonly string[]>();

function termsOf(word: string, lang: Language): readonly string[] {
  const key = `${lang}\u0000${word}`;
  let terms = termsMemory.get(key);
  if (terms === undefined) {
    if (termsMemory.size >= TERMS_MEMORY) termsMemory.clear();
    terms = tokens(word, lang).map((t) => t.term);
    termsMemory.set(key, terms);
  }
  return terms;
}

/** Whether a token of the text matches a part of the query (prefix parts by prefix). */
function matcher(q: ParsedQuery): (term: string) => boolean {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  for (const p of q.parts) {
    p.terms.forEach((t, i) => {
      if (p.prefix && i === p.terms.length - 1) prefixes.push(t);
      else exact.add(t);
    });
  }
  return (term) => exact.has(term) || prefixes.some((x) => term.startsWith(x));
}

/**
 * The stretch of the body (or the lead) around the most matches, about 32 words, with the
 * matching words marked.
 */
export function snippet(text: string, q: ParsedQuery, lang: Language): SnippetPart[] {
  const matches = matcher(q);
  const hits = new Map<string, boolean>();
  const words = [...text.matchAll(/[\p{L}\p{M}\p{N}'’ʻʼ]+/gu)].map((m) => {
    let hit = hits.get(m[0]);
    if (hit === undefined) {
      hit = termsOf(m[0], lang).some(matches);
      hits.set(m[0], hit);
    }
    return { start: m.index, end: m.index + m[0].length, hit };
  });
  if (words.length === 0) return [];
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.hit) continue;
    let n = 0;
    for (let k = i; k < Math.min(words.length, i + SNIPPET_WORDS); k++) if (words[k]!.hit) n++;
    if (n > bestCount) {
      bestCount = n;
      best = i;
    }
  }
  const from = Math.max(0, best - 6);
  const to = Math.min(words.length, from + SNIPPET_WORDS);
  const startAt = words[from]!.start;
  const endAt = words[to - 1]!.end;
  const parts: SnippetPart[] = [];
  if (from > 0) parts.push({ text: '… ', mark: false });
  let at = startAt;
  for (let k = from; k < to; k++) {
    const w = words[k]!;
    if (!w.hit) continue;
    if (w.start > at) parts.push({ text: text.slice(at, w.start), mark: false });
    parts.push({ text: text.slice(w.start, w.end), mark: true });
    at = w.end;
  }
  if (endAt > at) parts.push({ text: text.slice(at, endAt), mark: false });
  if (to < words.length) parts.push({ text: ' …', mark: false });
  return parts.map((p) => ({ text: p.text.replace(/\s+/g, ' '), mark: p.mark }));
}

export { writtenOf };
