// The shared lexicon from the newsroom: spellings the conversion rules cannot know (proper names,
// loanwords), per scheme. A change reloads the converters at once, so the derived pages, the
// editor's live conversion and the feeds all use it from the next request; it is audited.
import type { Db } from '../../db/connect.ts';
import { DERIVED_EDITIONS, EDITIONS, type WrittenEditionCode } from '../../editions/editions.ts';
import { SUPPORTED_PAIRS } from '../../script/converter.ts';
import type { Scheme } from '../../script/types.ts';
import { recordAudit } from '../../store/audit.ts';
import { deleteLexiconRow, lexiconRow, lexiconRows, putLexiconWord, type LexiconRow } from '../../store/newsroomStories.ts';
import type { SessionUser } from './auth.ts';
import { invalid, notFound } from './errors.ts';
import { authorize } from './permissions.ts';

export interface LexiconDeps {
  readonly db: Db;
  readonly clock: () => Date;
  /** Reloads the converters and drops the derived editions' cached pages (Services.reloadLexicon). */
  readonly reloadLexicon: () => Promise<void>;
}

export interface WordInput { scheme: string; word: string; spelling: string }

const MAX_LENGTH = 100;

/** The schemes the derived editions use, each with the written edition whose desk edits it. */
function schemeDesks(): Map<string, WrittenEditionCode> {
  const out = new Map<string, WrittenEditionCode>();
  for (const code of DERIVED_EDITIONS) {
    const e = EDITIONS[code];
    if (e.kind === 'derived') out.set(e.scheme, e.source);
  }
  return out;
}

/** The desk of a scheme the derived editions use; any other is refused (words there would change nothing). */
function deskOf(scheme: string): WrittenEditionCode {
  const desk = schemeDesks().get(scheme);
  if (!desk) throw invalid(`scheme: one of ${[...schemeDesks().keys()].join(', ')}`);
  return desk;
}

/**
 * The desk of a stored row's scheme: the demo's starter lexicon also holds words of schemes no
 * edition uses now (kk-Latn-2021, …), which the desk of their source language may remove.
 */
function deskOfStored(scheme: string): string {
  const pair = SUPPORTED_PAIRS.find((p) => p.schemes.includes(scheme as Scheme) && p.from.endsWith('-Cyrl'));
  if (!pair) return scheme; // no desk has that name: admins and chief editors only
  return pair.from === 'uz-Cyrl' ? 'uz' : 'kz';
}

/** Stored as store/lexicon.ts and `habarshy lexicon add` store it: NFC, trimmed, lower case. */
function normalized(name: 'word' | 'spelling', value: string): string {
  const out = value.normalize('NFC').trim().toLowerCase();
  if (!out || out.length > MAX_LENGTH) throw invalid(`${name}: 1–${MAX_LENGTH} characters`);
  // The converters look words up one at a time (hyphen parts too), so a phrase would never match.
  if (name === 'word' && /\s/u.test(out)) throw invalid('word: one word, without spaces');
  if (name === 'word' && !/\p{Script=Cyrillic}/u.test(out)) throw invalid('word: the word as written in the source edition (Cyrillic)');
  return out;
}

export class NewsroomLexicon {
  constructor(private readonly deps: LexiconDeps) {}

  async list(scheme?: string): Promise<{ items: LexiconRow[] }> {
    const known = new Set<string>(SUPPORTED_PAIRS.flatMap((p) => p.schemes));
    if (scheme !== undefined && !known.has(scheme)) throw invalid(`scheme: one of ${[...known].join(', ')}`);
    return { items: await lexiconRows(this.deps.db, scheme) };
  }

  /** Adds the word (or changes its spelling); returns its id. */
  async add(user: SessionUser, input: WordInput): Promise<{ id: number }> {
    authorize(user, 'lexicon.edit', { edition: deskOf(input.scheme) });
    const entry = { scheme: input.scheme, word: normalized('word', input.word), spelling: normalized('spelling', input.spelling) };
    const now = this.deps.clock().toISOString();
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const put = await putLexiconWord(trx, entry, now);
      await recordAudit(trx, {
        userId: user.id, action: 'lexicon.add', targetType: 'lexicon', targetId: put.id,
        detail: { ...entry, ...(put.before !== null ? { before: put.before } : {}) },
      }, now);
      return put.id;
    });
    await this.deps.reloadLexicon();
    return { id };
  }

  async remove(user: SessionUser, id: number): Promise<void> {
    const row = await lexiconRow(this.deps.db, id);
    if (!row) throw notFound('No such word in the lexicon');
    authorize(user, 'lexicon.edit', { edition: deskOfStored(row.scheme) });
    const now = this.deps.clock().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await deleteLexiconRow(trx, id);
      await recordAudit(trx, { userId: user.id, action: 'lexicon.remove', targetType: 'lexicon', targetId: id, detail: { scheme: row.scheme, word: row.word, spelling: row.spelling } }, now);
    });
    await this.deps.reloadLexicon();
  }
}
