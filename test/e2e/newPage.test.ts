// A new static page from the newsroom's Pages screen in Chromium, on SQLite and PostgreSQL: an
// admin's "New page" refuses an address that is not lower-case Latin, digits and hyphens, and one
// the edition already has (409, said in words), and creates nothing then; a good one creates the page
// and opens it in the editor, where it is written and published like the others and readers find it
// at its address. The footer still links the four standard pages only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium, serve, signInThroughForm } from '../support/browser.ts';
import { dialects } from '../support/databases.ts';
import { makeUser } from '../support/newsroom.ts';
import { bootSite, type TestSite } from '../support/site.ts';

for (const dialect of dialects()) {
  describe(`a new page from the newsroom on ${dialect}`, () => {
    let site: TestSite;
    let browser: Browser;
    let origin: string;

    before(async () => {
      site = await bootSite(dialect);
      origin = await serve(site);
      browser = await launchChromium();
    });

    after(async () => {
      await browser?.close();
      await site?.close();
    });

    const pageCount = async () =>
      Number(
        (
          await site.database.handle.db
            .selectFrom('pages')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('an admin creates a page with a new address, writes it and publishes it; bad and taken addresses are refused', async () => {
      const admin = await makeUser(site, 'admin', [], { name: 'Admin' });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await signInThroughForm(page, origin, admin);
      await page.getByTestId('nav-pages').click();
      await page.waitForURL(`${origin}/newsroom/pages`);
      const before = await pageCount();

      await page.getByTestId('page-new').click();
      await page.getByTestId('page-new-edition').selectOption('en');
      await page.getByTestId('page-new-title').fill('Advertising');
      const message = page.getByTestId('page-new-message');
      for (const bad of ['Advertising', 'ad space', 'реклама', '-ads', 'ads--2']) {
        await page.getByTestId('page-new-slug').fill(bad);
        await page.getByTestId('page-new-create').click();
        assert.match((await message.textContent()) ?? '', /lower-case Latin letters, digits/, `"${bad}" is refused in words`);
        assert.equal(await page.getByTestId('page-new-slug').getAttribute('aria-invalid'), 'true');
      }
      await page.getByTestId('page-new-slug').fill('about');
      await page.getByTestId('page-new-create').click();
      await page.getByText('This edition already has a page at "about"').waitFor();
      assert.equal(page.url(), `${origin}/newsroom/pages`, 'still on the list');
      assert.equal(await pageCount(), before, 'nothing was created');

      await page.getByTestId('page-new-slug').fill('advertising-2027');
      await page.getByTestId('page-new-create').click();
      await page.waitForURL(/\/newsroom\/pages\/\d+$/);
      await page.getByTestId('page-editor').waitFor();
      assert.equal(await page.getByTestId('page-title').inputValue(), 'Advertising');
      assert.equal(await pageCount(), before + 1);
      assert.equal((await site.app.inject({ url: '/en/page/advertising-2027' })).statusCode, 404, 'not on the site before publishing');

      await page.getByTestId('body-editor').click();
      await page.keyboard.type('Rates and formats for advertisers.');
      await page.getByTestId('page-publish').click();
      await page.locator('[data-testid=page-state][data-state=published]').waitFor();

      const reader = await site.app.inject({ url: '/en/page/advertising-2027' });
      assert.equal(reader.statusCode, 200);
      assert.match(reader.body, /<h1[^>]*>Advertising<\/h1>/);
      assert.match(reader.body, /Rates and formats for advertisers\./);

      // The list shows it; the footer keeps linking the four standard pages.
      await page.getByText('All pages').click();
      await page.getByTestId('page-en-advertising-2027').waitFor();
      const home = (await site.app.inject({ url: '/en/' })).body;
      const footer = home.slice(home.indexOf('<footer class="site-footer"'));
      const linked = [...footer.matchAll(/href="\/en\/page\/([a-z0-9-]+)"/g)].map((m) => m[1]);
      assert.deepEqual(linked.sort(), ['about', 'contacts', 'staff', 'terms']);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
