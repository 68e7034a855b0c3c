// A printed article in Chromium (print media), in a Latin, a Cyrillic, the right-to-left and the
// Chinese edition: the story, its photo and credits, the source line and the article's URL are on
// paper; the site's chrome is not — the masthead with its menus and search, the sidebar, the lists
// (most popular, related, more from the section, tags), the share links, the reader settings and
// the footer's columns.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
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

const CHROME = [
  'header.masthead',
  'details.site-menu',
  'nav.sections',
  'nav.langs',
  'details.header-search',
  '.skip',
  'aside.popular',
  'section.related',
  'section.more',
  'nav.tags',
  'section.share',
  '.reader-settings',
  '.footer-columns',
];

for (const edition of ['en', 'kz', 'tote', 'cn'] as const) {
  test(`${edition}: print media shows the story, its photo, credits, source line and URL, and none of the chrome`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/${edition}/`);
    // The breaking story has a photo with its credit and a source line.
    const href = await page.locator('.breaking a').first().getAttribute('href');
    await page.goto(`${origin}${href}`, { waitUntil: 'networkidle' });
    for (const selector of CHROME) assert.ok((await page.locator(selector).count()) > 0, `${selector} is on the screen page`);
    assert.ok(await page.locator('section.share').isVisible(), 'the share links are on screen');

    // Blocks below the story are drawn only near the screen; on paper all of them.
    const belowFold = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.popular, .more, .related, .site-footer')].map((e) => getComputedStyle(e).contentVisibility),
      );
    assert.ok((await belowFold()).length > 1);
    assert.deepEqual([...new Set(await belowFold())], ['auto'], 'on screen');
    await page.emulateMedia({ media: 'print' });
    assert.deepEqual([...new Set(await belowFold())], ['visible'], 'on paper');
    for (const selector of CHROME) {
      const all = page.locator(selector);
      for (let i = 0; i < (await all.count()); i++) assert.equal(await all.nth(i).isVisible(), false, `${selector} is not printed`);
    }
    assert.ok(await page.locator('main h1').isVisible(), 'the headline');
    assert.ok(await page.locator('main .article-body').isVisible(), 'the text');
    const photo = page.locator('main .article figure img').first();
    assert.ok(await photo.isVisible(), 'the photo');
    assert.ok(await photo.evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), 'the photo is loaded');
    assert.ok(await page.locator('main .article figure .credit').first().isVisible(), 'its credit');
    assert.ok(await page.locator('main .source-line').isVisible(), 'the source line');
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    const printedUrl = await page.evaluate(() => getComputedStyle(document.querySelector('.site-footer')!, '::after').content);
    assert.equal(printedUrl, JSON.stringify(canonical), 'the URL under the story');
    await context.close();
  });
}
