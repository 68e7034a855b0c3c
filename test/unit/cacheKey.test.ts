import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fastCacheKey } from '../../src/web/site/sitePlugin.ts';

test('only the path and a well-formed page number make the cache key', () => {
  assert.equal(fastCacheKey('/kz/'), '/kz/');
  assert.equal(fastCacheKey('/kz/?utm_source=x&fbclid=y'), '/kz/');
  assert.equal(fastCacheKey('/kz/latest?page=2'), '/kz/latest?page=2');
  assert.equal(fastCacheKey('/kz/latest?page=1'), '/kz/latest');
  assert.equal(fastCacheKey('/kz/latest?x=1&page=3'), '/kz/latest?page=3');
});

test('a query that could be a bad request never hits the cache', () => {
  for (const url of [
    '/kz/latest?page=0',
    '/kz/latest?page=-1',
    '/kz/latest?page=abc',
    '/kz/latest?page=1&page=2',
    '/kz/latest?page=',
    '/kz/latest?page=9999999',
  ]) {
    assert.equal(fastCacheKey(url), null, url);
  }
});
