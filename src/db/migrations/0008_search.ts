// Migration 0008: full-text search. `search_documents` holds the analyzed text of every article
// (src/search/analyze.ts), one row per article; SQLite indexes it with an external-content FTS5
// table kept in step by triggers, PostgreSQL with a generated tsvector column and a GIN index.
// Existing articles are analyzed here. Frozen: never edit once merged.
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { reindexAll } from '../../search/indexer.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = db.schema
    .createTable('search_documents')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('lead', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('extra', 'text', (c) => c.notNull());
  if (pg) {
    table = table.addColumn('document', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(
          sql`setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', extra), 'B') || setweight(to_tsvector('simple', lead), 'B') || setweight(to_tsvector('simple', body), 'D')`,
        )
        .stored(),
    );
  }
  await table.execute();
  if (pg) {
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
    await db.schema.createIndex('search_documents_edition').on('search_documents').column('edition').execute();
  } else {
    await sql`create virtual table search_fts using fts5(edition, headline, lead, body, extra, content='search_documents', content_rowid='article_id', tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
    await sql`create trigger search_documents_ai after insert on search_documents begin
      insert into search_fts(rowid, edition, headline, lead, body, extra) values (new.article_id, new.edition, new.headline, new.lead, new.body, new.extra);
    end`.execute(db);
    await sql`create trigger search_documents_ad after delete on search_documents begin
      insert into search_fts(search_fts, rowid, edition, headline, lead, body, extra) values ('delete', old.article_id, old.edition, old.headline, old.lead, old.body, old.extra);
    end`.execute(db);
    await sql`create trigger search_documents_au after update on search_documents begin
      insert into search_fts(search_fts, rowid, edition, headline, lead, body, extra) values ('delete', old.article_id, old.edition, old.headline, old.lead, old.body, old.extra);
      insert into search_fts(rowid, edition, headline, lead, body, extra) values (new.article_id, new.edition, new.headline, new.lead, new.body, new.extra);
    end`.execute(db);
    await sql`create virtual table search_vocab using fts5vocab(search_fts, 'instance')`.execute(db);
  }
  await reindexAll(db);
}

export async function down(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!pg) {
    await sql`drop table if exists search_vocab`.execute(db);
    await sql`drop table if exists search_fts`.execute(db);
  }
  await db.schema.dropTable('search_documents').execute();
}
