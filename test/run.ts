// Runs test files in ONE process: `node --import tsx --test-reporter=spec test/run.ts [dir|file ...]`.
// `node --test` starts a process (and loads tsx and the app's modules again) per file, and on
// Node 20 it does not expand globs; here the files are listed and imported one after the other,
// and node:test collects their tests into one run (a failure sets the exit code). For files that
// must not share a process (they change globals, spawn servers on fixed state), use `node --test`.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TEST_FILE = /\.test\.tsx?$/;

/** Every test file under the paths, sorted (a file given by name is taken as it is). */
export function testFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isFile()) {
      out.push(p);
      return;
    }
    for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (TEST_FILE.test(entry.name)) out.push(child);
    }
  };
  for (const p of paths) walk(p);
  return [...new Set(out.map((f) => path.resolve(f)))].sort();
}

const args = process.argv.slice(2);
const files = testFiles(args.length > 0 ? args : ['test/unit']);
if (files.length === 0) {
  process.stderr.write(`no test files under ${args.join(' ')}\n`);
  process.exitCode = 1;
}
for (const file of files) {
  try {
    await import(pathToFileURL(file).href);
  } catch (err) {
    // A file that does not load is a failure, reported with its name; the others still run.
    process.stderr.write(
      `✖ ${path.relative(process.cwd(), file)} did not load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}
