// Clear answers to faults that are not the database going away, on SQLite and PostgreSQL: a
// malformed multipart body is a 400, a full disk a 507 with nothing kept, a user's mistake is
// logged at info without a stack, the probes are neither cached nor logged, and a graceful stop
// does not wait for a slow upload.
import assert from 'node:assert/strict';
import net from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { seedDemo } from '../../src/services/demoSeed.ts';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { FIXED_NOW, SHARED_DATA_DIR, type TestSite } from '../support/site.ts';
import { signedIn, type Client } from '../support/newsroom.ts';
import { READER_HEADERS } from '../support/readerAgent.ts';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

interface LogLine {
  level: number;
  msg: string;
  err?: { stack?: string };
  url?: string;
  req?: { url?: string };
}

async function bootLogged(database: TestDatabase, env: Record<string, string> = {}): Promise<{ app: App; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const config = loadConfig({
    DATA_DIR: SHARED_DATA_DIR,
    DATABASE_URL: database.url,
    BASE_URL: 'https://habarshy.test',
    LOG_REQUESTS: 'off',
    ...env,
  });
  const app = await buildApp(config, { handle: database.handle, clock: () => FIXED_NOW, logger: { level: 'info', stream } });
  await app.app.ready();
  return { app, lines };
}

for (const dialect of dialects()) {
  describe(`fault answers on ${dialect}`, () => {
    let database: TestDatabase;
    let app: App;
    let lines: LogLine[];
    let chief: Client;
    let sectionId: number;
    before(async () => {
      database = await freshDatabase(dialect);
      await seedDemo(database.handle, { dataDir: SHARED_DATA_DIR, now: FIXED_NOW });
      ({ app, lines } = await bootLogged(database));
      chief = await signedIn({ ...app, database } as unknown as TestSite, 'chief');
      sectionId = (await database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
    });
    after(async () => {
      await app.app.close();
      await database.drop();
    });

    test('a bad API cursor is a 400 logged at info, without a stack', async () => {
      lines.length = 0;
      const res = await app.app.inject('/api/v1/articles?edition=en&cursor=bm9wZQ');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'BAD_CURSOR');
      assert.ok(lines.length > 0, 'the refusal is logged');
      for (const line of lines) {
        assert.ok(line.level <= 30, `logged at level ${line.level}: ${line.msg}`);
        assert.equal(line.err?.stack, undefined, 'no stack trace for a user error');
      }
    });

    test('multipart without a boundary or with a wrong one is a 400, not a 500', async () => {
      lines.length = 0;
      const photos = async () =>
        Number(
          (
            await database.handle.db
              .selectFrom('media_assets')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await photos();
      const none = await chief.request('POST', '/api/newsroom/media', 'just text', { 'content-type': 'multipart/form-data' });
      assert.equal(none.statusCode, 400, none.body);
      assert.equal(none.json().error.code, 'BAD_MULTIPART');
      const body =
        '--other\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nxxxx\r\n--other--\r\n';
      const wrong = await chief.request('POST', '/api/newsroom/media', body, { 'content-type': 'multipart/form-data; boundary=expected' });
      assert.ok(wrong.statusCode >= 400 && wrong.statusCode < 500, `${wrong.statusCode} ${wrong.body}`);
      assert.equal(typeof wrong.json().error.code, 'string');
      assert.ok(
        lines.every((l) => l.level <= 30),
        'user errors are not logged as errors',
      );
      assert.equal(await photos(), before, 'no photo was stored');
    });

    test('/healthz and /readyz answer 200, uncached and unlogged', async () => {
      lines.length = 0;
      for (const url of ['/healthz', '/readyz']) {
        const res = await app.app.inject(url);
        assert.equal(res.statusCode, 200, url);
        assert.equal(res.headers['cache-control'], 'no-store', url);
      }
      const logged = await bootLogged(database, { LOG_REQUESTS: 'on' });
      try {
        await logged.app.app.inject('/readyz');
        await logged.app.app.inject('/healthz');
        assert.deepEqual(
          logged.lines.filter((l) => /healthz|readyz/.test(JSON.stringify(l))),
          [],
          'probes are not logged even with LOG_REQUESTS=on',
        );
      } finally {
        await logged.app.app.close();
      }
    });

    if (dialect === 'sqlite') {
      test('a full disk (SQLITE_FULL) is a 507 and nothing of the article is kept', async () => {
        const headline = 'Толық дискке жазылмаған мақала';
        const long = Array.from({ length: 200 }, (_, i) => para(`${i}: ${'Ұзын мәтін. '.repeat(80)}`));
        const pages = Number((await sql<{ page_count: number }>`PRAGMA page_count`.execute(database.handle.db)).rows[0]!.page_count);
        await sql.raw(`PRAGMA max_page_count = ${pages + 5}`).execute(database.handle.db);
        let res;
        try {
          res = await chief.post('/api/newsroom/articles', {
            edition: 'kz',
            sectionId,
            headline,
            lead: 'Лид.',
            body: { version: 1, blocks: long },
          });
        } finally {
          await sql.raw('PRAGMA max_page_count = 1073741823').execute(database.handle.db);
        }
        assert.equal(res.statusCode, 507, res.body);
        assert.equal(res.json().error.code, 'STORAGE_FULL');
        const kept = await database.handle.db.selectFrom('articles').select('id').where('headline', '=', headline).execute();
        assert.deepEqual(kept, [], 'nothing partial is kept');
        const again = await chief.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline,
          lead: 'Лид.',
          body: { version: 1, blocks: long.slice(0, 3) },
        });
        assert.equal(again.statusCode, 201, 'with room again the same save works');
      });
    }

    test('a graceful stop closes a slow upload after SHUTDOWN_TIMEOUT_MS and still flushes the counted views', async () => {
      const stopping = await bootLogged(database, { SHUTDOWN_TIMEOUT_MS: '500' });
      const server = stopping.app.app;
      await server.listen({ host: '127.0.0.1', port: 0 });
      const { port } = server.server.address() as net.AddressInfo;
      const article = await database.handle.db
        .selectFrom('articles')
        .select(['id', 'public_id'])
        .where('edition', '=', 'kz')
        .where('status', '=', 'published')
        .executeTakeFirstOrThrow();
      const views = async () =>
        Number(
          (
            await database.handle.db
              .selectFrom('view_counts')
              .select((eb) => eb.fn.coalesce(eb.fn.sum('views'), eb.lit(0)).as('n'))
              .where('article_id', '=', article.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await views();
      const beacon = await fetch(`http://127.0.0.1:${port}/beacon?a=${article.public_id}&e=kz`, {
        method: 'POST',
        headers: READER_HEADERS,
      });
      assert.ok(beacon.status < 300, `beacon ${beacon.status}`);
      // An upload that never finishes: headers and a first chunk, then silence.
      const arrived = new Promise<void>((resolve) =>
        server.server.on('request', (req: { url?: string }) => {
          if (req.url === '/api/newsroom/media') resolve();
        }),
      );
      const socket = net.connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.on('error', () => undefined);
      socket.write(
        `POST /api/newsroom/media HTTP/1.1\r\nHost: x\r\nCookie: ${chief.cookie}\r\nX-CSRF-Token: ${chief.csrf}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 10000000\r\n\r\n--b\r\n`,
      );
      await arrived;
      // Without the bound the stop waits for Node's 300 s request timeout: this guard only turns a hang into a failure.
      const guard = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 60_000).unref());
      const outcome = await Promise.race([server.close().then(() => 'closed' as const), guard]);
      assert.equal(outcome, 'closed', 'the stop finished');
      socket.destroy();
      assert.equal(await views(), before + 1, 'the counted view was flushed at the stop');
    });
  });
}
