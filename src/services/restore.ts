// Restoring a backup: the target is checked (empty, or --force), the whole file is verified, then
// everything is unpacked beside the target and checked again, and only then are the database and
// the media folder put in place.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { migrationNames } from '../db/migrate.ts';
import { lockSqliteServer, ServerLockedError, type ServerLock } from '../db/serverLock.ts';
import { pgDatabaseFacts, pgDropTables, sqliteFile, sqliteFileFacts, sqliteHasTables } from '../db/snapshot.ts';
import {
  archiveBytes,
  BackupError,
  damaged,
  DB_ENTRY,
  dialectOf,
  MANIFEST,
  MEDIA,
  safeName,
  verifyBackup,
  type Dialect,
  type Manifest,
} from './backupFile.ts';
import { findPgTool, pgTarget, runTool } from './pgTools.ts';
import { readTar } from './tarStream.ts';

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
    const what = [
      before.tables.length > 0 ? `the database has ${before.tables.length} tables` : '',
      before.mediaFiles ? `${mediaDir} has files` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    throw new BackupError(
      `the target is not empty (${what}): restore into an empty data directory and database, or add --force to replace them. Nothing was restored.`,
    );
  }

  const manifest = await verifyBackup(from);
  if (manifest.dialect !== dialect) {
    throw new BackupError(
      `${from} is a ${manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup and the target is ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}: ` +
        'a backup restores only into the same kind of database (SQLite → SQLite, PostgreSQL → PostgreSQL). Nothing was restored.',
    );
  }
  if (manifest.migration !== null && !migrationNames().includes(manifest.migration)) {
    throw new BackupError(
      `${from} was made by a newer Habarshy (schema at ${manifest.migration}, unknown here): restore it with that version. Nothing was restored.`,
    );
  }
  const pgRestore = dialect === 'postgres' ? findPgTool('pg_restore') : null;

  const dbFile = dialect === 'sqlite' ? path.resolve(sqliteFile(opts.databaseUrl)!) : null;
  if (dbFile) fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  // A server on the SQLite file holds its lock: a restore under it is refused, and a server
  // started during the restore waits for nothing and is refused in turn.
  let lock: ServerLock | null = null;
  try {
    if (dbFile) lock = lockSqliteServer(dbFile);
  } catch (error) {
    if (error instanceof ServerLockedError)
      throw new BackupError(
        `a habarshy server is running on ${dbFile}: stop it before restoring (the restore replaces the database under it). Nothing was restored.`,
      );
    throw error;
  }
  try {
    return await unpackAndSwap(opts, manifest, { dialect, from, dataDir, mediaDir, dbFile, before, occupied, pgRestore });
  } finally {
    lock?.release();
  }
}

interface Place {
  readonly dialect: Dialect;
  readonly from: string;
  readonly dataDir: string;
  readonly mediaDir: string;
  readonly dbFile: string | null;
  readonly before: { tables: string[]; mediaFiles: boolean };
  readonly occupied: boolean;
  readonly pgRestore: string | null;
}

/** Unpacks beside the target (same file system: the final moves are renames), then swaps. */
async function unpackAndSwap(opts: RestoreOptions, manifest: Manifest, place: Place): Promise<RestoreReport> {
  const { dialect, from, dataDir, mediaDir, dbFile, before, occupied, pgRestore } = place;
  fs.mkdirSync(dataDir, { recursive: true });
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
      await pipeline(
        entry.body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            yield chunk;
          }
        },
        fs.createWriteStream(target, { flags: 'wx' }),
      );
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
      await pgDropTables(
        opts.databaseUrl,
        before.tables.filter((t) => !Object.hasOwn(manifest.tables, t)),
      );
      const replace = before.tables.some((t) => Object.hasOwn(manifest.tables, t));
      await runTool(
        pgRestore!,
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          ...(replace ? ['--clean', '--if-exists'] : []),
          `--dbname=${target.dbname}`,
          stagedDb,
        ],
        target.env,
      );
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
    throw new BackupError(
      `the restored database differs from the backup's counts (${wrong.map(([t, n]) => `${t}: ${after.tables[t] ?? 'missing'} instead of ${n}`).join(', ')})`,
    );
  }
  return { manifest, files, replaced: occupied };
}
