// Two servers started on one SQLite file. Either the second refuses to start with a clear message
// (and the first goes on serving), or both serve: then concurrent writes through both get no 5xx,
// every acknowledged write is stored, and a publication through one reaches the other's cached pages.
import { dataDir, fmt, Newsroom, request, scenario, sleep, startServer, tally, textBody, tryStart, workDir, type Server } from './lib.ts';

async function writes(server: Server, stopAt: number, acked: Map<number, string>, statuses: number[]): Promise<void> {
  const nr = await Newsroom.signIn(server.url);
  const sectionId = (JSON.parse((await nr.call('GET', '/api/newsroom/sections')).body) as { items: { id: number }[] }).items[0]!.id;
  await Promise.all(
    Array.from({ length: 3 }, async (_, w) => {
      for (let i = 0; Date.now() < stopAt; i++) {
        const headline = `Two writers ${server.port}-${w}-${i}`;
        const res = await nr.call(
          'POST',
          '/api/newsroom/articles',
          { edition: 'kz', sectionId, headline, lead: 'x' },
          { timeoutMs: 20_000 },
        );
        statuses.push(res.status);
        if (res.status === 201) acked.set((JSON.parse(res.body) as { id: number }).id, headline);
      }
    }),
  );
}

await scenario('sqlite-two-writers', async (v) => {
  const work = workDir('twowriters');
  const dir = dataDir(work, 'data');
  const first = await startServer({ dataDir: dir });
  const second = await tryStart({ dataDir: dir, waitMs: 90_000 });
  if (!second.server) {
    v.figure('second_server', 'refused');
    v.figure('message', JSON.stringify(second.output.slice(0, 200)));
    v.check(/sqlite|database|lock|another|process/i.test(second.output), 'the refusal does not say why');
    v.check((await request(`${first.url}/kz/`)).status === 200 && first.alive, 'the first server stopped serving');
    await first.stop();
    return;
  }
  v.figure('second_server', 'started');
  const other = second.server;
  const acked = new Map<number, string>();
  const statuses: number[] = [];
  const stopAt = Date.now() + 5000;
  await Promise.all([writes(first, stopAt, acked, statuses), writes(other, stopAt, acked, statuses)]);
  v.figure('writes', fmt(tally(statuses)));
  v.check(
    statuses.every((s) => s > 0 && s < 500),
    `${statuses.filter((s) => s <= 0 || s >= 500).length} writes failed with 5xx or no answer`,
  );
  const nr = await Newsroom.signIn(first.url);
  let missing = 0;
  for (const [id, headline] of acked) {
    const res = await nr.call('GET', `/api/newsroom/articles/${id}`);
    if (res.status !== 200 || (JSON.parse(res.body) as { headline: string }).headline !== headline) missing++;
  }
  v.figure('acked', acked.size);
  v.check(missing === 0, `${missing} acknowledged writes missing`);

  // A publication through the second reaches the first's cached home.
  await request(`${first.url}/kz/`);
  const nr2 = await Newsroom.signIn(other.url);
  const sectionId = (JSON.parse((await nr2.call('GET', '/api/newsroom/sections')).body) as { items: { id: number }[] }).items[0]!.id;
  const headline = `Екінші процесс ${Date.now() % 1e6}`;
  const a = JSON.parse(
    (await nr2.call('POST', '/api/newsroom/articles', { edition: 'kz', sectionId, headline, lead: 'x', body: textBody() })).body,
  ) as {
    id: number;
    revision: number;
  };
  await nr2.call('POST', `/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
  let seen = -1;
  for (const started = Date.now(); Date.now() - started < 15_000; await sleep(250)) {
    if ((await request(`${first.url}/kz/`)).body.includes(headline)) {
      seen = Date.now() - started;
      break;
    }
  }
  v.figure('invalidation_ms', seen);
  v.check(seen >= 0, "a publication through the second server never reached the first's cached home page (within 15 s)");
  await other.stop();
  await first.stop();
});
