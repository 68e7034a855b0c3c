// A kz desk's whole day as one Chromium test (issue 13), on SQLite and PostgreSQL, through the
// newsroom's screens with the keyboard and the mouse: an editor assigns a story; the journalist finds
// it in My work, writes the draft (a quote, a list, an embed, a photo uploaded and cropped in the
// focal-point screen, the same photo as the lead) and submits it; the editor comments with an
// @mention and returns it; the journalist reads the notifications, fixes and resubmits; the editor
// approves, reads the publishing checklist, schedules it a few minutes ahead; the scheduler's tick
// publishes it (the clock moved on); readers find it on kz, qz and ق ز; the editor corrects it with
// a note; a ru translation starts with the lead photo and goes out; readers' visits (real page loads
// that fire the view beacon) show on the analytics screen. The API is used only to read state back.
// Screenshots: test-output/screenshots/deskday-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, type TestUser } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { READER_UA } from '../support/readerAgent.ts';
import type { Block, Body } from '../../src/content/body.ts';

const PLANNED = 'Алматыда қысқы жол жөндеуі басталды';
const YOUTUBE = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const CYRILLIC = /[\u0400-\u04ff]/;

/** Almaty wall time (`YYYY-MM-DDTHH:mm`, what a datetime-local field holds) of an instant. */
function almaty(ms: number): string {
  const parts = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Almaty',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
  return parts.replace(' ', 'T');
}

/** One line per block, so a keystroke in the wrong block shows. */
function summary(body: Body): string[] {
  const words = (xs: readonly { text: string }[]) => xs.map((x) => x.text).join('');
  return body.blocks.map((b: Block) => {
    switch (b.type) {
      case 'paragraph':
        return `p: ${words(b.content)}`;
      case 'quote':
        return `quote: ${words(b.content)} — ${b.cite ?? ''}`;
      case 'list':
        return `list: ${b.items.map(words).join(' | ')}`;
      case 'image':
        return `image: ${b.caption ?? ''} · ${b.credit ?? ''}`;
      case 'embed':
        return `embed: ${b.provider} ${b.url}`;
      default:
        return b.type;
    }
  });
}

for (const dialect of dialects()) {
  describe(`a desk's day in Chromium on ${dialect}`, () => {
    let site: TestSite;
    let browser: Browser;
    let origin: string;
    let editor: TestUser;
    let journalist: TestUser;
    let photoFile: string;
    // The server's clock runs with the wall clock; the scheduler's tick is run after moving it on.
    let offset = 0;
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    const failures: string[] = [];

    before(async () => {
      site = await bootSite(dialect, { clock: () => new Date(Date.now() + offset) });
      // Only the views this test makes.
      await site.database.handle.db.deleteFrom('view_counts').execute();
      origin = await serve(site);
      editor = await makeUser(site, 'editor', ['kz', 'ru'], { name: 'Ерлан Бекұлы' });
      journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
      await site.database.handle.db.updateTable('users').set({ ui_lang: 'kz' }).where('id', 'in', [editor.id, journalist.id]).execute();
      photoFile = path.join(os.tmpdir(), `habarshy-deskday-${process.pid}.jpg`);
      // A wide photo with a bright square on the right: the subject the focal point is dragged to.
      await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 110, b: 170 } } })
        .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: '#f5c542' } }, left: 1300, top: 200 }])
        .jpeg()
        .toFile(photoFile);
      browser = await launchChromium();
    });
    after(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await site?.close();
      if (photoFile) fs.rmSync(photoFile, { force: true });
    });

    async function signIn(user: TestUser): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'kk-KZ' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`${user.email}: ${String(e)}`));
      page.on('response', (r) => {
        if (r.status() >= 400) failures.push(`${user.email}: ${r.request().method()} ${r.url()} → ${r.status()}`);
      });
      await signInThroughForm(page, origin, user);
      return page;
    }
    const db = () => site.database.handle.db;
    const status = (page: Page, expected: string) =>
      page.waitForFunction((s) => document.querySelector('[data-testid="article-status"]')?.getAttribute('data-status') === s, expected);
    async function save(page: Page): Promise<void> {
      await page.getByTestId('save').click();
      try {
        await page.waitForFunction(() => {
          const state = document.querySelector('[data-testid="save-state"]');
          return state?.textContent === 'Сақталды' && !document.querySelector('[data-testid="save"]')?.hasAttribute('disabled');
        });
      } catch (e) {
        // Say what the journalist would have seen, so a failure on a loaded machine can be told from a bug.
        const seen = await page.evaluate(() => ({
          state: document.querySelector('[data-testid="save-state"]')?.textContent,
          message: document.querySelector('[data-testid="editor-message"]')?.textContent,
          merge: document.querySelector('[data-testid="merge-view"]') !== null,
        }));
        throw new Error(`the save did not finish: ${JSON.stringify(seen)}; failed requests: ${JSON.stringify(failures)}`, { cause: e });
      }
    }
    async function waitUnread(page: Page, n: number): Promise<void> {
      await page.waitForFunction((count) => {
        const badge = document.querySelector('[data-testid="unread-count"]');
        return count === 0 ? badge === null : badge?.textContent === String(count);
      }, n);
    }
    const storedBody = async (id: number): Promise<Body> =>
      JSON.parse((await db().selectFrom('articles').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body) as Body;

    test('assignment → draft → return → approve → schedule → published in kz, qz, ق ز → correction → ru → analytics', async () => {
      // 1. The editor assigns the story: planned headline, desk kz, due tomorrow 18:00 Almaty time, the journalist.
      const ed = await signIn(editor);
      await ed.getByTestId('nav-work').click();
      await ed.getByTestId('assign-headline').fill(PLANNED);
      await ed.getByTestId('assign-desk').selectOption('kz');
      const sectionValue = await ed.locator('[data-testid="assign-section"] option:nth-child(2)').getAttribute('value');
      await ed.getByTestId('assign-section').selectOption(sectionValue!);
      const due = `${almaty(Date.now() + 86_400_000).slice(0, 10)}T18:00`;
      await ed.getByTestId('assign-due').fill(due);
      await ed.getByTestId('assign-assignee').selectOption({ label: 'Айгүл Серікқызы' });
      await ed.getByTestId('assign-note').fill('Әкімдіктің түсініктемесін алыңыз');
      await ed.getByTestId('assign-submit').click();
      assert.match(await ed.getByTestId('work-message').innerText(), /Айгүл Серікқызы/);
      const open = ed.getByTestId('open-assignments');
      await open.getByText(PLANNED).waitFor();
      assert.match(await open.innerText(), /18:00/, 'due at 18:00, shown in Almaty time');

      // 2. The journalist: one unread notification; the story in My work; the draft starts from it.
      const jo = await signIn(journalist);
      await waitUnread(jo, 1);
      await jo.getByTestId('nav-work').click();
      const mine = jo.getByTestId('my-assignments');
      await mine.getByText(PLANNED).waitFor();
      assert.match(await mine.innerText(), /Ерлан Бекұлы/);
      assert.match(await mine.innerText(), /Әкімдіктің түсініктемесін алыңыз/);
      await jo.getByTestId('start-draft').click();
      await jo.waitForURL(/\/newsroom\/articles\/\d+$/);
      const articleUrl = jo.url();
      const id = Number(articleUrl.split('/').pop());
      assert.equal(await jo.getByTestId('headline').inputValue(), PLANNED, 'the planned headline is the draft headline');

      // 3. The draft: a lead; text with a quote (and its attribution), a list, a YouTube embed and a photo.
      await jo.getByTestId('lead').fill('Қала әкімдігі көшелерді қысқа дайындап жатыр.');
      const kb = jo.keyboard;
      await jo.getByTestId('body-editor').click();
      await kb.type('Жөндеу жұмыстары он күнге созылады.');
      await kb.press('Enter');
      await jo.getByTestId('tool-quote').click();
      await kb.type('Жолдар уақытында дайын болады');
      await kb.press('Enter');
      await kb.type('деп сенеміз');
      await kb.press('Enter');
      await kb.press('Enter');
      await kb.type('Жұмыс үш ауданда жүреді:');
      await kb.press('Enter');
      await jo.getByTestId('tool-bullet').click();
      await kb.type('Алмалы');
      await kb.press('Enter');
      await kb.type('Бостандық');
      await kb.press('Enter');
      await kb.type('Медеу');
      await kb.press('Enter');
      await kb.press('Enter');
      await kb.type('Әкімдіктің видеосы:');
      jo.once('dialog', (d) => void d.accept(YOUTUBE));
      await jo.getByTestId('tool-embed').click();
      await jo.getByTestId('body-editor').locator('.ed-embed').waitFor();
      await jo.getByTestId('quote-cite').first().click();
      await kb.type('Қала әкімі');

      await jo.getByTestId('body-editor').click();
      await kb.press('Control+End');
      await jo.getByTestId('tool-image').click();
      const picker = jo.getByTestId('media-picker');
      await picker.waitFor();
      await jo.getByTestId('upload-file').setInputFiles(photoFile);
      await jo.getByTestId('upload-caption').fill('Абай даңғылындағы жөндеу');
      await jo.getByTestId('upload-credit').fill('Дана Әлиева');
      await jo.getByTestId('upload-submit').click();
      const uploaded = picker.locator('li', { hasText: 'Абай даңғылындағы жөндеу' }).locator('[data-testid^="pick-"]');
      await uploaded.waitFor();
      const assetId = Number((await uploaded.getAttribute('data-testid'))!.slice('pick-'.length));
      await uploaded.click();
      assert.equal(await jo.getByTestId('image-caption').inputValue(), 'Абай даңғылындағы жөндеу', 'the caption typed at upload');
      assert.equal(await jo.getByTestId('image-credit').inputValue(), 'Дана Әлиева');
      // The same photo as the lead photo, and a tag.
      await jo.getByTestId('hero-pick').click();
      await picker.waitFor();
      await picker.getByTestId(`pick-${assetId}`).click();
      await jo.getByTestId('hero-image').waitFor();
      await jo.getByTestId('tag-search').fill('Жол жөндеуі 2026');
      await jo.getByTestId('tag-search').press('Enter');
      // The chip itself: the suggestion list under the search box ("create «Жол жөндеуі 2026»") shows the
      // name from the first keystroke, and saving before the new tag arrives would leave it unsaved.
      await jo
        .getByTestId('field-tags')
        .locator('li > bdi', { hasText: /^Жол жөндеуі 2026$/ })
        .waitFor();
      await save(jo);
      assert.deepEqual(summary(await storedBody(id)), [
        'p: Жөндеу жұмыстары он күнге созылады.',
        'quote: Жолдар уақытында дайын болады деп сенеміз — Қала әкімі',
        'p: Жұмыс үш ауданда жүреді:',
        'list: Алмалы | Бостандық | Медеу',
        'p: Әкімдіктің видеосы:',
        `embed: youtube ${YOUTUBE}`,
        'image: Абай даңғылындағы жөндеу · Дана Әлиева',
      ]);

      // 4. The photo's crop screen: the focal point dragged onto the subject, the crops follow, saved.
      await jo.getByTestId('nav-media').click();
      await jo.getByTestId(`edit-${assetId}`).click();
      await jo.getByTestId('photo-editor').waitFor();
      const frame = jo.getByTestId('focal-frame');
      await frame.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const squareBefore = Number(await jo.getByTestId('crop-1x1').getAttribute('data-left'));
      const box = (await frame.boundingBox())!;
      const point = jo.getByTestId('focal-point');
      const start = (await point.boundingBox())!;
      await jo.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
      await jo.mouse.down();
      await jo.mouse.move(box.x + box.width * 0.875, box.y + box.height * 0.33, { steps: 8 });
      await jo.mouse.up();
      assert.ok(Number(await jo.getByTestId('crop-1x1').getAttribute('data-left')) > squareBefore, 'the square crop moved to the subject');
      await jo.getByTestId('focal-save').click();
      await jo.getByTestId('photo-editor-notice').waitFor();
      const focal = await db()
        .selectFrom('media_assets')
        .select(['focal_x', 'focal_y'])
        .where('id', '=', assetId)
        .executeTakeFirstOrThrow();
      assert.ok(Math.abs(focal.focal_x - 0.875) < 0.02 && Math.abs(focal.focal_y - 0.33) < 0.02, JSON.stringify(focal));

      // 5. Back to the draft from My work; submitted.
      await jo.getByTestId('nav-work').click();
      await jo.getByTestId('my-assignments').getByTestId('open-draft').click();
      await jo.waitForURL(articleUrl);
      await jo.getByTestId('action-submit').click();
      await status(jo, 'submitted');
      assert.equal(await jo.getByTestId('action-publish').count(), 0, 'a journalist has no publish button');

      // 6. The editor finds it waiting, comments with an @mention picked by keyboard, and returns it.
      await ed.getByTestId('nav-dashboard').click();
      await ed.getByTestId('waiting').getByText(PLANNED).click();
      await ed.waitForURL(articleUrl);
      const comment = ed.getByTestId('comment-body');
      await comment.click();
      await ed.keyboard.type('Әкімнің сөзін тексеріңіз, @Айгүл');
      await ed.getByTestId('mention-list').getByText('Айгүл Серікқызы').waitFor();
      await ed.keyboard.press('Enter');
      await ed.keyboard.type('дереккөзі қайда?');
      await ed.getByTestId('comment-body-send').click();
      await ed.getByTestId('comment').first().locator('.pp-mention').getByText('@Айгүл Серікқызы').waitFor();
      await ed.getByTestId('action-return').click();
      await ed.getByTestId('return-comment').fill('Дереккөзін қосыңыз.');
      await ed.getByTestId('return-send').click();
      await status(ed, 'returned');

      // 7. The journalist: the count went up (assigned, mentioned, returned); the return opens the draft.
      await jo.getByTestId('nav-notifications').click();
      await waitUnread(jo, 3);
      assert.match((await jo.getByTestId('nav-notifications').getAttribute('aria-label')) ?? '', /3/);
      const mention = jo.locator('[data-testid="notification"][data-kind="mentioned"]');
      assert.match(await mention.innerText(), /Ерлан Бекұлы/);
      const returned = jo.locator('[data-testid="notification"][data-kind="returned"]');
      assert.match(await returned.innerText(), /Дереккөзін қосыңыз/);
      await returned.getByTestId('notification-open').click();
      await jo.waitForURL(articleUrl);
      await waitUnread(jo, 2);
      await jo.getByTestId('timeline').getByText('Дереккөзін қосыңыз.').waitFor();
      assert.match(await jo.getByTestId('comments').innerText(), /дереккөзі қайда\?/);
      await status(jo, 'returned');

      // 8. Fixed (the source in the text) and submitted again.
      await jo.getByTestId('body-editor').locator('p').first().click();
      await jo.keyboard.press('End');
      await jo.keyboard.type(' Бұл туралы қала әкімдігі хабарлады.');
      await save(jo);
      await jo.getByTestId('action-submit').click();
      await status(jo, 'submitted');

      // 9. The editor approves, reads the checklist (all met), and schedules it a few minutes ahead.
      await ed.reload();
      await status(ed, 'submitted');
      await ed.getByTestId('action-approve').click();
      await status(ed, 'approved');
      await ed.getByTestId('action-publish').click();
      await ed.getByTestId('publish-dialog').waitFor();
      // The photo's credit is read from the library as the dialog opens.
      await ed.locator('[data-testid="check-photo"][data-ok="true"]').waitFor();
      for (const item of ['headline', 'lead', 'body', 'section', 'photo', 'tags'])
        assert.equal(await ed.getByTestId(`check-${item}`).getAttribute('data-ok'), 'true', `checklist: ${item}`);
      assert.match(await ed.getByTestId('publish-when').innerText(), /Алматы уақыты/);
      await ed.screenshot({ path: screenshotPath(`deskday-publish-dialog-${dialect}.png`) });
      await ed.getByTestId('publish-cancel').click();
      await ed.getByTestId('publish-dialog').waitFor({ state: 'detached' });
      const at = almaty(Date.now() + offset + 3 * 60_000);
      await ed.getByTestId('action-schedule').click();
      await ed.getByTestId('schedule-at').fill(at);
      await ed.getByTestId('schedule-send').click();
      await status(ed, 'scheduled');
      assert.match(await ed.getByTestId('review-bar').innerText(), new RegExp(at.slice(11)), `scheduled for ${at} Almaty time`);
      const row = await db().selectFrom('articles').select(['slug', 'public_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
      const kzPath = `/kz/news/${row.slug}-${row.public_id}`;
      // A reader who tries too early finds nothing (their browser keeps that 404 for 30 s: a fresh one reads on).
      const early = await browser.newContext();
      assert.equal((await (await early.newPage()).goto(`${origin}${kzPath}`))!.status(), 404, 'nobody reads it before its time');
      await early.close();
      assert.equal(await site.services.newsroomArticles.publishDue(), 0, 'not due yet');

      // 10. Time passes: the scheduler's tick publishes it.
      offset += 5 * 60_000;
      assert.equal(await site.services.newsroomArticles.publishDue(), 1, 'the scheduler published it');
      await ed.reload();
      await status(ed, 'published');

      // 11. Readers find it on kz (the home and the page), qz in Latin letters, ق ز right to left.
      const reader = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(reader);
      const rp = await reader.newPage();
      await rp.goto(`${origin}/kz/`);
      await rp.locator('main').getByText(PLANNED).first().waitFor();
      await rp.goto(`${origin}${kzPath}`);
      assert.equal(await rp.locator('h1').innerText(), PLANNED);
      const article = rp.locator('main');
      assert.match(await article.locator('blockquote').first().innerText(), /Жолдар уақытында дайын болады/);
      assert.deepEqual(await article.locator('.article-body ul li').allInnerTexts(), ['Алмалы', 'Бостандық', 'Медеу']);
      assert.equal(await article.locator('figure.embed-youtube').count(), 1, 'the video waits behind its facade');
      assert.ok((await article.locator('img').count()) > 0, 'the photo is on the page');
      assert.match(await article.innerText(), /Дана Әлиева/, "the photo's credit");
      await rp.goto(`${origin}${kzPath.replace('/kz/', '/qz/')}`);
      const qz = await rp.locator('h1').innerText();
      assert.ok(qz.length > 10 && !CYRILLIC.test(qz), `qz headline in Latin letters: ${qz}`);
      await rp.goto(`${origin}${kzPath.replace('/kz/', '/tote/')}`);
      assert.equal(await rp.getAttribute('html', 'dir'), 'rtl');
      assert.match(await rp.locator('h1').innerText(), /[\u0600-\u06ff]/, 'ق ز headline in Arabic letters');
      await waitUnread(jo, 4); // approved and published added to the mention and the assignment

      // 12. A correction with its note; readers see the note (kz, and converted in qz).
      await ed.getByTestId('body-editor').locator('p').first().click();
      await ed.keyboard.press('Home');
      await ed.keyboard.press('Shift+End');
      await ed.keyboard.type('Жөндеу жұмыстары он екі күнге созылады. Бұл туралы қала әкімдігі хабарлады.');
      await ed.getByTestId('field-correctionNote').fill('Жұмыс мерзімі он екі күн, он емес.');
      await save(ed);
      // A new reader (the first one's browser keeps the page it read for a minute, as the site allows).
      const later = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(later);
      const rp2 = await later.newPage();
      await rp2.goto(`${origin}${kzPath}`);
      assert.match(await rp2.locator('.correction').innerText(), /Жұмыс мерзімі он екі күн, он емес\./);
      assert.match(await rp2.locator('main').innerText(), /Жөндеу жұмыстары он екі күнге созылады\./);
      await rp2.goto(`${origin}${kzPath.replace('/kz/', '/qz/')}`);
      assert.ok(!CYRILLIC.test(await rp2.locator('.correction').innerText()), 'the qz note in Latin letters');

      // 13. A translation into ru: the draft starts with the kz article's lead photo; translated and published.
      await ed.getByTestId('translate-menu').click();
      await ed.getByTestId('translate-ru').click();
      await ed.waitForURL((url) => url.pathname !== `/newsroom/articles/${id}`);
      const ruId = Number(ed.url().split('/').pop());
      await ed.getByTestId('source-article').getByText(PLANNED).waitFor();
      const ruHero = await db().selectFrom('articles').select('hero_asset_id').where('id', '=', ruId).executeTakeFirstOrThrow();
      assert.equal(ruHero.hero_asset_id, assetId, 'the ru draft starts with the lead photo of the kz article');
      assert.equal(await ed.getByTestId('hero-image').count(), 1, 'and shows it');
      await ed.getByTestId('headline').fill('В Алматы начался зимний ремонт дорог');
      await ed.getByTestId('lead').fill('Акимат города готовит улицы к зиме.');
      await ed.getByTestId('body-editor').click();
      await ed.keyboard.press('Control+A');
      await ed.keyboard.type('Ремонт продлится двенадцать дней.');
      await save(ed);
      await ed.getByTestId('action-publish').click();
      // The ru article has its lead photo with a credit (read from the library as the dialog opens).
      await ed.locator('[data-testid="check-photo"][data-ok="true"]').waitFor();
      await ed.getByTestId('publish-confirm').click();
      await status(ed, 'published');
      const ru = await db().selectFrom('articles').select(['slug', 'public_id']).where('id', '=', ruId).executeTakeFirstOrThrow();
      const ruPath = `/ru/news/${ru.slug}-${ru.public_id}`;

      // 14. Readers (a desktop Chrome, as counted) open the pages: kz twice, qz, ق ز and ru once.
      const readers = await browser.newContext({ userAgent: READER_UA });
      contexts.push(readers);
      const visitor = await readers.newPage();
      const visit = async (url: string) => {
        const beacon = visitor.waitForResponse((r) => r.url().includes('/beacon?'));
        await visitor.goto(`${origin}${url}`);
        assert.equal((await beacon).status(), 204, url);
      };
      await visit(kzPath);
      await visit(kzPath);
      await visit(kzPath.replace('/kz/', '/qz/'));
      await visit(kzPath.replace('/kz/', '/tote/'));
      await visitor.locator('nav.langs a[lang="ru"]').first().waitFor({ state: 'attached' });
      await visit(ruPath);
      assert.equal(await visitor.locator('h1').innerText(), 'В Алматы начался зимний ремонт дорог');
      assert.ok((await visitor.locator('main img').count()) > 0, 'the ru page shows the photo');
      assert.equal(await site.services.views.flush(), 5, 'five reader views; the headless checks above were not counted');

      // 15. The analytics screen shows them: a line per edition, the article on top today, the shares.
      await ed.getByTestId('nav-analytics').click();
      await ed.waitForURL(/\/newsroom\/analytics$/);
      await ed.getByTestId('chart-hourly').locator('canvas').waitFor();
      assert.equal(await ed.locator('h1').innerText(), 'Аналитика');
      const editions = ((await ed.getByTestId('chart-hourly').getAttribute('data-editions')) ?? '').split(' ').sort();
      assert.deepEqual(editions, ['kz', 'qz', 'ru', 'tote']);
      const topKz = ed.getByTestId('top-today-kz').locator('li').first();
      assert.equal(await topKz.locator('bdi').innerText(), PLANNED);
      assert.match(await topKz.innerText(), /2 қаралым/);
      assert.match(
        await ed.getByTestId('top-today-ru').locator('li').first().innerText(),
        /В Алматы начался зимний ремонт дорог.*1 қаралым/s,
      );
      const shares = await ed.getByTestId('share-edition').innerText();
      assert.match(shares, /40\s?%/, `kz has two views of five: ${shares}`);
      assert.match(shares, /20\s?%/);
      await ed.screenshot({ path: screenshotPath(`deskday-analytics-${dialect}.png`), fullPage: true });
      await topKz.locator('a').click();
      await ed.waitForURL(articleUrl);
      await ed.getByTestId('article-views').locator('[data-testid="article-chart-daily"] canvas').waitFor();
      assert.equal(await ed.getByTestId('article-views-total').innerText(), 'Соңғы 30 күнде 4 қаралым', 'kz 2, qz 1, ق ز 1');
      assert.deepEqual(errors, []);
    });
  });
}
