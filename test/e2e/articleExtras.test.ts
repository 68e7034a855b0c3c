// The article's extras in Chromium: embeds that ask nothing of the provider until the reader
// clicks, the gallery viewer (arrows, Escape, swipe, caption and credit of each photo), reading
// settings remembered and applied before the first paint, dark mode that keeps contrast (axe-core),
// the system's colours without JavaScript, and screenshots at phone and desktop widths.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { BODY_VERSION, type Body } from '../../src/content/body.ts';
import { launchChromium, readerScreenshot, screenshotPath, serve } from '../support/browser.ts';
import { aPhoto, anArticle, type ArticleFixture } from '../support/fixtures.ts';
import { bootSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PROVIDER_HOSTS =
  /(^|\.)(youtube\.com|youtube-nocookie\.com|ytimg\.com|youtu\.be|t\.me|telegram\.org|twitter\.com|x\.com|twimg\.com|instagram\.com|cdninstagram\.com)$/;

let site: TestSite;
let browser: Browser;
let origin: string;
let article: ArticleFixture;

before(async () => {
  site = await bootSite('sqlite');
  const db = site.database.handle.db;
  const gallery = await Promise.all([1, 2, 3].map((n) => aPhoto(db, { kz: { caption: `Галерея суреті ${n}`, credit: `Автор ${n}` } })));
  const tags = await db.selectFrom('tags').select('id').orderBy('id').limit(2).execute();
  const authors = await db.selectFrom('authors').select('id').orderBy('id').limit(1).execute();
  const body: Body = {
    version: BODY_VERSION,
    blocks: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Астанада жаңа мұражай ашылды. Келушілер көп болды.' }] },
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      { type: 'paragraph', content: [{ type: 'text', text: 'Мұражайда үш зал бар.' }] },
      { type: 'gallery', items: gallery.map((assetId) => ({ assetId })) },
      { type: 'embed', provider: 'telegram', url: 'https://t.me/habarshy_news/1234' },
    ],
  };
  article = await anArticle(db, {
    headline: 'Астанада жаңа мұражай ашылды',
    lead: 'Мұражай үш залдан тұрады.',
    body,
    tags: tags.map((t) => t.id),
    authors: authors.map((a) => a.id),
    photo: { caption: 'Мұражай ғимараты', credit: 'Habarshy' },
  });
  origin = await serve(site);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function axeContrast(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['violations'] });
    return r.violations.flatMap((v: { nodes: { target: string[]; failureSummary: string }[] }) =>
      v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`),
    );
  });
}

test('an embed asks nothing of its provider until the reader clicks; then its frame is inserted', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const toProviders: string[] = [];
  page.on('request', (r) => {
    if (PROVIDER_HOSTS.test(new URL(r.url()).hostname)) toProviders.push(r.url());
  });
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>stub</title><p>stub player</p>' }),
  );
  await page.goto(`${origin}${article.path}`);
  await page.waitForLoadState('networkidle');
  const youtube = page.locator('figure.embed-youtube');
  await youtube.scrollIntoViewIfNeeded();
  await page.waitForLoadState('networkidle');
  assert.equal(toProviders.length, 0, `no request to a provider before the click: ${toProviders.join(', ')}`);
  assert.equal(await youtube.locator('.embed-provider').textContent(), 'YouTube');
  assert.equal(await page.locator('iframe').count(), 0);
  await youtube.screenshot({ path: screenshotPath('article-extras-embed-facade-kz-390.png') });
  await youtube.getByRole('button', { name: 'YouTube материалын көрсету' }).click();
  const frame = youtube.locator('iframe');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1');
  await page.waitForLoadState('networkidle');
  assert.ok(
    toProviders.some((u) => u.startsWith('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ')),
    'the click loads the player',
  );
  assert.ok(
    toProviders.every((u) => u.startsWith('https://www.youtube-nocookie.com/')),
    `only the clicked provider: ${toProviders.join(', ')}`,
  );
  assert.equal(await page.locator('figure.embed-telegram iframe').count(), 0, 'the other embed still waits');
  await context.close();
});

test('without JavaScript: the plain links, plain photos, no settings, and the system colours', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false, colorScheme: 'dark' });
  const page = await context.newPage();
  await page.goto(`${origin}${article.path}`);
  assert.ok(await page.locator('figure.embed-youtube a[href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"]').isVisible());
  assert.equal(await page.locator('.embed-load button').first().isVisible(), false);
  assert.equal(await page.locator('.reader-settings').isVisible(), false);
  assert.equal(await page.locator('.gallery img').count(), 3);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(17, 19, 23)', 'the dark system preference applies without a script');
  await context.close();
});

test('the gallery viewer: arrows, Escape, swipe, with the caption and credit of each photo', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${origin}${article.path}`);
  const first = page.locator('.gallery a.gallery-open').first();
  await first.click();
  const viewer = page.locator('dialog.viewer');
  await viewer.waitFor();
  assert.equal(await viewer.getAttribute('aria-label'), 'Суреттерді қарау');
  assert.equal(await viewer.locator('.viewer-count').textContent(), 'Сурет 1/3');
  assert.equal(await viewer.locator('.caption').textContent(), 'Галерея суреті 1');
  assert.match((await viewer.locator('.credit').textContent()) ?? '', /Автор 1/);
  await page.screenshot({ path: screenshotPath('article-extras-gallery-viewer-kz-390.png') });
  await page.keyboard.press('ArrowRight');
  assert.equal(await viewer.locator('.viewer-count').textContent(), 'Сурет 2/3');
  assert.equal(await viewer.locator('.caption').textContent(), 'Галерея суреті 2');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await viewer.locator('.viewer-count').textContent(), 'Сурет 3/3', 'the ends wrap around');
  // A swipe to the left: the next photo.
  await page.evaluate(() => {
    const d = document.querySelector('dialog.viewer')!;
    const start = new Touch({ identifier: 1, target: d, clientX: 300, clientY: 300 });
    const end = new Touch({ identifier: 1, target: d, clientX: 120, clientY: 300 });
    d.dispatchEvent(new TouchEvent('touchstart', { changedTouches: [start], bubbles: true }));
    d.dispatchEvent(new TouchEvent('touchend', { changedTouches: [end], bubbles: true }));
  });
  assert.equal(await viewer.locator('.viewer-count').textContent(), 'Сурет 1/3');
  await page.keyboard.press('Escape');
  assert.equal(await viewer.isVisible(), false);
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('gallery-open')), true, 'focus goes back to the photo');
  await context.close();
});

test('reading settings: text size and dark colours are remembered and applied before the first paint', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  await page.goto(`${origin}${article.path}`);
  const settings = page.locator('.reader-settings');
  await settings.locator('button.settings-toggle').click();
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.article-body')!).fontSize));
  const before = await size();
  await settings.getByRole('button', { name: 'Үлкен' }).click();
  assert.ok((await size()) > before * 1.15, 'the text grows');
  await settings.getByRole('button', { name: 'Қараңғы' }).click();
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(17, 19, 23)');
  // The next page: the stored choice is on <html> before the style sheet and the body are read.
  await page.addInitScript(() => {
    document.addEventListener(
      'readystatechange',
      () => {
        if (document.readyState === 'interactive')
          (window as unknown as { firstState: string }).firstState =
            `${document.documentElement.dataset.theme}/${document.documentElement.dataset.text}`;
      },
      { once: true },
    );
  });
  await page.goto(`${origin}/kz/`);
  assert.equal(await page.evaluate(() => (window as unknown as { firstState: string }).firstState), 'dark/l');
  const order = await page.evaluate(() =>
    [...document.head.querySelectorAll('script[src], link[rel="stylesheet"]')].map((e) => `${e.tagName}:${e.hasAttribute('defer')}`),
  );
  assert.equal(order[0], 'SCRIPT:false', 'the settings script runs first and blocks the paint');
  await page.goto(`${origin}${article.path}`);
  assert.equal(
    await settings.locator('button[data-theme-choice="dark"]').getAttribute('aria-pressed'),
    'true',
    'the stored choice is shown',
  );
  assert.deepEqual(await axeContrast(page), [], 'dark colours keep their contrast');
  await readerScreenshot(page, 'article-extras-dark-kz-1280.png');
  await settings.locator('button.settings-toggle').click();
  await settings.getByRole('button', { name: 'Жүйедегідей' }).click();
  await settings.getByRole('button', { name: 'Орташа' }).click();
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
  assert.deepEqual(await page.evaluate(() => [localStorage.getItem('habarshy.theme'), localStorage.getItem('habarshy.text')]), [
    null,
    null,
  ]);
  await context.close();
});

test('dark mode from the system keeps contrast on an article in every script', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const page = await context.newPage();
  for (const code of ['kz', 'tote']) {
    await page.goto(`${origin}${article.path.replace('/kz/', `/${code}/`)}`);
    assert.deepEqual(await axeContrast(page), [], `${code}: contrast in dark mode`);
  }
  await context.close();
});

for (const code of ['kz', 'tote', 'cn', 'en'] as const) {
  for (const width of [390, 1280]) {
    test(`${code} at ${width} px: related stories with images and the author card with a portrait and bio`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      let path = article.path.replace('/kz/', `/${code}/`);
      if (code === 'cn' || code === 'en') {
        await page.goto(`${origin}/${code}/`);
        path = (await page.locator('main .card-title a').first().getAttribute('href'))!;
      }
      await page.goto(`${origin}${path}`);
      await page.waitForLoadState('networkidle');
      assert.ok((await page.locator('section.related .card').count()) > 0, 'related stories');
      assert.ok((await page.locator('section.related .card-media img').count()) > 0, 'with images');
      const card = page.locator('.authors .author-card').first();
      assert.ok(await card.locator('.portrait').isVisible());
      assert.ok(((await card.locator('.author-bio').textContent()) ?? '').length > 10, 'a bio');
      // The lazy photos of the related stories load once scrolled to (for the screenshot). The block
      // is drawn only near the screen (content-visibility): scroll through it as a reader does.
      await page.locator('section.related').scrollIntoViewIfNeeded();
      for (const img of await page.locator('section.related img').all()) await img.scrollIntoViewIfNeeded();
      await page.waitForFunction(() =>
        [...document.querySelectorAll('section.related img')].every((i) => (i as HTMLImageElement).complete),
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(overflow, 0, 'nothing wider than the screen');
      await readerScreenshot(page, `article-extras-${code}-${width}.png`);
      await context.close();
    });
  }
}
