// Newsroom notifications by e-mail, on SQLite and PostgreSQL, through a real SMTP server on
// 127.0.0.1 (smtp-server): a return mails the writer in their interface language with the comment
// and an absolute link; a mention mails the one mentioned; never the actor, a deactivated user or
// one with mail_notifications off; a refused recipient or a server that is down leaves the row pending for
// a later attempt and it goes out once the server answers, and after the last attempt the row is
// failed and logged once; without SMTP_URL nothing is queued and such rows are never mailed later;
// a hostile headline injects no header and no markup.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, FIXED_NOW, type TestSite } from '../support/site.ts';
import { makeUser, signIn, textBody, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { aSection } from '../support/fixtures.ts';
import { Mailbox } from '../support/mailbox.ts';
import { MAIL_MAX_ATTEMPTS, NotificationMailer } from '../../src/services/newsroom/notificationMail.ts';

const FROM = 'Habarshy <newsroom@habarshy.test>';

for (const dialect of dialects()) {
  describe(`notifications by e-mail on ${dialect}`, () => {
    const inbox = new Mailbox('desk', 's3cret pass');
    let site: TestSite;
    let editor: Client;
    let writer: Client;
    let colleague: Client;
    let sectionId: number;
    let now = FIXED_NOW;
    before(async () => {
      await inbox.start();
      site = await bootSite(dialect, {
        content: aSection,
        clock: () => now,
        env: { SMTP_URL: `smtp://desk:s3cret%20pass@127.0.0.1:${inbox.port}`, MAIL_FROM: FROM },
      });
      editor = await signIn(site.app, await makeUser(site, 'editor', ['kz'], { name: 'Самал Редактор' }));
      writer = await signIn(site.app, await makeUser(site, 'journalist', ['kz'], { name: 'Айгүл Серікова' }));
      colleague = await signIn(site.app, await makeUser(site, 'journalist', ['kz'], { name: 'Данияр Ахметов' }));
      assert.equal((await writer.patch('/api/newsroom/me', { uiLang: 'kz' })).statusCode, 204);
      assert.equal((await colleague.patch('/api/newsroom/me', { uiLang: 'ru' })).statusCode, 204);
      sectionId = (await db().selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await site.close();
      await inbox.stop();
    });

    const db = () => site.database.handle.db;
    const send = () => site.services.notificationMail!.runOnce();
    const outbox = (userId: number) =>
      db()
        .selectFrom('notifications')
        .select(['id', 'kind', 'mail_state', 'mail_attempts', 'mail_next_at'])
        .where('user_id', '=', userId)
        .orderBy('id')
        .execute();

    /** A draft of the writer's, submitted for review. */
    async function submitted(headline: string): Promise<{ id: number; revision: number }> {
      const res = await writer.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline, lead: 'Қысқаша', body: textBody() });
      assert.equal(res.statusCode, 201, res.body);
      const a = res.json();
      assert.equal(
        (await writer.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'submit', revision: a.revision })).statusCode,
        200,
      );
      return (await editor.get(`/api/newsroom/articles/${a.id}`)).json();
    }
    async function returned(a: { id: number; revision: number }, comment: string): Promise<void> {
      const res = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'return', revision: a.revision, comment });
      assert.equal(res.statusCode, 200, res.body);
    }

    test('a return mails the writer in Kazakh with the comment and a link to the article; not the editor', async () => {
      const a = await submitted('Астанадағы жаңа саябақ');
      await returned(a, 'Дереккөзді қосыңыз:\nәкімдіктің хабарламасы');
      assert.deepEqual(await send(), { sent: 1, retried: 0, failed: 0, skipped: 0 });
      const [mail, ...more] = inbox.to(writer.user.email);
      assert.ok(mail);
      assert.equal(more.length, 0);
      assert.deepEqual(mail.to, [writer.user.email], 'one recipient in the envelope');
      assert.equal(mail.user, 'desk', 'signed in with the credentials of SMTP_URL');
      assert.match(mail.headers.get('from') ?? '', /newsroom@habarshy\.test/);
      assert.equal(mail.subject, 'Самал Редактор мақалаңызды қайтарды: Астанадағы жаңа саябақ');
      assert.match(mail.headers.get('content-type') ?? '', /^text\/plain/);
      assert.match(mail.text, /^Самал Редактор мақалаңызды қайтарды\./);
      assert.match(mail.text, /«Астанадағы жаңа саябақ»/);
      assert.match(mail.text, /Пікір:\nДереккөзді қосыңыз:\nәкімдіктің хабарламасы/);
      assert.ok(mail.text.includes(`Редакцияда ашу: https://habarshy.test/newsroom/articles/${a.id}\n`), mail.text);
      assert.equal(inbox.to(editor.user.email).length, 0, 'the actor gets nothing');
      assert.deepEqual(
        (await outbox(writer.user.id)).map((r) => [r.kind, r.mail_state, r.mail_attempts]),
        [['returned', 'sent', 1]],
      );
      assert.deepEqual(await send(), { sent: 0, retried: 0, failed: 0, skipped: 0 }, 'sent once');
    });

    test('a mention mails the one mentioned, in Russian; mentioning oneself mails nobody', async () => {
      const a = await submitted('Жаңа мектеп');
      const res = await editor.post(`/api/newsroom/articles/${a.id}/comments`, { body: '@Данияр Ахметов қараңыз, @Самал Редактор' });
      assert.equal(res.statusCode, 201, res.body);
      const before = inbox.received.length;
      assert.deepEqual(await send(), { sent: 1, retried: 0, failed: 0, skipped: 0 });
      assert.equal(inbox.received.length, before + 1);
      const [mail] = inbox.to(colleague.user.email);
      assert.ok(mail);
      assert.equal(mail.subject, 'Самал Редактор упомянул(а) вас в комментарии: Жаңа мектеп');
      assert.match(mail.text, /Комментарий:\n@Данияр Ахметов қараңыз/);
      assert.ok(mail.text.includes(`Открыть в редакции: https://habarshy.test/newsroom/articles/${a.id}`));
      assert.equal(inbox.to(editor.user.email).length, 0);
    });

    test('a deactivated user, or one with mail_notifications off, gets nothing; the row leaves the outbox', async () => {
      const a = await submitted('Жабық хат');
      await editor.post(`/api/newsroom/articles/${a.id}/comments`, { body: '@Данияр Ахметов және @Айгүл Серікова' });
      await db().updateTable('users').set({ disabled: 1 }).where('id', '=', colleague.user.id).execute();
      // The writer turns e-mail off for themselves, as the notifications screen does.
      assert.equal((await writer.patch('/api/newsroom/me', { mailNotifications: false })).statusCode, 204);
      assert.equal((await writer.get('/api/newsroom/session')).json().user.mailNotifications, false);
      const before = inbox.received.length;
      try {
        assert.deepEqual(await send(), { sent: 0, retried: 0, failed: 0, skipped: 2 });
        assert.equal(inbox.received.length, before);
        for (const id of [colleague.user.id, writer.user.id]) {
          const last = (await outbox(id)).at(-1)!;
          assert.equal(last.kind, 'mentioned');
          assert.equal(last.mail_state, null);
        }
      } finally {
        await db().updateTable('users').set({ disabled: 0 }).where('id', '=', colleague.user.id).execute();
        assert.equal((await writer.patch('/api/newsroom/me', { mailNotifications: true })).statusCode, 204);
      }
    });

    test('the notifications list says the server mails; a user changes only their own choice, and a wrong one changes nothing', async () => {
      const list = await writer.get('/api/newsroom/notifications');
      assert.equal(list.statusCode, 200);
      assert.equal(list.json().mail, true);
      assert.equal((await writer.get('/api/newsroom/session')).json().user.mailNotifications, true, 'on unless turned off');
      for (const body of [{}, { mailNotifications: 'no' }, { mailNotifications: false, userId: colleague.user.id }, { uiLang: 'de' }]) {
        const res = await writer.patch('/api/newsroom/me', body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
      }
      assert.equal((await colleague.patch('/api/newsroom/me', { mailNotifications: false })).statusCode, 204);
      try {
        assert.equal((await writer.get('/api/newsroom/session')).json().user.mailNotifications, true, "another's choice is theirs");
        assert.equal((await colleague.get('/api/newsroom/session')).json().user.uiLang, 'ru', 'the language stays');
      } finally {
        await colleague.patch('/api/newsroom/me', { mailNotifications: true });
      }
    });

    test('a refused recipient stays pending for a later attempt and goes out once the server accepts', async () => {
      inbox.refuse = true;
      const a = await submitted('Кейінге қалған хат');
      await returned(a, 'Тақырыпты қысқартыңыз');
      try {
        assert.deepEqual(await send(), { sent: 0, retried: 1, failed: 0, skipped: 0 });
      } finally {
        inbox.refuse = false;
      }
      const [row] = (await outbox(writer.user.id)).slice(-1);
      assert.equal(row!.mail_state, 'pending');
      assert.equal(row!.mail_attempts, 1);
      assert.equal(row!.mail_next_at, new Date(now.getTime() + 60_000).toISOString(), 'retried in a minute');
      assert.deepEqual(await send(), { sent: 0, retried: 0, failed: 0, skipped: 0 }, 'not due yet');
      now = new Date(now.getTime() + 61_000);
      assert.deepEqual(await send(), { sent: 1, retried: 0, failed: 0, skipped: 0 });
      assert.equal(inbox.to(writer.user.email).at(-1)!.subject, 'Самал Редактор мақалаңызды қайтарды: Кейінге қалған хат');
      assert.equal((await outbox(writer.user.id)).at(-1)!.mail_state, 'sent');
    });

    test('a server that is down: pending with a later attempt, sent once it is back', async () => {
      await inbox.stop();
      const a = await submitted('Сервер жоқ');
      await returned(a, 'Суретті ауыстырыңыз');
      try {
        assert.deepEqual(await send(), { sent: 0, retried: 1, failed: 0, skipped: 0 });
        const row = (await outbox(writer.user.id)).at(-1)!;
        assert.equal(row.mail_state, 'pending');
        assert.ok(row.mail_next_at! > now.toISOString());
      } finally {
        await inbox.start();
      }
      now = new Date(now.getTime() + 61_000);
      assert.deepEqual(await send(), { sent: 1, retried: 0, failed: 0, skipped: 0 });
      assert.equal(inbox.to(writer.user.email).at(-1)!.subject, 'Самал Редактор мақалаңызды қайтарды: Сервер жоқ');
    });

    test('a headline with line breaks and markup injects no header and no markup', async () => {
      const a = await submitted('Қауіпті тақырып');
      await db()
        .updateTable('articles')
        .set({ headline: 'Тақырып\r\nBcc: victim@evil.test\r\n\r\n<script>alert(1)</script><b>x</b>' })
        .where('id', '=', a.id)
        .execute();
      await returned((await editor.get(`/api/newsroom/articles/${a.id}`)).json(), 'Жарайды\r\nX-Injected: yes');
      assert.deepEqual(await send(), { sent: 1, retried: 0, failed: 0, skipped: 0 });
      const mail = inbox.received.at(-1)!;
      assert.deepEqual(mail.to, [writer.user.email], 'no Bcc recipient in the envelope');
      assert.ok(!mail.headerLines.some((l) => /^(bcc|x-injected):/i.test(l)), mail.headerLines.join('\n'));
      assert.equal(mail.subject, 'Самал Редактор мақалаңызды қайтарды: Тақырып Bcc: victim@evil.test <script>alert(1)</script><b>x</b>');
      assert.ok(!/[\r\n]/.test(mail.subject));
      assert.match(mail.headers.get('content-type') ?? '', /^text\/plain/, 'plain text: nothing in it is markup');
      assert.ok(!/text\/html/i.test(mail.raw), 'no HTML part');
      assert.ok(mail.text.includes('<script>alert(1)</script>'), 'shown as the text it is');
    });

    // Last: the clock moves on by days.
    test(`after ${MAIL_MAX_ATTEMPTS} refused attempts the row is failed and logged once`, async () => {
      const logs: string[] = [];
      const mailer = new NotificationMailer({
        db: db(),
        mail: site.config.mail!,
        baseUrl: site.config.baseUrl,
        clock: () => now,
        log: (msg) => logs.push(msg),
      });
      inbox.refuse = true;
      try {
        const a = await submitted('Жетпеген хат');
        await returned(a, 'Қайта жазыңыз');
        for (let i = 1; i < MAIL_MAX_ATTEMPTS; i++) {
          assert.deepEqual(await mailer.runOnce(), { sent: 0, retried: 1, failed: 0, skipped: 0 }, `attempt ${i}`);
          now = new Date(now.getTime() + 3 * 3_600_000);
        }
        assert.deepEqual(await mailer.runOnce(), { sent: 0, retried: 0, failed: 1, skipped: 0 });
        now = new Date(now.getTime() + 24 * 3_600_000);
        assert.deepEqual(await mailer.runOnce(), { sent: 0, retried: 0, failed: 0, skipped: 0 });
      } finally {
        inbox.refuse = false;
        mailer.close();
      }
      const row = (await outbox(writer.user.id)).at(-1)!;
      assert.equal(row.mail_state, 'failed');
      assert.equal(row.mail_attempts, MAIL_MAX_ATTEMPTS);
      assert.equal(logs.length, 1);
      assert.match(logs[0]!, /given up/);
    });
  });

  describe(`no e-mail without SMTP_URL on ${dialect}`, () => {
    const inbox = new Mailbox('desk', 'pw');
    let site: TestSite;
    before(async () => {
      await inbox.start();
      site = await bootSite(dialect, { content: aSection });
    });
    after(async () => {
      await site.close();
      await inbox.stop();
    });

    test('notifications are not queued, and a mailer configured later does not send them', async () => {
      assert.equal(site.config.mail, null);
      assert.equal(site.services.notificationMail, null);
      const editor = await signIn(site.app, await makeUser(site, 'editor', ['kz']));
      const writer = await signIn(site.app, await makeUser(site, 'journalist', ['kz']));
      const db = site.database.handle.db;
      const sectionId = (await db.selectFrom('sections').select('id').executeTakeFirstOrThrow()).id;
      let a = (
        await writer.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Хатсыз', lead: 'Қысқа', body: textBody() })
      ).json();
      await writer.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'submit', revision: a.revision });
      a = (await editor.get(`/api/newsroom/articles/${a.id}`)).json();
      const res = await editor.post(`/api/newsroom/articles/${a.id}/transitions`, {
        action: 'return',
        revision: a.revision,
        comment: 'Түзетіңіз',
      });
      assert.equal(res.statusCode, 200, res.body);
      const rows = await db
        .selectFrom('notifications')
        .select(['kind', 'mail_state', 'mail_next_at'])
        .where('user_id', '=', writer.user.id)
        .execute();
      assert.deepEqual(rows, [{ kind: 'returned', mail_state: null, mail_next_at: null }]);
      assert.equal((await writer.get('/api/newsroom/notifications')).json().mail, false, 'the screen offers no e-mail choice');
      // The operator sets SMTP_URL and restarts: what was written before is not mailed in a burst.
      const mailer = new NotificationMailer({
        db,
        mail: { smtpUrl: `smtp://127.0.0.1:${inbox.port}`, from: FROM },
        baseUrl: site.config.baseUrl,
        clock: () => new Date(site.now.getTime() + 86_400_000),
        log: () => undefined,
      });
      try {
        assert.deepEqual(await mailer.runOnce(), { sent: 0, retried: 0, failed: 0, skipped: 0 });
      } finally {
        mailer.close();
      }
      assert.equal(inbox.received.length, 0);
    });
  });
}
