// Restoring a revision restores everything the revision held (issue 13), on SQLite and PostgreSQL:
// lead photo, slug, breaking and pinned flags, correction note, tags and authors, beside the text;
// a typed "Түзету:"/"Фото:" label is removed on save, since the site prints its own.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

for (const dialect of dialects()) {
  describe(`revision restore on ${dialect}`, () => {
    let site: TestSite;
    let editor: Client;
    let sectionId: number;
    let tags: number[];
    let authors: number[];
    let photos: number[];
    before(async () => {
      site = await bootSite(dialect);
      editor = await signedIn(site, 'editor', ['kz']);
      const db = site.database.handle.db;
      sectionId = (await db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      tags = (await db.selectFrom('tags').select('id').orderBy('id').limit(3).execute()).map((r) => r.id);
      authors = (await db.selectFrom('authors').select('id').orderBy('id').limit(2).execute()).map((r) => r.id);
      photos = (await db.selectFrom('media_assets').select('id').orderBy('id').limit(2).execute()).map((r) => r.id);
      assert.equal(tags.length, 3);
      assert.equal(authors.length, 2);
      assert.equal(photos.length, 2);
    });
    after(() => site.close());

    const save = async (a: { id: number; revision: number }, patch: object) => {
      const res = await editor.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, ...patch });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    test('restoring revision 2 brings back its photo, slug, flags, note, tags and authors, not only its text', async () => {
      const created = await editor.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'Бастапқы тақырып',
        lead: 'Лид',
        body: { version: 1, blocks: [para('Бірінші мәтін.')] },
      });
      assert.equal(created.statusCode, 201, created.body);
      const r2 = await save(created.json(), {
        slug: 'qolmen-zhazylgan',
        heroAssetId: photos[0],
        breaking: true,
        pinned: true,
        correctionNote: 'Аты түзетілді',
        tagIds: [tags[0], tags[1]],
        authorIds: [authors[0]],
      });
      assert.equal(r2.revision, 2);
      const r3 = await save(r2, {
        headline: 'Кейінгі тақырып',
        slug: 'keiingi',
        heroAssetId: photos[1],
        breaking: false,
        pinned: false,
        correctionNote: '',
        tagIds: [tags[2]],
        authorIds: [authors[1]],
        body: { version: 1, blocks: [para('Басқа мәтін.')] },
      });
      assert.equal(r3.revision, 3);
      const res = await editor.post(`/api/newsroom/articles/${r3.id}/revisions/2/restore`, { revision: 3 });
      assert.equal(res.statusCode, 200, res.body);
      const restored = res.json();
      assert.equal(restored.revision, 4);
      assert.equal(restored.headline, 'Бастапқы тақырып');
      assert.equal(restored.body.blocks[0].content[0].text, 'Бірінші мәтін.');
      assert.equal(restored.slug, 'qolmen-zhazylgan');
      assert.equal(restored.heroAssetId, photos[0]);
      assert.equal(restored.breaking, true);
      assert.equal(restored.pinned, true);
      assert.equal(restored.correctionNote, 'Аты түзетілді');
      assert.deepEqual(restored.tagIds, [tags[0], tags[1]]);
      assert.deepEqual(restored.authorIds, [authors[0]]);
      const reopened = (await editor.get(`/api/newsroom/articles/${r3.id}`)).json();
      assert.equal(reopened.heroAssetId, photos[0], 'the restore is stored, not only answered');
    });

    test('restoring revision 1 clears what was added after it (no lead photo, no flags, no tags)', async () => {
      const created = (await editor.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Жалаусыз', lead: 'Лид' })).json();
      const r2 = await save(created, { heroAssetId: photos[0], breaking: true, tagIds: [tags[0]], correctionNote: 'ескерту' });
      const res = await editor.post(`/api/newsroom/articles/${r2.id}/revisions/1/restore`, { revision: r2.revision });
      assert.equal(res.statusCode, 200, res.body);
      const restored = res.json();
      assert.equal(restored.heroAssetId, null);
      assert.equal(restored.breaking, false);
      assert.deepEqual(restored.tagIds, []);
      assert.equal(restored.correctionNote, '');
    });

    test("a typed label is removed from the correction note and from photo credits on save, in every edition's words", async () => {
      const a = (await editor.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Белгілер', lead: 'Лид' })).json();
      const saved = await save(a, {
        correctionNote: 'Түзету: Министрдің аты қате жазылған',
        body: {
          version: 1,
          blocks: [
            { type: 'image', assetId: photos[0], caption: 'Фото: бұл қолтаңба, қалады', credit: 'Фото: ҚазАқпарат' },
            {
              type: 'gallery',
              items: [
                { assetId: photos[0], credit: 'Photo credit: Reuters' },
                { assetId: photos[1], credit: 'photo:AP' },
                { assetId: photos[1], credit: 'Сурат: Фото: Дүйсен' },
              ],
            },
          ],
        },
      });
      assert.equal(saved.correctionNote, 'Министрдің аты қате жазылған');
      assert.equal(saved.body.blocks[0].credit, 'ҚазАқпарат');
      assert.equal(saved.body.blocks[0].caption, 'Фото: бұл қолтаңба, қалады', "a caption is the writer's own text");
      assert.deepEqual(
        saved.body.blocks[1].items.map((i: { credit: string }) => i.credit),
        ['Reuters', 'AP', 'Дүйсен'],
      );
      const again = await save(saved, { correctionNote: 'Исправление: имя министра' });
      assert.equal(again.correctionNote, 'имя министра');
    });
  });
}
