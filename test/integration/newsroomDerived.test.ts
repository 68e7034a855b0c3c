// The derived scripts from the newsroom, on SQLite and PostgreSQL: the editor's live conversion
// (qz without Cyrillic, ق ز in Arabic script right to left, Uzbek Latin) with the words the
// converter is unsure of; a lexicon word and a per-field override reaching the derived pages at
// once (and dropping exactly the cached pages of that article); every refusal changing nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { signedIn, type Client, textBody } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

const body = (...texts: string[]) => ({
  version: 1,
  blocks: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});
const CYRILLIC = /[\u0400-\u04ff]/;
const ARABIC = /[\u0600-\u06ff]/;

interface Converted {
  edition: string;
  dir: string;
  headline: string;
  lead: string;
  body: { blocks: { content: { text: string }[] }[] };
  unsure: { word: string; reason: string }[];
}
type Res = { statusCode: number; body: string; json(): unknown };

for (const dialect of dialects()) {
  describe(`newsroom derived scripts on ${dialect}`, () => {
    let site: TestSite;
    let kzEditor: Client;
    let uzEditor: Client;
    let kzJournalist: Client;
    let ruEditor: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect);
      kzEditor = await signedIn(site, 'editor', ['kz']);
      uzEditor = await signedIn(site, 'editor', ['uz']);
      kzJournalist = await signedIn(site, 'journalist', ['kz']);
      ruEditor = await signedIn(site, 'editor', ['ru']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const db = () => site.database.handle.db;

    async function fingerprint(): Promise<string> {
      const lexicon = await db().selectFrom('lexicon').select(['id', 'scheme', 'word', 'spelling']).orderBy('id').execute();
      const overrides = await db()
        .selectFrom('derived_overrides')
        .select(['article_id', 'edition', 'field', 'value'])
        .orderBy('article_id')
        .orderBy('edition')
        .orderBy('field')
        .execute();
      const audit = await db()
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const articles = await db().selectFrom('articles').select(['id', 'revision', 'status']).orderBy('id').execute();
      return JSON.stringify({ lexicon, overrides, audit: Number(audit.n), articles });
    }

    async function refused(call: () => Promise<Res>, status: number, why: string): Promise<void> {
      const was = await fingerprint();
      const cached = [...site.services.cache!.keys()].length;
      const res = await call();
      assert.equal(res.statusCode, status, `${why}: ${res.body}`);
      assert.ok((res.json() as { error: { code: string } }).error.code, why);
      assert.equal(await fingerprint(), was, `${why}: nothing stored`);
      assert.equal([...site.services.cache!.keys()].length, cached, `${why}: no cached page dropped`);
    }

    const convert = async (client: Client, input: Record<string, unknown>): Promise<Converted[]> => {
      const res = await client.post('/api/newsroom/convert', input);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { editions: Converted[] }).editions;
    };

    async function published(headline: string, lead = 'Мерекеге көп адам жиналды.', section = sectionId) {
      let a = (
        await kzEditor.post('/api/newsroom/articles', { edition: 'kz', sectionId: section, headline, lead, body: body('Мәтін.') })
      ).json();
      a = (await kzEditor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).json();
      const kzPath = new URL(a.url).pathname;
      return { ...a, kzPath, qzPath: kzPath.replace(/^\/kz\//, '/qz/'), totePath: kzPath.replace(/^\/kz\//, '/tote/') };
    }

    const h1 = async (path: string) => {
      const res = await site.app.inject(path);
      assert.equal(res.statusCode, 200, path);
      return dom(res.body).querySelector('h1')?.textContent ?? '';
    };
    const isCached = (path: string) => [...site.services.cache!.keys()].some((k) => k.includes(path));

    test('live conversion: kz into qz (no Cyrillic) and ق ز (Arabic script, right to left), uz into Latin; unsure words with a reason', async () => {
      const kz = await convert(kzJournalist, {
        edition: 'kz',
        headline: 'Шымкентте үлкен жиын өтті',
        lead: 'Қала әкімі сөз сөйледі.',
        body: body('Жиынға мыңдаған адам келді.', 'Бірақ Конституция туралы айтылды.'),
      });
      assert.deepEqual(
        kz.map((e) => e.edition),
        ['qz', 'tote'],
      );
      const [qz, tote] = kz as [Converted, Converted];
      assert.equal(qz.headline, 'Shymkentte úlken jıyn ótti');
      assert.equal(qz.dir, 'ltr');
      assert.ok(!CYRILLIC.test(qz.headline + qz.lead + JSON.stringify(qz.body)), 'no Cyrillic letter anywhere in qz');
      assert.equal(qz.body.blocks.length, 2);
      assert.equal(tote.dir, 'rtl');
      for (const text of [tote.headline, tote.lead, tote.body.blocks[0]!.content[0]!.text]) {
        assert.match(text, ARABIC);
        assert.ok(!CYRILLIC.test(text), text);
      }
      assert.deepEqual(qz.unsure, [{ word: 'Конституция', reason: 'loanword' }]);
      assert.deepEqual(tote.unsure, [{ word: 'Конституция', reason: 'loanword' }], 'бірақ is not unsure: the demo lexicon spells it');
      assert.match(tote.body.blocks[1]!.content[0]!.text, /^ءبىراق /, "with the reader's lexicon (dalanews' hamza)");

      const [uz] = await convert(kzJournalist, {
        edition: 'uz',
        headline: 'Тошкентда янги мактаб очилди',
        lead: 'Ўқувчилар хурсанд.',
        body: body('Цирк очилди.'),
      });
      assert.equal(uz!.edition, 'uz-latn');
      assert.equal(uz!.headline, 'Toshkentda yangi maktab ochildi');
      assert.equal(uz!.lead, 'Oʻquvchilar xursand.');
      assert.deepEqual(uz!.unsure, [{ word: 'Цирк', reason: 'loanword' }]);

      const [mixed] = await convert(kzJournalist, { edition: 'kz', headline: 'Kaзақстан', lead: 'Telegramда', body: body() });
      assert.equal(mixed!.headline, 'Kazaqstan', 'the look-alike Latin K is read as Cyrillic');
      assert.deepEqual(mixed!.unsure, [
        { word: 'Kaзақстан', reason: 'mixed-script' },
        { word: 'Telegramда', reason: 'mixed-script' },
      ]);
    });

    test('bad conversions are refused with 400: not kz or uz, a body that is not blocks, an article of another edition; 403 for an article the user may not open', async () => {
      await refused(
        () => kzEditor.post('/api/newsroom/convert', { edition: 'ru', headline: '', lead: '', body: body() }),
        400,
        'ru has no derived script',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/convert', { edition: 'qz', headline: '', lead: '', body: body() }),
        400,
        'qz is derived',
      );
      await refused(
        () =>
          kzEditor.post('/api/newsroom/convert', {
            edition: 'kz',
            headline: '',
            lead: '',
            body: { version: 1, blocks: [{ type: 'script', text: 'x' }] },
          }),
        400,
        'not a block',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/convert', { edition: 'kz', headline: '', lead: '', body: '<p>html</p>' }),
        400,
        'HTML is not a body',
      );
      await refused(() => kzEditor.post('/api/newsroom/convert', { edition: 'kz', headline: '', lead: '' }), 400, 'no body');
      await refused(
        () => kzEditor.post('/api/newsroom/convert', { edition: 'kz', headline: 'x'.repeat(301), lead: '', body: body() }),
        400,
        'headline too long',
      );
      const draft = (
        await kzJournalist.post('/api/newsroom/articles', { body: textBody(), edition: 'kz', sectionId, headline: 'Жоба' })
      ).json();
      await refused(
        () => ruEditor.post('/api/newsroom/convert', { edition: 'kz', articleId: draft.id, headline: '', lead: '', body: body() }),
        403,
        'a kz draft is closed to the ru desk',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/convert', { edition: 'uz', articleId: draft.id, headline: '', lead: '', body: body() }),
        400,
        'a kz article with uz text',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/convert', { edition: 'kz', articleId: 999999, headline: '', lead: '', body: body() }),
        404,
        'no such article',
      );
    });

    test('a lexicon word changes the qz page and the live conversion at once; removing it changes them back; audited', async () => {
      const a = await published('Бәйтерек маңында мереке');
      assert.equal(await h1(a.qzPath), 'Báıterek mańynda mereke');
      assert.ok(isCached(a.qzPath), 'the qz page is cached');

      const added = await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: '  Бәйтерек ', spelling: 'Bayterek' });
      assert.equal(added.statusCode, 201, added.body);
      const id = added.json().id as number;
      assert.equal(await h1(a.qzPath), 'Bayterek mańynda mereke', "the cached page was dropped and the word applies with the text's case");
      assert.equal(await h1(a.kzPath), 'Бәйтерек маңында мереке', 'the source is untouched');
      const [qz, tote] = await convert(kzJournalist, { edition: 'kz', headline: 'бәйтерек биік', lead: '', body: body() });
      assert.equal(qz!.headline, 'bayterek bıik');
      assert.notEqual(tote!.headline.split(' ')[0], 'bayterek', 'the word belongs to the qz scheme only');

      const words = (await kzJournalist.get('/api/newsroom/lexicon?scheme=kk-Latn-2018')).json().items as {
        id: number;
        scheme: string;
        word: string;
        spelling: string;
      }[];
      assert.deepEqual(
        words.find((w) => w.id === id),
        { id, scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'bayterek' },
        'stored trimmed and in lower case',
      );
      assert.ok(words.every((w) => w.scheme === 'kk-Latn-2018'));
      assert.ok(
        (await kzEditor.get('/api/newsroom/lexicon')).json().items.some((w: { scheme: string }) => w.scheme === 'uz-Latn-1995'),
        'all schemes without a filter',
      );

      const again = await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'baiterek' });
      assert.equal(again.json().id, id, 'the same word gets a new spelling, not a second row');
      assert.equal(await h1(a.qzPath), 'Baiterek mańynda mereke');

      const [loan] = await convert(kzJournalist, { edition: 'kz', headline: 'Конституция', lead: '', body: body() });
      assert.deepEqual(
        loan!.unsure.map((u) => u.word),
        ['Конституция'],
      );
      assert.equal(
        (await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'конституция', spelling: 'konstıtýsııa' }))
          .statusCode,
        201,
      );
      const [known] = await convert(kzJournalist, { edition: 'kz', headline: 'Конституция', lead: '', body: body() });
      assert.equal(known!.headline, 'Konstıtýsııa');
      assert.deepEqual(known!.unsure, [], 'a word in the lexicon is no longer unsure');

      assert.equal((await kzEditor.delete(`/api/newsroom/lexicon/${id}`)).statusCode, 204);
      assert.equal(await h1(a.qzPath), 'Báıterek mańynda mereke', 'back to the rules at once');
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'user_id', 'target_type', 'target_id'])
        .where('target_type', '=', 'lexicon')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.filter((r) => r.target_id === String(id)).map((r) => [r.action, r.user_id]),
        [
          ['lexicon.add', kzEditor.user.id],
          ['lexicon.add', kzEditor.user.id],
          ['lexicon.remove', kzEditor.user.id],
        ],
      );
    });

    test('refused lexicon changes leave the lexicon and the pages as they were', async () => {
      const { id } = (await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Arab', word: 'ақорда', spelling: 'اقوردا' })).json();
      await refused(
        () => kzJournalist.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'baiterek' }),
        403,
        'a journalist',
      );
      await refused(
        () => uzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'baiterek' }),
        403,
        'an editor of another desk',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'uz-Latn-1995', word: 'цирк', spelling: 'sirk' }),
        403,
        'a kz editor in the uz scheme',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-1940', word: 'бәйтерек', spelling: 'baiterek' }),
        400,
        'no such scheme',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: '   ', spelling: 'baiterek' }),
        400,
        'a blank word',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: '' }),
        400,
        'no spelling',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'ә'.repeat(101), spelling: 'a' }),
        400,
        'a word over 100 characters',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'a'.repeat(101) }),
        400,
        'a spelling over 100 characters',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек мұнарасы', spelling: 'a b' }),
        400,
        'two words never match',
      );
      await refused(
        () => kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'baiterek', spelling: 'baiterek' }),
        400,
        'not a Cyrillic word',
      );
      await refused(() => kzJournalist.delete(`/api/newsroom/lexicon/${id}`), 403, 'a journalist removing');
      await refused(() => uzEditor.delete(`/api/newsroom/lexicon/${id}`), 403, 'another desk removing');
      await refused(() => kzEditor.delete('/api/newsroom/lexicon/999999'), 404, 'no such word');
      await refused(() => kzEditor.get('/api/newsroom/lexicon?scheme=nope'), 400, 'listing no such scheme');
    });

    test("lexicon entries are letters of their scripts only (no markup, digits or spaces), at most 100 characters, and editors' only", async () => {
      const cases: [Record<string, string>, string][] = [
        [{ scheme: 'kk-Latn-2018', word: '<b>бәйтерек</b>', spelling: 'baiterek' }, 'HTML in the word'],
        [{ scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: '<script>alert(1)</script>' }, 'HTML in the spelling'],
        [{ scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'bai&amp;terek' }, 'an entity in the spelling'],
        [{ scheme: 'kk-Latn-2018', word: 'бәйтерек2', spelling: 'baiterek' }, 'a digit in the word'],
        [{ scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'байтерек' }, 'Cyrillic in a Latin spelling'],
        [{ scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'bai terek' }, 'two words as a spelling'],
        [{ scheme: 'kk-Arab', word: 'бәйتерек', spelling: 'بايتەرەك' }, 'Arabic letters in the word'],
        [{ scheme: 'kk-Arab', word: 'бәйтерек', spelling: 'baiterek' }, 'Latin letters in an Arabic-script spelling'],
        [{ scheme: 'uz-Latn-1995', word: 'цирк', spelling: 'sirk"' }, 'a quotation mark'],
        [{ scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'á'.repeat(101) }, 'a spelling over 100 letters'],
      ];
      for (const [entry, why] of cases) {
        const client = entry.scheme === 'uz-Latn-1995' ? uzEditor : kzEditor;
        await refused(() => client.post('/api/newsroom/lexicon', entry), 400, why);
      }
      await refused(
        () => kzJournalist.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бәйтерек', spelling: 'baiterek' }),
        403,
        'a journalist',
      );
      // Letters with their marks and apostrophes are words.
      assert.equal(
        (await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Arab', word: 'зеренді', spelling: 'زەرەندى' })).statusCode,
        201,
      );
      assert.equal(
        (await uzEditor.post('/api/newsroom/lexicon', { scheme: 'uz-Latn-1995', word: 'ғўза', spelling: 'gʻoʻza' })).statusCode,
        201,
      );
    });

    test("a lexicon word drops only the derived pages whose source text holds it; a word of the UI strings drops that edition's pages only", async () => {
      const otherSection = (
        await db().selectFrom('sections').select('id').where('id', '<>', sectionId).orderBy('position', 'desc').executeTakeFirstOrThrow()
      ).id;
      const inHeadline = await published('Көкшетау маңында Шалқарнұр мерекесі');
      const inBody = await (async () => {
        let a = (
          await kzEditor.post('/api/newsroom/articles', {
            edition: 'kz',
            sectionId,
            headline: 'Көл жағасында',
            lead: 'Лид.',
            body: body('ШАЛҚАРНҰР КӨЛІ ТАЗАРДЫ.'),
          })
        ).json();
        a = (await kzEditor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).json();
        return new URL(a.url).pathname.replace(/^\/kz\//, '/qz/');
      })();
      const unrelated = await published('Басқа қалада жаңа мектеп', 'Оқушылар қуанды.', otherSection);
      const pages = [inHeadline.qzPath, inHeadline.totePath, inBody, unrelated.qzPath, unrelated.totePath, unrelated.kzPath];
      for (const path of pages) assert.equal((await site.app.inject(path)).statusCode, 200, path);
      assert.ok(pages.every(isCached));
      const audits = async () =>
        Number(
          (
            await db()
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('action', '=', 'lexicon.add')
              .executeTakeFirstOrThrow()
          ).n,
        );
      const auditBefore = await audits();

      const res = await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'шалқарнұр', spelling: 'shalkarnur' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(await audits(), auditBefore + 1, 'audited');
      assert.ok(!isCached(inHeadline.qzPath), 'the page with the word in its headline is dropped');
      assert.ok(!isCached(inBody), 'the page with the word (in capitals) in its body is dropped');
      for (const path of [unrelated.qzPath, unrelated.totePath, unrelated.kzPath])
        assert.ok(isCached(path), `${path}: no word, still cached`);
      assert.equal(await h1(inHeadline.qzPath), 'Kókshetaý mańynda Shalkarnur merekesi');
      assert.ok((await site.app.inject(inBody)).body.includes('SHALKARNUR'), "with the text's case");

      // A word of the UI strings ("Соңғы жаңалықтар") is on every qz page, and on no ق ز page.
      assert.equal(
        (await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'соңғы', spelling: 'songhy' })).statusCode,
        201,
      );
      assert.ok(!isCached(unrelated.qzPath), 'every qz page is dropped');
      assert.ok(isCached(unrelated.totePath), 'the ق ز pages are kept: another scheme');
      assert.ok(isCached(unrelated.kzPath), 'the source pages are kept');
      assert.ok((await site.app.inject(unrelated.qzPath)).body.includes('Songhy'), 'the qz UI string follows');

      // A word only in the caption of an article's photo drops that article's pages.
      const asset = await db()
        .insertInto('media_assets')
        .values({
          file_key: 'lexicon-caption-test',
          mime: 'image/webp',
          width: 800,
          height: 500,
          focal_x: 0.5,
          focal_y: 0.5,
          bytes: 0,
          created_at: site.now.toISOString(),
          uploaded_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('media_texts')
        .values({ asset_id: asset.id, edition: 'kz', caption: 'Бурабайнұр жағасы', credit: '' })
        .execute();
      let pictured = (
        await kzEditor.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: 'Көл туралы',
          lead: 'Лид.',
          body: body('Мәтін.'),
        })
      ).json();
      pictured = (
        await kzEditor.put(`/api/newsroom/articles/${pictured.id}`, { revision: pictured.revision, heroAssetId: asset.id })
      ).json();
      pictured = (
        await kzEditor.post(`/api/newsroom/articles/${pictured.id}/transitions`, { action: 'publish', revision: pictured.revision })
      ).json();
      const picturedQz = new URL(pictured.url).pathname.replace(/^\/kz\//, '/qz/');
      for (const path of [picturedQz, unrelated.qzPath]) await site.app.inject(path);
      assert.ok(isCached(picturedQz) && isCached(unrelated.qzPath));
      assert.equal(
        (await kzEditor.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', word: 'бурабайнұр', spelling: 'burabainur' })).statusCode,
        201,
      );
      assert.ok(!isCached(picturedQz), 'the page whose photo caption holds the word is dropped');
      assert.ok(isCached(unrelated.qzPath), 'the unrelated page is kept');
      assert.ok((await site.app.inject(picturedQz)).body.includes('Burabainur jaǵasy'));
    });

    test("a field override changes the qz page only, dropping exactly that article's cached pages; removing it goes back to the converter", async () => {
      const a = await published('Ақорда алдында шара', 'Шараға жастар келді.');
      // In another section, so that its page lists no card of the first one.
      const otherSection = (
        await db().selectFrom('sections').select('id').where('id', '<>', sectionId).orderBy('position').executeTakeFirstOrThrow()
      ).id;
      const other = await published('Басқа жаңалық', 'Басқа бөлім.', otherSection);
      const converted = await h1(a.qzPath);
      const toteBefore = await h1(a.totePath);
      await h1(other.qzPath);
      await site.app.inject('/qz/');
      assert.ok(isCached(a.qzPath) && isCached(other.qzPath));

      const put = await kzEditor.put(`/api/newsroom/articles/${a.id}/overrides/qz/headline`, { value: 'Aqorda aldynda shara!' });
      assert.equal(put.statusCode, 204, put.body);
      assert.ok(!isCached(a.qzPath), "the article's page is dropped");
      assert.ok(isCached(other.qzPath), "another article's page is kept");
      assert.equal(await h1(a.qzPath), 'Aqorda aldynda shara!');
      assert.notEqual(converted, 'Aqorda aldynda shara!');
      assert.equal(await h1(a.totePath), toteBefore, "ق ز keeps the converter's headline");
      assert.equal(await h1(a.kzPath), 'Ақорда алдында шара');

      const blocks = { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Qolmen jazylǵan mátin.' }] }] };
      assert.equal((await kzEditor.put(`/api/newsroom/articles/${a.id}/overrides/qz/body`, { value: blocks })).statusCode, 204);
      assert.equal(
        (await kzEditor.put(`/api/newsroom/articles/${a.id}/overrides/qz/sourceLine`, { value: 'Derek: Aqorda' })).statusCode,
        204,
      );
      const page = dom((await site.app.inject(a.qzPath)).body);
      // The article's body only: the page's own words (the reading settings' "Mátin ólshemi") are not the body.
      const shownBody = page.querySelector('.article-body')!.textContent!;
      assert.ok(shownBody.includes('Qolmen jazylǵan mátin.'), 'the body override is shown');
      assert.ok(!shownBody.includes('Máti'), 'instead of the converted body');
      assert.deepEqual((await kzJournalist.get(`/api/newsroom/articles/${a.id}/overrides`)).json().items, [
        { edition: 'qz', field: 'body', value: JSON.stringify(blocks) },
        { edition: 'qz', field: 'headline', value: 'Aqorda aldynda shara!' },
        { edition: 'qz', field: 'sourceLine', value: 'Derek: Aqorda' },
      ]);

      const [qz] = await convert(kzEditor, {
        edition: 'kz',
        articleId: a.id,
        headline: 'Ақорда алдында шара',
        lead: 'Шараға жастар келді.',
        body: body('Мәтін.'),
      });
      assert.equal(qz!.headline, 'Aqorda aldynda shara!', "the editor's live view shows the override");
      assert.equal(qz!.body.blocks[0]!.content[0]!.text, 'Qolmen jazylǵan mátin.');
      assert.equal(qz!.lead, 'Sharaǵa jastar keldi.', 'fields without an override are converted');

      assert.equal((await kzEditor.delete(`/api/newsroom/articles/${a.id}/overrides/qz/headline`)).statusCode, 204);
      assert.equal(await h1(a.qzPath), converted, 'back to the converter');
      assert.equal(
        (await kzEditor.delete(`/api/newsroom/articles/${a.id}/overrides/qz/source_line`)).statusCode,
        204,
        'the column name works too',
      );
      assert.equal((await kzEditor.get(`/api/newsroom/articles/${a.id}/overrides`)).json().items.length, 1);

      const uz = (
        await uzEditor.post('/api/newsroom/articles', { body: textBody(), edition: 'uz', sectionId, headline: 'Янги кўприк' })
      ).json();
      assert.equal(
        (await uzEditor.put(`/api/newsroom/articles/${uz.id}/overrides/uz-latn/headline`, { value: 'Yangi koʻprik!' })).statusCode,
        204,
      );
      const audit = await db()
        .selectFrom('audit_log')
        .select(['action', 'detail'])
        .where('target_type', '=', 'article')
        .where('target_id', '=', String(a.id))
        .where('action', 'like', 'override.%')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((r) => [r.action, JSON.parse(r.detail).field]),
        [
          ['override.set', 'headline'],
          ['override.set', 'body'],
          ['override.set', 'sourceLine'],
          ['override.remove', 'headline'],
          ['override.remove', 'sourceLine'],
        ],
      );
    });

    test("refused overrides change nothing: journalists, other desks, editions not derived from the article's, unknown fields, bad values", async () => {
      const a = await published('Түзетуге арналған мақала');
      await h1(a.qzPath);
      const url = (edition: string, field: string) => `/api/newsroom/articles/${a.id}/overrides/${edition}/${field}`;
      await refused(() => kzJournalist.put(url('qz', 'headline'), { value: 'X' }), 403, 'a journalist');
      await refused(() => uzEditor.put(url('qz', 'headline'), { value: 'X' }), 403, 'an editor of another desk');
      await refused(() => kzEditor.put(url('uz-latn', 'headline'), { value: 'X' }), 400, 'uz-latn is not derived from kz');
      await refused(() => kzEditor.put(url('kz', 'headline'), { value: 'X' }), 400, 'kz is written');
      await refused(() => kzEditor.put(url('qz', 'colour'), { value: 'X' }), 400, 'no such field');
      await refused(() => kzEditor.put(url('qz', 'constructor'), { value: 'X' }), 400, 'not an object key either');
      await refused(() => kzEditor.put(url('qz', 'headline'), { value: '   ' }), 400, 'a blank headline');
      await refused(() => kzEditor.put(url('qz', 'headline'), { value: 'x'.repeat(301) }), 400, 'a headline over 300 characters');
      await refused(() => kzEditor.put(url('qz', 'headline'), { value: { version: 1, blocks: [] } }), 400, 'blocks are not a headline');
      await refused(() => kzEditor.put(url('qz', 'headline'), {}), 400, 'no value');
      await refused(() => kzEditor.put(url('qz', 'body'), { value: { version: 1, blocks: [{ type: 'script' }] } }), 400, 'not a block');
      await refused(() => kzEditor.put(url('qz', 'body'), { value: '<p onclick="x()">hi</p>' }), 400, 'HTML is not a body');
      await refused(() => kzEditor.put(`/api/newsroom/articles/999999/overrides/qz/headline`, { value: 'X' }), 404, 'no such article');
      await refused(() => kzJournalist.delete(url('qz', 'headline')), 403, 'a journalist removing');
      const ru = (await ruEditor.post('/api/newsroom/articles', { body: textBody(), edition: 'ru', sectionId, headline: 'Статья' })).json();
      await refused(
        () => ruEditor.put(`/api/newsroom/articles/${ru.id}/overrides/qz/headline`, { value: 'X' }),
        400,
        'a ru article has no derived editions',
      );
      assert.equal(await h1(a.qzPath), 'Túzetýge arnalǵan maqala');
    });
  });
}
