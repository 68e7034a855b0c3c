// Two app processes over one PostgreSQL database (as behind a load balancer): what the newsroom
// does in one reaches the cached pages of the other through LISTEN/NOTIFY — a published article
// appears on the other's home, a renamed section in the other's menu.
//
// On SQLite one server process owns a database (docs/adr/0001-database-faults.md): a second
// `habarshy serve` is refused with one line, and a second writer (the CLI) beside the server
// waits for the write lock instead of making anyone see SQLITE_BUSY.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import { bootSite, SHARED_DATA_DIR, type TestSite } from '../support/site.ts';
import { signedIn, type Client, textBody } from '../support/newsroom.ts';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { dialects, freshDatabase, tempDir } from '../support/databases.ts';
import { run, startServer } from '../support/processes.ts';
import { aSection } from '../support/fixtures.ts';

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
      site = await bootSite('postgres', { content: aSection });
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

    test("a publication in one process drops the other's cached home page", async () => {
      const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow())
        .id;
      assert.equal((await other.app.inject('/kz/')).statusCode, 200, 'the other process caches its home');
      const a = (
        await chief.post('/api/newsroom/articles', {
          body: textBody(),
          edition: 'kz',
          sectionId,
          headline: 'Екі процесте көрінетін жаңалық',
          lead: 'Лид.',
        })
      ).json();
      assert.equal(
        (await chief.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision })).statusCode,
        200,
      );
      await eventually(
        async () => (await other.app.inject('/kz/')).body.includes('Екі процесте көрінетін жаңалық'),
        'the other home showing it',
      );
    });

    test("a renamed section reaches the other process's menu", async () => {
      const sections = (await chief.get('/api/newsroom/sections')).json().items;
      assert.ok((await other.app.inject('/en/')).statusCode === 200);
      const renamed = await chief.patch(`/api/newsroom/sections/${sections[0].id}`, { names: { en: { name: 'Across Processes' } } });
      assert.equal(renamed.statusCode, 200, renamed.body);
      await eventually(
        async () => (await other.app.inject('/en/')).body.includes('Across Processes'),
        'the other menu showing the new name',
      );
    });
  });
}

describe('two writers on one SQLite file', () => {
  let site: Awaited<ReturnType<typeof bootSite>>;
  let chief: Client;
  before(async () => {
    site = await bootSite('sqlite', { content: aSection });
    chief = await signedIn(site, 'chief');
  });
  after(() => site.close());

  test('the newsroom saving while another process writes: no request fails, no write of the other fails', async () => {
    const sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    const created = (
      await chief.post('/api/newsroom/articles', { body: textBody(), edition: 'kz', sectionId, headline: 'Екі жазушы', lead: 'Лид.' })
    ).json();
    let revision = created.revision as number;
    const other = run(['--import', 'tsx', 'test/support/sqliteWriter.ts', site.database.url, '400']);
    const cli = run(['bin/habarshy.js', 'lexicon', 'add', '--scheme', 'kk-Latn-2018', 'жүктеме', 'júkteme'], {
      DATABASE_URL: site.database.url,
    });
    let otherDone = false;
    void other.then(() => {
      otherDone = true;
    });
    const statuses = new Map<number, number>();
    let saves = 0;
    while (!otherDone || saves < 20) {
      const saved = await chief.put(`/api/newsroom/articles/${created.id}`, { revision, headline: `Екі жазушы ${saves}` });
      statuses.set(saved.statusCode, (statuses.get(saved.statusCode) ?? 0) + 1);
      if (saved.statusCode === 200) revision = saved.json().revision;
      saves += 1;
    }
    assert.deepEqual([...statuses.keys()], [200], `statuses of ${saves} saves: ${JSON.stringify([...statuses])}`);
    const result = await other;
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), { failures: 0 }, result.stderr);
    const added = await cli;
    assert.equal(added.code, 0, added.stderr);
  });
});

describe('a second server on one SQLite file', () => {
  test('is refused with one line naming PostgreSQL; the CLI keeps working beside the first', async () => {
    // A database with content (one section), so the servers start without generating the demo.
    const database = await freshDatabase('sqlite');
    await aSection(database.handle.db);
    await database.handle.close();
    const env = { DATA_DIR: SHARED_DATA_DIR, DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'info' };
    const first = await startServer(env);
    assert.ok(first.running, first.stderr);
    try {
      const second = await startServer(env);
      await second.stop();
      assert.equal(second.running, false, 'the second server must not start');
      assert.notEqual(second.code, 0);
      const lines = second.stderr.trim().split('\n');
      assert.equal(lines.length, 1, second.stderr);
      assert.match(lines[0]!, /^habarshy serve: another habarshy server is already running on .*test\.db\b.*PostgreSQL/);
      const cli = await run(['bin/habarshy.js', 'lexicon', 'add', '--scheme', 'kk-Latn-2018', 'қатар', 'qatar'], env);
      assert.equal(cli.code, 0, cli.stderr);
    } finally {
      await first.stop();
    }
    // The lock goes with the process: a server starts again.
    const again = await startServer(env);
    await again.stop();
    assert.ok(again.running, `a server starts once the first one has stopped: ${again.stderr}`);
    await database.drop();
  });
});

describe('a first start', () => {
  test('with a DATA_DIR that does not exist yet creates it, with the demo content, and serves', async () => {
    const parent = tempDir('habarshy-first-start-');
    const dataDir = path.join(parent, 'not', 'yet');
    const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'info' });
    try {
      assert.ok(server.running, `the server starts: ${server.stderr}`);
      assert.ok(fs.existsSync(path.join(dataDir, 'habarshy.db')), 'the database is in the new folder');
    } finally {
      await server.stop();
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
