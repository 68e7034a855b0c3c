// The shared lexicon from the newsroom: spellings the conversion rules cannot know (proper names,
// loanwords), per scheme. Editors and above only (in the desk of the scheme's source edition); a
// word is letters of the source script, its spelling letters of the scheme's script, each at most
// 100 characters. A change is audited, reloads the converters at once, and drops exactly the
// derived pages whose source text contains the word (articles, their photos' captions, tag,
// author and section names; UI strings and month names drop the whole derived edition).
import type { Db } from '../../db/connect.ts';
import { formatDay } from '../../content/dates.ts';
import { cacheTags } from '../../cache/tags.ts';
import { DERIVED_EDITIONS, EDITIONS, WRITTEN_EDITIONS, type DerivedEditionCode, type WrittenEditionCode } from '../../editions/editions.ts';
import { WRITTEN_STRINGS } from '../../editions/strings/all.ts';
import { SUPPORTED_PAIRS } from '../../script/converter.ts';
import type { Scheme } from '../../script/types.ts';
import { recordAudit } from '../../store/audit.ts';
import { wordOccurrences } from '../../store/lexicon.ts';
import { deleteLexiconRow, lexiconRow, lexiconRows, putLexiconWord, type LexiconRow } from '../../store/newsroomStories.ts';
import type { SessionUser } from './auth.ts';
import { invalid, notFound } from './errors.ts';
import { authorize } from './permissions.ts';

export interface LexiconDeps {
  readonly db: Db;
  readonly clock: () => Date;
  /** Reloads the converters and drops the cached pages of these tags (Services.reloadLexicon). */
  readonly reloadLexicon: (drop: readonly string[]) => Promise<void>;
}

export interface WordInput {
  scheme: string;
  word: string;
  spelling: string;
}

const MAX_LENGTH = 100;
/** Past this many articles holding a word, dropping the derived editions whole is as exact and cheaper. */
const MAX_ARTICLE_TAGS = 2000;

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
  return WRITTEN_EDITIONS.find((w) => EDITIONS[w].script === pair.from) ?? scheme;
}

/** Letters of a script, its combining marks, and the apostrophes words may hold (Кот-д’Ивуар, oʻzbek). */
const LETTERS: Readonly<Record<string, RegExp>> = {
  Cyrl: /^[\p{Script=Cyrillic}\p{M}'’ʼ]+$/u,
  Latn: /^[\p{Script=Latin}\p{M}'’ʼʻ`]+$/u,
  Arab: /^[\p{Script=Arabic}\p{M}]+$/u,
};
const SCRIPT_NAMES: Readonly<Record<string, string>> = { Cyrl: 'Cyrillic', Latn: 'Latin', Arab: 'Arabic' };

/** The script a scheme writes in (kk-Latn-2018 → Latn, kk-Arab → Arab). */
function targetScript(scheme: string): string {
  const pair = SUPPORTED_PAIRS.find((p) => p.schemes.includes(scheme as Scheme));
  return (pair?.to ?? scheme).split('-')[1] ?? '';
}

/**
 * Stored as store/lexicon.ts and `habarshy lexicon add` store it: NFC, trimmed, lower case; the
 * word in the source script's letters, the spelling in the scheme's, nothing else (no markup, no
 * digits, no spaces: the converters look words up one at a time, hyphen parts too).
 */
function normalized(name: 'word' | 'spelling', value: string, script: string): string {
  const out = value.normalize('NFC').trim().toLowerCase();
  if (!out || [...out].length > MAX_LENGTH) throw invalid(`${name}: 1–${MAX_LENGTH} characters`);
  const letters = LETTERS[script];
  if (!letters || !letters.test(out)) {
    throw invalid(
      name === 'word'
        ? `word: one word in ${SCRIPT_NAMES[script] ?? script} letters, as written in the source edition`
        : `spelling: one word in ${SCRIPT_NAMES[script] ?? script} letters`,
    );
  }
  return out;
}

/** The derived editions that use a scheme. */
function editionsOf(scheme: string): DerivedEditionCode[] {
  return DERIVED_EDITIONS.filter((code) => {
    const e = EDITIONS[code];
    return e.kind === 'derived' && e.scheme === scheme;
  });
}

/** The word's case forms as a source text may hold it: lower, capitalised, upper. */
function caseForms(word: string): string[] {
  return [...new Set([word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])];
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
    const entry = {
      scheme: input.scheme,
      word: normalized('word', input.word, 'Cyrl'),
      spelling: normalized('spelling', input.spelling, targetScript(input.scheme)),
    };
    const now = this.deps.clock().toISOString();
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const put = await putLexiconWord(trx, entry, now);
      await recordAudit(
        trx,
        {
          userId: user.id,
          action: 'lexicon.add',
          targetType: 'lexicon',
          targetId: put.id,
          detail: { ...entry, ...(put.before !== null ? { before: put.before } : {}) },
        },
        now,
      );
      return put.id;
    });
    await this.deps.reloadLexicon(await this.pagesWith(entry.scheme, entry.word));
    return { id };
  }

  async remove(user: SessionUser, id: number): Promise<void> {
    const row = await lexiconRow(this.deps.db, id);
    if (!row) throw notFound('No such word in the lexicon');
    authorize(user, 'lexicon.edit', { edition: deskOfStored(row.scheme) });
    const now = this.deps.clock().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await deleteLexiconRow(trx, id);
      await recordAudit(
        trx,
        {
          userId: user.id,
          action: 'lexicon.remove',
          targetType: 'lexicon',
          targetId: id,
          detail: { scheme: row.scheme, word: row.word, spelling: row.spelling },
        },
        now,
      );
    });
    await this.deps.reloadLexicon(await this.pagesWith(row.scheme, row.word));
  }

  /** The cache tags of the derived pages whose text contains the word (none when no edition uses the scheme). */
  private async pagesWith(scheme: string, word: string): Promise<string[]> {
    const editions = editionsOf(scheme);
    const first = editions[0] === undefined ? undefined : EDITIONS[editions[0]];
    if (first?.kind !== 'derived') return [];
    const source = first.source;
    const forms = caseForms(word);
    const has = (text: string) => forms.some((f) => text.includes(f));
    // UI strings and month names are on every page of the derived editions.
    const months = Array.from({ length: 12 }, (_, m) =>
      formatDay(new Date(Date.UTC(2025, m, 15)), {
        locale: EDITIONS[source].intlLocale,
        order: EDITIONS[source].dateOrder,
        timeZone: 'UTC',
      }),
    );
    const everywhere = Object.values(WRITTEN_STRINGS[source]).some((v) => has(String(v))) || months.some(has);
    const found = await wordOccurrences(this.deps.db, source, forms);
    // On most pages anyway (a section name, many photos, a very common word): drop the derived editions.
    if (everywhere || found.inSectionNames || found.inManyPhotos || found.articleIds.length > MAX_ARTICLE_TAGS)
      return editions.map(cacheTags.edition);
    return [...found.articleIds.map(cacheTags.article), ...found.tagIds.map(cacheTags.tag), ...found.authorIds.map(cacheTags.author)];
  }
}

// The operator's commands (`habarshy lexicon …`) have no rule beyond the SQL: the store's own.
export { listLexicon, lexiconFor, removeLexicon, upsertLexicon } from '../../store/lexicon.ts';
