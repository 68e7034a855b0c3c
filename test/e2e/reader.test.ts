// The reader site in Debian's Chromium (playwright-core): reading, switching language, the
// right-to-left edition, accessibility (axe-core), the view beacon, and screenshots.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { READER_UA } from '../support/readerAgent.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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

async function axe(page: Page): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: unknown[] }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return result;
}

const seriousOnly = (vs: { impact: string }[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

test('a reader opens /en/, reads an article, and switches to the same story in Russian', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/en/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(seriousOnly(await axe(page)), [], 'home has no serious or critical axe violations');
  await page.screenshot({ path: screenshotPath('en-home-desktop.png') });

  await page.locator('main a[href*="/news/"]').first().click();
  await page.waitForURL(/\/en\/news\//);
  const headline = await page.locator('h1').innerText();
  assert.ok(headline.length > 10);
  assert.deepEqual(seriousOnly(await axe(page)), [], 'article has no serious or critical axe violations');
  await page.screenshot({ path: screenshotPath('en-article-desktop.png'), fullPage: false });
  const enUrl = page.url();

  await page.locator('nav.langs a[lang="ru"]').click();
  await page.waitForURL(/\/ru\/news\//);
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.notEqual(await page.locator('h1').innerText(), headline);
  assert.equal(enUrl.slice(-6).length, 6);
  await context.close();
});

test('the tote edition reads right to left and passes axe', async () => {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  await page.goto(`${origin}/tote/`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).direction), 'rtl');
  // Mirrored layout: the brand sits at the right edge, the language menu to its left.
  const brand = await page.locator('.brand').boundingBox();
  assert.ok(brand && brand.x + brand.width > 300, 'brand at the right edge');
  await page.screenshot({ path: screenshotPath('tote-home-phone.png') });
  await page.locator('main a[href*="/news/"]').first().click();
  await page.waitForURL(/\/tote\/news\//);
  assert.deepEqual(seriousOnly(await axe(page)), []);
  await page.screenshot({ path: screenshotPath('tote-article-phone.png') });
  await context.close();
});

test('phone-width pages of kz, qz and cn have no horizontal scroll, and the beacon counts the view', async () => {
  const context = await browser.newContext({
    bypassCSP: true,
    viewport: { width: 360, height: 780 },
    isMobile: true,
    userAgent: READER_UA,
  });
  const page = await context.newPage();
  for (const code of ['kz', 'qz', 'cn']) {
    await page.goto(`${origin}/${code}/`);
    await page.locator('main a[href*="/news/"]').first().click();
    await page.waitForURL(new RegExp(`/${code}/news/`));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${code} article scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: screenshotPath(`${code}-article-phone.png`) });
  }
  await page.waitForTimeout(300);
  const counted = await site.services.views.flush();
  assert.ok(counted >= 3, `the beacon counted ${counted} views`);
  await context.close();
});
