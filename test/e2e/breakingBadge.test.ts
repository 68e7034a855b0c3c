// The "breaking" word of ق ز in Chromium: the strip on the home, the badge on the story's card and
// the badge on the article are one word, the Arabic-script conversion of the Kazakh one, and each is
// drawn as that word alone. The card's badge sits right before the section's name: set inline, its
// last letter joined the section's first across the tag and took another shape (شۇعىل read as شۇعىا).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator } from 'playwright-core';
import { kz } from '../../src/editions/strings/kz.ts';
import { EditionTexts } from '../../src/services/editionText.ts';
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

/**
 * The width of the element's word where it stands, and of the same word set alone (a copy with the
 * same classes, at the end of the same parent's copy): equal when the word keeps its own shapes.
 */
async function inPlaceAndAlone(word: Locator): Promise<{ text: string; inPlace: number; alone: number }> {
  return word.evaluate((el) => {
    const holder = el.parentElement!.cloneNode(false) as HTMLElement;
    const copy = el.cloneNode(true) as HTMLElement;
    holder.append(copy);
    el.parentElement!.after(holder);
    const [inPlace, alone] = [el, copy].map((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      return range.getBoundingClientRect().width;
    });
    holder.remove();
    return { text: el.textContent ?? '', inPlace: inPlace!, alone: alone! };
  });
}

test('ق ز: the breaking strip, the card and the article spell and draw "breaking" the same way', async () => {
  const expected = new EditionTexts('UTC').get('tote').strings.breaking;
  assert.notEqual(expected, kz.breaking, 'converted from the Kazakh word');
  assert.match(expected, /^[\u0600-\u06FF]+$/, 'in Arabic script');

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/tote/`);
  await page.evaluate(() => document.fonts.ready);
  const strip = await inPlaceAndAlone(page.locator('.breaking .breaking-label'));
  const card = await inPlaceAndAlone(page.locator('main .card-meta .badge').first());
  assert.equal(strip.text, expected);
  assert.equal(card.text, expected);
  assert.ok(Math.abs(strip.inPlace - strip.alone) < 0.5, `strip: ${strip.inPlace} px in place, ${strip.alone} px alone`);
  assert.ok(
    Math.abs(card.inPlace - card.alone) < 0.5,
    `card: the word is ${card.inPlace} px beside the section name, ${card.alone} px alone`,
  );

  const href = await page.locator('.breaking a').first().getAttribute('href');
  await page.goto(`${origin}${href}`);
  await page.evaluate(() => document.fonts.ready);
  const article = await inPlaceAndAlone(page.locator('main .article-section .badge'));
  assert.equal(article.text, expected);
  assert.ok(Math.abs(article.inPlace - article.alone) < 0.5, `article: ${article.inPlace} px in place, ${article.alone} px alone`);
  await context.close();
});
