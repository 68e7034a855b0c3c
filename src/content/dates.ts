// Reader-facing dates, in the edition's language and the agency's time zone.
// en "18:19, 18 August 2025" · ru "18:19, 18 августа 2025" · cn "2025年8月18日 18:19".

/** How a date is laid out: "18:19, 18 August 2025" or "2025年8月18日 18:19" (an edition's fact). */
export type DateOrder = 'time-day-month-year' | 'year-month-day-time';

export interface DateStyle {
  /** Intl locale (kk, ru, en-GB, zh-Hans, uz-Cyrl). */
  readonly locale: string;
  readonly order: DateOrder;
  readonly timeZone: string;
}

interface Parts {
  year: string;
  month: string;
  monthNumber: string;
  day: string;
  time: string;
}

const formatters = new Map<string, { date: Intl.DateTimeFormat; num: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function formattersFor(style: DateStyle) {
  const key = `${style.locale}|${style.timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const tz = style.timeZone;
    f = {
      date: new Intl.DateTimeFormat(style.locale, { timeZone: tz, day: 'numeric', month: 'long', year: 'numeric' }),
      num: new Intl.DateTimeFormat('en-US', { timeZone: tz, day: '2-digit', month: '2-digit', year: 'numeric' }),
      time: new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    };
    formatters.set(key, f);
  }
  return f;
}

/** formatToParts is slow and the same time stamps recur on every page: remember them. */
const memo = new Map<string, Parts>();

function parts(when: Date, style: DateStyle): Parts {
  const key = `${when.getTime()}|${style.locale}|${style.timeZone}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const f = formattersFor(style);
  const out: Parts = { year: '', month: '', monthNumber: '', day: '', time: f.time.format(when) };
  for (const p of f.date.formatToParts(when)) {
    if (p.type === 'year') out.year = p.value;
    else if (p.type === 'month') out.month = p.value;
    else if (p.type === 'day') out.day = p.value;
  }
  for (const p of f.num.formatToParts(when)) if (p.type === 'month') out.monthNumber = String(Number(p.value));
  if (memo.size >= 50_000) memo.clear();
  memo.set(key, out);
  return out;
}

const isCjk = (style: DateStyle) => style.order === 'year-month-day-time';

/** "18 August 2025" / "2025年8月18日". */
export function formatDay(when: Date, style: DateStyle): string {
  const p = parts(when, style);
  return isCjk(style) ? `${p.year}年${p.monthNumber}月${p.day}日` : `${p.day} ${p.month} ${p.year}`;
}

/** "18:19, 18 August 2025" / "2025年8月18日 18:19". */
export function formatDateTime(when: Date, style: DateStyle): string {
  const p = parts(when, style);
  return isCjk(style) ? `${p.year}年${p.monthNumber}月${p.day}日 ${p.time}` : `${p.time}, ${p.day} ${p.month} ${p.year}`;
}

/** "18:19". */
export function formatTime(when: Date, style: DateStyle): string {
  return formattersFor(style).time.format(when);
}

/** The calendar date (y, m, d) of an instant in a time zone. */
export function zonedDate(when: Date, timeZone: string): { y: number; m: number; d: number } {
  const p = formattersFor({ locale: 'en', order: 'time-day-month-year', timeZone }).num.formatToParts(when);
  const get = (t: string) => Number(p.find((x) => x.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day') };
}

/**
 * One formatter per zone: building an Intl.DateTimeFormat costs ~50 µs (ICU loads the zone and
 * the locale), which was half the CPU of a sitemap part (one call per URL).
 */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

const DAY_MS = 86_400_000;

/**
 * Offsets of whole UTC days in which a zone's offset did not change (the same at the day's first
 * and last second), by zone and day number; a day with a transition is asked of ICU per instant.
 * A sitemap part's 500 lastmods fall on ~30 days: 60 calls to ICU (~5 µs each), not 500.
 */
const steadyDays = new Map<string, number | null>();

/** Offset of a time zone from UTC at an instant, in minutes (Asia/Almaty: +300). */
export function zoneOffsetMinutes(when: Date, timeZone: string): number {
  const t = when.getTime();
  if (!Number.isFinite(t)) return exactOffsetMinutes(when, timeZone);
  const day = Math.floor(t / DAY_MS);
  const key = `${timeZone} ${day}`;
  let steady = steadyDays.get(key);
  if (steady === undefined) {
    const first = exactOffsetMinutes(new Date(day * DAY_MS), timeZone);
    const last = exactOffsetMinutes(new Date(day * DAY_MS + DAY_MS - 1000), timeZone);
    steady = first === last ? first : null;
    if (steadyDays.size >= 20_000) steadyDays.clear();
    steadyDays.set(key, steady);
  }
  return steady ?? exactOffsetMinutes(when, timeZone);
}

function exactOffsetMinutes(when: Date, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(when).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p['year']),
    Number(p['month']) - 1,
    Number(p['day']),
    Number(p['hour']),
    Number(p['minute']),
    Number(p['second']),
  );
  return Math.round((asUtc - Math.floor(when.getTime() / 1000) * 1000) / 60_000);
}

/** The UTC instants [start, end) of a calendar day in a time zone; null for an impossible date. */
export function zonedDayRange(y: number, m: number, d: number, timeZone: string): { start: Date; end: Date } | null {
  if (!Number.isInteger(y) || y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const probe = new Date(Date.UTC(y, m - 1, d, 12));
  if (probe.getUTCMonth() !== m - 1) return null;
  const startGuess = Date.UTC(y, m - 1, d) - zoneOffsetMinutes(probe, timeZone) * 60_000;
  const endProbe = new Date(Date.UTC(y, m - 1, d + 1, 12));
  const end = Date.UTC(y, m - 1, d + 1) - zoneOffsetMinutes(endProbe, timeZone) * 60_000;
  return { start: new Date(startGuess), end: new Date(end) };
}

/** ISO 8601 with the zone's offset, for structured data: 2025-08-18T18:19:00+05:00. */
export function isoWithOffset(when: Date, timeZone: string): string {
  const off = zoneOffsetMinutes(when, timeZone);
  const local = new Date(when.getTime() + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
