// `habarshy export`: an edition's published articles as ninjs JSON lines, on SQLite and PostgreSQL.
// Every line validates against the official IPTC schema (2.2 or 3.1), is the same object the API's
// /api/v1/ninjs/{edition}/{id} gives, derived editions come out in their own script, the export
// reads page by page, and the progress bar appears only on a terminal.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { EDITIONS } from '../../src/editions/editions.ts';
import { ApiService } from '../../src/services/apiContent.ts';
import { ninjsItems } from '../../src/cli/export.ts';
import { renderBody } from '../../src/web/api/renderBody.tsx';
import { dialects, tempDir } from '../support/databases.ts';
import { bootSite, SHARED_DATA_DIR, type TestSite } from '../support/site.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(repoRoot, 'bin/habarshy.js');
const SCHEMAS = path.join(repoRoot, 'test/fixtures/schemas');
const CYRILLIC = /[\u0400-\u04FF]/;

function validators(): Record<'2.2' | '3.1', ValidateFunction> {
  const read = (rel: string) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, rel), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  (addFormatsModule as unknown as (a: Ajv2020) => void)(ajv);
  const geojson = read('geojson/GeoJSON.json');
  delete geojson['$schema'];
  ajv.addSchema(geojson, 'https://geojson.org/schema/GeoJSON.json');
  return { '2.2': ajv.compile(read('ninjs/ninjs-schema_2.2.json')), '3.1': ajv.compile(read('ninjs/ninjs-schema_3.1.json')) };
}

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

for (const dialect of dialects()) {
  describe(`habarshy export on ${dialect}`, () => {
    let site: TestSite;
    let validate: Record<'2.2' | '3.1', ValidateFunction>;
    let env: Record<string, string>;
    const work = tempDir('habarshy-export-');
    const habarshy = (args: string[]) => run(process.execPath, [BIN, ...args], env);
    const lines = (text: string) =>
      text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l) as Item);
    /** The ids the public API lists for an edition, newest first, following every page. */
    const apiIds = async (code: string) => {
      const ids: string[] = [];
      let url: string | null = `/api/v1/articles?edition=${code}&limit=100`;
      while (url) {
        const page = (await site.app.inject(url)).json() as { items: { id: string }[]; next: string | null };
        ids.push(...page.items.map((i) => i.id));
        url = page.next ? new URL(page.next).pathname + new URL(page.next).search : null;
      }
      return ids;
    };

    before(async () => {
      validate = validators();
      // The clock of the site is the real one: the export (another process) sees the same articles.
      site = await bootSite(dialect, { now: new Date(), env: { API_RATE_ANONYMOUS: '100000' } });
      env = { DATA_DIR: SHARED_DATA_DIR, DATABASE_URL: site.database.url, BASE_URL: 'https://habarshy.test' };
    });
    after(async () => {
      await site.close();
      fs.rmSync(work, { recursive: true, force: true });
    });

    test("qz (derived from kz) comes out in Latin: every line valid ninjs 2.2, the API's own items, every article once", async () => {
      const r = await habarshy(['export', '--edition', 'qz']);
      assert.equal(r.code, 0, r.stderr);
      const items = lines(r.stdout);
      const ids = await apiIds('qz');
      assert.ok(ids.length > 50, 'more than one page of articles');
      assert.deepEqual(
        items.map((i) => String(i['uri']).slice(-6)),
        ids,
        'every visible article, newest first, once',
      );
      for (const item of items) {
        assert.ok(validate['2.2'](item), `${String(item['uri'])}: ${JSON.stringify(validate['2.2'].errors?.slice(0, 3))}`);
        assert.equal(item['language'], EDITIONS.qz.lang);
        assert.doesNotMatch(item['headlines'][0].value, CYRILLIC);
        assert.doesNotMatch(item['bodies'][1].value, CYRILLIC);
      }
      for (const item of [items[0]!, items[items.length - 1]!]) {
        const api = (await site.app.inject(`/api/v1/ninjs/qz/${String(item['uri']).slice(-6)}`)).json();
        assert.deepEqual(item, api, 'the same object as /api/v1/ninjs/qz/{id}');
      }
      assert.doesNotMatch(r.stderr, /\[#*-*\]/, 'no progress bar when standard error is not a terminal');
    });

    test('--ninjs 3.1 --out FILE for a written edition; bad options are refused', async () => {
      const file = path.join(work, `kz-${dialect}.jsonl`);
      const r = await habarshy(['export', '--edition', 'kz', '--ninjs', '3.1', '--out', file, '--since', '2000-01-01']);
      assert.equal(r.code, 0, r.stderr);
      const items = lines(fs.readFileSync(file, 'utf8'));
      assert.equal(items.length, (await apiIds('kz')).length);
      for (const item of items) assert.ok(validate['3.1'](item), JSON.stringify(validate['3.1'].errors?.slice(0, 3)));
      assert.match(r.stderr, new RegExp(`exported ${items.length} kz articles`));
      for (const args of [['--edition', 'xx'], [], ['--edition', 'kz', '--ninjs', '4.0'], ['--edition', 'kz', '--since', 'yesterday']]) {
        const bad = await habarshy(['export', ...args]);
        assert.equal(bad.code, 2, args.join(' '));
        assert.equal(bad.stdout, '');
      }
    });

    test('a reader that stops early (| head -1) ends the export quietly', async () => {
      const child = spawn(process.execPath, [BIN, 'export', '--edition', 'ru'], {
        env: { ...process.env, LOG_LEVEL: 'warn', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const first = await new Promise<string>((resolve) => {
        let text = '';
        child.stdout.setEncoding('utf8').on('data', (d: string) => {
          text += d;
          if (text.includes('\n')) {
            child.stdout.destroy();
            resolve(text.slice(0, text.indexOf('\n')));
          }
        });
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.match(JSON.parse(first)['uri'], /\/ru\/news\//);
      assert.equal(code, 0, stderr);
      assert.equal(stderr, '');
    });

    test('on a terminal the progress bar is drawn on standard error', async () => {
      const out = path.join(work, `tote-${dialect}.jsonl`);
      // script(1) gives the command a terminal; standard output goes to a file.
      const command = [process.execPath, BIN, 'export', '--edition', 'tote'].map((a) => `'${a}'`).join(' ');
      const r = await run('script', ['-qec', `${command} > '${out}'`, '/dev/null'], env);
      assert.equal(r.code, 0, r.stderr);
      const total = lines(fs.readFileSync(out, 'utf8')).length;
      assert.ok(total > 0);
      assert.match(r.stdout, new RegExp(`\\[#+\\] ${total}/${total}`), 'the bar reaches the total');
    });

    test('the export streams: the first item comes after one page is read', async () => {
      let pages = 0;
      const services = site.services;
      const api = new (class extends ApiService {
        override fullArticles(q: Parameters<ApiService['fullArticles']>[0]) {
          pages += 1;
          return super.fullArticles(q);
        }
      })({
        db: services.handle.db,
        texts: services.texts,
        sections: services.sections,
        clock: services.clock,
        hosts: services.hosts,
        timeZone: site.config.timeZone,
        apiBase: site.config.baseUrl,
        renderBody,
      });
      const items = ninjsItems(api, 'Habarshy', { edition: 'kz', version: '2.2' });
      const first = await items.next();
      assert.ok(!first.done);
      assert.equal(pages, 1, 'one page read for the first item');
      let count = 1;
      for await (const _ of items) count += 1;
      assert.equal(count, (await apiIds('kz')).length);
      assert.equal(pages, Math.ceil(count / 50));
    });
  });
}
