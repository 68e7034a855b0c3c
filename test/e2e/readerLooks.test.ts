// What the README's screenshots (`npm run screenshots`) showed wrong, held in Chromium: the header's
// search field and button were the browser's default controls (Arial at 13 px, 21 px tall, the
// Arabic-script placeholder in Arial), and the phone header's search and menu icons were typed
// glyphs (⌕ ☰) drawn by a system font, the search one 12 px wide; in ق ز the empty search fields
// (dir="auto") put their placeholder and caret on the left; the search page's form (query, section,
// period, button) was the browser's default controls too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, serve } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const EDITIONS = ['en', 'kz', 'tote', 'cn'] as const;

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

for (const edition of EDITIONS) {
  test(`${edition} desktop: the header's search field and button are set in the site's type, at least 36 px tall`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}/${edition}/`);
    const looks = await page.evaluate(() => {
      const body = getComputedStyle(document.body).fontFamily;
      return ['input', 'button'].map((tag) => {
        const el = document.querySelector(`.header-search ${tag}`)!;
        const style = getComputedStyle(el);
        return { tag, sameFont: style.fontFamily === body, height: el.getBoundingClientRect().height, fontPx: parseFloat(style.fontSize) };
      });
    });
    for (const look of looks) {
      assert.ok(look.sameFont, `the ${look.tag} uses the page's fonts, not the browser's default`);
      assert.ok(look.height >= 36, `the ${look.tag} is at least 36 px tall (${look.height})`);
      assert.ok(look.fontPx >= 15, `the ${look.tag}'s text is at least 15 px (${look.fontPx})`);
    }
    await context.close();
  });

  test(`${edition} phone: the header's search and menu icons are drawn, not glyphs of a system font, and big enough to see`, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    await page.goto(`${origin}/${edition}/`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    for (const selector of ['.header-search > summary', '.site-menu > summary']) {
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `${selector}, ${selector} *` });
      const system: string[] = [];
      for (const nodeId of nodeIds) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const f of fonts)
          if (!f.isCustomFont && !(edition === 'cn' && /WenQuanYi|CJK|PingFang/.test(f.familyName))) system.push(f.familyName);
      }
      assert.deepEqual(system, [], `${selector}: nothing drawn by a system font`);
      const icon = await page.locator(`${selector} svg`).boundingBox();
      assert.ok(icon && icon.width >= 20 && icon.height >= 20, `${selector}: an icon of at least 20×20 px (${JSON.stringify(icon)})`);
      const target = await page.locator(selector).boundingBox();
      assert.ok(
        target && target.width >= 44 && target.height >= 44,
        `${selector}: a tap target of at least 44×44 px (${JSON.stringify(target)})`,
      );
    }
    await context.close();
  });
}

test('tote: an empty search field starts on the right, and a Latin query typed in it reads left to right', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${origin}/tote/`);
  const field = page.locator('.header-search input');
  const direction = () => field.evaluate((el) => getComputedStyle(el).direction);
  assert.equal(await direction(), 'rtl', 'the empty field, its placeholder in Arabic script, is right to left');
  await field.fill('Astana');
  assert.equal(await direction(), 'ltr', 'a Latin query reads left to right');
  await field.fill('استانا');
  assert.equal(await direction(), 'rtl', 'an Arabic-script query reads right to left');
  await context.close();
});

for (const [edition, query, width] of [
  ['en', 'snow leopards', 1280],
  ['tote', 'استانا', 390],
] as const) {
  test(`${edition} search page at ${width} px: the query, filters and button are set in the site's type, at least 36 px tall`, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}/${edition}/search?q=${encodeURIComponent(query)}`);
    const looks = await page.evaluate(() => {
      const body = getComputedStyle(document.body).fontFamily;
      return [...document.querySelectorAll('.search-form :is(input, select, button)')].map((el) => ({
        tag: el.tagName.toLowerCase(),
        sameFont: getComputedStyle(el).fontFamily === body,
        height: el.getBoundingClientRect().height,
        right: el.getBoundingClientRect().right,
      }));
    });
    assert.ok(looks.length >= 4, 'the field, two filters and the button');
    for (const look of looks) {
      assert.ok(look.sameFont, `the ${look.tag} uses the page's fonts, not the browser's default`);
      assert.ok(look.height >= 36, `the ${look.tag} is at least 36 px tall (${look.height})`);
      assert.ok(look.right <= width, `the ${look.tag} stays inside the screen`);
    }
    await context.close();
  });
}
