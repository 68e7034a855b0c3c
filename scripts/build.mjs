#!/usr/bin/env node
// `npm run build`: the server and the `habarshy` command compiled to plain JavaScript in dist/
// (tsc with tsconfig.build.json, which rewrites the `.ts` import paths to `.js`), the reader site's
// static files beside them, the newsroom app bundled by esbuild into dist/public/newsroom/ (hashed
// names, with .br and .gz), and last the stamp that marks the build complete and names its sources.
//
//   node scripts/build.mjs              build
//   node scripts/build.mjs --if-stale   build only when dist/ is missing or older than the sources (npm start)
//   node scripts/build.mjs --out DIR    build into DIR instead of dist/ (the tests)
//
// Types are not checked here (`npm run typecheck` does, in CI): emitting without the check takes
// half the time, and the first `npm start` of a fresh clone waits for it. The build goes into a
// temporary directory that replaces dist/ only when complete, so a failed build leaves the last one.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { STAMP, buildState, sourceHash } from './buildStamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { 'if-stale': { type: 'boolean' }, out: { type: 'string' } } });
const out = path.resolve(values.out ?? path.join(root, 'dist'));

function fail(message) {
  process.stderr.write(`habarshy build: ${message}\n`);
  process.exit(1);
}

const state = buildState(root, out);
if (values['if-stale'] && (state === 'fresh' || state === 'no-sources')) process.exit(0);

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
  require.resolve('esbuild');
} catch {
  fail(
    state === 'missing'
      ? 'there is no build in dist/ and the build tools (typescript, esbuild: dev dependencies) are not installed. Run `npm install` and `npm run build`, then `npm ci --omit=dev` for a production install.'
      : 'dist/ was built from other sources than these, and the build tools (typescript, esbuild: dev dependencies) are not installed. Rebuild where they are (`npm install && npm run build`).',
  );
}

const started = Date.now();
const sources = sourceHash(root);
const work = `${out}.building-${process.pid}`;
fs.rmSync(work, { recursive: true, force: true });
process.stderr.write(
  `habarshy build: ${state === 'stale' ? 'the sources changed, ' : ''}compiling the server into ${path.relative(process.cwd(), out) || out}/ …\n`,
);
try {
  const compiled = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', work, '--noCheck'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (compiled.status !== 0) throw new Error(`tsc failed (exit ${compiled.status ?? compiled.signal})`);
  fs.cpSync(path.join(root, 'src/web/site/assets'), path.join(work, 'web/site/assets'), { recursive: true });
  const { writeNewsroomBundle } = await import(pathToFileURL(path.join(work, 'web/newsroom/newsroomBundle.js')).href);
  const manifest = await writeNewsroomBundle(path.join(root, 'src/newsroom-ui/main.tsx'), path.join(work, 'public/newsroom'));
  fs.writeFileSync(path.join(work, STAMP), `${JSON.stringify({ sources, builtAt: new Date().toISOString() })}\n`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(work, out);
  process.stderr.write(
    `habarshy build: done in ${((Date.now() - started) / 1000).toFixed(1)} s (newsroom ${manifest.js}, ${manifest.css})\n`,
  );
} catch (err) {
  fs.rmSync(work, { recursive: true, force: true });
  fail(err instanceof Error ? err.message : String(err));
}
