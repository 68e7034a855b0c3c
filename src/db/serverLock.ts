// One server process per SQLite database (docs/adr/0001-database-faults.md): SQLite has no
// cross-process cache invalidation here, so a second server would serve pages the first one
// changed. The lock is an exclusive SQLite transaction on a file beside the database: the OS
// releases it when the process ends, however it ends, so a crash leaves no stale lock. The CLI
// does not take it and keeps working beside a running server.
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

export class ServerLockedError extends Error {
  readonly exitCode = 1;
  constructor(file: string) {
    super(
      `another habarshy server is already running on ${file}. One SQLite database serves one server process; ` +
        'to run several, use PostgreSQL (DATABASE_URL=postgres://…)',
    );
    this.name = 'ServerLockedError';
  }
}

export interface ServerLock {
  release(): void;
}

/** Takes the server lock of a SQLite database file, or throws ServerLockedError. */
export function lockSqliteServer(file: string): ServerLock {
  if (file === ':memory:') return { release: () => undefined };
  // A first start with a DATA_DIR that does not exist yet: the lock file is the first thing written there.
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const lock = new SqliteDatabase(`${file}.server-lock`, { timeout: 0 });
  try {
    lock.pragma('busy_timeout = 0');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if (/^SQLITE_BUSY/.test((error as { code?: string }).code ?? '')) throw new ServerLockedError(file);
    throw error;
  }
  return {
    release() {
      if (!lock.open) return;
      lock.exec('ROLLBACK');
      lock.close();
    },
  };
}
