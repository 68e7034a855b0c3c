// "Most popular": views counted by the beacon are aggregated in memory and flushed in batches;
// the rankings per edition over the last 24 hours and the last 7 days are recomputed on a timer,
// never per view.
import type { Db } from '../db/connect.ts';
import { EDITION_CODES, type EditionCode } from '../editions/editions.ts';
import { addViews, articleIdForView, topArticles, type ViewIncrement } from '../store/views.ts';
import { cardsByIds } from '../store/articles.ts';
import type { EditionContent } from './editionContent.ts';
import type { ArticleCard } from './pageModels.ts';

export const POPULAR_SIZE = 10;
const HOUR = 3_600_000;

/** Views counted since the last write that start a write at once, before the timer's turn. */
export const VIEW_FLUSH_BATCH = 500;

/**
 * Counts views in memory and writes them in batches: every VIEW_FLUSH_MS (by the app's timer), on
 * close, and as soon as VIEW_FLUSH_BATCH views have piled up. A `kill -9` loses what was counted
 * since the last write: at most VIEW_FLUSH_MS of beacons, and under load at most about a batch.
 */
export class ViewCounter {
  private pending = new Map<string, ViewIncrement>();
  /** Views counted since the last write began. */
  private unwritten = 0;
  private writing: Promise<number> | null = null;
  /** When the oldest view not yet written was counted (null: none waiting). */
  private oldestPending: Date | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
    private readonly batch = VIEW_FLUSH_BATCH,
  ) {}

  /** A reader's view beacon: counts the article of this public id (`a3f9c2`), if there is one. */
  async countPublicId(publicId: string, edition: EditionCode): Promise<void> {
    const found = await articleIdForView(this.db, publicId);
    if (found) this.count(found.id, edition);
  }

  count(articleId: number, edition: EditionCode): void {
    if (this.pending.size === 0 && this.oldestPending === null) this.oldestPending = this.clock();
    const hour = Math.floor(this.clock().getTime() / HOUR);
    const key = `${articleId}|${edition}|${hour}`;
    const entry = this.pending.get(key);
    if (entry) entry.views += 1;
    else this.pending.set(key, { articleId, edition, hour, views: 1 });
    // A failed early write keeps its views for the next write (the timer's logs the error); the
    // next early one waits for another batch, so a database outage is not retried per beacon.
    if (++this.unwritten >= this.batch && !this.writing) this.startWrite().catch(() => undefined);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** How long the oldest counted view has waited for its flush, in ms (0 when none waits). */
  flushLagMs(now = this.clock()): number {
    return this.oldestPending ? Math.max(0, now.getTime() - this.oldestPending.getTime()) : 0;
  }

  /**
   * Writes the counted views in one transaction; on failure they are kept for the next flush.
   * Returns the views written, counting a write already under way that it waited for.
   */
  async flush(): Promise<number> {
    // One write at a time: a flush called during another waits for it, then writes what is left.
    let written = 0;
    while (this.writing) written += await this.writing.catch(() => 0);
    if (this.pending.size === 0) return written;
    return written + (await this.startWrite());
  }

  /** Resolves when no write is under way. */
  async settled(): Promise<void> {
    while (this.writing) await this.writing.catch(() => undefined);
  }

  /** Starts a write and marks it under way at once (before anything is awaited). */
  private startWrite(): Promise<number> {
    const writing: Promise<number> = this.write().finally(() => {
      if (this.writing === writing) this.writing = null;
    });
    this.writing = writing;
    return writing;
  }

  /** Takes everything counted so far (synchronously) and stores it. */
  private async write(): Promise<number> {
    const batch = [...this.pending.values()];
    const since = this.oldestPending;
    this.pending = new Map();
    this.unwritten = 0;
    this.oldestPending = null;
    try {
      await addViews(this.db, batch);
    } catch (error) {
      const newer = this.oldestPending as Date | null;
      if (since && (!newer || since < newer)) this.oldestPending = since;
      for (const v of batch) {
        const key = `${v.articleId}|${v.edition}|${v.hour}`;
        const e = this.pending.get(key);
        if (e) e.views += v.views;
        else this.pending.set(key, v);
      }
      throw error;
    }
    return batch.reduce((n, v) => n + v.views, 0);
  }
}

/** The two rankings: the last 24 hours ("today") and the last 7 days ("this week"). */
export type PopularPeriod = 'day' | 'week';
const PERIOD_HOURS: Readonly<Record<PopularPeriod, number>> = { day: 24, week: 24 * 7 };

export class PopularService {
  private lists = new Map<string, ArticleCard[]>();

  constructor(
    private readonly db: Db,
    /** Cards as each edition shows them (converted, overrides applied, photos with the edition's captions). */
    private readonly content: EditionContent,
    private readonly clock: () => Date,
    /** Called with the editions whose ranking changed (to drop the pages that show it). */
    private readonly onChange: (editions: EditionCode[]) => void,
  ) {}

  /** The most read articles of an edition over the last 24 hours. */
  get(code: EditionCode): readonly ArticleCard[] {
    return this.ranking(code, 'day');
  }

  /** The most read articles of an edition over a period, best first. */
  ranking(code: EditionCode, period: PopularPeriod): readonly ArticleCard[] {
    return this.lists.get(`${code}|${period}`) ?? [];
  }

  async refresh(): Promise<EditionCode[]> {
    const now = this.clock();
    const hourNow = Math.floor(now.getTime() / HOUR);
    // Every edition and period at once (three round trips in all, not three per list: a publish
    // waits for this refresh).
    const changedIn = await Promise.all(
      EDITION_CODES.map(async (code) => {
        const same = await Promise.all((['day', 'week'] as const).map((period) => this.refreshList(code, period, hourNow, now)));
        return same.includes(false);
      }),
    );
    const changed = EDITION_CODES.filter((_, i) => changedIn[i]);
    if (changed.length > 0) this.onChange(changed);
    return changed;
  }

  /** Reads one ranking again; whether it is the same as before. */
  private async refreshList(code: EditionCode, period: PopularPeriod, hourNow: number, now: Date): Promise<boolean> {
    const top = await topArticles(this.db, code, hourNow - PERIOD_HOURS[period] + 1, POPULAR_SIZE * 2);
    const rows = await cardsByIds(
      this.db,
      top.map((t) => t.article_id),
      now.toISOString(),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered = top
      .map((t) => byId.get(t.article_id))
      .filter((r) => r !== undefined)
      .slice(0, POPULAR_SIZE);
    const cards = await this.content.cards(code, ordered);
    const key = `${code}|${period}`;
    const before = this.lists.get(key) ?? [];
    const same =
      before.length === cards.length &&
      before.every(
        (c, i) => c.articleId === cards[i]!.articleId && c.headline === cards[i]!.headline && c.image?.caption === cards[i]!.image?.caption,
      );
    this.lists.set(key, cards);
    return same;
  }
}
