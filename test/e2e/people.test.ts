// Work among people in Debian's Chromium against the real app, on SQLite and PostgreSQL: an editor
// assigns a story in "My work" (due in Almaty time); the journalist sees the unread count in the
// header, finds it in My work and starts the draft from it; the editor comments on the draft with
// an @mention picked from the autocomplete by keyboard; the journalist's unread count goes up, they
// open the notification (marked read, the article opens) and read the comment beside the timeline.
// Screenshots: test-output/screenshots/people-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, type TestUser } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

const HEADLINE = 'Алматыдағы қысқы жол жөндеуі';

for (const dialect of dialects()) {
  describe(`assignments, notifications and comments in Chromium on ${dialect}`, () => {
    let site: TestSite;
    let browser: Browser;
    let origin: string;
    let journalist: TestUser;
    let editor: TestUser;
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];

    before(async () => {
      site = await bootSite(dialect);
      origin = await serve(site);
      journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
      editor = await makeUser(site, 'editor', ['kz'], { name: 'Ерлан Бекұлы' });
      // A colleague whose name shares the first letters: the autocomplete must offer both.
      await makeUser(site, 'journalist', ['kz'], { name: 'Айдос Нұрланұлы' });
      browser = await launchChromium();
    });
    after(async () => {
      for (const c of contexts) await c.close();
      await browser?.close();
      await site?.close();
    });

    async function signIn(user: TestUser): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'kk-KZ' });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await signInThroughForm(page, origin, user);
      return page;
    }
    const unread = (page: Page) => page.getByTestId('nav-notifications').getAttribute('aria-label');
    async function waitUnread(page: Page, n: number): Promise<void> {
      await page.waitForFunction((count) => {
        const badge = document.querySelector('[data-testid="unread-count"]');
        return count === 0 ? badge === null : badge?.textContent === String(count);
      }, n);
    }

    test('editor assigns → the journalist sees it in My work and starts the draft; a mention notifies and is read', async () => {
      const ed = await signIn(editor);
      await ed.getByTestId('nav-work').click();
      await ed.getByTestId('assign-headline').fill(HEADLINE);
      assert.equal(await ed.getByTestId('assign-desk').inputValue(), 'kz');
      const sectionValue = await ed.locator('[data-testid="assign-section"] option:nth-child(2)').getAttribute('value');
      await ed.getByTestId('assign-section').selectOption(sectionValue!);
      await ed.getByTestId('assign-due').fill('2026-11-21T18:30');
      await ed.getByTestId('assign-assignee').selectOption({ label: 'Айгүл Серікқызы' });
      await ed.getByTestId('assign-note').fill('Әкімдіктің түсініктемесі керек');
      await ed.getByTestId('assign-submit').click();
      await ed.getByTestId('work-message').waitFor();
      assert.match(await ed.getByTestId('work-message').innerText(), /Айгүл Серікқызы/);
      const open = ed.getByTestId('open-assignments');
      await open.waitFor();
      assert.match(await open.innerText(), new RegExp(HEADLINE));
      // 18:30 in Almaty, shown back in Almaty time.
      assert.match(await open.innerText(), /21 .* 2026, 18:30/);
      await ed.screenshot({ path: screenshotPath('people-assign.png'), fullPage: true });

      const jo = await signIn(journalist);
      await waitUnread(jo, 1);
      assert.match((await unread(jo)) ?? '', /1/);
      await jo.getByTestId('nav-work').click();
      const mine = jo.getByTestId('my-assignments');
      await mine.waitFor();
      assert.match(await mine.innerText(), new RegExp(HEADLINE));
      assert.match(await mine.innerText(), /Ерлан Бекұлы/);
      await jo.screenshot({ path: screenshotPath('people-my-work.png'), fullPage: true });
      await jo.getByTestId('start-draft').click();
      await jo.waitForURL(/\/newsroom\/articles\/\d+$/);
      const articleUrl = jo.url();
      await jo.getByTestId('headline').waitFor();
      assert.equal(await jo.getByTestId('headline').inputValue(), HEADLINE);
      const row = await site.database.handle.db.selectFrom('assignments').select(['article_id']).executeTakeFirstOrThrow();
      assert.equal(`${origin}/newsroom/articles/${row.article_id}`, articleUrl, 'the draft is linked to the assignment');

      // The editor comments on the draft and mentions the journalist through the autocomplete.
      await ed.goto(articleUrl);
      const box = ed.getByTestId('comment-body');
      await box.waitFor();
      await box.click();
      await ed.keyboard.type('Дереккөзді тексеріңіз, @Ай');
      const list = ed.getByTestId('mention-list');
      await list.waitFor();
      assert.deepEqual(await list.locator('[role="option"]').allInnerTexts(), ['Айгүл Серікқызы', 'Айдос Нұрланұлы']);
      await ed.keyboard.type('г');
      assert.deepEqual(await list.locator('[role="option"]').allInnerTexts(), ['Айгүл Серікқызы']);
      await ed.keyboard.press('Enter');
      await list.waitFor({ state: 'detached' });
      await ed.keyboard.type('бүгін кешке дейін.');
      assert.equal(await box.inputValue(), 'Дереккөзді тексеріңіз, @Айгүл Серікқызы бүгін кешке дейін.');
      await ed.getByTestId('comment-body-send').click();
      const comment = ed.getByTestId('comment').first();
      await comment.waitFor();
      assert.equal(await comment.locator('.pp-mention').innerText(), '@Айгүл Серікқызы');
      assert.equal(await box.inputValue(), '', 'the box is cleared once sent');
      await ed.getByTestId('comments').screenshot({ path: screenshotPath('people-comments.png') });

      // The journalist's count goes up; opening the notification reads it and opens the article.
      await jo.getByTestId('nav-notifications').click();
      await waitUnread(jo, 2);
      const mention = jo.locator('[data-testid="notification"][data-kind="mentioned"]');
      await mention.waitFor();
      assert.equal(await mention.getAttribute('data-read'), 'false');
      assert.match(await mention.innerText(), /Ерлан Бекұлы/);
      assert.match(await mention.innerText(), /Дереккөзді тексеріңіз/);
      await jo.screenshot({ path: screenshotPath('people-notifications.png'), fullPage: true });
      await mention.getByTestId('notification-open').click();
      await jo.waitForURL(articleUrl);
      await waitUnread(jo, 1);
      const seen = jo.getByTestId('comment').first();
      await seen.waitFor();
      assert.match(await seen.innerText(), /Ерлан Бекұлы/);
      assert.match(await seen.innerText(), /бүгін кешке дейін/);

      // Back in the list, the mention is read; "mark all read" clears the count.
      await jo.getByTestId('nav-notifications').click();
      await jo.locator('[data-testid="notification"][data-kind="mentioned"][data-read="true"]').waitFor();
      await jo.getByTestId('read-all').click();
      await waitUnread(jo, 0);
      assert.deepEqual(errors, []);
    });
  });
}
