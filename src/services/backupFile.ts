// The backup file: its format (a tar, gzip-compressed unless the name ends in .tar, holding the
// database snapshot, `media/…` and `manifest.json` last), its manifest, and the check of a file
// against its manifest. Written by services/backup.ts, restored by services/restore.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import zlib from 'node:zlib';
import { readTar, TarFormatError } from './tarStream.ts';

export const BACKUP_FORMAT = 'habarshy-backup';
export const BACKUP_VERSION = 1;

export type Dialect = 'sqlite' | 'postgres';

export interface FileSum {
  readonly size: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly dialect: Dialect;
  readonly createdAt: string;
  /** The newest migration of the saved schema. */
  readonly migration: string | null;
  /** Rows per table in the snapshot. */
  readonly tables: Record<string, number>;
  /** Every other entry of the archive: `database.sqlite` or `database.pgdump`, and `media/…`. */
  readonly files: Record<string, FileSum>;
}

/** A problem the operator can act on: the CLI prints the message and exits with `exitCode`. */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export const MANIFEST = 'manifest.json';
export const DB_ENTRY: Record<Dialect, string> = { sqlite: 'database.sqlite', postgres: 'database.pgdump' };
export const MEDIA = 'media';

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** The archive's bytes, gunzipped when the file starts with gzip's magic number. */
export async function* archiveBytes(file: string): AsyncGenerator<Buffer> {
  const handle = await fsp.open(file, 'r');
  const magic = Buffer.alloc(2);
  try {
    await handle.read(magic, 0, 2, 0);
  } finally {
    await handle.close();
  }
  const raw = fs.createReadStream(file);
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    const gunzip = zlib.createGunzip();
    raw.on('error', (err) => gunzip.destroy(err));
    yield* raw.pipe(gunzip) as AsyncIterable<Buffer>;
  } else {
    yield* raw as AsyncIterable<Buffer>;
  }
}

/** Entry names a backup may hold: no absolute paths, no `..`, nothing outside media/. */
export function safeName(name: string, dialect: Dialect | null): boolean {
  if (name === MANIFEST) return true;
  if (dialect ? name === DB_ENTRY[dialect] : Object.values(DB_ENTRY).includes(name)) return true;
  if (!name.startsWith(`${MEDIA}/`)) return false;
  const parts = name.slice(MEDIA.length + 1).split('/');
  // eslint-disable-next-line no-control-regex
  return parts.every((p) => p !== '' && p !== '.' && p !== '..' && !/[\\\u0000-\u001f]/.test(p));
}

export function damaged(file: string, why: string): BackupError {
  return new BackupError(`${file} is damaged or not a Habarshy backup: ${why}. Nothing was restored.`);
}

function parseManifest(file: string, data: Buffer): Manifest {
  let m: Manifest;
  try {
    m = JSON.parse(data.toString('utf8')) as Manifest;
  } catch {
    throw damaged(file, 'manifest.json is not JSON');
  }
  if (m?.format !== BACKUP_FORMAT) throw damaged(file, 'manifest.json does not describe a Habarshy backup');
  if (m.version !== BACKUP_VERSION)
    throw new BackupError(
      `${file} is a backup of format version ${m.version}; this Habarshy reads version ${BACKUP_VERSION}. Nothing was restored.`,
    );
  if (m.dialect !== 'sqlite' && m.dialect !== 'postgres') throw damaged(file, 'manifest.json names no database');
  if (typeof m.files !== 'object' || m.files === null || typeof m.tables !== 'object' || m.tables === null)
    throw damaged(file, 'manifest.json lacks files or tables');
  return m;
}

/**
 * Reads the whole backup and checks it: every entry named in the manifest is there with its size
 * and SHA-256, nothing else is. Writes nothing. Returns the manifest.
 */
export async function verifyBackup(file: string): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist`);
  const seen = new Map<string, FileSum>();
  let manifestData: Buffer | null = null;
  try {
    for await (const entry of readTar(archiveBytes(file))) {
      if (!safeName(entry.name, null)) throw damaged(file, `it holds an unexpected entry "${entry.name}"`);
      if (seen.has(entry.name) || (entry.name === MANIFEST && manifestData)) throw damaged(file, `"${entry.name}" is there twice`);
      if (entry.name === MANIFEST) {
        if (entry.size > 256 * 1024 * 1024) throw damaged(file, 'manifest.json is too large');
        const parts: Buffer[] = [];
        for await (const chunk of entry.body) parts.push(chunk);
        manifestData = Buffer.concat(parts);
        continue;
      }
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of entry.body) {
        hash.update(chunk);
        size += chunk.length;
      }
      seen.set(entry.name, { size, sha256: hash.digest('hex') });
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    if (err instanceof TarFormatError) throw damaged(file, err.message);
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) throw damaged(file, `its compression is broken (${(err as Error).message})`);
    throw err;
  }
  if (!manifestData) throw damaged(file, 'it has no manifest.json');
  const manifest = parseManifest(file, manifestData);
  for (const [name, sum] of Object.entries(manifest.files)) {
    const got = seen.get(name);
    if (!got) throw damaged(file, `${name} is missing`);
    if (got.size !== sum.size || got.sha256 !== sum.sha256) throw damaged(file, `the checksum of ${name} does not match`);
  }
  for (const name of seen.keys()) if (!Object.hasOwn(manifest.files, name)) throw damaged(file, `${name} is not in the manifest`);
  if (!Object.hasOwn(manifest.files, DB_ENTRY[manifest.dialect])) throw damaged(file, 'it holds no database');
  return manifest;
}

/** "12.3 MB" */
export function humanBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i += 1;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
