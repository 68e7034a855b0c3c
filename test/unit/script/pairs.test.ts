// The pairs file (test/fixtures/script-pairs.jsonl, a copy of shared/testdata; override with SCRIPT_PAIRS).
// uz-Latn-1995 (both directions) and kk-Latn-2018 must pass 100 % except the pairs listed below,
// each with the rule it contradicts; the converter is not bent to them. mediawiki-* pairs are
// computed only (regression reference, see `npm run script:report`).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparable, PAIRS_FILE, readPairs } from '../../../scripts/script-report.ts';
import { createConverter } from '../../../src/script/converter.ts';
import { exceptionFor, KK_LATN_2018_WITH_OPTIONS, UZ_CYRL_TO_LATN_EXCEPTIONS } from '../../../scripts/pairExceptions.ts';

const pairs = readPairs(PAIRS_FILE);

test('uz-Latn-1995, Cyrillic → Latin: every pair passes except the listed contradictions', () => {
  const conv = createConverter({ from: 'uz-Cyrl', to: 'uz-Latn' });
  let checked = 0;
  const excused = new Set<string>();
  for (const p of pairs.filter((x) => x.scheme === 'uz-Latn-1995' && x.from === 'uz-Cyrl')) {
    const got = comparable(conv.convert(p.source), p.to);
    const key = exceptionFor(p.source, p.expected);
    if (key !== undefined) {
      assert.notEqual(got, comparable(p.expected, p.to), `listed as an exception but passes: ${p.source}`);
      excused.add(key);
      continue;
    }
    assert.equal(got, comparable(p.expected, p.to), p.source);
    checked++;
  }
  assert.ok(checked > 500, `only ${checked} pairs checked`);
  const unused = [...UZ_CYRL_TO_LATN_EXCEPTIONS.keys()].filter((k) => !excused.has(k));
  assert.deepEqual(unused, [], 'exceptions that match no pair');
});

test('uz-Latn-1995, Latin → Cyrillic: every pair passes', () => {
  const conv = createConverter({ from: 'uz-Latn', to: 'uz-Cyrl' });
  const list = pairs.filter((x) => x.scheme === 'uz-Latn-1995' && x.from === 'uz-Latn');
  assert.ok(list.length > 20);
  for (const p of list) assert.equal(comparable(conv.convert(p.source), p.to), comparable(p.expected, p.to), p.source);
});

test("kk-Latn-2018: every pair passes (one with its publisher's documented option)", () => {
  const list = pairs.filter((x) => x.scheme === 'kk-Latn-2018' && x.from === 'kk-Cyrl');
  assert.ok(list.length > 0);
  for (const p of list) {
    const options = KK_LATN_2018_WITH_OPTIONS.get(p.source);
    const conv = createConverter({ from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018', ...(options ? { options } : {}) });
    assert.equal(comparable(conv.convert(p.source), p.to), comparable(p.expected, p.to), p.source);
    if (options) {
      const agency = createConverter({ from: 'kk-Cyrl', to: 'kk-Latn', scheme: 'kk-Latn-2018' });
      assert.notEqual(agency.convert(p.source), p.expected, 'the option is needed, or remove it from the list');
    }
  }
});
