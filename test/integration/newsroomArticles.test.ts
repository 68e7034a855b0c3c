// The newsroom's articles through the HTTP API, on SQLite and PostgreSQL: drafts, saves and
// conflicts, the review workflow by role and state, corrections, unpublishing, deletion, the
// timeline, revisions with diff and restore, autosave, the dashboard, and hostile input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, dom, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const body = (...texts: string[]) => ({ version: 1, blocks: texts.map(para) });

for (const dialect of dialects()) {
  describe(`newsroom articles on ${dialect}`, () => {
    let site: TestSite;
    let journalist: Client;
    let otherJournalist: Client;
    let editor: Client;
    let ruEditor: Client;
    let sectionId: number;
    before(async () => {
      site = await bootSite(dialect);
      journalist = await signedIn(site, 'journalist', ['kz']);
      otherJournalist = await signedIn(site, 'journalist', ['kz']);
      editor = await signedIn(site, 'editor', ['kz']);
      ruEditor = await signedIn(site, 'editor', ['ru']);
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const articleRow = (id: number) =>
      site.database.handle.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const draft = async (client: Client, headline = 'Астанада жаңа көпір ашылды') => {
      const res = await client.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline,
        lead: 'Қысқаша мазмұны',
        body: body('Бірінші абзац.', 'Екінші абзац.'),
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    };
    const move = (client: Client, a: { id: number; revision: number }, action: string, extra: object = {}) =>
      client.post(`/api/newsroom/articles/${a.id}/transitions`, { action, revision: a.revision, ...extra });

    test('a journalist writes a draft: slug in Latin letters, revisions, autosave', async () => {
      const a = await draft(journalist);
      assert.equal(a.status, 'draft');
      assert.equal(a.revision, 1);
      assert.match(a.slug, /^astanada-zhana-kopir-ashyldy|^[a-z0-9-]+$/);
      assert.ok(a.allowed.includes('edit') && a.allowed.includes('submit') && !a.allowed.includes('publish'));
      const saved = await journalist.put(`/api/newsroom/articles/${a.id}`, {
        revision: 1,
        headline: 'Астанада екінші көпір ашылды',
        body: body('Жаңа мәтін.'),
      });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().revision, 2);
      assert.notEqual(saved.json().slug, a.slug, 'the slug follows the headline before publication');
      assert.equal(
        (await journalist.put(`/api/newsroom/articles/${a.id}/autosave`, { baseRevision: 2, data: { headline: 'жұмыс үстінде' } }))
          .statusCode,
        204,
      );
      const reopened = (await journalist.get(`/api/newsroom/articles/${a.id}`)).json();
      assert.deepEqual(reopened.autosave.data, { headline: 'жұмыс үстінде' });
      assert.equal((await editor.get(`/api/newsroom/articles/${a.id}`)).json().autosave, null, 'autosaves are per user');
      const revisions = (await journalist.get(`/api/newsroom/articles/${a.id}/revisions`)).json().items;
      assert.deepEqual(
        revisions.map((r: { revision: number }) => r.revision),
        [2, 1],
      );
    });

    test('a save on top of a newer revision is refused with the newer article, and changes nothing', async () => {
      const a = await draft(journalist);
      assert.equal((await editor.put(`/api/newsroom/articles/${a.id}`, { revision: 1, lead: 'Редактордың түзетуі' })).statusCode, 200);
      const stale = await journalist.put(`/api/newsroom/articles/${a.id}`, { revision: 1, lead: 'Журналистің нұсқасы' });
      assert.equal(stale.statusCode, 409);
      const err = stale.json().error;
      assert.equal(err.code, 'CONFLICT');
      assert.equal(err.details.current.lead, 'Редактордың түзетуі');
      assert.equal(err.details.current.revision, 2);
      assert.equal((await articleRow(a.id)).lead, 'Редактордың түзетуі');
      const merged = await journalist.put(`/api/newsroom/articles/${a.id}`, { revision: 2, lead: 'Біріктірілген нұсқа' });
      assert.equal(merged.statusCode, 200);
    });

    test('review: submit, return with a comment, fix, resubmit, approve, publish — each by the right role', async () => {
      let a = await draft(journalist);
      const forbidden = await move(journalist, a, 'publish');
      assert.equal(forbidden.statusCode, 403, 'a journalist cannot publish');
      assert.equal((await articleRow(a.id)).status, 'draft');
      a = (await move(journalist, a, 'submit')).json();
      assert.equal(a.status, 'submitted');
      const editAfterSubmit = await journalist.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, lead: 'кейін' });
      assert.equal(editAfterSubmit.statusCode, 403, "a submitted article is out of the journalist's hands");
      assert.equal((await otherJournalist.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, lead: 'бөтен' })).statusCode, 403);
      assert.equal((await ruEditor.get(`/api/newsroom/articles/${a.id}`)).statusCode, 403, 'another desk');
      const noComment = await move(editor, a, 'return');
      assert.equal(noComment.statusCode, 400);
      a = (await move(editor, a, 'return', { comment: 'Дереккөзді көрсетіңіз' })).json();
      assert.equal(a.status, 'returned');
      a = (await journalist.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, sourceLine: 'Kazinform' })).json();
      a = (await move(journalist, a, 'submit')).json();
      const wrongState = await move(editor, a, 'unpublish');
      assert.equal(wrongState.statusCode, 409);
      assert.equal(wrongState.json().error.code, 'INVALID_TRANSITION');
      a = (await move(editor, a, 'approve')).json();
      a = (await move(editor, a, 'publish')).json();
      assert.equal(a.status, 'published');
      assert.ok(a.url.endsWith(`${a.slug}-${a.publicId}`));
      const timeline = (await journalist.get(`/api/newsroom/articles/${a.id}/timeline`)).json().items;
      assert.deepEqual(
        timeline.map((t: { action: string }) => t.action),
        ['create', 'submit', 'return', 'submit', 'approve', 'publish'],
      );
      assert.equal(timeline[2].comment, 'Дереккөзді көрсетіңіз');
      assert.equal(timeline[5].user.id, editor.user.id);
      const page = await site.app.inject(new URL(a.url).pathname);
      assert.equal(page.statusCode, 200);
      assert.equal(dom(page.body).querySelector('h1')?.textContent, a.headline);
      const home = await site.app.inject('/kz/');
      assert.ok(home.body.includes(a.headline), 'on the kz home at once (its cached page dropped)');
      const audit = await site.database.handle.db
        .selectFrom('audit_log')
        .select(['action', 'user_id'])
        .where('target_id', '=', String(a.id))
        .execute();
      assert.deepEqual(
        audit.map((r) => r.action),
        ['article.publish'],
      );
    });

    test('a correction shows the updated time and the note; unpublishing takes it off the site', async () => {
      let a = await draft(editor, 'Түзетілетін жаңалық');
      a = (await move(editor, a, 'publish')).json();
      const path = new URL(a.url).pathname;
      await site.app.inject(path);
      const corrected = await editor.put(`/api/newsroom/articles/${a.id}`, {
        revision: a.revision,
        lead: 'Түзетілген лид',
        correctionNote: 'Лидтегі сан түзетілді',
      });
      assert.equal(corrected.statusCode, 200, corrected.body);
      assert.ok(corrected.json().updatedAt);
      const page = await site.app.inject(path);
      assert.ok(page.body.includes('Түзетілген лид'), 'the cached page was dropped');
      assert.ok(page.body.includes('Лидтегі сан түзетілді'), 'the correction note is shown');
      assert.equal((await editor.delete(`/api/newsroom/articles/${a.id}`)).statusCode, 409, 'a published article is not deleted');
      a = (await move(editor, corrected.json(), 'unpublish')).json();
      assert.equal(a.status, 'unpublished');
      assert.equal((await site.app.inject(path)).statusCode, 404);
    });

    test('revisions compare word by word and restore as a new revision', async () => {
      let a = await draft(journalist, 'Бірінші тақырып');
      a = (
        await journalist.put(`/api/newsroom/articles/${a.id}`, {
          revision: 1,
          headline: 'Екінші тақырып',
          body: body('Бірінші абзац өзгерді.'),
        })
      ).json();
      const diff = (await journalist.get(`/api/newsroom/articles/${a.id}/diff?from=1&to=2`)).json();
      const headline = diff.fields.find((f: { field: string }) => f.field === 'headline');
      assert.deepEqual(
        headline.parts.filter((p: { op: string }) => p.op !== 'eq').map((p: { op: string; text: string }) => `${p.op}:${p.text}`),
        ['del:Бірінші', 'ins:Екінші'],
      );
      assert.ok(
        diff.fields
          .find((f: { field: string }) => f.field === 'body')
          .parts.some((p: { op: string; text: string }) => p.op === 'ins' && p.text.includes('өзгерді')),
      );
      const restored = await journalist.post(`/api/newsroom/articles/${a.id}/revisions/1/restore`, { revision: 2 });
      assert.equal(restored.statusCode, 200, restored.body);
      assert.equal(restored.json().revision, 3);
      assert.equal(restored.json().headline, 'Бірінші тақырып');
      assert.equal((await journalist.get(`/api/newsroom/articles/${a.id}/diff?from=1&to=99`)).statusCode, 404);
    });

    test('drafts can be deleted by their author, not by another journalist', async () => {
      const a = await draft(journalist);
      assert.equal((await otherJournalist.delete(`/api/newsroom/articles/${a.id}`)).statusCode, 403);
      assert.equal((await journalist.delete(`/api/newsroom/articles/${a.id}`)).statusCode, 204);
      assert.equal((await journalist.get(`/api/newsroom/articles/${a.id}`)).statusCode, 404);
      const audit = await site.database.handle.db.selectFrom('audit_log').select('action').where('target_id', '=', String(a.id)).execute();
      assert.deepEqual(
        audit.map((r) => r.action),
        ['article.delete'],
      );
    });

    test("the dashboard and lists show the user's desks", async () => {
      const mine = await draft(journalist, 'Менің жобам туралы');
      const dash = (await journalist.get('/api/newsroom/dashboard')).json();
      assert.ok(dash.myDrafts.some((d: { id: number }) => d.id === mine.id));
      for (const key of ['waiting', 'scheduled', 'publishedToday', 'mostReadToday']) assert.ok(Array.isArray(dash[key]), key);
      const found = (await journalist.get(`/api/newsroom/articles?q=${encodeURIComponent('менің жобам')}`)).json();
      assert.ok(
        found.items.some((d: { id: number }) => d.id === mine.id),
        'headline search ignores case in Cyrillic',
      );
      const ru = (await ruEditor.get('/api/newsroom/articles?limit=100')).json();
      assert.ok(ru.items.every((d: { edition: string }) => d.edition === 'ru'));
      assert.equal((await journalist.get('/api/newsroom/articles?limit=1000')).statusCode, 400);
      assert.equal((await journalist.get('/api/newsroom/articles?status=lost')).statusCode, 400);
    });

    test('hostile input is refused or stored as text, never run', async () => {
      const bad = await journalist.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        headline: 'x',
        body: {
          version: 1,
          blocks: [
            { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] },
          ],
        },
      });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /body/);
      const script = await journalist.post('/api/newsroom/articles', {
        edition: 'kz',
        sectionId,
        body: { version: 1, blocks: [{ type: 'html', html: '<script>alert(1)</script>' }] },
      });
      assert.equal(script.statusCode, 400);
      const before = await site.database.handle.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const a = await draft(journalist, '<script>alert("x")</script> тақырып');
      assert.equal(a.headline, '<script>alert("x")</script> тақырып', 'kept as text');
      const preview = await journalist.request('GET', `/newsroom/preview/${a.id}`);
      if (preview.statusCode === 200) assert.ok(!preview.body.includes('<script>alert("x")'), 'escaped on the page');
      const after = await site.database.handle.db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), Number(before.n) + 1, 'the refused ones left nothing');
      for (const payload of [
        '{"revision": 1, "headline": ',
        JSON.stringify({ revision: 1, headline: 'x'.repeat(301) }),
        JSON.stringify({ revision: 'one' }),
      ]) {
        const res = await journalist.request('PUT', `/api/newsroom/articles/${a.id}`, payload, { 'content-type': 'application/json' });
        assert.equal(res.statusCode, 400, payload.slice(0, 30));
      }
      assert.equal((await articleRow(a.id)).revision, 1);
      assert.equal((await journalist.get('/api/newsroom/articles/999999')).statusCode, 404);
      assert.equal((await journalist.get('/api/newsroom/articles/abc')).statusCode, 400);
    });
  });
}
