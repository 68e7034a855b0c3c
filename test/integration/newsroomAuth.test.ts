// Newsroom accounts and sessions through the HTTP API, on SQLite and PostgreSQL: login, wrong
// passwords, login throttles that cannot lock the owner out (per account and address, per address,
// per account; known devices), the audit of sign-ins, CSRF and cross-site requests, idle and
// expired sessions, logout here and everywhere, the forced password change, disabled accounts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bootSite, FIXED_NOW, type TestSite } from '../support/site.ts';
import { nothing } from '../support/fixtures.ts';
import { makeUser, signIn, TEST_PASSWORD } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { AuthService, SESSION_IDLE_MS } from '../../src/services/newsroom/auth.ts';
import { ACCOUNT_PRESSURE_FAILURES, MAX_FAILURES_PER_ADDRESS, PAIR_FREE_FAILURES } from '../../src/services/newsroom/loginThrottle.ts';
import { updateUser } from '../../src/store/users.ts';
import { buildApp } from '../../src/app.ts';
import { connect } from '../../src/db/connect.ts';

for (const dialect of dialects()) {
  describe(`newsroom accounts on ${dialect}`, () => {
    let site: TestSite;
    let now = FIXED_NOW.getTime();
    before(async () => {
      site = await bootSite(dialect, { clock: () => new Date(now), content: nothing });
    });
    after(() => site.close());

    const login = (email: string, password: string, ip = '10.0.0.1') =>
      site.app.inject({
        method: 'POST',
        url: '/api/newsroom/session',
        payload: { email, password },
        remoteAddress: ip,
      });
    const sessionCount = async (userId: number) =>
      Number(
        (
          await site.database.handle.db
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('user_id', '=', userId)
            .executeTakeFirstOrThrow()
        ).n,
      );

    test('a user signs in, sees who they are, and signs out', async () => {
      const user = await makeUser(site, 'editor', ['kz', 'ru']);
      const res = await login(user.email.toUpperCase(), TEST_PASSWORD);
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'hb_session');
      assert.ok(cookie?.httpOnly, 'the session cookie is HttpOnly');
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(res.headers['cache-control'], 'no-store');
      const body = res.json();
      assert.deepEqual(body.user.desks, ['kz', 'ru']);
      assert.equal(body.user.role, 'editor');
      assert.ok(!JSON.stringify(body).includes('scrypt'), 'no password hash leaves the server');

      const client = await signIn(site.app, user);
      assert.equal((await client.get('/api/newsroom/session')).json().user.email, user.email);
      assert.equal((await client.delete('/api/newsroom/session')).statusCode, 204);
      assert.equal((await client.get('/api/newsroom/session')).statusCode, 401);
    });

    test('a wrong password or an unknown address is refused the same way', async () => {
      const user = await makeUser(site, 'journalist', ['kz']);
      const wrong = await login(user.email, 'not the password', '10.0.1.1');
      const unknown = await login('nobody@newsroom.test', 'whatever it is', '10.0.1.1');
      for (const res of [wrong, unknown]) {
        assert.equal(res.statusCode, 401);
        assert.equal(res.json().error.code, 'BAD_CREDENTIALS');
        assert.equal(res.cookies.length, 0);
      }
      assert.equal(wrong.json().error.message, unknown.json().error.message);
    });

    test('a lockout is not a weapon: failures from one address do not stop the owner elsewhere', async () => {
      const user = await makeUser(site, 'admin');
      // Case and space variants of the address are the same account.
      const variants = [user.email, user.email.toUpperCase(), ` ${user.email} `, user.email, ` ${user.email.toUpperCase()}`];
      for (const [i, email] of variants.entries()) {
        const res = await login(email, `wrong password ${i}`, '127.0.0.2');
        assert.equal(res.statusCode, i < PAIR_FREE_FAILURES ? 401 : 429, `attempt ${i + 1}`);
      }
      const attacker = await login(user.email, TEST_PASSWORD, '127.0.0.2');
      assert.equal(attacker.statusCode, 429, 'the address that failed waits, even with the right password');
      assert.equal(attacker.json().error.code, 'RATE_LIMITED');
      assert.ok(Number(attacker.headers['retry-after']) > 0, 'Retry-After says how long');
      const owner = await login(user.email, TEST_PASSWORD, '127.0.0.3');
      assert.equal(owner.statusCode, 200, 'the owner signs in from another address');
    });

    test('the waits of one address grow: 30 s after the third failure, doubling', async () => {
      const user = await makeUser(site, 'editor', ['kz']);
      for (let i = 0; i < PAIR_FREE_FAILURES; i += 1) assert.equal((await login(user.email, `wrong ${i}`, '10.5.0.1')).statusCode, 401);
      assert.equal((await login(user.email, TEST_PASSWORD, '10.5.0.1')).headers['retry-after'], '30');
      now += 31_000;
      assert.equal((await login(user.email, 'wrong again', '10.5.0.1')).statusCode, 401, 'after the wait, one more try');
      assert.equal((await login(user.email, TEST_PASSWORD, '10.5.0.1')).headers['retry-after'], '60', 'the next wait is twice as long');
      now += 61_000;
      assert.equal((await login(user.email, TEST_PASSWORD, '10.5.0.1')).statusCode, 200, 'and the owner gets in after it');
      assert.equal((await login(user.email, 'wrong once more', '10.5.0.1')).statusCode, 401, "a success clears the address's count");
    });

    test('spraying many accounts from one address stays throttled', async () => {
      const other = await makeUser(site, 'journalist', ['kz']);
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) {
        assert.equal((await login(`spray${i}@newsroom.test`, 'guessing away', '10.2.0.1')).statusCode, 401, `guess ${i + 1}`);
      }
      const limited = await login(other.email, TEST_PASSWORD, '10.2.0.1');
      assert.equal(limited.statusCode, 429, 'the address waits, whatever account it tries');
      assert.ok(Number(limited.headers['retry-after']) > 0);
      assert.equal((await login(other.email, TEST_PASSWORD, '10.2.0.2')).statusCode, 200, 'another address does not');
      now += 16 * 60_000;
      assert.equal((await login(other.email, TEST_PASSWORD, '10.2.0.1')).statusCode, 200, 'the limit lifts after 15 minutes');
    });

    test('one account guessed from many addresses is slowed, and the owner still gets in', async () => {
      const user = await makeUser(site, 'admin');
      for (let i = 0; i < ACCOUNT_PRESSURE_FAILURES; i += 1) {
        assert.equal((await login(user.email, `guess ${i}`, `10.6.0.${i + 1}`)).statusCode, 401, `address ${i + 1}`);
      }
      // Under pressure every address gets one free failure, not three, before it must wait.
      assert.equal((await login(user.email, 'another guess', '10.6.1.1')).statusCode, 401);
      const slowed = await login(user.email, 'and another', '10.6.1.1');
      assert.equal(slowed.statusCode, 429, 'the second guess from an address already waits');
      assert.equal((await login(user.email, 'yet another', '10.6.0.1')).statusCode, 429, 'so do the addresses that guessed before');
      assert.equal((await login(user.email, TEST_PASSWORD, '10.6.2.1')).statusCode, 200, 'the owner from a clean address gets in');
    });

    test('a device that signed in before gets in while its address is throttled', async () => {
      const user = await makeUser(site, 'chief');
      const first = await login(user.email, TEST_PASSWORD, '10.7.0.1');
      const device = first.cookies.find((c) => c.name === 'hb_device');
      assert.ok(device?.httpOnly, 'a successful login marks the browser as a known device');
      assert.equal(device.path, '/api/newsroom/session');
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i += 1) await login(`nat${i}@newsroom.test`, 'guessing away', '10.7.0.2');
      for (let i = 0; i < ACCOUNT_PRESSURE_FAILURES; i += 1) await login(user.email, `guess ${i}`, `10.7.1.${i + 1}`);
      assert.equal((await login(user.email, TEST_PASSWORD, '10.7.0.2')).statusCode, 429, 'the shared address is throttled');
      const known = await site.app.inject({
        method: 'POST',
        url: '/api/newsroom/session',
        payload: { email: user.email, password: TEST_PASSWORD },
        remoteAddress: '10.7.0.2',
        cookies: { hb_device: device.value },
      });
      assert.equal(known.statusCode, 200, 'the known device signs in from it');
      const forged = await site.app.inject({
        method: 'POST',
        url: '/api/newsroom/session',
        payload: { email: user.email, password: TEST_PASSWORD },
        remoteAddress: '10.7.0.2',
        cookies: { hb_device: `${user.id}.${now}.${'A'.repeat(43)}` },
      });
      assert.equal(forged.statusCode, 429, 'a forged device cookie is no device');
    });

    test('every process over the database sees the same counts', async () => {
      const user = await makeUser(site, 'admin');
      const handle = connect(site.database.url, { poolSize: 2 });
      const other = await buildApp(site.config, { handle, clock: () => new Date(now), logger: false });
      try {
        for (let i = 0; i < PAIR_FREE_FAILURES; i += 1) assert.equal((await login(user.email, `guess ${i}`, '10.9.0.1')).statusCode, 401);
        const elsewhere = (ip: string) =>
          other.app.inject({
            method: 'POST',
            url: '/api/newsroom/session',
            payload: { email: user.email, password: TEST_PASSWORD },
            remoteAddress: ip,
          });
        assert.equal((await elsewhere('10.9.0.1')).statusCode, 429, 'the other process makes the same address wait');
        assert.equal((await elsewhere('10.9.0.2')).statusCode, 200, 'and lets the owner in from another');
      } finally {
        await other.app.close();
        await handle.close();
      }
    });

    test('failed sign-ins, throttles and password changes are in the audit log', async () => {
      const user = await makeUser(site, 'editor', ['ru']);
      const db = site.database.handle.db;
      const entries = async (action: string, targetId: string) =>
        db
          .selectFrom('audit_log')
          .select(['action', 'user_id', 'target_type', 'detail'])
          .where('action', '=', action)
          .where('target_id', '=', targetId)
          .orderBy('id')
          .execute();
      for (let i = 0; i < PAIR_FREE_FAILURES; i += 1) await login(` ${user.email.toUpperCase()}`, `wrong ${i}`, '10.8.0.1');
      const failures = await entries('login.failure', String(user.id));
      assert.equal(failures.length, PAIR_FREE_FAILURES);
      assert.deepEqual(JSON.parse(failures[0]!.detail), { email: user.email, ip: '10.8.0.1' });
      const throttles = await entries('login.throttle', String(user.id));
      assert.equal(throttles.length, 1, 'the failure that starts a wait is recorded as such');
      assert.deepEqual(JSON.parse(throttles[0]!.detail), { email: user.email, ip: '10.8.0.1', scope: 'pair', seconds: 30 });
      await login('no-such-person@newsroom.test', 'whatever it is', '10.8.0.2');
      assert.equal((await entries('login.failure', 'no-such-person@newsroom.test'))[0]?.target_type, 'login', 'unknown addresses too');

      const client = await signIn(site.app, user);
      assert.equal(
        (await client.post('/api/newsroom/password', { current: TEST_PASSWORD, next: 'an audited passphrase' })).statusCode,
        204,
      );
      const changes = await entries('user.password', String(user.id));
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.user_id, user.id);
    });

    test('state-changing requests need the CSRF token and a same-site origin', async () => {
      const client = await signIn(site.app, await makeUser(site, 'journalist', ['kz']));
      const missing = await site.app.inject({
        method: 'PATCH',
        url: '/api/newsroom/me',
        headers: { cookie: client.cookie },
        payload: { uiLang: 'ru' },
      });
      assert.equal(missing.statusCode, 403);
      assert.equal(missing.json().error.code, 'CSRF');
      const wrong = await client.request('PATCH', '/api/newsroom/me', { uiLang: 'ru' }, { 'x-csrf-token': 'x'.repeat(32) });
      assert.equal(wrong.statusCode, 403);
      const crossSite = await client.request('PATCH', '/api/newsroom/me', { uiLang: 'ru' }, { origin: 'https://evil.example' });
      assert.equal(crossSite.json().error.code, 'BAD_ORIGIN');
      assert.equal((await client.get('/api/newsroom/session')).json().user.uiLang, 'en', 'nothing changed');
      assert.equal((await client.patch('/api/newsroom/me', { uiLang: 'ru' })).statusCode, 204);
      assert.equal((await client.get('/api/newsroom/session')).json().user.uiLang, 'ru');
      const bad = await client.patch('/api/newsroom/me', { uiLang: 'fr' });
      assert.equal(bad.statusCode, 400);
    });

    test('sessions end after 12 idle hours; a forged or missing cookie is not a session', async () => {
      const client = await signIn(site.app, await makeUser(site, 'editor', ['en']));
      now += SESSION_IDLE_MS - 60_000;
      assert.equal((await client.get('/api/newsroom/session')).statusCode, 200, 'still alive, and refreshed');
      now += SESSION_IDLE_MS + 60_000;
      const expired = await client.get('/api/newsroom/session');
      assert.equal(expired.statusCode, 401);
      assert.equal(expired.json().error.code, 'UNAUTHENTICATED');
      for (const cookie of ['hb_session=abc', `hb_session=${'A'.repeat(43)}`, 'hb_session=%ZZ', '']) {
        assert.equal((await site.app.inject({ url: '/api/newsroom/session', headers: { cookie } })).statusCode, 401, cookie);
      }
    });

    test('logout everywhere ends every session of the user', async () => {
      const user = await makeUser(site, 'editor', ['kz']);
      const a = await signIn(site.app, user);
      const b = await signIn(site.app, user);
      assert.equal(await sessionCount(user.id), 2);
      assert.equal((await a.delete('/api/newsroom/sessions')).json().ended, 2);
      assert.equal((await b.get('/api/newsroom/session')).statusCode, 401);
      assert.equal((await a.get('/api/newsroom/session')).statusCode, 401);
    });

    test('a password change needs the current one and ends the other sessions', async () => {
      const user = await makeUser(site, 'journalist', ['uz']);
      const a = await signIn(site.app, user);
      const b = await signIn(site.app, user);
      const wrongCurrent = await a.post('/api/newsroom/password', { current: 'not it at all', next: 'a brand new passphrase' });
      assert.equal(wrongCurrent.statusCode, 403);
      assert.equal(wrongCurrent.json().error.code, 'WRONG_PASSWORD', 'told apart from a refused sign-in (401 BAD_CREDENTIALS)');
      const weak = await a.post('/api/newsroom/password', { current: TEST_PASSWORD, next: 'short' });
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().error.code, 'WEAK_PASSWORD');
      assert.equal((await login(user.email, TEST_PASSWORD)).statusCode, 200, 'the old password still works after refusals');
      assert.equal((await a.post('/api/newsroom/password', { current: TEST_PASSWORD, next: 'a brand new passphrase' })).statusCode, 204);
      assert.equal((await a.get('/api/newsroom/session')).statusCode, 200, 'this session stays');
      assert.equal((await b.get('/api/newsroom/session')).statusCode, 401, 'the other one ends');
      assert.equal((await login(user.email, TEST_PASSWORD)).statusCode, 401);
      assert.equal((await login(user.email, 'a brand new passphrase')).statusCode, 200);
    });

    test('the demo admin must change the password before doing anything else', async () => {
      const auth = new AuthService(site.database.handle.db, site.services.clock);
      assert.equal(await auth.ensureDemoAdmin('demo-admin@newsroom.test'), null, 'no demo admin when users exist');
      const user = await makeUser(site, 'admin', [], { mustChangePassword: true });
      const client = await signIn(site.app, user);
      const session = await client.get('/api/newsroom/session');
      assert.equal(session.json().user.mustChangePassword, true);
      const blocked = await client.patch('/api/newsroom/me', { uiLang: 'kz' });
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().error.code, 'PASSWORD_CHANGE_REQUIRED');
      assert.equal((await client.post('/api/newsroom/password', { current: TEST_PASSWORD, next: 'the admin passphrase' })).statusCode, 204);
      assert.equal((await client.patch('/api/newsroom/me', { uiLang: 'kz' })).statusCode, 204);
    });

    test('a disabled account cannot sign in and its open sessions stop working', async () => {
      const user = await makeUser(site, 'journalist', ['cn']);
      const client = await signIn(site.app, user);
      await updateUser(site.database.handle.db, user.id, { disabled: 1 }, new Date(now).toISOString());
      assert.equal((await client.get('/api/newsroom/session')).statusCode, 401);
      const res = await login(user.email, TEST_PASSWORD, '10.3.0.1');
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'DISABLED');
    });

    test('malformed and oversized login bodies get 4xx, never 500', async () => {
      const cases = [
        { payload: '{"email": "a@b.c", "password":', type: 'application/json' },
        { payload: 'email=a@b.c&password=x', type: 'application/x-www-form-urlencoded' },
        { payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }), type: 'application/json' },
        { payload: JSON.stringify({ email: 'a@b.c' }), type: 'application/json' },
        { payload: JSON.stringify({ email: ['a@b.c'], password: 1 }), type: 'application/json' },
      ];
      for (const c of cases) {
        const res = await site.app.inject({
          method: 'POST',
          url: '/api/newsroom/session',
          payload: c.payload,
          headers: { 'content-type': c.type },
        });
        assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${c.payload.slice(0, 40)} → ${res.statusCode}`);
        assert.ok(res.json().error.code, 'the error envelope');
      }
    });
  });
}
