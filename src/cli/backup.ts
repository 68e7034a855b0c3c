// `habarshy backup --to FILE` and `habarshy restore FILE`: one file with the database snapshot,
// the media files and a manifest of counts and checksums (services/backup.ts).
import { createBackup } from '../services/backup.ts';
import { BackupError, humanBytes, verifyBackup, type Manifest } from '../services/backupFile.ts';
import { restoreBackup } from '../services/restore.ts';
import { UsageError, type Command } from './command.ts';

const ENV =
  'Environment: DATABASE_URL (postgres://… or sqlite:FILE; default sqlite in DATA_DIR), DATA_DIR (default ./data),\nPG_BINDIR (folder of pg_dump/pg_restore when they are not on PATH or in /usr/lib/postgresql/*/bin).';

const BACKUP_HELP = `Usage: habarshy backup --to FILE [--force]

Writes one file with a consistent snapshot of the database and every file under DATA_DIR/media,
while the site goes on serving: SQLite is copied with VACUUM INTO (one read transaction; writers
are not stopped), PostgreSQL with pg_dump in its custom format from one exported snapshot. The
file is a tar archive (gzip-compressed unless FILE ends in .tar) with manifest.json: format
version, dialect, time, the schema's migration, rows per table and the SHA-256 of every entry.
  --to FILE   where to write (e.g. backups/habarshy-2026-12-03.tar.gz); written under a temporary
              name and renamed when complete
  --force     replace FILE if it exists

${ENV}`;

const RESTORE_HELP = `Usage: habarshy restore FILE [--force | --check]

Restores a backup made by "habarshy backup" into DATABASE_URL and DATA_DIR/media. The whole file
is read and every checksum checked before anything is written; a damaged file changes nothing.
A SQLite backup restores into SQLite, a PostgreSQL backup into PostgreSQL. Stop the site on the
target first.
  --force   replace a target that already has tables or media files (without it, it is refused)
  --check   only verify the file and print its manifest's summary; writes nothing

${ENV}`;

function summary(m: Manifest): string {
  const t = m.tables;
  const rows = ['articles', 'revisions', 'users', 'media_assets', 'lexicon'].map((name) => `${t[name] ?? 0} ${name}`).join(', ');
  const media = Object.keys(m.files).filter((f) => f.startsWith('media/')).length;
  return `${m.dialect} at ${m.migration ?? '(no schema)'}, made ${m.createdAt}: ${rows}; ${media} media files`;
}

async function guarded(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write(`habarshy: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

export const backupCommand: Command = {
  summary: 'write a backup of the database and media to one file while the site serves',
  help: BACKUP_HELP,
  options: { to: { type: 'string' }, force: { type: 'boolean' } },
  async run(values, _p, loadConfig) {
    const to = values['to'];
    if (typeof to !== 'string' || to === '') throw new UsageError(`--to FILE is required\n\n${BACKUP_HELP}`);
    const config = loadConfig();
    return guarded(async () => {
      const started = Date.now();
      const r = await createBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, to, force: values['force'] === true });
      process.stdout.write(
        `backup ${r.file} (${humanBytes(r.bytes)}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n${summary(r.manifest)}\n`,
      );
      return 0;
    });
  },
};

export const restoreCommand: Command = {
  summary: 'restore a backup into an empty database and DATA_DIR (--force to replace)',
  help: RESTORE_HELP,
  options: { force: { type: 'boolean' }, check: { type: 'boolean' } },
  positionals: true,
  async run(values, positionals, loadConfig) {
    const [from, ...rest] = positionals;
    if (!from || rest.length > 0) throw new UsageError(`expected one backup FILE\n\n${RESTORE_HELP}`);
    if (values['check'] && values['force']) throw new UsageError('--check writes nothing; it takes no --force');
    if (values['check']) {
      return guarded(async () => {
        process.stdout.write(`ok: ${from}\n${summary(await verifyBackup(from))}\n`);
        return 0;
      });
    }
    const config = loadConfig();
    return guarded(async () => {
      const r = await restoreBackup({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, from, force: values['force'] === true });
      process.stdout.write(`restored ${from}${r.replaced ? ' (replacing what was there)' : ''}\n${summary(r.manifest)}\n`);
      return 0;
    });
  },
};
