// A quick probe of search speed on a seeded database (not part of `npm run bench`): times the
// search service the reader page uses (the engine's page of ids and count, then bodies and
// snippets for the rows shown) for a few common and rare words, RUNS times each, and prints the
// median and p99 in ms. Cache off: nothing is kept between runs but the database's own pages.
//
//   DATABASE_URL=sqlite:/tmp/x.db npx tsx bench/searchProbe.ts [--runs 20] [--edition en] [word …]
import { parseArgs } from 'node:util';
import os from 'node:os';
import { openDatabase } from '../src/services/database.ts';
import { SearchService, languageOf, snippet, textOfBody } from '../src/search/engine.ts';
import { bodiesOf, type SearchOrder } from '../src/store/search.ts';
import type { EditionCode } from '../src/editions/editions.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '20' }, edition: { type: 'string', default: 'en' } },
});
const runs = Math.max(1, Math.min(200, Number(values.runs)));
const edition = values.edition as EditionCode;
const url = process.env['DATABASE_URL'];
if (!url) throw new Error('DATABASE_URL is required (a throwaway seeded database)');
// Common words of the generated and demo English text, then rare ones and one with no match.
const words = positionals.length > 0 ? positionals : ['government', 'minister', 'the', 'astana', 'investment', 'zzyzxq'];

const handle = openDatabase(url, { parallelQuery: false });
const service = new SearchService(handle.db);
const visibleAt = new Date().toISOString();

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function once(query: string, order: SearchOrder): Promise<{ ms: number; total: number }> {
  const t0 = performance.now();
  const r = await service.search({ query, edition, order, limit: 20, offset: 0, scope: { editions: [edition], visibleAt } });
  const bodies = await bodiesOf(handle.db, r.ids);
  for (const id of r.ids) {
    const b = bodies.get(id);
    snippet(textOfBody(b?.body ?? '[]') || (b?.lead ?? ''), r.parsed, languageOf(edition));
  }
  if (r.total === 0) await service.countsByEdition(query, visibleAt);
  return { ms: performance.now() - t0, total: r.total };
}

try {
  process.stdout.write(
    `${handle.dialect} ${edition} runs=${runs} loadavg=${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );
  for (const order of ['relevance', 'newest'] as const) {
    for (const w of words) {
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < runs; i++) {
        const r = await once(w, order);
        times.push(r.ms);
        total = r.total;
      }
      process.stdout.write(
        `${order.padEnd(9)} ${w.padEnd(12)} total=${String(total).padStart(6)}  median ${percentile(times, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(times, 99).toFixed(1).padStart(7)} ms\n`,
      );
    }
  }
  process.stdout.write(
    `loadavg after: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );
} finally {
  service.forget();
  await handle.close();
}
