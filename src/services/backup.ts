// Backups of a running site and their restore. One file: a tar (gzip-compressed unless the name
// ends in .tar) holding the database snapshot (`database.sqlite` made by VACUUM INTO, or
// `database.pgdump`, pg_dump's custom format), every file under DATA_DIR/media as `media/…`, and
// `manifest.json` last: format version, dialect, time, the schema's migration, rows per table and
// the size and SHA-256 of every other entry. Restore reads the whole file and checks every checksum
// before it writes anything, and replaces a non-empty target only when forced.
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import {
  pgDatabaseFacts, pgDropTables, sqliteFile, sqliteFileFacts, sqliteHasTables, sqliteSnapshot, withPgSnapshot,
  type DatabaseFacts,
} from '../db/snapshot.ts';
import { migrationNames } from '../db/migrate.ts';
import { endOfArchive, fileHeader, padding, readTar, TarFormatError } from './tarStream.ts';

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
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'BackupError';
  }
}

const MANIFEST = 'manifest.json';
const DB_ENTRY: Record<Dialect, string> = { sqlite: 'database.sqlite', postgres: 'database.pgdump' };
const MEDIA = 'media';

export function dialectOf(url: string): Dialect {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL client tools

/**
 * pg_dump or pg_restore: from PG_BINDIR when set, else on PATH, else in the newest
 * /usr/lib/postgresql/N/bin or /usr/pgsql-N/bin (Debian and Red Hat put them there).
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const executable = (file: string) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const pinned = env['PG_BINDIR'];
  if (pinned) {
    const file = path.join(pinned, name);
    if (executable(file)) return file;
    throw new BackupError(`${name} is not in PG_BINDIR (${pinned}): point PG_BINDIR at the PostgreSQL client tools' folder, or unset it to search PATH`);
  }
  const dirs = (env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  const versioned = (root: string, pattern: RegExp, sub: string) => {
    try {
      return fs.readdirSync(root).filter((d) => pattern.test(d)).sort((a, b) => parseFloat(b.replace(/\D+/, '')) - parseFloat(a.replace(/\D+/, '')))
        .map((d) => path.join(root, d, sub));
    } catch {
      return [];
    }
  };
  dirs.push(...versioned('/usr/lib/postgresql', /^\d+$/, 'bin'), ...versioned('/usr', /^pgsql-\d+$/, 'bin'));
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (executable(file)) return file;
  }
  throw new BackupError(
    `${name} was not found (looked on PATH and in /usr/lib/postgresql/*/bin): backups of PostgreSQL need the PostgreSQL client tools, ` +
    'of the server\'s major version or newer (Debian: apt-get install postgresql-client-15). Set PG_BINDIR to their folder if they are elsewhere.',
  );
}

/** libpq arguments without the password on the command line (where `ps` shows it): it goes in PGPASSWORD. */
function pgTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (stderr.length < 8000) stderr += d;
    });
    child.on('error', (err) => reject(new BackupError(`${path.basename(command)} could not be started: ${err.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new BackupError(`${path.basename(command)} failed (exit ${code}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Backup

export interface BackupOptions {
  readonly databaseUrl: string;
  readonly dataDir: string;
  /** The backup file to write (gzip-compressed tar unless it ends in `.tar`). */
  readonly to: string;
  /** Replace an existing file at `to`. */
  readonly force?: boolean;
  readonly now?: () => Date;
}

export interface BackupReport {
  readonly file: string;
  readonly bytes: number;
  readonly manifest: Manifest;
}

/** Regular files under a folder, as paths relative to it with `/`, sorted; temporary files left out. */
async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    for (const e of entries) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), childRel);
      else if (e.isFile() && !e.name.endsWith('.tmp')) out.push(childRel);
    }
  };
  await walk(root, '');
  return out.sort();
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes a backup of a running site. The database snapshot comes first, the media files are listed
 * after it: an upload writes its files before its row is committed, so every photo in the snapshot
 * has its files in the backup.
 */
export async function createBackup(opts: BackupOptions): Promise<BackupReport> {
  const dialect = dialectOf(opts.databaseUrl);
  const to = path.resolve(opts.to);
  const mediaDir = path.join(path.resolve(opts.dataDir), MEDIA);
  if (fs.existsSync(to) && !opts.force) throw new BackupError(`${to} exists: choose another name, or add --force to replace it`);
  if (to.startsWith(mediaDir + path.sep)) throw new BackupError('the backup file cannot be inside DATA_DIR/media, which it saves');
  if (!fs.existsSync(path.dirname(to))) throw new BackupError(`the folder ${path.dirname(to)} does not exist`);
  const work = await fsp.mkdtemp(path.join(path.dirname(to), '.habarshy-backup-'));
  const partial = path.join(work, 'backup.partial');
  try {
    const snapshot = path.join(work, DB_ENTRY[dialect]);
    let facts: DatabaseFacts;
    if (dialect === 'sqlite') {
      const file = sqliteFile(opts.databaseUrl);
      if (!file) throw new BackupError('an in-memory SQLite database cannot be backed up');
      if (!fs.existsSync(file)) throw new BackupError(`there is no database at ${file} (DATABASE_URL / DATA_DIR)`);
      facts = sqliteSnapshot(file, snapshot);
    } else {
      const pgDump = findPgTool('pg_dump');
      const target = pgTarget(opts.databaseUrl);
      facts = await withPgSnapshot(opts.databaseUrl, async (snapshotId, counted) => {
        await run(pgDump, ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshotId}`, `--file=${snapshot}`, `--dbname=${target.dbname}`], target.env);
        return counted;
      });
    }
    const files: Record<string, FileSum> = {};
    const createdAt = (opts.now ?? (() => new Date()))().toISOString();
    const mtime = Date.parse(createdAt);
    const media = await listFiles(mediaDir);

    async function* entries(): AsyncGenerator<Buffer> {
      // The snapshot is ours alone: streamed, hashed on the way.
      const size = (await fsp.stat(snapshot)).size;
      const hash = createHash('sha256');
      yield fileHeader(DB_ENTRY[dialect], size, mtime);
      for await (const chunk of fs.createReadStream(snapshot)) {
        hash.update(chunk as Buffer);
        yield chunk as Buffer;
      }
      yield padding(size);
      files[DB_ENTRY[dialect]] = { size, sha256: hash.digest('hex') };
      // Media files are read whole (a photo is at most 25 MB), so a crop rewritten meanwhile
      // cannot change between its header and its bytes; a file deleted meanwhile is left out.
      for (const rel of media) {
        let data: Buffer;
        try {
          data = await fsp.readFile(path.join(mediaDir, ...rel.split('/')));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw err;
        }
        const name = `${MEDIA}/${rel}`;
        files[name] = { size: data.length, sha256: sha256(data) };
        yield fileHeader(name, data.length, mtime);
        yield data;
        yield padding(data.length);
      }
      const manifest: Manifest = {
        format: BACKUP_FORMAT, version: BACKUP_VERSION, dialect, createdAt, migration: facts.migration, tables: facts.tables, files,
      };
      const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
      yield fileHeader(MANIFEST, json.length, mtime);
      yield json;
      yield padding(json.length);
      yield endOfArchive();
    }

    const gzip = !to.endsWith('.tar');
    if (gzip) await pipeline(entries, zlib.createGzip(), fs.createWriteStream(partial, { flags: 'wx' }));
    else await pipeline(entries, fs.createWriteStream(partial, { flags: 'wx' }));
    await fsp.rename(partial, to);
    const manifest: Manifest = {
      format: BACKUP_FORMAT, version: BACKUP_VERSION, dialect, createdAt, migration: facts.migration, tables: facts.tables, files,
    };
    return { file: to, bytes: (await fsp.stat(to)).size, manifest };
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a backup

/** The archive's bytes, gunzipped when the file starts with gzip's magic number. */
async function* archiveBytes(file: string): AsyncGenerator<Buffer> {
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
function safeName(name: string, dialect: Dialect | null): boolean {
  if (name === MANIFEST) return true;
  if (dialect ? name === DB_ENTRY[dialect] : Object.values(DB_ENTRY).includes(name)) return true;
  if (!name.startsWith(`${MEDIA}/`)) return false;
  const parts = name.slice(MEDIA.length + 1).split('/');
  // eslint-disable-next-line no-control-regex
  return parts.every((p) => p !== '' && p !== '.' && p !== '..' && !/[\\\u0000-\u001f]/.test(p));
}

function damaged(file: string, why: string): BackupError {
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
  if (m.version !== BACKUP_VERSION) throw new BackupError(`${file} is a backup of format version ${m.version}; this Habarshy reads version ${BACKUP_VERSION}. Nothing was restored.`);
  if (m.dialect !== 'sqlite' && m.dialect !== 'postgres') throw damaged(file, 'manifest.json names no database');
  if (typeof m.files !== 'object' || m.files === null || typeof m.tables !== 'object' || m.tables === null) throw damaged(file, 'manifest.json lacks files or tables');
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

// ---------------------------------------------------------------------------------------------
// Restore

export interface RestoreOptions {
  readonly databaseUrl: string;
  readonly dataDir: string;
  readonly from: string;
  /** Replace a target that already has tables or media files. */
  readonly force?: boolean;
}

export interface RestoreReport {
  readonly manifest: Manifest;
  readonly files: number;
  /** The target had content that the restore replaced. */
  readonly replaced: boolean;
}

async function targetContent(dialect: Dialect, databaseUrl: string, mediaDir: string): Promise<{ tables: string[]; mediaFiles: boolean }> {
  let tables: string[];
  if (dialect === 'sqlite') {
    const file = sqliteFile(databaseUrl);
    if (!file) throw new BackupError('cannot restore into an in-memory SQLite database: set DATABASE_URL to a file or DATA_DIR');
    tables = sqliteHasTables(file) ? Object.keys(sqliteFileFacts(file).tables) : [];
  } else {
    try {
      tables = Object.keys((await pgDatabaseFacts(databaseUrl)).tables);
    } catch (err) {
      throw new BackupError(`cannot reach the target database: ${(err as Error).message}`);
    }
  }
  const mediaFiles = fs.existsSync(mediaDir) && (await fsp.readdir(mediaDir)).length > 0;
  return { tables, mediaFiles };
}

/**
 * Restores a backup into DATABASE_URL and DATA_DIR/media. Order: the target is checked (empty,
 * or --force), the whole file is verified, everything is unpacked beside the target and checked
 * again, and only then are the database and the media folder put in place. The site must not be
 * running on the target.
 */
export async function restoreBackup(opts: RestoreOptions): Promise<RestoreReport> {
  const dialect = dialectOf(opts.databaseUrl);
  const from = path.resolve(opts.from);
  const dataDir = path.resolve(opts.dataDir);
  const mediaDir = path.join(dataDir, MEDIA);

  const before = await targetContent(dialect, opts.databaseUrl, mediaDir);
  const occupied = before.tables.length > 0 || before.mediaFiles;
  if (occupied && !opts.force) {
    const what = [before.tables.length > 0 ? `the database has ${before.tables.length} tables` : '', before.mediaFiles ? `${mediaDir} has files` : ''].filter(Boolean).join(' and ');
    throw new BackupError(`the target is not empty (${what}): restore into an empty data directory and database, or add --force to replace them. Nothing was restored.`);
  }

  const manifest = await verifyBackup(from);
  if (manifest.dialect !== dialect) {
    throw new BackupError(
      `${from} is a ${manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup and the target is ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ` +
      'a backup restores only into the same kind of database (SQLite → SQLite, PostgreSQL → PostgreSQL). Nothing was restored.',
    );
  }
  if (manifest.migration !== null && !migrationNames().includes(manifest.migration)) {
    throw new BackupError(`${from} was made by a newer Habarshy (schema at ${manifest.migration}, unknown here): restore it with that version. Nothing was restored.`);
  }
  const pgRestore = dialect === 'postgres' ? findPgTool('pg_restore') : null;

  // Unpack beside the target (same file system: the final moves are renames).
  fs.mkdirSync(dataDir, { recursive: true });
  const dbFile = dialect === 'sqlite' ? path.resolve(sqliteFile(opts.databaseUrl)!) : null;
  if (dbFile) fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const work = await fsp.mkdtemp(path.join(dataDir, '.habarshy-restore-'));
  const stagedMedia = path.join(work, MEDIA);
  const stagedDb = dbFile ? `${dbFile}.restore-${process.pid}.tmp` : path.join(work, DB_ENTRY.postgres);
  let files = 0;
  try {
    fs.mkdirSync(stagedMedia);
    for await (const entry of readTar(archiveBytes(from))) {
      if (entry.name === MANIFEST) continue;
      const expected = manifest.files[entry.name];
      if (!expected || !safeName(entry.name, dialect)) throw damaged(from, `${entry.name} changed since it was checked`);
      const target = entry.name === DB_ENTRY[dialect] ? stagedDb : path.join(stagedMedia, ...entry.name.slice(MEDIA.length + 1).split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const hash = createHash('sha256');
      await pipeline(entry.body, async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      }, fs.createWriteStream(target, { flags: 'wx' }));
      if (hash.digest('hex') !== expected.sha256) throw damaged(from, `${entry.name} changed since it was checked`);
      files += 1;
    }

    // Everything checked: put the database in place, then the media.
    if (dbFile) {
      for (const suffix of ['-wal', '-shm', '-journal']) await fsp.rm(`${dbFile}${suffix}`, { force: true });
      await fsp.rename(stagedDb, dbFile);
    } else {
      const target = pgTarget(opts.databaseUrl);
      // Tables the backup does not have (a newer schema's) would keep references to the old rows.
      await pgDropTables(opts.databaseUrl, before.tables.filter((t) => !Object.hasOwn(manifest.tables, t)));
      const replace = before.tables.some((t) => Object.hasOwn(manifest.tables, t));
      await run(pgRestore!, [
        '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction',
        ...(replace ? ['--clean', '--if-exists'] : []), `--dbname=${target.dbname}`, stagedDb,
      ], target.env);
    }
    const old = path.join(work, 'media.old');
    if (fs.existsSync(mediaDir)) await fsp.rename(mediaDir, old);
    await fsp.rename(stagedMedia, mediaDir);
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
    if (dbFile) await fsp.rm(stagedDb, { force: true });
  }

  // The restored database must hold what the manifest counted.
  const after = dialect === 'sqlite' ? sqliteFileFacts(dbFile!) : await pgDatabaseFacts(opts.databaseUrl);
  const wrong = Object.entries(manifest.tables).filter(([t, n]) => after.tables[t] !== n);
  if (wrong.length > 0) {
    throw new BackupError(`the restored database differs from the backup's counts (${wrong.map(([t, n]) => `${t}: ${after.tables[t] ?? 'missing'} instead of ${n}`).join(', ')})`);
  }
  return { manifest, files, replaced: occupied };
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
