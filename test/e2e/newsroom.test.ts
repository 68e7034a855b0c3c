// The newsroom in Debian's Chromium against the real app (SQLite), under its real CSP: a
// journalist writes a kz article with a photo and submits it; an editor returns it with a comment;
// the journalist fixes and resubmits; the editor publishes; the article is on the kz home and in
// the qz and ق ز editions in their scripts; a translation into ru is made, published and linked
// from the language menu. Two browser contexts edit one article at once and the second save gets
// the merge view. Screenshots of the dashboard and the editor go to test-output/screenshots/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, type TestUser } from '../support/newsroom.ts';

const CYRILLIC = /[\u0400-\u04ff]/;

let site: TestSite;
let browser: Browser;
let origin: string;
let journalist: TestUser;
let editor: TestUser;
let photoFile: string;

before(async () => {
  site = await bootSite('sqlite');
  origin = await serve(site);
  journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
  editor = await makeUser(site, 'editor', ['kz', 'ru'], { name: 'Ерлан Бекұлы' });
  photoFile = path.join(os.tmpdir(), `habarshy-e2e-${process.pid}.jpg`);
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 40, g: 110, b: 170 } } })
    .jpeg()
    .toFile(photoFile);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  fs.rmSync(photoFile, { force: true });
});

interface Session {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function signIn(user: TestUser): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'kk-KZ' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() === 404) errors.push(`404 ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[139]/.test(m.text())) errors.push(m.text());
  });
  await signInThroughForm(page, origin, user);
  return { context, page, errors };
}

async function waitStatus(page: Page, expected: string): Promise<void> {
  await page.waitForFunction((s) => document.querySelector('[data-testid="article-status"]')?.getAttribute('data-status') === s, expected);
}
async function save(page: Page): Promise<void> {
  const before = await page
    .getByTestId('save-state')
    .innerText()
    .catch(() => '');
  await page.getByTestId('save').click();
  await page.waitForFunction((b) => {
    const el = document.querySelector('[data-testid="save-state"]');
    return el !== null && el.textContent !== b && !document.querySelector('[data-testid="save"]')?.hasAttribute('disabled');
  }, before);
}

let articleId = 0;

test('a journalist writes a kz article with a photo and submits it', async () => {
  const { page, context, errors } = await signIn(journalist);
  await page.getByTestId('new-article').click();
  await page.getByTestId('new-section').selectOption({ index: 0 });
  await page.getByTestId('new-create').click();
  await page.waitForURL(/\/newsroom\/articles\/\d+$/);
  articleId = Number(page.url().split('/').pop());
  await page.getByTestId('headline').fill('Астанада жастар форумы басталды');
  await page.getByTestId('lead').fill('Форумға елдің түкпір-түкпірінен жастар келді.');
  await page.getByTestId('body-editor').click();
  await page.keyboard.type('Форум үш күнге созылады. Қатысушылар жобаларын таныстырады.');

  await page.getByTestId('hero-pick').click();
  const picker = page.getByTestId('media-picker');
  await picker.waitFor();
  await page.getByTestId('upload-file').setInputFiles(photoFile);
  await page.getByTestId('upload-caption').fill('Форумның ашылуы');
  await page.getByTestId('upload-credit').fill('Фото: Habarshy');
  await page.getByTestId('upload-submit').click();
  const pick = picker.locator('li', { hasText: 'Форумның ашылуы' }).locator('[data-testid^="pick-"]');
  await pick.waitFor();
  await pick.click();
  await page.getByTestId('hero-image').waitFor();
  await save(page);
  await page.screenshot({ path: screenshotPath('newsroom-editor.png') });

  await page.getByTestId('action-submit').click();
  await waitStatus(page, 'submitted');
  assert.equal(await page.getByTestId('action-publish').count(), 0, 'a journalist has no publish button');
  const row = await site.database.handle.db
    .selectFrom('articles')
    .select(['status', 'hero_asset_id', 'headline'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'submitted');
  assert.ok(row.hero_asset_id);
  assert.equal(row.headline, 'Астанада жастар форумы басталды');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the editor returns it with a comment; the journalist fixes it and submits again', async () => {
  const ed = await signIn(editor);
  await ed.page.getByTestId('waiting').getByText('Астанада жастар форумы басталды').click();
  await ed.page.waitForURL(/\/newsroom\/articles\/\d+$/);
  await ed.page.getByTestId('action-return').click();
  await ed.page.getByTestId('return-comment').fill('Форумның ашылу уақытын көрсетіңіз.');
  await ed.page.getByTestId('return-send').click();
  await waitStatus(ed.page, 'returned');

  const j = await signIn(journalist);
  await j.page.getByTestId('my-drafts').getByText('Астанада жастар форумы басталды').click();
  await j.page.getByTestId('timeline').getByText('Форумның ашылу уақытын көрсетіңіз.').waitFor();
  await j.page.getByTestId('lead').fill('Форум бүгін сағат 10:00-де ашылды, оған елдің түкпір-түкпірінен жастар келді.');
  await save(j.page);
  await j.page.getByTestId('action-submit').click();
  await waitStatus(j.page, 'submitted');
  assert.deepEqual([...ed.errors, ...j.errors], []);
  await j.context.close();
  await ed.context.close();
});

test('the editor publishes: the article is on the kz home and in the qz and ق ز editions in their scripts', async () => {
  const ed = await signIn(editor);
  await ed.page.goto(`${origin}/newsroom/articles/${articleId}`);
  await ed.page.getByTestId('action-publish').click();
  await ed.page.getByTestId('publish-confirm').click();
  await waitStatus(ed.page, 'published');
  const row = await site.database.handle.db
    .selectFrom('articles')
    .select(['slug', 'public_id'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();

  const reader = await browser.newPage();
  await reader.goto(`${origin}/kz/`);
  assert.ok(await reader.getByText('Астанада жастар форумы басталды').first().isVisible());
  await reader.goto(`${origin}/qz/news/${row.slug}-${row.public_id}`);
  const qz = await reader.locator('h1').innerText();
  assert.ok(qz.length > 10 && !CYRILLIC.test(qz), `qz headline in Latin: ${qz}`);
  assert.ok(
    await reader
      .locator('.article-lead')
      .innerText()
      .then((t) => t.includes('10:00')),
  );
  await reader.goto(`${origin}/tote/news/${row.slug}-${row.public_id}`);
  assert.equal(await reader.getAttribute('html', 'dir'), 'rtl');
  assert.match(await reader.locator('h1').innerText(), /[\u0600-\u06ff]/);
  assert.equal((await reader.locator('main img').count()) > 0, true, 'the photo is on the page');
  await reader.close();
  assert.deepEqual(ed.errors, []);
  await ed.context.close();
});

test('a translation into ru is created beside its source, published, and linked from the language menu', async () => {
  const ed = await signIn(editor);
  await ed.page.goto(`${origin}/newsroom/articles/${articleId}`);
  await ed.page.getByTestId('translate-menu').click();
  await ed.page.getByTestId('translate-ru').click();
  await ed.page.waitForURL((url) => url.pathname !== `/newsroom/articles/${articleId}`);
  await ed.page.getByTestId('source-article').getByText('Астанада жастар форумы басталды').waitFor();
  await ed.page.getByTestId('headline').fill('В Астане начался молодёжный форум');
  await ed.page.getByTestId('lead').fill('Форум открылся сегодня в 10:00.');
  await ed.page.getByTestId('body-editor').click();
  await ed.page.keyboard.type('Форум продлится три дня.');
  await save(ed.page);
  await ed.page.getByTestId('action-publish').click();
  await ed.page.getByTestId('publish-confirm').click();
  await waitStatus(ed.page, 'published');

  const row = await site.database.handle.db
    .selectFrom('articles')
    .select(['slug', 'public_id'])
    .where('id', '=', articleId)
    .executeTakeFirstOrThrow();
  const reader = await browser.newPage();
  await reader.goto(`${origin}/kz/news/${row.slug}-${row.public_id}`);
  await reader.locator('nav.langs a[lang="ru"]').click();
  await reader.waitForURL(/\/ru\/news\//);
  assert.equal(await reader.locator('h1').innerText(), 'В Астане начался молодёжный форум');
  await reader.close();
  assert.deepEqual(ed.errors, []);
  await ed.context.close();
});

test('two people edit one article at once: the second save gets the merge view, nobody is overwritten', async () => {
  const a = await signIn(editor);
  const b = await signIn(journalist);
  const section = await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow();
  const draft = await site.services.newsroomArticles.create(
    { id: journalist.id, role: 'journalist', desks: ['kz'] },
    { edition: 'kz', sectionId: section.id, headline: 'Бірге өңделетін мақала', lead: 'Бастапқы лид.' },
  );
  await a.page.goto(`${origin}/newsroom/articles/${draft.id}`);
  await b.page.goto(`${origin}/newsroom/articles/${draft.id}`);
  await b.page.getByTestId('presence-notice').getByText('Ерлан Бекұлы').waitFor({ timeout: 20_000 });

  await a.page.getByTestId('lead').fill('Редактор түзеткен лид.');
  await save(a.page);
  await b.page.getByTestId('headline').fill('Журналист өзгерткен тақырып');
  await b.page.getByTestId('save').click();
  await b.page.getByTestId('merge-view').waitFor();
  assert.equal(await b.page.getByTestId('merge-theirs-lead').innerText(), 'Редактор түзеткен лид.');
  await b.page.screenshot({ path: screenshotPath('newsroom-merge.png') });
  await b.page.getByTestId('merge-save').click();
  await b.page.getByTestId('merge-view').waitFor({ state: 'detached' });
  const row = await site.database.handle.db
    .selectFrom('articles')
    .select(['headline', 'lead', 'revision'])
    .where('id', '=', draft.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.headline, 'Журналист өзгерткен тақырып', "the journalist's change is saved");
  assert.equal(row.lead, 'Редактор түзеткен лид.', "and the editor's is kept");
  assert.equal(row.revision, 3);
  assert.deepEqual([...a.errors, ...b.errors], []);

  // The newsroom speaks the user's language: Kazakh, with dates in Kazakh in the agency's time zone.
  await a.page.goto(`${origin}/newsroom/`);
  await a.page.getByTestId('nav-dashboard').waitFor();
  // Every change to the page is seen with its <html lang>: Kazakh words are never tagged English.
  await a.page.evaluate(() => {
    const w = window as unknown as { mislabelled: string[] };
    w.mislabelled = [];
    new MutationObserver(() => {
      const nav = document.querySelector('[data-testid="nav-dashboard"]')?.textContent ?? '';
      if (nav.includes('Басты бет') && document.documentElement.lang !== 'kk') w.mislabelled.push(document.documentElement.lang);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await a.page.getByTestId('ui-lang').selectOption('kz');
  await a.page.getByTestId('nav-dashboard').getByText('Басты бет').waitFor();
  await a.page.getByText('Бүгін жарияланған').waitFor();
  assert.equal(await a.page.getAttribute('html', 'lang'), 'kk');
  assert.deepEqual(await a.page.evaluate(() => (window as unknown as { mislabelled: string[] }).mislabelled), []);
  await a.page.getByTestId('published-today').waitFor();
  await a.page.screenshot({ path: screenshotPath('newsroom-dashboard.png') });
  await a.context.close();
  await b.context.close();
});

test('an admin adds a journalist in the Users screen; the journalist must choose a new password first', async () => {
  const admin = await makeUser(site, 'admin', [], { name: 'Әкімші' });
  const a = await signIn(admin);
  await a.page.getByTestId('nav-users').click();
  const screen = a.page.getByTestId('manage-users');
  await screen.waitFor();
  const newUser = screen.getByTestId('new-user');
  await newUser.locator('input[name="email"]').fill('zhana.tilshi@agency.kz');
  await newUser.locator('input[name="name"]').fill('Жаңа Тілші');
  await newUser.locator('input[name="password"]').fill('first day passphrase');
  await newUser.locator('select[name="role"]').selectOption('journalist');
  await newUser.locator('input[name="desk-kz"]').check();
  await screen.getByRole('button', { name: /Create|Құру|Создать/ }).click();
  await screen.getByText('zhana.tilshi@agency.kz').waitFor();
  const audit = await site.database.handle.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'user.create')
    .where('user_id', '=', admin.id)
    .execute();
  assert.equal(audit.length, 1);

  const j = await signIn({ id: 0, email: 'zhana.tilshi@agency.kz', password: 'first day passphrase', role: 'journalist', desks: ['kz'] });
  const form = j.page.getByTestId('password-form');
  await form.waitFor();
  await form.locator('input[name="current"]').fill('first day passphrase');
  await form.locator('input[name="next"]').fill('my own passphrase');
  await form.locator('input[name="again"]').fill('my own passphrase');
  await form.locator('button[type="submit"]').click();
  await j.page.getByTestId('new-article').waitFor();
  assert.equal(await j.page.getByTestId('nav-users').count(), 0, 'a journalist sees no management');
  assert.deepEqual([...a.errors, ...j.errors], []);
  await a.context.close();
  await j.context.close();
});
