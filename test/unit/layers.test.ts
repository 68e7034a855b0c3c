// The layer rules of .dependency-cruiser.cjs (run by `npm run lint`) catch what they are meant to:
// a value import of a store from web, and a cycle of value imports, while a type-only import of a
// store from web and a cycle that runs through a type import (gone at run time) pass. Run on a fixture tree that breaks them on purpose.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'test/fixtures/layers');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(): Violation[] {
  let out: string;
  try {
    out = execFileSync(
      path.join(root, 'node_modules/.bin/depcruise'),
      ['src', '--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'json'],
      { cwd: fixture, encoding: 'utf8' },
    );
  } catch (error) {
    // depcruise exits non-zero when it finds violations; the report is still on stdout.
    out = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

test('the layer rules refuse a web → store value import and a cycle, and allow type-only imports', () => {
  const found = cruise()
    .map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
    .sort();
  assert.ok(found.includes('web-cli-not-to-store-db: src/web/bad.ts → src/store/things.ts'), found.join('\n'));
  assert.ok(
    found.some((f) => f.startsWith('no-circular: src/cli/')),
    found.join('\n'),
  );
  assert.ok(!found.some((f) => f.includes('src/web/ok.ts')), 'a type-only import is allowed');
  assert.ok(!found.some((f) => f.includes('src/services/')), 'a cycle through a type import is allowed');
});
