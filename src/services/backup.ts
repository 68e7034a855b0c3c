// Backups of a running site. One file (the format: services/backupFile.ts) with the database
// snapshot (`database.sqlite` made by VACUUM INTO, or `database.pgdump`, pg_dump's custom format),
// every file under DATA_DIR/media as `media/…`, and `manifest.json` last: format version, dialect,
// time, the schema's migration, rows per table and the size and SHA-256 of every other entry.
// Restoring is services/restore.ts.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sqliteFile, sqliteSnapshot, withPgSnapshot, type DatabaseFacts } from '../db/snapshot.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  DB_ENTRY,
  dialectOf,
  MANIFEST,
  MEDIA,
  type FileSum,
  type Manifest,
} from './backupFile.ts';
import { findPgTool, pgTarget, runTool } from './pgTools.ts';
import { endOfArchive, fileHeader, padding } from './tarStream.ts';

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
    // The time of the snapshot (it begins right after).
    const createdAt = (opts.now ?? (() => new Date()))().toISOString();
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
        await runTool(
          pgDump,
          [
            '--format=custom',
            '--no-owner',
            '--no-privileges',
            `--snapshot=${snapshotId}`,
            `--file=${snapshot}`,
            `--dbname=${target.dbname}`,
          ],
          target.env,
        );
        return counted;
      });
    }
    const files: Record<string, FileSum> = {};
    // Filled in while the archive is written, and written last.
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      dialect,
      createdAt,
      migration: facts.migration,
      tables: facts.tables,
      files,
    };
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
    return { file: to, bytes: (await fsp.stat(to)).size, manifest };
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}
