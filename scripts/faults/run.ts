// `npm run faults [-- --quick] [-- name …]`: runs each fault scenario of scripts/faults/ in its own
// process, one after another (they start servers and clusters of their own), prints one PASS, FAIL
// or SKIP line per scenario with its figures, and exits non-zero when any failed.
// `--quick` is the CI version: shorter loads, one kill per database, no wait for webhook leases.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUICK, ROOT } from './lib.ts';

const SCENARIOS = ['hostile', 'flood', 'kill9', 'sqliteTwoWriters', 'diskFull', 'pgOutage', 'listenDrop'] as const;

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = wanted.filter((w) => !(SCENARIOS as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; one of ${SCENARIOS.join(', ')}`);
  process.exit(2);
}
const run = wanted.length > 0 ? SCENARIOS.filter((s) => wanted.includes(s)) : [...SCENARIOS];

// One seeded data folder (demo content and photos) for every scenario of this run.
const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-faults-template-'));
fs.rmSync(templateDir, { recursive: true });
process.on('exit', () => fs.rmSync(templateDir, { recursive: true, force: true }));

const results: { name: string; line: string; code: number | null; seconds: number }[] = [];
const started = Date.now();
for (const name of run) {
  const t0 = Date.now();
  process.stderr.write(`▶ ${name}\n`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/faults', `${name}.ts`), ...(QUICK ? ['--quick'] : [])],
    {
      cwd: ROOT,
      env: { ...process.env, FAULTS_TEMPLATE: templateDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    process.stdout.write(d);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const line = out.split('\n').find((l) => /^(PASS|FAIL|SKIP) /.test(l)) ?? `FAIL ${name}: exited ${code} without a verdict`;
  if (!/^(PASS|FAIL|SKIP) /.test(out.split('\n').find((l) => /^(PASS|FAIL|SKIP) /.test(l)) ?? '')) console.log(line);
  results.push({ name, line, code, seconds: Math.round((Date.now() - t0) / 1000) });
}

const passed = results.filter((r) => r.line.startsWith('PASS') && r.code === 0).length;
const skipped = results.filter((r) => r.line.startsWith('SKIP')).length;
const failed = results.length - passed - skipped;
console.log(`\nfault suite${QUICK ? ' (quick)' : ''}: ${Math.round((Date.now() - started) / 1000)} s`);
for (const r of results) console.log(`  ${r.line.slice(0, 4)} ${r.name} (${r.seconds} s)`);
console.log(`faults: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
