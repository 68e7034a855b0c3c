// The newsroom's article lists: the filtered list, the dashboard, and summaries for other services.
import type { Db } from '../../db/connect.ts';
import { listArticles, mostRead, userNames, type ArticleQuery, type SummaryRow } from '../../store/newsroom.ts';
import type { ArticleList, ArticleSummary, Dashboard, ListQuery } from '../../contracts/newsroom/articles.ts';
import type { SessionUser } from './auth.ts';
import type { Actor } from './permissions.ts';
import { startOfLocalDay } from './time.ts';
import { dayRange } from './dayRange.ts';
import { writtenEdition, type NewsroomArticlesDeps } from './articleRules.ts';

export class ArticleQueries {
  constructor(private readonly deps: NewsroomArticlesDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  private summaries(rows: readonly (SummaryRow & { views?: number })[], names: Map<number, string>): ArticleSummary[] {
    return rows.map((r) => ({
      id: r.id,
      publicId: r.public_id,
      storyId: r.story_id,
      edition: writtenEdition(r.edition),
      sectionId: r.section_id,
      status: r.status,
      headline: r.headline,
      createdBy: r.created_by === null ? null : { id: r.created_by, name: names.get(r.created_by) ?? '' },
      modifiedAt: r.modified_at,
      publishedAt: r.published_at,
      scheduledAt: r.scheduled_at,
      embargo: r.embargo === 1,
      revision: r.revision,
      ...(r.views !== undefined ? { views: r.views } : {}),
    }));
  }

  async summarize(rows: readonly (SummaryRow & { views?: number })[]): Promise<ArticleSummary[]> {
    const names = await userNames(
      this.db,
      rows.flatMap((r) => (r.created_by === null ? [] : [r.created_by])),
    );
    return this.summaries(rows, names);
  }

  async list(user: SessionUser | Actor, q: Omit<ArticleQuery, 'editions'>): Promise<{ items: ArticleSummary[]; total: number }> {
    if (q.edition !== undefined && !(user.desks as readonly string[]).includes(q.edition)) return { items: [], total: 0 };
    const { items, total } = await listArticles(this.db, { ...q, editions: user.desks });
    return { items: await this.summarize(items), total };
  }

  async dashboard(user: SessionUser | Actor): Promise<Dashboard> {
    const now = this.deps.clock();
    const today = startOfLocalDay(now, this.deps.timeZone);
    const editions = user.desks;
    const [mine, waiting, scheduled, publishedToday, read] = await Promise.all([
      listArticles(this.db, { editions, createdBy: user.id, statuses: ['draft', 'returned'], limit: 20 }),
      listArticles(this.db, { editions, statuses: ['submitted'], limit: 20 }),
      listArticles(this.db, { editions, statuses: ['scheduled'], limit: 20, order: 'scheduled' }),
      listArticles(this.db, { editions, statuses: ['published'], publishedFrom: today.toISOString(), limit: 20, order: 'published' }),
      mostRead(this.db, editions, Math.floor(today.getTime() / 3_600_000), 10),
    ]);
    return {
      myDrafts: await this.summarize(mine.items),
      waiting: await this.summarize(waiting.items),
      scheduled: await this.summarize(scheduled.items),
      publishedToday: await this.summarize(publishedToday.items),
      mostReadToday: await this.summarize(read),
    };
  }

  /** The list as the API's query asks for it: one status, the caller's own, a trimmed search, days, sort. */
  async listQuery(user: SessionUser | Actor, q: ListQuery): Promise<ArticleList> {
    return this.list(user, {
      ...dayRange(q.from, q.to, this.deps.timeZone),
      ...(q.sort ? { order: q.sort } : {}),
      ...(q.edition ? { edition: q.edition } : {}),
      ...(q.sectionId ? { sectionId: q.sectionId } : {}),
      ...(q.status ? { statuses: [q.status] } : {}),
      ...(q.authorId ? { authorId: q.authorId } : {}),
      ...(q.q ? { q: q.q.trim() } : {}),
      ...(q.mine ? { createdBy: user.id } : {}),
      limit: q.limit ?? 50,
      offset: q.offset ?? 0,
    });
  }
}
