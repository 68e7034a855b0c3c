// Translations, stories, presence and the derived scripts through the newsroom API, on SQLite and
// PostgreSQL: a kz article translated into ru and linked both ways (the reader's language menu and
// hreflang follow), live qz / ق ز / Uzbek Latin conversion with unsure words, the lexicon and
// per-field overrides reaching the derived pages at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

const body = (...texts: string[]) => ({ version: 1, blocks: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });
const CYRILLIC = /[\u0400-\u04ff]/;

for (const dialect of dialects()) {
  describe(`newsroom translations and scripts on ${dialect}`, () => {
    let site: TestSite;
    let kzEditor: Client;
    let ruEditor: Client;
    let kzJournalist: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect);
      kzEditor = await signedIn(site, 'editor', ['kz']);
      ruEditor = await signedIn(site, 'editor', ['ru']);
      kzJournalist = await signedIn(site, 'journalist', ['kz']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const publish = async (client: Client, a: { id: number; revision: number }) => {
      const res = await client.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    test('a kz article is translated into ru: linked both ways, and the published pages link each other', async () => {
      let kz = (await kzEditor.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Алматыда жаңа саябақ ашылды', lead: 'Саябақ қала тұрғындарына арналған.', body: body('Бірінші абзац.') })).json();
      kz = await publish(kzEditor, kz);
      assert.equal((await kzJournalist.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' })).statusCode, 403, 'not a desk of theirs');
      const res = await ruEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' });
      assert.equal(res.statusCode, 201, res.body);
      let ru = res.json();
      assert.equal(ru.storyId, kz.storyId);
      assert.equal(ru.translatedFrom, kz.id);
      assert.equal(ru.edition, 'ru');
      assert.equal((await ruEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' })).statusCode, 409, 'the story has a ru article');
      const story = (await kzEditor.get(`/api/newsroom/stories/${kz.storyId}`)).json();
      assert.deepEqual(story.editions.map((e: { edition: string; article: { id: number } | null }) => [e.edition, e.article?.id ?? null]),
        [['kz', kz.id], ['ru', ru.id], ['en', null], ['cn', null], ['uz', null]]);

      ru = (await ruEditor.put(`/api/newsroom/articles/${ru.id}`, { revision: ru.revision, headline: 'В Алматы открылся новый парк', lead: 'Парк создан для горожан.', body: body('Первый абзац.') })).json();
      const kzPath = new URL(kz.url).pathname;
      const before = dom((await site.app.inject(kzPath)).body);
      assert.notEqual(before.querySelector('nav.langs a[lang="ru"]')?.getAttribute('href'), `/ru/news/${ru.slug}-${ru.publicId}`, 'no link while the translation is a draft');
      ru = await publish(ruEditor, ru);
      const page = dom((await site.app.inject(kzPath)).body);
      assert.equal(page.querySelector('nav.langs a[lang="ru"]')?.getAttribute('href'), new URL(ru.url).pathname, 'the language menu links the translation');
      assert.ok(page.querySelector(`link[rel="alternate"][hreflang="ru"][href$="${new URL(ru.url).pathname}"]`), 'hreflang too');
      const ruPage = dom((await site.app.inject(new URL(ru.url).pathname)).body);
      assert.equal(ruPage.querySelector('nav.langs a[lang="kk-Cyrl"]')?.getAttribute('href'), kzPath, 'and back');
    });

    test('two people on one article see each other; a reader outside the desk cannot', async () => {
      const a = (await kzJournalist.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Ортақ мақала' })).json();
      assert.deepEqual((await kzJournalist.post(`/api/newsroom/articles/${a.id}/presence`)).json().others, []);
      const seen = (await kzEditor.post(`/api/newsroom/articles/${a.id}/presence`)).json().others;
      assert.deepEqual(seen.map((o: { id: number }) => o.id), [kzJournalist.user.id]);
      assert.deepEqual((await kzJournalist.post(`/api/newsroom/articles/${a.id}/presence`)).json().others.map((o: { id: number }) => o.id), [kzEditor.user.id]);
      assert.equal((await kzEditor.delete(`/api/newsroom/articles/${a.id}/presence`)).statusCode, 204);
      assert.deepEqual((await kzJournalist.post(`/api/newsroom/articles/${a.id}/presence`)).json().others, []);
      assert.equal((await ruEditor.post(`/api/newsroom/articles/${a.id}/presence`)).statusCode, 403);
    });

    test('the editor\'s live conversion: qz without Cyrillic, ق ز in Arabic script, Uzbek Latin; unsure words listed', async () => {
      const kz = (await kzJournalist.post('/api/newsroom/convert', { edition: 'kz', headline: 'Шымкентте үлкен жиын өтті', lead: 'Қала әкімі сөз сөйледі.', body: body('Жиынға мыңдаған адам келді.') })).json();
      const qz = kz.editions.find((e: { edition: string }) => e.edition === 'qz');
      const tote = kz.editions.find((e: { edition: string }) => e.edition === 'tote');
      assert.ok(qz.headline.length > 5 && !CYRILLIC.test(qz.headline + qz.lead + JSON.stringify(qz.body)));
      assert.match(tote.headline, /[\u0600-\u06ff]/);
      assert.equal(tote.dir, 'rtl');
      const uz = (await kzJournalist.post('/api/newsroom/convert', { edition: 'uz', headline: 'Тошкентда янги мактаб очилди', lead: '', body: body('Ўқувчилар хурсанд.') })).json();
      assert.equal(uz.editions[0].edition, 'uz-latn');
      assert.match(uz.editions[0].headline, /^Toshkentda yangi maktab ochildi$/);
      const mixed = (await kzJournalist.post('/api/newsroom/convert', { edition: 'kz', headline: 'Kaзақстан', lead: '', body: body('') })).json();
      assert.ok(mixed.editions[0].unsure.length > 0, 'a mixed-script word is reported');
      assert.equal((await kzJournalist.post('/api/newsroom/convert', { edition: 'ru', headline: '', lead: '', body: body('') })).statusCode, 400);
      assert.equal((await kzJournalist.post('/api/newsroom/convert', { edition: 'kz', headline: '', lead: '', body: { version: 1, blocks: [{ type: 'script' }] } })).statusCode, 400);
    });

    test('a lexicon word and a field override reach the derived pages at once; journalists may do neither', async () => {
      let a = (await kzEditor.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Бәйтерек маңында мереке', lead: 'Мерекеге көп адам жиналды.', body: body('Мәтін.') })).json();
      a = await publish(kzEditor, a);
      const qzPath = new URL(a.url).pathname.replace(/^\/kz\//, '/qz/');
      const before = dom((await site.app.inject(qzPath)).body).querySelector('h1')?.textContent ?? '';
      assert.ok(before && !CYRILLIC.test(before));
      assert.equal((await kzJournalist.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'baiterek' })).statusCode, 403);
      const added = await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'Бәйтерек', spelling: 'bayterek' });
      assert.equal(added.statusCode, 201, added.body);
      assert.match(dom((await site.app.inject(qzPath)).body).querySelector('h1')?.textContent ?? '', /^Bayterek /);
      const words = (await kzEditor.get('/api/newsroom/lexicon?scheme=kk-Latn-2018')).json().items;
      assert.ok(words.some((w: { word: string; spelling: string }) => w.word === 'бәйтерек' && w.spelling === 'bayterek'));
      assert.equal((await kzEditor.delete(`/api/newsroom/lexicon/${added.json().id}`)).statusCode, 204);

      assert.equal((await kzJournalist.put(`/api/newsroom/articles/${a.id}/overrides/qz/headline`, { value: 'X' })).statusCode, 403);
      assert.equal((await kzEditor.put(`/api/newsroom/articles/${a.id}/overrides/uz-latn/headline`, { value: 'X' })).statusCode, 400, 'uz-latn is not derived from kz');
      assert.equal((await kzEditor.put(`/api/newsroom/articles/${a.id}/overrides/qz/colour`, { value: 'X' })).statusCode, 400);
      assert.equal((await kzEditor.put(`/api/newsroom/articles/${a.id}/overrides/qz/headline`, { value: 'Báıterek mańynda meireke' })).statusCode, 204);
      assert.equal(dom((await site.app.inject(qzPath)).body).querySelector('h1')?.textContent, 'Báıterek mańynda meireke');
      assert.deepEqual((await kzEditor.get(`/api/newsroom/articles/${a.id}/overrides`)).json().items, [{ edition: 'qz', field: 'headline', value: 'Báıterek mańynda meireke' }]);
      assert.equal((await kzEditor.delete(`/api/newsroom/articles/${a.id}/overrides/qz/headline`)).statusCode, 204);
      assert.notEqual(dom((await site.app.inject(qzPath)).body).querySelector('h1')?.textContent, 'Báıterek mańynda meireke');
    });
  });
}
