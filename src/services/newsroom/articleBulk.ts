// One action on many articles from the newsroom's list: move to a section, unpublish, delete drafts,
// assign. Each article goes through the same service call (and so the same permission and state
// checks, transaction and audit row) as when it is done on its own; one refused article does not
// stop the others, and the answer says for every article whether it was done and, if not, why.
import type { Db } from '../../db/connect.ts';
import type { Bulk, BulkAnswer, BulkResult } from '../../contracts/newsroom/articles.ts';
import type { SessionUser } from './auth.ts';
import { conflict, invalid, NewsroomError } from './errors.ts';
import { authorize, can, desksOf, ForbiddenError, type Actor } from './permissions.ts';
import type { NewsroomArticles } from './articles.ts';
import type { NewsroomArticlesDeps } from './articleRules.ts';
import { existingIds } from '../../store/newsroom.ts';
import {
  activePeople,
  insertAssignment,
  insertNotifications,
  linkAssignmentDraft,
  openAssignmentOfArticle,
  reassign,
} from '../../store/people.ts';
import { parseUserTime } from './time.ts';

type Person = Awaited<ReturnType<typeof activePeople>>[number];

export async function bulkArticles(
  deps: NewsroomArticlesDeps,
  articles: NewsroomArticles,
  user: SessionUser | Actor,
  input: Bulk,
): Promise<BulkAnswer> {
  const { db } = deps;
  const sectionId = input.sectionId;
  if (input.action === 'section') {
    if (sectionId === undefined) throw invalid('sectionId: the section to move the articles to');
    if (!(await existingIds(db, 'sections', [sectionId])).has(sectionId)) throw invalid('sectionId: no such section');
  } else if (sectionId !== undefined) {
    throw invalid('sectionId: only for moving articles to a section');
  }
  let assign: { assignee: Person; dueAt: string } | undefined;
  if (input.action === 'assign') {
    if (input.assigneeId === undefined) throw invalid('assigneeId: the user to assign the articles to');
    const due = input.due === undefined ? null : parseUserTime(input.due, deps.timeZone);
    if (!due) throw invalid('due: a time as YYYY-MM-DDTHH:mm (agency time) or ISO 8601 with an offset');
    if (due.getTime() <= deps.clock().getTime()) throw invalid('due: the time must be in the future');
    const assignee = (await activePeople(db)).find((p) => p.id === input.assigneeId);
    if (!assignee) throw invalid('assigneeId: no such active user');
    assign = { assignee, dueAt: due.toISOString() };
  } else if (input.assigneeId !== undefined || input.due !== undefined) {
    throw invalid('assigneeId, due: only for assigning articles');
  }
  const results: BulkResult[] = [];
  for (const id of input.ids) {
    try {
      const row = await articles.row(id);
      if (input.action === 'section') {
        if (row.section_id !== sectionId) await articles.save(user, id, { revision: row.revision, sectionId: sectionId! });
      } else if (input.action === 'unpublish') {
        await articles.transition(user, id, { action: 'unpublish', revision: row.revision });
      } else if (input.action === 'assign') {
        await assignArticle(deps, articles, user, id, assign!);
      } else {
        if (row.status !== 'draft' && row.status !== 'returned') {
          // The read check first: an article the user may not open is "not allowed", not described.
          await articles.readable(user, id, 'article.delete');
          throw conflict('INVALID_TRANSITION', `Only drafts are deleted from the list: this article is ${row.status}`);
        }
        await articles.remove(user, id);
      }
      results.push({ id, ok: true });
    } catch (e) {
      if (e instanceof NewsroomError || e instanceof ForbiddenError) {
        results.push({ id, ok: false, error: { code: e.code, message: e.message } });
      } else {
        throw e;
      }
    }
  }
  return { results };
}

/**
 * Gives one article to the assignee: its open assignment changes hands (and due time), or a new one
 * is made from the article (its headline, desk and section) and linked to it. An editor of the
 * article's desk does it, for someone who works on that desk, while the article is not yet out.
 * The assignee is notified (not when assigning to oneself, nor when nothing changed hands).
 */
async function assignArticle(
  deps: NewsroomArticlesDeps,
  articles: NewsroomArticles,
  user: SessionUser | Actor,
  id: number,
  a: { assignee: Person; dueAt: string },
): Promise<void> {
  const row = await articles.readable(user, id);
  authorize(user, 'assignment.manage', { edition: row.edition });
  if (row.status === 'published') throw conflict('INVALID_TRANSITION', 'A published article is not assigned: its assignment is done');
  const { assignee } = a;
  if (
    !can({ id: assignee.id, role: assignee.role, desks: desksOf(assignee.role, assignee.desks) }, 'article.create', {
      edition: row.edition,
    })
  ) {
    throw invalid(`assigneeId: ${assignee.name} does not work on the ${row.edition} desk`);
  }
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx: Db) => {
    const open = await openAssignmentOfArticle(trx, id);
    let assignmentId: number;
    if (open) {
      assignmentId = open.id;
      await reassign(trx, open.id, { assigneeId: assignee.id, assignedBy: user.id, dueAt: a.dueAt }, now);
    } else {
      assignmentId = await insertAssignment(
        trx,
        {
          headline: row.headline,
          edition: row.edition,
          sectionId: row.section_id,
          dueAt: a.dueAt,
          note: '',
          assigneeId: assignee.id,
          assignedBy: user.id,
        },
        now,
      );
      await linkAssignmentDraft(trx, assignmentId, id, now);
    }
    if (assignee.id !== user.id && open?.assignee_id !== assignee.id) {
      await insertNotifications(
        trx,
        [{ userId: assignee.id, kind: 'assigned', actorId: user.id, assignmentId, articleId: id, text: '' }],
        now,
        deps.mail ?? false,
      );
    }
  });
}
