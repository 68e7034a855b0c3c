// `npm run script:report [-- --verbose]`: runs every pair of the shared test file
// (/work/shared/testdata/script-pairs.jsonl, or SCRIPT_PAIRS=path) through the matching
// converter and prints the pass rate per scheme and direction. Informational: always exits 0.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exceptionFor, KK_LATN_2018_WITH_OPTIONS } from './pairExceptions.ts';
import { createConverter } from '../src/script/converter.ts';
import type { Converter, Scheme, ScriptTag } from '../src/script/types.ts';

export interface Pair {
  readonly from: ScriptTag;
  readonly to: ScriptTag;
  readonly source: string;
  readonly expected: string;
  readonly provenance: string;
  readonly scheme: string;
}

/** A copy of shared/testdata/script-pairs.jsonl (public pairs, provenance in each line). */
export const PAIRS_FILE = process.env['SCRIPT_PAIRS'] ?? fileURLToPath(new URL('../test/fixtures/script-pairs.jsonl', import.meta.url));

export function readPairs(file: string = PAIRS_FILE): Pair[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Pair);
}

/** Comparison form (scripts.md §7): NFC; one apostrophe for Uzbek; U+0674 ≡ U+0621 for Arabic. */
export function comparable(text: string, to: ScriptTag): string {
  let t = text.normalize('NFC');
  if (to.startsWith('uz-')) t = t.replace(/[ʻʼ‘’'`´]/g, "'");
  if (to === 'kk-Arab') t = t.replace(/\u0674/g, '\u0621');
  return t;
}

/** Scheme of our converter for a pair's scheme label; null = no matching scheme (skipped). */
export function schemeFor(pair: Pair): Scheme | null {
  switch (pair.scheme) {
    case 'mediawiki-kk-arab':
      return 'kk-Arab-mediawiki';
    case 'mediawiki-kk-latn': // MediaWiki's Turkish-style Latin is not one of our schemes
    case 'mediawiki-uz-latn': // plain letter table, no official rules
      return null;
    default:
      return pair.scheme as Scheme;
  }
}

/** A pair the converter does not reproduce on purpose (scripts/pairExceptions.ts). */
function documented(pair: Pair): boolean {
  if (pair.scheme === 'uz-Latn-1995' && pair.from === 'uz-Cyrl') return exceptionFor(pair.source, pair.expected) !== undefined;
  if (pair.scheme === 'kk-Latn-2018') {
    const options = KK_LATN_2018_WITH_OPTIONS.get(pair.source);
    if (!options) return false;
    const conv = createConverter({ from: pair.from, to: pair.to, scheme: 'kk-Latn-2018', options });
    return comparable(conv.convert(pair.source), pair.to) === comparable(pair.expected, pair.to);
  }
  return false;
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const pairs = readPairs();
  const converters = new Map<string, Converter>();
  const rows = new Map<string, { pass: number; excused: number; total: number; failures: string[] }>();
  const skipped = new Map<string, number>();
  for (const pair of pairs) {
    const scheme = schemeFor(pair);
    if (scheme === null) {
      skipped.set(pair.scheme, (skipped.get(pair.scheme) ?? 0) + 1);
      continue;
    }
    const key = `${pair.from} → ${pair.to} ${scheme}`;
    let conv = converters.get(key);
    if (conv === undefined) {
      conv = createConverter({ from: pair.from, to: pair.to, scheme });
      converters.set(key, conv);
    }
    const row = rows.get(key) ?? { pass: 0, excused: 0, total: 0, failures: [] };
    rows.set(key, row);
    row.total++;
    const got = conv.convert(pair.source);
    if (comparable(got, pair.to) === comparable(pair.expected, pair.to)) row.pass++;
    else if (documented(pair)) row.excused++;
    else row.failures.push(`  source:   ${pair.source}\n  expected: ${pair.expected}\n  got:      ${got}`);
  }
  console.log('| scheme and direction | pass | total | rate | documented exceptions | rate without them |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [key, row] of rows) {
    const rate = ((100 * row.pass) / row.total).toFixed(1);
    const net = ((100 * row.pass) / (row.total - row.excused)).toFixed(1);
    console.log(`| ${key} | ${row.pass} | ${row.total} | ${rate}% | ${row.excused} | ${net}% |`);
  }
  for (const [scheme, count] of skipped) {
    console.log(`note: ${count} ${scheme} pairs skipped — no converter scheme matches MediaWiki's letter table`);
  }
  if (verbose) {
    for (const [key, row] of rows) {
      if (row.failures.length === 0) continue;
      console.log(`\n## ${key}: ${row.failures.length} failures\n`);
      console.log(row.failures.join('\n\n'));
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
