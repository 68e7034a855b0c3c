// The merge view per block in Debian's Chromium, on SQLite and PostgreSQL: two journalists edit the
// same kz article at once (different paragraphs, the same paragraphs, a paragraph added on one
// side). The second save is refused and the merge view shows the body block by block; with the
// keyboard the journalist takes theirs for one block, edits the merged text of another, keeps
// their own change and the added paragraph, and saves. The saved article, read back through the
// API, is exactly the text the screen showed. Screenshot to test-output/screenshots/merge-view.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, serve, signInThroughForm } from '../support/browser.ts';
import { dialects } from '../support/databases.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, signIn as apiSignIn, textBody, type TestUser } from '../support/newsroom.ts';

const P1 = 'Астанада жастар форумы басталды.';
const P2 = 'Форум үш күнге созылады.';
const P3 = 'Қатысушылар өз жобаларын таныстырады.';
const P4 = 'Форумның соңында үздік жобалар марапатталады.';
const P5 = 'Келесі форум Алматыда өтеді.';

let browser: Browser;

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

interface Body {
  blocks: { type: string; content?: { text: string }[] }[];
}
const texts = (body: Body) => body.blocks.map((b) => (b.content ?? []).map((x) => x.text).join(''));

for (const dialect of dialects()) {
  describe(`the merge view on ${dialect}`, () => {
    let site: TestSite;
    let origin: string;
    let editor: TestUser;
    let journalist: TestUser;

    before(async () => {
      site = await bootSite(dialect);
      origin = await serve(site);
      editor = await makeUser(site, 'editor', ['kz'], { name: 'Ерлан Бекұлы' });
      journalist = await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікқызы' });
      await site.database.handle.db.updateTable('users').set({ ui_lang: 'kz' }).where('id', 'in', [editor.id, journalist.id]).execute();
    });
    after(() => site?.close());

    async function open(user: TestUser, height = 900) {
      const context = await browser.newContext({ viewport: { width: 1360, height }, locale: 'kk-KZ' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        if (m.type() === 'error' && !/status of 40[19]/.test(m.text())) errors.push(m.text());
      });
      await signInThroughForm(page, origin, user);
      return { context, page, errors };
    }

    /** Puts the caret at the end of the body's nth paragraph. */
    async function endOf(page: Page, n: number) {
      await page.getByTestId('body-editor').locator('p').nth(n).click();
      await page.keyboard.press('End');
    }

    /** The article's revision in the database. */
    async function revision(id: number): Promise<number> {
      return (await site.database.handle.db.selectFrom('articles').select('revision').where('id', '=', id).executeTakeFirstOrThrow())
        .revision;
    }
    async function waitRevision(id: number, n: number) {
      while ((await revision(id)) < n) await new Promise((r) => setTimeout(r, 50));
    }

    test('two journalists edit the same paragraphs and different ones; the merged body is saved as shown', async () => {
      const api = await apiSignIn(site.app, journalist);
      const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow())
        .id;
      const created = await api.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'Жастар форумы',
        lead: 'Лид.',
        body: textBody(P1, P2, P3, P4, P5),
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as number;

      const a = await open(editor);
      const b = await open(journalist, 2400);
      await a.page.goto(`${origin}/newsroom/articles/${id}`);
      await b.page.goto(`${origin}/newsroom/articles/${id}`);
      await a.page.getByTestId('body-editor').getByText(P5).waitFor();
      await b.page.getByTestId('body-editor').getByText(P5).waitFor();

      // The editor changes paragraphs 1, 2 and 3 and saves first.
      await endOf(a.page, 0);
      await a.page.keyboard.type(' Ашылу салтанаты өтті.');
      await endOf(a.page, 1);
      await a.page.keyboard.type(' Кесте сайтта жарияланды.');
      await endOf(a.page, 2);
      await a.page.keyboard.type(' Көрме де болады.');
      await a.page.getByTestId('save').click();
      await waitRevision(id, 2);

      // The journalist, on the old revision, changes paragraphs 1, 3 and 4 and adds one after 4.
      await endOf(b.page, 0);
      await b.page.keyboard.type(' Оған мыңнан астам жас келді.');
      await endOf(b.page, 2);
      await b.page.keyboard.type(' Әр жобаға бес минут беріледі.');
      await endOf(b.page, 3);
      await b.page.keyboard.type(' Жүлде қоры — он миллион теңге.');
      await b.page.keyboard.press('Enter');
      await b.page.keyboard.type('Ұйымдастырушылар еріктілерге алғыс айтты.');
      await b.page.getByTestId('save').click();
      const view = b.page.getByTestId('merge-view');
      await view.waitFor();

      // Block by block: 1 both changed, 2 theirs only, 3 both, 4 mine only, the added one, 5 unchanged (folded).
      const blocks = view.locator('[data-testid^="merge-block-"][data-kind]');
      assert.equal(await blocks.count(), 5);
      const both = view.locator('[data-conflict="true"]');
      assert.equal(await both.count(), 2, 'the two paragraphs both changed are marked');
      assert.match(await both.first().innerText(), /екеуіңіз де өзгерттіңіз/);
      assert.equal(await view.getByTestId('merge-unchanged').count(), 1);
      assert.match(await view.getByTestId('merge-unchanged').locator('summary').innerText(), /Өзгермеген блоктар: 1/);
      // Side by side, each paragraph apart, with a word diff.
      assert.equal(await view.getByTestId('merge-side-theirs-1').innerText(), `${P1} Ашылу салтанаты өтті.`);
      assert.equal(await view.getByTestId('merge-side-mine-1').innerText(), `${P1} Оған мыңнан астам жас келді.`);
      assert.equal(await view.getByTestId('merge-side-mine-1').locator('ins').first().innerText(), 'Оған');
      assert.equal(await view.getByTestId('merge-side-theirs-1').locator('del').first().innerText(), 'Ашылу');
      // The defaults: theirs where only they changed, mine where I did or both did, keep what I added.
      assert.ok(await view.locator('input[data-testid="merge-block-theirs-2"]').isChecked());
      assert.ok(await view.locator('input[data-testid="merge-block-mine-1"]').isChecked());
      assert.ok(await view.locator('input[data-testid="merge-block-mine-3"]').isChecked());
      assert.ok(await view.locator('input[data-testid="merge-block-mine-4"]').isChecked());
      assert.ok(await view.locator('input[data-testid="merge-block-keep-5"]').isChecked());

      // Keyboard only: block 1 → theirs (arrow in its radio group), block 3 → an edited text.
      await view.locator('input[data-testid="merge-block-mine-1"]').focus();
      await b.page.keyboard.press('ArrowLeft');
      assert.ok(await view.locator('input[data-testid="merge-block-theirs-1"]').isChecked());
      await view.locator('input[data-testid="merge-block-mine-3"]').focus();
      await b.page.keyboard.press('ArrowRight');
      assert.ok(await view.locator('input[data-testid="merge-block-edit-3"]').isChecked());
      const edit = view.getByTestId('merge-text-3');
      assert.equal(await edit.inputValue(), `${P3} Әр жобаға бес минут беріледі.`, 'the edit starts from mine');
      await b.page.keyboard.press('Tab');
      assert.equal(await edit.evaluate((el) => el === document.activeElement), true, 'Tab reaches the text');
      await b.page.keyboard.press('ControlOrMeta+a');
      await b.page.keyboard.type(`${P3} Әр жобаға бес минут беріледі. Көрме де болады.`);

      const expected = [
        `${P1} Ашылу салтанаты өтті.`,
        `${P2} Кесте сайтта жарияланды.`,
        `${P3} Әр жобаға бес минут беріледі. Көрме де болады.`,
        `${P4} Жүлде қоры — он миллион теңге.`,
        'Ұйымдастырушылар еріктілерге алғыс айтты.',
        P5,
      ];
      const shown = await view.getByTestId('merge-result-block').allInnerTexts();
      assert.deepEqual(shown, expected, 'the text to be saved, one paragraph per block');
      await view.evaluate((el) => el.scrollTo(0, 0));
      await b.page.screenshot({ path: screenshotPath(dialect === 'sqlite' ? 'merge-view.png' : `merge-view-${dialect}.png`) });

      await view.getByTestId('merge-save').click();
      await view.waitFor({ state: 'detached' });
      await waitRevision(id, 3);
      const read = await api.get(`/api/newsroom/articles/${id}`);
      assert.equal(read.statusCode, 200, read.body);
      const article = read.json() as { revision: number; body: Body };
      assert.equal(article.revision, 3);
      assert.deepEqual(texts(article.body), shown, 'the saved article is what the merge view showed');
      assert.ok(article.body.blocks.every((x) => x.type === 'paragraph'));
      // The editor sees the merged text in the editor too.
      assert.deepEqual(await b.page.getByTestId('body-editor').locator('p').allInnerTexts(), expected);
      assert.deepEqual([...a.errors, ...b.errors], []);
      await a.context.close();
      await b.context.close();
    });
  });
}
