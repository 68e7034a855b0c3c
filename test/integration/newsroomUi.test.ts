// The newsroom's web app as the server delivers it: one shell for every app path, in the browser's
// language among kz/ru/en, never cached or indexed; the bundle under a content hash, immutable,
// compressed, with no inline script (the strict CSP applies to the newsroom too).
import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { nothing } from '../support/fixtures.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/web/plugins/security.ts';

describe('the newsroom web app', () => {
  let site: TestSite;
  before(async () => {
    site = await bootSite('sqlite', { content: nothing });
  });
  after(() => site.close());

  test("the shell: every app path, the reader's language, no cache, no index, the CSP", async () => {
    for (const [url, lang, expected] of [
      ['/newsroom/', 'kk-KZ,kk;q=0.9', 'kk'],
      ['/newsroom/articles/5', 'ru', 'ru'],
      ['/newsroom/manage/users', 'fr', 'en'],
      ['/newsroom/', 'ru;q=0.5, kk;q=0.9', 'kk'],
    ]) {
      const res = await site.app.inject({ url: url!, headers: { 'accept-language': lang! } });
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'no-store');
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      assert.equal(res.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
      const doc = dom(res.body);
      assert.equal(doc.documentElement.getAttribute('lang'), expected);
      assert.ok(doc.querySelector('noscript')?.textContent?.trim(), 'says why without JavaScript');
      assert.equal([...doc.querySelectorAll('script')].filter((s) => !s.getAttribute('src')).length, 0, 'no inline script');
      assert.equal(doc.querySelectorAll('style').length, 0, 'no inline style');
    }
  });

  test('the bundle: content-hashed, immutable, compressed, an ES module that builds', async () => {
    const shell = dom((await site.app.inject('/newsroom/')).body);
    const js = shell.querySelector('script[type="module"]')?.getAttribute('src');
    const css = shell.querySelector('link[rel="stylesheet"]')?.getAttribute('href');
    assert.match(js ?? '', /^\/newsroom\/assets\/app-[0-9a-f]{16}\.js$/);
    assert.match(css ?? '', /^\/newsroom\/assets\/app-[0-9a-f]{16}\.css$/);
    const plain = await site.app.inject(js!);
    assert.equal(plain.statusCode, 200);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(plain.headers['content-type']), /javascript/);
    const br = await site.app.inject({ url: js!, headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3, `brotli ${br.rawPayload.length} of ${plain.rawPayload.length} bytes`);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
    assert.ok(plain.body.includes('/api/newsroom'), 'it talks to the newsroom API');
    assert.equal((await site.app.inject(css!)).statusCode, 200);
    assert.equal((await site.app.inject('/newsroom/assets/app-0000000000000000.js')).statusCode, 404);
  });
});
