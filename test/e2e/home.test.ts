// The home, a section list and an article's sidebar as a reader sees them in Chromium, on a phone
// (390 px) and a desktop (1280 px), in kz, ق ز (right to left), 中文 and en: the breaking strip, the
// time-stamped feed, varied section blocks, the sidebar beside the stories on a desktop, most
// popular as two rankings (today, this week) with numbers and photos, and the list's pagination.
// Screenshots go to test-output/screenshots/ (home-*, section-*, article-*).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, readerScreenshot, serve } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

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

async function open(viewport: { width: number; height: number }, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport, isMobile: viewport === PHONE, hasTouch: viewport === PHONE });
  const page = await context.newPage();
  const response = await page.goto(`${origin}${path}`);
  assert.equal(response?.status(), 200, path);
  return page;
}

async function noSidewaysScroll(page: Page, width: number, what: string): Promise<void> {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `${what}: the page is ${scroll}px wide on a ${width}px screen`);
}

for (const edition of ['kz', 'tote', 'cn', 'en'] as const) {
  for (const [device, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`${edition}, ${device}: the home has a breaking strip, a timed feed, varied section blocks and the most popular rankings`, async () => {
      const page = await open(viewport, `/${edition}/`);
      await noSidewaysScroll(page, viewport.width, 'home');
      const breaking = page.locator('section.breaking');
      assert.ok(await breaking.isVisible(), 'the breaking strip shows');
      assert.ok(await breaking.locator('a[href*="/news/"]').first().isVisible());

      const times = await page.locator('section.feed li time').allTextContents();
      assert.ok(times.length >= 10, `${times.length} feed lines`);
      for (const t of times) assert.match(t, /^\d\d:\d\d$/);
      assert.ok(await page.locator('section.feed li').first().isVisible());

      const layouts = await page.locator('.home-sections section.section-block').evaluateAll((els) => els.map((el) => el.className));
      assert.ok(new Set(layouts).size >= 4, `section blocks in several layouts: ${layouts.join(' | ')}`);
      for (const block of await page.locator('.home-sections section.section-block').all()) {
        assert.ok(await block.locator('.card-title a').first().isVisible(), `${await block.locator('h2').textContent()}: a headline shows`);
      }

      // Most popular: today open and numbered 1, 2, 3…, with photos; this week one click away.
      const today = page.locator('aside.popular details.popular-today');
      assert.equal(await today.getAttribute('open'), '');
      const ranks = await today.locator('.rank').allTextContents();
      assert.deepEqual(
        ranks,
        ranks.map((_, i) => String(i + 1)),
      );
      assert.ok(ranks.length >= 3, `${ranks.length} stories ranked today`);
      assert.ok(await today.locator('.ranked-media img').first().isVisible(), 'ranked with photos');
      const week = page.locator('aside.popular details.popular-week');
      assert.equal(await week.locator('ol.ranked').isVisible(), false, 'the week is folded');
      await week.locator('summary').click();
      assert.ok(await week.locator('ol.ranked li').first().isVisible(), 'the week unfolds');
      assert.equal(await today.locator('ol.ranked').isVisible(), false, 'and today folds (one group of details)');
      await week.locator('summary').click();
      await today.locator('summary').click();

      if (device === 'desktop') {
        // The sidebar stands beside the top story, on the reading direction's far side.
        const top = (await page.locator('.home > .top').boundingBox())!;
        const side = (await page.locator('.home > .home-side').boundingBox())!;
        assert.ok(side.y < top.y + top.height, 'the sidebar starts beside the top story');
        if (edition === 'tote') assert.ok(side.x + side.width <= top.x, 'right to left: the sidebar on the left');
        else assert.ok(side.x >= top.x + top.width, 'the sidebar on the right');
        assert.ok(await page.locator('section.picks article.card').first().isVisible(), "editor's picks in the sidebar");
      }
      await readerScreenshot(page, `home-${edition}-${device}.png`);
      await page.context().close();
    });

    test(`${edition}, ${device}: a section lists cards with photos and says which page of how many`, async () => {
      const home = await open(viewport, `/${edition}/`);
      const href = (await home.locator('.home-sections section.section-block h2 a').first().getAttribute('href'))!;
      await home.context().close();
      const page = await open(viewport, href);
      await noSidewaysScroll(page, viewport.width, href);
      const cards = page.locator('main ul.cards-row article.card');
      assert.ok((await cards.count()) >= 8);
      const img = cards.first().locator('.card-media img');
      assert.ok(await img.isVisible(), 'the card has its photo');
      const box = (await img.boundingBox())!;
      const title = (await cards.first().locator('.card-title').boundingBox())!;
      assert.ok(box.y < title.y + title.height && title.y < box.y + box.height, 'the photo beside the headline');
      const where = page.locator('nav.pager [aria-current="page"]');
      if ((await where.count()) > 0) assert.match((await where.textContent())!, /\d+\D+\d+/, 'page n of total');
      await readerScreenshot(page, `section-${edition}-${device}.png`);
      await page.context().close();
    });

    test(`${edition}, ${device}: an article's sidebar ranks the most popular`, async () => {
      const home = await open(viewport, `/${edition}/`);
      const href = (await home.locator('.home .top .card-top .card-title a').getAttribute('href'))!;
      await home.context().close();
      const page = await open(viewport, href);
      await noSidewaysScroll(page, viewport.width, href);
      const popular = page.locator('aside.popular');
      await popular.scrollIntoViewIfNeeded();
      assert.ok(await popular.locator('details.popular-today .rank').first().isVisible());
      assert.equal(await popular.locator('details.popular-today .rank').first().textContent(), '1');
      assert.ok(await popular.locator('details.popular-week').isVisible());
      await readerScreenshot(page, `article-${edition}-${device}.png`);
      await page.context().close();
    });
  }
}
