// Migration 0010: indexes the planner cannot misuse at a million articles, and the month × edition
// counts the sitemap index reads instead of grouping every article. Frozen: never edit once merged.
//
// - `articles_status_scheduled (status, scheduled_at)` answered every `status = ?` lookup without
//   an edition (the language menu, cards by id, story siblings) by reading all published rows:
//   it becomes partial, only scheduled articles are in it, so no other query can choose it.
// - Lists page by (published_at, id): `articles_edition_published` gains `id` (PostgreSQL bounds
//   the API's row-comparison cursor with it), and `(status, published_at, id)` serves the queries
//   across editions.
// - `sitemap_months`: visible-or-future published articles per written edition and month of
//   `published_at`, with the newest change. Triggers on `articles` keep it in the same transaction
//   as every write (publish, unpublish, date changes, deletes, imports, seeding); backfilled here.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const MONTH_OF = (row: 'new' | 'old') => sql.raw(`substr(${row}.published_at, 1, 7)`);

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.dropIndex('articles_status_scheduled').execute();
  await sql`create index articles_scheduled on articles (scheduled_at) where status = 'scheduled'`.execute(db);
  await db.schema.dropIndex('articles_edition_published').execute();
  await db.schema.createIndex('articles_edition_published').on('articles').columns(['edition', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('articles_status_published').on('articles').columns(['status', 'published_at', 'id']).execute();

  await db.schema
    .createTable('sitemap_months')
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('articles', 'integer', (c) => c.notNull())
    .addColumn('lastmod', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sitemap_months_pk', ['edition', 'month'])
    .execute();

  if (pg) {
    await sql`create function articles_sitemap_months() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'published' and old.published_at is not null then
        update sitemap_months set articles = articles - 1 where edition = old.edition and month = ${MONTH_OF('old')};
      end if;
      if tg_op in ('UPDATE', 'INSERT') and new.status = 'published' and new.published_at is not null then
        insert into sitemap_months (edition, month, articles, lastmod)
          values (new.edition, ${MONTH_OF('new')}, 1, coalesce(new.updated_at, new.published_at))
          on conflict (edition, month) do update
          set articles = sitemap_months.articles + 1, lastmod = greatest(sitemap_months.lastmod, excluded.lastmod);
      end if;
      return null;
    end $$`.execute(db);
    await sql`create trigger articles_sitemap_months after insert or delete or update of status, published_at, updated_at, edition
      on articles for each row execute function articles_sitemap_months()`.execute(db);
  } else {
    const add = sql`insert into sitemap_months (edition, month, articles, lastmod)
        values (new.edition, ${MONTH_OF('new')}, 1, coalesce(new.updated_at, new.published_at))
        on conflict (edition, month) do update set articles = articles + 1, lastmod = max(lastmod, excluded.lastmod);`;
    const remove = sql`update sitemap_months set articles = articles - 1 where edition = old.edition and month = ${MONTH_OF('old')};`;
    const wasVisible = sql`old.status = 'published' and old.published_at is not null`;
    const isVisible = sql`new.status = 'published' and new.published_at is not null`;
    await sql`create trigger articles_sitemap_ai after insert on articles when ${isVisible} begin ${add} end`.execute(db);
    await sql`create trigger articles_sitemap_ad after delete on articles when ${wasVisible} begin ${remove} end`.execute(db);
    await sql`create trigger articles_sitemap_au_old after update of status, published_at, updated_at, edition on articles when ${wasVisible} begin ${remove} end`.execute(
      db,
    );
    await sql`create trigger articles_sitemap_au_new after update of status, published_at, updated_at, edition on articles when ${isVisible} begin ${add} end`.execute(
      db,
    );
  }

  await sql`insert into sitemap_months (edition, month, articles, lastmod)
    select edition, substr(published_at, 1, 7), count(*), max(coalesce(updated_at, published_at)) from articles
    where status = 'published' and published_at is not null group by edition, substr(published_at, 1, 7)`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  if (pg) {
    await sql`drop trigger articles_sitemap_months on articles`.execute(db);
    await sql`drop function articles_sitemap_months()`.execute(db);
  } else {
    for (const t of ['articles_sitemap_ai', 'articles_sitemap_ad', 'articles_sitemap_au_old', 'articles_sitemap_au_new']) {
      await sql`drop trigger ${sql.raw(t)}`.execute(db);
    }
  }
  await db.schema.dropTable('sitemap_months').execute();
  await db.schema.dropIndex('articles_status_published').execute();
  await db.schema.dropIndex('articles_edition_published').execute();
  await db.schema.createIndex('articles_edition_published').on('articles').columns(['edition', 'status', 'published_at']).execute();
  await sql`drop index articles_scheduled`.execute(db);
  await db.schema.createIndex('articles_status_scheduled').on('articles').columns(['status', 'scheduled_at']).execute();
}
