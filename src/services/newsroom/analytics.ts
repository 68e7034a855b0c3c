// Editors' analytics from the view beacon's hourly counts (view_counts): views per hour (48 hours)
// and per local day (30 days) for each reading edition, the top articles of today and of the week
// with their trend against the previous period of the same length, the shares of views by edition
// and by section, and one article's own chart. A "day" is a day in the agency's time zone
// (Asia/Almaty, UTC+5): its hours run from 19:00 UTC of the day before.
import type { Db } from '../../db/connect.ts';
import { EDITION_CODES, EDITIONS, type EditionCode } from '../../editions/editions.ts';
import type { AnalyticsOverview, ArticleViews, Share, TopArticle } from '../../contracts/newsroom/analytics.ts';
import {
  headlineOverrides,
  topInEdition,
  viewsByEditionHour,
  viewsBySection,
  viewsOfArticles,
  type HourRange,
} from '../../store/analytics.ts';
import type { EditionTexts } from '../editionText.ts';
import { authorize, type Actor } from './permissions.ts';
import type { SessionUser } from './auth.ts';
import type { NewsroomArticles } from './articles.ts';
import { startOfLocalDay } from './time.ts';

const HOUR_MS = 3_600_000;
export const HOURS_SHOWN = 48;
export const DAYS_SHOWN = 30;
export const TOP_SIZE = 10;

export interface AnalyticsDeps {
  readonly db: Db;
  readonly articles: NewsroomArticles;
  /** A derived edition's top list shows its headlines in its script (the editors' overrides first). */
  readonly texts: EditionTexts;
  readonly clock: () => Date;
  readonly timeZone: string;
}

/** The calendar: the last 48 hours and the starts (in hours) of the last 30 local days. */
interface Calendar {
  readonly nowHour: number;
  readonly hours: HourRange;
  /** The first hour of each of the 30 days, oldest first; the last one is today's. */
  readonly dayStarts: readonly number[];
  readonly days: readonly string[];
}

export class NewsroomAnalytics {
  constructor(private readonly deps: AnalyticsDeps) {}

  /** The analytics screen: the user's desks' articles, read in any edition. */
  async overview(user: SessionUser | Actor): Promise<AnalyticsOverview> {
    authorize(user, 'analytics.read');
    const { db } = this.deps;
    const cal = this.calendar();
    const desks = user.desks;
    const month: HourRange = { from: cal.dayStarts[0]!, to: cal.nowHour };
    const rows = await viewsByEditionHour(db, desks, { from: Math.min(month.from, cal.hours.from), to: cal.nowHour });
    const editions = readingEditions(rows.map((r) => r.edition));

    const top: AnalyticsOverview['top'] = [];
    const todayStart = cal.dayStarts[cal.dayStarts.length - 1]!;
    const weekStart = cal.dayStarts[cal.dayStarts.length - 7]!;
    for (const edition of editions) {
      top.push({
        edition,
        today: await this.top(desks, edition, { from: todayStart, to: cal.nowHour }),
        week: await this.top(desks, edition, { from: weekStart, to: cal.nowHour }),
      });
    }

    const perEdition = new Map<string, number>();
    for (const r of rows) if (r.hour >= month.from) perEdition.set(r.edition, (perEdition.get(r.edition) ?? 0) + r.views);
    const byEdition = shares(
      editions.map((e) => ({ key: e, name: EDITIONS[e as EditionCode]?.label ?? e, views: perEdition.get(e) ?? 0 })),
    );
    const uiEdition = 'uiLang' in user ? user.uiLang : 'en';
    const sections = await viewsBySection(db, desks, month, uiEdition);
    const bySection = shares(sections.map((s) => ({ key: s.key, name: s.name ?? s.key, views: s.views })));

    return {
      timeZone: this.deps.timeZone,
      hourly: hourly(cal, editions, rows),
      daily: daily(cal, editions, rows),
      top,
      byEdition,
      bySection,
    };
  }

  /** One article's views in every edition it was read in (whoever may open it and is allowed the chart). */
  async article(user: SessionUser | Actor, id: number): Promise<ArticleViews> {
    const row = await this.deps.articles.readable(user, id, 'analytics.article');
    const cal = this.calendar();
    const rows = await viewsByEditionHour(
      this.deps.db,
      [row.edition],
      { from: Math.min(cal.dayStarts[0]!, cal.hours.from), to: cal.nowHour },
      id,
    );
    const editions = readingEditions(rows.map((r) => r.edition));
    const total = rows.filter((r) => r.hour >= cal.dayStarts[0]!).reduce((n, r) => n + r.views, 0);
    return { timeZone: this.deps.timeZone, total, hourly: hourly(cal, editions, rows), daily: daily(cal, editions, rows) };
  }

  private async top(desks: readonly string[], edition: string, range: HourRange): Promise<TopArticle[]> {
    const items = await topInEdition(this.deps.db, desks, edition, range, TOP_SIZE);
    // The previous period has the same length and ends where this one starts.
    const length = range.to - range.from + 1;
    const before = await viewsOfArticles(
      this.deps.db,
      edition,
      items.map((i) => i.id),
      { from: range.from - length, to: range.from - 1 },
    );
    const headline = await this.headlines(edition, items);
    return items.map((i) => {
      const previous = before.get(i.id) ?? 0;
      return { ...i, headline: headline(i), previous, change: previous === 0 ? null : i.views / previous - 1 };
    });
  }

  /** Headlines as a reading edition shows them: a derived one converts (or takes an editor's override). */
  private async headlines(edition: string, items: readonly { id: number; headline: string }[]) {
    if (!(EDITION_CODES as readonly string[]).includes(edition) || EDITIONS[edition as EditionCode].kind !== 'derived')
      return (i: { headline: string }) => i.headline;
    const text = this.deps.texts.get(edition as EditionCode);
    const overrides = await headlineOverrides(
      this.deps.db,
      edition,
      items.map((i) => i.id),
    );
    return (i: { id: number; headline: string }) => overrides.get(i.id) ?? text.tx(i.headline);
  }

  private calendar(): Calendar {
    const { clock, timeZone } = this.deps;
    const now = clock();
    const nowHour = Math.floor(now.getTime() / HOUR_MS);
    const today = startOfLocalDay(now, timeZone);
    const starts: number[] = [];
    const days: string[] = [];
    for (let i = DAYS_SHOWN - 1; i >= 0; i--) {
      // Noon of each earlier day, so that a day of 23 or 25 hours (daylight saving) is still found.
      const start = i === 0 ? today : startOfLocalDay(new Date(today.getTime() - i * 24 * HOUR_MS + 12 * HOUR_MS), timeZone);
      starts.push(Math.floor(start.getTime() / HOUR_MS));
      days.push(localDate(start, timeZone));
    }
    return { nowHour, hours: { from: nowHour - HOURS_SHOWN + 1, to: nowHour }, dayStarts: starts, days };
  }
}

/** Reading editions in the table's order (written editions first, as in EDITION_CODES). */
function readingEditions(seen: readonly string[]): string[] {
  const set = new Set(seen);
  return [...EDITION_CODES.filter((e) => set.has(e)), ...[...set].filter((e) => !(EDITION_CODES as readonly string[]).includes(e)).sort()];
}

function hourly(cal: Calendar, editions: readonly string[], rows: readonly { edition: string; hour: number; views: number }[]) {
  const points = Array.from({ length: HOURS_SHOWN }, (_, i) => cal.hours.from + i);
  const series: Record<string, number[]> = Object.fromEntries(editions.map((e) => [e, points.map(() => 0)]));
  for (const r of rows) {
    const at = r.hour - cal.hours.from;
    if (at >= 0 && at < HOURS_SHOWN) series[r.edition]![at]! += r.views;
  }
  return { points: points.map((h) => h * 3600), series };
}

function daily(cal: Calendar, editions: readonly string[], rows: readonly { edition: string; hour: number; views: number }[]) {
  const series: Record<string, number[]> = Object.fromEntries(editions.map((e) => [e, cal.dayStarts.map(() => 0)]));
  for (const r of rows) {
    const day = dayOf(cal.dayStarts, r.hour);
    if (day >= 0) series[r.edition]![day]! += r.views;
  }
  return { points: cal.dayStarts.map((h) => h * 3600), days: [...cal.dayStarts.keys()].map((i) => cal.days[i]!), series };
}

/** The index of the local day an hour falls in (-1 before the first). */
export function dayOf(dayStarts: readonly number[], hour: number): number {
  for (let i = dayStarts.length - 1; i >= 0; i--) if (hour >= dayStarts[i]!) return i;
  return -1;
}

function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

function shares(items: readonly Omit<Share, 'share'>[]): Share[] {
  const total = items.reduce((n, i) => n + i.views, 0);
  return [...items].sort((a, b) => b.views - a.views).map((i) => ({ ...i, share: total === 0 ? 0 : i.views / total }));
}
