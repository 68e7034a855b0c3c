// Migration 0015: newsroom notifications also by e-mail (SMTP_URL). Frozen: never edit once merged.
//
// - `notifications.mail_state`: the row's place in the mail outbox. Null: not to be mailed (written
//   while no SMTP server was configured, or before this migration: such rows are never mailed
//   later); 'pending': to be sent at `mail_next_at`; 'sent'; 'failed' (gave up after the last
//   attempt). `mail_attempts` counts the attempts made.
// - `users.mail_notifications`: 1 (the default) when the user wants their notifications by e-mail.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('notifications').addColumn('mail_state', 'text').execute();
  await db.schema
    .alterTable('notifications')
    .addColumn('mail_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('notifications').addColumn('mail_next_at', 'text').execute();
  // Only the pending rows are indexed: the outbox is read by due time, and sent rows are most.
  await db.schema
    .createIndex('notifications_mail_due')
    .on('notifications')
    .columns(['mail_next_at', 'id'])
    .where(sql<boolean>`mail_state = 'pending'`)
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('mail_notifications', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('users').dropColumn('mail_notifications').execute();
  await db.schema.dropIndex('notifications_mail_due').execute();
  await db.schema.alterTable('notifications').dropColumn('mail_next_at').execute();
  await db.schema.alterTable('notifications').dropColumn('mail_attempts').execute();
  await db.schema.alterTable('notifications').dropColumn('mail_state').execute();
}
