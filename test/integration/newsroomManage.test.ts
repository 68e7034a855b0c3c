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

    test('sections: a new one joins the end of the menu and serves its page; bad or taken keys change nothing', async () => {
      const before = (await chief.get('/api/newsroom/sections')).json().items;
      assert.equal((await editor.post('/api/newsroom/sections', { key: 'culture', names: { en: { name: 'Culture' } } })).statusCode, 403);
      const bad = await chief.post('/api/newsroom/sections', { key: 'Not A Key', names: { en: { name: 'Culture' } } });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /^key/);
      const created = await chief.post('/api/newsroom/sections', {
        key: 'culture',
        names: { en: { name: 'Culture' }, kz: { name: 'Мәдениет' } },
      });
      assert.equal(created.statusCode, 201, created.body);
      assert.deepEqual(created.json().names.kz, { name: 'Мәдениет', slug: 'madeniet' });
      assert.equal(created.json().position, Math.max(...before.map((x: { position: number }) => x.position)) + 1);
      assert.equal((await site.app.inject('/kz/madeniet/')).statusCode, 200, 'the new section has its page');
      assert.ok((await site.app.inject('/kz/')).body.includes('Мәдениет'), 'and is in the menu');
      assert.equal(
        (await chief.post('/api/newsroom/sections', { key: 'culture', names: { en: { name: 'Arts' } } })).json().error.code,
        'KEY_TAKEN',
      );
      const taken = await chief.post('/api/newsroom/sections', {
        key: 'arts',
        names: { ru: { name: 'Искусство' }, en: { name: 'Culture' } },
      });
      assert.equal(taken.statusCode, 409, 'the en slug "culture" is taken');
      assert.equal(
        (await chief.get('/api/newsroom/sections')).json().items.length,
        before.length + 1,
        'the refused section was not half-made',
      );

      const id = created.json().id;
      const refused = await chief.patch(`/api/newsroom/sections/${id}`, {
        names: { kz: { name: 'Өнер' }, en: { name: 'x', slug: before[0].names.en.slug } },
      });
      assert.equal(refused.statusCode, 409);
      const kept = (await chief.get('/api/newsroom/sections')).json().items.find((x: { id: number }) => x.id === id);
      assert.equal(kept.names.kz.name, 'Мәдениет', 'the kz rename before the refused en one was rolled back');
      assert.equal((await chief.patch('/api/newsroom/sections/99999', { names: { en: { name: 'Nowhere' } } })).statusCode, 404);
    });

    test('sections: a slug where other pages live ("tag", "latest", …) is refused with SLUG_RESERVED and changes nothing', async () => {
      const before = (await chief.get('/api/newsroom/sections')).json().items;
      const made = await chief.post('/api/newsroom/sections', { key: 'tags-desk', names: { en: { name: 'Tag' } } });
      assert.equal(made.statusCode, 400, made.body);
      assert.equal(made.json().error.code, 'SLUG_RESERVED');
      assert.equal((await chief.get('/api/newsroom/sections')).json().items.length, before.length, 'nothing was made');
      const first = before[0];
      const renamed = await chief.patch(`/api/newsroom/sections/${first.id}`, { names: { ru: { name: 'Последние', slug: 'latest' } } });
      assert.equal(renamed.statusCode, 400, renamed.body);
      assert.equal(renamed.json().error.code, 'SLUG_RESERVED');
      assert.deepEqual((await chief.get('/api/newsroom/sections')).json().items[0].names, first.names, 'the names are as they were');
      assert.equal((await site.app.inject('/ru/latest')).statusCode, 200, 'the latest page is still there');
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
      assert.ok(
        search.some((t: { id: number }) => t.id === tag.id),
        'case-insensitive in Cyrillic',
      );
      assert.equal((await journalist.patch(`/api/newsroom/tags/${tag.id}`, { names: { ru: { name: 'Наводнение' } } })).statusCode, 403);

      const target = (await chief.post('/api/newsroom/tags', { names: { ru: { name: 'Половодье' } } })).json();
      const article = await db()
        .selectFrom('articles')
        .select('id')
        .where('edition', '=', 'ru')
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      await db().insertInto('article_tags').values({ article_id: article.id, tag_id: tag.id, position: 9 }).execute();
      assert.equal((await editor.post(`/api/newsroom/tags/${tag.id}/merge`, { into: target.id })).statusCode, 403);
      const merged = await chief.post(`/api/newsroom/tags/${tag.id}/merge`, { into: target.id });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.equal(merged.json().articlesMoved, 1);
      const moved = await db()
        .selectFrom('article_tags')
        .select('tag_id')
        .where('article_id', '=', article.id)
        .where('tag_id', '=', target.id)
        .executeTakeFirst();
      assert.ok(moved, 'the article carries the tag it was merged into');
      const old = await site.app.inject('/ru/tag/pavodok');
      assert.equal(old.statusCode, 301, "the merged tag's page redirects");
      assert.equal(old.headers.location, `/ru/tag/${target.names.ru.slug}`);
      const audit = (await chief.get('/api/newsroom/audit?action=tag.merge')).json().items;
      assert.equal(audit[0].targetId, String(tag.id));
    });

    test('tags: the picker finds names in any case and spelling, one edition or all; a % is a %', async () => {
      const tag = (
        await journalist.post('/api/newsroom/tags', { names: { kz: { name: 'Астана Опера' }, ru: { name: 'Астана Опера театры' } } })
      ).json();
      const search = async (q: string, edition?: string) =>
        (await journalist.get(`/api/newsroom/tags?q=${encodeURIComponent(q)}${edition ? `&edition=${edition}` : ''}&limit=500`))
          .json()
          .items.map((t: { id: number }) => t.id);
      for (const q of ['астана опера', 'АСТАНА ОПЕРА', 'Астана опера', 'опера', 'на Оп']) assert.ok((await search(q)).includes(tag.id), q);
      assert.ok((await search('театры', 'ru')).includes(tag.id));
      assert.ok(!(await search('театры', 'kz')).includes(tag.id), 'only names of the edition asked for');
      assert.deepEqual(await search('%'), [], 'a percent sign matches itself, not everything');
      assert.equal((await journalist.get('/api/newsroom/tags?edition=mars')).statusCode, 400);
      const inEn = (await journalist.get('/api/newsroom/tags?edition=en&limit=500')).json().items;
      assert.ok(
        inEn.length > 0 && inEn.every((t: { names: Record<string, unknown> }) => t.names.en),
        'with an edition, only tags named in it',
      );
    });

    test("tags: a renamed tag's old page redirects; a merge keeps the names the target lacks; refusals change nothing", async () => {
      const tag = (await chief.post('/api/newsroom/tags', { names: { en: { name: 'Floods 2026' } } })).json();
      const renamed = await chief.patch(`/api/newsroom/tags/${tag.id}`, { names: { en: { name: 'Spring floods' } } });
      assert.equal(renamed.json().names.en.slug, 'spring-floods');
      const old = await site.app.inject('/en/tag/floods-2026');
      assert.equal(old.statusCode, 301);
      assert.equal(old.headers.location, '/en/tag/spring-floods');

      const from = (await chief.post('/api/newsroom/tags', { names: { kz: { name: 'Көктемгі су' }, en: { name: 'High water' } } })).json();
      assert.equal((await chief.patch(`/api/newsroom/tags/${from.id}`, { names: { en: { name: 'Water level' } } })).statusCode, 200);
      const article = await db()
        .selectFrom('articles')
        .select('id')
        .where('edition', '=', 'kz')
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      await db()
        .insertInto('article_tags')
        .values([
          { article_id: article.id, tag_id: from.id, position: 8 },
          { article_id: article.id, tag_id: tag.id, position: 9 },
        ])
        .execute();
      const count = async () =>
        (
          await db()
            .selectFrom('article_tags')
            .select('tag_id')
            .where('article_id', '=', article.id)
            .where('tag_id', 'in', [from.id, tag.id])
            .orderBy('tag_id')
            .execute()
        ).map((r) => r.tag_id);
      const beforeRefusals = await count();
      assert.equal((await chief.post(`/api/newsroom/tags/${from.id}/merge`, { into: 99999 })).statusCode, 404);
      assert.equal((await chief.post(`/api/newsroom/tags/${from.id}/merge`, { into: from.id })).statusCode, 400);
      assert.deepEqual(await count(), beforeRefusals, 'refused merges moved nothing');

      const merged = await chief.post(`/api/newsroom/tags/${from.id}/merge`, { into: tag.id });
      assert.equal(merged.statusCode, 200, merged.body);
      assert.deepEqual(await count(), [tag.id], 'one tag on the article, no duplicate');
      assert.equal(merged.json().into.names.kz.slug, 'koktemgi-su', 'the kz name the target lacked came with the merge');
      assert.equal((await site.app.inject('/kz/tag/koktemgi-su')).statusCode, 200);
      assert.equal((await site.app.inject('/en/tag/water-level')).headers.location, '/en/tag/spring-floods');
      assert.equal(
        (await site.app.inject('/en/tag/high-water')).headers.location,
        '/en/tag/spring-floods',
        'older redirects follow the merge',
      );
      assert.equal((await chief.post('/api/newsroom/tags', { names: { en: { name: 'spring FLOODS' } } })).statusCode, 409);
      const reused = await chief.post('/api/newsroom/tags', { names: { en: { name: 'High water' } } });
      assert.equal(reused.statusCode, 201, "a merged tag's name can be used again");
      assert.equal((await site.app.inject('/en/tag/high-water')).statusCode, 200, 'and its address belongs to the new tag');
    });

    test('authors: names, roles and bios per edition', async () => {
      const res = await chief.post('/api/newsroom/authors', {
        names: {
          kz: { name: 'Айгүл Серікқызы', role: 'Тілші', bio: 'Астанадағы тілші.' },
          en: { name: 'Aigul Serikkyzy', role: 'Correspondent' },
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const author = res.json();
      assert.equal(author.names.en.role, 'Correspondent');
      assert.equal((await journalist.post('/api/newsroom/authors', { names: { kz: { name: 'Біреу' } } })).statusCode, 403);
      const edited = await chief.patch(`/api/newsroom/authors/${author.id}`, {
        names: { ru: { name: 'Айгуль Серикқызы', role: 'Корреспондент' } },
      });
      assert.equal(edited.json().names.ru.name, 'Айгуль Серикқызы');
      assert.ok((await journalist.get('/api/newsroom/authors')).json().items.some((a: { id: number }) => a.id === author.id));
      const tooLong = await chief.patch(`/api/newsroom/authors/${author.id}`, { names: { kz: { name: 'Айгүл', bio: 'ә'.repeat(2001) } } });
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.json().error.message, /bio/);
      assert.equal(
        (await chief.patch(`/api/newsroom/authors/${author.id}`, { names: { kz: { name: 'Айгүл' } }, photoAssetId: 99999 })).statusCode,
        400,
      );
      assert.equal((await chief.patch('/api/newsroom/authors/99999', { names: { kz: { name: 'Ешкім' } } })).statusCode, 404);
      const kept = (await chief.get('/api/newsroom/authors')).json().items.find((a: { id: number }) => a.id === author.id);
      assert.deepEqual(kept.names.kz, { name: 'Айгүл Серікқызы', role: 'Тілші', bio: 'Астанадағы тілші.' }, 'refusals changed nothing');
    });

    test('users: an admin creates, changes roles and desks, disables — audited; nobody else may', async () => {
      assert.equal((await chief.get('/api/newsroom/users')).statusCode, 403);
      const created = await admin.post('/api/newsroom/users', {
        email: 'new.writer@agency.kz',
        name: 'Жаңа тілші',
        password: 'welcome passphrase',
        role: 'journalist',
        desks: ['kz'],
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal(created.json().mustChangePassword, true);
      assert.equal(
        (
          await admin.post('/api/newsroom/users', {
            email: 'NEW.writer@agency.kz',
            name: 'x',
            password: 'welcome passphrase',
            role: 'journalist',
          })
        ).statusCode,
        409,
      );
      const writer = await signIn(site.app, {
        id,
        email: 'new.writer@agency.kz',
        password: 'welcome passphrase',
        role: 'journalist',
        desks: ['kz'],
      });
      const promoted = await admin.patch(`/api/newsroom/users/${id}`, { role: 'editor', desks: ['kz', 'ru'] });
      assert.equal(promoted.json().role, 'editor');
      assert.equal((await admin.patch(`/api/newsroom/users/${id}`, { desks: ['mars'] })).statusCode, 400);
      assert.equal(
        (await admin.patch(`/api/newsroom/users/${admin.user.id}`, { disabled: true })).statusCode,
        400,
        'an admin cannot lock themselves out',
      );
      assert.equal((await admin.patch(`/api/newsroom/users/${id}`, { disabled: true })).statusCode, 200);
      assert.equal((await writer.get('/api/newsroom/session')).statusCode, 401, 'their session ended');
      const audit = (await admin.get('/api/newsroom/audit?limit=20'))
        .json()
        .items.filter((e: { targetId: string }) => e.targetId === String(id));
      assert.deepEqual(audit.map((e: { action: string }) => e.action).sort(), ['user.create', 'user.desks', 'user.disable', 'user.role']);
      assert.equal((await editor.get('/api/newsroom/audit')).statusCode, 403);
    });

    test('users: an admin keeps their own role and account; a reset password must be changed; unknown ids are 404', async () => {
      const self = await admin.patch(`/api/newsroom/users/${admin.user.id}`, { role: 'editor', desks: ['kz'] });
      assert.equal(self.statusCode, 400);
      assert.match(self.json().error.message, /^role/);
      const me = await db().selectFrom('users').select(['role', 'desks']).where('id', '=', admin.user.id).executeTakeFirstOrThrow();
      assert.equal(me.role, 'admin');
      assert.equal(me.desks, '', 'nothing of the refused patch was written');
      assert.equal((await admin.patch('/api/newsroom/users/99999', { name: 'Ешкім' })).statusCode, 404);

      const person = await makeUser(site, 'journalist', ['ru']);
      const session = await signIn(site.app, person);
      assert.equal((await admin.patch(`/api/newsroom/users/${person.id}`, { password: 'short' })).statusCode, 400);
      assert.equal((await session.get('/api/newsroom/session')).statusCode, 200, 'a refused reset ends nothing');
      const reset = await admin.patch(`/api/newsroom/users/${person.id}`, { password: 'temporary passphrase', name: 'Тілші Жаңа' });
      assert.equal(reset.statusCode, 200, reset.body);
      assert.equal(reset.json().mustChangePassword, true);
      assert.equal(reset.json().name, 'Тілші Жаңа');
      assert.equal((await session.get('/api/newsroom/session')).statusCode, 401, 'the reset ended their sessions');
      const again = await signIn(site.app, { ...person, password: 'temporary passphrase' });
      assert.equal((await again.get('/api/newsroom/sections')).json().error.code, 'PASSWORD_CHANGE_REQUIRED');
      const audit = (await admin.get('/api/newsroom/audit?action=user.password_reset')).json().items;
      assert.equal(audit[0].targetId, String(person.id));
      assert.equal(audit[0].user.id, admin.user.id);
    });

    test('a journalist who calls the management API changes nothing', async () => {
      const victim = await makeUser(site, 'editor', ['ru']);
      const before = await db()
        .selectFrom('users')
        .select(['role', 'desks', 'disabled'])
        .where('id', '=', victim.id)
        .executeTakeFirstOrThrow();
      for (const res of [
        await journalist.patch(`/api/newsroom/users/${victim.id}`, { role: 'admin' }),
        await journalist.post('/api/newsroom/users', { email: 'x@agency.kz', name: 'x', password: 'welcome passphrase', role: 'admin' }),
        await journalist.put('/api/newsroom/sections/order', { ids: [1] }),
      ])
        assert.equal(res.statusCode, 403);
      assert.deepEqual(
        await db().selectFrom('users').select(['role', 'desks', 'disabled']).where('id', '=', victim.id).executeTakeFirstOrThrow(),
        before,
      );
      assert.equal(await db().selectFrom('users').select('id').where('email', '=', 'x@agency.kz').executeTakeFirst(), undefined);
    });
  });
}
