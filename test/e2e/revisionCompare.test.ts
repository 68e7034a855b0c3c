// The revision comparison in Debian's Chromium (SQLite): a reviewer comparing two revisions whose
// words are the same sees the swapped link target and the changed photo caption, in Kazakh, with
// the names isolated. Screenshot to test-output/screenshots/revision-compare.png.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, signIn as apiSignIn, type TestUser } from '../support/newsroom.ts';

let site: TestSite;
let browser: Browser;
let origin: string;
let journalist: TestUser;

before(async () => {
  site = await bootSite('sqlite');
  origin = await serve(site);
  journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
  await site.database.handle.db.updateTable('users').set({ ui_lang: 'kz' }).where('id', '=', journalist.id).execute();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

test('the revisions panel shows a swapped link target though the words did not change', async () => {
  const api = await apiSignIn(site.app, journalist);
  const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
  const assetId = (await site.database.handle.db.selectFrom('media_assets').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const bodyWith = (href: string, caption: string) => ({
    version: 1,
    blocks: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Толығырақ ' },
          { type: 'text', text: 'Ақорда сайтында', href },
          { type: 'text', text: ' оқыңыз.' },
        ],
      },
      { type: 'image', assetId, caption },
    ],
  });
  const created = await api.post('/api/newsroom/articles', {
    edition: 'kz',
    sectionId,
    headline: 'Сілтеме тексерісі',
    lead: 'Лид',
    body: bodyWith('https://akorda.kz/kz/news', 'Ақорда ғимараты'),
  });
  assert.equal(created.statusCode, 201, created.body);
  const id = created.json().id as number;
  const saved = await api.put(`/api/newsroom/articles/${id}`, {
    revision: 1,
    body: bodyWith('https://akorda-kz.evil.example/kz/news', 'Ақорда ғимараты, түнгі көрініс'),
  });
  assert.equal(saved.statusCode, 200, saved.body);

  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'kk-KZ' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await signInThroughForm(page, origin, journalist);
  await page.goto(`${origin}/newsroom/articles/${id}`);
  await page.getByTestId('revisions-toggle').click();
  await page.getByTestId('compare-from').selectOption('1');
  await page.getByTestId('compare-to').selectOption('2');
  await page.getByTestId('compare').click();
  const changes = page.getByTestId('diff-changes');
  await changes.waitFor();
  const link = changes.locator('li[data-kind="link"]');
  assert.equal(await link.count(), 1);
  const text = await link.innerText();
  assert.match(text, /Сілтеме: өзгерді/, 'in the interface language (kz)');
  assert.ok(text.includes('https://akorda.kz/kz/news') && text.includes('https://akorda-kz.evil.example/kz/news'), text);
  assert.equal(await link.locator('del').innerText(), 'https://akorda.kz/kz/news');
  assert.equal(await link.locator('ins').innerText(), 'https://akorda-kz.evil.example/kz/news');
  const caption = changes.locator('li[data-kind="image"]');
  assert.match(await caption.innerText(), /фотоға жазу/);
  await page.screenshot({ path: screenshotPath('revision-compare.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});
