// `npm run bench`: seeds a throwaway database with 100 000 articles, starts the server, and
// measures with autocannon against 127.0.0.1 only — our pages with the cache warm and off, and a
// bare node:http server sending bodies of the same size — plus the script converters' speed.
// Prints a table and writes JSON under bench/results/. Ratios, not absolute times, are the targets.
// Warm-cache pairs (ours, bare) alternate twice and keep each side's better run.
// Then the article page with WORKERS=1 and WORKERS=2, cache on and off (BENCH_ONLY=workers runs
// only that part).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seedBulk, seedDemo } from '../src/services/demoSeed.ts';

const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const DURATION = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = 32;
const ONLY = process.env['BENCH_ONLY'];
const root = path.resolve(import.meta.dirname, '..');

// On a 2-core machine, pin the load generator to one core and the servers (ours and the bare one,
// never at the same time) to the other, so that the two sides compete for the same resources.
const pinned = os.cpus().length >= 2 && spawnSync('taskset', ['-pc', '1', String(process.pid)]).status === 0;
const pin = (args: string[]): [string, string[]] => (pinned ? ['taskset', ['-c', '0', ...args]] : [args[0]!, args.slice(1)]);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = http.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(url, { redirect: 'manual' });
      if (r.status < 500) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

async function startServer(env: Record<string, string>, opts: { allCores?: boolean } = {}): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const serveArgs = [process.execPath, path.join(root, 'bin/habarshy.js'), 'serve'];
  // Several workers get every core (the load generator's too: they compete, as on a real host);
  // a child inherits this process's pinning, so the affinity is widened explicitly.
  const [cmd, args] = opts.allCores
    ? (pinned ? ['taskset', ['-c', `0-${os.cpus().length - 1}`, ...serveArgs]] : [serveArgs[0]!, serveArgs.slice(1)])
    : pin(serveArgs);
  const child = spawn(cmd, args, {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/healthz`, opts.allCores ? 120_000 : 60_000);
  return { child, origin };
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

interface Load { rps: number; p50: number; p99: number; bytes: number; errors: number; non2xx: number }

async function load(url: string, opts: { connections?: number; gzip?: boolean; seconds?: number } = {}): Promise<Load> {
  const result = await autocannon({
    url, connections: opts.connections ?? CONNECTIONS, duration: opts.seconds ?? DURATION,
    headers: opts.gzip ? { 'accept-encoding': 'gzip' } : {},
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50, p99: result.latency.p99,
    bytes: Math.round(result.throughput.average / Math.max(1, result.requests.average)),
    errors: result.errors, non2xx: result.non2xx,
  };
}

/** Median latency at c=1 measured per request with a high-resolution clock (ms). */
async function sequentialLatency(url: string, count = 2000): Promise<{ p50: number; p90: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = process.hrtime.bigint();
    await new Promise<void>((resolve, reject) => {
      http.get(url, { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject);
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  return { p50: +times[Math.floor(count / 2)]!.toFixed(3), p90: +times[Math.floor(count * 0.9)]!.toFixed(3) };
}

/** A bare node:http server (in its own process) that sends the given files with the same headers. */
async function startBare(bodies: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  const code = `
    const http = require('http'); const fs = require('fs');
    const bodies = ${JSON.stringify(bodies)};
    const loaded = Object.fromEntries(Object.entries(bodies).map(([k, f]) => [k, fs.readFileSync(f)]));
    http.createServer((req, res) => {
      const body = loaded[req.url];
      if (!body) { res.statusCode = 404; return res.end(); }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-encoding', 'gzip');
      res.end(body);
    }).listen(${port}, '127.0.0.1');`;
  const [cmd, args] = pin([process.execPath, '-e', code]);
  const child = spawn(cmd, args, { stdio: 'inherit' });
  const origin = `http://127.0.0.1:${port}`;
  await waitFor(`${origin}/none`);
  return { child, origin };
}

async function gzipBody(url: string, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        fs.writeFileSync(file, body);
        resolve(body.length);
      });
    }).on('error', reject);
  });
}

async function findPages(origin: string): Promise<{ article: string; home: string; section: string }> {
  const home = await fetch(`${origin}/en/`).then((r) => r.text());
  const article = /href="(\/en\/news\/[^"]+)"/.exec(home)?.[1];
  const section = /<nav class="sections"[\s\S]*?href="(\/en\/[^"]+\/)"/.exec(home)?.[1];
  if (!article || !section) throw new Error('could not find an article and a section on /en/');
  return { article, home: '/en/', section };
}

/** /healthz answers once one worker listens: wait until every worker has answered /readyz. */
async function allWorkersUp(origin: string, workers: number, timeoutMs = 120_000): Promise<void> {
  if (workers < 2) return;
  const seen = new Set<number>();
  const until = Date.now() + timeoutMs;
  while (seen.size < workers) {
    if (Date.now() > until) throw new Error(`only ${seen.size} of ${workers} workers answered at ${origin}`);
    // A connection of its own each time: the cluster hands new connections to the workers in turn.
    const body = await new Promise<string>((resolve) => {
      http.get(`${origin}/readyz`, { agent: false }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c.toString();
        });
        res.on('end', () => resolve(text));
      }).on('error', () => resolve('{}'));
    });
    let worker: number | undefined;
    try {
      worker = (JSON.parse(body) as { worker?: number }).worker;
    } catch { /* not up yet */ }
    if (worker !== undefined) seen.add(worker);
    else await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The article page with WORKERS=1 and WORKERS=2, cache on (gzip) and off, every server on every
 * core (unlike the rest of the bench): what a second worker process adds on this machine.
 */
async function benchWorkers(env: Record<string, string>, article: string): Promise<{ rows: string[][]; results: Record<string, Load> }> {
  const rows: string[][] = [];
  const results: Record<string, Load> = {};
  for (const cache of ['on', 'off'] as const) {
    for (const workers of [1, 2]) {
      const server = await startServer({ ...env, WORKERS: String(workers), PAGE_CACHE: cache }, { allCores: true });
      try {
        await allWorkersUp(server.origin, workers);
        const url = `${server.origin}${article}`;
        await load(url, { gzip: cache === 'on', seconds: Math.min(2, DURATION) });
        const ours = await load(url, { gzip: cache === 'on' });
        results[`workers${workers}-cache-${cache}`] = ours;
        rows.push([`article, WORKERS=${workers}, cache ${cache}`, String(ours.rps), `${ours.p50} ms`, `${ours.p99} ms`, String(ours.errors + ours.non2xx)]);
      } finally {
        server.child.kill('SIGTERM');
        await new Promise((resolve) => server.child.once('exit', resolve));
      }
    }
  }
  return { rows, results };
}

function printWorkers(rows: string[][]): void {
  console.log('\n| article page | req/s | p50 | p99 | errors |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-bench-'));
  const env = { DATA_DIR: dir, DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}` };
  console.log(`bench: seeding ${ARTICLES} articles into ${dir}`);
  const handle = connect(env.DATABASE_URL);
  await migrateToLatest(handle.db);
  await seedDemo(handle, { dataDir: dir, now: new Date() });
  const seedStart = Date.now();
  await seedBulk(handle, ARTICLES, { now: new Date() });
  const seedSeconds = (Date.now() - seedStart) / 1000;
  await handle.close();
  console.log(`bench: seeded in ${seedSeconds.toFixed(1)} s`);

  if (ONLY === 'workers') {
    const probe = await startServer(env);
    const { article } = await findPages(probe.origin);
    probe.child.kill('SIGTERM');
    await new Promise((resolve) => probe.child.once('exit', resolve));
    const { rows } = await benchWorkers(env, article);
    printWorkers(rows);
    fs.rmSync(dir, { recursive: true, force: true });
    return;
  }

  const warm = await startServer(env);
  const pages = await findPages(warm.origin);
  const { article } = pages;

  const results: Record<string, unknown> = { articles: ARTICLES, seedSeconds, connections: CONNECTIONS, seconds: DURATION, pages, pinned };
  const rows: string[][] = [];
  const bare = await startBare(Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([name, p]) => {
    const file = path.join(dir, `${name}.gz`);
    await gzipBody(`${warm.origin}${p}`, file);
    return [`/${name}`, file] as const;
  }))));
  // Ours and the bare server alternate twice and each keeps its better run: on a shared 2-core
  // machine a single run is at the mercy of its neighbours.
  const best = (a: Load, b: Load) => (a.rps >= b.rps ? a : b);
  for (const [name, p] of Object.entries(pages)) {
    await load(`${warm.origin}${p}`, { gzip: true, seconds: 2 });
    await load(`${bare.origin}/${name}`, { gzip: true, seconds: 2 });
    let ours = await load(`${warm.origin}${p}`, { gzip: true });
    let base = await load(`${bare.origin}/${name}`, { gzip: true });
    ours = best(ours, await load(`${warm.origin}${p}`, { gzip: true }));
    base = best(base, await load(`${bare.origin}/${name}`, { gzip: true }));
    const ratio = +(ours.rps / base.rps).toFixed(3);
    results[`warm-${name}`] = { ours, bare: base, ratio };
    rows.push([`${name} (warm, gzip)`, String(ours.rps), String(base.rps), `${Math.round(ratio * 100)}%`, String(ours.bytes), `${ours.p50} ms`]);
  }
  const rssWarm = rssMb(warm.child.pid!);
  warm.child.kill('SIGTERM');
  bare.child.kill('SIGTERM');

  const cold = await startServer({ ...env, PAGE_CACHE: 'off' });
  for (const [name, p] of Object.entries(pages)) {
    const ours = await load(`${cold.origin}${p}`);
    results[`nocache-${name}`] = ours;
    rows.push([`${name} (cache off)`, String(ours.rps), '', '', String(ours.bytes), `${ours.p50} ms`]);
  }
  await sequentialLatency(`${cold.origin}${article}`, 300);
  const c1 = await sequentialLatency(`${cold.origin}${article}`);
  results['nocache-article-c1'] = c1;
  const rssCold = rssMb(cold.child.pid!);
  cold.child.kill('SIGTERM');
  results['rssMb'] = { warm: rssWarm, cacheOff: rssCold };
  await new Promise((resolve) => cold.child.once('exit', resolve));

  const workers = await benchWorkers(env, article);
  results['workers'] = workers.results;

  const { benchScripts } = await import('./script-speed.ts');
  const scripts = await benchScripts();
  results['scripts'] = scripts;

  console.log('\n| page | req/s | bare node:http req/s | ratio | bytes | p50 |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  console.log(`\ncache-off article at c=1: median ${c1.p50} ms, p90 ${c1.p90} ms`);
  console.log(`RSS with ${ARTICLES} articles: ${rssWarm} MB (cache warm), ${rssCold} MB (cache off)`);
  console.log(`seeding ${ARTICLES} articles: ${seedSeconds.toFixed(1)} s`);
  printWorkers(workers.rows);
  console.log('\n| converter | MB/s |\n|---|---|');
  for (const s of scripts) console.log(`| ${s.converter} | ${s.mbPerSec} |`);

  const outDir = path.join(root, 'bench/results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nwritten ${path.relative(root, file)}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
