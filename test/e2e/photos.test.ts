// The photo library in Debian's Chromium against the real app, on SQLite and PostgreSQL: several
// photos uploaded at once, each with its own progress (a damaged one refused with a message while
// the others arrive); the crop and focal-point screen, where dragging the point (and the arrow
// keys) moves the 16:9, 4:3 and 1:1 crops live, saving stores it and rotating turns the photo; an
// article's own caption and credit of its lead photo typed in the editor show on the site.
// Screenshots of the crop screen go to test-output/screenshots/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { makeUser, signIn as apiSignIn, textBody, type TestUser } from '../support/newsroom.ts';
import { dialects, tempDir } from '../support/databases.ts';

for (const dialect of dialects()) {
  describe(`photos in the newsroom on ${dialect}`, () => {
    let site: TestSite;
    let browser: Browser;
    let origin: string;
    let journalist: TestUser;
    let editor: TestUser;
    let files: string[];
    let uploaded: number[] = [];

    before(async () => {
      site = await bootSite(dialect, { env: { DATA_DIR: tempDir() } });
      origin = await serve(site);
      journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
      editor = await makeUser(site, 'editor', ['kz'], { name: 'Ерлан Бекұлы' });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-photos-'));
      files = [path.join(dir, 'dala.jpg'), path.join(dir, 'tau.png'), path.join(dir, 'buzyq.jpg')];
      // A wide photo with a bright square on the right: the focal point's subject.
      await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 110, b: 170 } } })
        .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: '#f5c542' } }, left: 1300, top: 200 }])
        .jpeg()
        .toFile(files[0]!);
      await sharp({ create: { width: 900, height: 900, channels: 3, background: { r: 160, g: 60, b: 40 } } })
        .png()
        .toFile(files[1]!);
      fs.writeFileSync(files[2]!, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]));
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await site?.close();
    });

    async function open(user: TestUser, url: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'kk-KZ' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      // 401 is the signed-out check before the login; 422 the damaged file under test; 404 the demo photos' thumbnails (in the shared demo folder).
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 4(01|04|22)/.test(m.text())) errors.push(m.text());
      });
      await signInThroughForm(page, origin, user);
      await page.goto(`${origin}${url}`);
      return { page, errors, close: () => context.close() };
    }
    const db = () => site.database.handle.db;

    test('several photos are uploaded at once, each with its own progress; a damaged one is refused with a message, the others arrive', async () => {
      const { page, errors, close } = await open(journalist, '/newsroom/media');
      // Every progress event the page's uploads report, per file.
      await page.evaluate(() => {
        const seen: Record<string, number[]> = {};
        (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
        new MutationObserver(() => {
          for (const bar of document.querySelectorAll('[data-testid="upload-progress-item"] progress')) {
            const name = bar.getAttribute('aria-label') ?? '';
            const value = Number((bar as HTMLProgressElement).value);
            const list = (seen[name] ??= []);
            if (list[list.length - 1] !== value) list.push(value);
          }
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.getByTestId('upload-file').setInputFiles(files);
      await page.getByTestId('upload-caption').fill('Бірнеше сурет');
      await page.getByTestId('upload-submit').click();
      const items = page.getByTestId('upload-progress-item');
      await page.waitForFunction(
        () =>
          document.querySelectorAll('[data-testid="upload-progress-item"]').length === 3 &&
          [...document.querySelectorAll('[data-testid="upload-progress-item"]')].every((li) => li.getAttribute('data-state') !== 'sending'),
      );
      const states = await items.evaluateAll((lis) => lis.map((li) => [li.textContent, li.getAttribute('data-state')]));
      assert.deepEqual(
        states.map(([, state]) => state),
        ['done', 'done', 'error'],
        JSON.stringify(states),
      );
      assert.match(states[0]![0]!, /dala\.jpg: uploaded/);
      assert.match(states[2]![0]!, /buzyq\.jpg/);
      assert.match(states[2]![0]!, /damaged/i, `the reason, in the interface language (English): ${states[2]![0]}`);
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: Record<string, number[]> }).progressSeen);
      assert.equal(seen['dala.jpg']?.at(-1), 100, `progress of dala.jpg reached 100: ${JSON.stringify(seen)}`);
      assert.equal(seen['tau.png']?.at(-1), 100);

      const rows = await db()
        .selectFrom('media_assets')
        .select(['id', 'original_name'])
        .where('original_name', 'in', ['dala.jpg', 'tau.png', 'buzyq.jpg'])
        .orderBy('id')
        .execute();
      assert.deepEqual(rows.map((r) => r.original_name).sort(), ['dala.jpg', 'tau.png'], 'the damaged file left nothing');
      uploaded = ['dala.jpg', 'tau.png'].map((name) => rows.find((r) => r.original_name === name)!.id);
      for (const id of uploaded) await page.getByTestId(`media-item-${id}`).waitFor();

      // The library's filters: the uploader and the desk find them; a day before anything finds none.
      await page.getByTestId('media-uploader').selectOption({ label: 'Айгүл Серікқызы' });
      await page.waitForFunction(() => document.querySelector('[data-testid="media-total"]')?.textContent?.startsWith('2 '));
      await page.getByTestId('media-desk').selectOption('ru');
      await page.waitForFunction(() => document.querySelector('[data-testid="media-total"]')?.textContent?.startsWith('0 '));
      await page.getByTestId('media-desk').selectOption('kz');
      await page.getByTestId('media-to').fill('2001-01-01');
      await page.waitForFunction(() => document.querySelector('[data-testid="media-total"]')?.textContent?.startsWith('0 '));
      assert.deepEqual(errors, []);
      await close();
    });

    test('the crop screen: dragging the focal point moves the 16:9, 4:3 and 1:1 crops live; arrow keys move it too; saving stores it; rotating turns the photo', async () => {
      const id = uploaded[0]!;
      const { page, errors, close } = await open(journalist, '/newsroom/media');
      await page.getByTestId(`edit-${id}`).click();
      const editorPanel = page.getByTestId('photo-editor');
      await editorPanel.waitFor();
      const crop = async (ratio: string) => {
        const el = page.getByTestId(`crop-${ratio}`);
        return { left: Number(await el.getAttribute('data-left')), top: Number(await el.getAttribute('data-top')) };
      };
      const before = { wide: await crop('16x9'), four: await crop('4x3'), square: await crop('1x1') };
      assert.equal(before.square.left, 350, 'centred at first');

      // Drag the point onto the bright square on the right (x ≈ 0.875, y ≈ 0.33).
      const frame = page.getByTestId('focal-frame');
      await frame.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const box = (await frame.boundingBox())!;
      const point = page.getByTestId('focal-point');
      const start = (await point.boundingBox())!;
      await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4, { steps: 5 });
      // Live, while the button is still down.
      assert.ok((await crop('1x1')).left > before.square.left, 'the square crop follows during the drag');
      await page.mouse.move(box.x + box.width * 0.875, box.y + box.height * 0.33, { steps: 5 });
      await page.mouse.up();
      const x = Number(await point.getAttribute('data-x'));
      const y = Number(await point.getAttribute('data-y'));
      assert.ok(Math.abs(x - 0.875) < 0.02 && Math.abs(y - 0.33) < 0.02, `the point is where it was dropped: ${x}, ${y}`);
      const after = { four: await crop('4x3'), square: await crop('1x1') };
      assert.equal(after.square.left, 1600 - 900, 'the square crop moved right to the edge');
      assert.ok(after.four.left > before.four.left, 'the 4:3 crop moved right');
      assert.equal((await crop('16x9')).left, 0, '16:9 spans the whole width');
      // The preview shows the right part of the picture: the image is shifted left inside its window.
      const shift = await page
        .getByTestId('crop-1x1')
        .locator('img')
        .evaluate((img: HTMLImageElement) => img.style.left);
      assert.match(shift, /^-\d/);

      // Keyboard: the point is a slider; Shift+ArrowLeft moves it 10 % left, ArrowUp 1 % up.
      await point.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('ArrowUp');
      const moved = { x: Number(await point.getAttribute('data-x')), y: Number(await point.getAttribute('data-y')) };
      assert.ok(Math.abs(moved.x - (x - 0.4)) < 0.002 && Math.abs(moved.y - (y - 0.01)) < 0.002, JSON.stringify(moved));
      assert.ok((await crop('1x1')).left < after.square.left, 'the crops follow the keyboard');
      await page.screenshot({ path: screenshotPath('photos-crop-screen.png') });

      await page.getByTestId('focal-save').click();
      await page.getByTestId('photo-editor-notice').waitFor();
      const stored = await db()
        .selectFrom('media_assets')
        .select(['focal_x', 'focal_y', 'width', 'height', 'file_key'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([stored.focal_x, stored.focal_y], [moved.x, moved.y], 'saved as shown');

      await page.getByTestId('rotate-right').click();
      await page.waitForFunction(
        (key) => !document.querySelector('[data-testid="focal-frame"] img')?.getAttribute('src')?.includes(key),
        stored.file_key,
      );
      const turned = await db()
        .selectFrom('media_assets')
        .select(['width', 'height', 'focal_x'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual([turned.width, turned.height], [900, 1600], 'turned a quarter');
      assert.equal(Number(await point.getAttribute('data-x')), turned.focal_x, 'the point turned with it');
      await page.screenshot({ path: screenshotPath('photos-crop-screen-rotated.png') });
      assert.deepEqual(errors, []);
      await close();
    });

    test("an article's own caption and credit of its lead photo, typed in the editor, show on the site", async () => {
      const assetId = uploaded[1]!;
      const client = await apiSignIn(site.app, editor);
      const sectionId = (await db().selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      let a = (
        await client.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: 'Таудағы серуен',
          lead: 'Лид.',
          body: textBody('Таудағы серуен туралы мәтін.'),
        })
      ).json();
      a = (await client.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, heroAssetId: assetId })).json();
      a = (await client.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).json();
      const pagePath = new URL(a.url).pathname;
      const caption = (html: string) => dom(html).querySelector('figcaption .caption')?.textContent;
      assert.equal(caption((await site.app.inject(pagePath)).body), 'Бірнеше сурет', "the library's caption first");

      const { page, errors, close } = await open(editor, `/newsroom/articles/${a.id}`);
      const own = page.getByTestId('hero-texts');
      await own.waitFor();
      assert.equal(
        await page.getByTestId('hero-own-caption').getAttribute('placeholder'),
        'Бірнеше сурет',
        "the library's caption as the placeholder",
      );
      // The library answers slowly: the fields wait for its texts, never an empty placeholder first.
      const slow = `**/api/newsroom/media/${assetId}`;
      await page.route(slow, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      });
      await page.reload();
      await page.getByTestId('hero-own-caption').waitFor();
      assert.equal(
        await page.getByTestId('hero-own-caption').getAttribute('placeholder'),
        'Бірнеше сурет',
        'no empty placeholder meanwhile',
      );
      await page.unroute(slow);
      await page.getByTestId('hero-own-caption').click();
      await page.keyboard.type('Алатаудың етегінде');
      await page.getByTestId('hero-own-credit').click();
      await page.keyboard.type('Дана Әлиева');
      assert.equal(await page.getByTestId('hero-own-caption').inputValue(), 'Алатаудың етегінде', 'every keystroke in its field');
      await page.getByTestId('hero-own-save').click();
      await page.getByTestId('hero-own-notice').waitFor();

      const site1 = await browser.newPage();
      await site1.goto(`${origin}${pagePath}`);
      assert.equal(await site1.locator('figcaption .caption').first().textContent(), 'Алатаудың етегінде');
      assert.match((await site1.locator('figcaption .credit').first().textContent()) ?? '', /Дана Әлиева/);
      await site1.goto(`${origin}${pagePath.replace(/^\/kz\//, '/qz/')}`);
      assert.equal(
        await site1.locator('figcaption .caption').first().textContent(),
        site.services.texts.get('qz').tx('Алатаудың етегінде'),
      );
      await site1.close();
      const body = (await db().selectFrom('articles').select('body').where('id', '=', a.id).executeTakeFirstOrThrow()).body;
      assert.ok(!body.includes('Алатаудың'), 'nothing typed landed in the article text');
      assert.deepEqual(errors, []);
      await close();
    });
  });
}
