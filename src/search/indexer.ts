// Keeps `search_documents` (the analyzed text of each article, one row per article) in step with
// the articles. Called inside the transaction that writes the article; the engines' indexes (the
// FTS5 table on SQLite, the generated tsvector on PostgreSQL) follow the row by themselves.
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { bodyText, parseBody } from '../content/body.ts';
import { analyze, EDITION_LANGUAGE } from './analyze.ts';

export interface DocumentSource {
  readonly id: number;
  readonly edition: string;
  readonly headline: string;
  readonly lead: string;
  readonly body: string;
}

function textOfBody(json: string): string {
  try {
    return bodyText(parseBody(JSON.parse(json)));
  } catch {
    return '';
  }
}

/** The analyzed columns of one article. */
export function documentOf(a: DocumentSource, names: readonly string[]) {
  const lang = EDITION_LANGUAGE[a.edition] ?? 'en';
  return {
    article_id: a.id,
    edition: a.edition,
    headline: analyze(a.headline, lang),
    lead: analyze(a.lead, lang),
    body: analyze(textOfBody(a.body), lang),
    extra: analyze(names.join(' \n '), lang),
  };
}

/** Tag and author names of the articles in their own editions. */
async function namesOf(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const tags = await db
    .selectFrom('article_tags')
    .innerJoin('articles', 'articles.id', 'article_tags.article_id')
    .innerJoin('tag_names', (j) =>
      j.onRef('tag_names.tag_id', '=', 'article_tags.tag_id').onRef('tag_names.edition', '=', 'articles.edition'),
    )
    .select(['article_tags.article_id as id', 'tag_names.name as name'])
    .where('article_tags.article_id', 'in', [...ids])
    .execute();
  const authors = await db
    .selectFrom('article_authors')
    .innerJoin('articles', 'articles.id', 'article_authors.article_id')
    .innerJoin('author_names', (j) =>
      j.onRef('author_names.author_id', '=', 'article_authors.author_id').onRef('author_names.edition', '=', 'articles.edition'),
    )
    .select(['article_authors.article_id as id', 'author_names.name as name'])
    .where('article_authors.article_id', 'in', [...ids])
    .execute();
  for (const r of [...tags, ...authors]) out.get(r.id)?.push(r.name);
  return out;
}

/**
 * Re-analyzes the given articles (a missing one leaves no row). Run inside the writing transaction.
 * `rewrite`: writes every document again, also those that did not change (a rebuild).
 */
export async function syncSearchDocuments(db: Db, ids: readonly number[], opts: { rewrite?: boolean } = {}): Promise<void> {
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 200) {
    const chunk = unique.slice(i, i + 200);
    const rows = await db.selectFrom('articles').select(['id', 'edition', 'headline', 'lead', 'body']).where('id', 'in', chunk).execute();
    const names = await namesOf(db, chunk);
    const stored = await db
      .selectFrom('search_documents')
      .select(['article_id', 'edition', 'headline', 'lead', 'body', 'extra'])
      .where('article_id', 'in', chunk)
      .execute();
    const before = new Map(stored.map((d) => [d.article_id, d]));
    // A document the same as the stored one is not written again (publishing, unpublishing and
    // most saves change no text): rewriting it re-inserts every word into the engine's index.
    const docs = rows
      .map((r) => documentOf(r, names.get(r.id) ?? []))
      .filter((d) => {
        const b = before.get(d.article_id);
        return (
          opts.rewrite ||
          !(b && b.edition === d.edition && b.headline === d.headline && b.lead === d.lead && b.body === d.body && b.extra === d.extra)
        );
      });
    const present = new Set(rows.map((r) => r.id));
    const stale = [...docs.map((d) => d.article_id), ...stored.filter((d) => !present.has(d.article_id)).map((d) => d.article_id)];
    if (stale.length > 0) await db.deleteFrom('search_documents').where('article_id', 'in', stale).execute();
    if (docs.length > 0) await db.insertInto('search_documents').values(docs).execute();
  }
}

/** Rebuilds every row, in batches; `progress(done, total)` after each. */
export async function reindexAll(db: Db, progress?: (done: number, total: number) => void, batch = 500): Promise<number> {
  const total = Number(
    (
      await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = (await db.selectFrom('articles').select('id').where('id', '>', after).orderBy('id').limit(batch).execute()).map(
      (r) => r.id,
    );
    if (ids.length === 0) break;
    await db.transaction().execute((trx) => syncSearchDocuments(trx, ids, { rewrite: true }));
    done += ids.length;
    after = ids.at(-1)!;
    progress?.(done, total);
  }
  // Drop rows whose article went by a path that did not take them along.
  await db
    .deleteFrom('search_documents')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('articles').select('articles.id').whereRef('articles.id', '=', 'search_documents.article_id'))),
    )
    .execute();
  await optimizeSearchIndex(db);
  return done;
}

/**
 * Merges the FTS5 index into one segment (SQLite; PostgreSQL's GIN needs nothing). Each query
 * reads every segment: after a bulk load left a few hundred, a word that matches nothing cost
 * 1.5–5 ms and a common one 10–30 ms at 100 000 articles, against 0.02 ms and 0.5 ms merged.
 */
export async function optimizeSearchIndex(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return;
  const fts = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name = 'search_fts'`.execute(db);
  if (fts.rows.length > 0) await sql`insert into search_fts(search_fts) values ('optimize')`.execute(db);
}
