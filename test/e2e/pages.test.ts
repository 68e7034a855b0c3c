// The agency's static pages in Chromium: on a phone the footer's links reach "About", "Contacts",
// "Editorial staff" and "Terms of reuse" in a Cyrillic, a derived Latin, the right-to-left and the
// Chinese edition; an admin edits a page in the newsroom and readers see the change once it is
// published; a journalist has no "Pages".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, readerScreenshot, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { makeUser } from '../support/newsroom.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const PHONE = { width: 390, height: 844 };
const SLUGS = ['about', 'contacts', 'staff', 'terms'];
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe-core violation of the page, of any impact. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => `${v.id} (${v.impact}, ${v.nodes.length})`);
  });
}

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

for (const edition of ['kz', 'qz', 'tote', 'cn'] as const) {
  test(`${edition}, phone: the footer's links reach the four pages`, async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    for (const slug of SLUGS) {
      await page.goto(`${origin}/${edition}/`);
      const link = page.locator(`footer.site-footer a[href="/${edition}/page/${slug}"]`);
      await link.scrollIntoViewIfNeeded();
      assert.ok(await link.isVisible(), `${slug}: the footer link shows`);
      const box = await link.boundingBox();
      assert.ok(
        box && box.x >= 0 && box.x + box.width <= PHONE.width + 1 && box.height >= 24,
        `${slug}: a finger-sized link inside the screen`,
      );
      const label = (await link.textContent())!.trim();
      await link.tap();
      await page.waitForURL(`${origin}/${edition}/page/${slug}`);
      const h1 = page.locator('main h1');
      assert.ok(await h1.isVisible(), `${slug}: the page shows its title`);
      assert.ok(((await h1.textContent()) ?? '').trim().length > 0);
      assert.ok(label.length > 0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= PHONE.width, `${slug}: the page is ${width}px wide on a ${PHONE.width}px screen`);
    }
    await page.locator('footer.site-footer').scrollIntoViewIfNeeded();
    await readerScreenshot(page, `page-${edition}-phone.png`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

for (const edition of ['en', 'kz', 'tote', 'cn'] as const) {
  test(`${edition}: a page and its footer pass axe on phone and desktop, light and dark; print keeps the text, drops the footer's columns`, async () => {
    for (const viewport of [PHONE, { width: 1280, height: 900 }]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        await page.goto(`${origin}/${edition}/page/terms`);
        assert.deepEqual(await axe(page), [], `${edition} ${viewport.width}px ${colorScheme}`);
        if (viewport === PHONE && colorScheme === 'light') {
          await page.emulateMedia({ media: 'print' });
          assert.equal(await page.locator('.footer-columns').isVisible(), false, 'no footer columns on paper');
          assert.ok(await page.locator('main .article-body').isVisible(), 'the text is printed');
        }
        await context.close();
      }
    }
  });
}

test('an admin edits a page in the newsroom; once published, readers see the change (and derived editions follow)', async () => {
  const admin = await makeUser(site, 'admin', [], { name: 'Әкімші' });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signInThroughForm(page, origin, admin);
  await page.getByTestId('nav-pages').click();
  await page.waitForURL(`${origin}/newsroom/pages`);
  await page.getByTestId('page-kz-contacts').click();
  await page.waitForURL(/\/newsroom\/pages\/\d+$/);
  await page.getByTestId('page-title').fill('Байланыс және мекенжайлар');
  await page.getByTestId('body-editor').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Қабылдау бөлмесі күн сайын ашық.');
  await page.getByTestId('page-save').click();
  await page.locator('[data-testid=page-state][data-state=changed]').waitFor();

  // Saved, not yet published: readers still see the old page.
  // Each look is a new reader (no browser cache between them).
  const readerPage = async (path: string) => {
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    await reader.goto(`${origin}${path}`);
    const h1 = ((await reader.locator('main h1').textContent()) ?? '').trim();
    const body = (await reader.locator('main .article-body').textContent()) ?? '';
    await readerContext.close();
    return { h1, body };
  };
  assert.equal((await readerPage('/kz/page/contacts')).h1, 'Байланыс');

  await page.getByTestId('page-publish').click();
  await page.locator('[data-testid=page-state][data-state=published]').waitFor();
  const shown = await readerPage('/kz/page/contacts');
  assert.equal(shown.h1, 'Байланыс және мекенжайлар');
  assert.match(shown.body, /Қабылдау бөлмесі күн сайын ашық\./);
  assert.equal((await readerPage('/qz/page/contacts')).h1, 'Baılanys jáne mekenjaılar');
  await page.screenshot({ path: screenshotPath('newsroom-page-editor.png') });
  await context.close();

  const journalist = await makeUser(site, 'journalist', ['kz']);
  const jContext = await browser.newContext();
  const jPage = await jContext.newPage();
  await signInThroughForm(jPage, origin, journalist);
  assert.equal(await jPage.getByTestId('nav-pages').count(), 0, 'journalists have no "Pages"');
  await jContext.close();
});
