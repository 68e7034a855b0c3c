// PostgreSQL goes away under load: `pg_ctl restart`, then a 10 s stop. The server must stay alive,
// answer 503 (with Retry-After) for what needs the database while it is away — never a 500, never
// hang past its timeouts — keep serving cached pages, and recover by itself when it is back.
import {
  dataDir,
  fmt,
  havePostgres,
  log,
  Newsroom,
  PgCluster,
  QUICK,
  request,
  scenario,
  sleep,
  startServer,
  tally,
  workDir,
  type Server,
} from './lib.ts';

interface Sample {
  at: number;
  url: string;
  status: number;
  ms: number;
  retryAfter: boolean;
}

/** Readers and a newsroom reader hitting the server until stopped: cached pages and pages that need the database. */
function load(server: Server, nr: Newsroom, out: Sample[], stop: { now: boolean }): Promise<void> {
  let n = 0;
  const one = async () => {
    while (!stop.now && server.alive) {
      n++;
      // Uncached: a search (never cached), a past-the-end page (404 needs a query), the newsroom's list.
      const url = [
        `/kz/search?q=w${n}`,
        '/api/newsroom/articles?limit=5',
        '/kz/',
        `/api/v1/articles?edition=kz&limit=${1 + (n % 7)}`,
        '/readyz',
      ][n % 5]!;
      const started = Date.now();
      const a = url.startsWith('/api/newsroom')
        ? await nr.call('GET', url, undefined, { timeoutMs: 20_000 })
        : await request(server.url + url, { timeoutMs: 20_000 });
      out.push({ at: started, url, status: a.status, ms: a.ms, retryAfter: a.headers.has('retry-after') });
      await sleep(20);
    }
  };
  return Promise.all(Array.from({ length: 6 }, one)).then(() => undefined);
}

async function recovered(server: Server, nr: Newsroom, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    const [a, b] = await Promise.all([
      request(`${server.url}/kz/search?q=recovery${Date.now()}`),
      nr.call('GET', '/api/newsroom/articles?limit=1'),
    ]);
    if (a.status === 200 && b.status === 200) return Date.now() - started;
    await sleep(250);
  }
  return -1;
}

await scenario('pg-outage', async (v) => {
  if (!havePostgres()) throw new Error('no PostgreSQL binaries');
  const work = workDir('pgoutage');
  const cluster = await PgCluster.start(work);
  const url = await cluster.database('outage');
  // The public API's per-client rate limit would answer this load with 429s: lifted here.
  const server = await startServer({ dataDir: dataDir(work, 'data'), databaseUrl: url, env: { API_RATE_ANONYMOUS: '1000000' } });
  const nr = await Newsroom.signIn(server.url);
  await request(`${server.url}/kz/`);

  // 1. pg_ctl restart under load.
  let samples: Sample[] = [];
  let stop = { now: false };
  let running = load(server, nr, samples, stop);
  await sleep(1500);
  cluster.restart();
  log('restarted PostgreSQL');
  const afterRestart = await recovered(server, nr, 30_000);
  stop.now = true;
  await running;
  v.figure('restart_statuses', fmt(tally(samples.map((s) => s.status))));
  v.figure('restart_recovered_ms', afterRestart);
  if (!v.check(server.alive, 'the server died when PostgreSQL restarted')) {
    v.figure('last_words', JSON.stringify(server.tail(2).slice(0, 300)));
    return;
  }
  v.check(afterRestart >= 0, 'not recovered within 30 s of a PostgreSQL restart');
  v.check(
    samples.every((s) => s.status !== 500),
    `${samples.filter((s) => s.status === 500).length} answers were 500 around the restart`,
  );

  // 2. A 10 s stop under load.
  samples = [];
  stop = { now: false };
  running = load(server, nr, samples, stop);
  await sleep(1000);
  cluster.stop();
  const downAt = Date.now();
  log('stopped PostgreSQL');
  await sleep(QUICK ? 10_000 : 10_000);
  cluster.start();
  const upAt = Date.now();
  log('started PostgreSQL');
  const afterStop = server.alive ? await recovered(server, nr, 30_000) : -1;
  stop.now = true;
  await running;
  const during = samples.filter((s) => s.at >= downAt + 500 && s.at + s.ms <= upAt);
  const needDb = during.filter((s) => s.url !== '/kz/');
  v.figure('outage_statuses', fmt(tally(during.map((s) => s.status))));
  v.figure('outage_cached_home', fmt(tally(during.filter((s) => s.url === '/kz/').map((s) => s.status))));
  v.figure('outage_slowest_ms', Math.round(Math.max(0, ...during.map((s) => s.ms))));
  v.figure('stop_recovered_ms', afterStop);
  v.check(server.alive, 'the server died while PostgreSQL was stopped');
  v.check(
    needDb.length > 0 && needDb.every((s) => s.status === 503),
    `during the outage, requests that need the database answered ${fmt(tally(needDb.map((s) => s.status)))} (want 503 only)`,
  );
  v.check(
    needDb.filter((s) => s.status === 503).every((s) => s.retryAfter),
    '503s without Retry-After',
  );
  v.check(
    during.filter((s) => s.url === '/kz/').every((s) => s.status === 200),
    'the cached home page was not served during the outage',
  );
  v.check(
    during.every((s) => s.status !== -1),
    'requests hung during the outage',
  );
  v.check(afterStop >= 0, 'not recovered within 30 s after PostgreSQL came back');
  v.check(
    samples.every((s) => s.status !== 500),
    `${samples.filter((s) => s.status === 500).length} answers were 500`,
  );
  await server.stop();
});
