// Partner API keys: creation, verification and usage counting.
//
// A key is `hbk_` + 32 random bytes (base64url): 256 bits of entropy. Such a key cannot be guessed
// or brute-forced from its hash, so a plain SHA-256 is enough to store it (a slow password hash
// protects low-entropy secrets; here it would only slow every API request down). The first 12
// characters are kept readable as the key's prefix, to recognise it in `habarshy apikey list`.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { addApiKeyUsage, apiKeyByHash, insertApiKey, type ApiKeyUsage } from '../store/apiKeys.ts';

export const KEY_PREFIX = 'hbk_';
const KEY_PATTERN = /^hbk_[A-Za-z0-9_-]{43}$/;

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export async function createApiKey(db: Db, name: string, now: Date): Promise<{ id: number; key: string; prefix: string }> {
  const key = KEY_PREFIX + randomBytes(32).toString('base64url');
  const prefix = key.slice(0, 12);
  const id = await insertApiKey(db, { name, prefix, hash: hashApiKey(key), createdAt: now.toISOString() });
  return { id, key, prefix };
}

export type KeyCheck =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'key'; readonly id: number }
  | { readonly kind: 'invalid'; readonly code: 'INVALID_KEY' | 'REVOKED_KEY'; readonly message: string };

/**
 * Reads `Authorization`: none → anonymous; `Bearer <key>` of a live key → that key; anything else
 * (another scheme, a malformed, unknown or revoked key) → invalid, never silently anonymous.
 */
export async function checkAuthorization(db: Db, header: string | undefined): Promise<KeyCheck> {
  if (header === undefined) return { kind: 'anonymous' };
  const m = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!m) return { kind: 'invalid', code: 'INVALID_KEY', message: 'Authorization must be "Bearer <API key>"' };
  const key = m[1]!;
  if (!KEY_PATTERN.test(key)) return { kind: 'invalid', code: 'INVALID_KEY', message: 'This is not a Habarshy API key' };
  const row = await apiKeyByHash(db, hashApiKey(key));
  if (!row) return { kind: 'invalid', code: 'INVALID_KEY', message: 'Unknown API key' };
  if (row.revoked_at !== null) return { kind: 'invalid', code: 'REVOKED_KEY', message: 'This API key has been revoked' };
  return { kind: 'key', id: row.id };
}

/** Requests per key, counted in memory and written in batches (like ViewCounter). */
export class ApiKeyCounter {
  private pending = new Map<number, { requests: number; lastUsedAt: string }>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  count(id: number): void {
    const at = this.clock().toISOString();
    const entry = this.pending.get(id);
    if (entry) {
      entry.requests += 1;
      if (at > entry.lastUsedAt) entry.lastUsedAt = at;
    } else {
      this.pending.set(id, { requests: 1, lastUsedAt: at });
    }
  }

  /** Writes the counts in one transaction; on failure they are kept for the next flush. */
  async flush(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch: ApiKeyUsage[] = [...this.pending].map(([id, u]) => ({ id, ...u }));
    this.pending = new Map();
    try {
      await addApiKeyUsage(this.db, batch);
    } catch (error) {
      for (const u of batch) {
        const e = this.pending.get(u.id);
        if (e) {
          e.requests += u.requests;
          if (u.lastUsedAt > e.lastUsedAt) e.lastUsedAt = u.lastUsedAt;
        } else {
          this.pending.set(u.id, { requests: u.requests, lastUsedAt: u.lastUsedAt });
        }
      }
      throw error;
    }
    return batch.reduce((n, u) => n + u.requests, 0);
  }
}

// The operator's commands (`habarshy apikey list|revoke`) have no rule beyond the SQL: the store's own.
export { listApiKeys, revokeApiKey } from '../store/apiKeys.ts';
