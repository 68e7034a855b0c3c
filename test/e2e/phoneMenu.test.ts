// On a phone every section, the language menu and search are one button away, with and without
// JavaScript (a <details> menu); with JavaScript, focus moves into the menu and Escape gives it
// back. No page is wider than the screen. On a desktop the section bar shows and the button does not.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const PHONE = { width: 390, height: 844 };

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

/** The section links of the desktop bar, as the server rendered them. */
async function sectionHrefs(page: Page): Promise<string[]> {
  return page.locator('nav.sections a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

for (const edition of ['kz', 'tote', 'cn', 'en'] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test(`${edition}, phone, ${javaScriptEnabled ? 'with' : 'without'} JavaScript: the menu reaches every section, the languages and search`, async () => {
      const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      await page.goto(`${origin}/${edition}/`);
      assert.equal(await page.locator('nav.sections').isVisible(), false, 'the section bar gives way to the menu');
      assert.equal(await page.locator('.bar > nav.langs').isVisible(), false);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `the page is ${width}px wide on a ${PHONE.width}px screen`);

      const button = page.locator('details.site-menu > summary');
      assert.ok(await button.isVisible(), 'the menu button shows');
      await button.click();
      const expected = await sectionHrefs(page);
      assert.ok(expected.length >= 6, 'sections to reach');
      const inMenu = page.locator('details.site-menu .menu-sections a');
      assert.deepEqual(await inMenu.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')), expected);
      for (const link of await inMenu.all()) {
        assert.ok(await link.isVisible(), `${await link.textContent()} is visible`);
        const box = await link.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width + 1, 'inside the screen');
        assert.ok(box.height >= 24, 'a finger-sized target');
      }
      assert.equal(await page.locator('details.site-menu nav.menu-langs a').count(), 7, 'the seven-item language menu');
      assert.ok(await page.locator('details.site-menu input[name="q"]').isVisible(), 'search');
      if (javaScriptEnabled) {
        assert.equal(await page.evaluate(() => document.activeElement?.closest('.menu-panel') !== null), true, 'focus moved into the menu');
        await page.keyboard.press('Escape');
        assert.equal(await page.locator('details.site-menu').getAttribute('open'), null, 'Escape closes it');
        assert.equal(
          await page.evaluate(() => document.activeElement?.matches('details.site-menu > summary')),
          true,
          'focus is back on the button',
        );
        await button.click();
      }
      await page.screenshot({ path: screenshotPath(`menu-${edition}-phone${javaScriptEnabled ? '' : '-nojs'}.png`) });
      const last = inMenu.nth(-2);
      const href = await last.getAttribute('href');
      await last.click();
      await page.waitForURL(`${origin}${href}`);
      assert.equal(await page.locator('details.site-menu > summary').isVisible(), true, 'and the next page has it too');
      await context.close();
    });
  }
}

test('desktop: the section bar shows and the menu button does not', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  for (const edition of ['kz', 'tote', 'cn']) {
    await page.goto(`${origin}/${edition}/`);
    assert.equal(await page.locator('details.site-menu').isVisible(), false, edition);
    assert.ok(await page.locator('nav.sections a').first().isVisible(), edition);
    assert.ok(await page.locator('.bar > nav.langs a').first().isVisible(), edition);
  }
  await context.close();
});
