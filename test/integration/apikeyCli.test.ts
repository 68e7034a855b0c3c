// `habarshy apikey create|list|revoke` as staff use it, against SQLite and PostgreSQL, with a
// running app using the keys it makes: shown once, stored hashed, counted, refused once revoked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';

const BIN = path.resolve('bin/habarshy.js');

for (const dialect of dialects()) {
  describe(`habarshy apikey on ${dialect}`, () => {
    let database: TestDatabase;
    let built: App;
    const habarshy = (args: string[]) => {
      const r = spawnSync(process.execPath, [BIN, 'apikey', ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const call = (key: string) => built.app.inject({ method: 'GET', url: '/api/v1/editions', headers: { authorization: `Bearer ${key}` } });

    before(async () => {
      database = await freshDatabase(dialect);
      const config = loadConfig({
        DATA_DIR: database.dataDir,
        DATABASE_URL: database.url,
        BASE_URL: 'https://habarshy.test',
        LOG_LEVEL: 'silent',
      });
      built = await buildApp(config, { handle: database.handle, logger: false });
      await built.app.ready();
    });
    after(async () => {
      await built.app.close().catch(() => undefined);
      await database.drop();
    });

    test('--help for the command and each action; bad arguments exit 2 before touching the database', () => {
      for (const args of [['--help'], ['create', '--help'], ['list', '--help'], ['revoke', '--help']]) {
        const r = habarshy(args);
        assert.equal(r.code, 0, args.join(' '));
        assert.match(r.stdout, /^Usage:\s+habarshy apikey create --name NAME/);
        assert.match(r.stdout, /revoke ID/);
      }
      assert.equal(habarshy(['create']).code, 2, 'create needs --name');
      assert.equal(habarshy(['create', '--name', '']).code, 2);
      assert.equal(habarshy(['revoke', 'abc']).code, 2);
      assert.equal(habarshy(['revoke']).code, 2);
      assert.equal(habarshy(['rotate']).code, 2);
      assert.equal(habarshy(['list', '--bogus']).code, 2);
    });

    test('create prints the key once; list shows it without the key; the app counts its use; revoke refuses it', async () => {
      const created = habarshy(['create', '--name', 'Partner agency']);
      assert.equal(created.code, 0, created.stderr);
      const key = /^(hbk_[A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
      assert.ok(key, created.stdout);
      const id = Number(/created key (\d+)/.exec(created.stdout)?.[1]);
      assert.ok(id > 0);

      const row = await database.handle.db
        .selectFrom('api_keys')
        .select(['name', 'prefix', 'hash', 'requests', 'revoked_at', 'last_used_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.hash, createHash('sha256').update(key).digest('hex'), 'stored as its SHA-256');
      assert.equal(row.prefix, key.slice(0, 12));
      assert.ok(!JSON.stringify(row).includes(key), 'the key itself is not stored');

      const listed = habarshy(['list']);
      assert.equal(listed.code, 0);
      const line = listed.stdout.split('\n').find((l) => l.startsWith(`${id}\t`));
      assert.ok(line, listed.stdout);
      assert.deepEqual(line.split('\t').slice(1, 3), [`${key.slice(0, 12)}…`, 'Partner agency']);
      assert.match(line, /\tnever\t0\tactive$/);
      assert.ok(!listed.stdout.includes(key), 'list never shows a key');

      for (let i = 0; i < 3; i++) assert.equal((await call(key)).statusCode, 200);
      const revoked = habarshy(['revoke', String(id)]);
      assert.equal(revoked.code, 0, revoked.stderr);
      const refused = await call(key);
      assert.equal(refused.statusCode, 401);
      assert.equal(JSON.parse(refused.body).error.code, 'REVOKED_KEY');
      assert.equal(habarshy(['revoke', String(id)]).code, 1, 'revoking twice says there is no live key');
      assert.equal(habarshy(['revoke', '999999']).code, 1);

      await built.app.close(); // writes the counted requests
      const after = habarshy(['list'])
        .stdout.split('\n')
        .find((l) => l.startsWith(`${id}\t`))!;
      const fields = after.split('\t');
      assert.equal(fields[5], '3', 'three accepted requests');
      assert.match(fields[4]!, /^\d{4}-\d{2}-\d{2}T/, 'last used time');
      assert.match(fields[6]!, /^revoked \d{4}-/);
    });
  });
}
