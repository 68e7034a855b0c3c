// Two app processes over one PostgreSQL database (as behind a load balancer): what the newsroom
// does in one reaches the cached pages of the other through LISTEN/NOTIFY — a published article
// appears on the other's home, a renamed section in the other's menu.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import { bootSite, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { dialects } from '../support/databases.ts';

const eventually = async (check: () => Promise<boolean>, what: string) => {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what} did not happen within 5 s`);
};

if (dialects().includes('postgres')) {
  describe('two processes on PostgreSQL', () => {
    let site: TestSite;
    let other: App;
    let otherHandle: DbHandle;
    let chief: Client;
    before(async () => {
      site = await bootSite('postgres');
      otherHandle = connect(site.database.url, { poolSize: 2 });
      other = await buildApp(site.config, { handle: otherHandle, clock: () => site.now, logger: false });
      await other.app.ready();
      chief = await signedIn(site, 'chief');
    });
    after(async () => {
      await other.app.close();
      await otherHandle.close();
      await site.close();
    });

    test('a publication in one process drops the other\'s cached home page', async () => {
      const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      assert.equal((await other.app.inject('/kz/')).statusCode, 200, 'the other process caches its home');
      const a = (await chief.post('/api/newsroom/articles', { edition: 'kz', sectionId, headline: 'Екі процесте көрінетін жаңалық', lead: 'Лид.' })).json();
      assert.equal((await chief.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).statusCode, 200);
      await eventually(async () => (await other.app.inject('/kz/')).body.includes('Екі процесте көрінетін жаңалық'), 'the other home showing it');
    });

    test('a renamed section reaches the other process\'s menu', async () => {
      const sections = (await chief.get('/api/newsroom/sections')).json().items;
      assert.ok((await other.app.inject('/en/')).statusCode === 200);
      const renamed = await chief.patch(`/api/newsroom/sections/${sections[0].id}`, { names: { en: { name: 'Across Processes' } } });
      assert.equal(renamed.statusCode, 200, renamed.body);
      await eventually(async () => (await other.app.inject('/en/')).body.includes('Across Processes'), 'the other menu showing the new name');
    });
  });
}
