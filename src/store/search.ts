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

/** One page of matching article ids, best first (or newest first). */
export async function searchArticleIds(db: Db, q: ParsedQuery, scope: SearchScope, order: SearchOrder, limit: number, offset: number): Promise<SearchHit[]> {
  if (q.parts.length === 0 || scope.editions.length === 0) return [];
  const where = filters(scope);
  if (isPostgres(db)) {
    const orderBy = order === 'newest' ? sql`a.published_at desc nulls last, a.id desc` : sql`score desc, a.published_at desc nulls last, a.id desc`;
    const r = await sql<SearchHit>`select a.id as id, ts_rank_cd(d.document, q.q) as score
      from search_documents d cross join to_tsquery('simple', ${tsQuery(q)}) as q(q)
      join articles a on a.id = d.article_id
      where d.edition in (${sql.join([...scope.editions])}) and d.document @@ q.q${and(where)}
      order by ${orderBy} limit ${limit} offset ${offset}`.execute(db);
    return r.rows.map((x) => ({ id: Number(x.id), score: Number(x.score) }));
  }
  const orderBy = order === 'newest' ? sql`a.published_at desc, a.id desc` : sql`score, a.published_at desc, a.id desc`;
  const r = await sql<SearchHit>`select a.id as id, ${BM25} as score
    from search_fts join articles a on a.id = search_fts.rowid
    where search_fts match ${sqliteMatch(q, scope.editions)}${and(where)}
    order by ${orderBy} limit ${limit} offset ${offset}`.execute(db);
  return r.rows.map((x) => ({ id: Number(x.id), score: -Number(x.score) }));
}

/** How many articles match. */
export async function countMatches(db: Db, q: ParsedQuery, scope: SearchScope): Promise<number> {
  if (q.parts.length === 0 || scope.editions.length === 0) return 0;
  const where = filters(scope);
  const r = isPostgres(db)
    ? await sql<{ n: number }>`select count(*) as n from search_documents d join articles a on a.id = d.article_id
        where d.edition in (${sql.join([...scope.editions])}) and d.document @@ to_tsquery('simple', ${tsQuery(q)})${and(where)}`.execute(db)
    : await sql<{ n: number }>`select count(*) as n from search_fts join articles a on a.id = search_fts.rowid
        where search_fts match ${sqliteMatch(q, scope.editions)}${and(where)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The indexed terms of an edition with the number of articles holding each: the vocabulary that
 * spelling suggestions are drawn from (FTS5's vocabulary table; `ts_stat` on PostgreSQL).
 */
export async function vocabulary(db: Db, edition: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (isPostgres(db)) {
    const inner = `select document from search_documents where edition = '${edition.replace(/[^a-z-]/g, '')}'`;
    const r = await sql<{ word: string; ndoc: number }>`select word, ndoc from ts_stat(${inner})`.execute(db);
    for (const x of r.rows) out.set(x.word, Number(x.ndoc));
    return out;
  }
  const r = await sql<{ term: string; n: number }>`select v.term as term, count(distinct v.doc) as n
    from search_vocab v join search_documents d on d.article_id = v.doc
    where d.edition = ${edition} and v.col <> 'edition' group by v.term`.execute(db);
  for (const x of r.rows) out.set(x.term, Number(x.n));
  return out;
}

/** Bodies (JSON) of the given articles, for snippets. */
export async function bodiesOf(db: Db, ids: readonly number[]): Promise<Map<number, { lead: string; body: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('articles').select(['id', 'lead', 'body']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { lead: r.lead, body: r.body }]));
}
