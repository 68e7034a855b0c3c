// Comments on an article, for the newsroom only: threaded (an answer names its parent), with
// @mentions of the people who can open the article (each mention notifies once); a reply notifies
// the author of the comment it answers. They live in their
// own table, so no published text, feed or API ever carries them. Only the author edits or deletes.
import type { Db } from '../../db/connect.ts';
import type { Comment } from '../../contracts/newsroom/people.ts';
import { stripBidiControls } from '../../content/text.ts';
import type { PublishRow } from '../../store/publishing.ts';
import {
  activePeople,
  commentById,
  commentsOf,
  deleteComment,
  insertComment,
  insertNotifications,
  namesOf,
  updateComment,
  type CommentRow,
} from '../../store/people.ts';
import type { SessionUser } from './auth.ts';
import type { NewsroomArticles } from './articles.ts';
import { target } from './articleRules.ts';
import { invalid, NewsroomError, notFound } from './errors.ts';
import { findMentions } from './mentions.ts';
import { can, desksOf } from './permissions.ts';

/** How much of a comment a mention's notification quotes. */
const QUOTE = 200;

function commentText(raw: string): string {
  const text = stripBidiControls(raw)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .trim();
  if (!text) throw invalid('body: write something');
  if (text.length > 4000) throw invalid('body: at most 4000 characters');
  return text;
}

export class NewsroomComments {
  constructor(
    private readonly deps: {
      readonly db: Db;
      readonly articles: NewsroomArticles;
      readonly clock: () => Date;
      /** Notifications are also queued for e-mail (SMTP_URL is set). */
      readonly mail?: boolean;
    },
  ) {}

  async list(user: SessionUser, articleId: number): Promise<{ items: Comment[] }> {
    await this.deps.articles.readable(user, articleId);
    return { items: await this.present(await commentsOf(this.deps.db, articleId)) };
  }

  async add(user: SessionUser, articleId: number, input: { body: string; parentId?: number | undefined }): Promise<Comment> {
    const article = await this.deps.articles.readable(user, articleId);
    const body = commentText(input.body);
    let parent: CommentRow | undefined;
    if (input.parentId !== undefined) {
      parent = await commentById(this.deps.db, input.parentId);
      if (!parent || parent.article_id !== articleId) throw invalid('parentId: not a comment on this article');
    }
    const mentioned = await this.mentionable(article, body);
    // A reply notifies the author of the comment it answers (once, even when it also mentions them;
    // never the one replying, nor someone who can no longer sign in or open the article).
    const repliedTo =
      parent && parent.deleted_at === null && parent.user_id !== user.id ? await this.reader(article, parent.user_id) : null;
    const text = body.slice(0, QUOTE);
    const now = this.deps.clock().toISOString();
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const commentId = await insertComment(
        trx,
        { articleId, parentId: input.parentId ?? null, userId: user.id, body, mentions: mentioned.map((p) => p.id) },
        now,
      );
      await insertNotifications(
        trx,
        [
          ...(repliedTo === null ? [] : [{ userId: repliedTo, kind: 'replied' as const, actorId: user.id, articleId, commentId, text }]),
          ...mentioned
            .filter((p) => p.id !== user.id && p.id !== repliedTo)
            .map((p) => ({ userId: p.id, kind: 'mentioned' as const, actorId: user.id, articleId, commentId, text })),
        ],
        now,
        this.deps.mail ?? false,
      );
      return commentId;
    });
    return this.one(id);
  }

  /** An edit notifies only the people it newly mentions. */
  async edit(user: SessionUser, id: number, raw: string): Promise<Comment> {
    const row = await this.own(user, id);
    const article = await this.deps.articles.readable(user, row.article_id);
    const body = commentText(raw);
    const before = new Set(JSON.parse(row.mentions) as number[]);
    const mentioned = await this.mentionable(article, body);
    const now = this.deps.clock().toISOString();
    await this.deps.db.transaction().execute(async (trx) => {
      await updateComment(
        trx,
        id,
        body,
        mentioned.map((p) => p.id),
        now,
      );
      await insertNotifications(
        trx,
        mentioned
          .filter((p) => p.id !== user.id && !before.has(p.id))
          .map((p) => ({
            userId: p.id,
            kind: 'mentioned',
            actorId: user.id,
            articleId: row.article_id,
            commentId: id,
            text: body.slice(0, QUOTE),
          })),
        now,
        this.deps.mail ?? false,
      );
    });
    return this.one(id);
  }

  async remove(user: SessionUser, id: number): Promise<void> {
    await this.own(user, id);
    await deleteComment(this.deps.db, id, this.deps.clock().toISOString());
  }

  /** The comment, if the user may read its article and wrote it (another's: 403). */
  private async own(user: SessionUser, id: number): Promise<CommentRow> {
    const row = await commentById(this.deps.db, id);
    if (!row) throw notFound('No such comment');
    await this.deps.articles.readable(user, row.article_id);
    if (row.deleted_at !== null) throw notFound('The comment was deleted');
    if (row.user_id !== user.id) throw new NewsroomError('FORBIDDEN', 'Not allowed: only its author edits or deletes a comment');
    return row;
  }

  /** The user's id if they are active and can open the article, else null. */
  private async reader(article: PublishRow, userId: number): Promise<number | null> {
    const p = (await activePeople(this.deps.db)).find((q) => q.id === userId);
    if (!p) return null;
    const mayRead =
      article.status === 'published' || can({ id: p.id, role: p.role, desks: desksOf(p.role, p.desks) }, 'article.read', target(article));
    return mayRead ? p.id : null;
  }

  /** Mentions resolve only to active users who can open the article; any other "@…" stays text. */
  private async mentionable(article: PublishRow, body: string) {
    if (!body.includes('@')) return [];
    const people = (await activePeople(this.deps.db)).filter(
      (p) =>
        article.status === 'published' || can({ id: p.id, role: p.role, desks: desksOf(p.role, p.desks) }, 'article.read', target(article)),
    );
    return findMentions(body, people);
  }

  private async one(id: number): Promise<Comment> {
    const row = await commentById(this.deps.db, id);
    if (!row) throw notFound('No such comment');
    const [comment] = await this.present([row]);
    return comment!;
  }

  private async present(rows: readonly CommentRow[]): Promise<Comment[]> {
    const ids = rows.flatMap((r) => JSON.parse(r.mentions) as number[]);
    const names = await namesOf(this.deps.db, ids);
    return rows.map((r) => ({
      id: r.id,
      articleId: r.article_id,
      parentId: r.parent_id,
      author: { id: r.user_id, name: r.user_name },
      body: r.body,
      mentions: (JSON.parse(r.mentions) as number[]).flatMap((m) => {
        const name = names.get(m);
        return name === undefined ? [] : [{ id: m, name }];
      }),
      createdAt: r.created_at,
      editedAt: r.edited_at,
      deleted: r.deleted_at !== null,
    }));
  }
}
