// Assignments: an editor gives a story to someone (planned headline, desk and section, due time in
// the agency's time zone); the assignee sees it in "My work" and starts the draft from it (linked
// to it); editors see every open assignment of their desks. Publishing the draft finishes it.
import type { Db } from '../../db/connect.ts';
import type { Assignment, AssignmentList, NewAssignment, People } from '../../contracts/newsroom/people.ts';
import type { Article } from '../../contracts/newsroom/articles.ts';
import type { WrittenEditionCode } from '../../editions/editions.ts';
import { stripBidiControls } from '../../content/text.ts';
import {
  activePeople,
  assignmentById,
  insertAssignment,
  insertNotifications,
  linkAssignmentDraft,
  openAssignments,
  setAssignmentStatus,
} from '../../store/people.ts';
import type { SessionUser } from './auth.ts';
import type { NewsroomArticles } from './articles.ts';
import { checkRefs } from './articleRules.ts';
import { conflict, invalid, NewsroomError, notFound } from './errors.ts';
import { authorize, can, desksOf } from './permissions.ts';
import { parseUserTime } from './time.ts';

type Row = NonNullable<Awaited<ReturnType<typeof assignmentById>>>;

function present(r: Row): Assignment {
  return {
    id: r.id,
    headline: r.headline,
    edition: r.edition as WrittenEditionCode,
    sectionId: r.section_id,
    dueAt: r.due_at,
    note: r.note,
    assignee: { id: r.assignee_id, name: r.assignee_name },
    assignedBy: { id: r.assigned_by, name: r.assigner_name },
    status: r.status,
    articleId: r.article_id,
    createdAt: r.created_at,
  };
}

export class NewsroomAssignments {
  constructor(
    private readonly deps: {
      readonly db: Db;
      readonly articles: NewsroomArticles;
      readonly clock: () => Date;
      readonly timeZone: string;
      /** Notifications are also queued for e-mail (SMTP_URL is set). */
      readonly mail?: boolean;
    },
  ) {}

  /** Everyone signed in may see who works here (to assign, to mention). */
  async people(): Promise<People> {
    const rows = await activePeople(this.deps.db);
    return { items: rows.map((r) => ({ id: r.id, name: r.name, desks: desksOf(r.role, r.desks) })) };
  }

  async list(user: SessionUser, scope: 'mine' | 'open' = 'mine'): Promise<AssignmentList> {
    if (scope === 'mine') return { items: (await openAssignments(this.deps.db, { assigneeId: user.id })).map(present) };
    authorize(user, 'assignment.manage');
    const editions = user.desks.filter((edition) => can(user, 'assignment.manage', { edition }));
    return { items: (await openAssignments(this.deps.db, { editions })).map(present) };
  }

  async assign(user: SessionUser, input: NewAssignment): Promise<Assignment> {
    authorize(user, 'assignment.manage', { edition: input.edition });
    const headline = stripBidiControls(input.headline).trim();
    if (!headline) throw invalid('headline: the planned headline is required');
    const due = parseUserTime(input.due, this.deps.timeZone);
    if (!due) throw invalid('due: a time as YYYY-MM-DDTHH:mm (agency time) or ISO 8601 with an offset');
    const now = this.deps.clock();
    if (due.getTime() <= now.getTime()) throw invalid('due: the time must be in the future');
    await checkRefs(this.deps.db, { sectionId: input.sectionId });
    const assignee = (await activePeople(this.deps.db)).find((p) => p.id === input.assigneeId);
    if (!assignee) throw invalid('assigneeId: no such active user');
    if (
      !can({ id: assignee.id, role: assignee.role, desks: desksOf(assignee.role, assignee.desks) }, 'article.create', {
        edition: input.edition,
      })
    ) {
      throw invalid(`assigneeId: ${assignee.name} does not work on the ${input.edition} desk`);
    }
    const at = now.toISOString();
    const note = stripBidiControls(input.note ?? '').trim();
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const assignmentId = await insertAssignment(
        trx,
        {
          headline,
          edition: input.edition,
          sectionId: input.sectionId,
          dueAt: due.toISOString(),
          note,
          assigneeId: assignee.id,
          assignedBy: user.id,
        },
        at,
      );
      if (assignee.id !== user.id) {
        await insertNotifications(
          trx,
          [{ userId: assignee.id, kind: 'assigned', actorId: user.id, assignmentId, text: note }],
          at,
          this.deps.mail ?? false,
        );
      }
      return assignmentId;
    });
    return present((await assignmentById(this.deps.db, id))!);
  }

  /** Done (its assignee or an editor of its desk) or cancelled (an editor of its desk). */
  async change(user: SessionUser, id: number, status: 'done' | 'cancelled'): Promise<Assignment> {
    const row = await this.visible(user, id);
    // The assignee may say it is done; only an editor of the desk cancels it.
    if (row.assignee_id !== user.id || status === 'cancelled') authorize(user, 'assignment.manage', { edition: row.edition });
    await setAssignmentStatus(this.deps.db, id, status, this.deps.clock().toISOString());
    return present((await assignmentById(this.deps.db, id))!);
  }

  /** The assignee starts the draft: headline, desk and section from the assignment, linked to it. */
  async startDraft(user: SessionUser, id: number): Promise<Article> {
    const row = await this.visible(user, id);
    if (row.assignee_id !== user.id)
      throw new NewsroomError('FORBIDDEN', 'Not allowed: only its assignee starts the draft of an assignment');
    if (row.status !== 'open') throw conflict('CONFLICT', `The assignment is ${row.status}`);
    if (row.article_id !== null)
      throw conflict('CONFLICT', 'The draft of this assignment is already started', { articleId: row.article_id });
    const article = await this.deps.articles.create(user, {
      edition: row.edition as WrittenEditionCode,
      sectionId: row.section_id,
      headline: row.headline,
    });
    if (!(await linkAssignmentDraft(this.deps.db, id, article.id, this.deps.clock().toISOString()))) {
      await this.deps.articles.remove(user, article.id);
      throw conflict('CONFLICT', 'The draft of this assignment is already started');
    }
    return article;
  }

  /** Its assignee and the editors of its desk see an assignment; anyone else learns nothing of it. */
  private async visible(user: SessionUser, id: number): Promise<Row> {
    const row = await assignmentById(this.deps.db, id);
    if (!row || (row.assignee_id !== user.id && !can(user, 'assignment.manage', { edition: row.edition }))) {
      throw notFound('No such assignment');
    }
    return row;
  }
}
