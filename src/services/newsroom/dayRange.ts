// A range of days a person picks in a list's filter (YYYY-MM-DD, agency time, both days included)
// as the instants [from, to) the stores compare with.
import { invalid } from './errors.ts';
import { parseUserTime } from './time.ts';

function startOf(day: string, name: string, timeZone: string): Date {
  const at = parseUserTime(`${day}T00:00`, timeZone);
  // parseUserTime accepts day 31 of every month: a day that rolls over is not a real date.
  if (!at || new Date(`${day}T12:00:00Z`).toISOString().slice(0, 10) !== day) throw invalid(`${name}: not a date (YYYY-MM-DD)`);
  return at;
}

export function dayRange(from: string | undefined, to: string | undefined, timeZone: string): { from?: string; to?: string } {
  const start = from === undefined ? undefined : startOf(from, 'from', timeZone);
  let end: Date | undefined;
  if (to !== undefined) {
    const next = new Date(`${to}T12:00:00Z`);
    startOf(to, 'to', timeZone);
    next.setUTCDate(next.getUTCDate() + 1);
    end = startOf(next.toISOString().slice(0, 10), 'to', timeZone);
  }
  if (start && end && start >= end) throw invalid('to: the last day comes before the first');
  return { ...(start ? { from: start.toISOString() } : {}), ...(end ? { to: end.toISOString() } : {}) };
}
