// The desk's server rules, on SQLite and PostgreSQL: an article without text is not published,
// scheduled or corrected to nothing (409 EMPTY_BODY, nothing changes); a returned article goes out
// only after it is submitted again; the list pages with totals, filters by days and sorts; bulk
// actions check every article on their own and report each; the audit log filters by who, what
// and when.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, FIXED_NOW, type TestSite } from '../support/site.ts';
import { aSection } from '../support/fixtures.ts';
import { signedIn, textBody, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

interface A {
  id: number;
  revision: number;
  status: string;
  sectionId: number;
}

for (const dialect of dialects()) {
  describe(`the desk's rules on ${dialect}`, () => {
    let site: TestSite;
    let now = FIXED_NOW.getTime();
    let editor: Client;
    let journalist: Client;
    let ruEditor: Client;
    let admin: Client;
    let sectionId: number;
    let otherSection: number;
    before(async () => {
      site = await bootSite(dialect, { clock: () => new Date(now), content: aSection });
      editor = await signedIn(site, 'editor', ['kz']);
      journalist = await signedIn(site, 'journalist', ['kz']);
      ruEditor = await signedIn(site, 'editor', ['ru']);
      admin = await signedIn(site, 'admin');
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      otherSection = (await aSection(site.database.handle.db)).id;
    });
    after(() => site.close());

    const create = async (client: Client, fields: Record<string, unknown>): Promise<A> => {
      const res = await client.post('/api/newsroom/articles', { edition: 'kz', sectionId, ...fields });
      assert.equal(res.statusCode, 201, res.body);
      return res.json() as A;
    };
    const move = (client: Client, a: A, action: string, extra: Record<string, unknown> = {}) =>
      client.post(`/api/newsroom/articles/${a.id}/transitions`, { action, revision: a.revision, ...extra });
    const current = async (a: A) => (await editor.get(`/api/newsroom/articles/${a.id}`)).json() as A;

    test('an article without text is refused publish and schedule (409 EMPTY_BODY) and stays a draft', async () => {
      const blank = { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: '   ' }] }, { type: 'divider' }] };
      for (const body of [undefined, blank]) {
        const a = await create(editor, { headline: 'Тек тақырып', ...(body ? { body } : {}) });
        for (const [action, extra] of [
          ['publish', {}],
          ['schedule', { at: '2026-12-01T10:00' }],
        ] as const) {
          const res = await move(editor, a, action, extra);
          assert.equal(res.statusCode, 409, res.body);
          assert.equal(res.json().error.code, 'EMPTY_BODY');
        }
        const after = await current(a);
        assert.equal(after.status, 'draft');
        assert.equal(after.revision, a.revision, 'nothing was saved');
      }
      assert.equal((await site.app.inject('/kz/')).body.includes('Тек тақырып'), false);
    });

    test('a submitted and approved article without text cannot be published either; with text it can', async () => {
      let a = await create(journalist, { headline: 'Мәтінсіз жіберілген' });
      a = (await move(journalist, a, 'submit')).json();
      a = (await move(editor, a, 'approve')).json();
      assert.equal(a.status, 'approved');
      const refused = await move(editor, a, 'publish');
      assert.equal(refused.json().error.code, 'EMPTY_BODY');
      const saved = await editor.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, body: textBody('Енді мәтін бар.') });
      assert.equal(saved.statusCode, 200, saved.body);
      const published = await move(editor, saved.json(), 'publish');
      assert.equal(published.statusCode, 200, published.body);
      assert.equal(published.json().status, 'published');
    });

    test('a correction or a save of a scheduled article cannot empty the body', async () => {
      let a = await create(editor, { headline: 'Түзетілетін хабар', body: textBody() });
      a = (await move(editor, a, 'publish')).json();
      const emptied = await editor.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, body: { version: 1, blocks: [] } });
      assert.equal(emptied.statusCode, 409, emptied.body);
      assert.equal(emptied.json().error.code, 'EMPTY_BODY');
      assert.equal((await current(a)).revision, a.revision);

      let s = await create(editor, { headline: 'Кестедегі хабар', body: textBody() });
      s = (await move(editor, s, 'schedule', { at: '2026-12-01T10:00' })).json();
      const res = await editor.put(`/api/newsroom/articles/${s.id}`, { revision: s.revision, body: { version: 1, blocks: [] } });
      assert.equal(res.json().error.code, 'EMPTY_BODY');
    });

    test('a returned article is neither published nor scheduled until it is submitted again', async () => {
      let a = await create(journalist, { headline: 'Қайтарылған хабар', body: textBody() });
      a = (await move(journalist, a, 'submit')).json();
      a = (await move(editor, a, 'return', { comment: 'Дереккөзді қосыңыз.' })).json();
      assert.equal(a.status, 'returned');
      const opened = (await editor.get(`/api/newsroom/articles/${a.id}`)).json() as { allowed: string[] };
      assert.ok(!opened.allowed.includes('publish') && !opened.allowed.includes('schedule'), opened.allowed.join());
      for (const [action, extra] of [
        ['publish', {}],
        ['schedule', { at: '2026-12-01T10:00' }],
      ] as const) {
        const res = await move(editor, a, action, extra);
        assert.equal(res.statusCode, 409, res.body);
        assert.equal(res.json().error.code, 'INVALID_TRANSITION');
      }
      assert.equal((await current(a)).status, 'returned');
      a = (await move(journalist, await current(a), 'submit')).json();
      assert.equal((await move(editor, a, 'publish')).json().status, 'published');
    });

    test('the list pages with totals, filters by days in Almaty time and sorts', async () => {
      const made: A[] = [];
      // Three days: Nov 10, 11 and 12, at 23:30 Almaty time (18:30 UTC) — the next day in UTC minus 5 h.
      for (const [i, day] of ['10', '11', '12'].entries()) {
        now = Date.parse(`2026-11-${day}T18:30:00Z`);
        made.push(await create(editor, { headline: `Күндер ${['Б', 'А', 'В'][i]}`, body: textBody() }));
      }
      now = FIXED_NOW.getTime();
      const list = async (query: string) => {
        const res = await editor.get(`/api/newsroom/articles?q=${encodeURIComponent('Күндер')}&${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { items: { id: number; headline: string }[]; total: number };
      };
      const day11 = await list('from=2026-11-11&to=2026-11-11');
      assert.deepEqual(
        day11.items.map((i) => i.id),
        [made[1]!.id],
        'Nov 11, 23:30 Almaty is Nov 11 there',
      );
      const page = await list('limit=2&offset=0');
      assert.equal(page.total, 3);
      assert.deepEqual(
        page.items.map((i) => i.id),
        [made[2]!.id, made[1]!.id],
      );
      const second = await list('limit=2&offset=2');
      assert.deepEqual(
        second.items.map((i) => i.id),
        [made[0]!.id],
      );
      assert.deepEqual(
        (await list('sort=oldest')).items.map((i) => i.id),
        made.map((m) => m.id),
      );
      assert.deepEqual(
        (await list('sort=headline')).items.map((i) => i.headline),
        ['Күндер А', 'Күндер Б', 'Күндер В'],
      );
      for (const bad of ['from=2026-02-30', 'from=2026-11-12&to=2026-11-10', 'from=yesterday', 'sort=random']) {
        const res = await editor.get(`/api/newsroom/articles?${bad}`);
        assert.equal(res.statusCode, 400, `${bad}: ${res.body}`);
        assert.equal(typeof res.json().error.code, 'string');
      }
    });

    test("a bulk action does what it may article by article and names each refusal; another desk's ids are refused", async () => {
      const mine = await create(editor, { headline: 'Бөлімі ауысады', body: textBody() });
      const ru = (
        await ruEditor.post('/api/newsroom/articles', { edition: 'ru', sectionId, headline: 'Чужая статья', body: textBody() })
      ).json() as A;
      const res = await editor.post('/api/newsroom/articles/bulk', {
        action: 'section',
        sectionId: otherSection,
        ids: [mine.id, ru.id, 999_999],
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(
        (res.json() as { results: { id: number; ok: boolean; error?: { code: string } }[] }).results.map((r) => [
          r.id,
          r.ok,
          r.error?.code,
        ]),
        [
          [mine.id, true, undefined],
          [ru.id, false, 'FORBIDDEN'],
          [999_999, false, 'NOT_FOUND'],
        ],
      );
      assert.equal((await current(mine)).sectionId, otherSection);
      assert.equal(
        ((await ruEditor.get(`/api/newsroom/articles/${ru.id}`)).json() as A).sectionId,
        sectionId,
        'the other desk’s article is untouched',
      );

      // Unpublish: the published one goes off the site; a draft is reported, not skipped silently.
      let live = await create(editor, { headline: 'Алынатын хабар', body: textBody() });
      live = (await move(editor, live, 'publish')).json();
      const draft = await create(editor, { headline: 'Жоба күйінде', body: textBody() });
      const off = (await editor.post('/api/newsroom/articles/bulk', { action: 'unpublish', ids: [live.id, draft.id] })).json();
      assert.deepEqual(
        off.results.map((r: { ok: boolean; error?: { code: string } }) => [r.ok, r.error?.code]),
        [
          [true, undefined],
          [false, 'INVALID_TRANSITION'],
        ],
      );
      assert.equal((await current(live)).status, 'unpublished');

      // Delete: a journalist deletes their own draft, not the editor's, nor a submitted one.
      const own = await create(journalist, { headline: 'Өз жобам' });
      let sent = await create(journalist, { headline: 'Жіберілген', body: textBody() });
      sent = (await move(journalist, sent, 'submit')).json();
      const others = await create(editor, { headline: 'Редактордың жобасы' });
      const del = (await journalist.post('/api/newsroom/articles/bulk', { action: 'delete', ids: [own.id, sent.id, others.id] })).json();
      assert.deepEqual(
        del.results.map((r: { ok: boolean; error?: { code: string } }) => [r.ok, r.error?.code]),
        [
          [true, undefined],
          [false, 'FORBIDDEN'],
          [false, 'FORBIDDEN'],
        ],
      );
      assert.equal((await editor.get(`/api/newsroom/articles/${own.id}`)).statusCode, 404);
      assert.equal((await current(others)).status, 'draft');
      const editorDeletes = (await editor.post('/api/newsroom/articles/bulk', { action: 'delete', ids: [live.id] })).json();
      assert.equal(editorDeletes.results[0].error.code, 'INVALID_TRANSITION', 'an unpublished article is not a draft');

      for (const bad of [
        { action: 'section', ids: [mine.id] },
        { action: 'section', ids: [mine.id], sectionId: 999_999 },
        { action: 'unpublish', ids: [] },
        { action: 'explode', ids: [mine.id] },
        { action: 'delete', ids: [mine.id], sectionId },
      ]) {
        const r = await editor.post('/api/newsroom/articles/bulk', bad);
        assert.equal(r.statusCode, 400, `${JSON.stringify(bad)}: ${r.body}`);
      }
      assert.equal((await current(mine)).status, 'draft');
    });

    test('the audit log filters by who, what (an action or its family) and when, and pages', async () => {
      now = Date.parse('2026-11-15T05:00:00Z');
      let a = await create(editor, { headline: 'Аудитке түсетін', body: textBody() });
      a = (await move(editor, a, 'publish')).json();
      now = Date.parse('2026-11-16T05:00:00Z');
      a = (await move(editor, a, 'unpublish')).json();
      now = FIXED_NOW.getTime();
      const audit = async (query: string) => {
        const res = await admin.get(`/api/newsroom/audit?${query}`);
        assert.equal(res.statusCode, 200, res.body);
        return (res.json() as { items: { id: number; action: string; targetId: string; user: { id: number } | null }[] }).items;
      };
      const byEditor = await audit(`userId=${editor.user.id}&targetType=article&targetId=${a.id}`);
      assert.deepEqual(
        byEditor.map((e) => e.action),
        ['article.unpublish', 'article.publish'],
      );
      assert.deepEqual(
        (await audit(`userId=${editor.user.id}&from=2026-11-15&to=2026-11-15`)).map((e) => e.action),
        ['article.publish'],
      );
      const family = await audit(`action=article&userId=${editor.user.id}`);
      assert.ok(family.length >= 2 && family.every((e) => e.action.startsWith('article.')));
      const first = await audit(`userId=${editor.user.id}&limit=1`);
      const next = await audit(`userId=${editor.user.id}&limit=1&before=${first[0]!.id}`);
      assert.ok(next[0]!.id < first[0]!.id);
      assert.equal((await editor.get('/api/newsroom/audit')).statusCode, 403);
      assert.equal((await admin.get('/api/newsroom/audit?from=2026-13-01')).statusCode, 400);
    });
  });
}
