// Users as an admin manages them (list, create, name, role, desks, disable, reset the password)
// and the audit log. Role and desk changes, disabling and resets are audited in the transaction
// that makes them; disabling or a reset ends the user's sessions at once.
import type { Db } from '../../db/connect.ts';
import type { Role } from '../../db/tables.ts';
import { WRITTEN_EDITIONS } from '../../editions/editions.ts';
import { auditTargetNames, listAudit, recordAudit } from '../../store/audit.ts';
import { deleteSessionsOf, listUsers, updateUser, userByEmail, userById, type UserRow } from '../../store/users.ts';
import type { AuditEntry, AuditQuery } from '../../contracts/newsroom/manage.ts';
import { publicUser, type AuthService, type CreateUserInput, type SessionUser } from './auth.ts';
import { invalid, notFound } from './errors.ts';
import { dayRange } from './dayRange.ts';
import { authorize, desksOf, ROLES } from './permissions.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { stripBidiControls, stripBidiFields } from '../../content/text.ts';

export interface UserPatch {
  readonly name?: string;
  readonly role?: string;
  readonly desks?: readonly string[];
  readonly disabled?: boolean;
  /** A new password the user must change at the next login. */
  readonly password?: string;
}

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly role: string;
  readonly desks?: string[];
  readonly uiLang?: string;
}

/** Throws 400 naming the field when the patch is not acceptable for this admin and user. */
function checkPatch(admin: SessionUser, id: number, patch: UserPatch): void {
  if (id === admin.id && patch.disabled === true) throw invalid('disabled: you cannot disable your own account');
  if (id === admin.id && patch.role !== undefined && patch.role !== 'admin') throw invalid('role: you cannot give up your own admin role');
  if (patch.role !== undefined && !(ROLES as readonly string[]).includes(patch.role)) throw invalid(`role: one of ${ROLES.join(', ')}`);
  const badDesk = patch.desks?.find((d) => !(WRITTEN_EDITIONS as readonly string[]).includes(d));
  if (badDesk !== undefined) throw invalid(`desks: "${badDesk}" is not a written edition (kz, ru, en, cn, uz)`);
  if (patch.name !== undefined && (!patch.name.trim() || patch.name.length > 200)) throw invalid('name: required, at most 200 characters');
  const problem = patch.password === undefined ? null : passwordProblem(patch.password);
  if (problem) throw invalid(`password: ${problem}`);
}

export class UserAdminService {
  constructor(
    private readonly deps: { readonly db: Db; readonly clock: () => Date; readonly auth: AuthService; readonly timeZone?: string },
  ) {}

  /** The agency's zone, in which the audit filter's days are read. */
  private get timeZone(): string {
    return this.deps.timeZone ?? 'Asia/Almaty';
  }

  private get db(): Db {
    return this.deps.db;
  }

  async users(admin: SessionUser) {
    authorize(admin, 'user.manage');
    return (await listUsers(this.db)).map(managedUser);
  }

  private async user(id: number) {
    const row = await userById(this.db, id);
    if (!row) throw notFound('No such user');
    return managedUser(row);
  }

  /** The new user changes the password at the first login. 409 EMAIL_TAKEN, 400 VALIDATION/WEAK_PASSWORD. */
  async createUser(admin: SessionUser, input: NewUser) {
    authorize(admin, 'user.manage');
    const id = await this.deps.auth.createUser({ ...input, name: stripBidiControls(input.name), mustChangePassword: true }, admin.id);
    return this.user(id);
  }

  async updateUser(admin: SessionUser, id: number, rawPatch: UserPatch) {
    const patch = stripBidiFields(rawPatch, ['name']);
    authorize(admin, 'user.manage');
    const target = await userById(this.db, id);
    if (!target) throw notFound('No such user');
    checkPatch(admin, id, patch);
    const now = this.deps.clock().toISOString();
    const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    const audit = (trx: Db, action: string, detail?: Record<string, unknown>) =>
      recordAudit(trx, { userId: admin.id, action, targetType: 'user', targetId: id, ...(detail ? { detail } : {}) }, now);
    await this.db.transaction().execute(async (trx) => {
      await updateUser(
        trx,
        id,
        {
          ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
          ...(patch.role !== undefined ? { role: patch.role as Role } : {}),
          ...(patch.desks !== undefined ? { desks: patch.desks.join(',') } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled ? 1 : 0 } : {}),
          ...(passwordHash ? { password_hash: passwordHash, must_change_password: 1 } : {}),
        },
        now,
      );
      if (patch.role !== undefined && patch.role !== target.role) await audit(trx, 'user.role', { from: target.role, to: patch.role });
      if (patch.desks !== undefined && patch.desks.join(',') !== target.desks) {
        await audit(trx, 'user.desks', { from: desksOf(target.role, target.desks), to: patch.desks });
      }
      if (patch.disabled !== undefined && patch.disabled !== (target.disabled === 1))
        await audit(trx, patch.disabled ? 'user.disable' : 'user.enable');
      if (passwordHash) await audit(trx, 'user.password_reset');
      // A disabled account or a reset password ends the user's sessions at once.
      if (patch.disabled === true || passwordHash) await deleteSessionsOf(trx, id);
    });
    return this.user(id);
  }

  // The command line (`habarshy user …`) acts as nobody: audited with `via: 'cli'`, for the first
  // admin of an install and for recovery when nobody can sign in.

  /** Every account with its desks and state, for `habarshy user list`. */
  async listAccounts() {
    return (await listUsers(this.db)).map(managedUser);
  }

  /** Creates an account as the operator; throws AuthError (weak password, taken e-mail, bad role). */
  createAccount(input: CreateUserInput): Promise<number> {
    return this.deps.auth.createUser(input, null);
  }

  /**
   * Disables the account (`disable`) or sets a new password it must change at the next login
   * (`password`); either ends its sessions. Null when there is no such account.
   */
  async operatorChange(
    email: string,
    change: { readonly disable: true } | { readonly password: string },
  ): Promise<{ email: string } | null> {
    const user = await userByEmail(this.db, email);
    if (!user) return null;
    const now = this.deps.clock().toISOString();
    // The slow hash is computed before the transaction (SQLite: one connection serves everyone).
    const passwordHash = 'password' in change ? await hashPassword(change.password) : null;
    await this.db.transaction().execute(async (trx) => {
      if (passwordHash === null) {
        await updateUser(trx, user.id, { disabled: 1 }, now);
        await recordAudit(
          trx,
          { userId: null, action: 'user.disable', targetType: 'user', targetId: user.id, detail: { via: 'cli' } },
          now,
        );
      } else {
        await updateUser(trx, user.id, { password_hash: passwordHash, must_change_password: 1, disabled: 0 }, now);
        await recordAudit(
          trx,
          { userId: null, action: 'user.password_reset', targetType: 'user', targetId: user.id, detail: { via: 'cli' } },
          now,
        );
      }
      await deleteSessionsOf(trx, user.id);
    });
    return { email: user.email };
  }

  /** The audit log, newest first: 100 entries unless the query asks for another number. */
  async audit(user: SessionUser, q: AuditQuery): Promise<AuditEntry[]> {
    authorize(user, 'audit.read');
    const opts = {
      limit: q.limit ?? 100,
      ...(q.before ? { before: q.before } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.userId ? { userId: q.userId } : {}),
      ...(q.targetType ? { targetType: q.targetType } : {}),
      ...(q.targetId ? { targetId: q.targetId } : {}),
      ...dayRange(q.from, q.to, this.timeZone),
    };
    const rows = await listAudit(this.db, opts);
    const names = await auditTargetNames(this.db, rows);
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      user: r.user_id === null ? null : { id: r.user_id, name: r.user_name ?? '' },
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetName: names.get(`${r.target_type}:${r.target_id}`) ?? null,
      detail: JSON.parse(r.detail) as unknown,
    }));
  }
}

/** A user as the admin's list shows it. */
function managedUser(u: UserRow) {
  return { ...publicUser(u), disabled: u.disabled === 1, createdAt: u.created_at };
}
