// Accounts and sessions: login with rate limits per account and per address, server-side
// sessions (the cookie holds a random token; the database only its SHA-256), CSRF tokens bound to
// the session, logout here or everywhere, password changes, and the users an admin manages.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import type { Role } from '../../db/tables.ts';
import { recordAudit } from '../../store/audit.ts';
import {
  clearLoginFailures, countUsers, deleteExpiredSessions, deleteSession, deleteSessionsOf, insertSession, insertUser,
  loginFailuresSince, pruneLoginFailures, recordLoginFailure, sessionWithUser, touchSession, updateUser, userByEmail,
  type UserRow,
} from '../../store/users.ts';
import { desksOf, ROLES, type Actor } from './permissions.ts';
import { hashPassword, passwordProblem, randomPassword, verifyPassword } from './passwords.ts';

export const UI_LANGS = ['kz', 'ru', 'en'] as const;
export type UiLang = (typeof UI_LANGS)[number];

/** A session lives 7 days at most, and ends after 12 hours without a request. */
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
export const SESSION_IDLE_MS = 12 * 3600_000;
/** Failed logins counted over 15 minutes: 5 per account, 20 per address. */
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export class AuthError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The signed-in user, as the newsroom's handlers see it. */
export interface SessionUser extends Actor {
  readonly email: string;
  readonly name: string;
  readonly uiLang: UiLang;
  readonly mustChangePassword: boolean;
  readonly sessionId: string;
  readonly csrfToken: string;
}

export function publicUser(u: SessionUser | UserRow): { id: number; email: string; name: string; role: Role; desks: string[]; uiLang: string; mustChangePassword: boolean } {
  if ('sessionId' in u) {
    return { id: u.id, email: u.email, name: u.name, role: u.role, desks: [...u.desks], uiLang: u.uiLang, mustChangePassword: u.mustChangePassword };
  }
  return { id: u.id, email: u.email, name: u.name, role: u.role, desks: desksOf(u.role, u.desks), uiLang: u.ui_lang, mustChangePassword: u.must_change_password === 1 };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const isRole = (r: string): r is Role => (ROLES as readonly string[]).includes(r);
export const isUiLang = (l: string): l is UiLang => (UI_LANGS as readonly string[]).includes(l);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function toSessionUser(u: UserRow, sessionId: string, csrfToken: string): SessionUser {
  return {
    id: u.id, role: u.role, desks: desksOf(u.role, u.desks), email: u.email, name: u.name,
    uiLang: isUiLang(u.ui_lang) ? u.ui_lang : 'en', mustChangePassword: u.must_change_password === 1, sessionId, csrfToken,
  };
}

// Verifying against this when the account does not exist keeps the answer as slow as for a real one.
let dummyHash: Promise<string> | null = null;

export interface CreateUserInput {
  readonly email: string; readonly name: string; readonly password: string; readonly role: string;
  readonly desks?: readonly string[]; readonly uiLang?: string; readonly mustChangePassword?: boolean;
}

export class AuthService {
  constructor(private readonly db: Db, private readonly clock: () => Date) {}

  /** Checks a new user's fields; throws AuthError(400) naming the first bad one. */
  static validateNewUser(input: CreateUserInput): void {
    if (!EMAIL.test(input.email.trim()) || input.email.length > 254) throw new AuthError(400, 'VALIDATION', 'email: not an e-mail address');
    if (!input.name.trim() || input.name.length > 200) throw new AuthError(400, 'VALIDATION', 'name: required, at most 200 characters');
    if (!isRole(input.role)) throw new AuthError(400, 'VALIDATION', `role: one of ${ROLES.join(', ')}`);
    const bad = (input.desks ?? []).find((d) => !['kz', 'ru', 'en', 'cn', 'uz'].includes(d));
    if (bad !== undefined) throw new AuthError(400, 'VALIDATION', `desks: "${bad}" is not a written edition (kz, ru, en, cn, uz)`);
    if (input.uiLang !== undefined && !isUiLang(input.uiLang)) throw new AuthError(400, 'VALIDATION', 'uiLang: one of kz, ru, en');
    const problem = passwordProblem(input.password);
    if (problem) throw new AuthError(400, 'WEAK_PASSWORD', problem);
  }

  async createUser(input: CreateUserInput, byUserId: number | null): Promise<number> {
    AuthService.validateNewUser(input);
    if (await userByEmail(this.db, input.email)) throw new AuthError(409, 'EMAIL_TAKEN', 'A user with this e-mail address exists');
    const passwordHash = await hashPassword(input.password);
    const now = this.clock().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const id = await insertUser(trx, {
        email: input.email, name: input.name.trim(), passwordHash, role: input.role as Role, desks: (input.desks ?? []).join(','),
        uiLang: input.uiLang ?? 'en', mustChangePassword: input.mustChangePassword ?? false,
      }, now);
      await recordAudit(trx, { userId: byUserId, action: 'user.create', targetType: 'user', targetId: id, detail: { email: input.email.trim().toLowerCase(), role: input.role } }, now);
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

  /** Logs in: a new session (token for the cookie) or AuthError 401/403/429. */
  async login(email: string, password: string, ip: string, userAgent: string): Promise<{ token: string; user: SessionUser }> {
    const now = this.clock();
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
    const emailKey = `email:${email.trim().toLowerCase().slice(0, 254)}`;
    const ipKey = `ip:${ip}`;
    if ((await loginFailuresSince(this.db, ipKey, since)) >= MAX_FAILURES_PER_ADDRESS
      || (await loginFailuresSince(this.db, emailKey, since)) >= MAX_FAILURES_PER_ACCOUNT) {
      throw new AuthError(429, 'RATE_LIMITED', 'Too many failed logins: try again in 15 minutes');
    }
    const user = password.length <= 1024 ? await userByEmail(this.db, email) : undefined;
    dummyHash ??= hashPassword(randomPassword());
    const ok = await verifyPassword(password.slice(0, 1024), user?.password_hash ?? (await dummyHash));
    if (!user || !ok) {
      await recordLoginFailure(this.db, [emailKey, ipKey], now.toISOString());
      throw new AuthError(401, 'BAD_CREDENTIALS', 'Wrong e-mail address or password');
    }
    if (user.disabled) throw new AuthError(403, 'DISABLED', 'This account is disabled');
    await clearLoginFailures(this.db, emailKey);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const id = sha256(token);
    await insertSession(this.db, {
      id, user_id: user.id, csrf_token: csrfToken, created_at: now.toISOString(), seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_MAX_MS).toISOString(), ip: ip.slice(0, 64), user_agent: userAgent.slice(0, 300),
    });
    return { token, user: toSessionUser(user, id, csrfToken) };
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
      throw new AuthError(403, 'BAD_CREDENTIALS', 'The current password is wrong');
    }
    const problem = passwordProblem(next);
    if (problem) throw new AuthError(400, 'WEAK_PASSWORD', problem);
    if (next === current) throw new AuthError(400, 'WEAK_PASSWORD', 'The new password must differ from the current one');
    const now = this.clock().toISOString();
    await updateUser(this.db, user.id, { password_hash: await hashPassword(next), must_change_password: 0 }, now);
    await deleteSessionsOf(this.db, user.id, user.sessionId);
  }

  async setUiLang(user: SessionUser, uiLang: string): Promise<void> {
    if (!isUiLang(uiLang)) throw new AuthError(400, 'VALIDATION', 'uiLang: one of kz, ru, en');
    await updateUser(this.db, user.id, { ui_lang: uiLang }, this.clock().toISOString());
  }

  /** Housekeeping for the scheduler: expired sessions and old failure records. */
  async prune(): Promise<void> {
    const now = this.clock();
    await deleteExpiredSessions(this.db, now.toISOString(), new Date(now.getTime() - SESSION_IDLE_MS).toISOString());
    await pruneLoginFailures(this.db, new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString());
  }
}
