// Full-text search over `search_documents` (src/search/): FTS5 on SQLite, a tsvector with GIN on
// PostgreSQL. The query is built from analyzed tokens only (src/search/analyze.ts), so no reader's
// text ever reaches the engines' query syntax.
//
// Every search has the same two steps on both databases, each bounded whatever the archive's size:
// 1. Candidates: the latest matches by id (at most COUNT_CAP + 1, which also says "more than 500").
//    SQLite: FTS5 yields matches by rowid, newest first, checked against the covering index
//    `articles_visible`. PostgreSQL: the GIN index `search_documents_recent` holds, beside each
//    document's words, its edition and its id blocks as lexemes; the search asks for the words in
//    the latest blocks first (the index intersects them itself) and widens only when those hold
//    too few matches, so it reads about as many rows as it keeps, and no document whole. The
//    edition lexeme is named only where it narrows (the word is mostly another edition's, or the
//    read spans every id): its posting list grows with the archive.
// 2. Ranking (relevance): one score, written once in SQL for both (scoreOf), counts each query
//    word in the stored analyzed headline, lead, names and body of the candidates.
import { PostgresAdapter, sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { ArticleStatus } from '../db/tables.ts';
import { fts5Match, tsQuery, type ParsedQuery } from '../search/analyze.ts';

/** `%`, `_` and the escape character itself match literally (LIKE … ESCAPE '!'). */
export function likeContains(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

export interface SearchScope {
  /** Written editions whose articles are searched. */
  readonly editions: readonly string[];
  /** Readers: only articles published at or before this instant. */
  readonly visibleAt?: string;
  /** The newsroom: the states the user may open. */
  readonly statuses?: readonly ArticleStatus[];
  readonly sectionId?: number;
  /** Published in [from, to). */
  readonly from?: string;
  readonly to?: string;
}

export type SearchOrder = 'relevance' | 'newest';

export interface SearchHit {
  readonly id: number;
  readonly score: number;
}

/** A match: its id and publication time. */
export interface Candidate {
  readonly id: number;
  readonly published_at: string | null;
  /** The relevance (scoreOf), when it was asked for. */
  readonly score?: number;
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

function filters(scope: SearchScope): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [sql<SqlBool>`a.edition in (${sql.join([...scope.editions])})`];
  if (scope.visibleAt !== undefined) out.push(sql<SqlBool>`a.status = 'published' and a.published_at <= ${scope.visibleAt}`);
  if (scope.statuses) out.push(scope.statuses.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`a.status in (${sql.join(scope.statuses)})`);
  if (scope.sectionId !== undefined) out.push(sql<SqlBool>`a.section_id = ${scope.sectionId}`);
  if (scope.from !== undefined) out.push(sql<SqlBool>`a.published_at >= ${scope.from}`);
  if (scope.to !== undefined) out.push(sql<SqlBool>`a.published_at < ${scope.to}`);
  return out;
}

const and = (parts: RawBuilder<SqlBool>[]) => (parts.length === 0 ? sql`` : sql` and ${sql.join(parts, sql` and `)}`);

/** The FTS5 expression over the text columns. */
function sqliteTerms(q: ParsedQuery): string {
  return `{headline lead body extra} : (${fts5Match(q)})`;
}

/**
 * The FTS5 expression limited to the editions inside the index: the newest-first walk's set of
 * matches, smaller than all editions' matches.
 */
function sqliteMatch(q: ParsedQuery, editions: readonly string[]): string {
  const eds = editions.map((e) => `"${e.replace(/[^a-z-]/g, '')}"`).join(' OR ');
  return `edition : (${eds}) AND ${sqliteTerms(q)}`;
}

/**
 * Counts stop here: a results page says "more than 500" rather than counting every match of a
 * common word (a count of everything costs as much as the whole match set). Relevance ranks the
 * same number of latest matches, and pages stop there too.
 */
export const COUNT_CAP = 500;

/** Relevance ranks at most this many matches: the latest (highest ids) that pass the filters. */
export const RANK_CANDIDATES = COUNT_CAP;

/**
 * PostgreSQL: the id blocks the GIN index `search_documents_recent` (migration 0016) holds as
 * lexemes beside each document's words: `~{edition}`, and `~a{id >> 12}`, `~b{id >> 15}` and
 * `~c{id >> 18}` — blocks of 4 096, 32 768 and 262 144 ids. RECENT_VECTOR is the indexed
 * expression, written here as in the migration (the planner matches it as written).
 */
export const BLOCK_LEVELS = [
  { prefix: 'a', shift: 12 },
  { prefix: 'b', shift: 15 },
  { prefix: 'c', shift: 18 },
] as const;

const RECENT_VECTOR = sql`(d.document || array_to_tsvector(array['~' || d.edition, '~a' || (d.article_id >> 12)::text, '~b' || (d.article_id >> 15)::text, '~c' || (d.article_id >> 18)::text]))`;

/** At most this many blocks per statement: the level is chosen so that enough of them will do. */
const BLOCKS_PER_READ = 4;

/**
 * Matches (of every edition) seen before a search decides whether its block reads name the
 * edition: they do when most of the word's matches are in editions outside the search.
 */
const EDITION_SAMPLE = 20;

/** Beyond the cap, how many more matches are read (some may not be visible). */
const SLACK = 40;

/** A window of ids: the lexeme of its block (null: every id) and the lowest id it reaches. */
export interface IdWindow {
  readonly lexeme: string | null;
  readonly floor: number;
}

/**
 * The next windows to read below `floor`: `wanted` more matches are needed, and about `density`
 * matches per id were seen so far (null: nothing read yet: the newest 8 192 ids and the rest of
 * their newest block). The
 * finest level of which BLOCKS_PER_READ blocks are expected to hold them; past the coarsest, every
 * id. A coarser block may reach above `floor` (its matches there are counted once).
 */
export function nextWindows(floor: number, wanted: number, density: number | null): IdWindow[] {
  if (floor <= 0) return [];
  // First: the newest 8 192 ids (the newest block is partly filled), about a day of a large agency.
  const span =
    density === null
      ? (2 << BLOCK_LEVELS[0].shift) + ((floor - 1) & ((1 << BLOCK_LEVELS[0].shift) - 1))
      : density > 0
        ? (wanted / density) * 1.25
        : Infinity;
  for (const { prefix, shift } of BLOCK_LEVELS) {
    const k = Math.max(1, Math.ceil(span / (1 << shift)));
    if (k > BLOCKS_PER_READ) continue;
    const out: IdWindow[] = [];
    for (let block = (floor - 1) >> shift; out.length < k && block >= 0; block--)
      out.push({ lexeme: `~${prefix}${block}`, floor: block << shift });
    return out;
  }
  return [{ lexeme: null, floor: 0 }];
}

/**
 * The latest matches that pass the filters, newest id first, at most `cap` + 1 (one more than
 * `cap` says there are more); with `score`, each one's relevance (scoreOf) read in the same pass.
 */
export async function matchCandidates(
  db: Db,
  q: ParsedQuery,
  scope: SearchScope,
  cap = COUNT_CAP,
  opts: { score?: boolean } = {},
): Promise<Candidate[]> {
  if (q.parts.length === 0 || scope.editions.length === 0) return [];
  const where = and(filters(scope));
  const scored = opts.score ? sql`, ${scoreOf(q)} as score` : sql``;
  const documents = opts.score ? sql` join search_documents d on d.article_id = a.id` : sql``;
  const toCandidate = (x: Candidate): Candidate => ({
    id: Number(x.id),
    published_at: x.published_at,
    ...(opts.score ? { score: Number(x.score) } : {}),
  });
  if (!isPostgres(db)) {
    const r = await sql<Candidate>`select a.id as id, a.published_at as published_at${scored}
      from search_fts join articles a on a.id = search_fts.rowid${documents}
      where search_fts match ${sqliteTerms(q)}${where}
      order by search_fts.rowid desc limit ${cap + 1}`.execute(db);
    return r.rows.map(toCandidate);
  }
  const top = await sql<{ id: number | null }>`select max(id) as id from articles`.execute(db);
  const maxId = Number(top.rows[0]?.id ?? 0);
  const tsquery = tsQuery(q);
  const editions = scope.editions.map((e) => `'~${e.replace(/[^a-z-]/g, '')}'`);
  const inScope = new Set(scope.editions);
  // Whether a block's read also names the edition lexemes. The edition's posting list grows with
  // the archive (a fifth of all documents for `~en`), and following it doubled a block's read at a
  // million articles (2.9 ms against 1.2 for one of 32 768 ids). Without it a block yields the
  // word's matches in every edition, dropped here: cheaper while most of them are in scope. The
  // first reads decide (null: too few matches seen yet); the read of every id always names it.
  let byEdition: boolean | null = null;
  let seen = 0;
  let seenInScope = 0;
  // `found`: the matches of the windows read so far, newest first, every one at or above `floor`;
  // `checked`: the visible ones among the first `next` of them.
  const found: number[] = [];
  const checked: Candidate[] = [];
  let floor = maxId + 1;
  let next = 0;
  while (checked.length <= cap) {
    const wanted = () => cap + 1 - checked.length + SLACK - (found.length - next);
    // Windows, newest first, until enough unchecked matches are known (or no id is left).
    while (wanted() > 0 && floor > 0) {
      const read = maxId + 1 - floor;
      const windows = nextWindows(floor, wanted(), read > 0 ? found.length / read : null);
      // Every part of each tsquery is required: with `|`, GIN marks its matches for a recheck
      // against the whole document (97 ms instead of 1 ms for eight blocks).
      const match = (lexemes: string) => sql`select d.article_id as id, d.edition as edition from search_documents d
            where ${RECENT_VECTOR} @@ (to_tsquery('simple', ${tsquery}) && ${lexemes}::tsquery)`;
      const reads = windows.flatMap((w) =>
        w.lexeme && byEdition !== true ? [match(`'${w.lexeme}'`)] : editions.map((e) => match(w.lexeme ? `${e} & '${w.lexeme}'` : e)),
      );
      const r = await sql<{ id: number; edition: string }>`${sql.join(reads, sql` union all `)}`.execute(db);
      const kept = r.rows.filter((x) => inScope.has(x.edition));
      if (byEdition === null && windows.some((w) => w.lexeme)) {
        seen += r.rows.length;
        seenInScope += kept.length;
        if (seen >= EDITION_SAMPLE) byEdition = seenInScope * 2 < seen;
      }
      // Those at or above the old floor were found before; the others are older than all of them.
      const fresh = new Set(kept.map((x) => Number(x.id)).filter((id) => id < floor));
      found.push(...[...fresh].sort((a, b) => b - a));
      floor = Math.min(...windows.map((w) => w.floor));
    }
    if (next >= found.length) break;
    // Visibility (and relevance) of the newest unchecked matches, in one pass (one array, not a
    // parameter per id: planning 541 parameters took longer than the lookups).
    const slice = found.slice(next, next + cap + 1 - checked.length + SLACK);
    next += slice.length;
    const r = await sql<Candidate>`select a.id as id, a.published_at as published_at${scored}
      from articles a${documents} where a.id = any(${slice}::int[])${where} order by a.id desc`.execute(db);
    checked.push(...r.rows.map(toCandidate));
  }
  return checked.slice(0, cap + 1);
}

/**
 * Field weights of the score: headline, lead, tag and author names. The body is not counted: every
 * candidate holds the words somewhere, so a match in the body alone is the floor of the score (its
 * ties fall to the newest), and counting in bodies was half the cost of ranking (2.3 of 5 ms for
 * 500 candidates).
 */
const FIELDS = [
  ['headline', 10],
  ['lead', 4],
  ['extra', 4],
] as const;

/**
 * How often the term stands in the column, as a word (or as the start of a word, for the
 * prefix a reader is typing). The stored columns are analyzed terms separated by single spaces,
 * so the count is what `replace` removes, divided by the pattern's length less one.
 */
function occurrences(column: string, term: string, prefix: boolean): RawBuilder<number> {
  const pattern = prefix ? ` ${term}` : ` ${term} `;
  const padded = sql`(' ' || ${sql.ref(`d.${column}`)} || ' ')`;
  return sql<number>`((length(${padded}) - length(replace(${padded}, ${pattern}, ' '))) / ${pattern.length - 1})`;
}

/**
 * The relevance of a document (`d`), alike on both databases: each query word's occurrences in
 * each field, saturating (1 − 1/(n + 1): the third mention adds less than the first), weighted by
 * field.
 */
function scoreOf(q: ParsedQuery): RawBuilder<number> {
  // Each distinct term once; a term is a prefix when it is the last of a part the reader is typing.
  const terms = new Map<string, boolean>();
  for (const p of q.parts) p.terms.forEach((t, i) => terms.set(t, (terms.get(t) ?? false) || (p.prefix && i === p.terms.length - 1)));
  return sql<number>`(${sql.join(
    [...terms].flatMap(([term, prefix]) =>
      FIELDS.map(([column, weight]) => sql`${sql.lit(weight)} * (1.0 - 1.0 / (${occurrences(column, term, prefix)} + 1.0))`),
    ),
    sql` + `,
  )})`;
}

/** The relevance (scoreOf) of the given articles. */
export async function scoreCandidates(db: Db, q: ParsedQuery, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  // PostgreSQL: one array, not a parameter per id (planning 500 parameters cost more than the lookups).
  const which = isPostgres(db) ? sql`= any(${[...ids]}::int[])` : sql`in (${sql.join([...ids])})`;
  const r = await sql<{ id: number; score: number }>`select d.article_id as id, ${scoreOf(q)} as score
    from search_documents d where d.article_id ${which}`.execute(db);
  return new Map(r.rows.map((x) => [Number(x.id), Number(x.score)]));
}

export interface SearchShape {
  /** The candidates already found (matchCandidates with the same query and scope). */
  readonly candidates?: readonly Candidate[];
}

const newestFirst = (a: Candidate, b: Candidate) =>
  a.published_at === b.published_at
    ? b.id - a.id
    : a.published_at === null
      ? 1
      : b.published_at === null
        ? -1
        : b.published_at < a.published_at
          ? -1
          : 1;

/**
 * One page of matching article ids, best first (or newest first). Relevance scores the latest
 * RANK_CANDIDATES matches (or as many as the caller's page needs: the newsroom lists up to 1 000).
 * Newest first sorts the matches when they are few; when there are more, it walks the date index
 * (only the page's rows are checked).
 */
export async function searchArticleIds(
  db: Db,
  q: ParsedQuery,
  scope: SearchScope,
  order: SearchOrder,
  limit: number,
  offset: number,
  shape: SearchShape = {},
): Promise<SearchHit[]> {
  if (q.parts.length === 0 || scope.editions.length === 0) return [];
  const bound = Math.max(RANK_CANDIDATES, limit);
  const take = Math.max(0, Math.min(limit, bound - offset));
  if (take === 0) return [];
  const candidates =
    shape.candidates && bound === RANK_CANDIDATES
      ? shape.candidates
      : await matchCandidates(db, q, scope, bound, { score: order === 'relevance' });
  const many = candidates.length > bound;
  if (order === 'newest') {
    if (!many)
      return [...candidates]
        .sort(newestFirst)
        .slice(offset, offset + take)
        .map((c) => ({ id: c.id, score: 0 }));
    return (await newestOfMany(db, q, scope, take, offset)).map((id) => ({ id, score: 0 }));
  }
  const ranked = candidates.slice(0, bound);
  const scores = ranked.every((c) => c.score !== undefined)
    ? new Map(ranked.map((c) => [c.id, c.score!]))
    : await scoreCandidates(
        db,
        q,
        ranked.map((c) => c.id),
      );
  return ranked
    .map((c) => ({ c, score: scores.get(c.id) ?? 0 }))
    .sort((x, y) => y.score - x.score || newestFirst(x.c, y.c))
    .slice(offset, offset + take)
    .map((x) => ({ id: x.c.id, score: x.score }));
}

/** Newest first among more matches than are ranked: down the date index, each row checked. */
async function newestOfMany(db: Db, q: ParsedQuery, scope: SearchScope, take: number, offset: number): Promise<number[]> {
  const where = filters(scope);
  const byDate = scope.visibleAt !== undefined ? sql`a.published_at desc, a.id desc` : sql`a.published_at desc nulls last, a.id desc`;
  if (isPostgres(db)) {
    const r = await sql<{ id: number }>`select a.id as id from search_documents d join articles a on a.id = d.article_id
      where d.document @@ to_tsquery('simple', ${tsQuery(q)})${and(where)}
      order by ${byDate} limit ${take} offset ${offset}`.execute(db);
    return r.rows.map((x) => Number(x.id));
  }
  if (scope.editions.length === 1 && scope.visibleAt !== undefined && !scope.statuses) {
    // Down the (edition, status, published_at, id) index, each row checked against the match set
    // (`+a.id`: the ids probe a list, they do not drive the loop).
    const r = await sql<{ id: number }>`select a.id as id from articles a
      where +a.id in (select rowid from search_fts where search_fts match ${sqliteMatch(q, scope.editions)})${and(where)}
      order by a.published_at desc, a.id desc limit ${take} offset ${offset}`.execute(db);
    return r.rows.map((x) => Number(x.id));
  }
  const r = await sql<{ id: number }>`select a.id as id
    from search_fts join articles a on a.id = search_fts.rowid
    where search_fts match ${sqliteTerms(q)}${and(where)}
    order by a.published_at desc, a.id desc limit ${take} offset ${offset}`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** How many articles match, counted up to `cap + 1` (more than `cap` reads "more than cap"). */
export async function countMatches(db: Db, q: ParsedQuery, scope: SearchScope, cap = COUNT_CAP): Promise<number> {
  return (await matchCandidates(db, q, scope, cap)).length;
}

/** Spelling suggestions draw on the terms of an edition's latest this many documents. */
export const VOCABULARY_DOCUMENTS = 2000;

/**
 * The indexed terms of an edition's latest VOCABULARY_DOCUMENTS documents with the number of
 * them holding each: the vocabulary that spelling suggestions are drawn from. The stored columns
 * are the analyzed terms already, so both databases give the same vocabulary. Bounded: FTS5's
 * instance vocabulary joined to every document took 60 s at 100 000 articles (and blocked the
 * synchronous SQLite server meanwhile), `ts_stat` over every document several seconds.
 */
export async function vocabulary(db: Db, edition: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const rows = await db
    .selectFrom('search_documents')
    .select(['headline', 'lead', 'body', 'extra'])
    .where('edition', '=', edition)
    .orderBy('article_id', 'desc')
    .limit(VOCABULARY_DOCUMENTS)
    .execute();
  for (const r of rows) {
    const terms = new Set(`${r.headline} ${r.lead} ${r.body} ${r.extra}`.split(/\s+/));
    for (const t of terms) if (t) out.set(t, (out.get(t) ?? 0) + 1);
  }
  return out;
}

/** Bodies (JSON) of the given articles, for snippets. */
export async function bodiesOf(db: Db, ids: readonly number[]): Promise<Map<number, { lead: string; body: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'lead', 'body'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { lead: r.lead, body: r.body }]));
}
