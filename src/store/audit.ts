// The audit log: publishing, unpublishing, deleting, role changes, failed sign-ins, throttled
// sign-ins, password changes and the other acts an agency must be able to account for. Written in
// the same transaction as the act.
import type { Db } from '../db/connect.ts';

export interface AuditEntry {
  readonly userId: number | null;
  /**
   * article.publish, article.unpublish, article.delete, user.create, user.role, user.disable, tag.merge, …;
   * login.failure (a wrong password, or an unknown address: target `login`, the address tried),
   * login.throttle (a failure that makes the next attempts wait: detail.scope pair, address or account),
   * user.password (a user changed their own password).
   */
  readonly action: string;
  readonly targetType: 'article' | 'user' | 'tag' | 'section' | 'author' | 'media' | 'lexicon' | 'login' | 'page';
  readonly targetId: string | number;
  readonly detail?: Record<string, unknown>;
}

export async function recordAudit(db: Db, entry: AuditEntry, at: string): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at,
      user_id: entry.userId,
      action: entry.action,
      target_type: entry.targetType,
      target_id: String(entry.targetId),
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  user_name: string | null;
  action: string;
  target_type: string;
  target_id: string;
  detail: string;
}

export interface AuditFilter {
  readonly limit: number;
  readonly before?: number;
  /** An action, or a family of them: `article` is every `article.*`. */
  readonly action?: string;
  readonly userId?: number;
  readonly targetType?: string;
  readonly targetId?: string;
  /** [from, to) as ISO times. */
  readonly from?: string;
  readonly to?: string;
}

export async function listAudit(db: Db, opts: AuditFilter): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.user_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.user_id',
      'users.name as user_name',
      'audit_log.action',
      'audit_log.target_type',
      'audit_log.target_id',
      'audit_log.detail',
    ]);
  if (opts.before !== undefined) q = q.where('audit_log.id', '<', opts.before);
  if (opts.action !== undefined) {
    const action = opts.action;
    q = action.includes('.')
      ? q.where('audit_log.action', '=', action)
      : q.where((eb) => eb.or([eb('audit_log.action', '=', action), eb('audit_log.action', 'like', `${action}.%`)]));
  }
  if (opts.userId !== undefined) q = q.where('audit_log.user_id', '=', opts.userId);
  if (opts.targetType !== undefined) q = q.where('audit_log.target_type', '=', opts.targetType);
  if (opts.targetId !== undefined) q = q.where('audit_log.target_id', '=', opts.targetId);
  if (opts.from !== undefined) q = q.where('audit_log.at', '>=', opts.from);
  if (opts.to !== undefined) q = q.where('audit_log.at', '<', opts.to);
  return q.orderBy('audit_log.id', 'desc').limit(opts.limit).execute();
}

/**
 * What the audit log shows for its targets: the headline of each article and the name of each user
 * that still exists, keyed `article:12`, `user:3` (two queries for a whole page).
 */
export async function auditTargetNames(db: Db, rows: readonly Pick<AuditRow, 'target_type' | 'target_id'>[]): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(rows.filter((r) => r.target_type === type && /^\d+$/.test(r.target_id)).map((r) => Number(r.target_id))),
  ];
  const [articles, users] = [ids('article'), ids('user')];
  const [a, u] = await Promise.all([
    articles.length ? db.selectFrom('articles').select(['id', 'headline as name']).where('id', 'in', articles).execute() : [],
    users.length ? db.selectFrom('users').select(['id', 'name']).where('id', 'in', users).execute() : [],
  ]);
  return new Map([...a.map((r) => [`article:${r.id}`, r.name] as const), ...u.map((r) => [`user:${r.id}`, r.name] as const)]);
}
