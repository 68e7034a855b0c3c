// TRUST_PROXY on SQLite and PostgreSQL: off by default, X-Forwarded-For/-Host/-Proto change nothing
// (the login throttles and the public API's limit count the socket's address; a forged forwarded
// host does not get a foreign Origin past the newsroom nor choose the reader site's edition host); with a hop count or a proxy list, the
// proxy's own entry is believed and nothing further left.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { bootSite, type TestSite } from '../support/site.ts';
import { nothing } from '../support/fixtures.ts';
import { makeUser, signIn, TEST_PASSWORD } from '../support/newsroom.ts';
import { dialects } from '../support/databases.ts';
import { MAX_FAILURES_PER_ADDRESS, PAIR_FREE_FAILURES } from '../../src/services/newsroom/loginThrottle.ts';

const ENV = { API_RATE_ANONYMOUS: '3', EDITION_HOSTS: 'en=https://en.example.kz' };

for (const dialect of dialects()) {
  describe(`TRUST_PROXY off (the default) on ${dialect}`, () => {
    let site: TestSite;
    before(async () => {
      site = await bootSite(dialect, { env: ENV, content: nothing });
    });
    after(() => site.close());

    const login = (email: string, password: string, headers: Record<string, string>, remoteAddress = '10.20.0.1') =>
      site.app.inject({
        method: 'POST',
        url: '/api/newsroom/session',
        payload: { email, password },
        headers,
        remoteAddress,
      });

    test('a rotating X-Forwarded-For does not walk past the login throttles', async () => {
      const user = await makeUser(site, 'admin');
      const answers: number[] = [];
      for (let i = 0; i < PAIR_FREE_FAILURES + 2; i += 1) {
        answers.push((await login(user.email, `guess ${i}`, { 'x-forwarded-for': `198.51.100.${i + 1}` })).statusCode);
      }
      assert.deepEqual(answers, [...Array(PAIR_FREE_FAILURES).fill(401), 429, 429], 'one account from one socket address');

      const spray: number[] = [];
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS + 5; i += 1) {
        spray.push(
          (await login(`spray${i}@newsroom.test`, 'guessing away', { 'x-forwarded-for': `203.0.113.${i + 1}` }, '10.20.0.2')).statusCode,
        );
      }
      assert.equal(spray.filter((s) => s === 429).length, 5, 'many accounts from one socket address');
    });

    test('a rotating X-Forwarded-For does not walk past the public API limit', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        statuses.push(
          (
            await site.app.inject({
              url: '/api/v1/editions',
              headers: { 'x-forwarded-for': `192.0.2.${i + 1}` },
              remoteAddress: '10.20.0.3',
            })
          ).statusCode,
        );
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      assert.equal(
        (await site.app.inject({ url: '/api/v1/editions', remoteAddress: '10.20.0.4' })).statusCode,
        200,
        'another address has its own count',
      );
    });

    test('X-Forwarded-Host does not get a foreign Origin past the newsroom; X-Forwarded-Proto does not make the cookie Secure', async () => {
      const client = await signIn(site.app, await makeUser(site, 'editor', ['kz']));
      const res = await client.request(
        'PATCH',
        '/api/newsroom/me',
        { uiLang: 'ru' },
        { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
      );
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'BAD_ORIGIN');
      assert.equal((await client.get('/api/newsroom/session')).json().user.uiLang, 'en', 'nothing changed');
      const user = await makeUser(site, 'journalist', ['kz']);
      const signedIn = await login(user.email, TEST_PASSWORD, { 'x-forwarded-proto': 'https' }, '10.20.0.5');
      assert.equal(signedIn.statusCode, 200);
      assert.equal(signedIn.cookies.find((c) => c.name === 'hb_session')?.secure, undefined, 'plain http stays plain');
    });

    test('X-Forwarded-Host does not choose the edition host of the reader site', async () => {
      const res = await site.app.inject({ url: '/', headers: { host: 'habarshy.test', 'x-forwarded-host': 'en.example.kz' } });
      assert.equal(res.headers.location, '/kz/', "BASE_URL's root, not the English host's");
    });
  });

  describe(`TRUST_PROXY=1 on ${dialect}`, () => {
    let site: TestSite;
    before(async () => {
      site = await bootSite(dialect, { env: { ...ENV, TRUST_PROXY: '1' }, content: nothing });
    });
    after(() => site.close());

    // Every request comes from the proxy (127.0.0.1); it appends the client's address.
    const login = (email: string, password: string, forwardedFor: string) =>
      site.app.inject({
        method: 'POST',
        url: '/api/newsroom/session',
        payload: { email, password },
        headers: { 'x-forwarded-for': forwardedFor },
      });

    test("the proxy's entry is the client; what the client wrote before it is not", async () => {
      const user = await makeUser(site, 'admin');
      for (let i = 0; i < PAIR_FREE_FAILURES; i += 1)
        assert.equal((await login(user.email, `guess ${i}`, `10.0.${i}.1, 198.51.100.7`)).statusCode, 401);
      assert.equal(
        (await login(user.email, TEST_PASSWORD, '10.9.9.9, 198.51.100.7')).statusCode,
        429,
        'a forged first entry changes nothing',
      );
      assert.equal((await login(user.email, TEST_PASSWORD, '198.51.100.8')).statusCode, 200, 'another client behind the proxy gets in');
    });

    test('the public API counts each client behind the proxy', async () => {
      const get = (forwardedFor: string) => site.app.inject({ url: '/api/v1/editions', headers: { 'x-forwarded-for': forwardedFor } });
      for (let i = 0; i < 3; i += 1) assert.equal((await get(`192.0.2.${i}, 198.51.100.20`)).statusCode, 200);
      assert.equal((await get('192.0.2.99, 198.51.100.20')).statusCode, 429);
      assert.equal((await get('198.51.100.21')).statusCode, 200);
    });

    test("the proxy's X-Forwarded-Host and X-Forwarded-Proto are believed", async () => {
      const user = await makeUser(site, 'editor', ['kz']);
      const res = await login(user.email, TEST_PASSWORD, '198.51.100.30');
      const cookie = `hb_session=${res.cookies.find((c) => c.name === 'hb_session')!.value}`;
      const csrf = res.json().csrfToken as string;
      const patch = (headers: Record<string, string>) =>
        site.app.inject({
          method: 'PATCH',
          url: '/api/newsroom/me',
          payload: { uiLang: 'ru' },
          headers: { cookie, 'x-csrf-token': csrf, host: '127.0.0.1:3000', ...headers },
        } as InjectOptions);
      assert.equal((await patch({ origin: 'https://habarshy.test' })).statusCode, 403, 'the origin is not the internal host');
      assert.equal(
        (await patch({ origin: 'https://habarshy.test', 'x-forwarded-host': 'habarshy.test' })).statusCode,
        204,
        'it is the forwarded one',
      );
      const secure = await site.app.inject({
        method: 'POST',
        url: '/api/newsroom/session',
        payload: { email: user.email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '198.51.100.30', 'x-forwarded-proto': 'https' },
      });
      assert.equal(secure.cookies.find((c) => c.name === 'hb_session')?.secure, true, 'HTTPS at the proxy makes the cookie Secure');
      const root = await site.app.inject({ url: '/', headers: { host: '127.0.0.1:3000', 'x-forwarded-host': 'en.example.kz' } });
      assert.equal(root.headers.location, '/en/', 'the reader site follows the forwarded host too');
    });
  });

  describe(`TRUST_PROXY as a list of proxies on ${dialect}`, () => {
    let site: TestSite;
    before(async () => {
      site = await bootSite(dialect, { env: { ...ENV, TRUST_PROXY: '10.30.0.0/24' }, content: nothing });
    });
    after(() => site.close());

    test('forwarded headers count only from the listed proxies', async () => {
      const get = (remoteAddress: string, forwardedFor: string) =>
        site.app.inject({ url: '/api/v1/editions', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } });
      for (let i = 0; i < 3; i += 1) assert.equal((await get('10.40.0.1', `192.0.2.${i}`)).statusCode, 200);
      assert.equal((await get('10.40.0.1', '192.0.2.50')).statusCode, 429, 'a client that is not a proxy cannot choose its address');
      for (let i = 0; i < 3; i += 1) assert.equal((await get('10.30.0.7', '192.0.2.60')).statusCode, 200);
      assert.equal((await get('10.30.0.7', '192.0.2.60')).statusCode, 429);
      assert.equal((await get('10.30.0.7', '192.0.2.61')).statusCode, 200, 'behind a listed proxy each client has its own count');
      const root = (remoteAddress: string) =>
        site.app.inject({ url: '/', remoteAddress, headers: { host: 'habarshy.test', 'x-forwarded-host': 'en.example.kz' } });
      assert.equal((await root('10.40.0.1')).headers.location, '/kz/', 'not from a client');
      assert.equal((await root('10.30.0.7')).headers.location, '/en/', 'from a listed proxy');
      assert.equal((await root('::ffff:10.30.0.8')).headers.location, '/en/', 'also as an IPv4-mapped IPv6 address');
    });
  });
}
