// The article page with WORKERS=1 and WORKERS=2 (BENCH_WORKERS=on or BENCH_ONLY=workers).
import http from 'node:http';
import { DURATION, load, startServer, stop, type Load } from './lib.ts';

/** /healthz answers once one worker listens: wait until every worker has answered /readyz. */
async function allWorkersUp(origin: string, workers: number, timeoutMs = 120_000): Promise<void> {
  if (workers < 2) return;
  const seen = new Set<number>();
  const until = Date.now() + timeoutMs;
  while (seen.size < workers) {
    if (Date.now() > until) throw new Error(`only ${seen.size} of ${workers} workers answered at ${origin}`);
    // A connection of its own each time: the cluster hands new connections to the workers in turn.
    const body = await new Promise<string>((resolve) => {
      http
        .get(`${origin}/readyz`, { agent: false }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => {
            text += c.toString();
          });
          res.on('end', () => resolve(text));
        })
        .on('error', () => resolve('{}'));
    });
    let worker: number | undefined;
    try {
      worker = (JSON.parse(body) as { worker?: number }).worker;
    } catch {
      /* not up yet */
    }
    if (worker !== undefined) seen.add(worker);
    else await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The article page with WORKERS=1 and WORKERS=2, cache on (gzip) and off, every server on every
 * core (unlike the rest of the bench): what a second worker process adds on this machine.
 */
export async function benchWorkers(
  env: Record<string, string>,
  article: string,
): Promise<{ rows: string[][]; results: Record<string, Load> }> {
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
        rows.push([
          `article, WORKERS=${workers}, cache ${cache}`,
          String(ours.rps),
          `${ours.p50} ms`,
          `${ours.p99} ms`,
          String(ours.errors + ours.non2xx),
        ]);
      } finally {
        await stop(server);
      }
    }
  }
  return { rows, results };
}

export function printWorkers(rows: string[][]): void {
  console.log('\n| article page | req/s | p50 | p99 | errors |');
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
