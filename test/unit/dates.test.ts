import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime, formatDay, isoWithOffset, zoneOffsetMinutes, zonedDate, zonedDayRange } from '../../src/content/dates.ts';
import { EDITIONS, type WrittenEditionCode } from '../../src/editions/editions.ts';

const tz = 'Asia/Almaty';
const at = new Date('2025-08-18T13:19:00Z'); // 18:19 in Almaty (UTC+5)

test("article time stamps read in each written edition's language, in the agency time zone", () => {
  const cases: [WrittenEditionCode, string][] = [
    ['en', '18:19, 18 August 2025'],
    ['ru', '18:19, 18 августа 2025'],
    ['cn', '2025年8月18日 18:19'],
    ['kz', '18:19, 18 тамыз 2025'],
    ['uz', '18:19, 18 август 2025'],
  ];
  for (const [code, expected] of cases) {
    assert.equal(formatDateTime(at, { locale: EDITIONS[code].intlLocale, order: EDITIONS[code].dateOrder, timeZone: tz }), expected, code);
  }
});

test('Russian uses the genitive month in every month', () => {
  const genitive = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
  genitive.forEach((month, i) => {
    assert.equal(
      formatDay(new Date(Date.UTC(2025, i, 10, 6)), { locale: 'ru', order: 'time-day-month-year', timeZone: tz }),
      `10 ${month} 2025`,
    );
  });
});

test('the day turns at midnight in Almaty, not in UTC', () => {
  const lateUtc = new Date('2025-08-18T20:30:00Z'); // 01:30 on 19 August in Almaty
  assert.deepEqual(zonedDate(lateUtc, tz), { y: 2025, m: 8, d: 19 });
  assert.equal(formatDay(lateUtc, { locale: 'en-GB', order: 'time-day-month-year', timeZone: tz }), '19 August 2025');
  const range = zonedDayRange(2025, 8, 19, tz)!;
  assert.equal(range.start.toISOString(), '2025-08-18T19:00:00.000Z');
  assert.equal(range.end.toISOString(), '2025-08-19T19:00:00.000Z');
});

test('impossible archive dates are refused', () => {
  assert.equal(zonedDayRange(2025, 2, 30, tz), null);
  assert.equal(zonedDayRange(2025, 13, 1, tz), null);
  assert.equal(zonedDayRange(1900, 1, 1, tz), null);
});

test('structured-data times carry the +05:00 offset', () => {
  assert.equal(isoWithOffset(at, tz), '2025-08-18T18:19:00+05:00');
  assert.equal(isoWithOffset(at, 'UTC'), '2025-08-18T13:19:00+00:00');
});

test('zone offsets: the same as ICU at every instant around transitions, also when the same day is asked again', () => {
  // Reference: ICU asked directly, per instant.
  const reference = (t: number, timeZone: string) => {
    const f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    const p = Object.fromEntries(f.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
    const local = Date.UTC(+p['year']!, +p['month']! - 1, +p['day']!, +p['hour']!, +p['minute']!, +p['second']!);
    return Math.round((local - Math.floor(t / 1000) * 1000) / 60_000);
  };
  const days: [string, string][] = [
    ['Europe/Berlin', '2025-03-30'],
    ['Europe/Berlin', '2025-10-26'],
    ['America/New_York', '2025-11-02'],
    ['America/St_Johns', '2025-03-09'],
    ['Australia/Lord_Howe', '2025-04-06'],
    ['Asia/Almaty', '2024-02-29'],
    ['Asia/Almaty', '2024-03-01'],
  ];
  for (const [zone, day] of days) {
    const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
    // Three days, every 7 minutes and 13 seconds, twice (the second pass reads the remembered days).
    for (let pass = 0; pass < 2; pass++) {
      for (let t = start; t < start + 3 * 86_400_000; t += 433_000) {
        assert.equal(zoneOffsetMinutes(new Date(t), zone), reference(t, zone), `${zone} ${new Date(t).toISOString()}`);
      }
    }
  }
  // Kazakhstan moved from UTC+6 to UTC+5 on 1 March 2024.
  assert.equal(zoneOffsetMinutes(new Date('2024-02-29T17:59:59Z'), 'Asia/Almaty'), 360);
  assert.equal(zoneOffsetMinutes(new Date('2024-03-01T12:00:00Z'), 'Asia/Almaty'), 300);
  assert.equal(isoWithOffset(new Date('2025-03-30T00:59:59Z'), 'Europe/Berlin'), '2025-03-30T01:59:59+01:00');
  assert.equal(isoWithOffset(new Date('2025-03-30T01:00:00Z'), 'Europe/Berlin'), '2025-03-30T03:00:00+02:00');
});
