// Management through the newsroom API, on SQLite and PostgreSQL: sections, tags (created while
// writing, renamed, merged with redirects), authors, users (roles, desks, disabling — audited),
// and the audit log; each refused change leaves everything as it was.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, type TestSite } from '../support/site.ts';
import { makeUser, signedIn, signIn, type Client } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';

for (const dialect of dialects()) {
  describe(`newsroom management on ${dialect}`, () => {
    let site: TestSite;
    let admin: Client;
    let chief: Client;
    let editor: Client;
    let journalist: Client;
    before(async () => {
      site = await bootSite(dialect);
      admin = await signedIn(site, 'admin');
      chief = await signedIn(site, 'chief');
      editor = await signedIn(site, 'editor', ['kz']);
      journalist = await signedIn(site, 'journalist', ['kz']);
    });
    after(() => site.close());
    const db = () => site.database.handle.db;

    test('sections: renamed per edition with a new slug, reordered; only chiefs and admins may', async () => {
      const sections = (await journalist.get('/api/newsroom/sections')).json().items;
      assert.ok(sections.length >= 5);
      const first = sections[0];
      assert.equal((await editor.patch(`/api/newsroom/sections/${first.id}`, { names: { en: { name: 'Headlines' } } })).statusCode, 403);
      const renamed = await chief.patch(`/api/newsroom/sections/${first.id}`, { names: { en: { name: 'Top Headlines' } } });
      assert.equal(renamed.statusCode, 200, renamed.body);
      assert.deepEqual(renamed.json().names.en, { name: 'Top Headlines', slug: 'top-headlines' });
      const page = await site.app.inject('/en/top-headlines/');
      assert.equal(page.statusCode, 200, 'the new slug serves the section');
      assert.ok((await site.app.inject('/en/')).body.includes('Top Headlines'), 'the menu shows the new name');
      const ids = sections.map((s: { id: number }) => s.id).reverse();
      assert.equal((await chief.put('/api/newsroom/sections/order', { ids: ids.slice(1) })).statusCode, 400, 'every section exactly once');
      assert.equal((await chief.put('/api/newsroom/sections/order', { ids })).statusCode, 204);
      assert.equal((await journalist.get('/api/newsroom/sections')).json().items[0].id, ids[0]);
    });

    test('tags: found by name in any script, created by a journalist, renamed and merged by a chief', async () => {
      const found = (await journalist.get(`/api/newsroom/tags?q=${encodeURIComponent('аст')}&edition=kz`)).json().items;
      assert.ok(Array.isArray(found));
      const created = await journalist.post('/api/newsroom/tags', { names: { kz: { name: 'Су тасқыны' }, ru: { name: 'Паводок' } } });
      assert.equal(created.statusCode, 201, created.body);
      const tag = created.json();
      assert.equal(tag.names.kz.slug, 'su-tasqyny');
      assert.equal((await journalist.post('/api/newsroom/tags', { names: { kz: { name: 'су тасқыны' } } })).statusCode, 409);
      const search = (await journalist.get(`/api/newsroom/tags?q=${encodeURIComponent('ПАВОДОК')}`)).json().items;
      assert.ok(search.some((t: { id: number }) => t.id === tag.id), 'case-insensitive in Cyrillic');
      assert.equal((await journalist.patch(`/api/newsroom/tags/${tag.id}`, { names: { ru: { name: 'Наводнение' } } })).statusCode, 403);

      const target = (await chief.post('/api/newsroom/tags', { names: { ru: { name: 'Половодье' } } })).json();
      const article = await db().selectFrom('articles').select('id').where('edition', '=', 'ru').where('status', '=', 'published').executeTakeFirstOrThrow();
      await db().insertInto('article_tags').values({ article_id: article.id, tag_id: tag.id, position: 9 }).execute();
      assert.equal((await editor.post(`/api/newsroom/tags/${tag.id}/merge`, { into: target.id })).statusCode, 403);
      const merged = await chief.post(`/api/newsroom/tags/${tag.id}/merge`, { into: target.id });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.equal(merged.json().articlesMoved, 1);
      const moved = await db().selectFrom('article_tags').select('tag_id').where('article_id', '=', article.id).where('tag_id', '=', target.id).executeTakeFirst();
      assert.ok(moved, 'the article carries the tag it was merged into');
      const old = await site.app.inject('/ru/tag/pavodok');
      assert.equal(old.statusCode, 301, 'the merged tag\'s page redirects');
      assert.equal(old.headers.location, `/ru/tag/${target.names.ru.slug}`);
      const audit = (await chief.get('/api/newsroom/audit?action=tag.merge')).json().items;
      assert.equal(audit[0].targetId, String(tag.id));
    });

    test('authors: names, roles and bios per edition', async () => {
      const res = await chief.post('/api/newsroom/authors', { names: { kz: { name: 'Айгүл Серікқызы', role: 'Тілші', bio: 'Астанадағы тілші.' }, en: { name: 'Aigul Serikkyzy', role: 'Correspondent' } } });
      assert.equal(res.statusCode, 201, res.body);
      const author = res.json();
      assert.equal(author.names.en.role, 'Correspondent');
      assert.equal((await journalist.post('/api/newsroom/authors', { names: { kz: { name: 'Біреу' } } })).statusCode, 403);
      const edited = await chief.patch(`/api/newsroom/authors/${author.id}`, { names: { ru: { name: 'Айгуль Серикқызы', role: 'Корреспондент' } } });
      assert.equal(edited.json().names.ru.name, 'Айгуль Серикқызы');
      assert.ok((await journalist.get('/api/newsroom/authors')).json().items.some((a: { id: number }) => a.id === author.id));
    });

    test('users: an admin creates, changes roles and desks, disables — audited; nobody else may', async () => {
      assert.equal((await chief.get('/api/newsroom/users')).statusCode, 403);
      const created = await admin.post('/api/newsroom/users', { email: 'new.writer@agency.kz', name: 'Жаңа тілші', password: 'welcome passphrase', role: 'journalist', desks: ['kz'] });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal(created.json().mustChangePassword, true);
      assert.equal((await admin.post('/api/newsroom/users', { email: 'NEW.writer@agency.kz', name: 'x', password: 'welcome passphrase', role: 'journalist' })).statusCode, 409);
      const writer = await signIn(site.app, { id, email: 'new.writer@agency.kz', password: 'welcome passphrase', role: 'journalist', desks: ['kz'] });
      const promoted = await admin.patch(`/api/newsroom/users/${id}`, { role: 'editor', desks: ['kz', 'ru'] });
      assert.equal(promoted.json().role, 'editor');
      assert.equal((await admin.patch(`/api/newsroom/users/${id}`, { desks: ['mars'] })).statusCode, 400);
      assert.equal((await admin.patch(`/api/newsroom/users/${admin.user.id}`, { disabled: true })).statusCode, 400, 'an admin cannot lock themselves out');
      assert.equal((await admin.patch(`/api/newsroom/users/${id}`, { disabled: true })).statusCode, 200);
      assert.equal((await writer.get('/api/newsroom/session')).statusCode, 401, 'their session ended');
      const audit = (await admin.get('/api/newsroom/audit?limit=20')).json().items.filter((e: { targetId: string }) => e.targetId === String(id));
      assert.deepEqual(audit.map((e: { action: string }) => e.action).sort(), ['user.create', 'user.desks', 'user.disable', 'user.role']);
      assert.equal((await editor.get('/api/newsroom/audit')).statusCode, 403);
    });

    test('a journalist who calls the management API changes nothing', async () => {
      const victim = await makeUser(site, 'editor', ['ru']);
      const before = await db().selectFrom('users').select(['role', 'desks', 'disabled']).where('id', '=', victim.id).executeTakeFirstOrThrow();
      for (const res of [
        await journalist.patch(`/api/newsroom/users/${victim.id}`, { role: 'admin' }),
        await journalist.post('/api/newsroom/users', { email: 'x@agency.kz', name: 'x', password: 'welcome passphrase', role: 'admin' }),
        await journalist.put('/api/newsroom/sections/order', { ids: [1] }),
      ]) assert.equal(res.statusCode, 403);
      assert.deepEqual(await db().selectFrom('users').select(['role', 'desks', 'disabled']).where('id', '=', victim.id).executeTakeFirstOrThrow(), before);
      assert.equal((await db().selectFrom('users').select('id').where('email', '=', 'x@agency.kz').executeTakeFirst()), undefined);
    });
  });
}
