// Full-text search over `search_documents` (src/search/): FTS5 on SQLite, a tsvector with GIN on
// PostgreSQL. The query is built from analyzed tokens only (src/search/analyze.ts), so no reader's
// text ever reaches the engines' query syntax. On SQLite the MATCH drives the plan: the FTS table
// is joined to articles by rowid and sorted by bm25, never `id IN (… MATCH …)` sorted over everything.
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

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Weights: edition (a filter only), headline, lead, body, tag and author names. */
const BM25 = sql`bm25(search_fts, 0.0, 10.0, 4.0, 1.0, 4.0)`;

function filters(scope: SearchScope): RawBuilder<SqlBool>[] {
  const out: RawBuilder<SqlBool>[] = [];
  if (scope.visibleAt !== undefined) out.push(sql<SqlBool>`a.status = 'published' and a.published_at <= ${scope.visibleAt}`);
  if (scope.statuses) out.push(scope.statuses.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`a.status in (${sql.join(scope.statuses)})`);
  if (scope.sectionId !== undefined) out.push(sql<SqlBool>`a.section_id = ${scope.sectionId}`);
  if (scope.from !== undefined) out.push(sql<SqlBool>`a.published_at >= ${scope.from}`);
  if (scope.to !== undefined) out.push(sql<SqlBool>`a.published_at < ${scope.to}`);
  return out;
}

const and = (parts: RawBuilder<SqlBool>[]) => (parts.length === 0 ? sql`` : sql` and ${sql.join(parts, sql` and `)}`);

/** The FTS5 expression limited to the editions (a column filter inside the index, not a join). */
function sqliteMatch(q: ParsedQuery, editions: readonly string[]): string {
  const eds = editions.map((e) => `"${e.replace(/[^a-z-]/g, '')}"`).join(' OR ');
  return `edition : (${eds}) AND {headline lead body extra} : (${fts5Match(q)})`;
}

/**
 * Counts stop here: a results page says "more than 500" rather than counting every match of a
 * common word (a count of everything costs as much as the whole match set). The same bound as
 * the ranked candidates: ranking costs about one document read per candidate (PostgreSQL
 * detoasts each tsvector, FTS5 decodes its position lists), 1 000 of them cost 100+ ms.
 */
export const COUNT_CAP = 500;

/**
 * Relevance ranks at most this many matches: the latest ones that pass the filters (on SQLite
 * the highest ids, which FTS5 yields first; on PostgreSQL the latest published, down the date
 * index); a query matching fewer is ranked in full, alike on both. Pages stop at the same bound
 * as the count.
 */
export const RANK_CANDIDATES = COUNT_CAP;

export interface SearchShape {
  /** The capped count said there are more than COUNT_CAP matches: bounded query shapes. */
  readonly many?: boolean;
}

/**
 * One page of matching article ids, best first (or newest first). Every shape is bounded by the
 * page or by RANK_CANDIDATES, never by the number of matches: relevance ranks the latest
 * RANK_CANDIDATES matches; newest first walks the date index (a query with `many` matches) or
 * sorts the few matches there are.
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
  // A caller asking for more in one go (the newsroom's list of up to 1 000) gets that many.
  const bound = Math.max(RANK_CANDIDATES, limit);
  const take = Math.max(0, Math.min(limit, bound - offset));
  if (take === 0) return [];
  const where = filters(scope);
  if (isPostgres(db)) {
    const eds = sql.join([...scope.editions]);
    // The edition is the article's (the document's is the same): `d.edition` beside the match made
    // the planner multiply two correlated selectivities and hash-join every match.
    // Readers' articles all have a date: `desc` (nulls first) is the (edition, status,
    // published_at, id) index read backwards; `nulls last` would sort every published article.
    const byDate = scope.visibleAt !== undefined ? sql`a.published_at desc, a.id desc` : sql`a.published_at desc nulls last, a.id desc`;
    const matching = sql`from search_documents d join articles a on a.id = d.article_id
        where a.edition in (${eds}) and d.document @@ to_tsquery('simple', ${tsQuery(q)})${and(where)}`;
    if (order === 'newest') {
      // The planner walks the date index and checks each row (a common word) or sorts the GIN
      // matches (a rare one), by the tsvector statistics.
      const r = await sql<{ id: number }>`select a.id as id ${matching} order by ${byDate} limit ${take} offset ${offset}`.execute(db);
      return r.rows.map((x) => ({ id: Number(x.id), score: 0 }));
    }
    // The candidates are the latest matches by date (down the edition's date index: a walk by id
    // would read every edition's rows), then ranked.
    const r = await sql<SearchHit>`select c.id as id, ts_rank_cd(c.document, q.q) as score
      from (select a.id, a.published_at, d.document ${matching} order by ${byDate} limit ${bound}) c
      cross join to_tsquery('simple', ${tsQuery(q)}) as q(q)
      order by score desc, c.published_at desc nulls last, c.id desc limit ${take} offset ${offset}`.execute(db);
    return r.rows.map((x) => ({ id: Number(x.id), score: Number(x.score) }));
  }
  const match = sqliteMatch(q, scope.editions);
  if (order === 'newest') {
    const walk = shape.many === true && scope.editions.length === 1 && scope.visibleAt !== undefined && !scope.statuses;
    if (walk) {
      // Many matches: down the (edition, status, published_at, id) index, each row checked
      // against the match set (`+a.id`: the ids probe a list, they do not drive the loop).
      const r = await sql<{ id: number }>`select a.id as id from articles a
        where a.edition = ${scope.editions[0]} and +a.id in (select rowid from search_fts where search_fts match ${match})${and(where)}
        order by a.published_at desc, a.id desc limit ${take} offset ${offset}`.execute(db);
      return r.rows.map((x) => ({ id: Number(x.id), score: 0 }));
    }
    const r = await sql<{ id: number }>`select a.id as id
      from search_fts join articles a on a.id = search_fts.rowid
      where search_fts match ${match}${and(where)}
      order by a.published_at desc, a.id desc limit ${take} offset ${offset}`.execute(db);
    return r.rows.map((x) => ({ id: Number(x.id), score: 0 }));
  }
  // bm25 only for the candidates: the index yields matches by rowid, newest id first, and stops
  // at RANK_CANDIDATES; only those are scored and sorted.
  const r = await sql<SearchHit>`select c.id as id, c.score as score from (
      select search_fts.rowid as id, ${BM25} as score, a.published_at as published_at
      from search_fts join articles a on a.id = search_fts.rowid
      where search_fts match ${match}${and(where)}
      order by search_fts.rowid desc limit ${bound}) c
    order by c.score, c.published_at desc, c.id desc limit ${take} offset ${offset}`.execute(db);
  return r.rows.map((x) => ({ id: Number(x.id), score: -Number(x.score) }));
}

/** How many articles match, counted up to `cap + 1` (more than `cap` reads "more than cap"). */
export async function countMatches(db: Db, q: ParsedQuery, scope: SearchScope, cap = COUNT_CAP): Promise<number> {
  if (q.parts.length === 0 || scope.editions.length === 0) return 0;
  const where = filters(scope);
  const r = isPostgres(db)
    ? await sql<{ n: number }>`select count(*) as n from (select 1 from search_documents d join articles a on a.id = d.article_id
        where a.edition in (${sql.join([...scope.editions])}) and d.document @@ to_tsquery('simple', ${tsQuery(q)})${and(where)}
        limit ${cap + 1}) m`.execute(db)
    : await sql<{ n: number }>`select count(*) as n from (select 1 from search_fts join articles a on a.id = search_fts.rowid
        where search_fts match ${sqliteMatch(q, scope.editions)}${and(where)}
        order by search_fts.rowid desc limit ${cap + 1})`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
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
