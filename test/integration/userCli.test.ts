// `habarshy user` as an operator uses it on a fresh install, against SQLite and PostgreSQL: create
// the first admin non-interactively, sign in with it through the app, list, reset, disable.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { SHARED_DATA_DIR } from '../support/site.ts';

const BIN = path.resolve('bin/habarshy.js');

for (const dialect of dialects()) {
  describe(`habarshy user on ${dialect}`, () => {
    let database: TestDatabase;
    let built: App;
    const habarshy = (args: string[], input = '') => {
      const r = spawnSync(process.execPath, [BIN, 'user', ...args], {
        encoding: 'utf8',
        timeout: 60_000,
        input,
        env: { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    /**
     * Runs the command on a pseudo-terminal (util-linux `script`), typing each answer once its
     * prompt has appeared (typed earlier, the terminal itself would echo it). `\x03` is Ctrl-C.
     */
    const habarshyOnTerminal = (args: string[], answers: { prompt: string; type: string }[]) =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        const command = [process.execPath, BIN, 'user', ...args].map((a) => `'${a}'`).join(' ');
        const child = spawn('script', ['-qefc', command, '/dev/null'], {
          env: { ...process.env, DATA_DIR: database.dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
        });
        let output = '';
        let next = 0;
        let seenUpTo = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          const answer = answers[next];
          const at = answer ? output.indexOf(answer.prompt, seenUpTo) : -1;
          if (answer && at >= 0) {
            next += 1;
            seenUpTo = at + answer.prompt.length;
            setTimeout(() => child.stdin.write(answer.type), 150);
          }
        });
        const timer = setTimeout(() => child.kill(), 60_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          resolve({ code, output });
        });
      });
    const login = (email: string, password: string) =>
      built.app.inject({ method: 'POST', url: '/api/newsroom/session', payload: { email, password } });

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

    test('the demo content brings a demo admin whose password is printed once and must be changed', async () => {
      const demo = await freshDatabase(dialect);
      try {
        const seed = (args: string[]) =>
          spawnSync(process.execPath, [BIN, 'seed', ...args], {
            encoding: 'utf8',
            timeout: 120_000,
            env: { ...process.env, DATA_DIR: SHARED_DATA_DIR, DATABASE_URL: demo.url, LOG_LEVEL: 'warn' },
          });
        const first = seed([]);
        assert.equal(first.status, 0, first.stderr);
        const printed = /newsroom demo admin: (\S+), password (\S+) \(shown once/.exec(first.stdout);
        assert.ok(printed, first.stdout);
        assert.equal(printed[1], 'admin@habarshy.local');
        assert.doesNotMatch(seed([]).stdout, /password/, 'never printed again');
        const config = loadConfig({
          DATA_DIR: SHARED_DATA_DIR,
          DATABASE_URL: demo.url,
          BASE_URL: 'https://habarshy.test',
          LOG_LEVEL: 'silent',
        });
        const app = await buildApp(config, { handle: demo.handle, logger: false });
        try {
          const res = await app.app.inject({
            method: 'POST',
            url: '/api/newsroom/session',
            payload: { email: printed[1], password: printed[2] },
          });
          assert.equal(res.statusCode, 200);
          assert.equal(res.json().user.role, 'admin');
          assert.equal(res.json().user.mustChangePassword, true);
        } finally {
          await app.app.close();
        }
      } finally {
        await demo.drop();
      }
    });

    test('--help, and bad arguments exit 2 without creating anyone', () => {
      for (const args of [['--help'], ['create', '--help']]) {
        const r = habarshy(args);
        assert.equal(r.code, 0);
        assert.match(r.stdout, /habarshy user create --email/);
      }
      assert.equal(habarshy(['create', '--email', 'a@b.kz', '--role', 'boss', '--password-stdin'], 'long enough password\n').code, 2);
      assert.equal(
        habarshy(['create', '--email', 'not-an-address', '--role', 'editor', '--password-stdin'], 'long enough password\n').code,
        2,
      );
      const weak = habarshy(['create', '--email', 'a@b.kz', '--role', 'editor', '--password-stdin'], 'short\n');
      assert.equal(weak.code, 2);
      assert.match(weak.stderr, /at least 10 characters/);
      assert.equal(
        habarshy(['create', '--email', 'a@b.kz', '--role', 'editor', '--desks', 'xx', '--password-stdin'], 'long enough password\n').code,
        2,
      );
      assert.equal(habarshy(['list']).stdout, '');
    });

    test('the first admin is created from a script and signs in to the newsroom', async () => {
      const r = habarshy(
        ['create', '--email', 'Admin@Agency.kz', '--role', 'admin', '--name', 'Әкімші', '--password-stdin'],
        'first admin passphrase\n',
      );
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /created admin admin@agency\.kz/);
      assert.equal(
        habarshy(['create', '--email', 'admin@agency.kz', '--role', 'admin', '--password-stdin'], 'first admin passphrase\n').code,
        2,
        'no second account with the same address',
      );
      const res = await login('admin@agency.kz', 'first admin passphrase');
      assert.equal(res.statusCode, 200);
      assert.equal(res.json().user.role, 'admin');
      assert.equal(res.json().user.name, 'Әкімші');
      const editor = habarshy(
        ['create', '--email', 'ed@agency.kz', '--role', 'editor', '--desks', 'kz,ru', '--password-stdin'],
        'editor passphrase\n',
      );
      assert.equal(editor.code, 0);
      const list = habarshy(['list'])
        .stdout.trim()
        .split('\n')
        .map((l) => l.split('\t'));
      assert.deepEqual(list.map((l) => [l[1], l[3], l[4], l[5]]).sort(), [
        ['admin@agency.kz', 'admin', 'kz,ru,en,cn,uz', 'active'],
        ['ed@agency.kz', 'editor', 'kz,ru', 'active'],
      ]);
    });

    test('on a terminal the password is asked twice and never shown; a mismatch or Ctrl-C creates nobody', async () => {
      const typed = 'typed at the terminal';
      const ok = await habarshyOnTerminal(
        ['create', '--email', 'desk@agency.kz', '--role', 'journalist', '--desks', 'kz'],
        [
          { prompt: 'Password: ', type: `${typed}\r` },
          { prompt: 'Password again: ', type: `${typed}\r` },
        ],
      );
      assert.equal(ok.code, 0, ok.output);
      assert.ok(!ok.output.includes(typed), 'the password is not echoed');
      assert.equal((await login('desk@agency.kz', typed)).statusCode, 200);

      const differ = await habarshyOnTerminal(
        ['create', '--email', 'differ@agency.kz', '--role', 'editor'],
        [
          { prompt: 'Password: ', type: `${typed}\r` },
          { prompt: 'Password again: ', type: 'something else entirely\r' },
        ],
      );
      assert.equal(differ.code, 2);
      assert.match(differ.output, /differ/);
      const cancelled = await habarshyOnTerminal(
        ['create', '--email', 'cancel@agency.kz', '--role', 'editor'],
        [{ prompt: 'Password: ', type: '\x03' }],
      );
      assert.equal(cancelled.code, 130);
      const emails = habarshy(['list'])
        .stdout.split('\n')
        .map((l) => l.split('\t')[1]);
      assert.ok(
        emails.includes('desk@agency.kz') && !emails.includes('differ@agency.kz') && !emails.includes('cancel@agency.kz'),
        emails.join(' '),
      );
      const piped = habarshy(['create', '--email', 'nopipe@agency.kz', '--role', 'editor'], 'a password on a pipe\n');
      assert.equal(piped.code, 2, 'without a terminal the password must come with --password-stdin');
      assert.match(piped.stderr, /--password-stdin/);
    });

    test('a reset password must be changed at the next login; a disabled account cannot sign in', async () => {
      const cookie = (await login('ed@agency.kz', 'editor passphrase')).cookies.find((c) => c.name === 'hb_session')!;
      const reset = habarshy(['password', '--email', 'ed@agency.kz', '--password-stdin'], 'temporary passphrase\n');
      assert.equal(reset.code, 0, reset.stderr);
      assert.equal(
        (await built.app.inject({ url: '/api/newsroom/session', headers: { cookie: `hb_session=${cookie.value}` } })).statusCode,
        401,
        'old sessions end',
      );
      assert.equal((await login('ed@agency.kz', 'editor passphrase')).statusCode, 401);
      const fresh = await login('ed@agency.kz', 'temporary passphrase');
      assert.equal(fresh.json().user.mustChangePassword, true);
      assert.equal(habarshy(['disable', '--email', 'ed@agency.kz']).code, 0);
      assert.equal((await login('ed@agency.kz', 'temporary passphrase')).json().error.code, 'DISABLED');
      assert.equal(habarshy(['disable', '--email', 'nobody@agency.kz']).code, 2);
    });
  });
}
