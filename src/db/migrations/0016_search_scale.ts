// Migration 0016: search and related stories that read about as many rows as they keep, at any
// size of the archive. Frozen: never edit once merged.
//
// SQLite: a covering index of what a match or a candidate is checked against (id, status,
// published_at, edition). An article's row holds its body before `published_at`: reading that
// column walks the body's overflow pages, and 500 such reads were 6 of the 8 ms of a search at
// 100 000 articles. (PostgreSQL reads a row from one page: long bodies are stored out of line.)
//
// PostgreSQL: the GIN index of the documents also holds, as lexemes no analyzed word can be
// (they start with `~`), each document's edition and its blocks of 4 096, 32 768 and 262 144 ids
// (src/store/search.ts asks for the words in the newest blocks first). It replaces the plain GIN
// index of migration 0008: every search goes through this one.
import { SqliteAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const isSqlite = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

export async function up(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await db.schema.createIndex('articles_visible').on('articles').columns(['id', 'status', 'published_at', 'edition']).execute();
    return;
  }
  await sql`create index search_documents_recent on search_documents using gin ((document || array_to_tsvector(array['~' || edition, '~a' || (article_id >> 12)::text, '~b' || (article_id >> 15)::text, '~c' || (article_id >> 18)::text])))`.execute(
    db,
  );
  await sql`drop index search_documents_document`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isSqlite(db)) {
    await db.schema.dropIndex('articles_visible').execute();
    return;
  }
  await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
  await sql`drop index search_documents_recent`.execute(db);
}
