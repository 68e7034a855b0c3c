// The PostgreSQL client tools for backups: pg_dump and pg_restore found on this machine, run with
// the password in the environment rather than on the command line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './backupFile.ts';

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
    throw new BackupError(
      `${name} is not in PG_BINDIR (${pinned}): point PG_BINDIR at the PostgreSQL client tools' folder, or unset it to search PATH`,
    );
  }
  const dirs = (env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
  const versioned = (root: string, pattern: RegExp, sub: string) => {
    try {
      return fs
        .readdirSync(root)
        .filter((d) => pattern.test(d))
        .sort((a, b) => parseFloat(b.replace(/\D+/, '')) - parseFloat(a.replace(/\D+/, '')))
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
      "of the server's major version or newer (Debian: apt-get install postgresql-client-15). Set PG_BINDIR to their folder if they are elsewhere.",
  );
}

/** libpq arguments without the password on the command line (where `ps` shows it): it goes in PGPASSWORD. */
export function pgTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

export function runTool(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
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
