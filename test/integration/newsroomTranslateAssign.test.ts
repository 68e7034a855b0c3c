// Issue 13's loose ends through the newsroom API, on SQLite and PostgreSQL: a translation starts
// from its source (section, tags, authors, lead photo with its own caption and credit, the body's
// photos); a reply to a comment notifies that comment's author; the list's bulk "assign" gives
// articles to someone article by article; a revision keeps the lead photo's own caption and credit
// and a restore puts them back.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, FIXED_NOW, type TestSite } from '../support/site.ts';
import { aPhoto, aTag, anAuthor } from '../support/fixtures.ts';
import { makeUser, signIn, textBody, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

interface Notice {
  kind: string;
  articleId: number | null;
  commentId: number | null;
  assignmentId: number | null;
  actor: { id: number; name: string } | null;
}

for (const dialect of dialects()) {
  describe(`newsroom translations from the source, replies, bulk assign and lead-photo texts in revisions on ${dialect}`, () => {
    let site: TestSite;
    let editor: Client; // kz and ru desks: writes the source and translates it
    let kzEditor: Client;
    let writer: Client;
    let colleague: Client;
    let ruWriter: Client;
    let sectionId: number;
    const now = FIXED_NOW;
    before(async () => {
      site = await bootSite(dialect, { clock: () => now });
      editor = await signIn(site.app, await makeUser(site, 'editor', ['kz', 'ru'], { name: 'Екі тілді редактор' }));
      kzEditor = await signIn(site.app, await makeUser(site, 'editor', ['kz'], { name: 'Самал Редактор' }));
      writer = await signIn(site.app, await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікова' }));
      colleague = await signIn(site.app, await makeUser(site, 'journalist', ['kz'], { name: 'Данияр' }));
      ruWriter = await signIn(site.app, await makeUser(site, 'journalist', ['ru'], { name: 'Ольга Ким' }));
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const db = () => site.database.handle.db;
    const notices = async (c: Client): Promise<Notice[]> => {
      const res = await c.get('/api/newsroom/notifications');
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items;
    };
    const draft = async (c: Client, edition: string, headline: string, extra: Record<string, unknown> = {}) => {
      const res = await c.post('/api/newsroom/articles', {
        edition,
        sectionId,
        headline,
        lead: 'Жетекші сөйлем.',
        body: textBody(),
        ...extra,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const save = async (c: Client, id: number, patch: Record<string, unknown>) => {
      const current = (await c.get(`/api/newsroom/articles/${id}`)).json();
      const res = await c.put(`/api/newsroom/articles/${id}`, { revision: current.revision, ...patch });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    test('a translation starts with the source’s section, tags, authors, lead photo (its own texts too) and body photos', async () => {
      const hero = await aPhoto(db(), { kz: { caption: 'Кітапханадағы сурет', credit: 'Агенттік' } });
      const inBody = await aPhoto(db(), { kz: { caption: 'Саябақ' } });
      const g1 = await aPhoto(db());
      const g2 = await aPhoto(db());
      const [t1, t2] = [await aTag(db(), 'park-test'), await aTag(db(), 'city-test')];
      const [a1, a2] = [await anAuthor(db(), 'author-one'), await anAuthor(db(), 'author-two')];
      const body = {
        version: 1,
        blocks: [
          { type: 'paragraph', content: [{ type: 'text', text: 'Бірінші абзац.' }] },
          { type: 'image', assetId: inBody, caption: 'Жаңа саябақтың кіреберісі', credit: 'Әлия Сапар', alt: 'Саябақ қақпасы' },
          { type: 'quote', content: [{ type: 'text', text: 'Дәйексөз.' }] },
          { type: 'gallery', items: [{ assetId: g1, caption: 'Бірінші' }, { assetId: g2 }] },
          { type: 'paragraph', content: [{ type: 'text', text: 'Соңғы абзац.' }] },
        ],
      };
      const kz = await draft(editor, 'kz', 'Алматыда жаңа саябақ ашылды', { body, tagIds: [t2.id, t1.id], authorIds: [a2.id, a1.id] });
      await save(editor, kz.id, { heroAssetId: hero });
      const texts = await editor.put(`/api/newsroom/articles/${kz.id}/photo-texts`, { caption: 'Саябақтың ашылуы', credit: 'Әлия Сапар' });
      assert.equal(texts.statusCode, 200, texts.body);

      const res = await editor.post(`/api/newsroom/articles/${kz.id}/translations`, { edition: 'ru' });
      assert.equal(res.statusCode, 201, res.body);
      const ru = res.json();
      assert.equal(ru.edition, 'ru');
      assert.equal(ru.sectionId, kz.sectionId, 'the section');
      assert.deepEqual(ru.tagIds, [t2.id, t1.id], 'the tags, in their order (one tag across the editions)');
      assert.deepEqual(ru.authorIds, [a2.id, a1.id], 'the authors, in their order');
      assert.equal(ru.heroAssetId, hero, 'the lead photo');
      assert.deepEqual(
        (await editor.get(`/api/newsroom/articles/${ru.id}/photo-texts`)).json(),
        { assetId: hero, override: { caption: 'Саябақтың ашылуы', credit: 'Әлия Сапар' } },
        "the lead photo's own caption and credit, to translate",
      );
      assert.deepEqual(
        ru.body.blocks,
        [body.blocks[1], body.blocks[3]],
        'the body starts with the photos, in order, with their texts to translate; no text of the source',
      );
      assert.equal(ru.headline, '', 'the headline is the translator’s to write');
      assert.equal(ru.revision, 1, 'one revision, as any new draft');
      const rev = (await editor.get(`/api/newsroom/articles/${ru.id}/revisions/1`)).json();
      assert.deepEqual([rev.tagIds, rev.authorIds], [ru.tagIds, ru.authorIds], 'the first revision holds them');

      // A source without photos, tags or authors: an empty draft as before.
      const plain = await draft(editor, 'kz', 'Жай мақала');
      const en = (await editor.post(`/api/newsroom/articles/${plain.id}/translations`, { edition: 'ru' })).json();
      assert.deepEqual([en.tagIds, en.authorIds, en.heroAssetId, en.body.blocks], [[], [], null, []]);
    });

    test('a reply notifies the author of the comment it answers, once, and never the one replying', async () => {
      const a = await draft(writer, 'kz', 'Пікірлесетін мақала');
      const first = (await writer.post(`/api/newsroom/articles/${a.id}/comments`, { body: 'Тақырыпты қысқартайық па?' })).json();
      const before = (await notices(writer)).length;

      const reply = await colleague.post(`/api/newsroom/articles/${a.id}/comments`, { body: 'Иә, қысқартайық.', parentId: first.id });
      assert.equal(reply.statusCode, 201, reply.body);
      const mine = await notices(writer);
      assert.equal(mine.length, before + 1, 'one notice');
      assert.deepEqual(
        [mine[0]!.kind, mine[0]!.articleId, mine[0]!.commentId, mine[0]!.actor?.id],
        ['replied', a.id, reply.json().id, colleague.user.id],
        'the writer learns who answered, where',
      );
      assert.equal((await notices(colleague)).length, 0, 'not the one replying');

      // Answering one's own comment notifies nobody; a reply that also mentions the author: one notice.
      await writer.post(`/api/newsroom/articles/${a.id}/comments`, { body: 'Тағы бір ой.', parentId: first.id });
      assert.equal((await notices(writer)).length, before + 1, 'not oneself');
      await kzEditor.post(`/api/newsroom/articles/${a.id}/comments`, { body: '@Айгүл Серікова келісемін, @Данияр да', parentId: first.id });
      const after = await notices(writer);
      assert.equal(after.length, before + 2, 'the replied-to author once, though mentioned too');
      assert.equal(after[0]!.kind, 'replied');
      assert.deepEqual(
        (await notices(colleague)).map((n) => n.kind),
        ['mentioned'],
        'another person mentioned in the reply is told of the mention',
      );
    });

    test('bulk assign gives each article to the assignee: an open assignment changes hands or one is made; refusals per article', async () => {
      const plain = await draft(writer, 'kz', 'Тағайындалмаған жоба');
      const started = (
        await kzEditor.post('/api/newsroom/assignments', {
          headline: 'Жоспар',
          edition: 'kz',
          sectionId,
          due: '2026-11-21T18:00',
          assigneeId: colleague.user.id,
        })
      ).json();
      const linked = (await colleague.post(`/api/newsroom/assignments/${started.id}/draft`)).json();
      assert.ok(linked.id, 'the colleague started the draft of the assignment');
      const ruDraft = await draft(ruWriter, 'ru', 'Черновик');
      const live = await draft(kzEditor, 'kz', 'Жарияланған');
      const pub = await kzEditor.post(`/api/newsroom/articles/${live.id}/transitions`, { action: 'publish', revision: live.revision });
      assert.equal(pub.statusCode, 200, pub.body);

      const count = async () =>
        Number(
          (
            await db()
              .selectFrom('assignments')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const was = JSON.stringify([await count(), await db().selectFrom('assignments').selectAll().orderBy('id').execute()]);
      const ids = [plain.id, linked.id, ruDraft.id, live.id];
      for (const [bad, why] of [
        [{ action: 'assign', ids }, 'no assignee'],
        [{ action: 'assign', ids, assigneeId: writer.user.id }, 'no due time'],
        [{ action: 'assign', ids, assigneeId: writer.user.id, due: '2026-11-19T18:00' }, 'due in the past'],
        [{ action: 'assign', ids, assigneeId: 999999, due: '2026-11-21T18:00' }, 'no such user'],
        [{ action: 'section', ids, sectionId, assigneeId: writer.user.id }, 'an assignee for another action'],
      ] as const) {
        const res = await kzEditor.post('/api/newsroom/articles/bulk', bad);
        assert.equal(res.statusCode, 400, `${why}: ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION', why);
      }
      assert.equal(
        JSON.stringify([await count(), await db().selectFrom('assignments').selectAll().orderBy('id').execute()]),
        was,
        'refusals change nothing',
      );
      const refused = await writer.post('/api/newsroom/articles/bulk', {
        action: 'assign',
        ids: [plain.id],
        assigneeId: colleague.user.id,
        due: '2026-11-21T18:00',
      });
      assert.deepEqual(
        refused.json().results,
        [{ id: plain.id, ok: false, error: { code: 'FORBIDDEN', message: refused.json().results[0].error.message } }],
        'a journalist does not assign',
      );

      const res = await kzEditor.post('/api/newsroom/articles/bulk', {
        action: 'assign',
        ids,
        assigneeId: writer.user.id,
        due: '2026-11-22T10:00',
      });
      assert.equal(res.statusCode, 200, res.body);
      const results = res.json().results as { id: number; ok: boolean; error?: { code: string } }[];
      assert.deepEqual(
        results.map((r) => [r.id, r.ok, r.error?.code ?? null]),
        [
          [plain.id, true, null],
          [linked.id, true, null],
          [ruDraft.id, false, 'FORBIDDEN'],
          [live.id, false, 'INVALID_TRANSITION'],
        ],
        'done where allowed; another desk and a published article refused, each named',
      );
      const myWork = (await writer.get('/api/newsroom/assignments')).json().items as {
        id: number;
        articleId: number;
        headline: string;
        dueAt: string;
        assignedBy: { id: number };
      }[];
      const byArticle = new Map(myWork.map((a) => [a.articleId, a]));
      assert.equal(byArticle.get(plain.id)?.headline, 'Тағайындалмаған жоба', 'a new assignment from the article, linked to it');
      assert.equal(byArticle.get(linked.id)?.id, started.id, 'the open assignment changed hands (no second one)');
      assert.equal(byArticle.get(linked.id)?.dueAt, '2026-11-22T05:00:00.000Z', 'due at 10:00 Almaty time');
      assert.equal(byArticle.get(linked.id)?.assignedBy.id, kzEditor.user.id);
      assert.equal((await colleague.get('/api/newsroom/assignments')).json().items.length, 0, 'gone from the colleague’s My work');
      assert.deepEqual(
        (await notices(writer))
          .filter((n) => n.kind === 'assigned')
          .map((n) => n.articleId)
          .sort(),
        [plain.id, linked.id].sort(),
        'the assignee is told of each',
      );
      const onRu = await kzEditor.post('/api/newsroom/articles/bulk', {
        action: 'assign',
        ids: [plain.id],
        assigneeId: ruWriter.user.id,
        due: '2026-11-22T10:00',
      });
      assert.equal(onRu.json().results[0].error.code, 'VALIDATION', 'the assignee must work on the article’s desk');
    });

    test('a revision keeps the lead photo’s own caption and credit, and restoring it puts them back', async () => {
      const hero = await aPhoto(db(), { kz: { caption: 'Кітапхана', credit: 'Агенттік' } });
      const a = await draft(kzEditor, 'kz', 'Түзетілетін сурет');
      await save(kzEditor, a.id, { heroAssetId: hero }); // revision 2: the library's texts
      await kzEditor.put(`/api/newsroom/articles/${a.id}/photo-texts`, { caption: 'Бірінші нұсқа', credit: 'Әлия' });
      const r3 = await save(kzEditor, a.id, { lead: 'Екінші сөйлем.' });
      await kzEditor.put(`/api/newsroom/articles/${a.id}/photo-texts`, { caption: 'Екінші нұсқа', credit: 'Болат' });
      await save(kzEditor, a.id, { lead: 'Үшінші сөйлем.' });
      const texts = async () => (await kzEditor.get(`/api/newsroom/articles/${a.id}/photo-texts`)).json().override;

      const current = (await kzEditor.get(`/api/newsroom/articles/${a.id}`)).json();
      const back = await kzEditor.post(`/api/newsroom/articles/${a.id}/revisions/${r3.revision}/restore`, { revision: current.revision });
      assert.equal(back.statusCode, 200, back.body);
      assert.deepEqual(await texts(), { caption: 'Бірінші нұсқа', credit: 'Әлия' }, 'the texts of that revision');
      assert.equal(back.json().lead, 'Екінші сөйлем.');

      // The restore's own revision holds what it restored: restoring the latest again keeps them.
      const again = await kzEditor.post(`/api/newsroom/articles/${a.id}/revisions/${back.json().revision}/restore`, {
        revision: back.json().revision,
      });
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(await texts(), { caption: 'Бірінші нұсқа', credit: 'Әлия' });

      // Revision 2 had none: the library's texts again.
      const none = await kzEditor.post(`/api/newsroom/articles/${a.id}/revisions/2/restore`, { revision: again.json().revision });
      assert.equal(none.statusCode, 200, none.body);
      assert.equal(await texts(), null);

      // A revision from before the texts were kept (no field in its snapshot) leaves the current ones.
      await kzEditor.put(`/api/newsroom/articles/${a.id}/photo-texts`, { caption: 'Қалады', credit: '' });
      const old = await db()
        .selectFrom('revisions')
        .select('data')
        .where('article_id', '=', a.id)
        .where('revision', '=', 2)
        .executeTakeFirstOrThrow();
      const data = JSON.parse(old.data) as Record<string, unknown>;
      delete data['hero_texts'];
      await db()
        .updateTable('revisions')
        .set({ data: JSON.stringify(data) })
        .where('article_id', '=', a.id)
        .where('revision', '=', 2)
        .execute();
      const latest = (await kzEditor.get(`/api/newsroom/articles/${a.id}`)).json();
      const legacy = await kzEditor.post(`/api/newsroom/articles/${a.id}/revisions/2/restore`, { revision: latest.revision });
      assert.equal(legacy.statusCode, 200, legacy.body);
      assert.deepEqual(await texts(), { caption: 'Қалады', credit: '' });
    });
  });
}
