// Several processes on one database, on SQLite and PostgreSQL, with the real `habarshy` command:
// three `habarshy migrate` started together migrate once; `serve` with WORKERS=2 answers from two
// worker processes on one port, a publication through one reaches the pages cached by the other,
// one worker holds the job lease and, killed with -9, hands the jobs (a scheduled article falling
// due) to the other; concurrent newsroom writes over SQLite never fail with SQLITE_BUSY.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { SHARED_DATA_DIR } from '../support/site.ts';
import { freePort, run, startServer, type ServerProcess } from '../support/processes.ts';
import { aSection } from '../support/fixtures.ts';
import { AuthService } from '../../src/services/newsroom/auth.ts';
import { textBody } from '../support/newsroom.ts';

const PASSWORD = 'correct horse battery';

/** Starts `habarshy serve` on a free port and resolves once it says it is running. */
async function serve(env: Record<string, string>): Promise<ServerProcess & { readonly port: number }> {
  const port = await freePort();
  const server = await startServer({ DATA_DIR: SHARED_DATA_DIR, PORT: String(port), LOG_LEVEL: 'info', ...env });
  if (!server.running) throw new Error(`the server exited: ${server.output()}`);
  return Object.assign(server, { port });
}

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * One request on a connection of its own (the cluster hands each new connection to the next
 * worker). A connection handed to a worker that was just killed is retried.
 */
async function request(
  port: number,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await new Promise<Answer>((resolve, reject) => {
        const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method,
            path,
            agent: false,
            headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...opts.headers },
          },
          (res) => {
            let body = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => {
              body += c;
            });
            res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    } catch (error) {
      if (attempt >= 5 || !/ECONNRESET|ECONNREFUSED|socket hang up/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

interface Newsroom {
  call(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Answer>;
}

async function signIn(port: number, email: string): Promise<Newsroom> {
  const login = await request(port, 'POST', '/api/newsroom/session', { body: { email, password: PASSWORD } });
  assert.equal(login.status, 200, login.body);
  const cookie = String(login.headers['set-cookie']?.find((c) => c.startsWith('hb_session='))?.split(';')[0]);
  const csrf = (JSON.parse(login.body) as { csrfToken: string }).csrfToken;
  return {
    call: (method, path, body) =>
      request(port, method, path, {
        ...(body === undefined ? {} : { body }),
        headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }) },
      }),
  };
}

async function eventually(check: () => Promise<boolean>, what: string, tries = 100): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${what} did not happen`);
}

/** A database with content (one section) and a chief editor, so that the servers start without the demo generation. */
async function seededDatabase(dialect: 'sqlite' | 'postgres'): Promise<{ database: TestDatabase; email: string; sectionId: number }> {
  const database = await freshDatabase(dialect);
  await aSection(database.handle.db);
  const email = `chief.${process.pid}@newsroom.test`;
  await new AuthService(database.handle.db, () => new Date()).createUser(
    {
      email,
      name: 'Chief',
      password: PASSWORD,
      role: 'chief',
      desks: [],
      mustChangePassword: false,
    },
    null,
  );
  const sectionId = (await database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
  return { database, email, sectionId };
}

async function leaseHolder(database: TestDatabase): Promise<{ holder: string; expires_at: string } | undefined> {
  return database.handle.db.selectFrom('job_leases').select(['holder', 'expires_at']).where('name', '=', 'jobs').executeTakeFirst();
}

const holderPid = (holder: string) => Number(holder.split('/')[1]);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

for (const dialect of dialects()) {
  describe(`migrations under a lock on ${dialect}`, () => {
    test('three `habarshy migrate` started together all succeed and apply each migration once', async () => {
      const database = await freshDatabase(dialect, { migrate: false });
      try {
        const env = { DATABASE_URL: database.url, DATA_DIR: database.dataDir };
        const results = await Promise.all([0, 1, 2].map(() => run(['bin/habarshy.js', 'migrate'], env)));
        for (const r of results) assert.equal(r.code, 0, r.stderr);
        const applying = results.filter((r) => r.stdout.includes('applied 0001_initial'));
        assert.equal(applying.length, 1, `one process applies the migrations: ${results.map((r) => r.stdout).join(' | ')}`);
        assert.equal(results.filter((r) => r.stdout.includes('nothing to do')).length, 2);
        const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.handle.db);
        assert.deepEqual(
          applied.rows.map((r) => r.name),
          [...new Set(applied.rows.map((r) => r.name))],
        );
        assert.ok(applied.rows.some((r) => r.name === '0006_job_leases'));
      } finally {
        await database.drop();
      }
    });
  });

  describe(`WORKERS=2 on ${dialect}`, () => {
    let database: TestDatabase;
    let server: Awaited<ReturnType<typeof serve>>;
    let chief: Newsroom;
    let sectionId: number;
    before(async () => {
      const seeded = await seededDatabase(dialect);
      database = seeded.database;
      sectionId = seeded.sectionId;
      server = await serve({ DATABASE_URL: database.url, WORKERS: '2', JOB_LEASE_MS: '2000' });
      chief = await signIn(server.port, seeded.email);
    });
    after(async () => {
      await server?.stop();
      await database?.drop();
    });

    test('two worker processes answer on one port', async () => {
      const workers = new Set<number>();
      for (let i = 0; i < 10; i++) {
        const ready = await request(server.port, 'GET', '/readyz');
        assert.equal(ready.status, 200);
        workers.add((JSON.parse(ready.body) as { worker: number }).worker);
      }
      assert.equal(workers.size, 2, `workers seen: ${[...workers].join(', ')}`);
      assert.equal(server.output().match(/newsroom demo admin/g), null, 'nothing seeded twice');
      assert.equal(server.output().match(/Habarshy is running/g)?.length, 1);
    });

    test('a publication through one worker reaches the page cached by the other', async () => {
      // Both workers cache the home page (connections alternate between them).
      for (let i = 0; i < 10; i++) assert.equal((await request(server.port, 'GET', '/kz/')).status, 200);
      const headline = `Екі воркерде көрінетін жаңалық ${dialect}`;
      const created = await chief.call('POST', '/api/newsroom/articles', {
        body: textBody(),
        edition: 'kz',
        sectionId,
        headline,
        lead: 'Лид.',
      });
      assert.equal(created.status, 201, created.body);
      const a = JSON.parse(created.body) as { id: number; revision: number };
      const published = await chief.call('POST', `/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      assert.equal(published.status, 200, published.body);
      // Within a second the home page of every worker shows it: ten answers in a row, from both.
      await eventually(
        async () => {
          for (let i = 0; i < 10; i++) {
            if (!(await request(server.port, 'GET', '/kz/')).body.includes(headline)) return false;
          }
          return true;
        },
        "every worker's home page showing the new article",
        10,
      );
    });

    test('one worker holds the job lease; killed with -9, the other takes the jobs and publishes what falls due', async () => {
      await eventually(async () => (await leaseHolder(database)) !== undefined, 'a worker taking the job lease');
      const before = (await leaseHolder(database))!;
      const killed = holderPid(before.holder);
      assert.ok(alive(killed), 'the holder is a live worker');
      const headline = `Кесте бойынша ${dialect}`;
      const created = JSON.parse(
        (await chief.call('POST', '/api/newsroom/articles', { body: textBody(), edition: 'kz', sectionId, headline, lead: 'Лид.' })).body,
      ) as { id: number; revision: number };
      const at = new Date(Date.now() + 4000).toISOString();
      const scheduled = await chief.call('POST', `/api/newsroom/articles/${created.id}/transitions`, {
        action: 'schedule',
        revision: created.revision,
        at,
      });
      assert.equal(scheduled.status, 200, scheduled.body);
      process.kill(killed, 'SIGKILL');
      // Another worker (the survivor or the one started in the dead one's place) takes the lease...
      await eventually(
        async () => {
          const now = await leaseHolder(database);
          return now !== undefined && holderPid(now.holder) !== killed && alive(holderPid(now.holder));
        },
        'another worker taking the job lease',
        300,
      );
      // ...and publishes the article that fell due after the kill.
      await eventually(
        async () => {
          const article = await chief.call('GET', `/api/newsroom/articles/${created.id}`);
          return article.status === 200 && (JSON.parse(article.body) as { status: string }).status === 'published';
        },
        'the scheduled article being published',
        300,
      );
      const holders = await database.handle.db.selectFrom('job_leases').select('holder').execute();
      assert.equal(holders.length, 1, 'one lease row: one process runs the jobs');
    });

    if (dialect === 'sqlite') {
      test('concurrent newsroom writes through both workers: no request fails, no SQLITE_BUSY', async () => {
        const articles = await Promise.all(
          [0, 1, 2, 3].map(
            async (i) =>
              JSON.parse(
                (
                  await chief.call('POST', '/api/newsroom/articles', {
                    edition: 'kz',
                    sectionId,
                    headline: `Қатар жазу ${i}`,
                    lead: 'Лид.',
                    body: textBody(),
                  })
                ).body,
              ) as { id: number; revision: number },
          ),
        );
        const statuses = new Map<number, number>();
        await Promise.all(
          articles.map(async (a) => {
            let revision = a.revision;
            for (let n = 0; n < 15; n++) {
              const saved = await chief.call('PUT', `/api/newsroom/articles/${a.id}`, { revision, headline: `Қатар жазу ${a.id} ${n}` });
              statuses.set(saved.status, (statuses.get(saved.status) ?? 0) + 1);
              if (saved.status === 200) revision = (JSON.parse(saved.body) as { revision: number }).revision;
            }
            const published = await chief.call('POST', `/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision });
            statuses.set(published.status, (statuses.get(published.status) ?? 0) + 1);
          }),
        );
        assert.deepEqual([...statuses.keys()], [200], JSON.stringify([...statuses]));
        assert.doesNotMatch(server.output(), /SQLITE_BUSY/);
      });
    }
  });
}
