// Every letter a reader sees comes from the site's own fonts: Chromium's DevTools protocol
// (`CSS.getPlatformFontsForNode`) names the font that drew each text node of the headline, lead and
// body of demo articles and of the home page's cards, in all eight editions. Kazakh ә ғ қ ң ө ұ,
// Uzbek қ ғ ҳ, Kazakh Latin ǵ ń ş and Arabic-script ۇ ٴ must never switch to a system font in the
// middle of a word. Chinese takes its Han characters from the system's CJK fonts (a CJK web font
// would weigh megabytes); its Latin letters and digits come from Noto Sans. The fonts a page
// downloads stay within 120 KB per script.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, serve } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const OURS = new Set(['Noto Sans', 'Noto Serif', 'Noto Naskh Arabic']);
const SYSTEM_CJK = /WenQuanYi|Noto (Sans|Serif) CJK|Source Han|PingFang|Droid Sans Fallback/;
const EDITIONS = ['kz', 'qz', 'tote', 'ru', 'en', 'cn', 'uz', 'uz-latn'] as const;
const TEXT = [
  'main h1',
  'main .article-lead',
  'main .article-body p',
  'main .article-body li',
  'main .article-body blockquote',
  'main figcaption',
];
const CARDS = ['main .card-title', 'main .card-lead'];

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

interface Drawn {
  family: string;
  custom: boolean;
  glyphs: number;
  text: string;
}

/** The fonts that drew the text of every element matching the selectors (and their descendants). */
async function fontsOf(page: Page, cdp: CDPSession, selectors: readonly string[]): Promise<Drawn[]> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const out: Drawn[] = [];
  for (const selector of selectors) {
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `${selector}, ${selector} *` });
    for (const nodeId of nodeIds.slice(0, 60)) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      if (fonts.length === 0) continue;
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
      for (const f of fonts)
        out.push({ family: f.familyName, custom: f.isCustomFont, glyphs: f.glyphCount, text: outerHTML.slice(0, 120) });
    }
  }
  return out;
}

/** `font: text…` of every node drawn (partly) by a font that is not the site's, once each. */
function foreign(edition: string, drawn: readonly Drawn[]): string[] {
  const bad = drawn.filter((d) => !(d.custom && OURS.has(d.family)) && !(edition === 'cn' && !d.custom && SYSTEM_CJK.test(d.family)));
  return [...new Set(bad.map((d) => `${d.family}: ${d.text.replace(/<[^>]*>/g, '').slice(0, 60)}`))].slice(0, 10);
}

for (const edition of EDITIONS) {
  test(`${edition}: headlines, leads and bodies are drawn by the site's fonts only`, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const fontBytes = new Map<string, number>();
    page.on('response', async (response) => {
      if (!response.url().includes('/assets/fonts/')) return;
      const body = await response.body().catch(() => null);
      if (body) fontBytes.set(response.url(), body.length);
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');

    await page.goto(`${origin}/${edition}/`);
    const cards = await fontsOf(page, cdp, CARDS);
    assert.ok(cards.length > 0, 'the home page has cards to look at');
    assert.deepEqual(foreign(edition, cards), [], 'card headlines and leads');

    const links = await page.locator('main .card-title a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    const articles = [...new Set(links)].slice(0, 4);
    assert.ok(articles.length >= 3, 'articles to open');
    let glyphs = 0;
    for (const path of articles) {
      await page.goto(`${origin}${path}`);
      const drawn = await fontsOf(page, cdp, TEXT);
      assert.ok(
        drawn.some((d) => d.custom),
        `${path}: text drawn`,
      );
      assert.deepEqual(foreign(edition, drawn), [], `${path}: no letter from a fallback font`);
      glyphs += drawn.reduce((n, d) => n + d.glyphs, 0);
    }
    assert.ok(glyphs > 500, 'enough text was looked at');
    const total = [...fontBytes.values()].reduce((a, b) => a + b, 0);
    assert.ok(total > 0, 'fonts were downloaded from the site');
    assert.ok(total <= 120 * 1024, `fonts for ${edition}: ${total} bytes, budget 120 KB`);
    await context.close();
  });
}

test("a page preloads its own script's fonts and the files are cached for a year", async () => {
  const kz = await site.app.inject({ url: '/kz/' });
  const tote = await site.app.inject({ url: '/tote/' });
  const preloads = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)].map((m) => m[1] ?? '');
  assert.ok(preloads(kz.body).length > 0 && preloads(kz.body).every((u) => /cyrillic/.test(u)), 'kz preloads Cyrillic faces');
  assert.ok(preloads(tote.body).length > 0 && preloads(tote.body).every((u) => /arabic/.test(u)), 'ق ز preloads Arabic faces');
  const font = await site.app.inject({ url: preloads(kz.body)[0] ?? '' });
  assert.equal(font.statusCode, 200);
  assert.equal(font.headers['content-type'], 'font/woff2');
  assert.match(String(font.headers['cache-control']), /immutable/);
  assert.equal(font.rawPayload.subarray(0, 4).toString('latin1'), 'wOF2');
});
