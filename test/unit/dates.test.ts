import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime, formatDay, isoWithOffset, zonedDate, zonedDayRange } from '../../src/content/dates.ts';
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
