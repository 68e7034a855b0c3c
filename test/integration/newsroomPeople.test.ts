// Work among people through the newsroom API, on SQLite and PostgreSQL: an editor assigns a story
// (due in Almaty time), the assignee sees it in "My work", starts the linked draft; return, approve
// and publish notify the writer; comments thread, @mentions notify (unknown names stay text); each
// user sees and marks only their own notifications and edits only their own comments; bad input is
// a 4xx that changes nothing; comments never reach the reader page or the public API.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, FIXED_NOW, type TestSite } from '../support/site.ts';
import { makeUser, signIn, textBody, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

interface Notice {
  id: number;
  kind: string;
  articleId: number | null;
  assignmentId: number | null;
  headline: string;
  text: string;
  read: boolean;
  actor: { id: number; name: string } | null;
}

for (const dialect of dialects()) {
  describe(`newsroom assignments, notifications and comments on ${dialect}`, () => {
    let site: TestSite;
    let editor: Client;
    let writer: Client;
    let colleague: Client;
    let ruWriter: Client;
    let sectionId: number;
    let now = FIXED_NOW;
    before(async () => {
      site = await bootSite(dialect, { clock: () => now });
      editor = await signIn(site.app, await makeUser(site, 'editor', ['kz'], { name: 'Самал Редактор' }));
      writer = await signIn(site.app, await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікова' }));
      colleague = await signIn(site.app, await makeUser(site, 'journalist', ['kz'], { name: 'Данияр' }));
      ruWriter = await signIn(site.app, await makeUser(site, 'journalist', ['ru'], { name: 'Ольга Ким' }));
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(() => site.close());

    const db = () => site.database.handle.db;
    const notices = async (c: Client): Promise<{ unread: number; items: Notice[] }> => {
      const res = await c.get('/api/newsroom/notifications');
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const unread = async (c: Client) => (await c.get('/api/newsroom/notifications/unread')).json().unread as number;
    async function fingerprint(): Promise<string> {
      const count = async (t: 'assignments' | 'notifications' | 'article_comments' | 'articles') =>
        Number(
          (
            await db()
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const comments = await db().selectFrom('article_comments').select(['id', 'body', 'deleted_at']).orderBy('id').execute();
      const read = await db().selectFrom('notifications').select(['id', 'read_at']).orderBy('id').execute();
      const states = await db().selectFrom('assignments').select(['id', 'status', 'article_id']).orderBy('id').execute();
      return JSON.stringify([states, await count('assignments'), await count('notifications'), await count('articles'), comments, read]);
    }

    test('an editor assigns; the assignee is notified, sees it in My work and starts the linked draft', async () => {
      const res = await editor.post('/api/newsroom/assignments', {
        headline: 'Астанадағы жаңа саябақ',
        edition: 'kz',
        sectionId,
        due: '2026-11-20T18:00',
        assigneeId: writer.user.id,
        note: 'Әкімдікке хабарласыңыз',
      });
      assert.equal(res.statusCode, 201, res.body);
      const assignment = res.json();
      // 18:00 in Almaty (UTC+5) is 13:00 UTC.
      assert.equal(assignment.dueAt, '2026-11-20T13:00:00.000Z');
      assert.equal(assignment.assignee.name, 'Айгүл Серікова');
      assert.equal(assignment.assignedBy.name, 'Самал Редактор');

      const mine = (await writer.get('/api/newsroom/assignments')).json().items;
      assert.deepEqual(
        mine.map((a: { headline: string }) => a.headline),
        ['Астанадағы жаңа саябақ'],
      );
      assert.deepEqual((await colleague.get('/api/newsroom/assignments')).json().items, [], 'not in a colleague’s My work');
      const open = (await editor.get('/api/newsroom/assignments?scope=open')).json().items;
      assert.ok(
        open.some((a: { id: number }) => a.id === assignment.id),
        'editors see every open assignment',
      );
      assert.equal((await writer.get('/api/newsroom/assignments?scope=open')).statusCode, 403, 'journalists see only their own');

      const n = await notices(writer);
      assert.equal(n.unread, 1);
      assert.equal(n.items[0]!.kind, 'assigned');
      assert.equal(n.items[0]!.headline, 'Астанадағы жаңа саябақ');
      assert.equal(n.items[0]!.text, 'Әкімдікке хабарласыңыз', 'the note, not the headline again');
      assert.equal(n.items[0]!.actor?.name, 'Самал Редактор');
      assert.equal(await unread(editor), 0, 'the assigner is not notified of their own act');

      assert.equal((await colleague.post(`/api/newsroom/assignments/${assignment.id}/draft`)).statusCode, 404, 'not theirs to see');
      const started = await writer.post(`/api/newsroom/assignments/${assignment.id}/draft`);
      assert.equal(started.statusCode, 201, started.body);
      const draft = started.json();
      assert.equal(draft.headline, 'Астанадағы жаңа саябақ');
      assert.equal(draft.edition, 'kz');
      assert.equal(draft.sectionId, sectionId);
      assert.equal(draft.status, 'draft');
      const again = await writer.post(`/api/newsroom/assignments/${assignment.id}/draft`);
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.details.articleId, draft.id);
      assert.equal((await writer.get('/api/newsroom/assignments')).json().items[0].articleId, draft.id);
    });

    test('bad assignments are refused with a 4xx and change nothing', async () => {
      const before = await fingerprint();
      const base = { headline: 'Жоспар', edition: 'kz', sectionId, due: '2026-11-21T10:00', assigneeId: writer.user.id };
      const refusals: [unknown, number, string][] = [
        [{ ...base, due: 'ертең' }, 400, 'VALIDATION'],
        [{ ...base, due: '2026-11-20T10:00' }, 400, 'VALIDATION'], // 05:00 UTC: already past
        [{ ...base, headline: '   ' }, 400, 'VALIDATION'],
        [{ ...base, sectionId: 99999 }, 400, 'VALIDATION'],
        [{ ...base, assigneeId: 99999 }, 400, 'VALIDATION'],
        [{ ...base, assigneeId: ruWriter.user.id }, 400, 'VALIDATION'], // not on the kz desk
        [{ ...base, edition: 'ru' }, 403, 'FORBIDDEN'], // the editor's desk is kz
        [{ ...base, colour: 'red' }, 400, 'VALIDATION'],
      ];
      for (const [body, status, code] of refusals) {
        const res = await editor.post('/api/newsroom/assignments', body);
        assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
        assert.equal(res.json().error.code, code);
      }
      const byJournalist = await writer.post('/api/newsroom/assignments', base);
      assert.equal(byJournalist.statusCode, 403);
      const [mine] = (await writer.get('/api/newsroom/assignments')).json().items;
      assert.equal(
        (await writer.patch(`/api/newsroom/assignments/${mine.id}`, { status: 'cancelled' })).statusCode,
        403,
        'only editors cancel',
      );
      assert.equal((await colleague.patch(`/api/newsroom/assignments/${mine.id}`, { status: 'done' })).statusCode, 404, 'not theirs');
      assert.equal((await editor.patch(`/api/newsroom/assignments/${mine.id}`, { status: 'open' })).statusCode, 400);
      assert.equal(await fingerprint(), before);
    });

    test('return, approve and publish notify the writer with the comment; the assignment is done once published', async () => {
      const [assignment] = (await writer.get('/api/newsroom/assignments')).json().items;
      let a = (await writer.get(`/api/newsroom/articles/${assignment.articleId}`)).json();
      await writer.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'submit', revision: a.revision });
      a = (await editor.get(`/api/newsroom/articles/${a.id}`)).json();
      const returned = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, {
        action: 'return',
        revision: a.revision,
        comment: 'Дереккөзді қосыңыз',
      });
      assert.equal(returned.statusCode, 200, returned.body);
      let n = await notices(writer);
      assert.equal(n.items[0]!.kind, 'returned');
      assert.equal(n.items[0]!.text, 'Дереккөзді қосыңыз');
      assert.equal(n.items[0]!.articleId, a.id);

      a = (await writer.get(`/api/newsroom/articles/${a.id}`)).json();
      await writer.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, lead: 'Дереккөз: әкімдік.', body: textBody() });
      a = (await writer.get(`/api/newsroom/articles/${a.id}`)).json();
      await writer.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'submit', revision: a.revision });
      a = (await editor.get(`/api/newsroom/articles/${a.id}`)).json();
      assert.equal(
        (await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'approve', revision: a.revision })).statusCode,
        200,
      );
      a = (await editor.get(`/api/newsroom/articles/${a.id}`)).json();
      assert.equal(
        (await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).statusCode,
        200,
      );

      n = await notices(writer);
      assert.deepEqual(
        n.items.map((x) => x.kind),
        ['published', 'approved', 'returned', 'assigned'],
      );
      assert.equal(n.unread, 4);
      assert.equal(await unread(editor), 0, 'the editor did these things: nothing for them');
      assert.equal(await unread(colleague), 0);
      assert.deepEqual((await writer.get('/api/newsroom/assignments')).json().items, [], 'done once published');
    });

    test('the scheduler publishing a scheduled article notifies its writer (no actor)', async () => {
      let a = (
        await writer.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: 'Жоспарланған жаңалық',
          lead: 'Лид.',
          body: textBody(),
        })
      ).json();
      const scheduled = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, {
        action: 'schedule',
        revision: a.revision,
        at: '2026-11-20T16:00',
      });
      assert.equal(scheduled.statusCode, 200, scheduled.body);
      const before = await unread(writer);
      now = new Date('2026-11-20T11:01:00Z'); // 16:01 in Almaty
      try {
        assert.equal(await site.services.newsroomArticles.publishDue(), 1);
      } finally {
        now = FIXED_NOW;
      }
      a = (await writer.get(`/api/newsroom/articles/${a.id}`)).json();
      assert.equal(a.status, 'published');
      const n = await notices(writer);
      assert.equal(n.unread, before + 1);
      assert.equal(n.items[0]!.kind, 'published');
      assert.equal(n.items[0]!.actor, null);
      assert.equal(n.items[0]!.headline, 'Жоспарланған жаңалық');
    });

    test('each user sees and marks only their own notifications', async () => {
      const mine = await notices(writer);
      const theirs = await notices(colleague);
      assert.ok(theirs.items.every((x) => !mine.items.some((m) => m.id === x.id)));
      const first = mine.items[0]!;
      const before = await fingerprint();
      const foreign = await colleague.post(`/api/newsroom/notifications/${first.id}/read`);
      assert.equal(foreign.statusCode, 404);
      assert.equal(foreign.json().error.code, 'NOT_FOUND');
      assert.equal(await fingerprint(), before, 'someone else’s notification stays unread');

      const one = await writer.post(`/api/newsroom/notifications/${first.id}/read`);
      assert.equal(one.statusCode, 200);
      assert.equal(one.json().unread, mine.unread - 1);
      assert.equal((await notices(writer)).items[0]!.read, true);
      const all = await writer.post('/api/newsroom/notifications/read');
      assert.equal(all.json().unread, 0);
      assert.equal(await unread(writer), 0);
    });

    test('comments thread, @mentions notify once, unknown names stay text, only the author edits or deletes', async () => {
      const draft = (
        await writer.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Түсініктеме үшін', lead: 'Лид.' })
      ).json();
      const first = await editor.post(`/api/newsroom/articles/${draft.id}/comments`, {
        body: '@Айгүл Серікова, дереккөзді тексеріңіз. @Нұрлан да қарасын. @Ольга Ким',
      });
      assert.equal(first.statusCode, 201, first.body);
      const c1 = first.json();
      // Ольга Ким works on the ru desk and cannot open this kz draft: her name stays text.
      assert.deepEqual(c1.mentions, [{ id: writer.user.id, name: 'Айгүл Серікова' }]);
      const n = await notices(writer);
      assert.equal(n.unread, 1);
      assert.equal(n.items[0]!.kind, 'mentioned');
      assert.equal(n.items[0]!.actor?.name, 'Самал Редактор');
      assert.match(n.items[0]!.text, /^@Айгүл Серікова, дереккөзді/);
      assert.equal(n.items[0]!.articleId, draft.id);
      assert.equal(await unread(ruWriter), 0);

      const reply = await writer.post(`/api/newsroom/articles/${draft.id}/comments`, {
        body: 'Тексердім, @Данияр көмектесті',
        parentId: c1.id,
      });
      assert.equal(reply.statusCode, 201, reply.body);
      assert.equal(reply.json().parentId, c1.id);
      assert.equal((await notices(colleague)).items[0]!.kind, 'mentioned');

      const list = (await colleague.get(`/api/newsroom/articles/${draft.id}/comments`)).json().items;
      assert.deepEqual(
        list.map((c: { id: number; parentId: number | null; author: { name: string } }) => [c.parentId, c.author.name]),
        [
          [null, 'Самал Редактор'],
          [c1.id, 'Айгүл Серікова'],
        ],
      );
      assert.equal((await ruWriter.get(`/api/newsroom/articles/${draft.id}/comments`)).statusCode, 403, 'another desk’s draft');

      const before = await fingerprint();
      const refusals: [Client, 'POST' | 'PUT' | 'DELETE', string, unknown, number][] = [
        [writer, 'PUT', `/api/newsroom/comments/${c1.id}`, { body: 'Менікі емес' }, 403],
        [writer, 'DELETE', `/api/newsroom/comments/${c1.id}`, undefined, 403],
        [editor, 'POST', `/api/newsroom/articles/${draft.id}/comments`, { body: '   ' }, 400],
        [editor, 'POST', `/api/newsroom/articles/${draft.id}/comments`, { body: 'жауап', parentId: 99999 }, 400],
        [editor, 'POST', `/api/newsroom/articles/${draft.id}/comments`, { body: 'x'.repeat(4001) }, 400],
        [editor, 'POST', '/api/newsroom/articles/99999/comments', { body: 'жоқ' }, 404],
        [editor, 'PUT', '/api/newsroom/comments/99999', { body: 'жоқ' }, 404],
      ];
      for (const [client, method, url, body, status] of refusals) {
        const res = await client.request(method, url, body);
        assert.equal(res.statusCode, status, `${method} ${url}: ${res.body}`);
        assert.ok(res.json().error.code);
      }
      assert.equal(await fingerprint(), before, 'refusals change nothing');

      // An edit notifies only whom it newly mentions.
      const colleagueUnread = await unread(colleague);
      const edited = await editor.put(`/api/newsroom/comments/${c1.id}`, { body: '@Айгүл Серікова және @Данияр, тексеріңіз' });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.ok(edited.json().editedAt);
      assert.equal(await unread(writer), 1, 'already mentioned: not again');
      assert.equal(await unread(colleague), colleagueUnread + 1);

      assert.equal((await editor.delete(`/api/newsroom/comments/${c1.id}`)).statusCode, 204);
      const after = (await writer.get(`/api/newsroom/articles/${draft.id}/comments`)).json().items;
      assert.equal(after[0].deleted, true);
      assert.equal(after[0].body, '');
      assert.equal(after[1].parentId, c1.id, 'the answer stays in its thread');
    });

    test('comments never reach the published page or the public API', async () => {
      let a = (
        await editor.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: 'Жарияланатын мақала',
          lead: 'Лид мәтіні.',
          body: textBody(),
        })
      ).json();
      await editor.post(`/api/newsroom/articles/${a.id}/comments`, { body: 'ІШКІПІКІР оқырманға көрінбеуі керек' });
      a = (await editor.get(`/api/newsroom/articles/${a.id}`)).json();
      const pub = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      assert.equal(pub.statusCode, 200, pub.body);
      a = pub.json();
      assert.ok(a.url);
      const page = await site.app.inject({ method: 'GET', url: new URL(a.url).pathname });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Жарияланатын мақала/);
      assert.doesNotMatch(page.body, /ІШКІПІКІР/);
      const api = await site.app.inject({ method: 'GET', url: `/api/v1/articles/kz/${a.publicId}` });
      assert.equal(api.statusCode, 200, api.body);
      assert.doesNotMatch(api.body, /ІШКІПІКІР/);
    });
  });
}
