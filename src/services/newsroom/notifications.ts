// Notifications inside the newsroom: one row per recipient and event (assigned, returned, approved,
// published, mentioned). A user reads and marks only their own. The workflow calls
// `notifyArticleEvent` inside the transaction of the transition, so a notice exists exactly when
// the transition does.
import type { Db } from '../../db/connect.ts';
import type { Notification, NotificationList } from '../../contracts/newsroom/people.ts';
import {
  activeAmong,
  articleCreator,
  finishAssignmentsOf,
  insertNotifications,
  markAllRead,
  markRead,
  notificationsOf,
  unreadCount,
} from '../../store/people.ts';
import type { SessionUser } from './auth.ts';
import { notFound } from './errors.ts';

/** How many of the latest notifications the list shows. */
export const NOTIFICATIONS_SHOWN = 50;

/** Return, approve and publish notify the article's writer and the assignee of its assignment (never the actor). */
export async function notifyArticleEvent(
  trx: Db,
  e: {
    kind: 'returned' | 'approved' | 'published';
    articleId: number;
    actorId: number | null;
    text: string;
    at: string;
    /** Also queued for e-mail (SMTP_URL is set). */
    mail: boolean;
  },
): Promise<void> {
  const recipients = new Set<number>();
  const creator = await articleCreator(trx, e.articleId);
  if (creator !== null) recipients.add(creator);
  const assignees = await trx
    .selectFrom('assignments')
    .select('assignee_id')
    .where('article_id', '=', e.articleId)
    .where('status', '=', 'open')
    .execute();
  for (const a of assignees) recipients.add(a.assignee_id);
  if (e.actorId !== null) recipients.delete(e.actorId);
  // Only accounts that exist and may still sign in (a writer may be gone, or a system actor).
  const active = await activeAmong(trx, [...recipients]);
  await insertNotifications(
    trx,
    active.map((userId) => ({ userId, kind: e.kind, actorId: e.actorId, articleId: e.articleId, text: e.text })),
    e.at,
    e.mail,
  );
  if (e.kind === 'published') await finishAssignmentsOf(trx, e.articleId, e.at);
}

export class NewsroomNotifications {
  constructor(private readonly deps: { readonly db: Db; readonly clock: () => Date; readonly mail: boolean }) {}

  async list(user: SessionUser): Promise<NotificationList> {
    const rows = await notificationsOf(this.deps.db, user.id, NOTIFICATIONS_SHOWN);
    const items: Notification[] = rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      actor: r.actor_id !== null && r.actor_name !== null ? { id: r.actor_id, name: r.actor_name } : null,
      articleId: r.article_id,
      headline: r.article_headline ?? r.assignment_headline ?? '',
      assignmentId: r.assignment_id,
      commentId: r.comment_id,
      text: r.text,
      createdAt: r.created_at,
      read: r.read_at !== null,
    }));
    return { unread: await unreadCount(this.deps.db, user.id), items, mail: this.deps.mail };
  }

  async unread(user: SessionUser): Promise<{ unread: number }> {
    return { unread: await unreadCount(this.deps.db, user.id) };
  }

  /** Another user's notification is answered as not found: its existence is not theirs to learn. */
  async read(user: SessionUser, id: number): Promise<{ unread: number }> {
    if (!(await markRead(this.deps.db, user.id, id, this.deps.clock().toISOString()))) throw notFound('No such notification');
    return this.unread(user);
  }

  async readAll(user: SessionUser): Promise<{ unread: number }> {
    await markAllRead(this.deps.db, user.id, this.deps.clock().toISOString());
    return this.unread(user);
  }
}
