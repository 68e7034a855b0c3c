// A full disk: the data folder (SQLite database and photos) on a 20 MB tmpfs, filled up while the
// newsroom writes. Writes must be refused with 507 (never a 500, never a crash), pages still read,
// and writes must work again by themselves once space is freed; every acknowledged write is kept.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fmt, log, Newsroom, request, scenario, sleep, startServer, tally, template, workDir } from './lib.ts';

const para = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

await scenario('disk-full', async (v) => {
  if (process.getuid?.() !== 0) {
    console.log('SKIP disk-full: mounting a tmpfs needs root');
    process.exit(0);
  }
  const work = workDir('diskfull');
  const mnt = path.join(work, 'disk');
  fs.mkdirSync(mnt);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mnt], { encoding: 'utf8' });
  if (mounted.status !== 0) throw new Error(`cannot mount a tmpfs: ${mounted.stderr}`);
  const unmount = () => spawnSync('umount', ['-l', mnt]);
  process.on('exit', unmount);
  try {
    fs.cpSync(template(), path.join(mnt, 'data'), { recursive: true });
    const dir = path.join(mnt, 'data');
    const server = await startServer({ dataDir: dir });
    const nr = await Newsroom.signIn(server.url);
    const sectionId = (JSON.parse((await nr.call('GET', '/api/newsroom/sections')).body) as { items: { id: number }[] }).items[0]!.id;
    await request(`${server.url}/kz/`);

    // Fill the disk, leaving a little room.
    const free = () => {
      const s = fs.statfsSync(mnt);
      return s.bavail * s.bsize;
    };
    const filler = path.join(mnt, 'filler');
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 256 * 1024)));
    v.figure('free_kb_after_fill', Math.round(free() / 1024));

    const acked = new Map<number, string>();
    const statuses: number[] = [];
    const body = { version: 1, blocks: Array.from({ length: 40 }, (_, i) => para(`${'Диск толды. '.repeat(100)} ${i}`)) };
    const write = async (tag: string) => {
      const headline = `Disk ${tag} ${Date.now() % 1e7}`;
      const res = await nr.call(
        'POST',
        '/api/newsroom/articles',
        { edition: 'kz', sectionId, headline, lead: 'x', body },
        { timeoutMs: 20_000 },
      );
      statuses.push(res.status);
      if (res.status === 201) acked.set((JSON.parse(res.body) as { id: number }).id, headline);
      return res;
    };
    let refused = 0;
    for (let i = 0; i < 200 && refused < 5; i++) {
      const res = await write(`full-${i}`);
      if (res.status >= 400) refused++;
    }
    v.figure('writes_while_full', fmt(tally(statuses)));
    v.check(refused > 0, 'the disk never filled up (no write was refused)');
    v.check(
      statuses.every((s) => s === 201 || s === 507),
      `writes on a full disk answered ${fmt(tally(statuses.filter((s) => s !== 201 && s !== 507)))} (want 507)`,
    );
    v.check(server.alive, 'the server died on a full disk');
    if (!server.alive) {
      v.figure('last_words', JSON.stringify(server.tail(2).slice(0, 300)));
      return;
    }
    const reads = await Promise.all(
      ['/kz/', '/kz/latest', `/kz/search?q=full${Date.now()}`, '/api/v1/articles?edition=kz&limit=3'].map((u) => request(server.url + u)),
    );
    v.figure('reads_while_full', fmt(tally(reads.map((r) => r.status))));
    v.check(
      reads.every((r) => r.status === 200),
      'pages could not be read on a full disk',
    );

    // Space comes back: writes work again without a restart.
    fs.rmSync(filler);
    log('freed the disk');
    let back = -1;
    for (const started = Date.now(); Date.now() - started < 20_000; await sleep(500)) {
      const res = await write('after');
      if (res.status === 201) {
        back = Date.now() - started;
        break;
      }
      log(`write after freeing space: ${res.status} ${res.body.slice(0, 120)}`);
    }
    v.figure('writes_back_ms', back);
    v.check(back >= 0, 'writes did not work again within 20 s of freeing space');
    let missing = 0;
    for (const [id, headline] of acked) {
      const res = await nr.call('GET', `/api/newsroom/articles/${id}`);
      if (res.status !== 200 || (JSON.parse(res.body) as { headline: string }).headline !== headline) {
        missing++;
        log(`acknowledged article ${id}: ${res.status} ${res.body.slice(0, 120)}`);
      }
    }
    v.figure('acked', acked.size);
    v.check(missing === 0, `${missing} acknowledged writes missing`);
    // And the database survives a restart intact.
    await server.stop();
    const again = await startServer({ dataDir: dir });
    const check = await request(`${again.url}/kz/`);
    v.check(check.status === 200, `after a restart the home page answered ${check.status}`);
    await again.stop();
  } finally {
    unmount();
  }
});
