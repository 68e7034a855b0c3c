// Who else has an article open: the editor sends a heartbeat every 15 s and shows the others seen
// in the last 45 s. The heartbeats live in a table (article_presence), so several processes agree.
import type { Db } from '../../db/connect.ts';
import { othersPresent, removePresence, touchPresence } from '../../store/newsroomStories.ts';
import type { SessionUser } from './auth.ts';
import type { NewsroomArticles } from './articles.ts';

/** Others count as present for 45 s after their last heartbeat (three missed beats). */
export const PRESENCE_MS = 45_000;

export interface PresenceAnswer {
  others: { id: number; name: string; since: string }[];
}

export class NewsroomPresence {
  constructor(private readonly deps: { readonly db: Db; readonly articles: NewsroomArticles; readonly clock: () => Date }) {}

  /** Records the user's heartbeat and answers with the others who have the article open. */
  async heartbeat(user: SessionUser, articleId: number): Promise<PresenceAnswer> {
    await this.deps.articles.readable(user, articleId);
    const now = this.deps.clock();
    await touchPresence(this.deps.db, articleId, user.id, now.toISOString());
    const since = new Date(now.getTime() - PRESENCE_MS).toISOString();
    const others = await othersPresent(this.deps.db, articleId, user.id, since);
    return { others: others.map((o) => ({ id: o.id, name: o.name, since: o.seen_at })) };
  }

  /** The user closed the article. */
  async leave(user: SessionUser, articleId: number): Promise<void> {
    await this.deps.articles.readable(user, articleId);
    await removePresence(this.deps.db, articleId, user.id);
  }
}
