// `habarshy doctor` through the CLI and /readyz, on SQLite and PostgreSQL: a healthy setup (with a
// real Varnish as the purge endpoint) passes; an unwritable DATA_DIR, an unusable database,
// migrations not run, too little free space, a purge endpoint that is down, and a mail server that
// is down or refuses the credentials each give one line and exit 1. /readyz answers 503 for missing migrations and too little free space.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { dialects, freshDatabase, tempDir, type TestDatabase } from '../support/databases.ts';
import { freePort, Varnish } from '../support/varnish.ts';
import { Mailbox } from '../support/mailbox.ts';
import { insertUser } from '../../src/store/users.ts';

const BIN = path.resolve('bin/habarshy.js');
const asRoot = process.getuid?.() === 0;

function doctor(env: Record<string, string>) {
  const r = spawnSync(process.execPath, [BIN, 'doctor'], { encoding: 'utf8', timeout: 120_000, env: doctorEnv(env) });
  return doctorOutput(r.status, r.stdout, r.stderr);
}

/** The same, leaving this process free to answer it (the test's own mail server runs in it). */
async function doctorAsync(env: Record<string, string>) {
  const child = spawn(process.execPath, [BIN, 'doctor'], { env: doctorEnv(env), timeout: 120_000 });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const [code] = (await once(child, 'close')) as [number | null];
  return doctorOutput(code, stdout, stderr);
}

function doctorEnv(env: Record<string, string>) {
  return { ...process.env, LOG_LEVEL: 'warn', EDGE_PURGE_URL: '', READY_MIN_FREE_MB: '', SMTP_URL: '', ...env };
}

function doctorOutput(code: number | null, stdout: string, stderr: string) {
  const lines = stdout.trim().split('\n').filter(Boolean);
  return { code, lines, problems: lines.slice(0, -1), stderr };
}

for (const dialect of dialects()) {
  describe(`habarshy doctor and /readyz on ${dialect}`, () => {
    let t: TestDatabase;
    let env: Record<string, string>;
    const varnish = new Varnish();

    before(async () => {
      t = await freshDatabase(dialect);
      fs.mkdirSync(path.join(t.dataDir, 'media'), { recursive: true });
      // Something to pass purges to: the shipped VCL in front of a port nobody listens on.
      await varnish.start(await freePort());
      env = { DATA_DIR: t.dataDir, DATABASE_URL: t.url, EDGE_PURGE_URL: `http://127.0.0.1:${varnish.port}/` };
    });
    after(async () => {
      await varnish.stop();
      await t.drop();
    });

    test('a healthy setup passes with exit 0', () => {
      const r = doctor(env);
      assert.deepEqual(r.problems, [], r.stderr);
      assert.equal(r.code, 0);
      assert.match(r.lines.at(-1)!, /everything checked is fine/);
    });

    test('the purge endpoint down is one line and exit 1', async () => {
      const r = doctor({ ...env, EDGE_PURGE_URL: `http://127.0.0.1:${await freePort()}/` });
      assert.equal(r.code, 1);
      assert.equal(r.problems.length, 1, r.lines.join('\n'));
      assert.match(r.problems[0]!, /^edge: PURGE http:\/\/127\.0\.0\.1:\d+\/ failed: ECONNREFUSED/);
    });

    test('the mail server: it must answer and accept the credentials; mail stuck after failures is reported', async () => {
      const inbox = new Mailbox('desk', 's3cret pass');
      await inbox.start();
      const mail = (password: string, port = inbox.port) => ({
        ...env,
        SMTP_URL: `smtp://desk:${encodeURIComponent(password)}@127.0.0.1:${port}`,
        MAIL_FROM: 'Habarshy <newsroom@agency.kz>',
      });
      try {
        const ok = await doctorAsync(mail('s3cret pass'));
        assert.deepEqual(ok.problems, [], ok.stderr);
        assert.equal(ok.code, 0);

        const refused = await doctorAsync(mail('wrong-secret'));
        assert.equal(refused.code, 1);
        assert.equal(refused.problems.length, 1, refused.lines.join('\n'));
        assert.match(refused.problems[0]!, /^mail: smtp:\/\/desk@127\.0\.0\.1:\d+ failed: EAUTH/);
        assert.ok(!refused.lines.join('\n').includes('wrong-secret'), 'the password is never printed');

        const down = await doctorAsync(mail('s3cret pass', await freePort()));
        assert.equal(down.code, 1);
        assert.match(down.problems.join('\n'), /^mail: smtp:\/\/desk@127\.0\.0\.1:\d+ failed: .*ECONNREFUSED/);
        assert.equal(inbox.received.length, 0, 'nothing was mailed');

        // A notification whose mail failed once and waits for its next attempt.
        const now = new Date().toISOString();
        const userId = await insertUser(
          t.handle.db,
          {
            email: 'doctor.mail@agency.kz',
            name: 'Дәрігер',
            passwordHash: 'x',
            role: 'journalist',
            desks: '',
            uiLang: 'kz',
            mustChangePassword: false,
          },
          now,
        );
        await t.handle.db
          .insertInto('notifications')
          .values({
            user_id: userId,
            kind: 'assigned',
            actor_id: null,
            article_id: null,
            assignment_id: null,
            comment_id: null,
            created_at: now,
            read_at: null,
            mail_state: 'pending',
            mail_attempts: 1,
            mail_next_at: now,
          })
          .execute();
        try {
          const stuck = await doctorAsync(mail('s3cret pass'));
          assert.deepEqual(stuck.problems, ['mail: 1 notification e-mail(s) waiting after failed attempts']);
          assert.deepEqual((await doctorAsync(env)).problems, [], "without SMTP_URL the outbox is nobody's concern");
        } finally {
          await t.handle.db.deleteFrom('notifications').where('user_id', '=', userId).execute();
          await t.handle.db.deleteFrom('users').where('id', '=', userId).execute();
        }
      } finally {
        await inbox.stop();
      }
    });

    test('an unusable database is one line and exit 1', async () => {
      const url =
        dialect === 'postgres'
          ? `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`
          : `sqlite:${path.join(t.dataDir, 'missing.db')}`;
      const r = doctor({ ...env, DATABASE_URL: url });
      assert.equal(r.code, 1);
      assert.equal(r.problems.length, 1, r.lines.join('\n'));
      assert.match(
        r.problems[0]!,
        dialect === 'postgres'
          ? /^database: cannot reach postgres:\/\/postgres@127\.0\.0\.1:\d+\/nowhere: .*ECONNREFUSED/
          : /^database: sqlite:.*missing\.db does not exist yet/,
      );
    });

    test('a DATA_DIR the server user cannot write is reported', () => {
      // As root every directory is writable, and running as another user needs a checkout that user
      // can read: root gets a read-only file system instead (a tmpfs remounted read-only).
      const dir = tempDir('habarshy-doctor-');
      if (asRoot) {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
        fs.mkdirSync(path.join(dir, 'media'));
        execFileSync('mount', ['-o', 'remount,ro', dir]);
      } else {
        fs.mkdirSync(path.join(dir, 'media'));
        fs.chmodSync(dir, 0o500);
      }
      try {
        const r = doctor({
          ...env,
          DATA_DIR: dir,
          DATABASE_URL: dialect === 'postgres' ? t.url : `sqlite:${path.join(t.dataDir, 'doctor-ro.db')}`,
        });
        assert.equal(r.code, 1);
        assert.ok(
          r.problems.some((p) => /^DATA_DIR .* is not writable by this user/.test(p)),
          r.lines.join('\n'),
        );
      } finally {
        if (asRoot) execFileSync('umount', [dir]);
        else fs.chmodSync(dir, 0o700);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    test('too little free space: doctor and /readyz say so', async () => {
      const r = doctor({ ...env, READY_MIN_FREE_MB: '10000000' });
      assert.equal(r.code, 1);
      assert.deepEqual(
        r.problems.map((p) => p.split(':')[0]),
        ['disk'],
      );
      const config = loadConfig({ DATA_DIR: t.dataDir, DATABASE_URL: t.url, LOG_LEVEL: 'silent', READY_MIN_FREE_MB: '10000000' });
      const built = await buildApp(config, { handle: t.handle, logger: false });
      try {
        const res = await built.app.inject('/readyz');
        assert.equal(res.statusCode, 503);
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.equal(res.json().error.code, 'UNAVAILABLE');
        assert.match(res.json().error.message, /READY_MIN_FREE_MB/);
      } finally {
        await built.app.close();
      }
    });

    test('migrations not run: doctor and /readyz say so; current again once run', async () => {
      const config = loadConfig({ DATA_DIR: t.dataDir, DATABASE_URL: t.url, LOG_LEVEL: 'silent' });
      const built = await buildApp(config, { handle: t.handle, logger: false });
      try {
        const ready = await built.app.inject('/readyz');
        assert.equal(ready.statusCode, 200);
        assert.equal(ready.json().migrations, 'current');
        const last = (await t.handle.db
          .selectFrom('kysely_migration' as never)
          .select('name' as never)
          .orderBy('name' as never, 'desc')
          .executeTakeFirstOrThrow()) as { name: string };
        await t.handle.db
          .deleteFrom('kysely_migration' as never)
          .where('name' as never, '=', last.name as never)
          .execute();
        const r = doctor(env);
        assert.equal(r.code, 1);
        assert.deepEqual(r.problems, [`database: migrations not yet run: ${last.name} (run habarshy migrate)`]);
        const res = await built.app.inject('/readyz');
        assert.equal(res.statusCode, 503);
        assert.match(res.json().error.message, new RegExp(`Migrations not yet run: ${last.name}`));
        await t.handle.db
          .insertInto('kysely_migration' as never)
          .values({ name: last.name, timestamp: new Date().toISOString() } as never)
          .execute();
        assert.equal((await built.app.inject('/readyz')).statusCode, 200);
      } finally {
        await built.app.close();
      }
    });
  });
}
