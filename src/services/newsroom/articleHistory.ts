// An article's history: the timeline of transitions, the revisions, one revision's content, the
// word-level diff of two, and restoring an old revision as a new one.
import type { Db } from '../../db/connect.ts';
import { revisionOf, revisionsOf, transitionsOf } from '../../store/newsroom.ts';
import type { Article, Diff, Revision, RevisionItem, TimelineItem } from '../../contracts/newsroom/articles.ts';
import type { SessionUser } from './auth.ts';
import { notFound } from './errors.ts';
import { authorize, type Actor } from './permissions.ts';
import { diffRunner } from './diffRunner.ts';
import { restorePatch } from './restore.ts';
import { expandRevision } from '../demoArchive.ts';
import { parseRevisionSnapshot, type RevisionSnapshot } from './revisions.ts';
import { authorizeRead, EMPTY_BODY, target, type ArticleCore, type NewsroomArticlesDeps } from './articleRules.ts';

export class ArticleHistory {
  constructor(
    private readonly deps: NewsroomArticlesDeps,
    private readonly core: ArticleCore,
  ) {}

  private get db(): Db {
    return this.deps.db;
  }

  async timeline(user: SessionUser | Actor, id: number): Promise<TimelineItem[]> {
    const row = await this.core.row(id);
    authorizeRead(user, row);
    const items = await transitionsOf(this.db, row.id);
    return items.map((t) => ({
      action: t.action,
      from: t.from_status,
      to: t.to_status,
      at: t.at,
      comment: t.comment,
      revision: t.revision,
      user: t.user_id === null ? null : { id: t.user_id, name: t.user_name ?? '' },
    }));
  }

  async revisions(user: SessionUser | Actor, id: number): Promise<RevisionItem[]> {
    const row = await this.core.row(id);
    authorizeRead(user, row);
    return (await revisionsOf(this.db, row.id)).map((r) => ({
      revision: r.revision,
      at: r.created_at,
      user: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' },
    }));
  }

  private async snapshot(
    articleId: number,
    revision: number,
  ): Promise<{ data: RevisionSnapshot; at: string; user: { id: number; name: string } | null }> {
    const r = Number.isSafeInteger(revision) ? await revisionOf(this.db, articleId, revision) : undefined;
    if (!r) throw notFound(`No revision ${revision}`);
    // A generated archive article keeps a compact recipe of its text (demoSeed.ts): expanded here.
    const stored = await expandRevision(JSON.parse(r.data) as Record<string, unknown>);
    return {
      data: parseRevisionSnapshot(stored),
      at: r.created_at,
      user: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' },
    };
  }

  async revision(user: SessionUser | Actor, id: number, revision: number): Promise<Revision> {
    const row = await this.core.row(id);
    authorizeRead(user, row);
    const s = await this.snapshot(row.id, revision);
    const d = s.data;
    return {
      revision,
      at: s.at,
      user: s.user,
      headline: d.headline,
      lead: d.lead,
      body: (d.body ?? EMPTY_BODY) as Revision['body'],
      sectionId: d.sectionId ?? null,
      tagIds: [...d.tagIds],
      authorIds: [...d.authorIds],
      sourceLine: d.sourceLine,
      slug: d.slug,
      status: d.status ?? null,
    };
  }

  async diff(user: SessionUser | Actor, id: number, from: number, to: number): Promise<Diff> {
    const row = await this.core.row(id);
    authorizeRead(user, row);
    const [a, b] = await Promise.all([this.snapshot(row.id, from), this.snapshot(row.id, to)]);
    // In a worker thread: a long comparison must not hold the event loop (diffRunner.ts).
    const c = await diffRunner.compare(a.data.raw, b.data.raw);
    return {
      from,
      to,
      fields: c.fields.map((f) => ({ field: f.field, parts: [...f.parts] })),
      changes: [...c.changes],
      limited: c.limited,
    };
  }

  /** Saves revision n's content as a new revision (guarded by the current one). */
  async restore(user: SessionUser | Actor, id: number, revision: number, current: number): Promise<Article> {
    const row = await this.core.row(id);
    authorizeRead(user, row);
    authorize(user, row.status === 'published' ? 'article.correct' : 'article.restore', target(row));
    const d = (await this.snapshot(row.id, revision)).data;
    // The lead photo's own caption and credit come back with it (a snapshot from before they were
    // kept leaves the current ones as they are).
    return this.core.save(
      user,
      id,
      await restorePatch(this.db, d, current, EMPTY_BODY),
      d.heroTexts === undefined ? {} : { heroTexts: d.heroTexts },
    );
  }
}
