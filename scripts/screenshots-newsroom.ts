// Screenshots of the newsroom's screens for the README (docs/screenshots/newsroom-*.png): My work,
// notifications, comments beside the timeline, the photo crop screen, the publish dialog, analytics,
// the audit log and Pages. Boots the demo site on a throwaway SQLite database with the test helpers,
// sets up a desk's morning through the newsroom API (an assignment, a draft returned with a comment
// and a mention, readers' views), then photographs each screen in Chromium at 1280 px in English and
// writes palette PNGs of at most 150 KB.
//   node --import tsx scripts/screenshots-newsroom.ts
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { LightMyRequestResponse } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serve, signInThroughForm } from '../test/support/browser.ts';
import { bootSite, type TestSite } from '../test/support/site.ts';
import { makeUser, signIn, textBody, type Client, type TestUser } from '../test/support/newsroom.ts';
import { READER_UA } from '../test/support/readerAgent.ts';

const OUT = path.resolve('docs/screenshots');
const WIDTH = 1280;
const MAX_BYTES = 150 * 1024;

/** A palette PNG of at most MAX_BYTES, WIDTH px wide: fewer colours until it fits. */
async function write(name: string, png: Buffer): Promise<void> {
  for (const colours of [256, 128, 64, 32]) {
    const out = await sharp(png)
      .resize({ width: WIDTH, withoutEnlargement: true })
      .png({ palette: true, colours, compressionLevel: 9, effort: 10 })
      .toBuffer();
    if (out.length <= MAX_BYTES || colours === 32) {
      fs.writeFileSync(path.join(OUT, name), out);
      process.stdout.write(`${name}: ${Math.round(out.length / 1024)} KB, ${colours} colours\n`);
      return;
    }
  }
}

/** The answer's JSON once its status is the expected one (an article's id and revision unless told). */
async function ok<T = { id: number; revision: number }>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  assert.equal(r.statusCode, status, r.body);
  return r.json() as T;
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const site: TestSite = await bootSite('sqlite');
  let browser: Browser | null = null;
  try {
    const origin = await serve(site);
    const db = site.database.handle.db;
    const editor = await makeUser(site, 'editor', ['kz', 'ru'], { name: 'Yerlan Bekuly' });
    const journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Aigul Serikkyzy' });
    await makeUser(site, 'journalist', ['kz'], { name: 'Aidos Nurlanuly' });
    const admin = await makeUser(site, 'admin', [], { name: 'Nurlan Admin' });
    await db.updateTable('users').set({ ui_lang: 'en' }).execute();
    const ed: Client = await signIn(site.app, editor);
    const jo: Client = await signIn(site.app, journalist);
    const sections = await db.selectFrom('sections').select('id').orderBy('position').limit(2).execute();
    const tomorrow = new Date(site.services.clock().getTime() + 86_400_000).toISOString().slice(0, 10);

    // My work: three assignments for the journalist; the first one's draft is started.
    const planned = [
      ['Almaty starts winter road repairs', '18:00', 'Ask the akimat for a comment.'],
      ['Astana youth forum opens', '12:30', 'Photos from the opening, please.'],
      ['Grain exports: the autumn figures', '16:00', ''],
    ] as const;
    const assignments: { id: number }[] = [];
    for (const [i, [headline, time, note]] of planned.entries()) {
      assignments.push(
        await ok(
          ed.post('/api/newsroom/assignments', {
            headline,
            edition: 'kz',
            sectionId: sections[i % sections.length]!.id,
            due: `${tomorrow}T${time}`,
            assigneeId: journalist.id,
            ...(note ? { note } : {}),
          }),
          201,
        ),
      );
    }
    let article = await ok<{ id: number; revision: number }>(jo.post(`/api/newsroom/assignments/${assignments[0]!.id}/draft`), 201);
    // The newest demo photo an article uses (first in the library; the publisher's logo is not a photo).
    const hero = await db
      .selectFrom('articles')
      .select('hero_asset_id')
      .where('hero_asset_id', 'is not', null)
      .orderBy('hero_asset_id', 'desc')
      .executeTakeFirstOrThrow();
    const asset = { id: hero.hero_asset_id! };
    const tag = await db.selectFrom('tags').select('id').orderBy('id').executeTakeFirstOrThrow();
    article = await ok(
      jo.put(`/api/newsroom/articles/${article.id}`, {
        revision: article.revision,
        headline: 'Алматыда қысқы жол жөндеуі басталды',
        lead: 'Қала әкімдігі көшелерді қысқа дайындап жатыр.',
        body: textBody('Жөндеу жұмыстары он күнге созылады.', 'Жұмыс үш ауданда жүреді: Алмалы, Бостандық, Медеу.'),
        heroAssetId: asset.id,
        tagIds: [tag.id],
      }),
    );
    article = await ok(jo.post(`/api/newsroom/articles/${article.id}/transitions`, { action: 'submit', revision: article.revision }));
    // The editor comments with a mention, returns it; the journalist answers; it is submitted again.
    const first = await ok<{ id: number }>(
      ed.post(`/api/newsroom/articles/${article.id}/comments`, { body: 'Please check the quote, @Aigul Serikkyzy: who said it?' }),
      201,
    );
    await ok(
      jo.post(`/api/newsroom/articles/${article.id}/comments`, { body: 'The akim, at the briefing. Source added.', parentId: first.id }),
      201,
    );
    article = await ok(
      ed.post(`/api/newsroom/articles/${article.id}/transitions`, {
        action: 'return',
        revision: article.revision,
        comment: 'Add the source of the figures.',
      }),
    );
    article = await ok(jo.post(`/api/newsroom/articles/${article.id}/transitions`, { action: 'submit', revision: article.revision }));
    await ok(ed.post(`/api/newsroom/articles/${article.id}/comments`, { body: 'Thanks, approving after lunch.' }), 201);

    browser = await launchChromium();
    const open = async (user: TestUser, url: string, height = 900): Promise<Page> => {
      const context = await browser!.newContext({ viewport: { width: WIDTH, height }, locale: 'en-GB' });
      const page = await context.newPage();
      await signInThroughForm(page, origin, user);
      await page.goto(`${origin}${url}`);
      return page;
    };
    const shot = async (page: Page, name: string, opts: { fullPage?: boolean; maxHeight?: number } = {}) => {
      await page.evaluate(() => document.fonts.ready);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const clip = opts.fullPage ? { x: 0, y: 0, width: WIDTH, height: Math.min(height, opts.maxHeight ?? 1600) } : undefined;
      await write(name, await page.screenshot(clip ? { clip, fullPage: true } : {}));
    };

    // Readers' views for analytics (the demo's views are there too).
    const readers = await browser.newContext({ userAgent: READER_UA });
    const reader = await readers.newPage();
    for (const edition of ['kz', 'qz', 'ru', 'en']) {
      await reader.goto(`${origin}/${edition}/`);
      const beacon = reader.waitForResponse((r) => r.url().includes('/beacon?'));
      await reader.locator('main a[href*="/news/"]').first().click();
      await beacon;
    }
    await readers.close();
    await site.services.views.flush();

    let page = await open(journalist, '/newsroom/work');
    await page.getByTestId('my-assignments').waitFor();
    await shot(page, 'newsroom-my-work.png', { fullPage: true, maxHeight: 900 });
    await page.getByTestId('nav-notifications').click();
    await page.getByTestId('notifications').waitFor();
    await shot(page, 'newsroom-notifications.png', { fullPage: true, maxHeight: 900 });
    await page.context().close();

    page = await open(editor, `/newsroom/articles/${article.id}`);
    await page.getByTestId('comment').first().waitFor();
    await page.getByTestId('comments').scrollIntoViewIfNeeded();
    await shot(page, 'newsroom-comments.png');
    await page.getByTestId('action-publish').click();
    await page.getByTestId('publish-dialog').waitFor();
    await shot(page, 'newsroom-publish-dialog.png');
    await page.getByTestId('publish-cancel').click();
    await page.getByTestId('nav-analytics').click();
    await page.getByTestId('chart-daily').locator('canvas').waitFor();
    await shot(page, 'newsroom-analytics.png', { fullPage: true, maxHeight: 1500 });
    await page.getByTestId('nav-media').click();
    await page.getByTestId(`edit-${asset.id}`).click();
    const frame = page.getByTestId('focal-frame');
    await frame.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    for (const ratio of ['16x9', '4x3', '1x1'])
      await page
        .getByTestId(`crop-${ratio}`)
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.decode());
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'newsroom-photo-crop.png', { fullPage: true, maxHeight: 1250 });
    await page.context().close();

    // What the audit log keeps: a publication, an unpublication, a role change.
    article = await ok(ed.post(`/api/newsroom/articles/${article.id}/transitions`, { action: 'publish', revision: article.revision }));
    const live = await db
      .selectFrom('articles')
      .select(['id', 'revision'])
      .where('edition', '=', 'kz')
      .where('status', '=', 'published')
      .where('id', '!=', article.id)
      .orderBy('published_at')
      .executeTakeFirstOrThrow();
    await ok(ed.post(`/api/newsroom/articles/${live.id}/transitions`, { action: 'unpublish', revision: live.revision }));
    const colleague = await db.selectFrom('users').select('id').where('name', '=', 'Aidos Nurlanuly').executeTakeFirstOrThrow();
    await ok((await signIn(site.app, admin)).patch(`/api/newsroom/users/${colleague.id}`, { role: 'editor' }));

    page = await open(admin, '/newsroom/audit');
    await page.getByTestId('audit').locator('tbody tr').first().waitFor();
    await shot(page, 'newsroom-audit.png');
    await page.getByTestId('nav-pages').click();
    await page.waitForURL(/\/newsroom\/pages$/);
    await page.getByTestId('pages-list').locator('tbody tr').first().waitFor();
    await shot(page, 'newsroom-pages.png', { fullPage: true, maxHeight: 900 });
    await page.context().close();
  } finally {
    await browser?.close();
    await site.close();
  }
}

await main();
