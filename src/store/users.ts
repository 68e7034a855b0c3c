// Users, their sessions and failed logins.
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import type { Role } from '../db/tables.ts';

export interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  desks: string;
  ui_lang: string;
  must_change_password: number;
  /** 1: the user's notifications are also e-mailed (when SMTP is configured); 0: only in the newsroom. */
  mail_notifications: number;
  disabled: number;
  created_at: string;
  updated_at: string;
}

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'password_hash',
  'role',
  'desks',
  'ui_lang',
  'must_change_password',
  'mail_notifications',
  'disabled',
  'created_at',
  'updated_at',
] as const;

export async function userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function userById(db: Db, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').select(USER_COLUMNS).orderBy('name').orderBy('id').execute();
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface NewUser {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
  desks: string;
  uiLang: string;
  mustChangePassword: boolean;
}

export async function insertUser(db: Db, u: NewUser, now: string): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: u.email.trim().toLowerCase(),
      name: u.name,
      password_hash: u.passwordHash,
      role: u.role,
      desks: u.desks,
      ui_lang: u.uiLang,
      must_change_password: u.mustChangePassword ? 1 : 0,
      disabled: 0,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type UserChange = Partial<
  Pick<UserRow, 'name' | 'password_hash' | 'role' | 'desks' | 'ui_lang' | 'must_change_password' | 'mail_notifications' | 'disabled'>
>;

export async function updateUser(db: Db, id: number, change: UserChange, now: string): Promise<boolean> {
  const r = await db
    .updateTable('users')
    .set({ ...change, updated_at: now })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface SessionRow {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  seen_at: string;
  expires_at: string;
}

export async function insertSession(db: Db, s: SessionRow & { ip: string; user_agent: string }): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export async function sessionWithUser(db: Db, id: string): Promise<(SessionRow & { user: UserRow }) | undefined> {
  const s = await db
    .selectFrom('sessions')
    .select(['id', 'user_id', 'csrf_token', 'created_at', 'seen_at', 'expires_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!s) return undefined;
  const user = await userById(db, s.user_id);
  return user ? { ...s, user } : undefined;
}

export async function touchSession(db: Db, id: string, seenAt: string): Promise<void> {
  await db.updateTable('sessions').set({ seen_at: seenAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (except `keep`, the one asking). Returns how many ended. */
export async function deleteSessionsOf(db: Db, userId: number, keep?: string): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keep) q = q.where('id', '<>', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: string, idleBefore: string): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('seen_at', '<', idleBefore)]))
    .execute();
}

export async function recordLoginFailure(db: Db, keys: readonly string[], at: string): Promise<void> {
  await db
    .insertInto('login_failures')
    .values(keys.map((key) => ({ key, at })))
    .execute();
}

/** Failed logins of one key: all since `since`, and those since `recentSince` (a later time). */
export interface LoginFailureStats {
  readonly total: number;
  readonly last: string | null;
  readonly recent: number;
  readonly firstRecent: string | null;
}

export const NO_FAILURES: LoginFailureStats = { total: 0, last: null, recent: 0, firstRecent: null };

/** One query for the counters of a login attempt's keys (pair, account, address). */
export async function loginFailureStats(
  db: Db,
  keys: readonly string[],
  since: string,
  recentSince: string,
): Promise<Map<string, LoginFailureStats>> {
  const rows = await db
    .selectFrom('login_failures')
    .select((eb) => [
      'key',
      eb.fn.countAll<number | string>().as('total'),
      eb.fn.max('at').as('last'),
      sql<number | string | null>`sum(case when at >= ${recentSince} then 1 else 0 end)`.as('recent'),
      sql<string | null>`min(case when at >= ${recentSince} then at end)`.as('first_recent'),
    ])
    .where('key', 'in', keys)
    .where('at', '>=', since)
    .groupBy('key')
    .execute();
  return new Map(
    rows.map((r) => [
      r.key,
      {
        total: Number(r.total),
        last: r.last ?? null,
        recent: Number(r.recent ?? 0),
        firstRecent: r.first_recent,
      },
    ]),
  );
}

export async function clearLoginFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_failures').where('key', '=', key).execute();
}

export async function pruneLoginFailures(db: Db, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', before).execute();
}
