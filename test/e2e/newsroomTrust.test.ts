// What the newsroom app offers is what the server allows, in Debian's Chromium against the real app
// (SQLite) under its CSP: the "Add to lexicon" button is an editor's (a journalist sees the unsure
// word marked, with no button that would answer 403), and a photo is deleted from the library only
// after a confirmation — the uploader's own photo, never someone else's, and not one in use.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, signIn as apiSignIn, type TestUser, textBody } from '../support/newsroom.ts';
import { tempDir } from '../support/databases.ts';

let site: TestSite;
let browser: Browser;
let origin: string;
let journalist: TestUser;
let editor: TestUser;
let photoFile: string;
let mediaDir: string;

before(async () => {
  const dataDir = tempDir();
  site = await bootSite('sqlite', { env: { DATA_DIR: dataDir } });
  mediaDir = path.join(dataDir, 'media');
  origin = await serve(site);
  journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
  editor = await makeUser(site, 'editor', ['kz'], { name: 'Ерлан Бекұлы' });
  photoFile = path.join(os.tmpdir(), `habarshy-e2e-trust-${process.pid}.jpg`);
  await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 140, g: 60, b: 30 } } })
    .jpeg()
    .toFile(photoFile);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
  fs.rmSync(photoFile, { force: true });
});

async function open(user: TestUser, url: string): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'kk-KZ' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // 403/409 are the refusals under test; 404 the demo photos' thumbnails, whose files are in the
  // shared demo folder, not in this suite's own DATA_DIR.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 40[13479]/.test(m.text())) errors.push(m.text());
  });
  await signInThroughForm(page, origin, user);
  await page.goto(`${origin}${url}`);
  return { page, errors, close: () => context.close() };
}

test("the lexicon button is shown to the desk's editor only; a journalist sees the unsure word marked", async () => {
  const client = await apiSignIn(site.app, journalist);
  const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
  const article = (
    await client.post('/api/newsroom/articles', {
      body: textBody(),
      edition: 'kz',
      sectionId,
      headline: 'Конституция күні',
      lead: 'Мереке.',
    })
  ).json();

  const asJournalist = await open(journalist, `/newsroom/articles/${article.id}`);
  const panel = asJournalist.page.getByTestId('script-qz');
  await panel.locator('.ed-unsure-list mark', { hasText: 'Конституция' }).waitFor();
  assert.equal(await asJournalist.page.getByTestId('lexicon-Конституция').count(), 0, 'no button that would answer 403');
  assert.deepEqual(asJournalist.errors, []);
  await asJournalist.close();

  const asEditor = await open(editor, `/newsroom/articles/${article.id}`);
  await asEditor.page.getByTestId('lexicon-Конституция').first().waitFor();
  assert.deepEqual(asEditor.errors, []);
  await asEditor.close();
});

test("a journalist deletes their own unused photo after confirming; someone else's has no Delete; one in use is refused with a message", async () => {
  const { page, errors, close } = await open(journalist, '/newsroom/media');
  await page.getByTestId('upload-file').setInputFiles(photoFile);
  await page.getByTestId('upload-caption').fill('Қате жүктелген сурет');
  await page.getByTestId('upload-submit').click();
  const item = page.getByTestId('media-grid').locator('li', { hasText: 'Қате жүктелген сурет' });
  await item.waitFor();
  const id = Number((await item.locator('[data-testid^="delete-"]').getAttribute('data-testid'))!.replace('delete-', ''));
  const key = (await site.database.handle.db.selectFrom('media_assets').select('file_key').where('id', '=', id).executeTakeFirstOrThrow())
    .file_key;
  const files = () =>
    fs
      .readdirSync(mediaDir, { recursive: true })
      .map(String)
      .filter((f) => path.basename(f).startsWith(`${key}-`));
  assert.ok(files().length > 0);

  // Cancel keeps it.
  await item.getByTestId(`delete-${id}`).click();
  await item.getByTestId(`delete-no-${id}`).click();
  assert.equal(await item.count(), 1);
  assert.ok(files().length > 0, 'nothing deleted without the confirmation');

  await item.getByTestId(`delete-${id}`).click();
  await item.getByTestId(`delete-yes-${id}`).click();
  await page.getByTestId('media-notice').waitFor();
  assert.equal(await page.getByTestId('media-grid').locator('li', { hasText: 'Қате жүктелген сурет' }).count(), 0);
  assert.deepEqual(files(), [], 'its files are gone');

  // The demo photos were uploaded by nobody: a journalist gets no Delete button on them.
  const demo = await site.database.handle.db
    .selectFrom('media_assets')
    .select('id')
    .where('uploaded_by', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await page.getByTestId('media-search').fill('');
  await page.getByTestId(`media-item-${demo.id}`).waitFor();
  assert.equal(await page.getByTestId(`delete-${demo.id}`).count(), 0);
  assert.deepEqual(errors, []);
  await close();

  // An editor may delete any photo, but not one an article shows: the refusal is explained.
  const asEditor = await open(editor, '/newsroom/media');
  const used = (
    await site.database.handle.db
      .selectFrom('articles')
      .select('hero_asset_id')
      .where('hero_asset_id', 'is not', null)
      .where('status', '=', 'published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).hero_asset_id!;
  const button = asEditor.page.getByTestId(`delete-${used}`);
  if ((await button.count()) === 0) await asEditor.page.getByTestId('media-search').fill('');
  await button.waitFor();
  await button.click();
  await asEditor.page.getByTestId(`delete-yes-${used}`).click();
  await asEditor.page.getByTestId('upload-error').waitFor();
  const refusal = await asEditor.page.getByTestId('upload-error').innerText();
  assert.ok(
    refusal.startsWith('An article or an author uses this photo: it cannot be deleted. Used by: «'),
    `in the user's interface language, naming the articles: ${refusal}`,
  );
  assert.ok(await site.database.handle.db.selectFrom('media_assets').select('id').where('id', '=', used).executeTakeFirst(), 'kept');
  await asEditor.close();
});

test('the story screen tells that another desk is writing, without its headline', async () => {
  const chief = await makeUser(site, 'chief');
  const chiefClient = await apiSignIn(site.app, chief);
  const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
  let kz = (
    await chiefClient.post('/api/newsroom/articles', {
      body: textBody(),
      edition: 'kz',
      sectionId,
      headline: 'Жаңа заң қабылданды',
      lead: 'Лид.',
    })
  ).json();
  kz = (await chiefClient.post(`/api/newsroom/articles/${kz.id}/transitions`, { action: 'publish', revision: kz.revision })).json();
  const ru = (await chiefClient.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' })).json();
  assert.equal(
    (await chiefClient.put(`/api/newsroom/articles/${ru.id}`, { revision: ru.revision, headline: 'Секретный черновик' })).statusCode,
    200,
  );

  const { page, errors, close } = await open(journalist, `/newsroom/stories/${kz.storyId}`);
  const row = page.getByTestId('story-ru');
  await row.waitFor();
  assert.equal(await row.locator('td[data-closed="true"]').count(), 1);
  assert.ok(!(await page.getByTestId('story-screen').innerText()).includes('Секретный'), 'no headline of the ru draft');
  assert.ok((await page.getByTestId('story-kz').innerText()).includes('Жаңа заң қабылданды'));
  assert.deepEqual(errors, []);
  await close();
});
