// Editors' analytics in Debian's Chromium (issue 13), on SQLite and PostgreSQL: readers open kz and
// qz articles (the pages' own beacon counts them), a self-announcing headless browser opens one
// too (not counted); an editor opens the analytics screen in English and in Kazakh and sees the
// charts (uPlot canvases, one line per edition), the top list with the views the test made, the
// shares, and then the article's own chart beside the editor. Screenshots in test-output/screenshots/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, type TestUser } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { READER_UA } from '../support/readerAgent.ts';

for (const dialect of dialects()) {
  describe(`analytics in Chromium on ${dialect}`, () => {
    let site: TestSite;
    let browser: Browser;
    let origin: string;
    let editor: TestUser;

    before(async () => {
      site = await bootSite(dialect);
      await site.database.handle.db.deleteFrom('view_counts').execute();
      origin = await serve(site);
      editor = await makeUser(site, 'editor', ['kz'], { name: 'Ерлан Бекұлы' });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await site?.close();
    });

    /** Opens the first article of an edition's home page and waits for its beacon; returns the article's path. */
    async function read(page: Page, edition: string): Promise<string> {
      await page.goto(`${origin}/${edition}/`);
      const beacon = page.waitForResponse((r) => r.url().includes('/beacon?'));
      await page.locator('main a[href*="/news/"]').first().click();
      await page.waitForURL(new RegExp(`/${edition}/news/`));
      assert.equal((await beacon).status(), 204);
      return new URL(page.url()).pathname;
    }

    test('the views readers made show on the analytics screen and beside the article, in en and kk', async () => {
      const reader = await browser.newContext({ userAgent: READER_UA });
      const readerPage = await reader.newPage();
      const kzPath = await read(readerPage, 'kz');
      const again = readerPage.waitForResponse((r) => r.url().includes('/beacon?'));
      await readerPage.reload();
      assert.equal((await again).status(), 204);
      await read(readerPage, 'qz');
      await reader.close();
      // Chromium headless says so in its User-Agent ("HeadlessChrome"): a bot, not counted.
      const bot = await browser.newContext();
      await read(await bot.newPage(), 'kz');
      await bot.close();
      assert.equal(await site.services.views.flush(), 3, 'two kz views and one qz view; the headless browser is not counted');

      const publicId = kzPath.slice(-6);
      const article = await site.database.handle.db
        .selectFrom('articles')
        .select(['id', 'headline'])
        .where('public_id', '=', publicId)
        .executeTakeFirstOrThrow();

      const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await signInThroughForm(page, origin, editor);
      await page.getByTestId('ui-lang').selectOption('en');
      await page.getByTestId('nav-analytics').click();
      await page.waitForURL(/\/newsroom\/analytics$/);
      await page.getByTestId('chart-hourly').locator('canvas').waitFor();
      assert.equal(await page.locator('h1').innerText(), 'Analytics');
      for (const chart of ['chart-hourly', 'chart-daily']) {
        assert.equal(await page.getByTestId(chart).getAttribute('data-editions'), 'kz qz', `${chart}: a line per edition`);
        const legend = await page.getByTestId(chart).locator('.u-legend').innerText();
        assert.ok(legend.includes('Қазақша') || legend.includes('kz'), `${chart} legend: ${legend}`);
      }
      const topKz = page.getByTestId('top-today-kz').locator('li').first();
      assert.equal(await topKz.locator('bdi').innerText(), article.headline);
      assert.match(await topKz.innerText(), /2 views/);
      assert.match(await topKz.innerText(), /new/, 'nothing in the previous period');
      const shares = await page.getByTestId('share-edition').innerText();
      assert.match(shares, /66\.7\s?%/, `kz has two views of three: ${shares}`);
      assert.match(shares, /33\.3\s?%/);
      await page.screenshot({ path: screenshotPath(`analytics-en-${dialect}.png`), fullPage: true });

      await page.getByTestId('ui-lang').selectOption('kz');
      await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Аналитика');
      await page.getByTestId('chart-daily').locator('canvas').waitFor();
      assert.equal(await page.getByTestId('chart-daily').locator('figcaption').innerText(), 'Күн сайынғы қаралым, соңғы 30 күн');
      assert.match(await page.getByTestId('top-today-kz').locator('li').first().innerText(), /2 қаралым/);
      const section = await site.database.handle.db
        .selectFrom('articles')
        .innerJoin('section_names', 'section_names.section_id', 'articles.section_id')
        .select('section_names.name')
        .where('articles.id', '=', article.id)
        .where('section_names.edition', '=', 'kz')
        .executeTakeFirstOrThrow();
      await page.getByTestId('share-section').getByText(section.name).waitFor();
      // Pointing at the last day shows its date (in Kazakh) and its views per edition in the legend.
      const over = page.getByTestId('chart-daily').locator('.u-over');
      const box = (await over.boundingBox())!;
      await over.hover({ position: { x: box.width - 1, y: box.height / 2 } });
      const legend = await page.getByTestId('chart-daily').locator('.u-legend').innerText();
      assert.match(legend, /20 қараша/, `today in Almaty, in Kazakh: ${legend}`);
      assert.match(legend, /kz:?\s*2/, legend);
      await page.screenshot({ path: screenshotPath(`analytics-kk-${dialect}.png`), fullPage: true });

      await page.getByTestId('top-today-kz').locator('li a').first().click();
      await page.waitForURL(new RegExp(`/newsroom/articles/${article.id}$`));
      const panel = page.getByTestId('article-views');
      await panel.locator('[data-testid="article-chart-daily"] canvas').waitFor();
      // The kz views, and the qz one if the qz home's first article is the same.
      const total = await site.database.handle.db
        .selectFrom('view_counts')
        .select((eb) => eb.fn.sum<number>('views').as('n'))
        .where('article_id', '=', article.id)
        .executeTakeFirstOrThrow();
      assert.equal(await page.getByTestId('article-views-total').innerText(), `Соңғы 30 күнде ${Number(total.n)} қаралым`);
      await panel.screenshot({ path: screenshotPath(`analytics-article-kk-${dialect}.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
