// The backup file's tar writer and reader: what one writes the other reads back byte for byte
// (empty files, block-sized ones, names past ustar's 100 bytes in a pax header, in any chunking),
// GNU tar lists and unpacks it, and damage is named instead of misread.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { endOfArchive, fileHeader, padding, readTar, TarFormatError } from '../../src/services/tarStream.ts';

const FILES: [string, Buffer][] = [
  ['manifest.json', Buffer.from('{"a":1}\n')],
  ['empty', Buffer.alloc(0)],
  ['media/one-block.bin', Buffer.alloc(512, 7)],
  ['media/originals/Қазақ-фото.jpg', Buffer.from('x'.repeat(1000))],
  [`media/${'deep/'.repeat(30)}long-name-${'n'.repeat(80)}.webp`, Buffer.alloc(1500, 3)],
];

function archive(files: [string, Buffer][]): Buffer {
  return Buffer.concat([
    ...files.flatMap(([name, data]) => [fileHeader(name, data.length, 0), data, padding(data.length)]),
    endOfArchive(),
  ]);
}

/** The bytes in pieces of a given size, as a stream would deliver them. */
async function* chunked(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(source: AsyncIterable<Buffer>): Promise<[string, Buffer][]> {
  const out: [string, Buffer][] = [];
  for await (const entry of readTar(source)) {
    const parts: Buffer[] = [];
    for await (const chunk of entry.body) parts.push(chunk);
    out.push([entry.name, Buffer.concat(parts)]);
  }
  return out;
}

describe('tar streams for backups', () => {
  test('every file comes back with its name and bytes, however the input is cut', async () => {
    const tar = archive(FILES);
    for (const size of [1, 7, 512, 513, 4096, tar.length]) {
      const back = await readAll(chunked(tar, size));
      assert.deepEqual(
        back.map(([n]) => n),
        FILES.map(([n]) => n),
        `chunks of ${size}`,
      );
      back.forEach(([, data], i) => assert.ok(data.equals(FILES[i]![1]), `${FILES[i]![0]} in chunks of ${size}`));
    }
  });

  test('an entry the reader does not open is skipped cleanly', async () => {
    const names: string[] = [];
    for await (const entry of readTar(chunked(archive(FILES), 100))) names.push(entry.name);
    assert.deepEqual(
      names,
      FILES.map(([n]) => n),
    );
  });

  test('GNU tar lists and unpacks the archive, the long pax name included', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'habarshy-tar-'));
    try {
      const file = path.join(dir, 'a.tar');
      fs.writeFileSync(file, archive(FILES));
      const list = spawnSync('tar', ['-tf', file], { encoding: 'utf8' });
      assert.equal(list.status, 0, list.stderr);
      assert.deepEqual(
        list.stdout.trim().split('\n'),
        FILES.map(([n]) => n),
      );
      const out = path.join(dir, 'out');
      fs.mkdirSync(out);
      assert.equal(spawnSync('tar', ['-xf', file, '-C', out]).status, 0);
      for (const [name, data] of FILES) assert.ok(fs.readFileSync(path.join(out, name)).equals(data), name);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('damage is named: a changed header, a missing end, a cut file', async () => {
    const tar = archive(FILES);
    const badHeader = Buffer.from(tar);
    badHeader[10] = badHeader[10]! ^ 0xff;
    await assert.rejects(readAll(chunked(badHeader, 512)), (e: unknown) => e instanceof TarFormatError && /checksum/.test(e.message));
    await assert.rejects(
      readAll(chunked(tar.subarray(0, tar.length - 1024), 512)),
      (e: unknown) => e instanceof TarFormatError && /no end marker/.test(e.message),
    );
    await assert.rejects(
      readAll(chunked(tar.subarray(0, 512 + 3), 512)),
      (e: unknown) => e instanceof TarFormatError && /ends in the middle/.test(e.message),
    );
  });
});
