// Accounts and sessions: login with throttles that cannot lock the owner out (loginThrottle.ts),
// known devices, server-side sessions (the cookie holds a random token; the database only its
// SHA-256), CSRF tokens bound to the session, logout here or everywhere, password changes, and the
// users an admin manages. Failed and throttled logins and password changes go to the audit log.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { Role } from '../../db/tables.ts';
import { recordAudit } from '../../store/audit.ts';
import {
  clearLoginFailures,
  countUsers,
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsOf,
  insertSession,
  insertUser,
  loginFailureStats,
  NO_FAILURES,
  pruneLoginFailures,
  recordLoginFailure,
  sessionWithUser,
  touchSession,
  updateUser,
  userByEmail,
  type LoginFailureStats,
  type UserChange,
  type UserRow,
} from '../../store/users.ts';
import {
  ACCOUNT_PRESSURE_FAILURES,
  FAILURE_WINDOW_MS,
  loginKeys,
  PAIR_WINDOW_MS,
  throttleOf,
  type LoginKeys,
  type StatsOf,
} from './loginThrottle.ts';
import { isUiLang, isWrittenEdition, UI_LANGS, WRITTEN_EDITIONS, type UiLangCode } from '../../editions/editions.ts';
import { desksOf, ROLES, type Actor } from './permissions.ts';
import { hashPassword, passwordProblem, randomPassword, verifyPassword } from './passwords.ts';

export { UI_LANGS } from '../../editions/editions.ts';
export type UiLang = UiLangCode;

/** A session lives 7 days at most, and ends after 12 hours without a request. */
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
export const SESSION_IDLE_MS = 12 * 3600_000;
/** A known-device cookie is honoured for 90 days (and until the password changes). */
export const KNOWN_DEVICE_MAX_MS = 90 * 24 * 3600_000;

/** Why a sign-in or an account change was refused. */
export type AuthErrorCode =
  'VALIDATION' | 'WEAK_PASSWORD' | 'EMAIL_TAKEN' | 'BAD_CREDENTIALS' | 'WRONG_PASSWORD' | 'DISABLED' | 'RATE_LIMITED';

/** Refused sign-ins and account changes: a domain code (the web layer's ERROR_STATUS gives the status). */
export class AuthError extends Error {
  /** `retryAfter`: seconds to wait, for RATE_LIMITED. */
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** How e-mail addresses are compared and counted: trimmed and lower-cased. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase().slice(0, 254);

/** The signed-in user, as the newsroom's handlers see it. */
export interface SessionUser extends Actor {
  readonly email: string;
  readonly name: string;
  readonly uiLang: UiLang;
  readonly mustChangePassword: boolean;
  /** Notifications also by e-mail (when SMTP is configured). */
  readonly mailNotifications: boolean;
  readonly sessionId: string;
  readonly csrfToken: string;
}

export function publicUser(u: SessionUser | UserRow): {
  id: number;
  email: string;
  name: string;
  role: Role;
  desks: string[];
  uiLang: string;
  mustChangePassword: boolean;
  mailNotifications: boolean;
} {
  if ('sessionId' in u) {
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      desks: [...u.desks],
      uiLang: u.uiLang,
      mustChangePassword: u.mustChangePassword,
      mailNotifications: u.mailNotifications,
    };
  }
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    desks: desksOf(u.role, u.desks),
    uiLang: u.ui_lang,
    mustChangePassword: u.must_change_password === 1,
    mailNotifications: u.mail_notifications === 1,
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
export { isUiLang };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function toSessionUser(u: UserRow, sessionId: string, csrfToken: string): SessionUser {
  return {
    id: u.id,
    role: u.role,
    desks: desksOf(u.role, u.desks),
    email: u.email,
    name: u.name,
    uiLang: isUiLang(u.ui_lang) ? u.ui_lang : 'en',
    mustChangePassword: u.must_change_password === 1,
    mailNotifications: u.mail_notifications === 1,
    sessionId,
    csrfToken,
  };
}

/**
 * Known devices: `{userId}.{issuedAtMs}.{mac}`, the MAC an HMAC-SHA256 keyed by the user's password
 * hash (a server-side secret that changes with the password, so a password change forgets every
 * device). No table: any process can check it.
 */
function deviceMac(user: UserRow, payload: string): string {
  const key = createHash('sha256').update(`habarshy known device\0${user.password_hash}`).digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

function knownDeviceToken(user: UserRow, now: number): string {
  const payload = `${user.id}.${now}`;
  return `${payload}.${deviceMac(user, payload)}`;
}

/** The device's id (`{userId}.{issuedAtMs}`) when the token is this user's and still valid, else null. */
function knownDeviceId(user: UserRow, token: string, now: number): string | null {
  const m = /^(\d{1,12})\.(\d{1,15})\.([\w-]{43})$/.exec(token);
  if (!m || Number(m[1]) !== user.id) return null;
  const issued = Number(m[2]);
  if (issued > now || now - issued > KNOWN_DEVICE_MAX_MS) return null;
  const payload = `${m[1]}.${m[2]}`;
  const a = Buffer.from(m[3]!);
  const b = Buffer.from(deviceMac(user, payload));
  return a.length === b.length && timingSafeEqual(a, b) ? payload : null;
}

// Verifying against this when the account does not exist keeps the answer as slow as for a real one.
let dummyHash: Promise<string> | null = null;

export interface CreateUserInput {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: string;
  readonly desks?: readonly string[];
  readonly uiLang?: string;
  readonly mustChangePassword?: boolean;
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  /** Checks a new user's fields; throws AuthError (VALIDATION, WEAK_PASSWORD) naming the first bad one. */
  static validateNewUser(input: CreateUserInput): void {
    if (!EMAIL.test(input.email.trim()) || input.email.length > 254) throw new AuthError('VALIDATION', 'email: not an e-mail address');
    if (!input.name.trim() || input.name.length > 200) throw new AuthError('VALIDATION', 'name: required, at most 200 characters');
    if (!isRole(input.role)) throw new AuthError('VALIDATION', `role: one of ${ROLES.join(', ')}`);
    const bad = (input.desks ?? []).find((d) => !isWrittenEdition(d));
    if (bad !== undefined) throw new AuthError('VALIDATION', `desks: "${bad}" is not a written edition (${WRITTEN_EDITIONS.join(', ')})`);
    if (input.uiLang !== undefined && !isUiLang(input.uiLang)) throw new AuthError('VALIDATION', `uiLang: one of ${UI_LANGS.join(', ')}`);
    const problem = passwordProblem(input.password);
    if (problem) throw new AuthError('WEAK_PASSWORD', problem);
  }

  async createUser(input: CreateUserInput, byUserId: number | null): Promise<number> {
    AuthService.validateNewUser(input);
    if (await userByEmail(this.db, input.email)) throw new AuthError('EMAIL_TAKEN', 'A user with this e-mail address exists');
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const id = await insertUser(
        trx,
        {
          email: input.email,
          name: input.name.trim(),
          passwordHash,
          role: input.role as Role,
          desks: (input.desks ?? []).join(','),
          uiLang: input.uiLang ?? 'en',
          mustChangePassword: input.mustChangePassword ?? false,
        },
        now,
      );
      await recordAudit(
        trx,
        {
          userId: byUserId,
          action: 'user.create',
          targetType: 'user',
          targetId: id,
          detail: { email: input.email.trim().toLowerCase(), role: input.role },
        },
        now,
      );
      return id;
    });
  }

  /**
   * The demo admin, created with the demo content when there is no user yet: returns the
   * password to print once (it must be changed at first login), or null when users exist.
   */
  async ensureDemoAdmin(email = 'admin@habarshy.local'): Promise<{ email: string; password: string } | null> {
    if ((await countUsers(this.db)) > 0) return null;
    const password = randomPassword();
    await this.createUser({ email, name: 'Admin', password, role: 'admin', uiLang: 'en', mustChangePassword: true }, null);
    return { email, password };
  }

  /**
   * Logs in: a new session (token for the cookie) and a known-device token for this browser, or
   * AuthError BAD_CREDENTIALS, DISABLED or RATE_LIMITED (with `retryAfter`). `device` is the known-device cookie, if any.
   */
  async login(
    email: string,
    password: string,
    ip: string,
    userAgent: string,
    device?: string,
  ): Promise<{ token: string; user: SessionUser; device: string }> {
    const now = this.clock();
    const address = normalizeEmail(email);
    const user = password.length <= 1024 ? await userByEmail(this.db, address) : undefined;
    const knownDevice = user && device ? knownDeviceId(user, device, now.getTime()) : null;
    const keys = loginKeys(address, ip, knownDevice);
    const found = await loginFailureStats(
      this.db,
      [keys.pair, keys.address, keys.account],
      new Date(now.getTime() - PAIR_WINDOW_MS).toISOString(),
      new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString(),
    );
    const stats: StatsOf = (key) => found.get(key) ?? NO_FAILURES;
    const wait = throttleOf(stats, keys, knownDevice !== null, now.getTime());
    if (wait) {
      const seconds = Math.max(1, Math.ceil((wait.until - now.getTime()) / 1000));
      throw new AuthError('RATE_LIMITED', `Too many failed logins: try again in ${seconds} s`, seconds);
    }
    dummyHash ??= hashPassword(randomPassword());
    const ok = await verifyPassword(password.slice(0, 1024), user?.password_hash ?? (await dummyHash));
    if (!user || !ok) {
      await this.recordFailure(keys, stats, knownDevice !== null, { address, ip, userId: user?.id ?? null }, now);
      throw new AuthError('BAD_CREDENTIALS', 'Wrong e-mail address or password');
    }
    if (user.disabled) throw new AuthError('DISABLED', 'This account is disabled');
    await clearLoginFailures(this.db, keys.pair);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const id = sha256(token);
    await insertSession(this.db, {
      id,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MAX_MS).toISOString(),
      ip: ip.slice(0, 64),
      user_agent: userAgent.slice(0, 300),
    });
    return { token, user: toSessionUser(user, id, csrfToken), device: knownDeviceToken(user, now.getTime()) };
  }

  /** A failed login: counted under its keys and written to the audit log, with the wait it starts. */
  private async recordFailure(
    keys: LoginKeys,
    before: StatsOf,
    knownDevice: boolean,
    who: { address: string; ip: string; userId: number | null },
    now: Date,
  ): Promise<void> {
    const at = now.toISOString();
    const after = (key: string): LoginFailureStats => {
      const s = before(key);
      return { total: s.total + 1, last: at, recent: s.recent + 1, firstRecent: s.firstRecent ?? at };
    };
    const next = throttleOf(after, keys, knownDevice, now.getTime());
    const target =
      who.userId === null ? { targetType: 'login' as const, targetId: who.address } : { targetType: 'user' as const, targetId: who.userId };
    const detail = { email: who.address, ip: who.ip, ...(knownDevice ? { knownDevice: true } : {}) };
    await this.db.transaction().execute(async (trx) => {
      await recordLoginFailure(trx, [keys.pair, keys.address, keys.account], at);
      await recordAudit(trx, { userId: null, action: 'login.failure', ...target, detail }, at);
      if (next) {
        const seconds = Math.ceil((next.until - now.getTime()) / 1000);
        await recordAudit(
          trx,
          { userId: null, action: 'login.throttle', ...target, detail: { ...detail, scope: next.scope, seconds } },
          at,
        );
      }
      if (after(keys.account).recent === ACCOUNT_PRESSURE_FAILURES) {
        await recordAudit(trx, { userId: null, action: 'login.throttle', ...target, detail: { ...detail, scope: 'account' } }, at);
      }
    });
  }

  /** The user of a session cookie's token, or null when it is unknown, expired, idle or disabled. */
  async authenticate(token: string): Promise<SessionUser | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const id = sha256(token);
    const s = await sessionWithUser(this.db, id);
    if (!s) return null;
    const now = this.clock();
    if (s.expires_at <= now.toISOString() || now.getTime() - Date.parse(s.seen_at) > SESSION_IDLE_MS || s.user.disabled) {
      await deleteSession(this.db, id);
      return null;
    }
    // Refreshing the idle clock once a minute is enough.
    if (now.getTime() - Date.parse(s.seen_at) > 60_000) await touchSession(this.db, id, now.toISOString());
    return toSessionUser(s.user, id, s.csrf_token);
  }

  static csrfMatches(user: SessionUser, sent: string | undefined): boolean {
    if (!sent) return false;
    const a = Buffer.from(sent);
    const b = Buffer.from(user.csrfToken);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  logout(user: SessionUser): Promise<void> {
    return deleteSession(this.db, user.sessionId);
  }

  /** Ends every session of the user, this one included. */
  logoutEverywhere(user: SessionUser): Promise<number> {
    return deleteSessionsOf(this.db, user.id);
  }

  /** Changes the password (the current one is required) and ends the user's other sessions. */
  async changePassword(user: SessionUser, current: string, next: string): Promise<void> {
    const row = await userByEmail(this.db, user.email);
    if (!row || !(await verifyPassword(current.slice(0, 1024), row.password_hash))) {
      throw new AuthError('WRONG_PASSWORD', 'The current password is wrong');
    }
    const problem = passwordProblem(next);
    if (problem) throw new AuthError('WEAK_PASSWORD', problem);
    if (next === current) throw new AuthError('WEAK_PASSWORD', 'The new password must differ from the current one');
    const now = this.clock().toISOString();
    const hash = await hashPassword(next);
    await this.db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, { password_hash: hash, must_change_password: 0 }, now);
      await recordAudit(
        trx,
        { userId: user.id, action: 'user.password', targetType: 'user', targetId: user.id, detail: { self: true } },
        now,
      );
      await deleteSessionsOf(trx, user.id, user.sessionId);
    });
  }

  /** The user's own settings: the interface language, and whether notifications are also e-mailed. */
  async setMe(user: SessionUser, change: { uiLang?: string; mailNotifications?: boolean }): Promise<void> {
    if (change.uiLang !== undefined && !isUiLang(change.uiLang)) throw new AuthError('VALIDATION', `uiLang: one of ${UI_LANGS.join(', ')}`);
    const patch: UserChange = {};
    if (change.uiLang !== undefined) patch.ui_lang = change.uiLang;
    if (change.mailNotifications !== undefined) patch.mail_notifications = change.mailNotifications ? 1 : 0;
    if (Object.keys(patch).length === 0) throw new AuthError('VALIDATION', 'nothing to change: uiLang or mailNotifications');
    await updateUser(this.db, user.id, patch, this.clock().toISOString());
  }

  /** Housekeeping for the scheduler: expired sessions and old failure records. */
  async prune(): Promise<void> {
    const now = this.clock();
    await deleteExpiredSessions(this.db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
    await pruneLoginFailures(this.db, new Date(now.getTime() - PAIR_WINDOW_MS).toISOString());
  }
}
