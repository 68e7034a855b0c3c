// Migration 0003: webhook subscribers and their durable outbox; wire-ingest sources and the items
// seen from them. Frozen: never edit once merged.
import { PostgresAdapter, sql, type Kysely, type CreateTableBuilder } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function withId<T extends string>(db: AnyDb, table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  return pg
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('webhook_subscribers'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('outbox'))
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('subscriber_id', 'integer', (c) => c.notNull().references('webhook_subscribers.id').onDelete('cascade'))
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dead_at', 'text')
    .execute();
  // Due deliveries: only rows still waiting are in the index.
  await db.schema
    .createIndex('outbox_due')
    .on('outbox')
    .columns(['next_attempt_at', 'id'])
    .where(sql.ref('delivered_at'), 'is', null)
    .where(sql.ref('dead_at'), 'is', null)
    .execute();
  // "Is an older event of this article still waiting for this subscriber?"
  await db.schema.createIndex('outbox_order').on('outbox').columns(['subscriber_id', 'article_id', 'id']).execute();

  await withId(db, db.schema.createTable('ingest_sources'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
    .addColumn('poll_seconds', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_polled_at', 'text')
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('ingest_items')
    .addColumn('source_id', 'integer', (c) => c.notNull().references('ingest_sources.id').onDelete('cascade'))
    .addColumn('guid', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ingest_items_pk', ['source_id', 'guid'])
    .addUniqueConstraint('ingest_items_link', ['source_id', 'link'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['ingest_items', 'ingest_sources', 'outbox', 'webhook_subscribers']) {
    await db.schema.dropTable(table).execute();
  }
}
