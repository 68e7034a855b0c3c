// `npm run build` and the built server: plain JavaScript that runs without tsx, the newsroom bundle
// built ahead of time (hashed, with its brotli and gzip bodies) and served from the build, and a
// graceful stop on SIGTERM: the request in flight completes, new connections are refused, the views
// counted just before are in the database after the exit, the exit code is 0, and a request that
// never completes holds the stop no longer than SHUTDOWN_TIMEOUT_MS.
//
// The build goes into a folder of its own under .tmp/ (inside the checkout, so the built files find
// node_modules); the suite never touches dist/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { SHARED_DATA_DIR } from '../support/site.ts';
import { seedDemo } from '../../src/services/demoSeed.ts';
import { READER_HEADERS } from '../support/readerAgent.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let out = '';

before(() => {
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  out = path.join(fs.mkdtempSync(path.join(ROOT, '.tmp/build-test-')), 'dist');
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--out', out], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
});

after(() => {
  if (out) fs.rmSync(path.dirname(out), { recursive: true, force: true });
});

/** The environment of a built file run with plain Node: no tsx loader, not even through NODE_OPTIONS. */
function plainEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_OPTIONS: '', ...env };
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('npm run build', () => {
  test('the server and the habarshy command are plain JavaScript that runs without tsx', () => {
    const compiled = files(out).filter((f) => f.endsWith('.js') && !f.includes(`${path.sep}public${path.sep}`));
    assert.ok(
      compiled.some((f) => f.endsWith(path.join('cli', 'main.js'))),
      'dist/cli/main.js is built',
    );
    for (const file of compiled) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from\s+['"]\.{1,2}\/[^'"]*\.tsx?['"]/, `${path.relative(out, file)} imports a .ts path`);
    }
    const env = plainEnv();
    const help = spawnSync(process.execPath, [path.join(out, 'cli/main.js'), '--help'], { env, encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: habarshy <command>/);
    const converted = spawnSync(process.execPath, [path.join(out, 'cli/main.js'), 'convert', '--from', 'kk-Cyrl', '--to', 'kk-Latn'], {
      env,
      input: 'Қазақстан\n',
      encoding: 'utf8',
    });
    assert.equal(converted.stdout, 'Qazaqstan\n', converted.stderr);
    // The revision comparison runs in a worker thread, which must start from the build too.
    const diffRunner = pathToFileURL(path.join(out, 'services/newsroom/diffRunner.js')).href;
    const compared = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      const { DiffRunner } = await import(${JSON.stringify(diffRunner)});
      const runner = new DiffRunner();
      const result = await runner.compare({ headline: 'Astana hosts talks' }, { headline: 'Astana hosts summit' });
      await runner.close();
      console.log(JSON.stringify(result.fields[0]));`,
      ],
      { env, encoding: 'utf8' },
    );
    assert.equal(compared.status, 0, compared.stderr);
    assert.match(compared.stdout, /summit/);
  });

  test('the newsroom bundle is built ahead of time under content-hashed names, with brotli and gzip bodies', () => {
    const dir = path.join(out, 'public/newsroom');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { js: string; css: string };
    for (const [name, ext] of [
      [manifest.js, '.js'],
      [manifest.css, '.css'],
    ] as const) {
      assert.match(name, new RegExp(`^app-[0-9a-f]{16}\\${ext}$`));
      const body = fs.readFileSync(path.join(dir, name));
      assert.ok(name.includes(createHash('sha256').update(body).digest('hex').slice(0, 16)), `${name} is named by its content`);
      assert.deepEqual(brotliDecompressSync(fs.readFileSync(path.join(dir, `${name}.br`))), body);
      assert.deepEqual(gunzipSync(fs.readFileSync(path.join(dir, `${name}.gz`))), body);
    }
    assert.ok(fs.statSync(path.join(dir, manifest.js)).size > 100_000, 'the app with TipTap is in the bundle');
  });

  test('a build that is already current is not redone by npm start (--if-stale)', () => {
    const stamp = fs.readFileSync(path.join(out, '.build-stamp'), 'utf8');
    const again = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--out', out], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stderr, '', 'nothing was compiled');
    assert.equal(fs.readFileSync(path.join(out, '.build-stamp'), 'utf8'), stamp);
  });
});

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  readonly exited: Promise<number | null>;
  output(): string;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The built server on a seeded database, started as `habarshy serve` is, once it listens. */
async function startBuilt(database: TestDatabase, env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const childEnv = plainEnv({
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: SHARED_DATA_DIR,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'info',
    // Views reach the database only through the flush at shutdown; no request times out on its own.
    VIEW_FLUSH_MS: '3600000',
    HTTP_REQUEST_TIMEOUT_MS: '3600000',
    ...env,
  });
  const child = spawn(process.execPath, [path.join(out, 'cli/main.js'), 'serve'], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (text.includes('Habarshy is running')) resolve();
      else if (child.exitCode !== null) reject(new Error(`the server stopped: ${text}`));
      else setTimeout(check, 50);
    };
    check();
  });
  return { child, port, exited, output: () => text };
}

/** A POST /beacon whose headers the server has taken (it answered 100 Continue) and whose body is not sent yet. */
async function heldBeacon(
  port: number,
  publicId: string,
  edition: string,
): Promise<{ socket: net.Socket; finish(): Promise<string>; closed: Promise<string> }> {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
  socket.on('data', (d: Buffer) => (received += d.toString()));
  socket.on('error', () => undefined);
  socket.write(
    `POST /beacon?a=${publicId}&e=${edition} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n` +
      'Content-Length: 4\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
  );
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (received.startsWith('HTTP/1.1 100 Continue')) resolve();
      else if (socket.destroyed) reject(new Error(`the connection closed: ${received}`));
      else setTimeout(check, 10);
    };
    check();
  });
  received = '';
  return {
    socket,
    closed,
    finish: () => {
      socket.write('ping');
      return closed;
    },
  };
}

/** Resolves when a new connection to the port is refused (the server stopped listening). */
async function refusedOnceClosing(port: number): Promise<string> {
  for (;;) {
    const code = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    });
    if (code !== 'connected') return code;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function viewsOf(database: TestDatabase, articleId: number): Promise<number> {
  const row = await database.handle.db
    .selectFrom('view_counts')
    .select((eb) => eb.fn.sum<number>('views').as('views'))
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return Number(row?.views ?? 0);
}

for (const dialect of dialects()) {
  describe(`the built server stops gracefully on SIGTERM (${dialect})`, () => {
    let database: TestDatabase;
    let article: { id: number; public_id: string; edition: string };

    before(async () => {
      database = await freshDatabase(dialect);
      await seedDemo(database.handle, { dataDir: SHARED_DATA_DIR, now: new Date() });
      article = await database.handle.db
        .selectFrom('articles')
        .select(['id', 'public_id', 'edition'])
        .where('status', '=', 'published')
        .orderBy('id')
        .executeTakeFirstOrThrow();
    });
    after(async () => database?.drop());

    test('the request in flight completes, new connections are refused, the views counted before are stored, exit code 0', async () => {
      const server = await startBuilt(database);
      const before = await viewsOf(database, article.id);
      const base = `http://127.0.0.1:${server.port}`;

      const shell = await (await fetch(`${base}/newsroom/`)).text();
      const manifest = JSON.parse(fs.readFileSync(path.join(out, 'public/newsroom/manifest.json'), 'utf8')) as { js: string };
      assert.ok(shell.includes(`/newsroom/assets/${manifest.js}`), 'the newsroom is served from the prebuilt bundle');

      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${base}/beacon?a=${article.public_id}&e=${article.edition}`, { headers: READER_HEADERS });
        assert.equal(res.status, 200);
        await res.arrayBuffer();
      }
      const held = await heldBeacon(server.port, article.public_id, article.edition);

      server.child.kill('SIGTERM');
      assert.equal(await refusedOnceClosing(server.port), 'ECONNREFUSED', 'a new connection is refused while stopping');
      assert.equal(server.child.exitCode, null, 'the server waits for the request in flight');

      const answer = await held.finish();
      assert.match(answer, /^HTTP\/1\.1 204 /, 'the request in flight is answered');
      assert.equal(await server.exited, 0, server.output());
      assert.equal(await viewsOf(database, article.id), before + 4, 'the 3 views before the signal and the one in flight are stored');
    });

    test('a request that never completes holds the stop no longer than SHUTDOWN_TIMEOUT_MS', async () => {
      const server = await startBuilt(database, { SHUTDOWN_TIMEOUT_MS: '500' });
      const before = await viewsOf(database, article.id);
      const res = await fetch(`http://127.0.0.1:${server.port}/beacon?a=${article.public_id}&e=${article.edition}`, {
        headers: READER_HEADERS,
      });
      await res.arrayBuffer();
      const held = await heldBeacon(server.port, article.public_id, article.edition);

      const signalled = Date.now();
      server.child.kill('SIGTERM');
      assert.equal(await server.exited, 0, server.output());
      // Without the bound the server would wait for the client (here an hour, HTTP_REQUEST_TIMEOUT_MS).
      assert.ok(Date.now() - signalled < 30_000, `stopped ${Date.now() - signalled} ms after the signal`);
      assert.equal(await held.closed, '', 'the stalled request is cut without an answer');
      assert.equal(await viewsOf(database, article.id), before + 1, 'the view counted before the signal is stored');
    });
  });
}
