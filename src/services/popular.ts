// "Most popular": views counted by the beacon are aggregated in memory and flushed in batches;
// the ranking per edition over the last 24 hours is recomputed on a timer, never per view.
import type { Db } from '../db/connect.ts';
import { EDITION_CODES, type EditionCode } from '../editions/editions.ts';
import { addViews, topArticles, type ViewIncrement } from '../store/views.ts';
import { cardsByIds } from '../store/articles.ts';
import { buildCards } from './cards.ts';
import type { EditionTexts } from './editionText.ts';
import type { ArticleCard } from './pageModels.ts';
import type { SectionsCache } from './sectionsCache.ts';

export const POPULAR_SIZE = 10;
const HOUR = 3_600_000;

export class ViewCounter {
  private pending = new Map<string, ViewIncrement>();
  /** When the oldest view not yet written was counted (null: none waiting). */
  private oldestPending: Date | null = null;

  constructor(private readonly db: Db, private readonly clock: () => Date) {}

  count(articleId: number, edition: EditionCode): void {
    if (this.pending.size === 0 && this.oldestPending === null) this.oldestPending = this.clock();
    const hour = Math.floor(this.clock().getTime() / HOUR);
    const key = `${articleId}|${edition}|${hour}`;
    const entry = this.pending.get(key);
    if (entry) entry.views += 1;
    else this.pending.set(key, { articleId, edition, hour, views: 1 });
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** How long the oldest counted view has waited for its flush, in ms (0 when none waits). */
  flushLagMs(now = this.clock()): number {
    return this.oldestPending ? Math.max(0, now.getTime() - this.oldestPending.getTime()) : 0;
  }

  /** Writes the counted views in one transaction; on failure they are kept for the next flush. */
  async flush(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = [...this.pending.values()];
    const since = this.oldestPending;
    this.pending = new Map();
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

export class PopularService {
  private lists = new Map<EditionCode, ArticleCard[]>();

  constructor(
    private readonly db: Db,
    private readonly texts: EditionTexts,
    private readonly sections: SectionsCache,
    private readonly clock: () => Date,
    /** Called with the editions whose ranking changed (to drop the pages that show it). */
    private readonly onChange: (editions: EditionCode[]) => void,
  ) {}

  get(code: EditionCode): readonly ArticleCard[] {
    return this.lists.get(code) ?? [];
  }

  async refresh(): Promise<EditionCode[]> {
    const now = this.clock();
    const sinceHour = Math.floor(now.getTime() / HOUR) - 23;
    const changed: EditionCode[] = [];
    for (const code of EDITION_CODES) {
      const top = await topArticles(this.db, code, sinceHour, POPULAR_SIZE * 2);
      const rows = await cardsByIds(this.db, top.map((t) => t.article_id), now.toISOString());
      const byId = new Map(rows.map((r) => [r.id, r]));
      const ordered = top.map((t) => byId.get(t.article_id)).filter((r) => r !== undefined).slice(0, POPULAR_SIZE);
      const cards = await buildCards({ db: this.db, sections: this.sections, code, text: this.texts.get(code) }, ordered);
      const before = this.lists.get(code) ?? [];
      const same = before.length === cards.length && before.every((c, i) => c.articleId === cards[i]!.articleId && c.headline === cards[i]!.headline);
      this.lists.set(code, cards);
      if (!same) changed.push(code);
    }
    if (changed.length > 0) this.onChange(changed);
    return changed;
  }
}
