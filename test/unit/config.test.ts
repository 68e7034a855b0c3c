import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

test('defaults: port 3000, SQLite in ./data, Almaty time', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.dialect, 'sqlite');
  assert.match(c.databaseUrl, /^sqlite:.*data\/habarshy\.db$/);
  assert.equal(c.timeZone, 'Asia/Almaty');
  assert.equal(c.baseUrl, 'http://localhost:3000');
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
  ];
  for (const [env, name] of cases) {
    assert.throws(() => loadConfig(env), (e: unknown) => e instanceof ConfigError && e.message.startsWith(`${name}:`), name);
  }
});

test('PostgreSQL is chosen by DATABASE_URL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', BASE_URL: 'https://news.example.kz/' });
  assert.equal(c.dialect, 'postgres');
  assert.equal(c.baseUrl, 'https://news.example.kz');
});
