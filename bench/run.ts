// `npm run bench`: seeds throwaway databases (BENCH_DBS=sqlite,postgres — PostgreSQL in a cluster
// of its own) at each size (BENCH_SIZES=100000,1000000), starts a server per size with the cache
// off and measures every page type at c=1 on each size in turn (a warm-up round, two passes, each
// page's better median kept; servers pinned to one core, this process to the other), the largest response head, search median and p99 (the
// page, and the search service alone in this process), and
// one publish through the service; then a cached article page against a bare node:http server
// replaying its exact headers and body (c=32, alternating runs). Prints one table per database
// with the sizes side by side and the largest/smallest ratio, and writes JSON under bench/results/.
// Only 127.0.0.1 is ever loaded. BENCH_WORKERS=on adds WORKERS=1/2; BENCH_ONLY=workers runs only that;
// BENCH_SCRIPTS=off skips the script converters' speed; BENCH_PROFILE=1 profiles the cache-hit path.
// Page weight (bench/weight.ts) on the demo seed and a few generated articles: BENCH_WEIGHT=off skips
// it, BENCH_ONLY=weight runs only that; over budget, the summary line says ✗ and the run exits 1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedDemo } from '../src/services/demoSeed.ts';
import { seedBulk } from '../src/services/demoArchive.ts';
import { SearchService } from '../src/search/engine.ts';
import { benchPublish } from './publish.ts';
import { findPages, type Pages } from './pages.ts';
import { startBenchPostgres, type BenchPostgres } from './postgres.ts';
import { pinned, root, sequentialLatency, startServer, stop, uptime, type Latency } from './lib.ts';
import { benchWarm, type WarmResult } from './warm.ts';
import { benchWorkers, printWorkers } from './workers.ts';
import { benchWeight, printWeight, type WeightRow } from './weight.ts';

const SIZES = (process.env['BENCH_SIZES'] ?? process.env['BENCH_ARTICLES'] ?? '100000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
  .sort((a, b) => a - b);
const DBS = (process.env['BENCH_DBS'] ?? 'sqlite').split(',').filter((d): d is 'sqlite' | 'postgres' => d === 'sqlite' || d === 'postgres');
const ONLY = process.env['BENCH_ONLY'];
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 200);
const WARM = process.env['BENCH_WARM'] !== 'off';
const WEIGHT = process.env['BENCH_WEIGHT'] !== 'off';
/** Generated articles beside the demo seed for the page weight (one per written edition is enough). */
const WEIGHT_GENERATED = 200;

interface SizeResult {
  articles: number;
  seedSeconds: number;
  seedCpuSeconds: number;
  pages: Pages;
  latency: Record<string, Latency>;
  maxHeaderBytes: { page: string; bytes: number };
  publish: { publish: number; searchIndex: number; withoutIndex: number };
  /** The search service alone (what the page asks: count, ids, ranking), per query word. */
  searchQuery: Record<string, { p50: number; p99: number }>;
  load: { before: string; after: string };
  warm?: WarmResult;
}

/** A fresh database of the dialect with the demo content and `count` generated articles. */
async function seeded(dialect: 'sqlite' | 'postgres', count: number, dir: string, pgCluster: BenchPostgres | null) {
  const url = dialect === 'sqlite' ? `sqlite:${path.join(dir, `bench-${count}.db`)}` : await pgCluster!.createDatabase(`bench_${count}`);
  const env = { DATA_DIR: dir, DATABASE_URL: url, API_RATE_ANONYMOUS: '1000000' };
  const handle = connect(url);
  let firstGeneratedId: number;
  let seedSeconds: number;
  let seedCpuSeconds: number;
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle, { dataDir: dir, now: new Date() });
    firstGeneratedId =
      Number(
        (
          await handle.db
            .selectFrom('articles')
            .select((eb) => eb.fn.max('id').as('m'))
            .executeTakeFirstOrThrow()
        ).m,
      ) + 1;
    console.log(`bench: ${dialect}: seeding ${count} articles (load ${uptime()})`);
    const started = Date.now();
    const cpu = process.cpuUsage();
    // The seeding's own connections, opened after the widening (a backend keeps the cores of
    // the moment it was forked).
    pgCluster?.cores('all');
    const seeding = dialect === 'postgres' ? connect(url) : handle;
    try {
      await seedBulk(seeding, count, { now: new Date() });
    } finally {
      if (seeding !== handle) await seeding.close();
      pgCluster?.cores('server');
    }
    seedSeconds = (Date.now() - started) / 1000;
    // On a shared machine the wall time says more about the neighbours than about the seed:
    // SQLite's work happens in this process, so its CPU time is the seed's own cost.
    const used = process.cpuUsage(cpu);
    seedCpuSeconds = (used.user + used.system) / 1e6;
  } finally {
    await handle.close();
  }
  console.log(`bench: ${dialect}: seeded ${count} in ${seedSeconds.toFixed(1)} s (this process's CPU ${seedCpuSeconds.toFixed(1)} s)`);
  return { env, firstGeneratedId, seedSeconds, seedCpuSeconds };
}

/**
 * Every size of one database, measured side by side: all sizes are seeded first, then each page is
 * measured on every size in turn (a warm-up round, then two passes, each page's better median
 * kept), so a ratio compares figures taken seconds apart. Measured size after size, the machine's
 * drift between the first size and the last (on a shared host, minutes of it) became the ratio.
 */
async function measureSizes(
  dialect: 'sqlite' | 'postgres',
  counts: readonly number[],
  dir: string,
  pgCluster: BenchPostgres | null,
  warm: boolean,
): Promise<SizeResult[]> {
  const dbs: (Awaited<ReturnType<typeof seeded>> & { count: number; before: string })[] = [];
  for (const count of counts) {
    const before = uptime();
    dbs.push({ count, before, ...(await seeded(dialect, count, dir, pgCluster)) });
  }
  // PostgreSQL: autovacuum would visit every loaded table in the first minutes of the measurement,
  // on the server's core; a VACUUM first brings every size to the state a running site reaches.
  if (pgCluster) {
    pgCluster.cores('all');
    try {
      for (const db of dbs) {
        const started = Date.now();
        const h = connect(db.env.DATABASE_URL);
        try {
          await sql.raw('vacuum').execute(h.db);
        } finally {
          await h.close();
        }
        console.log(`bench: postgres: vacuumed ${db.count} in ${((Date.now() - started) / 1000).toFixed(1)} s (not part of the seeding)`);
      }
    } finally {
      pgCluster.cores('server');
    }
  }
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  const latency: Record<string, Latency>[] = dbs.map(() => ({}));
  const pages: Pages[] = [];
  try {
    for (const db of dbs) servers.push(await startServer({ ...db.env, PAGE_CACHE: 'off' }));
    for (const [i, db] of dbs.entries()) pages.push(await findPages(servers[i]!.origin, db.env.DATABASE_URL, db.firstGeneratedId));
    const names = [...new Set(pages.flatMap((p) => Object.keys(p)))];
    // A warm-up round (the smaller database was last read before the larger one was seeded), then
    // two passes; each page keeps its better median (a neighbour's burst hits one pass, not both).
    for (let pass = -1; pass < 2; pass++) {
      for (const name of names) {
        for (const [i, server] of servers.entries()) {
          const p = pages[i]![name];
          if (!p) continue;
          const n = pass < 0 ? 20 : name.startsWith('sitemap part') ? Math.min(REQUESTS, 30) : REQUESTS;
          const r = await sequentialLatency(`${server.origin}${p}`, n);
          if (pass < 0) continue;
          const prev = latency[i]![name];
          if (!prev || r.p50 < prev.p50) latency[i]![name] = prev ? { ...r, headerBytes: Math.max(r.headerBytes, prev.headerBytes) } : r;
          else prev.headerBytes = Math.max(prev.headerBytes, r.headerBytes);
        }
      }
    }
  } finally {
    for (const server of servers) await stop(server);
  }
  // The search service alone, the sizes in turn twice, each word's better median kept.
  const searchQuery: Record<string, { p50: number; p99: number }>[] = dbs.map(() => ({}));
  for (let pass = 0; pass < 2; pass++) {
    for (const [i, db] of dbs.entries()) {
      for (const [word, r] of Object.entries(await benchSearchQueries(db.env.DATABASE_URL, pages[i]!))) {
        const prev = searchQuery[i]![word];
        if (!prev || r.p50 < prev.p50) searchQuery[i]![word] = r;
      }
    }
  }
  const results: SizeResult[] = [];
  for (const [i, db] of dbs.entries()) {
    const largest = Object.entries(latency[i]!).sort((a, b) => b[1].headerBytes - a[1].headerBytes)[0]!;
    const result: SizeResult = {
      articles: db.count,
      seedSeconds: db.seedSeconds,
      seedCpuSeconds: db.seedCpuSeconds,
      pages: pages[i]!,
      latency: latency[i]!,
      maxHeaderBytes: { page: largest[0], bytes: largest[1].headerBytes },
      publish: await benchPublish(db.env),
      searchQuery: searchQuery[i]!,
      load: { before: db.before, after: uptime() },
    };
    if (warm && i === 0) result.warm = await benchWarm(db.env, dir, pages[i]!['article (generated)'] ?? pages[i]!['article (demo)']!);
    if (dialect === 'sqlite') for (const f of fs.readdirSync(dir)) if (f.startsWith(`bench-${db.count}.db`)) fs.rmSync(path.join(dir, f));
    results.push(result);
  }
  return results;
}

/** SEARCH_QUERY_RUNS runs of each search page's query through the search service, in this process. */
const SEARCH_QUERY_RUNS = 100;

async function benchSearchQueries(url: string, pages: Pages): Promise<Record<string, { p50: number; p99: number }>> {
  // Connected as the server is (no parallel workers: see ConnectOptions.parallelQuery).
  const handle = connect(url, { parallelQuery: false });
  const service = new SearchService(handle.db);
  const out: Record<string, { p50: number; p99: number }> = {};
  try {
    for (const [name, p] of Object.entries(pages)) {
      if (!name.startsWith('search')) continue;
      const query = new URL(p, 'http://x').searchParams.get('q') ?? '';
      const times: number[] = [];
      for (let i = 0; i < SEARCH_QUERY_RUNS + 5; i++) {
        const t0 = performance.now();
        await service.search({
          query,
          edition: 'en',
          scope: { editions: ['en'], visibleAt: new Date().toISOString() },
          order: 'relevance',
          limit: 20,
          offset: 0,
        });
        if (i >= 5) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      out[name.replace(/^search/, 'search query')] = {
        p50: times[Math.floor(times.length / 2)]!,
        p99: times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)]!,
      };
    }
  } finally {
    await handle.close();
  }
  return out;
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

function printTable(dialect: string, results: SizeResult[]): void {
  const sizes = results.map((r) => r.articles.toLocaleString('en'));
  const first = results[0]!;
  const last = results.at(-1)!;
  const ratioHead = results.length > 1 ? ` ${sizes.at(-1)} / ${sizes[0]} |` : '';
  console.log(`\n### ${dialect} (cache off, c=1 median ms, better of two passes; p99 in brackets for search)\n`);
  console.log(`| page |${sizes.map((s) => ` ${s} |`).join('')}${ratioHead}`);
  console.log(`|---|${sizes.map(() => '---|').join('')}${results.length > 1 ? '---|' : ''}`);
  for (const name of Object.keys(last.latency)) {
    const cells = results
      .map((r) => {
        const l = r.latency[name];
        if (!l) return ' – |';
        const p99 = name.startsWith('search') ? ` (p99 ${fmt(l.p99)})` : '';
        return ` ${fmt(l.p50)}${p99}${l.status === 200 ? '' : ` [${l.status}]`} |`;
      })
      .join('');
    const a = first.latency[name]?.p50;
    const b = last.latency[name]?.p50;
    const ratio = results.length > 1 && a && b ? ` ${(b / a).toFixed(2)}${b / a > 1.5 ? ' ✗' : ''} |` : results.length > 1 ? ' – |' : '';
    console.log(`| ${name} |${cells}${ratio}`);
  }
  for (const name of Object.keys(last.searchQuery ?? {})) {
    const cells = results.map((r) => {
      const q = r.searchQuery?.[name];
      return q ? ` ${fmt(q.p50)} (p99 ${fmt(q.p99)}) |` : ' – |';
    });
    const a = first.searchQuery?.[name]?.p50;
    const b = last.searchQuery?.[name]?.p50;
    const ratio = results.length > 1 && a && b ? ` ${(b / a).toFixed(2)}${b / a > 1.5 ? ' ✗' : ''} |` : results.length > 1 ? ' – |' : '';
    console.log(`| ${name}, the service alone |${cells.join('')}${ratio}`);
  }
  console.log(
    `| largest response head (bytes) |${results.map((r) => ` ${r.maxHeaderBytes.bytes} (${r.maxHeaderBytes.page}) |`).join('')}${results.length > 1 ? ' |' : ''}`,
  );
  console.log(
    `| seeding (s; CPU s of the seeding process) |${results.map((r) => ` ${r.seedSeconds.toFixed(1)} (${r.seedCpuSeconds.toFixed(1)}) |`).join('')}${results.length > 1 ? ` ${(last.seedSeconds / first.seedSeconds).toFixed(1)} |` : ''}`,
  );
  console.log(
    `| publish one article (ms), of which search index |${results.map((r) => ` ${fmt(r.publish.publish)}, ${fmt(r.publish.searchIndex)} |`).join('')}${results.length > 1 ? ' |' : ''}`,
  );
  console.log(
    `| load average (before → after) |${results.map((r) => ` ${r.load.before} → ${r.load.after} |`).join('')}${results.length > 1 ? ' |' : ''}`,
  );
  for (const r of results) {
    if (!r.warm) continue;
    const w = r.warm;
    console.log(
      `\nwarm cache, ${dialect}, ${r.articles.toLocaleString('en')} articles: cached article ${w.ours.rps} req/s vs bare node:http replaying the same ${w.headerCount} headers and ${w.bodyBytes} bytes ${w.bare.rps} req/s: ratio ${w.ratio} (p50 ${w.ours.p50} vs ${w.bare.p50} ms)`,
    );
    if (w.profile) for (const p of w.profile) console.log(`  ${p.self}%  ${p.name}`);
  }
}

async function main(): Promise<void> {
  // One data folder for every run: the demo photos are written once and reused (seedDemo), the
  // databases are removed after each size.
  const dir = path.join(os.tmpdir(), `habarshy-bench-${DBS.join('-')}`);
  fs.mkdirSync(dir, { recursive: true });
  console.log(`bench: sizes ${SIZES.join(', ')} on ${DBS.join(', ')}; pinned: ${pinned}; ${os.cpus().length} cores; load ${uptime()}`);
  if (ONLY === 'workers') {
    const { env, firstGeneratedId } = await seeded('sqlite', SIZES[0]!, dir, null);
    const probe = await startServer(env);
    const pages = await findPages(probe.origin, env.DATABASE_URL, firstGeneratedId);
    await stop(probe);
    printWorkers((await benchWorkers(env, pages['article (demo)']!)).rows);
    return;
  }
  if (ONLY === 'weight') {
    try {
      const { env, firstGeneratedId } = await seeded('sqlite', WEIGHT_GENERATED, dir, null);
      if (!(await benchWeight(env, firstGeneratedId)).ok) process.exitCode = 1;
    } finally {
      for (const f of fs.readdirSync(dir)) if (f !== 'media') fs.rmSync(path.join(dir, f), { recursive: true, force: true });
    }
    return;
  }
  const all: Record<string, SizeResult[]> = {};
  let weight: WeightRow[] | null = null;
  let pgCluster: BenchPostgres | null = null;
  try {
    if (WEIGHT) {
      const { env, firstGeneratedId } = await seeded('sqlite', WEIGHT_GENERATED, dir, null);
      weight = (await benchWeight(env, firstGeneratedId)).rows;
    }
    for (const dialect of DBS) {
      if (dialect === 'postgres') pgCluster = await startBenchPostgres();
      all[dialect] = await measureSizes(dialect, SIZES, dir, pgCluster, WARM);
      printTable(dialect, all[dialect]);
      pgCluster?.destroy();
      pgCluster = null;
    }
    if (process.env['BENCH_WORKERS'] === 'on') {
      const { env, firstGeneratedId } = await seeded('sqlite', SIZES[0]!, dir, null);
      const probe = await startServer(env);
      const pages = await findPages(probe.origin, env.DATABASE_URL, firstGeneratedId);
      await stop(probe);
      printWorkers((await benchWorkers(env, pages['article (demo)']!)).rows);
    }
  } finally {
    pgCluster?.destroy();
    for (const f of fs.readdirSync(dir)) if (f !== 'media') fs.rmSync(path.join(dir, f), { recursive: true, force: true });
  }
  console.log('\n## Results');
  for (const [dialect, results] of Object.entries(all)) printTable(dialect, results);
  if (weight && !printWeight(weight)) process.exitCode = 1;
  let scripts: unknown = null;
  if (process.env['BENCH_SCRIPTS'] !== 'off') {
    const { benchScripts } = await import('./script-speed.ts');
    const speeds = await benchScripts();
    scripts = speeds;
    console.log('\n| converter | MB/s |\n|---|---|');
    for (const s of speeds) console.log(`| ${s.converter} | ${s.mbPerSec} |`);
  }
  const outDir = path.join(root, 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify({ sizes: SIZES, dbs: DBS, pinned, results: all, scripts, weight }, null, 2));
  console.log(`\nwritten ${path.relative(root, file)}`);
}

await main();
