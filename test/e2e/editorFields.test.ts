// The article editor in Chromium against the real app, on SQLite and PostgreSQL (issue 13, "Editing
// that never corrupts copy"): typing into every field of every block type lands where it was typed
// (checked in the saved body), quotations take new lines and let the keyboard out, a photo block
// starts with the caption and credit typed at upload and keeps the focus from caption to credit,
// typed labels are warned about and stripped, publishing asks with a checklist (an empty body cannot
// go out; a returned article cannot be published), and the preview shows the unsaved text in each
// script. Screenshots (desktop and phone) go to test-output/screenshots/editor-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Block, Body } from '../../src/content/body.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { dialects } from '../support/databases.ts';
import { makeUser, signIn as apiSignIn, type TestUser } from '../support/newsroom.ts';

const SCREENSHOT_DIR = path.resolve('test-output/screenshots');
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1360, height: 900 };

/** One line per block: its type and its words, so a keystroke in the wrong place shows. */
function summary(body: Body): string[] {
  const words = (xs: readonly { text: string }[]) => xs.map((x) => x.text).join('');
  return body.blocks.map((b: Block) => {
    switch (b.type) {
      case 'paragraph':
        return `p: ${words(b.content)}`;
      case 'heading':
        return `h${b.level}: ${words(b.content)}`;
      case 'quote':
        return `quote: ${words(b.content)} — ${b.cite ?? ''}`;
      case 'list':
        return `list: ${b.items.map(words).join(' | ')}`;
      case 'table':
        return `table: ${b.rows.map((r) => r.map(words).join(',')).join(' / ')}`;
      case 'image':
        return `image: ${b.caption ?? ''} · ${b.credit ?? ''} · ${b.alt ?? ''}`;
      default:
        return b.type;
    }
  });
}

let browser: Browser;
let photoFile: string;

before(async () => {
  photoFile = path.join(os.tmpdir(), `habarshy-editor-${process.pid}.jpg`);
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 170, g: 90, b: 40 } } })
    .jpeg()
    .toFile(photoFile);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

after(async () => {
  await browser?.close();
  fs.rmSync(photoFile, { force: true });
});

for (const dialect of dialects()) {
  describe(`the article editor on ${dialect}`, () => {
    let site: TestSite;
    let origin: string;
    let editor: TestUser;
    let journalist: TestUser;
    let sectionId: number;

    before(async () => {
      site = await bootSite(dialect);
      await site.app.listen({ host: '127.0.0.1', port: 0 });
      const address = site.app.server.address();
      assert.ok(address && typeof address === 'object');
      origin = `http://127.0.0.1:${address.port}`;
      editor = await makeUser(site, 'editor', ['kz'], { name: 'Ерлан Бекұлы' });
      journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
      // The desk works in Kazakh: the interface, its dates and the checklist's Almaty time in kz.
      await site.database.handle.db.updateTable('users').set({ ui_lang: 'kz' }).where('id', 'in', [editor.id, journalist.id]).execute();
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site?.close());

    async function open(user: TestUser, viewport = DESKTOP): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
      const context = await browser.newContext({ viewport, locale: 'kk-KZ' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${origin}/newsroom/`);
      await page.getByTestId('login-email').fill(user.email);
      await page.getByTestId('login-password').fill(user.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-name').waitFor();
      return { page, errors, close: () => context.close() };
    }

    async function newArticle(page: Page): Promise<number> {
      await page.getByTestId('new-article').click();
      await page.getByTestId('new-section').selectOption({ index: 0 });
      await page.getByTestId('new-create').click();
      await page.waitForURL(/\/newsroom\/articles\/\d+$/);
      return Number(page.url().split('/').pop());
    }

    async function save(page: Page): Promise<void> {
      await page.getByTestId('save').click();
      await page.waitForFunction(() => {
        const state = document.querySelector('[data-testid="save-state"]');
        return state?.textContent === 'Сақталды' && !document.querySelector('[data-testid="save"]')?.hasAttribute('disabled');
      });
    }

    const storedBody = async (id: number): Promise<Body> => {
      const row = await site.database.handle.db.selectFrom('articles').select('body').where('id', '=', id).executeTakeFirstOrThrow();
      return JSON.parse(row.body) as Body;
    };

    test('every keystroke in every field of every block type lands where it was typed', async () => {
      const { page, errors, close } = await open(editor);
      const id = await newArticle(page);
      await page.getByTestId('headline').fill('Жиын залында форум ашылды');
      await page.getByTestId('lead').fill('Форумға жастар келді.');
      const kb = page.keyboard;
      await page.getByTestId('body-editor').click();
      // A table between two paragraphs: the caret goes into its cells and out again.
      await kb.type('Кіріспе абзац.');
      await kb.press('Enter');
      await kb.type('Кестеден кейін.');
      await kb.press('Home');
      await kb.press('Enter');
      await kb.press('ArrowUp');
      await page.getByTestId('tool-table').click();
      await kb.type('А');
      await kb.press('Tab');
      await kb.type('Б');
      await kb.press('Control+End');
      await kb.press('Enter');
      await page.getByTestId('tool-h2').click();
      await kb.type('Аралық тақырып');
      await kb.press('Enter');
      // A quotation of two lines, left with Enter on an empty line; then its attribution.
      await page.getByTestId('tool-quote').click();
      await kb.type('жол');
      await kb.press('Enter');
      await kb.type('екінші жол');
      await kb.press('Enter');
      await kb.press('Enter');
      await kb.type('Дәйексөзден кейін.');
      await page.getByTestId('quote-cite').first().click();
      await kb.type('Президент');
      await kb.press('Enter');
      await kb.press('End');
      await kb.type(' Жалғасы.');
      // Escape and arrow down at the end leave a quotation too.
      await kb.press('Enter');
      await page.getByTestId('tool-quote').click();
      await kb.type('қысқа');
      await kb.press('Escape');
      await kb.type('Escape-тен кейін.');
      await kb.press('Enter');
      await page.getByTestId('tool-quote').click();
      await kb.type('үшінші');
      await kb.press('ArrowDown');
      await kb.type('Төменге.');
      await kb.press('Enter');
      await page.getByTestId('tool-bullet').click();
      await kb.type('бір');
      await kb.press('Enter');
      await kb.type('екі');
      await kb.press('Enter');
      await kb.press('Enter');
      await kb.type('Тізімнен кейін.');

      // A photo uploaded with a caption and a credit: the block starts with both.
      await page.getByTestId('tool-image').click();
      const picker = page.getByTestId('media-picker');
      await picker.waitFor();
      await page.getByTestId('upload-file').setInputFiles(photoFile);
      await page.getByTestId('upload-caption').fill('Жиын залы');
      await page.getByTestId('upload-credit').fill('Фото: Дүйсен Әбенов');
      assert.match(await page.getByTestId('upload-credit-warning').innerText(), /«Фото:»/, 'the upload form warns about the typed label');
      await page.getByTestId('upload-submit').click();
      const pick = picker.locator('li', { hasText: 'Жиын залы' }).locator('[data-testid^="pick-"]');
      await pick.waitFor();
      await pick.click();
      const caption = page.getByTestId('image-caption');
      const credit = page.getByTestId('image-credit');
      await caption.waitFor();
      assert.equal(await caption.inputValue(), 'Жиын залы', 'the caption typed at upload is in the block');
      assert.equal(await credit.inputValue(), 'Фото: Дүйсен Әбенов', 'the credit typed at upload is in the block');
      assert.match(await page.getByTestId('image-credit-warning').innerText(), /Фото/, 'a typed label is warned about');
      // Caption, then Tab to the credit: the focus stays in the photo's fields.
      await caption.click();
      await kb.press('End');
      await kb.type(' (түстен кейін)');
      await kb.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
        'image-credit',
        'Tab from the caption goes to the credit',
      );
      await kb.press('Control+A');
      await kb.type('Ерлан Дүйсен');
      assert.equal(await page.getByTestId('image-credit-warning').isVisible(), false, 'the warning goes with the label');
      await kb.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'image-alt');
      await kb.type('Залдағы адамдар');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-blocks-desktop.png'), fullPage: true });
      await save(page);

      assert.deepEqual(summary(await storedBody(id)), [
        'p: Кіріспе абзац.',
        'table: А,Б, / ,, / ,,',
        'p: Кестеден кейін.',
        'h2: Аралық тақырып',
        'quote: жол екінші жол — Президент',
        'p: Дәйексөзден кейін. Жалғасы.',
        'quote: қысқа — ',
        'p: Escape-тен кейін.',
        'quote: үшінші — ',
        'p: Төменге.',
        'list: бір | екі',
        'p: Тізімнен кейін.',
        'image: Жиын залы (түстен кейін) · Ерлан Дүйсен · Залдағы адамдар',
      ]);
      // Reopened, the photo's fields and the quotation's attribution show what was saved.
      await page.reload();
      assert.equal(await page.getByTestId('image-caption').inputValue(), 'Жиын залы (түстен кейін)');
      assert.equal(await page.getByTestId('quote-cite').first().inputValue(), 'Президент');
      assert.deepEqual(errors, []);
      await close();

      const phone = await open(editor, PHONE);
      await phone.page.goto(`${origin}/newsroom/articles/${id}`);
      await phone.page.getByTestId('image-caption').waitFor();
      await phone.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-blocks-phone.png'), fullPage: true });
      const overflow = await phone.page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
          .slice(0, 8),
      );
      assert.deepEqual(overflow, [], 'nothing of the editor is wider than a phone (the toolbar wrapped)');
      await phone.close();
    });

    test('a typed label in the photo credit is stripped on save', async () => {
      const { page, close } = await open(editor);
      const id = await newArticle(page);
      await page.getByTestId('headline').fill('Белгі');
      await page.getByTestId('body-editor').click();
      await page.keyboard.type('Мәтін.');
      await page.getByTestId('tool-image').click();
      const first = page.getByTestId('media-picker').locator('[data-testid^="pick-"]').first();
      await first.waitFor();
      await first.click();
      await page.getByTestId('image-credit').fill('Фото: ҚазАқпарат');
      await save(page);
      const image = (await storedBody(id)).blocks.find((b) => b.type === 'image');
      assert.equal(image?.type === 'image' ? image.credit : null, 'ҚазАқпарат');
      await close();
    });

    test('publishing asks first with a checklist; an empty body cannot be published', async () => {
      const { page, errors, close } = await open(editor);
      const id = await newArticle(page);
      await page.getByTestId('headline').fill('Мәтінсіз мақала');
      await page.getByTestId('action-publish').click();
      const dialog = page.getByTestId('publish-dialog');
      await dialog.waitFor();
      assert.equal(await page.getByTestId('check-headline').getAttribute('data-ok'), 'true');
      assert.equal(await page.getByTestId('check-body').getAttribute('data-ok'), 'false');
      assert.equal(await page.getByTestId('check-lead').getAttribute('data-ok'), 'false');
      assert.equal(await page.getByTestId('check-photo').getAttribute('data-ok'), 'false');
      assert.equal(await page.getByTestId('check-tags').getAttribute('data-ok'), 'false');
      assert.ok(await page.getByTestId('publish-confirm').isDisabled(), 'an empty body cannot be published');
      assert.match(await page.getByTestId('publish-when').innerText(), /Алматы уақыты/);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-publish-blocked-desktop.png') });
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-publish-blocked-phone.png') });
      await page.setViewportSize(DESKTOP);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('lead').fill('Енді лиды бар.');
      await page.getByTestId('body-editor').click();
      await page.keyboard.type('Енді мәтіні бар.');
      await page.getByTestId('action-publish').click();
      assert.equal(await page.getByTestId('check-body').getAttribute('data-ok'), 'true');
      assert.equal(await page.getByTestId('check-lead').getAttribute('data-ok'), 'true');
      await page.getByTestId('publish-confirm').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="article-status"]')?.getAttribute('data-status') === 'published',
      );
      const row = await site.database.handle.db
        .selectFrom('articles')
        .select(['status', 'lead'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(row.lead, 'Енді лиды бар.', 'what was typed before publishing is saved first');
      assert.deepEqual(errors, []);
      await close();
    });

    test('a returned article is not published from the returned state (the documented table)', async () => {
      const j = await apiSignIn(site.app, journalist);
      const ed = await apiSignIn(site.app, editor);
      let a = (
        await j.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: 'Қайтарылған',
          lead: 'Лид',
          body: { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Мәтін.' }] }] },
        })
      ).json();
      a = (await j.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'submit', revision: a.revision })).json();
      a = (
        await ed.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'return', revision: a.revision, comment: 'Түзетіңіз' })
      ).json();
      assert.equal(a.status, 'returned');
      const refused = await ed.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().error.code, 'INVALID_TRANSITION');
      const { page, close } = await open(editor);
      await page.goto(`${origin}/newsroom/articles/${a.id}`);
      await page.locator('[data-testid="article-status"][data-status="returned"]').waitFor();
      await page.getByTestId('action-submit').or(page.getByTestId('save')).first().waitFor();
      assert.equal(await page.getByTestId('action-publish').count(), 0, 'no publish button on a returned article');
      // Scheduling is publishing later: it waits for the writer's resubmission too (docs/newsroom-permissions.md).
      assert.equal(await page.getByTestId('action-schedule').count(), 0, 'no schedule button on a returned article');
      await close();
    });

    test('the preview shows the unsaved text, in kz, qz and ق ز', async () => {
      const { page, errors, close } = await open(editor);
      await newArticle(page);
      await page.getByTestId('headline').fill('Сақталмаған тақырып');
      await page.getByTestId('lead').fill('Сақталмаған лид.');
      await page.getByTestId('body-editor').click();
      await page.keyboard.type('Сақталмаған мәтін.');
      await page.getByTestId('draft-preview-open').click();
      const article = page.getByTestId('draft-preview-article');
      assert.equal(await article.locator('h1').innerText(), 'Сақталмаған тақырып');
      assert.match(await article.innerText(), /Сақталмаған мәтін\./);
      await page.getByTestId('draft-preview-qz').click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="draft-preview-article"]')?.getAttribute('data-edition') === 'qz',
      );
      const qz = await article.locator('h1').innerText();
      assert.ok(/^[\p{Script=Latin}' ]+$/u.test(qz) && qz.length > 10, `qz in Latin letters: ${qz}`);
      await page.getByTestId('draft-preview-tote').click();
      assert.equal(await article.getAttribute('dir'), 'rtl');
      assert.match(await article.locator('h1').innerText(), /[\u0600-\u06ff]/, 'ق ز in Arabic letters');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-preview-desktop.png') });
      await page.setViewportSize(PHONE);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'editor-preview-phone.png') });
      await page.setViewportSize(DESKTOP);
      assert.equal(await page.getByTestId('save-state').innerText(), 'Сақталмаған өзгерістер бар', 'nothing was saved to show it');
      assert.deepEqual(errors, []);
      await close();
    });
  });
}
