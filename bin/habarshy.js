#!/usr/bin/env node
// Entry of the `habarshy` command. It runs the built JavaScript in dist/ (`npm run build`) when that
// build matches the sources, which is all a production install (`npm ci --omit=dev`) has. In a
// checkout whose dist/ is missing or older than the sources, it runs the TypeScript sources through
// tsx (a dev dependency) instead, so the tests and a developer never wait for a build.
import { fileURLToPath } from 'node:url';
import { buildState } from '../scripts/buildStamp.mjs';

const state = buildState(fileURLToPath(new URL('..', import.meta.url)));

async function fromSources() {
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    return false;
  }
  tsx.register();
  await import('../src/cli/main.ts');
  return true;
}

if (state === 'fresh' || state === 'no-sources' || !(await fromSources())) {
  if (state === 'missing') {
    process.stderr.write('habarshy: there is no build in dist/: run `npm run build` (it needs the dev dependencies: `npm install`)\n');
    process.exit(1);
  }
  if (state === 'stale') process.stderr.write('habarshy: warning: dist/ was built from other sources than these (run `npm run build`)\n');
  await import('../dist/cli/main.js');
}
