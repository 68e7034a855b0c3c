// Two servers on one PostgreSQL database; the LISTEN connections are terminated
// (pg_terminate_backend) and an article is published through the other server at once. The
// invalidation must still reach the process whose cached home page shows the old news: through
// the reconnected listener, or by the process dropping what it may have missed.
import {
  dataDir,
  havePostgres,
  log,
  Newsroom,
  PgCluster,
  request,
  scenario,
  sleep,
  textBody,
  startServer,
  workDir,
  type Server,
  type Verdict,
} from './lib.ts';

async function publish(nr: Newsroom, headline: string): Promise<void> {
  const sections = JSON.parse((await nr.call('GET', '/api/newsroom/sections')).body) as { items: { id: number }[] };
  const a = JSON.parse(
    (
      await nr.call('POST', '/api/newsroom/articles', {
        edition: 'kz',
        sectionId: sections.items[0]!.id,
        headline,
        lead: 'Лид.',
        body: textBody(),
      })
    ).body,
  ) as { id: number; revision: number };
  const res = await nr.call('POST', `/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
  if (res.status !== 200) throw new Error(`publish: ${res.status} ${res.body.slice(0, 200)}`);
}

async function shows(v: Verdict, server: Server, headline: string, withinMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if ((await request(`${server.url}/kz/`)).body.includes(headline)) {
      v.figure(`${what}_ms`, Date.now() - started);
      return;
    }
    await sleep(200);
  }
  v.check(false, `${what}: the other process's cached home never showed the new article within ${withinMs / 1000} s`);
}

await scenario('listen-drop', async (v) => {
  if (!havePostgres()) throw new Error('no PostgreSQL binaries');
  const work = workDir('listen');
  const cluster = await PgCluster.start(work);
  const url = await cluster.database('listen');
  const a = await startServer({ dataDir: dataDir(work, 'a'), databaseUrl: url });
  const b = await startServer({ dataDir: dataDir(work, 'b'), databaseUrl: url });
  const nr = await Newsroom.signIn(b.url);

  // Working bus first: a publication through b reaches a's cached home.
  await request(`${a.url}/kz/`);
  const first = `Екі процесс ${Date.now() % 1e6}`;
  await publish(nr, first);
  await shows(v, a, first, 10_000, 'before_drop');

  // The listeners' connections are cut, and b publishes at once.
  await request(`${a.url}/kz/`);
  const killed = await cluster.query<{ n: string }>(
    "SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity WHERE query ILIKE 'LISTEN%'",
    'listen',
  );
  v.figure('listeners_terminated', killed[0]?.n ?? '0');
  v.check(Number(killed[0]?.n ?? 0) >= 1, 'no LISTEN connection found to terminate');
  const during = `Үзілістен кейін ${Date.now() % 1e6}`;
  await publish(nr, during);
  await shows(v, a, during, 15_000, 'published_during_drop');
  v.check(a.alive && b.alive, 'a server died when its listener was terminated');

  // And after the listener is back, the bus works as before.
  await sleep(3000);
  await request(`${a.url}/kz/`);
  const after = `Қайта қосылды ${Date.now() % 1e6}`;
  await publish(nr, after);
  await shows(v, a, after, 10_000, 'after_reconnect');
  log('done');
  await a.stop();
  await b.stop();
});
