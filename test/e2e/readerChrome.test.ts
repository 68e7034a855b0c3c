// The site's frame as a reader meets it: no failed request or console error on any page (the
// favicon was one on every page), an installable manifest in each edition's language and script,
// and a printed article with the story, its photos and credits and its URL, without menus, sidebar
// or lists.
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

for (const edition of ['kz', 'tote', 'cn', 'en'] as const) {
  test(`${edition}: the home and an article load without a failed request or a console error, icon included`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`);
    });
    const icon = page.waitForResponse((r) => /\/assets\/icon\.[0-9a-f]+\.svg$/.test(r.url()));
    await page.goto(`${origin}/${edition}/`);
    assert.equal((await icon).status(), 200, 'the page icon is fetched');
    // Every photo of the home loaded (leaving earlier would cancel the ones still on their way).
    await page.waitForLoadState('networkidle');
    const article = await page.locator('main .card-title a').first().getAttribute('href');
    await page.goto(`${origin}${article}`);
    await page.waitForLoadState('networkidle');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('each edition has a web app manifest in its own language, script and direction', async () => {
  const names = new Set<string>();
  for (const edition of ['kz', 'qz', 'tote', 'ru', 'en', 'cn', 'uz', 'uz-latn']) {
    const page = await site.app.inject({ url: `/${edition}/` });
    const href = /<link rel="manifest" href="([^"]+)"/.exec(page.body)?.[1];
    assert.equal(href, `/${edition}/manifest.webmanifest`);
    const res = await site.app.inject({ url: href });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/manifest\+json/);
    const m = res.json() as { name: string; lang: string; dir: string; start_url: string; icons: { src: string }[] };
    assert.equal(m.start_url, `/${edition}/`);
    assert.equal(m.dir, edition === 'tote' ? 'rtl' : 'ltr');
    assert.equal(m.lang, /<html lang="([^"]+)"/.exec(page.body)?.[1]);
    names.add(m.name);
    for (const i of m.icons) assert.equal((await site.app.inject({ url: i.src })).statusCode, 200, i.src);
  }
  const tote = (await site.app.inject({ url: '/tote/manifest.webmanifest' })).json() as { name: string };
  assert.match(tote.name, /[\u0600-\u06FF]/, 'the ق ز name is in Arabic script');
  assert.ok(names.size >= 4, `names per script: ${[...names].join(', ')}`);
  assert.equal((await site.app.inject({ url: '/xx/manifest.webmanifest' })).statusCode, 404);
  const ico = await site.app.inject({ url: '/favicon.ico' });
  assert.equal(ico.statusCode, 200);
  assert.equal(ico.rawPayload.subarray(1, 4).toString('latin1'), 'PNG');
});

for (const edition of ['kz', 'tote'] as const) {
  test(`${edition}: a printed article keeps the story, its photo, credits and URL, and drops the chrome`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}/${edition}/`);
    // The lead story has a photo.
    const article = await page.locator('main .card-media + .card-text .card-title a, main .card-title a').first().getAttribute('href');
    await page.goto(`${origin}${article}`);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.masthead', '.popular', 'section.more', '.tags', '.skip']) {
      const n = await page.locator(hidden).count();
      for (let i = 0; i < n; i++) assert.equal(await page.locator(hidden).nth(i).isVisible(), false, `${hidden} is not printed`);
    }
    assert.ok(await page.locator('main h1').isVisible(), 'the headline');
    assert.ok(await page.locator('main .article-body').isVisible(), 'the text');
    const printedUrl = () => page.evaluate(() => getComputedStyle(document.querySelector('.site-footer')!, '::after').content);
    const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
    assert.equal(await printedUrl(), JSON.stringify(canonical), 'the URL is printed under the story');
    const credits = page.locator('main figure .credit');
    if ((await credits.count()) > 0) assert.ok(await credits.first().isVisible(), 'photo credits');
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
    await page.screenshot({ path: screenshotPath(`print-${edition}.png`), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await printedUrl(), 'none', 'the URL line is for paper only');
    await context.close();
  });
}

for (const edition of ['kz', 'tote', 'cn'] as const) {
  test(`${edition}: share links carry the article's canonical URL; the copy button only with JavaScript`, async () => {
    const home = await site.app.inject({ url: `/${edition}/` });
    const article = /<h[23] class="card-title"><a href="([^"]+)"/.exec(home.body)?.[1] ?? '';
    for (const javaScriptEnabled of [false, true]) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled });
      if (javaScriptEnabled) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const page = await context.newPage();
      const elsewhere: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(origin)) elsewhere.push(r.url());
      });
      await page.goto(`${origin}${article}`);
      const canonical = await page.getAttribute('link[rel="canonical"]', 'href');
      assert.ok(canonical);
      const hrefs = await page.locator('section.share a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      assert.equal(hrefs.length, 4, 'Telegram, WhatsApp, Facebook, X');
      for (const href of hrefs) {
        const carried = [...new URL(href).searchParams.values()].join(' ');
        assert.ok(carried.includes(canonical), `${href} carries ${canonical}`);
      }
      assert.equal(await page.locator('section.share a[target="_blank"][rel~="noopener"]').count(), 4);
      const copy = page.locator('button.share-copy');
      assert.equal(await copy.isVisible(), javaScriptEnabled, 'the copy button shows only when it can work');
      if (javaScriptEnabled) {
        await copy.click();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), canonical);
        assert.notEqual(await copy.textContent(), '', 'it says the link was copied');
      }
      assert.deepEqual(elsewhere, [], 'nothing is fetched from the networks before a click');
      await context.close();
    }
  });
}

for (const edition of ['kz', 'tote', 'cn'] as const) {
  test(`${edition}, phone: the skip link stays out of sight until the keyboard reaches it`, async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${origin}/${edition}/`);
    const skip = page.locator('a.skip');
    const box = async () => (await skip.boundingBox())!;
    // Arabic script's taller lines made it peek out above the masthead in ق ز.
    assert.ok((await box()).y + (await box()).height <= 0, `hidden above the page: ${JSON.stringify(await box())}`);
    await page.keyboard.press('Tab');
    assert.equal(await skip.evaluate((el) => el === document.activeElement), true, 'the first Tab reaches it');
    assert.ok((await box()).y >= 0, 'and shows it');
    await context.close();
  });
}
