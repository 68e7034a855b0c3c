// Cached pages carry today's date line: the page cache is emptied when the agency's day turns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayTurn } from '../../src/cache/dayTurn.ts';
import { makeEntry, PageCache } from '../../src/cache/pageCache.ts';

test("the page cache is emptied at Almaty's midnight, not at UTC's, and once per day", () => {
  const cache = new PageCache({ maxBytes: 1024 * 1024 });
  const entry = () => makeEntry('<p>Friday, 20 November 2026</p>', { contentType: 'text/html', tags: ['e-en'], cacheControl: 'public' });
  let now = new Date('2026-11-20T18:58:00Z'); // 23:58 in Almaty (UTC+5)
  const check = dayTurn(cache, () => now, 'Asia/Almaty');
  cache.set('/en/', entry());
  assert.equal(check(), false);
  assert.ok(cache.get('/en/'), 'kept during the day');
  now = new Date('2026-11-20T19:01:00Z'); // 00:01 on Saturday in Almaty, still Friday in UTC
  assert.equal(check(), true);
  assert.equal(cache.get('/en/'), undefined, "yesterday's date line is gone");
  cache.set('/en/', entry());
  now = new Date('2026-11-20T23:30:00Z');
  assert.equal(check(), false);
  assert.ok(cache.get('/en/'), 'the new page stays until the next midnight');
});
