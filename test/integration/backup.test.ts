// Backups of a serving site, on SQLite and PostgreSQL: `habarshy backup` runs (as its own process,
// through the real CLI) while the newsroom API creates, saves and publishes articles, uploads
// photos, adds lexicon words and users are created; `habarshy restore` puts the file into a fresh
// data directory and database. Everything acknowledged before the backup began is there (articles
// with their revisions, users, photos byte for byte, lexicon words), what was written during it
// is there whole or not at all, and an app on the restored data serves the pages and photos.
// A non-empty target is refused without --force (a running server's even with it); a damaged file
// is refused and nothing is written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { sql } from 'kysely';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { lockSqliteServer } from '../../src/db/serverLock.ts';
import { dialects, freshDatabase, tempDir, type TestDatabase } from '../support/databases.ts';
import { bootSite, SHARED_DATA_DIR, type TestSite } from '../support/site.ts';
import { makeUser, signedIn, type Client, textBody } from '../support/newsroom.ts';

const BIN = path.resolve('bin/habarshy.js');

/** Runs the habarshy command as its own process, without blocking this one (the load goes on). */
function habarshy(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function multipart(fields: Record<string, string>, file: { name: string; data: Buffer }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file.data)], { type: 'image/jpeg' }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

/** A Cyrillic word and its Latin spelling, different for every n. */
const lexiconWord = (n: number) => ({
  word: `сақтық${[...String(n)].map((d) => 'абвгдежзик'[Number(d)]).join('')}`,
  spelling: `saqtyq${[...String(n)].map((d) => 'abvgdejzik'[Number(d)]).join('')}`,
});

interface Acked {
  readonly at: number;
  readonly kind: 'article' | 'photo' | 'word' | 'user';
  readonly id: number;
  readonly detail: Record<string, unknown>;
}

function flipByte(file: string, at: number): void {
  const fd = fs.openSync(file, 'r+');
  const b = Buffer.alloc(1);
  fs.readSync(fd, b, 0, 1, at);
  b[0] = b[0]! ^ 0xff;
  fs.writeSync(fd, b, 0, 1, at);
  fs.closeSync(fd);
}

/** Tables in a database, through a new connection (a restore may have put a new SQLite file in place). */
async function tableCount(dialect: 'sqlite' | 'postgres', url: string): Promise<number> {
  const h = connect(url, { poolSize: 1 });
  try {
    const query =
      dialect === 'sqlite'
        ? sql<{ n: number }>`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`
        : sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()`;
    return Number((await query.execute(h.db)).rows[0]!.n);
  } finally {
    await h.close();
  }
}

const envOf = (dataDir: string, url: string) => ({ DATA_DIR: dataDir, DATABASE_URL: url });

for (const dialect of dialects()) {
  describe(`backup and restore on ${dialect}`, () => {
    let site: TestSite;
    let dataDir: string;
    let chief: Client;
    let sectionId: number;
    let backupFile: string;
    const acked: Acked[] = [];
    let backupStartedAt = 0;
    let backupEndedAt = 0;
    let target: TestDatabase;
    let targetDir: string;
    const work = tempDir('habarshy-backup-test-');

    before(async () => {
      dataDir = tempDir();
      site = await bootSite(dialect, { env: { DATA_DIR: dataDir } });
      // The demo photos were written to the shared folder: this site's media holds its own copy.
      const media = path.join(dataDir, 'media');
      fs.mkdirSync(media, { recursive: true });
      for (const f of fs.readdirSync(path.join(SHARED_DATA_DIR, 'media'))) {
        if (f.startsWith('demo-') || f.startsWith('publisher-logo'))
          fs.copyFileSync(path.join(SHARED_DATA_DIR, 'media', f), path.join(media, f));
      }
      chief = await signedIn(site, 'chief');
      sectionId = (await site.database.handle.db.selectFrom('sections').select('id').orderBy('position').executeTakeFirstOrThrow()).id;
      backupFile = path.join(work, `site-${dialect}.tar.gz`);
      target = await freshDatabase(dialect, { migrate: false });
      targetDir = tempDir();
    });
    after(async () => {
      await site.close();
      await target.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(targetDir, { recursive: true, force: true });
      fs.rmSync(work, { recursive: true, force: true });
    });

    /** One round of newsroom work; each write is recorded once the API has answered it. */
    async function oneRound(n: number): Promise<void> {
      const headline = `Сақтық көшірме кезіндегі жаңалық ${n}`;
      const created = await chief.post('/api/newsroom/articles', {
        body: textBody(),
        edition: 'kz',
        sectionId,
        headline,
        lead: `Лид ${n}.`,
      });
      assert.equal(created.statusCode, 201, created.body);
      let a = created.json();
      const saved = await chief.put(`/api/newsroom/articles/${a.id}`, { revision: a.revision, lead: `Түзетілген лид ${n}.` });
      assert.equal(saved.statusCode, 200, saved.body);
      a = saved.json();
      const published = await chief.post(`/api/newsroom/articles/${a.id}/transitions`, { action: 'publish', revision: a.revision });
      assert.equal(published.statusCode, 200, published.body);
      a = published.json();
      acked.push({ at: Date.now(), kind: 'article', id: a.id, detail: { headline, publicId: a.publicId, slug: a.slug } });
      if (n % 3 === 0) {
        const data = await sharp({ create: { width: 640, height: 420, channels: 3, background: { r: n % 256, g: 120, b: 200 } } })
          .jpeg()
          .toBuffer();
        const { payload, type } = await multipart(
          { edition: 'kz', caption: `Фото ${n}`, credit: 'Фото: Habarshy' },
          { name: `p${n}.jpg`, data },
        );
        const up = await site.app.inject({
          method: 'POST',
          url: '/api/newsroom/media',
          payload,
          headers: { cookie: chief.cookie, 'x-csrf-token': chief.csrf, 'content-type': type },
        });
        assert.equal(up.statusCode, 201, up.body);
        const asset = up.json();
        acked.push({
          at: Date.now(),
          kind: 'photo',
          id: asset.id,
          detail: { original: asset.urls.original, webp: Object.values(asset.urls.webp) },
        });
      }
      if (n % 2 === 0) {
        const w = lexiconWord(n);
        const added = await chief.post('/api/newsroom/lexicon', { scheme: 'kk-Latn-2018', ...w });
        assert.equal(added.statusCode, 201, added.body);
        acked.push({ at: Date.now(), kind: 'word', id: added.json().id, detail: w });
      }
      if (n % 4 === 1) {
        const user = await makeUser(site, 'journalist', ['kz'], { name: `Журналист ${n}` });
        acked.push({ at: Date.now(), kind: 'user', id: user.id, detail: { email: user.email } });
      }
    }

    test('habarshy backup under a write load, restored into a fresh place, has every acknowledged write and serves it', async () => {
      let n = 0;
      let stop = false;
      const load = (async () => {
        while (!stop) await oneRound(++n);
      })();
      try {
        while (acked.filter((x) => x.kind === 'article').length < 4) await new Promise((r) => setTimeout(r, 20));
        backupStartedAt = Date.now();
        const backup = await habarshy(['backup', '--to', backupFile], envOf(dataDir, site.database.url));
        backupEndedAt = Date.now();
        assert.equal(backup.code, 0, backup.stderr);
        assert.match(backup.stdout, new RegExp(`backup .*${path.basename(backupFile)}`));
        // A few more rounds after the backup: they must not be in it.
        const seen = n;
        while (n < seen + 2) await new Promise((r) => setTimeout(r, 20));
      } finally {
        stop = true;
        await load;
      }
      const during = acked.filter((x) => x.at > backupStartedAt && x.at < backupEndedAt);
      assert.ok(during.length > 0, 'the newsroom kept writing while the backup ran');

      const restore = await habarshy(['restore', backupFile], envOf(targetDir, target.url));
      assert.equal(restore.code, 0, restore.stderr);
      assert.match(restore.stdout, /restored/);

      // A new connection: on SQLite the restore put a new file in place of the one opened before.
      const handle = connect(target.url, { poolSize: 2 });
      const src = site.database.handle.db;
      const dst = handle.db;
      const ackedBefore = acked.filter((x) => x.at < backupStartedAt);
      const ackedAfter = acked.filter((x) => x.at > backupEndedAt);
      assert.ok(ackedAfter.length > 0);
      const revisionsOf = async (db: DbHandle['db'], id: number) =>
        (await db.selectFrom('revisions').select('revision').where('article_id', '=', id).orderBy('revision').execute()).map((r) =>
          Number(r.revision),
        );

      for (const x of ackedBefore) {
        if (x.kind === 'article') {
          const row = await dst.selectFrom('articles').select(['status', 'headline', 'revision']).where('id', '=', x.id).executeTakeFirst();
          assert.ok(row, `article ${x.id} acknowledged before the backup is restored`);
          assert.equal(row.status, 'published');
          assert.equal(row.headline, x.detail['headline']);
          assert.deepEqual(await revisionsOf(dst, x.id), await revisionsOf(src, x.id), `revisions of article ${x.id}`);
        } else if (x.kind === 'photo') {
          assert.ok(await dst.selectFrom('media_assets').select('id').where('id', '=', x.id).executeTakeFirst(), `photo ${x.id}`);
          for (const url of [x.detail['original'], ...(x.detail['webp'] as string[])] as string[]) {
            const rel = url.replace(/^\/media\//, '');
            assert.ok(
              fs.readFileSync(path.join(targetDir, 'media', rel)).equals(fs.readFileSync(path.join(dataDir, 'media', rel))),
              `${rel} byte-equal`,
            );
          }
        } else if (x.kind === 'word') {
          const w = await dst
            .selectFrom('lexicon')
            .select('spelling')
            .where('word', '=', x.detail['word'] as string)
            .executeTakeFirst();
          assert.equal(w?.spelling, x.detail['spelling'], `lexicon word ${String(x.detail['word'])}`);
        } else {
          const u = await dst.selectFrom('users').select('email').where('id', '=', x.id).executeTakeFirst();
          assert.equal(u?.email, x.detail['email'], `user ${x.id}`);
        }
      }
      for (const x of ackedAfter.filter((y) => y.kind === 'article')) {
        assert.equal(
          await dst.selectFrom('articles').select('id').where('id', '=', x.id).executeTakeFirst(),
          undefined,
          `article ${x.id} written after the backup is not in it`,
        );
      }
      // A consistent snapshot: every restored article has all its revision rows; every photo its files.
      const articles = await dst.selectFrom('articles').select(['id', 'revision']).execute();
      for (const a of articles)
        assert.deepEqual(
          await revisionsOf(dst, a.id),
          Array.from({ length: Number(a.revision) }, (_, i) => i + 1),
          `revisions of ${a.id}`,
        );
      for (const asset of await dst.selectFrom('media_assets').select(['file_key', 'original_ext']).execute()) {
        if (asset.original_ext)
          assert.ok(
            fs.existsSync(path.join(targetDir, 'media', 'originals', `${asset.file_key}-original.${asset.original_ext}`)),
            asset.file_key,
          );
        assert.ok(
          fs.readdirSync(path.join(targetDir, 'media')).some((f) => f.startsWith(`${asset.file_key}-`)),
          `variants of ${asset.file_key}`,
        );
      }

      // An app on the restored data serves the articles and the photos.
      const config = loadConfig({ DATA_DIR: targetDir, DATABASE_URL: target.url, BASE_URL: 'https://habarshy.test', LOG_LEVEL: 'silent' });
      const restored = await buildApp(config, { handle, clock: () => site.now, logger: false });
      try {
        for (const x of ackedBefore.filter((y) => y.kind === 'article')) {
          const page = await restored.app.inject(`/kz/news/${String(x.detail['slug'])}-${String(x.detail['publicId'])}`);
          assert.equal(page.statusCode, 200, `page of ${x.id}`);
          assert.ok(page.body.includes(x.detail['headline'] as string));
        }
        for (const x of ackedBefore.filter((y) => y.kind === 'photo')) {
          const url = (x.detail['webp'] as string[])[0]!;
          const photo = await restored.app.inject(url);
          assert.equal(photo.statusCode, 200, url);
          assert.ok(photo.rawPayload.equals(fs.readFileSync(path.join(dataDir, 'media', url.replace(/^\/media\//, '')))));
        }
        // Ids go on from the restored ones (PostgreSQL sequences came along).
        const editor = await signedIn({ ...site, app: restored.app, services: restored.services } as TestSite, 'chief');
        const fresh = await editor.post('/api/newsroom/articles', {
          edition: 'kz',
          sectionId,
          headline: 'Қалпына келтірілгеннен кейін',
          lead: 'Лид.',
        });
        assert.equal(fresh.statusCode, 201, fresh.body);
      } finally {
        await restored.app.close();
        await handle.close();
      }
    });

    test('restore refuses a target that is not empty unless --force, and --force replaces it', async () => {
      const env = envOf(targetDir, target.url);
      const marker = async () => {
        const h = connect(target.url, { poolSize: 1 });
        try {
          return await h.db.selectFrom('lexicon').select('id').where('word', '=', 'белгі').executeTakeFirst();
        } finally {
          await h.close();
        }
      };
      const h = connect(target.url, { poolSize: 1 });
      await h.db
        .insertInto('lexicon')
        .values({ scheme: 'kk-Latn-2018', word: 'белгі', spelling: 'belgi', created_at: site.now.toISOString() })
        .execute();
      await h.close();
      fs.writeFileSync(path.join(targetDir, 'media', 'marker.txt'), 'here before');
      const refused = await habarshy(['restore', backupFile], env);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /not empty.*--force/);
      assert.ok(await marker(), 'nothing changed');
      assert.ok(fs.existsSync(path.join(targetDir, 'media', 'marker.txt')));

      if (dialect === 'sqlite') {
        // A server running on the file holds its lock: even --force does not restore under it.
        const lock = lockSqliteServer(target.url.slice('sqlite:'.length));
        try {
          const running = await habarshy(['restore', '--force', backupFile], env);
          assert.equal(running.code, 1);
          assert.match(running.stderr, /server is running.*stop it/);
          assert.ok(await marker(), 'nothing changed under the running server');
        } finally {
          lock.release();
        }
      }

      // --check only reads; an existing backup file is not overwritten without --force.
      const check = await habarshy(['restore', '--check', backupFile], env);
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stdout, /^ok: .*\n.* articles, .* revisions, .* users, .* media_assets, .* lexicon; \d+ media files/);
      assert.ok(await marker(), '--check changed nothing');
      const again = await habarshy(['backup', '--to', backupFile], envOf(dataDir, site.database.url));
      assert.equal(again.code, 1);
      assert.match(again.stderr, /exists.*--force/);

      const forced = await habarshy(['restore', '--force', backupFile], env);
      assert.equal(forced.code, 0, forced.stderr);
      assert.equal(await marker(), undefined, 'the target is the backup again');
      assert.ok(!fs.existsSync(path.join(targetDir, 'media', 'marker.txt')));
    });

    test('a damaged backup is refused with a clear message and nothing is written', async () => {
      const damaged = path.join(work, `damaged-${dialect}.tar.gz`);
      fs.copyFileSync(backupFile, damaged);
      flipByte(damaged, Math.floor(fs.statSync(damaged).size / 2));
      const empty = await freshDatabase(dialect, { migrate: false });
      const emptyDir = tempDir();
      try {
        const r = await habarshy(['restore', damaged], envOf(emptyDir, empty.url));
        assert.equal(r.code, 1);
        assert.match(r.stderr, /damaged.*Nothing was restored/);
        assert.deepEqual(fs.readdirSync(emptyDir), [], 'no file in the data directory');
        assert.equal(await tableCount(dialect, empty.url), 0, 'no table in the database');
        assert.equal((await habarshy(['restore', '--check', damaged], envOf(emptyDir, empty.url))).code, 1, '--check finds it too');
        // An uncompressed backup with one byte changed inside a photo: the checksum finds it.
        const plain = path.join(work, `plain-${dialect}.tar`);
        const made = await habarshy(['backup', '--to', plain], envOf(dataDir, site.database.url));
        assert.equal(made.code, 0, made.stderr);
        const tar = fs.readFileSync(plain);
        const header = tar.indexOf(Buffer.from('media/originals/'));
        assert.ok(header > 0 && header % 512 === 0, 'an uploaded original in the archive');
        flipByte(plain, header + 512 + 100);
        const r2 = await habarshy(['restore', plain], envOf(emptyDir, empty.url));
        assert.equal(r2.code, 1);
        assert.match(r2.stderr, /damaged.*checksum of media\/originals\//);
        assert.deepEqual(fs.readdirSync(emptyDir), []);
        assert.equal(await tableCount(dialect, empty.url), 0);
      } finally {
        await empty.drop();
        fs.rmSync(emptyDir, { recursive: true, force: true });
      }
    });

    if (dialect === 'postgres') {
      test('a PostgreSQL backup is not restored into SQLite, and a missing pg_dump is named', async () => {
        const sqliteDir = tempDir();
        try {
          const r = await habarshy(['restore', backupFile], { DATA_DIR: sqliteDir, DATABASE_URL: '' });
          assert.equal(r.code, 1);
          assert.match(r.stderr, /PostgreSQL backup and the target is SQLite/);
          assert.ok(!fs.existsSync(path.join(sqliteDir, 'habarshy.db')));
          const out = path.join(work, 'never.tar.gz');
          const missing = await habarshy(['backup', '--to', out], {
            ...envOf(dataDir, site.database.url),
            PG_BINDIR: path.join(sqliteDir, 'no-such-dir'),
          });
          assert.equal(missing.code, 1);
          assert.match(missing.stderr, /pg_dump/);
          assert.ok(!fs.existsSync(out));
        } finally {
          fs.rmSync(sqliteDir, { recursive: true, force: true });
        }
      });
    }
  });
}
