// Times the newsroom reads from people: a local "YYYY-MM-DDTHH:mm" in the agency's time zone, or
// an ISO string with an offset; and the start of "today" in that zone.
import { zoneOffsetMinutes } from '../../content/dates.ts';

/** The offset of the zone at an instant, in minutes east of UTC (one cached formatter per zone). */
const offsetMinutes = (instant: number, timeZone: string): number => zoneOffsetMinutes(new Date(instant), timeZone);

/** The instant of a wall-clock time in the zone (two passes settle a DST edge). */
export function zonedToUtc(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let instant = guess - offsetMinutes(guess, timeZone) * 60_000;
  instant = guess - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads a time a person typed; null when it is not one of the two accepted forms or not a real date. */
export function parseUserTime(text: string, timeZone: string): Date | null {
  const local = LOCAL.exec(text);
  if (local) {
    const [y, mo, d, h, mi] = local.slice(1).map(Number) as [number, number, number, number, number];
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
    const date = zonedToUtc(y, mo, d, h, mi, timeZone);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (!WITH_OFFSET.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Midnight of the day `now` falls on in the zone. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  const [y, m, d] = parts.split('-').map(Number) as [number, number, number];
  return zonedToUtc(y, m, d, 0, 0, timeZone);
}
