// The habarshy command as staff and scripts use it: help, config errors, migrate, convert and lexicon.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { tempDir } from '../support/databases.ts';

const BIN = path.resolve('bin/habarshy.js');
let dataDir: string;

function habarshy(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('habarshy command', () => {
  before(() => {
    dataDir = tempDir('habarshy-cli-');
  });
  after(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('--help lists the commands, and every subcommand has its own --help', () => {
    const top = habarshy(['--help']);
    assert.equal(top.code, 0);
    for (const name of ['serve', 'migrate', 'seed', 'convert', 'lexicon']) {
      assert.match(top.stdout, new RegExp(`\\b${name}\\b`));
      const sub = habarshy([name, '--help']);
      assert.equal(sub.code, 0, name);
      assert.match(sub.stdout, new RegExp(`^Usage:\\s+habarshy ${name}`));
    }
    assert.equal(habarshy(['frobnicate']).code, 2);
    assert.equal(habarshy(['migrate', '--bogus']).code, 2);
  });

  test('a bad environment value stops with one line naming the variable', () => {
    const r = habarshy(['migrate'], { env: { TZ_DISPLAY: 'Nowhere/Atlantis' } });
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.match(r.stderr, /TZ_DISPLAY/);
  });

  test('migrate creates the database, and a second run has nothing to do', () => {
    assert.match(habarshy(['migrate']).stdout, /applied 0001_initial/);
    assert.match(habarshy(['migrate']).stdout, /nothing to do/);
    assert.ok(fs.existsSync(path.join(dataDir, 'habarshy.db')));
  });

  test('convert writes exactly one converted line per input line', () => {
    const input = 'Қазақстан Республикасы\n\nАстана қаласы, 2025 жыл\nKAZINFORM https://inform.kz\n';
    const latin = habarshy(['convert', '--from', 'kk-Cyrl', '--to', 'kk-Latn'], { input });
    assert.equal(latin.code, 0, latin.stderr);
    const lines = latin.stdout.split('\n');
    assert.equal(lines.length, input.split('\n').length);
    assert.equal(lines[0], 'Qazaqstan Respýblıkasy');
    assert.equal(lines[1], '');
    assert.equal(lines[3], 'KAZINFORM https://inform.kz');
    const arab = habarshy(['convert', '--from', 'kk-Cyrl', '--to', 'kk-Arab'], { input: 'Қазақстан\n' });
    assert.equal(arab.stdout, 'قازاقستان\n');
    const uz = habarshy(['convert', '--from', 'uz-Cyrl', '--to', 'uz-Latn'], { input: 'Ўзбекистон\n' });
    assert.equal(uz.stdout, 'Oʻzbekiston\n');
    const back = habarshy(['convert', '--from', 'uz-Latn', '--to', 'uz-Cyrl'], { input: "O'zbekiston\n" });
    assert.equal(back.stdout, 'Ўзбекистон\n');
  });

  test('an unknown pair or scheme is a clear error listing the valid ones', () => {
    const pair = habarshy(['convert', '--from', 'kk-Cyrl', '--to', 'uz-Latn']);
    assert.equal(pair.code, 2);
    assert.match(pair.stderr, /kk-Cyrl.*kk-Latn/s);
    assert.match(pair.stderr, /uz-Cyrl.*uz-Latn/s);
    const scheme = habarshy(['convert', '--from', 'kk-Cyrl', '--to', 'kk-Latn', '--scheme', 'kk-Latn-1929']);
    assert.equal(scheme.code, 2);
    assert.match(scheme.stderr, /kk-Latn-2018/);
  });

  test('lexicon add, list and remove change what convert writes', () => {
    const word = 'Хабаршы';
    const before = habarshy(['convert', '--from', 'kk-Cyrl', '--to', 'kk-Latn'], { input: `${word}\n` }).stdout;
    assert.equal(habarshy(['lexicon', 'add', '--scheme', 'kk-Latn-2018', 'хабаршы', 'habarshy-news']).code, 0);
    assert.match(habarshy(['lexicon', 'list', '--scheme', 'kk-Latn-2018']).stdout, /kk-Latn-2018\tхабаршы\thabarshy-news/);
    assert.equal(habarshy(['convert', '--from', 'kk-Cyrl', '--to', 'kk-Latn'], { input: `${word}\n` }).stdout, 'Habarshy-news\n');
    assert.equal(habarshy(['lexicon', 'remove', '--scheme', 'kk-Latn-2018', 'хабаршы']).code, 0);
    assert.equal(habarshy(['convert', '--from', 'kk-Cyrl', '--to', 'kk-Latn'], { input: `${word}\n` }).stdout, before);
    assert.equal(habarshy(['lexicon', 'add', '--scheme', 'nope', 'a', 'b']).code, 2);
    assert.equal(habarshy(['lexicon', 'frob']).code, 2);
  });
});
