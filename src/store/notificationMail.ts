// The mail outbox of newsroom notifications (migration 0015): the pending rows with what their
// e-mail says, and their state changes (src/services/newsroom/notificationMail.ts).
import type { Db } from '../db/connect.ts';

/** Pending notifications due at `now`, oldest first, with their recipient and what the mail says. */
export async function dueNotificationMail(db: Db, now: string, limit: number) {
  return db
    .selectFrom('notifications')
    .innerJoin('users as recipient', 'recipient.id', 'notifications.user_id')
    .leftJoin('users as actor', 'actor.id', 'notifications.actor_id')
    .leftJoin('articles', 'articles.id', 'notifications.article_id')
    .leftJoin('assignments', 'assignments.id', 'notifications.assignment_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.article_id',
      'notifications.text',
      'notifications.mail_attempts',
      'notifications.mail_next_at',
      'recipient.email',
      'recipient.ui_lang',
      'recipient.disabled',
      'recipient.mail_notifications',
      'actor.name as actor_name',
      'articles.headline as article_headline',
      'assignments.headline as assignment_headline',
    ])
    .where('notifications.mail_state', '=', 'pending')
    .where('notifications.mail_next_at', '<=', now)
    .orderBy('notifications.mail_next_at')
    .orderBy('notifications.id')
    .limit(limit)
    .execute();
}

export type DueNotificationMail = Awaited<ReturnType<typeof dueNotificationMail>>[number];

/**
 * Takes a due row for one attempt: counts it and holds it until `leaseUntil` (a process that dies
 * mid-send leaves it to be retried then). False when another process took it first.
 */
export async function claimNotificationMail(
  db: Db,
  row: { id: number; mail_next_at: string | null },
  leaseUntil: string,
): Promise<boolean> {
  if (row.mail_next_at === null) return false;
  const r = await db
    .updateTable('notifications')
    .set((eb) => ({ mail_attempts: eb('mail_attempts', '+', 1), mail_next_at: leaseUntil }))
    .where('id', '=', row.id)
    .where('mail_state', '=', 'pending')
    .where('mail_next_at', '=', row.mail_next_at)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Sent, given up (`failed`), or not to be mailed after all (null: no address, disabled, opted out). */
export async function settleNotificationMail(db: Db, id: number, state: 'sent' | 'failed' | null): Promise<void> {
  await db.updateTable('notifications').set({ mail_state: state, mail_next_at: null }).where('id', '=', id).execute();
}

/** A failed attempt to be retried at `nextAt`. */
export async function retryNotificationMail(db: Db, id: number, nextAt: string): Promise<void> {
  await db.updateTable('notifications').set({ mail_next_at: nextAt }).where('id', '=', id).where('mail_state', '=', 'pending').execute();
}

/** The mail outbox waiting (pending, read through its partial index) and the part of it that failed before. */
export async function mailOutboxStats(db: Db): Promise<{ waiting: number; failing: number }> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => [eb.fn.count<number>('id').as('waiting'), eb.fn.count<number>('id').filterWhere('mail_attempts', '>', 0).as('failing')])
    .where('mail_state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return { waiting: Number(row.waiting), failing: Number(row.failing) };
}
