// The header search in Debian's Chromium (playwright-core): on a desktop the field is in the
// header; on a phone an icon opens it, without JavaScript too. In en, kz, ق ز (right to left) and
// cn, a query typed in the header lands on the results page of the same edition with marked snippets.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, serve } from '../support/browser.ts';
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

const QUERIES = [
  { code: 'en', q: 'snow leopards', dir: 'ltr' },
  { code: 'kz', q: 'ілбіс', dir: 'ltr' },
  { code: 'tote', q: 'ءىلبىس', dir: 'rtl' },
  { code: 'cn', q: '雪豹', dir: 'ltr' },
] as const;

for (const { code, q, dir } of QUERIES) {
  test(`${code}: the header field on a desktop finds "${q}"`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/${code}/`);
    assert.equal(await page.getAttribute('html', 'dir'), dir);
    const field = page.locator('header .header-search input[name="q"]');
    assert.ok(await field.isVisible(), 'the field is shown without opening anything');
    assert.equal(await page.locator('header .header-search summary').isVisible(), false);
    await field.fill(q);
    await field.press('Enter');
    await page.waitForURL(new RegExp(`/${code}/search\\?q=`));
    const hits = page.locator('main article.card h3 a');
    assert.ok((await hits.count()) > 0, 'results');
    assert.ok((await hits.first().getAttribute('href'))!.startsWith(`/${code}/news/`), 'results link to the edition searched');
    assert.ok((await page.locator('main .snippet mark').count()) > 0, 'the matching words are marked');
    await page.screenshot({ path: screenshotPath(`search-${code}-desktop.png`) });
    await context.close();
  });

  test(`${code}: on a phone an icon opens the search field, without JavaScript`, async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${origin}/${code}/`);
    const field = page.locator('header .header-search input[name="q"]');
    assert.equal(await field.isVisible(), false, 'closed at first');
    const icon = page.locator('header .header-search summary');
    assert.equal(await icon.getAttribute('aria-label'), site.services.texts.get(code).strings.searchOpen);
    await icon.tap();
    assert.ok(await field.isVisible(), 'the icon opens the field');
    const box = await icon.boundingBox();
    assert.ok(box && box.width >= 36 && box.height >= 36, 'a touch-sized icon');
    await field.fill(q);
    await field.press('Enter');
    await page.waitForURL(new RegExp(`/${code}/search\\?q=`));
    assert.ok((await page.locator('main article.card').count()) > 0);
    await page.screenshot({ path: screenshotPath(`search-${code}-phone.png`) });
    await context.close();
  });
}
