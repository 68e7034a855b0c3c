// Webhooks end to end, on SQLite and PostgreSQL: subscribers added with the CLI, 20 article events
// recorded, a real receiver on 127.0.0.1 that dies midway and comes back on the same port, a
// worker that "crashes" with a delivery in hand and a new one over the same database: every event
// arrives exactly once, in order per article, correctly signed; 24 hours of failures make a row dead.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, test } from 'node:test';
import { connect, type Db } from '../../src/db/connect.ts';
import type { WebhookEvent } from '../../src/db/tables.ts';
import { recordArticleEvent } from '../../src/services/articleEvents.ts';
import { editionHosts } from '../../src/services/hosts.ts';
import { GIVE_UP_AFTER_MS, LEASE_MS, WebhookWorker } from '../../src/services/webhooks.ts';
import { claimDelivery, dueDeliveries } from '../../src/store/webhooks.ts';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';

const BIN = path.resolve('bin/habarshy.js');
const T0 = Date.parse('2026-11-20T09:00:00.000Z');

function habarshy(t: TestDatabase, args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, DATA_DIR: t.dataDir, DATABASE_URL: t.url, LOG_LEVEL: 'warn' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Received {
  path: string;
  delivery: string;
  event: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A receiver that records what it gets; after `dieAfter` answers it stops listening and drops every request. */
class Receiver {
  readonly received: Received[] = [];
  dieAfter = Infinity;
  /** Answers the first request of each delivery this late (after the worker gave up: the answer is lost). */
  firstAnswerLateMs = 0;
  private down = false;
  private server: http.Server | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.down = false;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.down) {
          req.socket.destroy();
          return;
        }
        this.received.push({
          path: req.url ?? '',
          delivery: String(req.headers['habarshy-delivery']),
          event: String(req.headers['habarshy-event']),
          timestamp: String(req.headers['habarshy-timestamp']),
          signature: String(req.headers['habarshy-signature']),
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.on('finish', () => {
          if (this.received.length >= this.dieAfter) void this.stop();
        });
        const first = this.received.filter((r) => r.delivery === String(req.headers['habarshy-delivery'])).length === 1;
        if (first && this.firstAnswerLateMs > 0) setTimeout(() => res.writeHead(204).end(), this.firstAnswerLateMs);
        else res.writeHead(204).end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server || this.down) return;
    this.down = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 50).unref();
    await closed;
  }
}

async function fixtures(db: Db): Promise<number[]> {
  const at = new Date(T0 - 3_600_000).toISOString();
  const { id: sectionId } = await db
    .insertInto('sections')
    .values({ key: 'politics', parent_id: null, position: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('section_names')
    .values([
      { section_id: sectionId, edition: 'kz', name: 'Саясат', slug: 'saiasat' },
      { section_id: sectionId, edition: 'en', name: 'Politics', slug: 'politics' },
    ])
    .execute();
  const { id: tagId } = await db.insertInto('tags').values({ key: 'senate' }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('tag_names')
    .values([
      { tag_id: tagId, edition: 'en', name: 'Senate', slug: 'senate' },
      { tag_id: tagId, edition: 'kz', name: 'Сенат', slug: 'senat' },
    ])
    .execute();
  const ids: number[] = [];
  for (const [i, edition] of (['kz', 'en', 'kz', 'en'] as const).entries()) {
    const { id: storyId } = await db.insertInto('stories').values({ created_at: at }).returning('id').executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('articles')
      .values({
        public_id: `abc12${i}`,
        story_id: storyId,
        edition,
        section_id: sectionId,
        status: 'published',
        slug: `story-${i}`,
        headline: edition === 'kz' ? `Сенат отырысы ${i}` : `Senate session ${i}`,
        lead: 'Lead.',
        body: '{"version":1,"blocks":[]}',
        body_version: 1,
        published_at: at,
        updated_at: null,
        created_at: at,
        modified_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('article_tags').values({ article_id: id, tag_id: tagId, position: 0 }).execute();
    ids.push(id);
  }
  return ids;
}

function verify(secret: string, r: Received): boolean {
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(`${r.timestamp}.${r.body}`).digest('hex')}`);
  const got = Buffer.from(r.signature);
  return expected.length === got.length && timingSafeEqual(expected, got);
}

for (const dialect of dialects()) {
  describe(`webhooks on ${dialect}`, () => {
    test('every event arrives exactly once, in order per article, signed, across a receiver outage and a worker restart', async () => {
      const t = await freshDatabase(dialect);
      const receiver = new Receiver();
      const gone = http.createServer();
      let handle2: ReturnType<typeof connect> | null = null;
      try {
        const db = t.handle.db;
        const articleIds = await fixtures(db);
        await receiver.start();
        await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
        const deadPort = (gone.address() as AddressInfo).port;
        await new Promise<void>((resolve) => gone.close(() => resolve()));

        // Subscribers, as an operator adds them.
        const addA = habarshy(t, ['webhooks', 'add', '--url', `http://127.0.0.1:${receiver.port}/a`]);
        assert.equal(addA.code, 0, addA.stderr);
        const secretA = /^secret: (\S+)$/m.exec(addA.stdout)?.[1];
        assert.ok(secretA && secretA.length >= 32, 'a generated secret is printed once');
        const secretB = 'b-secret-of-sixteen-chars';
        assert.equal(
          habarshy(t, [
            'webhooks',
            'add',
            '--url',
            `http://127.0.0.1:${receiver.port}/b`,
            '--events',
            'article.published',
            '--secret',
            secretB,
          ]).code,
          0,
        );
        const addDead = habarshy(t, [
          'webhooks',
          'add',
          '--url',
          `http://127.0.0.1:${deadPort}/gone`,
          '--events',
          'article.unpublished',
          '--secret',
          'dead-secret-0123456789',
        ]);
        assert.equal(addDead.code, 0, addDead.stderr);
        assert.doesNotMatch(addDead.stdout, /secret:/, 'a given secret is not echoed');
        const bad = habarshy(t, ['webhooks', 'add', '--url', 'ftp://example.kz/x']);
        assert.equal(bad.code, 2);
        assert.equal(habarshy(t, ['webhooks', 'add', '--url', 'http://x.kz/', '--events', 'article.deleted']).code, 2);
        const list = habarshy(t, ['webhooks', 'list']);
        assert.equal(list.stdout.trim().split('\n').length, 4, list.stdout);
        assert.ok(!list.stdout.includes(secretA) && !list.stdout.includes(secretB), 'list never shows secrets');

        // 20 events: five per article, the articles interleaved.
        let now = T0;
        const clock = () => new Date(now);
        const hosts = editionHosts('https://habarshy.test', new Map());
        const sequence: WebhookEvent[] = [
          'article.published',
          'article.updated',
          'article.updated',
          'article.updated',
          'article.unpublished',
        ];
        for (const event of sequence) {
          for (const articleId of articleIds) {
            now += 1000;
            const ids = await db
              .transaction()
              .execute((trx) => recordArticleEvent(trx, { event, articleId }, { hosts, timeZone: 'Asia/Almaty', now: clock() }));
            assert.equal(ids.length, event === 'article.updated' ? 1 : 2);
          }
        }
        const outbox = await db
          .selectFrom('outbox')
          .select(['id', 'event_id', 'subscriber_id', 'article_id', 'event'])
          .orderBy('id')
          .execute();
        assert.equal(outbox.length, 28);
        const subscribers = await db.selectFrom('webhook_subscribers').select(['id', 'url']).orderBy('id').execute();
        const [subA, subB, subDead] = subscribers.map((s) => s.id);

        // The receiver dies after 7 answers; the first worker's other deliveries fail.
        receiver.dieAfter = 7;
        const worker1 = new WebhookWorker({ db, clock });
        const first = await worker1.runOnce();
        assert.ok(first.delivered >= 7 && first.failed > 0, JSON.stringify(first));
        assert.equal(receiver.received.length, 7);
        const failed = await db
          .selectFrom('outbox')
          .select(['attempts', 'next_attempt_at', 'last_error'])
          .where('delivered_at', 'is', null)
          .where('attempts', '>', 0)
          .execute();
        assert.ok(failed.length > 0);
        for (const f of failed) {
          assert.equal(Date.parse(f.next_attempt_at) - now, 10_000, 'first retry after 10 s');
          assert.ok(f.last_error, 'the error is recorded');
        }
        now += 10_000;
        await worker1.runOnce();
        const second = await db
          .selectFrom('outbox')
          .select(['next_attempt_at'])
          .where('delivered_at', 'is', null)
          .where('attempts', '=', 2)
          .execute();
        assert.ok(second.length > 0);
        for (const f of second) assert.equal(Date.parse(f.next_attempt_at) - now, 30_000, 'second retry after 30 s');
        assert.equal(receiver.received.length, 7, 'nothing arrives while the receiver is down');

        // The receiver comes back on the same port; a worker takes a delivery and dies before sending.
        receiver.dieAfter = Infinity;
        await receiver.start(receiver.port);
        now += 30_000;
        const [inHand] = await dueDeliveries(db, clock().toISOString(), 1);
        assert.ok(inHand);
        assert.ok(await claimDelivery(db, inHand, new Date(now + LEASE_MS).toISOString()));

        // "Restart": a new worker over a new connection to the same database.
        handle2 = connect(t.url, { poolSize: 2 });
        const worker2 = new WebhookWorker({ db: handle2.db, clock });
        await worker2.runOnce();
        assert.ok(!receiver.received.some((r) => r.delivery === inHand.event_id), 'the row in hand waits for its lease');
        for (let i = 0; i < 10; i++) {
          now += 61_000;
          await worker2.runOnce();
        }
        const delivered = await db
          .selectFrom('outbox')
          .select(['event_id', 'subscriber_id', 'article_id'])
          .where('delivered_at', 'is not', null)
          .orderBy('id')
          .execute();
        assert.equal(delivered.length, 24, 'everything for the living receiver is delivered');

        // Exactly once by delivery id, and exactly the outbox's ids.
        const ids = receiver.received.map((r) => r.delivery);
        assert.equal(new Set(ids).size, ids.length, 'no delivery id arrives twice');
        assert.deepEqual(
          [...ids].sort(),
          outbox
            .filter((o) => o.subscriber_id !== subDead)
            .map((o) => o.event_id)
            .sort(),
        );
        // In order per article and subscriber.
        for (const [sub, pathName] of [
          [subA, '/a'],
          [subB, '/b'],
        ] as const) {
          for (const articleId of articleIds) {
            const expected = outbox.filter((o) => o.subscriber_id === sub && o.article_id === articleId).map((o) => o.event_id);
            const got = receiver.received
              .filter((r) => r.path === pathName)
              .map((r) => r.delivery)
              .filter((d) => expected.includes(d));
            assert.deepEqual(got, expected, `order of article ${articleId} for ${pathName}`);
          }
        }
        // Signed with each subscriber's secret; headers agree with the body.
        for (const r of receiver.received) {
          assert.ok(verify(r.path === '/a' ? secretA : secretB, r), `signature of ${r.delivery}`);
          assert.ok(!verify('another-secret-entirely', r));
          const payload = JSON.parse(r.body) as {
            id: string;
            event: string;
            occurred_at: string;
            article: {
              id: string;
              url: string;
              edition: string;
              headline: string;
              section: { key: string };
              tags: { key: string }[];
              editions: { edition: string }[];
            };
          };
          assert.equal(payload.id, r.delivery);
          assert.equal(payload.event, r.event);
          assert.match(payload.occurred_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:00$/);
          assert.match(
            payload.article.url,
            new RegExp(`^https://habarshy\\.test/${payload.article.edition}/news/story-\\d-${payload.article.id}$`),
          );
          assert.equal(payload.article.section.key, 'politics');
          assert.deepEqual(
            payload.article.tags.map((x) => x.key),
            ['senate'],
          );
          if (payload.article.edition === 'kz')
            assert.deepEqual(payload.article.editions.map((e) => e.edition).sort(), ['kz', 'qz', 'tote']);
        }
        assert.equal(receiver.received.filter((r) => r.path === '/b').length, 4, 'b wants only article.published');
        assert.ok(receiver.received.filter((r) => r.path === '/b').every((r) => r.event === 'article.published'));

        // The unreachable subscriber: retried for 24 hours, then dead.
        const deadRows = () =>
          db
            .selectFrom('outbox')
            .select(['attempts', 'dead_at', 'last_error', 'created_at'])
            .where('subscriber_id', '=', subDead!)
            .execute();
        const created = Math.max(...(await deadRows()).map((r) => Date.parse(r.created_at)));
        while (now < created + GIVE_UP_AFTER_MS - 3_600_000) {
          now += 3_600_000;
          await worker2.runOnce();
        }
        assert.ok(
          (await deadRows()).every((r) => r.dead_at === null),
          'still retried before 24 hours',
        );
        now = created + GIVE_UP_AFTER_MS + 1000;
        const last = await worker2.runOnce();
        assert.equal(last.dead, 4);
        for (const r of await deadRows()) {
          assert.ok(r.dead_at !== null);
          assert.ok(r.attempts > 5, `retried with backoff (${r.attempts} attempts)`);
          assert.match(r.last_error ?? '', /ECONNREFUSED/);
        }
        now += 3_600_000;
        assert.deepEqual(await worker2.runOnce(), { delivered: 0, failed: 0, dead: 0 }, 'a dead row is never sent again');

        // The log as an operator reads it.
        const log = habarshy(t, ['webhooks', 'log', '--limit', '100']);
        assert.equal(log.code, 0, log.stderr);
        const lines = log.stdout.trim().split('\n');
        assert.match(lines[0]!, /^delivery\tcreated\tevent\tarticle\tsubscriber\tstatus\tattempts\tlast_error$/);
        const rows = lines.slice(1).map((l) => l.split('\t'));
        assert.equal(rows.length, 28);
        assert.equal(rows.filter((r) => r[5] === 'delivered').length, 24);
        const dead = rows.filter((r) => r[5] === 'dead');
        assert.equal(dead.length, 4);
        for (const r of dead) assert.match(r[7]!, /ECONNREFUSED/);
        assert.ok(
          rows.some((r) => r[0] === inHand.event_id && r[5] === 'delivered' && Number(r[6]) >= 2),
          'the row in hand counts its lost attempt',
        );
        assert.equal(habarshy(t, ['webhooks', 'log', '--limit', '0']).code, 2);
        assert.equal(habarshy(t, ['webhooks', 'remove', String(subDead)]).code, 0);
        assert.equal(habarshy(t, ['webhooks', 'remove', String(subDead)]).code, 1);
        assert.equal(habarshy(t, ['webhooks', 'log']).stdout.trim().split('\n').length, 25, 'removing a subscriber removes its deliveries');
        void subA;
      } finally {
        await receiver.stop();
        await handle2?.close();
        await t.drop();
      }
    });

    test('a retry carries the same delivery id and body, so a receiver can drop the duplicate', async () => {
      const t = await freshDatabase(dialect);
      const receiver = new Receiver();
      try {
        const db = t.handle.db;
        const [articleId] = await fixtures(db);
        await receiver.start();
        const secret = 'retry-secret-0123456789';
        assert.equal(habarshy(t, ['webhooks', 'add', '--url', `http://127.0.0.1:${receiver.port}/r`, '--secret', secret]).code, 0);
        let now = T0;
        const clock = () => new Date(now);
        const hosts = editionHosts('https://habarshy.test', new Map());
        for (const event of ['article.published', 'article.updated'] as const) {
          now += 1000;
          await db
            .transaction()
            .execute((trx) => recordArticleEvent(trx, { event, articleId: articleId! }, { hosts, timeZone: 'Asia/Almaty', now: clock() }));
        }
        // The receiver takes each delivery but answers after the worker stopped waiting: it has the
        // event, the worker thinks it failed and sends it again.
        receiver.firstAnswerLateMs = 1500;
        const worker = new WebhookWorker({ db, clock, timeoutMs: 300 });
        for (let i = 0; i < 4; i++) {
          await worker.runOnce();
          now += 11_000;
        }
        const outbox = await db.selectFrom('outbox').select(['event_id', 'delivered_at']).orderBy('id').execute();
        assert.ok(
          outbox.every((o) => o.delivered_at !== null),
          'delivered in the end',
        );
        const ids = receiver.received.map((r) => r.delivery);
        assert.equal(ids.length, 4, 'each event arrived twice');
        assert.deepEqual(
          [...new Set(ids)],
          outbox.map((o) => o.event_id),
          'deduped by Habarshy-Delivery: each event once, in order',
        );
        for (const id of new Set(ids)) {
          const copies = receiver.received.filter((r) => r.delivery === id);
          assert.equal(copies.length, 2);
          assert.equal(copies[0]!.body, copies[1]!.body, 'the same bytes');
          assert.equal((JSON.parse(copies[1]!.body) as { id: string }).id, id);
          for (const c of copies) assert.ok(verify(secret, c), 'each copy is signed for its own timestamp');
        }
      } finally {
        await receiver.stop();
        await t.drop();
      }
    });
  });
}
