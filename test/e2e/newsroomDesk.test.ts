// The desk's lists and administration in Debian's Chromium, on SQLite and PostgreSQL: an editor
// pages through the article list, filters it by days and sorts it, and moves, unpublishes (after
// a confirmation that can be cancelled) and deletes selected articles, with a per-article report;
// an admin creates a user (a journalist unless chosen), changes a role and desks only after
// confirming, resets a password, and sees the success where they are; the audit log reads in the
// interface language, filters by who, what and when, and links to the article concerned.
// Screenshots: desk-list-bulk.png, desk-users.png, desk-audit.png in test-output/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { aSection } from '../support/fixtures.ts';
import { makeUser, signIn as apiSignIn, textBody, type Client, type TestUser } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

interface A {
  id: number;
  revision: number;
  status: string;
  sectionId: number;
}

for (const dialect of dialects()) {
  describe(`the desk's lists and administration on ${dialect}`, () => {
    let site: TestSite;
    let origin: string;
    let now = Date.now();
    let editor: TestUser;
    let admin: TestUser;
    let api: Client;
    let sectionId: number;
    let otherSection: number;
    const made: A[] = [];

    before(async () => {
      site = await bootSite(dialect, { clock: () => new Date(now) });
      origin = await serve(site);
      editor = await makeUser(site, 'editor', ['kz'], { name: 'Ерлан Бекұлы' });
      admin = await makeUser(site, 'admin', [], { name: 'Әкімші Нұрлан' });
      const db = site.database.handle.db;
      await db.updateTable('users').set({ ui_lang: 'kz' }).where('id', 'in', [editor.id, admin.id]).execute();
      sectionId = (await db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      otherSection = (await aSection(db, 'desk-moved', { kz: 'Көшірілгендер' })).id;
      api = await apiSignIn(site.app, editor);
      // 32 articles: the first two in September (Almaty days 10 and 11), the rest today.
      const real = now;
      for (let i = 0; i < 32; i++) {
        now = i < 2 ? Date.parse(`2026-09-${10 + i}T08:00:00Z`) : real + i * 1000;
        const res = await api.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: `Үстел ${String(i).padStart(2, '0')}`,
          body: textBody(),
        });
        assert.equal(res.statusCode, 201, res.body);
        made.push(res.json() as A);
      }
      now = real + 60_000;
      const live = made[31]!;
      made[31] = (await api.post(`/api/newsroom/articles/${live.id}/transitions`, { action: 'publish', revision: live.revision })).json();
    });
    after(() => site?.close());

    async function open(user: TestUser): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'kk-KZ' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await signInThroughForm(page, origin, user);
      return { page, errors, close: () => context.close() };
    }
    const article = async (id: number) => (await api.get(`/api/newsroom/articles/${id}`)).json() as A;
    const listIds = (page: Page) =>
      page
        .getByTestId('article-list')
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-id'))));

    test('the list pages with totals, filters by days and sorts', async () => {
      const { page, errors, close } = await open(editor);
      await page.getByTestId('search').fill('Үстел');
      await page.getByTestId('page-of').getByText('32 ішінен 1–30').waitFor();
      assert.equal((await listIds(page))[0], made[31]!.id, 'the latest change first');
      await page.getByTestId('page-next').click();
      await page.getByTestId('page-of').getByText('32 ішінен 31–32').waitFor();
      assert.deepEqual(await listIds(page), [made[1]!.id, made[0]!.id]);
      await page.getByTestId('filter-from').fill('2026-09-11');
      await page.getByTestId('filter-to').fill('2026-09-11');
      await page.getByTestId('page-of').getByText('1 ішінен 1–1').waitFor();
      assert.deepEqual(await listIds(page), [made[1]!.id]);
      await page.getByTestId('filter-from').fill('');
      await page.getByTestId('filter-to').fill('');
      await page.getByTestId('sort').selectOption('oldest');
      await page.getByTestId('page-of').getByText('32 ішінен 1–30').waitFor();
      await page.waitForFunction(
        (id) => document.querySelector('[data-testid="article-list"] li')?.getAttribute('data-id') === String(id),
        made[0]!.id,
      );
      assert.deepEqual(errors, []);
      await close();
    });

    test('bulk actions: move, unpublish after a confirmation (cancel changes nothing), delete drafts; each article reported', async () => {
      const { page, errors, close } = await open(editor);
      await page.getByTestId('search').fill('Үстел');
      await page.getByTestId(`select-${made[31]!.id}`).waitFor();
      // Unpublish the published one and a draft: cancel first, then confirm.
      await page.getByTestId(`select-${made[31]!.id}`).check();
      await page.getByTestId(`select-${made[30]!.id}`).check();
      await page.getByTestId('selected-count').getByText('Таңдалды: 2').waitFor();
      await page.getByTestId('bulk-action').selectOption('unpublish');
      await page.getByTestId('bulk-apply').click();
      await page.getByTestId('bulk-confirm').getByText('жариялаудан алу керек пе').waitFor();
      await page.getByTestId('bulk-cancel').click();
      await page.getByTestId('bulk-confirm').waitFor({ state: 'detached' });
      assert.equal((await article(made[31]!.id)).status, 'published', 'cancelling changes nothing');
      await page.getByTestId('bulk-apply').click();
      await page.getByTestId('bulk-yes').click();
      const report = page.getByTestId('bulk-report');
      await report.getByText('Орындалды: 2 ішінен 1.').waitFor();
      await report.getByText('Үстел 30: қазіргі күйінде мүмкін емес').waitFor();
      assert.equal(await report.getAttribute('role'), 'status');
      assert.equal((await article(made[31]!.id)).status, 'unpublished');
      assert.equal((await article(made[30]!.id)).status, 'draft');
      await page.screenshot({ path: screenshotPath(`desk-list-bulk-${dialect}.png`) });

      // Move three to another section.
      for (const a of made.slice(27, 30)) await page.getByTestId(`select-${a.id}`).check();
      await page.getByTestId(`select-${made[30]!.id}`).uncheck();
      await page.getByTestId('bulk-action').selectOption('section');
      await page.getByTestId('bulk-section').selectOption(String(otherSection));
      await page.getByTestId('bulk-apply').click();
      await page.getByTestId('bulk-confirm').getByText('«Көшірілгендер» бөліміне көшіру керек пе').waitFor();
      await page.getByTestId('bulk-yes').click();
      await page.getByTestId('bulk-report').getByText('Орындалды: 3 ішінен 3.').waitFor();
      for (const a of made.slice(27, 30)) assert.equal((await article(a.id)).sectionId, otherSection);

      // Delete two drafts.
      await page.getByTestId(`select-${made[26]!.id}`).check();
      await page.getByTestId(`select-${made[25]!.id}`).check();
      await page.getByTestId('bulk-action').selectOption('delete');
      await page.getByTestId('bulk-apply').click();
      await page.getByTestId('bulk-yes').click();
      await page.getByTestId('bulk-report').getByText('Орындалды: 2 ішінен 2.').waitFor();
      await page.getByTestId(`select-${made[26]!.id}`).waitFor({ state: 'detached' });
      assert.equal((await api.get(`/api/newsroom/articles/${made[25]!.id}`)).statusCode, 404);
      assert.deepEqual(errors, []);
      await close();
    });

    test('the admin: a new user is a journalist by default; role and desk changes ask first; the reset is confirmed', async () => {
      // Enough colleagues that the new user's row is below the first screen.
      for (let i = 0; i < 16; i++) await makeUser(site, 'journalist', ['kz'], { name: `Тілші ${i + 1}` });
      const { page, errors, close } = await open(admin);
      await page.goto(`${origin}/newsroom/manage/users`);
      const form = page.getByTestId('new-user');
      await form.waitFor();
      assert.equal(await page.getByTestId('new-user-role').inputValue(), 'journalist');
      await form.locator('input[name="email"]').fill(`jana.${dialect}@newsroom.test`);
      await form.locator('input[name="name"]').fill('Ясауыл Тілші');
      await form.locator('input[name="password"]').fill('uzyn qupiya soz 2026');
      await form.locator('input[name="desk-kz"]').check();
      await form.getByRole('button').click();
      const status = page.getByTestId('manage-status');
      await status.getByText('Ясауыл Тілші пайдаланушысы құрылды.').waitFor();
      assert.equal(await status.getAttribute('role'), 'status');
      assert.equal(await status.evaluate((el) => getComputedStyle(el).color), 'rgb(26, 127, 55)', 'success is green');
      const created = await site.database.handle.db
        .selectFrom('users')
        .select(['id', 'role'])
        .where('email', '=', `jana.${dialect}@newsroom.test`)
        .executeTakeFirstOrThrow();
      assert.equal(created.role, 'journalist');

      const row = page.getByTestId(`user-${created.id}`);
      await row.getByTestId('user-role').selectOption('editor');
      await page.getByTestId('user-confirm').getByText('рөлін «Тілші» орнына «Редактор» етіп').waitFor();
      await page.getByTestId('user-confirm-cancel').click();
      assert.equal(await row.getByTestId('user-role').inputValue(), 'journalist', 'the row shows the stored role again');
      const roleOf = async () =>
        await site.database.handle.db.selectFrom('users').select(['role', 'desks']).where('id', '=', created.id).executeTakeFirstOrThrow();
      assert.equal((await roleOf()).role, 'journalist');
      await row.getByTestId('user-role').selectOption('editor');
      await page.getByTestId('user-confirm-yes').click();
      await status.getByText('Ясауыл Тілші бойынша өзгерістер сақталды.').waitFor();
      assert.equal((await roleOf()).role, 'editor');

      await row.getByTestId('user-desk-ru').click();
      await page.getByTestId('user-confirm').getByText('бөлімдерін өзгерту керек пе').waitFor();
      await page.getByTestId('user-confirm-cancel').click();
      assert.equal(await row.getByTestId('user-desk-ru').isChecked(), false);
      await row.getByTestId('user-desk-ru').click();
      await page.getByTestId('user-confirm-yes').click();
      await status.getByText('Ясауыл Тілші бойынша өзгерістер сақталды.').waitFor();
      assert.match(String((await roleOf()).desks), /ru/);

      // A too short password is refused and stays in the field; a good one is set and confirmed.
      const reset = row.getByTestId('reset-password');
      await reset.locator('input').fill('qysqa');
      await reset.getByRole('button').click();
      assert.equal(await reset.locator('input').inputValue(), 'qysqa', 'the field keeps what was typed');
      await reset.locator('input').fill('jana qupiya soz 2027');
      await reset.getByRole('button').click();
      await status.getByText('Ясауыл Тілші үшін жаңа құпиясөз орнатылды').waitFor();
      // The message is in view even though the row is further down the page.
      assert.ok(await page.evaluate(() => window.scrollY > 0), 'the page was scrolled to the row');
      const box = await status.boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `the status is on screen: ${JSON.stringify(box)}`);
      await page.screenshot({ path: screenshotPath(`desk-users-${dialect}.png`) });
      assert.deepEqual(errors, []);
      await close();
    });

    test('the audit log reads in Kazakh, filters by who, what and when, and links to the article', async () => {
      const { page, errors, close } = await open(admin);
      await page.goto(`${origin}/newsroom/audit`);
      const table = page.getByTestId('audit');
      await table.getByText('материалды жариялаудан алды').first().waitFor();
      await page.getByTestId('audit-who').selectOption({ label: 'Ерлан Бекұлы' });
      await page.getByTestId('audit-what').selectOption('article.unpublish');
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid="audit"] tbody tr')];
        return rows.length === 1 && rows[0]!.getAttribute('data-action') === 'article.unpublish';
      });
      // The answer to the first filter is held back until after the second: the older answer,
      // arriving last, must not replace the newer one on screen.
      let held = 0;
      const firstOnly = /\/audit\?.*from=2020-01-01(?!.*to=)/;
      await page.route(firstOnly, async (route) => {
        held += 1;
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await page.getByTestId('audit-from').fill('2020-01-01');
      await page.getByTestId('audit-to').fill('2020-01-02');
      await page.getByText('Мұнда ештеңе жоқ.').waitFor();
      await page.waitForTimeout(2500);
      assert.ok(held >= 1, 'the first answer was held back');
      assert.ok(await page.getByText('Мұнда ештеңе жоқ.').isVisible(), 'the older answer did not replace the newer one');
      await page.unroute(firstOnly);
      await page.getByTestId('audit-from').fill('');
      await page.getByTestId('audit-to').fill('');
      await page.getByTestId('audit-what').selectOption('');
      await table.locator('tbody tr').nth(1).waitFor();
      const actions = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
      assert.ok(actions.includes('article.delete') && actions.includes('article.publish'), actions.join());
      await page.screenshot({ path: screenshotPath(`desk-audit-${dialect}.png`) });
      await page.getByTestId('audit-what').selectOption('article.publish');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="audit"] tbody tr')].every((r) => r.getAttribute('data-action') === 'article.publish'),
      );
      await table.getByTestId('audit-article').getByText('Үстел 31').click();
      await page.waitForURL(`${origin}/newsroom/articles/${made[31]!.id}`);

      // A role change links to the user concerned.
      await page.goto(`${origin}/newsroom/audit`);
      await page.getByTestId('audit-what').selectOption('user.role');
      await table.getByText('рөлді өзгертті').first().waitFor();
      await table.getByTestId('audit-user').getByText('Ясауыл Тілші').first().click();
      await page.waitForURL(/\/newsroom\/manage\/users#user-\d+$/);
      await page.getByTestId('manage-users').getByText('Ясауыл Тілші').waitFor();
      assert.deepEqual(errors, []);
      await close();
    });
  });
}
