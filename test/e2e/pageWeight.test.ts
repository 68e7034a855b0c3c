// The page weight budget in CI (bytes, not time): the demo article with the most blocks in en, kz,
// ق ز and cn weighs at most 40 KB of HTML + CSS + JS as sent to a browser (`Accept-Encoding: br,
// gzip`; prefs.js and every stylesheet and script it references included), and the fonts Chromium
// fetches for it at most 120 KB per script. The same measure as `npm run bench` (bench/weight.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { DOCUMENT_BUDGET, FONT_BUDGET, documentWeight, fontWeight, weightPages } from '../../bench/weight.ts';
import { launchChromium, serve } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';

let site: TestSite;
let browser: Browser;
let origin: string;

before(async () => {
  site = await bootSite('sqlite');
  origin = await serve(site);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

for (const edition of ['en', 'kz', 'tote', 'cn'] as const) {
  test(`${edition}: the longest demo article is within 40 KB of HTML + CSS + JS and 120 KB of fonts per script`, async () => {
    const article = (await weightPages(site.database.handle.db, [edition])).find((p) => p.kind !== 'home');
    assert.ok(article, 'a published demo article');
    const doc = await documentWeight(origin, article.path);
    assert.ok(
      doc.assets.some((a) => /\/prefs\.[0-9a-f]+\.js$/.test(a)),
      `prefs.js is counted: ${doc.assets.join(', ')}`,
    );
    assert.ok(doc.css.br > 0 && doc.js.br > 0, 'stylesheets and scripts are counted');
    assert.ok(doc.html.br < doc.html.gzip, 'browsers get brotli');
    assert.ok(
      doc.total.br <= DOCUMENT_BUDGET,
      `${article.path}: HTML ${doc.html.br} + CSS ${doc.css.br} + JS ${doc.js.br} = ${doc.total.br} bytes`,
    );
    const fonts = await fontWeight(browser, origin, article.path);
    assert.ok(Object.keys(fonts).length > 0, 'Chromium fetched the page fonts');
    for (const [script, bytes] of Object.entries(fonts)) assert.ok(bytes <= FONT_BUDGET, `${article.path}: ${script} fonts ${bytes} bytes`);
    if (edition === 'tote') assert.ok(fonts['Arabic'], 'ق ز fetches its Arabic font');
  });
}
