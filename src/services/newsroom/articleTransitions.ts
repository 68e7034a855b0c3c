// The review workflow of an article: submit, return, approve, schedule (with an embargo),
// unschedule, publish, unpublish — and the scheduler's publishing of what is due.
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../../store/audit.ts';
import { dueScheduled, insertTransition } from '../../store/newsroom.ts';
import type { ArticleChange, PublishRow } from '../../store/publishing.ts';
import type { Article, Transition } from '../../contracts/newsroom/articles.ts';
import { PublishingError } from '../publishing.ts';
import { stripBidiControls } from '../../content/text.ts';
import type { SessionUser } from './auth.ts';
import { conflict, emptyBody, invalid } from './errors.ts';
import { authorize, type Actor } from './permissions.ts';
import { notifyArticleEvent } from './notifications.ts';
import { parseUserTime } from './time.ts';
import { canMove, isTransitionName, TRANSITIONS, type TransitionName } from './workflow.ts';
import { isEmptyBody } from '../../content/emptyBody.ts';
import { authorizeRead, bodyOf, fromPublishing, target, type ArticleCore, type NewsroomArticlesDeps } from './articleRules.ts';

/** The transitions that notify the article's writer and assignee (notifications.ts). */
const NOTIFIED = { return: 'returned', approve: 'approved', publish: 'published' } as const;

export class ArticleTransitions {
  constructor(
    private readonly deps: NewsroomArticlesDeps,
    private readonly core: ArticleCore,
  ) {}

  async transition(user: SessionUser | Actor, id: number, t: Transition): Promise<Article> {
    const row = await this.core.row(id);
    authorizeRead(user, row);
    if (!isTransitionName(t.action)) throw invalid(`action: one of ${Object.keys(TRANSITIONS).join(', ')}`);
    const spec = TRANSITIONS[t.action];
    authorize(user, spec.permission, target(row));
    if (!canMove(t.action, row.status)) {
      throw conflict(
        'INVALID_TRANSITION',
        `An article that is ${row.status} cannot be ${t.action === 'return' ? 'returned' : `${t.action}ed`.replace('ee', 'e')}`,
      );
    }
    const comment = stripBidiControls(t.comment ?? '').trim();
    if (comment.length > 2000) throw invalid('comment: at most 2000 characters');
    if (t.action === 'return' && !comment) throw invalid('comment: say what to fix when returning an article');
    let scheduledAt: string | null = null;
    if (t.action === 'schedule') {
      const at = t.at === undefined ? null : parseUserTime(t.at, this.deps.timeZone);
      if (!at) throw invalid('at: a time as YYYY-MM-DDTHH:mm (agency time) or ISO 8601 with an offset');
      if (at.getTime() <= this.deps.clock().getTime()) throw invalid('at: the time must be in the future');
      scheduledAt = at.toISOString();
    }
    if (t.action === 'publish' || t.action === 'schedule') {
      if (!row.headline.trim()) throw invalid('headline: an article needs a headline before it goes out');
      if (isEmptyBody(bodyOf(row))) throw emptyBody();
    }
    const record = (action: string, auditAction: string | null) => async (trx: Db, saved: { revision: number; before: PublishRow }) => {
      const now = this.deps.clock().toISOString();
      await insertTransition(trx, {
        articleId: row.id,
        action,
        from: saved.before.status,
        to: spec.to,
        userId: user.id,
        at: now,
        comment,
        revision: saved.revision,
      });
      const notice = NOTIFIED[action as keyof typeof NOTIFIED];
      if (notice)
        await notifyArticleEvent(trx, {
          kind: notice,
          articleId: row.id,
          actorId: user.id,
          text: comment,
          at: now,
          mail: this.deps.mail ?? false,
        });
      if (auditAction)
        await recordAudit(
          trx,
          {
            userId: user.id,
            action: auditAction,
            targetType: 'article',
            targetId: row.id,
            detail: { from: saved.before.status, revision: saved.revision },
          },
          now,
        );
    };
    try {
      if (t.action === 'publish') {
        await this.deps.publishing.publish(row.id, { revision: t.revision, userId: user.id, also: record('publish', 'article.publish') });
      } else if (t.action === 'unpublish') {
        await this.deps.publishing.unpublish(row.id, {
          revision: t.revision,
          userId: user.id,
          also: record('unpublish', 'article.unpublish'),
        });
      } else {
        await this.deps.publishing.apply(row.id, t.revision, user.id, (current) => {
          if (!canMove(t.action as TransitionName, current.status))
            throw new PublishingError('INVALID_STATE', `the article is ${current.status}`);
          const change: ArticleChange = { status: spec.to };
          if (t.action === 'schedule') Object.assign(change, { scheduled_at: scheduledAt, embargo: t.embargo ? 1 : 0 });
          if (t.action === 'unschedule') Object.assign(change, { scheduled_at: null, embargo: 0 });
          return { change, also: record(t.action, t.action === 'schedule' ? 'article.schedule' : null) };
        });
      }
    } catch (e) {
      return fromPublishing(e, () => this.core.get(user, id));
    }
    return this.core.get(user, id);
  }

  /** Publishes every scheduled article whose time has come (the scheduler calls this every 10 s). */
  async publishDue(): Promise<number> {
    const now = this.deps.clock().toISOString();
    let published = 0;
    for (const due of await dueScheduled(this.deps.db, now)) {
      try {
        await this.deps.publishing.publish(due.id, {
          revision: due.revision,
          also: async (trx, saved) => {
            await insertTransition(trx, {
              articleId: due.id,
              action: 'publish',
              from: 'scheduled',
              to: 'published',
              userId: null,
              at: now,
              comment: '',
              revision: saved.revision,
            });
            await notifyArticleEvent(trx, {
              kind: 'published',
              articleId: due.id,
              actorId: null,
              text: '',
              at: now,
              mail: this.deps.mail ?? false,
            });
            await recordAudit(
              trx,
              {
                userId: null,
                action: 'article.publish',
                targetType: 'article',
                targetId: due.id,
                detail: { scheduled: true, revision: saved.revision },
              },
              now,
            );
          },
        });
        published += 1;
      } catch (e) {
        // Someone changed it in the meantime (unscheduled, saved): the next run looks again.
        if (!(e instanceof PublishingError)) throw e;
      }
    }
    return published;
  }
}
