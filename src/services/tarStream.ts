// A small POSIX tar (ustar, with pax headers for long names and large sizes) writer and reader over
// async iterables of Buffers, for backup files that any `tar` can list and unpack. Only what
// backups need: regular files (and directories, skipped when reading). No dependency: the npm
// `tar` package is not installed and tar-stream is only a transitive dependency here.

const BLOCK = 512;
const ZEROS = Buffer.alloc(BLOCK);
/** The largest size the 11 octal digits of a ustar header can hold. */
const USTAR_MAX_SIZE = 0o77777777777;

export class TarFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TarFormatError';
  }
}

function writeString(header: Buffer, value: string, offset: number, length: number): void {
  header.write(value, offset, length, 'utf8');
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : header[i]!;
  return sum;
}

function rawHeader(name: string, size: number, type: '0' | 'x', mtime: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  writeString(header, name, 0, 100);
  writeOctal(header, 0o644, 100, 8);
  writeOctal(header, 0, 108, 8);
  writeOctal(header, 0, 116, 8);
  writeOctal(header, size, 124, 12);
  writeOctal(header, Math.floor(mtime / 1000), 136, 12);
  header.write(type, 156, 1, 'ascii');
  header.write('ustar\u000000', 257, 8, 'ascii');
  writeOctal(header, checksum(header), 148, 7);
  header[155] = 0x20;
  return header;
}

/** One pax record: "LEN key=value\n", LEN counting itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length += 1;
  return `${length}${body}`;
}

/** The header block(s) of a regular file: a pax header first when the name or size needs one. */
export function fileHeader(name: string, size: number, mtime = Date.now()): Buffer {
  const longName = Buffer.byteLength(name) > 100;
  const bigSize = size > USTAR_MAX_SIZE;
  if (!longName && !bigSize) return rawHeader(name, size, '0', mtime);
  const pax = Buffer.from((longName ? paxRecord('path', name) : '') + (bigSize ? paxRecord('size', String(size)) : ''));
  return Buffer.concat([
    rawHeader('PaxHeader', pax.length, 'x', mtime),
    pax,
    padding(pax.length),
    rawHeader(
      longName
        ? Buffer.from(name)
            .subarray(0, 100)
            .toString('utf8')
            .replace(/\uFFFD+$/, '')
        : name,
      bigSize ? 0 : size,
      '0',
      mtime,
    ),
  ]);
}

/** Zeros that fill a file's data up to the next block. */
export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return rest === 0 ? Buffer.alloc(0) : Buffer.alloc(BLOCK - rest);
}

/** The end of an archive: two zero blocks. */
export function endOfArchive(): Buffer {
  return Buffer.alloc(BLOCK * 2);
}

/** Reads exact byte counts from an async iterable of Buffers. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private done = false;
  private readonly iterator: AsyncIterator<Buffer>;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<boolean> {
    while (this.length < n && !this.done) {
      const next = await this.iterator.next();
      if (next.done) this.done = true;
      else {
        this.buffered.push(next.value);
        this.length += next.value.length;
      }
    }
    return this.length >= n;
  }

  private take(n: number): Buffer {
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** Exactly n bytes, or null at the end of the input (a partial read is an error). */
  async read(n: number): Promise<Buffer | null> {
    if (!(await this.fill(n))) {
      if (this.length === 0) return null;
      throw new TarFormatError('the archive ends in the middle of a block');
    }
    return this.take(n);
  }

  /** The next n bytes as chunks, without holding them all. */
  async *chunks(n: number): AsyncGenerator<Buffer> {
    let left = n;
    while (left > 0) {
      if (this.length === 0 && !(await this.fill(1))) throw new TarFormatError('the archive ends in the middle of a file');
      const piece = this.take(Math.min(left, this.length));
      left -= piece.length;
      yield piece;
    }
  }
}

function readString(header: Buffer, offset: number, length: number): string {
  const field = header.subarray(offset, offset + length);
  const end = field.indexOf(0);
  return field.subarray(0, end < 0 ? length : end).toString('utf8');
}

function readOctal(header: Buffer, offset: number, length: number): number {
  const text = readString(header, offset, length).trim();
  if (!/^[0-7]*$/.test(text)) throw new TarFormatError('a header field is not a number');
  return text === '' ? 0 : parseInt(text, 8);
}

function parsePax(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    const length = Number(data.subarray(pos, space).toString('ascii'));
    if (space < 0 || !Number.isInteger(length) || length <= 0 || pos + length > data.length)
      throw new TarFormatError('a pax header is malformed');
    const record = data.subarray(space + 1, pos + length - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out.set(record.slice(0, eq), record.slice(eq + 1));
    pos += length;
  }
  return out;
}

export interface TarEntry {
  readonly name: string;
  readonly size: number;
  /** The file's bytes; must be read to the end (or not at all) before the next entry. */
  readonly body: AsyncIterable<Buffer>;
}

/** The regular files of a tar archive, in order. Directories are skipped; other types are refused. */
export async function* readTar(source: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(source);
  let pax = new Map<string, string>();
  for (;;) {
    const header = await reader.read(BLOCK);
    if (header === null) throw new TarFormatError('the archive has no end marker (cut short?)');
    if (header.equals(ZEROS)) return;
    if (readOctal(header, 148, 8) !== checksum(header)) throw new TarFormatError('a header checksum is wrong');
    const type = String.fromCharCode(header[156]!);
    const prefix = readString(header, 345, 155);
    const baseName = readString(header, 0, 100);
    const name = pax.get('path') ?? (prefix ? `${prefix}/${baseName}` : baseName);
    const size = pax.has('size') ? Number(pax.get('size')) : readOctal(header, 124, 12);
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`the size of ${name} is not valid`);
    pax = new Map();
    if (type === 'x') {
      const data = size > 0 ? await reader.read(size) : Buffer.alloc(0);
      if (data === null) throw new TarFormatError('the archive ends inside a pax header');
      if (padding(size).length > 0) await reader.read(padding(size).length);
      pax = parsePax(data);
      continue;
    }
    if (type === 'g' || type === '5') {
      for await (const _ of reader.chunks(size + padding(size).length)) {
        /* skipped */
      }
      continue;
    }
    if (type !== '0' && type !== '\0') throw new TarFormatError(`${name} is not a regular file (type ${type})`);
    const left = { bytes: size };
    const body = (async function* () {
      for await (const chunk of reader.chunks(left.bytes)) {
        left.bytes -= chunk.length;
        yield chunk;
      }
    })();
    yield { name, size, body };
    // Whatever the caller did not read is skipped.
    for await (const chunk of reader.chunks(left.bytes)) left.bytes -= chunk.length;
    const pad = padding(size).length;
    if (pad > 0) await reader.read(pad);
  }
}
