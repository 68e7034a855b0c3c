// Readiness (/readyz) and `habarshy doctor` share these checks: the database answers, every
// migration this build knows has run, and the media directory's file system has room.
import fs from 'node:fs';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { pendingMigrations } from '../db/migrate.ts';

export type Readiness =
  | { readonly ok: true; readonly freeMb: number }
  | { readonly ok: false; readonly code: 'DATABASE' | 'MIGRATIONS' | 'DISK'; readonly message: string };

/** Free megabytes for an unprivileged writer on the file system holding `dir`. */
export function freeMegabytes(dir: string): number {
  const s = fs.statfsSync(dir);
  return Math.floor((s.bavail * s.bsize) / (1024 * 1024));
}

export async function readiness(db: Db, mediaDir: string, minFreeMb: number): Promise<Readiness> {
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { ok: false, code: 'DATABASE', message: 'The database is unreachable' };
  }
  let pending: string[];
  try {
    pending = await pendingMigrations(db);
  } catch {
    return { ok: false, code: 'DATABASE', message: 'The database is unreachable' };
  }
  if (pending.length > 0) {
    return { ok: false, code: 'MIGRATIONS', message: `Migrations not yet run: ${pending.join(', ')} (run habarshy migrate)` };
  }
  let freeMb: number;
  try {
    freeMb = freeMegabytes(mediaDir);
  } catch {
    return { ok: false, code: 'DISK', message: 'The media directory cannot be read' };
  }
  if (freeMb < minFreeMb) {
    return { ok: false, code: 'DISK', message: `Only ${freeMb} MB free for media, below READY_MIN_FREE_MB (${minFreeMb})` };
  }
  return { ok: true, freeMb };
}
