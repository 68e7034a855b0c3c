// The queries of work among people: assignments, notifications and article comments (migration 0014).
import type { Db } from '../db/connect.ts';
import type { AssignmentStatus, NotificationKind } from '../db/tables.ts';

// --- people --------------------------------------------------------------------------------------

/** Active users, by name: assignees and @mention candidates. */
export async function activePeople(db: Db) {
  return db.selectFrom('users').select(['id', 'name', 'role', 'desks']).where('disabled', '=', 0).orderBy('name').orderBy('id').execute();
}

/** Which of these users exist and are not disabled. */
export async function activeAmong(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('id', 'in', [...ids])
    .where('disabled', '=', 0)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

// --- assignments ---------------------------------------------------------------------------------

const ASSIGNMENT_COLUMNS = [
  'assignments.id',
  'assignments.headline',
  'assignments.edition',
  'assignments.section_id',
  'assignments.due_at',
  'assignments.note',
  'assignments.assignee_id',
  'assignments.assigned_by',
  'assignments.status',
  'assignments.article_id',
  'assignments.created_at',
  'assignee.name as assignee_name',
  'assigner.name as assigner_name',
] as const;

function assignmentQuery(db: Db) {
  return db
    .selectFrom('assignments')
    .innerJoin('users as assignee', 'assignee.id', 'assignments.assignee_id')
    .innerJoin('users as assigner', 'assigner.id', 'assignments.assigned_by')
    .select(ASSIGNMENT_COLUMNS);
}

export type AssignmentRow = Awaited<ReturnType<typeof assignmentById>> & {};

export async function assignmentById(db: Db, id: number) {
  return assignmentQuery(db).where('assignments.id', '=', id).executeTakeFirst();
}

/** Open assignments, soonest due first: of one assignee, or of some desks. */
export async function openAssignments(db: Db, by: { assigneeId: number } | { editions: readonly string[] }) {
  let q = assignmentQuery(db).where('assignments.status', '=', 'open');
  if ('assigneeId' in by) q = q.where('assignments.assignee_id', '=', by.assigneeId);
  else if (by.editions.length === 0) return [];
  else q = q.where('assignments.edition', 'in', by.editions);
  return q.orderBy('assignments.due_at').orderBy('assignments.id').limit(200).execute();
}

export async function insertAssignment(
  db: Db,
  a: { headline: string; edition: string; sectionId: number; dueAt: string; note: string; assigneeId: number; assignedBy: number },
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('assignments')
    .values({
      headline: a.headline,
      edition: a.edition,
      section_id: a.sectionId,
      due_at: a.dueAt,
      note: a.note,
      assignee_id: a.assigneeId,
      assigned_by: a.assignedBy,
      article_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function setAssignmentStatus(db: Db, id: number, status: AssignmentStatus, now: string): Promise<void> {
  await db.updateTable('assignments').set({ status, updated_at: now }).where('id', '=', id).execute();
}

/** Links the draft started from an open assignment; false when another start won the race. */
export async function linkAssignmentDraft(db: Db, id: number, articleId: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('assignments')
    .set({ article_id: articleId, updated_at: now })
    .where('id', '=', id)
    .where('article_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The open assignment of an article (the latest when there are several), if any. */
export async function openAssignmentOfArticle(db: Db, articleId: number) {
  return db
    .selectFrom('assignments')
    .select(['id', 'assignee_id'])
    .where('article_id', '=', articleId)
    .where('status', '=', 'open')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Gives an assignment to someone else (or the same person with a new due time). */
export async function reassign(
  db: Db,
  id: number,
  a: { assigneeId: number; assignedBy: number; dueAt: string },
  now: string,
): Promise<void> {
  await db
    .updateTable('assignments')
    .set({ assignee_id: a.assigneeId, assigned_by: a.assignedBy, due_at: a.dueAt, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** An assignment is done once its draft is published. */
export async function finishAssignmentsOf(db: Db, articleId: number, now: string): Promise<void> {
  await db
    .updateTable('assignments')
    .set({ status: 'done', updated_at: now })
    .where('article_id', '=', articleId)
    .where('status', '=', 'open')
    .execute();
}

// --- notifications -------------------------------------------------------------------------------

export interface NewNotification {
  userId: number;
  kind: NotificationKind;
  actorId: number | null;
  articleId?: number | null;
  assignmentId?: number | null;
  commentId?: number | null;
  text?: string;
}

/**
 * Inserts the notifications; with `mail` (SMTP is configured) each is also queued for e-mail, due at
 * once. Without it they are never mailed, not even once SMTP is configured later.
 */
export async function insertNotifications(db: Db, items: readonly NewNotification[], now: string, mail: boolean): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        actor_id: n.actorId,
        article_id: n.articleId ?? null,
        assignment_id: n.assignmentId ?? null,
        comment_id: n.commentId ?? null,
        text: n.text ?? '',
        created_at: now,
        read_at: null,
        mail_state: mail ? ('pending' as const) : null,
        mail_next_at: mail ? now : null,
      })),
    )
    .execute();
}

/** Who wrote an article (its first author in the newsroom), or null. */
export async function articleCreator(db: Db, articleId: number): Promise<number | null> {
  const row = await db.selectFrom('articles').select('created_by').where('id', '=', articleId).executeTakeFirst();
  return row?.created_by ?? null;
}

export async function notificationsOf(db: Db, userId: number, limit: number) {
  return db
    .selectFrom('notifications')
    .leftJoin('users as actor', 'actor.id', 'notifications.actor_id')
    .leftJoin('articles', 'articles.id', 'notifications.article_id')
    .leftJoin('assignments', 'assignments.id', 'notifications.assignment_id')
    .select([
      'notifications.id',
      'notifications.kind',
      'notifications.actor_id',
      'actor.name as actor_name',
      'notifications.article_id',
      'articles.headline as article_headline',
      'notifications.assignment_id',
      'assignments.headline as assignment_headline',
      'notifications.comment_id',
      'notifications.text',
      'notifications.created_at',
      'notifications.read_at',
    ])
    .where('notifications.user_id', '=', userId)
    .orderBy('notifications.id', 'desc')
    .limit(limit)
    .execute();
}

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one notification of the user read (false: no such notification of this user). */
export async function markRead(db: Db, userId: number, id: number, now: string): Promise<boolean> {
  const found = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!found) return false;
  await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('read_at', 'is', null).execute();
  return true;
}

export async function markAllRead(db: Db, userId: number, now: string): Promise<void> {
  await db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

// --- comments ------------------------------------------------------------------------------------

const COMMENT_COLUMNS = [
  'article_comments.id',
  'article_comments.article_id',
  'article_comments.parent_id',
  'article_comments.user_id',
  'users.name as user_name',
  'article_comments.body',
  'article_comments.mentions',
  'article_comments.created_at',
  'article_comments.edited_at',
  'article_comments.deleted_at',
] as const;

export type CommentRow = NonNullable<Awaited<ReturnType<typeof commentById>>>;

export async function commentById(db: Db, id: number) {
  return db
    .selectFrom('article_comments')
    .innerJoin('users', 'users.id', 'article_comments.user_id')
    .select(COMMENT_COLUMNS)
    .where('article_comments.id', '=', id)
    .executeTakeFirst();
}

export async function commentsOf(db: Db, articleId: number) {
  return db
    .selectFrom('article_comments')
    .innerJoin('users', 'users.id', 'article_comments.user_id')
    .select(COMMENT_COLUMNS)
    .where('article_comments.article_id', '=', articleId)
    .orderBy('article_comments.id')
    .limit(1000)
    .execute();
}

export async function insertComment(
  db: Db,
  c: { articleId: number; parentId: number | null; userId: number; body: string; mentions: readonly number[] },
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('article_comments')
    .values({
      article_id: c.articleId,
      parent_id: c.parentId,
      user_id: c.userId,
      body: c.body,
      mentions: JSON.stringify(c.mentions),
      created_at: now,
      edited_at: null,
      deleted_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateComment(db: Db, id: number, body: string, mentions: readonly number[], now: string): Promise<void> {
  await db
    .updateTable('article_comments')
    .set({ body, mentions: JSON.stringify(mentions), edited_at: now })
    .where('id', '=', id)
    .execute();
}

/** A deleted comment keeps its place in the thread (its answers stay) but loses its text. */
export async function deleteComment(db: Db, id: number, now: string): Promise<void> {
  await db.updateTable('article_comments').set({ body: '', mentions: '[]', deleted_at: now }).where('id', '=', id).execute();
}

/** Names of users by id (mentions). */
export async function namesOf(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
