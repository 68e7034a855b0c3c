// Whether dist/ was built from the sources as they are now: `npm run build` writes a stamp (a hash
// of every file the build reads) into dist/ last; `npm start` and the `habarshy` command compare it
// with the sources (a hash of about 2 MB: some tens of milliseconds).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const STAMP = '.build-stamp';

/** The files a build depends on besides src/: its configuration and the locked dependencies. */
const INPUTS = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'scripts/build.mjs', 'scripts/buildStamp.mjs'];

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/** A hash of the paths and contents of src/ and the build's inputs, or null without sources. */
export function sourceHash(root) {
  const src = path.join(root, 'src');
  if (!fs.existsSync(src)) return null;
  const files = walk(src, []).concat(INPUTS.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)));
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * 'fresh' (dist matches the sources), 'stale' (built from other sources), 'missing' (no complete
 * build), or 'no-sources' (a deployment that ships dist/ without src/: trusted as it is).
 */
export function buildState(root, out = path.join(root, 'dist')) {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(path.join(out, STAMP), 'utf8'));
  } catch {
    return 'missing';
  }
  const current = sourceHash(root);
  if (current === null) return 'no-sources';
  return stamp.sources === current ? 'fresh' : 'stale';
}
