// The masthead's date line: "Thursday, 3 December 2026" in the edition's language and the agency's
// time zone (cn "2026年12月3日星期四"). Weekday names come from Intl (Node's full ICU knows kk,
// uz-Cyrl, ru, en and zh); derived editions convert the result like every other date.
import { formatDay, type DateStyle } from './dates.ts';

const weekdays = new Map<string, Intl.DateTimeFormat>();

function weekday(when: Date, style: DateStyle): string {
  const key = `${style.locale}|${style.timeZone}`;
  let f = weekdays.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(style.locale, { timeZone: style.timeZone, weekday: 'long' });
    weekdays.set(key, f);
  }
  return f.format(when);
}

/** "Thursday, 3 December 2026" / "Бейсенбі, 3 желтоқсан 2026" / "2026年12月3日星期四". */
export function formatDateLine(when: Date, style: DateStyle): string {
  const day = formatDay(when, style);
  const name = weekday(when, style);
  if (style.order === 'year-month-day-time') return `${day}${name}`;
  return `${name.charAt(0).toLocaleUpperCase(style.locale)}${name.slice(1)}, ${day}`;
}
