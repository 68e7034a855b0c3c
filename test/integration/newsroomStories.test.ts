// Translations, the story view and presence through the newsroom API, on SQLite and PostgreSQL:
// a kz article translated into ru and linked both ways (the reader's language menu and hreflang
// follow once the translation is published), the refusals (403, 409, 400, 404) changing nothing,
// and two people on one article seeing each other until they leave or go quiet for 45 s.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, dom, FIXED_NOW, type TestSite } from '../support/site.ts';
import { signedIn, type Client, textBody } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

const body = (...texts: string[]) => ({
  version: 1,
  blocks: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
});

interface Summary {
  id: number;
  status: string;
  headline: string;
}
interface StoryView {
  id: number;
  editions: { edition: string; article: Summary | null; closed?: boolean }[];
}

for (const dialect of dialects()) {
  describe(`newsroom translations, stories and presence on ${dialect}`, () => {
    let site: TestSite;
    let now = FIXED_NOW;
    let kzEditor: Client;
    let ruEditor: Client;
    let ruJournalist: Client;
    let kzJournalist: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect, { clock: () => now });
      kzEditor = await signedIn(site, 'editor', ['kz']);
      ruEditor = await signedIn(site, 'editor', ['ru']);
      ruJournalist = await signedIn(site, 'journalist', ['ru']);
      kzJournalist = await signedIn(site, 'journalist', ['kz']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const db = () => site.database.handle.db;

    /** What a refused request must leave as it was. */
    async function fingerprint(): Promise<string> {
      const articles = await db()
        .selectFrom('articles')
        .select(['id', 'story_id', 'edition', 'status', 'revision', 'translated_from'])
        .orderBy('id')
        .execute();
      const stories = await db().selectFrom('stories').select('id').orderBy('id').execute();
      const revisions = await db()
        .selectFrom('revisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const presence = await db()
        .selectFrom('article_presence')
        .select(['article_id', 'user_id', 'seen_at'])
        .orderBy('article_id')
        .orderBy('user_id')
        .execute();
      const audit = await db()
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return JSON.stringify({ articles, stories, revisions: Number(revisions.n), presence, audit: Number(audit.n) });
    }

    async function refused(
      call: () => Promise<{ statusCode: number; body: string; json(): unknown }>,
      status: number,
      code: string,
      why: string,
    ): Promise<void> {
      const was = await fingerprint();
      const res = await call();
      assert.equal(res.statusCode, status, `${why}: ${res.body}`);
      assert.equal((res.json() as { error: { code: string } }).error.code, code, why);
      assert.equal(await fingerprint(), was, `${why}: nothing changed`);
    }

    const publish = async (client: Client, a: { id: number; revision: number }) => {
      const res = await client.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    const draft = async (client: Client, headline: string) => {
      const res = await client.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline,
        lead: 'Жетекші сөйлем.',
        body: body('Бірінші абзац.'),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };

    test('a published kz article translated into ru: a linked draft, the story lists both, the reader pages link each other once it is published', async () => {
      const kz = await publish(kzEditor, await draft(kzEditor, 'Алматыда жаңа саябақ ашылды'));
      const res = await ruEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' });
      assert.equal(res.statusCode, 201, res.body);
      let ru = res.json();
      assert.equal(ru.edition, 'ru');
      assert.equal(ru.status, 'draft');
      assert.equal(ru.storyId, kz.storyId, 'the same story');
      assert.equal(ru.sectionId, kz.sectionId, 'the same section');
      assert.equal(ru.translatedFrom, kz.id, 'the draft points back at its source');
      assert.equal(ru.createdBy.id, ruEditor.user.id);
      assert.equal((await ruEditor.get(`/api/newsroom/articles/${ru.id}`)).json().translatedFrom, kz.id);

      const story: StoryView = (await ruEditor.get(`/api/newsroom/stories/${kz.storyId}`)).json();
      assert.equal(story.id, kz.storyId);
      assert.deepEqual(
        story.editions.map((e) => [e.edition, e.article?.id ?? null, e.article?.status ?? null]),
        [
          ['kz', kz.id, 'published'],
          ['ru', ru.id, 'draft'],
          ['en', null, null],
          ['cn', null, null],
          ['uz', null, null],
        ],
        "the source's story lists the translation, and the editions still to translate",
      );
      const fromKz: StoryView = (await kzEditor.get(`/api/newsroom/stories/${kz.storyId}`)).json();
      assert.deepEqual(
        fromKz.editions[1],
        { edition: 'ru', article: null, closed: true },
        'the kz desk sees that ru is taken, not the ru draft',
      );

      const kzPath = new URL(kz.url).pathname;
      const draftMenu = dom((await site.app.inject(kzPath)).body);
      assert.equal(
        draftMenu.querySelector('nav.langs a[lang="ru"]')?.getAttribute('href'),
        '/ru/',
        'a draft is not linked: ру leads to the ru home',
      );
      assert.equal(draftMenu.querySelector('link[rel="alternate"][hreflang="ru"]'), null);

      ru = (
        await ruEditor.put(`/api/newsroom/articles/${ru.id}`, {
          revision: ru.revision,
          headline: 'В Алматы открылся новый парк',
          lead: 'Парк создан для горожан.',
          body: body('Первый абзац.'),
        })
      ).json();
      ru = await publish(ruEditor, ru);
      const ruPath = new URL(ru.url).pathname;
      const page = dom((await site.app.inject(kzPath)).body);
      assert.equal(page.querySelector('nav.langs a[lang="ru"]')?.getAttribute('href'), ruPath, "the kz page's ру links the translation");
      assert.ok(
        page.querySelector(`link[rel="alternate"][hreflang="ru"][href="https://habarshy.test${ruPath}"]`),
        'and its hreflang alternates include ru',
      );
      const ruPage = dom((await site.app.inject(ruPath)).body);
      assert.equal(ruPage.querySelector('nav.langs a[lang="kk-Cyrl"]')?.getAttribute('href'), kzPath, 'and back');
      assert.ok(ruPage.querySelector(`link[rel="alternate"][hreflang="kk-Cyrl"][href="https://habarshy.test${kzPath}"]`));
      assert.equal((await kzEditor.get(`/api/newsroom/stories/${kz.storyId}`)).json().editions[1].article.status, 'published');
    });

    test('refused translations change nothing: an edition the story has (409), a desk the user lacks (403), a source they may not read (403), no written edition (400), no article (404)', async () => {
      const kz = await publish(kzEditor, await draft(kzEditor, 'Астанада форум басталды'));
      assert.equal(
        (await ruJournalist.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' })).statusCode,
        201,
        'a ru journalist may start it',
      );
      await refused(
        () => ruEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' }),
        409,
        'EDITION_EXISTS',
        'the story has a ru article',
      );
      await refused(
        () => kzEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'kz' }),
        409,
        'EDITION_EXISTS',
        'the source is the kz article',
      );
      await refused(
        () => kzJournalist.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'en' }),
        403,
        'FORBIDDEN',
        'a kz journalist into en',
      );
      await refused(
        () => kzJournalist.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' }),
        403,
        'FORBIDDEN',
        'a refusal does not tell that ru exists',
      );
      await refused(
        () => kzEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'qz' }),
        400,
        'VALIDATION',
        'qz is derived, not written',
      );
      await refused(() => kzEditor.post(`/api/newsroom/articles/${kz.id}/translations`, {}), 400, 'VALIDATION', 'no edition');
      await refused(
        () => ruEditor.post('/api/newsroom/articles/999999/translations', { edition: 'ru' }),
        404,
        'NOT_FOUND',
        'no such article',
      );
      const unpublished = await draft(kzJournalist, 'Жаңа жоба');
      await refused(
        () => ruEditor.post(`/api/newsroom/articles/${unpublished.id}/translations`, { edition: 'ru' }),
        403,
        'FORBIDDEN',
        'a kz draft is not open to the ru desk',
      );
      assert.equal(
        (await kzEditor.post(`/api/newsroom/articles/${unpublished.id}/translations`, { edition: 'ru' })).statusCode,
        403,
        'a kz editor has no ru desk',
      );
    });

    test('the story view: open to whoever may open one of its articles; 404 for no story', async () => {
      const kz = await draft(kzJournalist, 'Ішкі жоба');
      const story: StoryView = (await kzEditor.get(`/api/newsroom/stories/${kz.storyId}`)).json();
      assert.deepEqual(
        story.editions.filter((e) => e.article).map((e) => [e.edition, e.article!.headline]),
        [['kz', 'Ішкі жоба']],
      );
      const res = await ruEditor.get(`/api/newsroom/stories/${kz.storyId}`);
      assert.equal(res.statusCode, 403, "a kz draft's story is closed to the ru desk");
      assert.equal((await ruEditor.get('/api/newsroom/stories/999999')).statusCode, 404);
      assert.equal((await ruEditor.get('/api/newsroom/stories/abc')).statusCode, 400);
      assert.equal((await site.app.inject(`/api/newsroom/stories/${kz.storyId}`)).statusCode, 401, 'signed in only');
    });

    test("the story view shows only the articles the user may open: another desk's draft and an embargoed translation stay hidden, headline and all", async () => {
      const kz = await publish(kzEditor, await draft(kzEditor, 'Президент жолдау жариялады'));
      let ru = (await ruEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' })).json();
      ru = (
        await ruEditor.put(`/api/newsroom/articles/${ru.id}`, { revision: ru.revision, headline: 'Черновик: отставка министра' })
      ).json();
      const enEditor = await signedIn(site, 'editor', ['en']);
      let en = (await enEditor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'en' })).json();
      en = (
        await enEditor.put(`/api/newsroom/articles/${en.id}`, {
          revision: en.revision,
          headline: 'Embargoed: minister resigns',
          body: textBody('The minister resigned.'),
        })
      ).json();
      en = (
        await enEditor.post(`/api/newsroom/articles/${en.id}/transitions`, {
          action: 'schedule',
          revision: en.revision,
          at: '2027-03-01T10:00',
          embargo: true,
        })
      ).json();
      assert.equal(en.status, 'scheduled');

      for (const [who, client] of [
        ['a kz journalist', kzJournalist],
        ['a kz editor', kzEditor],
      ] as const) {
        assert.equal((await client.get(`/api/newsroom/articles/${ru.id}`)).statusCode, 403, `${who}: the ru draft itself is closed`);
        assert.equal(
          (await client.get(`/api/newsroom/articles/${en.id}`)).statusCode,
          403,
          `${who}: the embargoed en article itself is closed`,
        );
        const res = await client.get(`/api/newsroom/stories/${kz.storyId}`);
        assert.equal(res.statusCode, 200, res.body);
        const story: StoryView = res.json();
        assert.deepEqual(
          story.editions.map((e) => [e.edition, e.article?.id ?? null, e.closed ?? false]),
          [
            ['kz', kz.id, false],
            ['ru', null, true],
            ['en', null, true],
            ['cn', null, false],
            ['uz', null, false],
          ],
          `${who}: only kz is shown`,
        );
        for (const secret of ['отставка', 'minister', `"id":${ru.id},`, `"id":${en.id},`, '"status":"scheduled"', '"status":"draft"'])
          assert.ok(!res.body.includes(secret), `${who}: nothing of "${secret}"`);
      }
      const ruView: StoryView = (await ruJournalist.get(`/api/newsroom/stories/${kz.storyId}`)).json();
      assert.deepEqual(
        ruView.editions.map((e) => [e.edition, e.article?.headline ?? null]),
        [
          ['kz', 'Президент жолдау жариялады'],
          ['ru', 'Черновик: отставка министра'],
          ['en', null],
          ['cn', null],
          ['uz', null],
        ],
        'the ru desk sees its own draft',
      );
      const chief = await signedIn(site, 'chief');
      assert.deepEqual(
        (await chief.get(`/api/newsroom/stories/${kz.storyId}`))
          .json()
          .editions.map((e: StoryView['editions'][number]) => e.article?.status ?? null),
        ['published', 'draft', 'scheduled', null, null],
        'a chief editor sees them all',
      );
    });

    test('two people on one article see each other by name until one leaves or goes quiet for 45 s; outsiders are refused', async () => {
      const a = await draft(kzJournalist, 'Ортақ мақала');
      const beat = (c: Client) => c.post(`/api/newsroom/articles/${a.id}/presence`);
      assert.deepEqual((await beat(kzJournalist)).json(), { others: [] }, 'alone');
      const seen = (await beat(kzEditor)).json().others;
      assert.deepEqual(
        seen.map((o: { id: number; name: string }) => [o.id, o.name]),
        [[kzJournalist.user.id, await nameOf(kzJournalist.user.id)]],
      );
      assert.equal(seen[0].since, now.toISOString());
      assert.deepEqual(
        (await beat(kzJournalist)).json().others.map((o: { id: number }) => o.id),
        [kzEditor.user.id],
        'and the other way round',
      );

      assert.equal((await kzEditor.delete(`/api/newsroom/articles/${a.id}/presence`)).statusCode, 204);
      assert.deepEqual((await beat(kzJournalist)).json().others, [], 'gone once they close it');

      await beat(kzEditor);
      now = new Date(FIXED_NOW.getTime() + 44_000);
      assert.equal((await beat(kzJournalist)).json().others.length, 1, 'seen 44 s ago: still there');
      now = new Date(FIXED_NOW.getTime() + 46_000);
      assert.deepEqual((await beat(kzJournalist)).json().others, [], 'quiet for 46 s: gone');
      now = FIXED_NOW;

      await refused(() => beat(ruEditor), 403, 'FORBIDDEN', 'a kz draft is closed to the ru desk');
      await refused(() => ruEditor.delete(`/api/newsroom/articles/${a.id}/presence`), 403, 'FORBIDDEN', 'leaving too');
      await refused(() => kzEditor.post('/api/newsroom/articles/999999/presence'), 404, 'NOT_FOUND', 'no such article');
      const noCsrf = await kzEditor.request('POST', `/api/newsroom/articles/${a.id}/presence`, {}, { 'x-csrf-token': '' });
      assert.equal(noCsrf.statusCode, 403);
    });

    async function nameOf(id: number): Promise<string> {
      return (await db().selectFrom('users').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
    }
  });
}
