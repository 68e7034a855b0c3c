import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { makeEntry, PageCache } from '../../src/cache/pageCache.ts';
import { etagMatches, pickEncoding } from '../../src/web/site/respond.ts';

const entry = (html: string, tags: string[]) => makeEntry(html, { contentType: 'text/html', tags, cacheControl: 'public' });

test('cached pages keep gzip and brotli bodies that decode to the page', () => {
  const e = entry('<p>Сәлем, әлем</p>'.repeat(50), ['a1']);
  assert.equal(gunzipSync(e.gzip).toString(), e.identity.toString());
  assert.equal(brotliDecompressSync(e.br).toString(), e.identity.toString());
  assert.match(e.etag, /^W\/"[\w-]{22}"$/);
  assert.notEqual(entry('other', []).etag, e.etag);
});

test('a cached page counts all the memory its bodies keep alive, not only their lengths', () => {
  // A small page: zlib hands back slices of a 16 KiB chunk, Buffer.from a slice of an 8 KiB pool.
  for (const html of ['<p>short page</p>'.repeat(90), 'x', '<p>Сәлем</p>'.repeat(3000)]) {
    const e = entry(html, ['a1', 'l-kz']);
    const retained = e.identity.buffer.byteLength + e.gzip.buffer.byteLength + e.br.buffer.byteLength;
    assert.ok(retained <= e.bytes, `${retained} bytes retained, ${e.bytes} counted`);
    assert.equal(gunzipSync(e.gzip).toString(), html);
    assert.equal(brotliDecompressSync(e.br).toString(), html);
  }
});

test('invalidating a tag drops exactly the pages that carry it', () => {
  const cache = new PageCache({ maxBytes: 10_000_000 });
  cache.set('/kz/news/x-aaaaaa', entry('article', ['a1', 'l-kz']));
  cache.set('/kz/', entry('home', ['a1', 'a2', 'l-kz']));
  cache.set('/ru/', entry('ru home', ['a3', 'l-ru']));
  assert.equal(cache.invalidate(['a2']), 1);
  assert.ok(cache.get('/kz/news/x-aaaaaa'));
  assert.equal(cache.get('/kz/'), undefined);
  assert.ok(cache.get('/ru/'));
  assert.equal(cache.invalidate(['a1', 'nothing']), 1);
  assert.equal(cache.size, 1);
});

test('the cache stays within its byte budget, dropping the least recently used', () => {
  const one = entry('x'.repeat(4000), []);
  const cache = new PageCache({ maxBytes: one.bytes * 3 });
  cache.set('a', one);
  cache.set('b', entry('y'.repeat(4000), []));
  cache.set('c', entry('z'.repeat(4000), []));
  cache.get('a');
  cache.set('d', entry('w'.repeat(4000), []));
  assert.ok(cache.usedBytes <= one.bytes * 3);
  assert.ok(cache.get('a'));
  assert.equal(cache.get('b'), undefined);
});

test('content negotiation prefers brotli, honours q=0, and survives junk', () => {
  assert.equal(pickEncoding('gzip, deflate, br'), 'br');
  assert.equal(pickEncoding('gzip'), 'gzip');
  assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
  assert.equal(pickEncoding(undefined), 'identity');
  assert.equal(pickEncoding(';;;,,,=q'), 'identity');
  assert.equal(pickEncoding('x'.repeat(5000)), 'identity');
});

test('If-None-Match matches weakly and ignores malformed values', () => {
  assert.ok(etagMatches('W/"abc"', 'W/"abc"'));
  assert.ok(etagMatches('"abc"', 'W/"abc"'));
  assert.ok(etagMatches('"zzz", W/"abc"', 'W/"abc"'));
  assert.ok(etagMatches('*', 'W/"abc"'));
  assert.ok(!etagMatches('abc', 'W/"abc"'));
  assert.ok(!etagMatches('"', 'W/"abc"'));
  assert.ok(!etagMatches(undefined, 'W/"abc"'));
});
