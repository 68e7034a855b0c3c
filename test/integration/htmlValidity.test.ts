// The Nu HTML Checker (vnu-jar, on the machine's Java) finds no errors in the home, a section,
// an article, a tag and the 404 page of every edition. Pages are handed over as files.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { EDITION_CODES } from '../../src/editions/editions.ts';
import { tempDir } from '../support/databases.ts';
import { bootSite, dom, type TestSite } from '../support/site.ts';

const run = promisify(execFile);
const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;

let site: TestSite;
before(async () => {
  site = await bootSite('sqlite');
});
after(async () => {
  await site.close();
});

test('the Nu HTML Checker reports no errors on the main page types of every edition', async () => {
  const dir = tempDir('habarshy-vnu-');
  const files: string[] = [];
  for (const code of EDITION_CODES) {
    const get = async (url: string) => (await site.app.inject({ method: 'GET', url })).body;
    const home = await get(`/${code}/`);
    const d = dom(home);
    const section = d.querySelector('nav.sections a')!.getAttribute('href')!;
    const article = d.querySelector('main a[href*="/news/"]')!.getAttribute('href')!;
    const articleHtml = await get(article);
    const tag = dom(articleHtml).querySelector('nav.tags a')!.getAttribute('href')!;
    const pages: Record<string, string> = {
      home,
      section: await get(section),
      article: articleHtml,
      tag: await get(tag),
      notfound: await get(`/${code}/no-such-page/`),
    };
    for (const [name, html] of Object.entries(pages)) {
      const file = path.join(dir, `${code}-${name}.html`);
      fs.writeFileSync(file, html);
      files.push(file);
    }
  }
  assert.equal(files.length, EDITION_CODES.length * 5);
  const result = await run('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...files], {
    maxBuffer: 64 * 1024 * 1024,
  }).catch((e: { stdout: string; stderr: string }) => e);
  const report = JSON.parse(result.stderr || result.stdout) as {
    messages: { type: string; subType?: string; url?: string; message: string; extract?: string }[];
  };
  const problems = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal');
  const summary = problems
    .slice(0, 10)
    .map((m) => `${path.basename(m.url ?? '')}: ${m.message} ${m.extract ?? ''}`)
    .join('\n');
  assert.equal(problems.length, 0, summary);
  fs.rmSync(dir, { recursive: true, force: true });
});
