// kill -9 during a write load, on SQLite and PostgreSQL: newsroom clients create, save and publish
// articles and log every acknowledged write; the server is killed mid-load and started again over
// the same data; every acknowledged write must be there. A webhook receiver on 127.0.0.1 checks
// that a delivery sent twice carries the same Habarshy-Delivery and body.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import {
  cli,
  dataDir,
  firstSectionId,
  havePostgres,
  log,
  Newsroom,
  PgCluster,
  QUICK,
  scenario,
  sleep,
  textBody,
  startServer,
  workDir,
  type Server,
  type Verdict,
} from './lib.ts';

interface Ack {
  id: number;
  publicId?: string;
  revision: number;
  headline: string;
  published: boolean;
}

interface Received {
  delivery: string;
  body: string;
}

function receiver(): Promise<{ server: http.Server; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ delivery: String(req.headers['habarshy-delivery']), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, received })),
  );
}

/** Writers that create, save and publish until stopped; each acknowledged write goes to the log. */
async function writeLoad(server: Server, ackLog: string, stop: { now: boolean }, writers: number): Promise<number> {
  const nr = await Newsroom.signIn(server.url);
  const sectionId = await firstSectionId(nr);
  let acks = 0;
  const ack = (a: Ack) => {
    fs.appendFileSync(ackLog, `${JSON.stringify(a)}\n`);
    acks++;
  };
  const writer = async (w: number) => {
    for (let i = 0; !stop.now; i++) {
      const headline = `Fault ${w}-${i} ${Date.now()}`;
      const created = await nr.call(
        'POST',
        '/api/newsroom/articles',
        { edition: 'kz', sectionId, headline, lead: 'Жүктеме.', body: textBody() },
        { timeoutMs: 10_000 },
      );
      if (created.status !== 201) {
        if (created.status > 0) await sleep(50);
        continue;
      }
      const a = JSON.parse(created.body) as { id: number; revision: number; publicId: string };
      ack({ id: a.id, publicId: a.publicId, revision: a.revision, headline, published: false });
      const saved = await nr.call(
        'PUT',
        `/api/newsroom/articles/${a.id}`,
        { revision: a.revision, headline: `${headline} saved` },
        { timeoutMs: 10_000 },
      );
      if (saved.status !== 200) continue;
      const s = JSON.parse(saved.body) as { revision: number };
      ack({ id: a.id, publicId: a.publicId, revision: s.revision, headline: `${headline} saved`, published: false });
      if (i % 2 === 0) {
        const pub = await nr.call(
          'POST',
          `/api/newsroom/articles/${a.id}/transitions`,
          { action: 'publish', revision: s.revision },
          { timeoutMs: 10_000 },
        );
        if (pub.status === 200)
          ack({
            id: a.id,
            publicId: a.publicId,
            revision: (JSON.parse(pub.body) as { revision: number }).revision,
            headline: `${headline} saved`,
            published: true,
          });
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w).catch(() => undefined)));
  return acks;
}

async function verify(v: Verdict, server: Server, ackLog: string, label: string): Promise<void> {
  const nr = await Newsroom.signIn(server.url);
  const last = new Map<number, Ack>();
  for (const line of fs.readFileSync(ackLog, 'utf8').split('\n')) {
    if (!line) continue;
    const a = JSON.parse(line) as Ack;
    const prev = last.get(a.id);
    last.set(a.id, { ...a, published: a.published || (prev?.published ?? false) });
  }
  let lost = 0;
  let checked = 0;
  for (const a of last.values()) {
    checked++;
    const res = await nr.call('GET', `/api/newsroom/articles/${a.id}`);
    if (res.status !== 200) {
      lost++;
      log(`${label}: article ${a.id} answered ${res.status}`);
      continue;
    }
    const got = JSON.parse(res.body) as { revision: number; headline: string; status: string };
    if (
      got.revision < a.revision ||
      (got.revision === a.revision && got.headline !== a.headline) ||
      (a.published && got.status !== 'published')
    ) {
      lost++;
      log(
        `${label}: article ${a.id} acknowledged r${a.revision} "${a.headline}"${a.published ? ' published' : ''}, found r${got.revision} "${got.headline}" ${got.status}`,
      );
    }
  }
  v.figure(`${label}_acked_articles`, checked);
  v.check(lost === 0, `${label}: ${lost} of ${checked} acknowledged articles lost or older after kill -9`);
}

async function round(v: Verdict, label: string, dir: string, databaseUrl: string | undefined, rounds: number): Promise<void> {
  const hook = await receiver();
  const env: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: dir };
  cli(
    [
      'webhooks',
      'add',
      '--url',
      `http://127.0.0.1:${hook.port}/hook`,
      '--events',
      'article.published',
      '--secret',
      'fault-secret-0123456789',
    ],
    env,
  );
  const ackLog = path.join(dir, 'acks.jsonl');
  fs.writeFileSync(ackLog, '');
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const server = await startServer({ dataDir: dir, databaseUrl });
    const stop = { now: false };
    const load = writeLoad(server, ackLog, stop, 6);
    await sleep(1500 + Math.random() * 1500);
    server.kill9();
    await server.exited;
    stop.now = true;
    total += await load;
    log(`${label}: round ${r + 1} killed`);
  }
  v.figure(`${label}_acks`, total);
  const server = await startServer({ dataDir: dir, databaseUrl });
  await verify(v, server, ackLog, label);
  // Deliveries: give the worker a few rounds (a row taken when the process died waits for its 60 s lease).
  await sleep(QUICK ? 6000 : 70_000);
  const byId = new Map<string, string[]>();
  for (const r of hook.received) byId.set(r.delivery, [...(byId.get(r.delivery) ?? []), r.body]);
  const dupes = hook.received.length - byId.size;
  v.figure(`${label}_webhooks`, `${hook.received.length} received, ${dupes} duplicates`);
  v.check(
    [...byId.values()].every((bodies) => bodies.every((b) => b === bodies[0])),
    `${label}: a duplicate delivery with another body`,
  );
  v.check(
    [...byId.entries()].every(([id, bodies]) => (JSON.parse(bodies[0]!) as { id: string }).id === id),
    `${label}: a delivery whose body id is not its Habarshy-Delivery`,
  );
  const published = new Set(
    [...fs.readFileSync(ackLog, 'utf8').split('\n')]
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Ack)
      .filter((a) => a.published)
      .map((a) => a.publicId),
  );
  const delivered = new Set([...byId.values()].map((b) => (JSON.parse(b[0]!) as { article: { id: string } }).article.id));
  const missing = [...published].filter((p) => !delivered.has(p!)).length;
  if (!QUICK) v.check(missing === 0, `${label}: ${missing} acknowledged publications never delivered`);
  else v.figure(`${label}_webhooks_pending`, missing);
  await server.stop();
  hook.server.close();
}

await scenario('kill9', async (v) => {
  const work = workDir('kill9');
  const rounds = QUICK ? 1 : 4;
  await round(v, 'sqlite', dataDir(work, 'sqlite'), undefined, rounds);
  if (!havePostgres()) {
    v.check(false, 'no PostgreSQL binaries: the PostgreSQL half cannot run');
    return;
  }
  const cluster = await PgCluster.start(work);
  const url = await cluster.database('kill9');
  await round(v, 'postgres', dataDir(work, 'pgdata'), url, rounds);
});
