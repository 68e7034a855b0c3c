// In Chromium, as a reader: the language menu keeps the place on every page type (a section, tag,
// author, latest, most popular, a day, the archive and search, its query converted between the
// scripts of Kazakh); Uzbek Latin pages mark the Latin item; the archive of days is reached from
// the latest page and the footer; the masthead shows the wordmark in the edition's script, drawn
// by the site's own fonts, inside its box.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const DESKTOP = { width: 1280, height: 900 };
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

const canonicalOf = (page: Page) => page.locator('link[rel="canonical"]').getAttribute('href');
const alternateOf = (page: Page, hreflang: string) => page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`).getAttribute('href');

/** Clicks a language of the wide-screen menu and waits for the page it leads to. */
async function switchTo(page: Page, lang: string): Promise<void> {
  const link = page.locator(`nav.langs a[hreflang="${lang}"]`);
  const href = await link.getAttribute('href');
  assert.ok(href, `a ${lang} item`);
  await link.click();
  await page.waitForURL(`${origin}${href}`);
}

test('kz → ق ز → ru → kz: every page type keeps its place when the reader changes language', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${origin}/kz/`);
  const sectionHref = await page.locator('nav.sections a').first().getAttribute('href');
  await page.locator('main a[href*="/news/"]').first().click();
  await page.waitForURL(/\/kz\/news\//);
  const tagHref = await page.locator('nav.tags a').first().getAttribute('href');
  const authorHref = await page.locator('.author-card a').first().getAttribute('href');
  const places = {
    section: sectionHref!,
    tag: tagHref!,
    author: authorHref!,
    latest: '/kz/latest',
    popular: '/kz/popular',
    day: '/kz/2026/11/19',
    archive: '/kz/archive',
  };
  for (const [kind, path] of Object.entries(places)) {
    await page.goto(`${origin}${path}`);
    const kz = await canonicalOf(page);
    const heading = await page.locator('main h1').innerText();
    await switchTo(page, 'kk-Arab');
    assert.equal(await page.getAttribute('html', 'lang'), 'kk-Arab', kind);
    assert.equal(await alternateOf(page, 'kk-Cyrl'), kz, `${kind}: the same ${kind} in ق ز`);
    assert.notEqual(await page.locator('main h1').innerText(), heading, `${kind}: its heading in Arabic script`);
    await switchTo(page, 'ru');
    assert.equal(await alternateOf(page, 'kk-Cyrl'), kz, `${kind}: the same ${kind} in ру`);
    await switchTo(page, 'kk-Cyrl');
    assert.equal(await canonicalOf(page), kz, `${kind}: and back`);
  }
  await context.close();
});

test('search: the query goes with the reader, converted between kz, qz and ق ز', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${origin}/kz/`);
  await page.locator('header .header-search input[name="q"]').fill('Астана');
  await page.locator('header .header-search input[name="q"]').press('Enter');
  await page.waitForURL(/\/kz\/search\?q=/);
  await switchTo(page, 'kk-Latn');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'Astana');
  assert.ok((await page.locator('main article.card').count()) > 0, 'qz finds it too');
  await switchTo(page, 'kk-Arab');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'استانا');
  await switchTo(page, 'en');
  assert.equal(new URL(page.url()).searchParams.get('q'), 'استانا', 'another language: the words as typed');
  await context.close();
});

test('Uzbek Latin pages mark the Latin item oʻz as current, and the script switch leads back', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${origin}/uz/latest`);
  await page.locator('.bar > a.script-switch').click();
  await page.waitForURL(`${origin}/uz-latn/latest`);
  const current = page.locator('nav.langs a[aria-current="true"]');
  assert.equal(await current.count(), 1);
  assert.equal(await current.innerText(), 'oʻz');
  assert.equal(await current.getAttribute('lang'), 'uz-Latn');
  assert.equal(await page.locator('nav.langs a[lang="uz-Cyrl"]').count(), 0);
  const marked = await current.evaluate((a) => getComputedStyle(a).backgroundColor);
  const plain = await page.locator('nav.langs a[lang="en"]').evaluate((a) => getComputedStyle(a).backgroundColor);
  assert.notEqual(marked, plain, 'the marker shows');
  await page.screenshot({ path: screenshotPath('langmenu-uz-latn-desktop.png') });
  await page.locator('.bar > a.script-switch').click();
  await page.waitForURL(`${origin}/uz/latest`);
  assert.equal(await page.locator('nav.langs a[aria-current="true"]').innerText(), 'ўз');
  await context.close();
});

test('the archive of days: from the latest page on a desktop and from the footer on a phone', async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${origin}/en/latest`);
  await page.locator('main .archive-link a').click();
  await page.waitForURL(`${origin}/en/archive`);
  assert.equal(await page.locator('main .archive-days a').first().innerText(), 'Friday, 20 November 2026');
  await page.locator('main .archive-days a').nth(1).click();
  await page.waitForURL(`${origin}/en/2026/11/19`);
  assert.ok((await page.locator('main article.card').count()) > 0, 'the day lists its articles');
  await context.close();

  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const p = await phone.newPage();
  await p.goto(`${origin}/tote/`);
  await p.locator('main a[href*="/news/"]').first().click();
  await p.waitForURL(/\/tote\/news\//);
  const footerLink = p.locator('footer.site-footer a[href="/tote/archive"]');
  await footerLink.scrollIntoViewIfNeeded();
  assert.ok(await footerLink.isVisible(), 'the footer shows the archive link');
  await footerLink.click();
  await p.waitForURL(`${origin}/tote/archive`);
  assert.match(await p.locator('main .archive-days a').first().innerText(), /[\u0600-\u06FF]/);
  await p.screenshot({ path: screenshotPath('langmenu-tote-archive-phone.png') });
  await phone.close();
});

for (const code of ['kz', 'tote', 'cn'] as const) {
  test(`${code}: the wordmark in the header, in the edition's script, drawn by the site's fonts and inside its box`, async () => {
    const strings = site.services.texts.get(code).strings;
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${origin}/${code}/`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const logo = page.locator('header a.brand svg.logo');
      assert.ok(await logo.isVisible());
      assert.equal(await logo.getAttribute('aria-label'), strings.siteName);
      assert.equal(await logo.locator('text').textContent(), strings.siteName);
      const box = (await logo.boundingBox())!;
      assert.ok(box.height >= 24 && box.width > box.height * 2, `${code}: a wordmark, ${box.width}×${box.height}`);
      assert.ok(box.x >= 0 && box.x + box.width <= viewport.width, 'on the screen');
      const ink = (await logo.locator('text').boundingBox())!;
      assert.ok(ink.x >= box.x - 1 && ink.x + ink.width <= box.x + box.width + 1, 'the name stays inside the logo');
      assert.ok(await page.locator('header time.date-line').isVisible(), 'the date line shows');
      if (viewport === PHONE) {
        const button = (await page.locator('details.site-menu > summary').boundingBox())!;
        assert.ok(button.y < box.y + box.height, "the menu button stays on the logo's row");
      }
      if (code !== 'cn') {
        const cdp = await context.newCDPSession(page);
        await cdp.send('DOM.enable');
        await cdp.send('CSS.enable');
        const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'header svg.logo text' });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        assert.deepEqual(
          fonts.map((f) => [f.familyName, f.isCustomFont]),
          [[code === 'tote' ? 'Noto Naskh Arabic' : 'Noto Serif', true]],
          'every letter of the name from the self-hosted font',
        );
      }
      await page.screenshot({
        path: screenshotPath(`langmenu-${code}-header-${viewport === PHONE ? 'phone' : 'desktop'}.png`),
        clip: { x: 0, y: 0, width: viewport.width, height: 160 },
      });
      await context.close();
    }
  });
}
