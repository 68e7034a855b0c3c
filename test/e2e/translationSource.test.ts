// A translation starts from its source, and the list assigns in bulk, in Debian's Chromium on
// SQLite and PostgreSQL: a ru editor translates a published kz article with a lead photo (its own
// caption and credit), a body photo, a gallery, tags and authors; the new ru draft shows them all,
// and the source panel beside it shows the source's photos with their captions. A kz editor selects
// articles in the list and assigns them to a journalist (due in Almaty time), with a per-article report.
// Screenshot: test-output/screenshots/translation-source.png (and -<dialect>.png per database).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { aPhoto, aTag, anAuthor } from '../support/fixtures.ts';
import { makeUser, signIn as apiSignIn, textBody, type Client, type TestUser } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

let browser: Browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

for (const dialect of dialects()) {
  describe(`translations from the source and bulk assign in Chromium on ${dialect}`, () => {
    let site: TestSite;
    let origin: string;
    let kzEditor: TestUser;
    let ruEditor: TestUser;
    let writer: TestUser;
    let api: Client;
    let sectionId: number;

    before(async () => {
      site = await bootSite(dialect);
      origin = await serve(site);
      kzEditor = await makeUser(site, 'editor', ['kz'], { name: 'Самал Редактор' });
      ruEditor = await makeUser(site, 'editor', ['ru'], { name: 'Ольга Ким' });
      writer = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікова' });
      const db = site.database.handle.db;
      await db.updateTable('users').set({ ui_lang: 'kz' }).where('id', 'in', [kzEditor.id, writer.id]).execute();
      await db.updateTable('users').set({ ui_lang: 'ru' }).where('id', '=', ruEditor.id).execute();
      sectionId = (await db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      api = await apiSignIn(site.app, kzEditor);
    });
    after(() => site?.close());

    async function open(user: TestUser): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
      const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ru-RU' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await signInThroughForm(page, origin, user);
      return { page, errors, close: () => context.close() };
    }

    test('a ru editor translates a kz article: the draft has its photos, tags and authors; the source panel shows its images', async () => {
      const db = site.database.handle.db;
      const hero = await aPhoto(db, { kz: { caption: 'Кітапханадағы сурет', credit: 'Агенттік' } });
      const inBody = await aPhoto(db, { kz: { caption: 'Саябақ кітапханада' } });
      const g1 = await aPhoto(db);
      const g2 = await aPhoto(db);
      const tag = await aTag(db, `park-${dialect}`, { kz: 'Саябақтар', ru: 'Парки' });
      const author = await anAuthor(db, `Әлия Сапар ${dialect}`);
      const body = {
        version: 1,
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Алматыда жаңа саябақ ашылды.' }] },
          { type: 'image', assetId: inBody, caption: 'Саябақтың кіреберісі', credit: 'Әлия Сапар' },
          { type: 'paragraph', content: [{ type: 'text', text: 'Саябақта мың ағаш отырғызылды.' }] },
          {
            type: 'gallery',
            items: [
              { assetId: g1, caption: 'Ағаштар' },
              { assetId: g2, caption: 'Субұрқақ' },
            ],
          },
        ],
      };
      const created = await api.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'Алматыда жаңа саябақ ашылды',
        lead: 'Қала орталығында жаңа саябақ ашылды.',
        body,
        tagIds: [tag.id],
        authorIds: [author.id],
      });
      assert.equal(created.statusCode, 201, created.body);
      let kz = created.json();
      kz = (await api.put(`/api/newsroom/articles/${kz.id}`, { revision: kz.revision, heroAssetId: hero })).json();
      assert.equal(
        (await api.put(`/api/newsroom/articles/${kz.id}/photo-texts`, { caption: 'Саябақтың ашылуы', credit: 'Болат Нұров' })).statusCode,
        200,
      );
      const pub = await api.post(`/api/newsroom/articles/${kz.id}/transitions`, { action: 'publish', revision: kz.revision });
      assert.equal(pub.statusCode, 200, pub.body);

      const { page, errors, close } = await open(ruEditor);
      await page.goto(`${origin}/newsroom/articles/${kz.id}`);
      await page.getByTestId('translate-menu').click();
      await page.getByTestId('translate-ru').click();
      await page.waitForURL((url) => url.pathname !== `/newsroom/articles/${kz.id}`);

      // The new draft: lead photo (its own caption and credit to translate), tags, authors, photos.
      const ru = await site.database.handle.db
        .selectFrom('articles')
        .select(['id', 'hero_asset_id'])
        .where('translated_from', '=', kz.id)
        .executeTakeFirstOrThrow();
      assert.equal(ru.hero_asset_id, hero);
      await page.getByTestId('hero-image').waitFor();
      await page.getByTestId('field-tags').getByText('Парки').waitFor();
      await page.getByTestId('field-authors').getByText(`Әлия Сапар ${dialect}`).waitFor();
      assert.equal(await page.getByTestId('hero-own-caption').inputValue(), 'Саябақтың ашылуы');
      assert.equal(await page.getByTestId('hero-own-credit').inputValue(), 'Болат Нұров');
      const editor = page.getByTestId('body-editor');
      await editor.locator('.ed-figure').first().waitFor();
      assert.equal(await editor.locator('.ed-figure').count(), 1, 'the body photo');
      assert.equal(await editor.locator('.ed-gallery').count(), 1, 'the gallery');
      assert.equal(await editor.locator('p', { hasText: 'мың ағаш' }).count(), 0, 'no text of the source in the draft');

      // The source panel: its lead photo and body photos, drawn, with their captions.
      const source = page.getByTestId('source-article');
      await source.getByText('Саябақтың ашылуы').waitFor();
      await source.getByText('Саябақтың кіреберісі').waitFor();
      await source.getByText('Субұрқақ').waitFor();
      await source.getByText('Автор фото: Болат Нұров').waitFor();
      const photos = source.getByTestId('source-photo');
      assert.equal(await photos.count(), 4, 'lead photo, body photo and the two of the gallery');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="source-photo"] img')].every(
          (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
        ),
      );
      assert.equal(await source.locator('img').count(), 4, 'every photo is drawn');
      const box = await source.boundingBox();
      const lead = await photos.first().locator('img').boundingBox();
      assert.ok(box && lead && lead.width <= box.width + 0.5, 'the photos fit the panel');
      await page.screenshot({ path: screenshotPath(`translation-source-${dialect}.png`), fullPage: true });
      if (dialect === 'sqlite') await page.screenshot({ path: screenshotPath('translation-source.png'), fullPage: true });
      assert.deepEqual(errors, []);
      await close();
    });

    test('the list assigns the selected articles to a journalist, with a due time, and reports each article', async () => {
      const made: { id: number; revision: number; headline: string }[] = [];
      for (const headline of [`Тағайындау 1 ${dialect}`, `Тағайындау 2 ${dialect}`, `Тағайындау 3 ${dialect}`]) {
        const res = await api.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline, body: textBody() });
        assert.equal(res.statusCode, 201, res.body);
        made.push(res.json());
      }
      const live = made[2]!;
      assert.equal(
        (await api.post(`/api/newsroom/articles/${live.id}/transitions`, { action: 'publish', revision: live.revision })).statusCode,
        200,
      );

      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'kk-KZ' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await signInThroughForm(page, origin, kzEditor);
      await page.getByTestId('search').fill(`Тағайындау`);
      for (const a of made) await page.getByTestId(`select-${a.id}`).check();
      await page.getByTestId('selected-count').getByText('Таңдалды: 3').waitFor();
      await page.getByTestId('bulk-action').selectOption('assign');
      await page.getByTestId('bulk-assignee').locator('option', { hasText: 'Айгүл Серікова' }).waitFor({ state: 'attached' });
      assert.equal(
        await page.getByTestId('bulk-assignee').locator('option', { hasText: 'Ольга Ким' }).count(),
        0,
        'only people of the selected articles’ desks',
      );
      await page.getByTestId('bulk-assignee').selectOption(String(writer.id));
      await page.getByTestId('bulk-due').fill('2099-05-04T16:30');
      await page.getByTestId('bulk-apply').click();
      await page.getByTestId('bulk-confirm').getByText('Айгүл Серікова').waitFor();
      await page.getByTestId('bulk-confirm').getByText('2099-05-04 16:30').waitFor();
      await page.getByTestId('bulk-yes').click();
      const report = page.getByTestId('bulk-report');
      await report.getByText('Орындалды: 3 ішінен 2.').waitFor();
      await report.getByText(`Тағайындау 3 ${dialect}: қазіргі күйінде мүмкін емес`).waitFor();
      await page.screenshot({ path: screenshotPath(`bulk-assign-${dialect}.png`) });

      const rows = await site.database.handle.db
        .selectFrom('assignments')
        .select(['article_id', 'assignee_id', 'due_at', 'status', 'headline'])
        .where(
          'article_id',
          'in',
          made.map((a) => a.id),
        )
        .orderBy('article_id')
        .execute();
      assert.deepEqual(
        rows.map((r) => [r.article_id, r.assignee_id, r.due_at, r.status, r.headline]),
        [
          [made[0]!.id, writer.id, '2099-05-04T11:30:00.000Z', 'open', made[0]!.headline],
          [made[1]!.id, writer.id, '2099-05-04T11:30:00.000Z', 'open', made[1]!.headline],
        ],
        '16:30 in Almaty is 11:30 UTC; the published one is not assigned',
      );
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}
