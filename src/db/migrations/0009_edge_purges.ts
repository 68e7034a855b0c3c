// Migration 0009: the queue of edge-cache purges (Surrogate-Key lists sent to EDGE_PURGE_URL),
// written in the same transaction as the change that makes them, so none is lost while the edge
// is away. Frozen: never edit once merged.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('edge_purges')
    .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
    .addColumn('keys', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('purged_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('dead_at', 'text')
    .execute();
  // Due purges: only rows still waiting are in the index.
  await db.schema
    .createIndex('edge_purges_due')
    .on('edge_purges')
    .columns(['next_attempt_at', 'id'])
    .where(sql.ref('purged_at'), 'is', null)
    .where(sql.ref('dead_at'), 'is', null)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('edge_purges').execute();
}
