// `npm run screenshots`: the reader's pages as the README shows them. Boots the site on a fresh
// SQLite database seeded with the demo newsroom (the test suites' boot, same fixed clock), serves it
// on a free port of 127.0.0.1 and, in Debian's Chromium, shoots the home, the richest demo article
// (lead photo, photos in the text, a quote: the demo has no gallery or embed) and a section page of
// en, kz, ق ز (tote) and cn on a phone (390×844, the first two screens) and a desktop (1280×800, the
// first screen and a bit) into docs/screenshots/reader/{edition}-{page}-{phone|desktop}.png, palette
// PNGs of at most 200 KB, and the README's lead picture (docs/screenshots/reader/lead.png).
// `npm run screenshots -- cn-` shoots only the shots whose names contain the argument.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { contentEdition, type EditionCode } from '../src/editions/editions.ts';
import { paths } from '../src/services/urls.ts';
import { launchChromium, serve } from '../test/support/browser.ts';
import { bootSite, dom, type TestSite } from '../test/support/site.ts';

const OUT_DIR = path.resolve('docs/screenshots/reader');
const EDITIONS: readonly EditionCode[] = ['en', 'kz', 'tote', 'cn'];
const SECTION_KEY = 'economy';
const MAX_BYTES = 200 * 1024;

const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, clipHeight: 844 * 2 },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false, clipHeight: 1000 },
} as const;

type Shot = { edition: EditionCode; page: 'home' | 'article' | 'section'; url: string };

/** The story published in all four editions whose en article has the most kinds of body blocks and a lead photo. */
async function richestStory(site: TestSite): Promise<number> {
  const rows = await site.database.handle.db
    .selectFrom('articles')
    .select(['story_id', 'body', 'hero_asset_id'])
    .where('edition', '=', 'en')
    .where('status', '=', 'published')
    .execute();
  const everywhere = await site.database.handle.db
    .selectFrom('articles')
    .select('story_id')
    .where('edition', 'in', [...new Set(EDITIONS.map(contentEdition))])
    .where('status', '=', 'published')
    .groupBy('story_id')
    .having((eb) => eb.fn.count('edition'), '=', new Set(EDITIONS.map(contentEdition)).size)
    .execute();
  const inAll = new Set(everywhere.map((r) => r.story_id));
  let best = { story: 0, score: -1 };
  for (const row of rows) {
    if (!inAll.has(row.story_id)) continue;
    const { blocks } = JSON.parse(row.body) as { blocks: { type: string }[] };
    const kinds = new Set(blocks.map((b) => b.type).filter((t) => ['image', 'quote', 'gallery', 'embed'].includes(t)));
    const score = kinds.size * 10 + (row.hero_asset_id === null ? 0 : 5) + Math.min(blocks.length, 9);
    if (score > best.score) best = { story: row.story_id, score };
  }
  return best.story;
}

/** A derived edition's path of a page, as the written edition's page links it (hreflang). */
async function alternate(site: TestSite, writtenPath: string, edition: EditionCode): Promise<string> {
  const res = await site.app.inject({ method: 'GET', url: encodeURI(writtenPath) });
  const doc = dom(res.body);
  for (const link of doc.querySelectorAll('link[rel="alternate"][hreflang]')) {
    const href = new URL(link.getAttribute('href') ?? '', 'https://x.test').pathname;
    if (href.startsWith(`/${edition}/`)) return decodeURI(href);
  }
  throw new Error(`no ${edition} alternate of ${writtenPath}`);
}

async function shotList(site: TestSite): Promise<Shot[]> {
  const db = site.database.handle.db;
  const story = await richestStory(site);
  const shots: Shot[] = [];
  for (const edition of EDITIONS) {
    const written = contentEdition(edition);
    const article = await db
      .selectFrom('articles')
      .select(['slug', 'public_id'])
      .where('story_id', '=', story)
      .where('edition', '=', written)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    const section = await db
      .selectFrom('section_names')
      .innerJoin('sections', 'sections.id', 'section_names.section_id')
      .select('section_names.slug')
      .where('sections.key', '=', SECTION_KEY)
      .where('section_names.edition', '=', written)
      .executeTakeFirstOrThrow();
    const articlePath = paths.article(written, article.slug, article.public_id);
    const sectionPath = paths.section(written, section.slug);
    shots.push(
      { edition, page: 'home', url: paths.home(edition) },
      { edition, page: 'article', url: written === edition ? articlePath : await alternate(site, articlePath, edition) },
      { edition, page: 'section', url: written === edition ? sectionPath : await alternate(site, sectionPath, edition) },
    );
  }
  return shots;
}

/** Waits until the web fonts are in and every image in the shot has loaded (lazy ones scrolled in). */
async function settle(page: Page, height: number): Promise<void> {
  await page.evaluate(async (h) => {
    for (let y = 0; y < h; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    window.scrollTo(0, 0);
    const images = [...document.images].filter((img) => img.getBoundingClientRect().top < h);
    for (const img of images) img.loading = 'eager';
    await Promise.all(
      images.map((img) =>
        img.complete
          ? Promise.resolve()
          : new Promise((r) => {
              img.addEventListener('load', r, { once: true });
              img.addEventListener('error', r, { once: true });
            }),
      ),
    );
    await document.fonts.ready;
  }, height);
}

/** A palette PNG, with fewer colours until it fits the budget. */
async function compress(png: Buffer): Promise<Buffer> {
  for (const colours of [256, 128, 64]) {
    const out = await sharp(png).png({ palette: true, colours, effort: 10, compressionLevel: 9 }).toBuffer();
    if (out.length <= MAX_BYTES || colours === 64) return out;
  }
  throw new Error('unreachable');
}

/**
 * The README's lead picture: the kz home on a desktop with the ق ز article on a phone over its
 * corner, from the shots just taken (the phone's first screen, half size).
 */
async function lead(): Promise<void> {
  const desktop = await sharp(path.join(OUT_DIR, 'kz-home-desktop.png')).extract({ left: 0, top: 0, width: 1280, height: 800 }).toBuffer();
  const phone = await sharp(path.join(OUT_DIR, 'tote-article-phone.png'))
    .extract({ left: 0, top: 0, width: 390, height: 844 })
    .resize({ width: 312 })
    .extend({ top: 8, bottom: 8, left: 8, right: 8, background: '#16181d' })
    .toBuffer();
  const frame = await sharp(phone).metadata();
  const png = await sharp({ create: { width: 1280 + 160, height: 800 + 40, channels: 3, background: '#e3e6eb' } })
    .composite([
      { input: desktop, left: 20, top: 20 },
      { input: phone, left: 1280 + 160 - (frame.width ?? 0) - 20, top: 800 + 40 - (frame.height ?? 0) - 20 },
    ])
    .png()
    .toBuffer();
  const out = await compress(png);
  fs.writeFileSync(path.join(OUT_DIR, 'lead.png'), out);
  process.stdout.write(`lead.png  ${Math.round(out.length / 1024)} KB\n`);
}

async function main(): Promise<void> {
  const only = process.argv[2];
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const site = await bootSite('sqlite');
  const origin = await serve(site);
  const browser = await launchChromium();
  try {
    for (const [device, spec] of Object.entries(DEVICES)) {
      const context = await browser.newContext({
        viewport: spec.viewport,
        deviceScaleFactor: spec.deviceScaleFactor,
        isMobile: spec.isMobile,
        hasTouch: spec.hasTouch,
        colorScheme: 'light',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      for (const shot of await shotList(site)) {
        const name = `${shot.edition}-${shot.page}-${device}.png`;
        if (only && !name.includes(only)) continue;
        await page.goto(origin + encodeURI(decodeURI(shot.url)), { waitUntil: 'load' });
        await settle(page, spec.clipHeight);
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const height = Math.min(full, spec.clipHeight);
        const png = await page.screenshot({ fullPage: true, clip: { x: 0, y: 0, width: spec.viewport.width, height } });
        const out = await compress(png);
        fs.writeFileSync(path.join(OUT_DIR, name), out);
        process.stdout.write(
          `${name}  ${spec.viewport.width}×${height}  ${Math.round(out.length / 1024)} KB${out.length > MAX_BYTES ? '  OVER BUDGET' : ''}\n`,
        );
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  if (!only) await lead();
}

await main();
