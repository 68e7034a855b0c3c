import assert from 'node:assert/strict';
import os from 'node:os';
import { test } from 'node:test';
import { ConfigError, loadConfig, trustProxyOption, trustsPeer } from '../../src/config.ts';

test('defaults: port 3000, SQLite in ./data, Almaty time', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.dialect, 'sqlite');
  assert.match(c.databaseUrl, /^sqlite:.*data\/habarshy\.db$/);
  assert.equal(c.timeZone, 'Asia/Almaty');
  assert.equal(c.baseUrl, 'http://localhost:3000');
  assert.equal(c.feedContent, 'full');
  assert.equal(loadConfig({ FEED_CONTENT: 'summary' }).feedContent, 'summary');
});

test('a bad value names its variable', () => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ TZ_DISPLAY: 'Mars/Olympus' }, 'TZ_DISPLAY'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ BASE_URL: 'ftp://x' }, 'BASE_URL'],
    [{ BASE_URL: 'not a url' }, 'BASE_URL'],
    [{ HOST: 'a b' }, 'HOST'],
    [{ DEFAULT_EDITION: 'fr' }, 'DEFAULT_EDITION'],
    [{ PAGE_CACHE: 'maybe' }, 'PAGE_CACHE'],
    [{ FEED_CONTENT: 'everything' }, 'FEED_CONTENT'],
    [{ TRUST_PROXY: 'on' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '11' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.1,proxy.example.kz' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.1,' }, 'TRUST_PROXY'],
    [{ WORKERS: '0' }, 'WORKERS'],
    [{ WORKERS: 'two' }, 'WORKERS'],
    [{ WORKERS: '-1' }, 'WORKERS'],
    [{ WORKERS: '1000' }, 'WORKERS'],
    [{ JOB_LEASE_MS: '500' }, 'JOB_LEASE_MS'],
    [{ JOB_LEASE_MS: 'soon' }, 'JOB_LEASE_MS'],
  ];
  for (const [env, name] of cases) {
    assert.throws(
      () => loadConfig(env),
      (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${name}:`),
      name,
    );
  }
});

test('TRUST_PROXY: off by default; a hop count or proxy addresses and CIDR ranges when on', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  for (const off of ['', '0', 'off', 'false', 'no']) assert.equal(loadConfig({ TRUST_PROXY: off }).trustProxy, false, off);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '1' }).trustProxy, { hops: 1 });
  assert.deepEqual(loadConfig({ TRUST_PROXY: ' 10.0.0.1 , 192.168.0.0/16, ::1, fd00::/8, loopback' }).trustProxy, {
    addresses: ['10.0.0.1', '192.168.0.0/16', '::1', 'fd00::/8', 'loopback'],
  });
});

test('TRUST_PROXY decides which peers are proxies', () => {
  const off = trustsPeer(loadConfig({}).trustProxy);
  assert.equal(off('127.0.0.1'), false);
  assert.equal(trustProxyOption(loadConfig({}).trustProxy), false);
  const hop = trustProxyOption(loadConfig({ TRUST_PROXY: '2' }).trustProxy) as (a: string, i: number) => boolean;
  assert.deepEqual(
    [0, 1, 2].map((i) => hop('10.0.0.1', i)),
    [true, true, false],
    'two hops: the peer and one more',
  );
  const listed = trustsPeer(loadConfig({ TRUST_PROXY: '10.1.0.0/16,192.0.2.7,loopback,fd00::/8' }).trustProxy);
  const cases: [string | undefined, boolean][] = [
    ['10.1.200.3', true],
    ['10.2.0.1', false],
    ['192.0.2.7', true],
    ['192.0.2.8', false],
    ['127.0.0.1', true],
    ['::1', true],
    ['::ffff:10.1.0.9', true],
    ['fd00::5', true],
    ['fe80::1', false],
    [undefined, false],
  ];
  for (const [address, trusted] of cases) assert.equal(listed(address), trusted, String(address));
});

test('PostgreSQL is chosen by DATABASE_URL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', BASE_URL: 'https://news.example.kz/' });
  assert.equal(c.dialect, 'postgres');
  assert.equal(c.baseUrl, 'https://news.example.kz');
});

test('EDITION_HOSTS: editions on hosts of their own, as origins', () => {
  assert.equal(loadConfig({}).editionHosts.size, 0);
  const c = loadConfig({ BASE_URL: 'https://example.kz', EDITION_HOSTS: ' en=https://en.example.kz/ , cn=http://cn.example.kz:8080' });
  assert.deepEqual(
    [...c.editionHosts],
    [
      ['en', 'https://en.example.kz'],
      ['cn', 'http://cn.example.kz:8080'],
    ],
  );
});

test('a bad EDITION_HOSTS names the variable and the entry', () => {
  const cases: [string, RegExp][] = [
    ['en', /edition=https:\/\/host/],
    ['=https://en.example.kz', /edition=https:\/\/host/],
    ['fr=https://fr.example.kz', /"fr" is not an edition code/],
    ['en=https://a.example.kz,en=https://b.example.kz', /given twice/],
    ['en=en.example.kz', /not a URL/],
    ['en=ftp://en.example.kz', /http\(s\)/],
    ['en=https://en.example.kz/en', /origin only/],
    ['en=https://en.example.kz/?x=1', /origin only/],
    ['en=https://user:pw@en.example.kz', /origin only/],
    ['en=https://example.kz', /BASE_URL's host/],
  ];
  for (const [value, message] of cases) {
    assert.throws(
      () => loadConfig({ BASE_URL: 'https://example.kz', EDITION_HOSTS: value }),
      (e: unknown) => e instanceof ConfigError && e.message.startsWith('EDITION_HOSTS:') && message.test(e.message),
      value,
    );
  }
});

test('API rate limits are whole numbers in range, named when wrong', () => {
  const c = loadConfig({});
  assert.equal(c.apiRateAnonymous, 60);
  assert.equal(c.apiRateKey, 1200);
  for (const name of ['API_RATE_ANONYMOUS', 'API_RATE_KEY', 'API_RATE_WINDOW_MS']) {
    assert.throws(
      () => loadConfig({ [name]: '0' }),
      (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${name}:`),
      name,
    );
    assert.throws(
      () => loadConfig({ [name]: 'lots' }),
      (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${name}:`),
      name,
    );
  }
});

test('WORKERS: one process by default, a count, or auto for one per CPU core; JOB_LEASE_MS', () => {
  assert.equal(loadConfig({}).workers, 1);
  assert.equal(loadConfig({ WORKERS: '' }).workers, 1);
  assert.equal(loadConfig({ WORKERS: '4' }).workers, 4);
  assert.equal(loadConfig({ WORKERS: 'auto' }).workers, os.availableParallelism());
  assert.equal(loadConfig({ WORKERS: 'AUTO' }).workers, os.availableParallelism());
  assert.equal(loadConfig({}).jobLeaseMs, 10_000);
  assert.equal(loadConfig({ JOB_LEASE_MS: '3000' }).jobLeaseMs, 3000);
});

test('edge, readiness and metrics settings: defaults, values and refusals', () => {
  const d = loadConfig({}).ops;
  assert.deepEqual(d, { edgePurgeUrl: null, readyMinFreeMb: 512, metricsToken: null, metricsPort: null });
  const c = loadConfig({
    EDGE_PURGE_URL: 'http://127.0.0.1:6081',
    READY_MIN_FREE_MB: '0',
    METRICS_TOKEN: 'a'.repeat(16),
    METRICS_PORT: '9100',
  }).ops;
  assert.deepEqual(c, { edgePurgeUrl: 'http://127.0.0.1:6081/', readyMinFreeMb: 0, metricsToken: 'a'.repeat(16), metricsPort: 9100 });
  const cases: [Record<string, string>, string][] = [
    [{ EDGE_PURGE_URL: 'varnish' }, 'EDGE_PURGE_URL'],
    [{ EDGE_PURGE_URL: 'ftp://127.0.0.1/' }, 'EDGE_PURGE_URL'],
    [{ READY_MIN_FREE_MB: 'lots' }, 'READY_MIN_FREE_MB'],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [{ METRICS_PORT: '3000' }, 'METRICS_PORT'],
    [{ METRICS_PORT: '0' }, 'METRICS_PORT'],
  ];
  for (const [env, name] of cases) {
    assert.throws(
      () => loadConfig(env),
      (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${name}:`),
      JSON.stringify(env),
    );
  }
});

test('SMTP_URL and MAIL_FROM: no mail by default; smtp(s) URLs; a bad value names its variable', () => {
  assert.equal(loadConfig({}).mail, null);
  assert.equal(loadConfig({ SMTP_URL: '', MAIL_FROM: 'x' }).mail, null);
  assert.deepEqual(loadConfig({ SMTP_URL: 'smtp://user:pa%40ss@mail.example.kz:587', MAIL_FROM: 'Habarshy <newsroom@example.kz>' }).mail, {
    smtpUrl: 'smtp://user:pa%40ss@mail.example.kz:587',
    from: 'Habarshy <newsroom@example.kz>',
  });
  assert.equal(loadConfig({ SMTP_URL: 'smtps://mail.example.kz', MAIL_FROM: 'newsroom@example.kz' }).mail?.from, 'newsroom@example.kz');
  const cases: [Record<string, string>, string][] = [
    [{ SMTP_URL: 'mail.example.kz:587', MAIL_FROM: 'a@example.kz' }, 'SMTP_URL'],
    [{ SMTP_URL: 'http://mail.example.kz', MAIL_FROM: 'a@example.kz' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example.kz/path', MAIL_FROM: 'a@example.kz' }, 'SMTP_URL'],
    [{ SMTP_URL: 'smtp://mail.example.kz' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'smtp://mail.example.kz', MAIL_FROM: 'newsroom' }, 'MAIL_FROM'],
    [{ SMTP_URL: 'smtp://mail.example.kz', MAIL_FROM: 'a@example.kz\r\nBcc: b@example.kz' }, 'MAIL_FROM'],
  ];
  for (const [env, name] of cases) {
    assert.throws(
      () => loadConfig(env),
      (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${name}:`) && !e.message.includes('pa%40ss'),
      JSON.stringify(env),
    );
  }
});
