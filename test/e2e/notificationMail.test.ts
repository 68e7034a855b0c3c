// The e-mail choice on the notifications screen, in Debian's Chromium on SQLite and PostgreSQL, with
// SMTP configured (a real SMTP server on 127.0.0.1): a kz journalist sees "send my notifications to
// my e-mail too" ticked, unticks it, is told it is saved, and after a reload it stays off; a return
// then reaches them in the newsroom and not by mail. Without SMTP the screen offers no such choice.
// Screenshots: test-output/screenshots/notifications-mail-{phone,desktop}.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, signIn, textBody, type TestUser } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { Mailbox } from '../support/mailbox.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function open(origin: string, user: TestUser, width: number): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'kk-KZ' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await signInThroughForm(page, origin, user);
  return { page, errors, close: () => context.close() };
}

for (const dialect of dialects()) {
  describe(`the e-mail choice on the notifications screen on ${dialect}`, () => {
    const inbox = new Mailbox('desk', 'pw');
    let site: TestSite;
    let origin: string;
    let writer: TestUser;
    let editor: TestUser;
    let articleId = 0;

    before(async () => {
      await inbox.start();
      site = await bootSite(dialect, {
        env: { SMTP_URL: `smtp://desk:pw@127.0.0.1:${inbox.port}`, MAIL_FROM: 'Habarshy <newsroom@habarshy.test>' },
      });
      origin = await serve(site);
      writer = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікова' });
      editor = await makeUser(site, 'editor', ['kz'], { name: 'Самал Редактор' });
      await site.database.handle.db.updateTable('users').set({ ui_lang: 'kz' }).where('id', '=', writer.id).execute();
    });
    after(async () => {
      await site?.close();
      await inbox.stop();
    });

    test('a journalist turns e-mail off in Kazakh; it stays off after a reload, and a return is not mailed', async () => {
      const { page, errors, close } = await open(origin, writer, 390);
      try {
        await page.goto(`${origin}/newsroom/notifications`);
        const box = page.getByTestId('mail-me');
        await box.waitFor();
        assert.equal(await box.isChecked(), true, 'on unless turned off');
        assert.match(await page.locator('.pp-mail').innerText(), /Хабарламаларды электрондық поштама да жіберу/);
        await box.uncheck();
        await page.getByTestId('mail-saved').waitFor();
        assert.equal(await page.getByTestId('mail-saved').innerText(), 'Сақталды.');
        await page.screenshot({ path: screenshotPath('notifications-mail-phone.png') });
        await page.reload();
        await page.getByTestId('mail-me').waitFor();
        assert.equal(await page.getByTestId('mail-me').isChecked(), false, 'the choice is kept');

        // The editor returns the writer's article: a notification in the newsroom, no mail.
        const w = await signIn(site.app, writer);
        const ed = await signIn(site.app, editor);
        const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
        const made = await w.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Хатсыз қайтару', body: textBody() });
        assert.equal(made.statusCode, 201, made.body);
        const a = made.json() as { id: number; revision: number };
        articleId = a.id;
        assert.equal(
          (await w.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'submit', revision: a.revision })).statusCode,
          200,
        );
        const cur = (await ed.get(`/api/newsroom/articles/${a.id}`)).json() as { revision: number };
        const ret = await ed.post(`/api/newsroom/articles/${a.id}/transitions`, {
          action: 'return',
          revision: cur.revision,
          comment: 'Қысқартыңыз',
        });
        assert.equal(ret.statusCode, 200, ret.body);
        await site.services.notificationMail!.runOnce();
        assert.equal(inbox.to(writer.email).length, 0, 'nothing mailed');
        await page.reload();
        await page.getByTestId('notification').first().waitFor();
        assert.equal(await page.getByTestId('notification').first().getAttribute('data-kind'), 'returned');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });

    test('on a desktop the choice sits above the list; ticking it again mails the next notice', async () => {
      const { page, errors, close } = await open(origin, writer, 1280);
      try {
        await page.goto(`${origin}/newsroom/notifications`);
        await page.getByTestId('mail-me').check();
        await page.getByTestId('mail-saved').waitFor();
        await page.screenshot({ path: screenshotPath('notifications-mail-desktop.png') });
        const ed = await signIn(site.app, editor);
        const res = await ed.post(`/api/newsroom/articles/${articleId}/comments`, { body: '@Айгүл Серікова қараңыз' });
        assert.equal(res.statusCode, 201, res.body);
        await site.services.notificationMail!.runOnce();
        assert.equal(inbox.to(writer.email).length, 1, 'mailed once the choice is back on');
        assert.deepEqual(errors, []);
      } finally {
        await close();
      }
    });
  });

  describe(`no e-mail choice without SMTP on ${dialect}`, () => {
    let site: TestSite;
    let origin: string;
    let writer: TestUser;
    before(async () => {
      site = await bootSite(dialect);
      origin = await serve(site);
      writer = await makeUser(site, 'journalist', ['kz']);
    });
    after(async () => {
      await site?.close();
    });

    test('the notifications screen shows no checkbox that would do nothing', async () => {
      const { page, close } = await open(origin, writer, 1280);
      try {
        await page.goto(`${origin}/newsroom/notifications`);
        await page.locator('.pp-notifications h1').waitFor();
        await page.waitForLoadState('networkidle');
        assert.equal(await page.getByTestId('mail-me').count(), 0);
      } finally {
        await close();
      }
    });
  });
}
