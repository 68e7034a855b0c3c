// Edge-cache purges (Varnish with deploy/varnish/habarshy.vcl, or any cache that speaks Fastly's
// Surrogate-Key semantics). The keys are the page cache's tags, which every page sends as its
// `Surrogate-Key` header, so a purge drops at the edge exactly the pages it drops in memory.
//
// A purge is a row in `edge_purges`, written in the same transaction as the publish, correction or
// unpublish that makes it; the worker (run by the scheduler) sends due rows as
// `PURGE <EDGE_PURGE_URL>` with `Surrogate-Key: k1 k2 …` and retries failures with backoff for 24
// hours, so an edge that is restarting or unreachable for a moment misses no purge.
import type { Db } from '../db/connect.ts';
import { claimPurge, duePurges, insertPurge, markPurged, markPurgeFailed, prunePurges, type DuePurge } from '../store/edgePurges.ts';

/** Waits after the 1st, 2nd, … failure; the last one repeats until 24 hours have passed. */
export const PURGE_RETRY_DELAYS_MS = [1_000, 5_000, 15_000, 60_000, 300_000] as const;
export const PURGE_GIVE_UP_AFTER_MS = 24 * 3_600_000;
export const PURGE_TIMEOUT_MS = 5_000;
/** How long a taken row belongs to its worker before another may retry it. */
export const PURGE_LEASE_MS = 30_000;
/** Keys per request: Varnish refuses header lines past 8 KB by default. */
const MAX_HEADER_CHARS = 4000;

/** Queues a purge of the keys (inside the caller's transaction when `db` is one). */
export async function enqueueEdgePurge(db: Db, keys: Iterable<string>, now: Date): Promise<void> {
  const list = [...new Set(keys)].filter((k) => /^[\w.:-]+$/.test(k));
  if (list.length > 0) await insertPurge(db, list.join(' '), now.toISOString());
}

/** When the next attempt after `attempts` failures is due, or null when the row is dead. */
export function nextPurgeAttempt(createdAt: Date, attempts: number, now: Date): Date | null {
  const deadline = createdAt.getTime() + PURGE_GIVE_UP_AFTER_MS;
  if (now.getTime() >= deadline) return null;
  const delay = PURGE_RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), PURGE_RETRY_DELAYS_MS.length) - 1]!;
  return new Date(Math.min(now.getTime() + delay, deadline));
}

/** Splits keys into header values of at most MAX_HEADER_CHARS. */
export function keyChunks(keys: Iterable<string>): string[] {
  const out: string[] = [];
  let current = '';
  for (const key of keys) {
    if (current && current.length + 1 + key.length > MAX_HEADER_CHARS) {
      out.push(current);
      current = '';
    }
    current = current ? `${current} ${key}` : key;
  }
  if (current) out.push(current);
  return out;
}

/** Sends one purge; null on a 2xx answer, else what went wrong. */
export async function sendPurge(url: string, keys: string, timeoutMs = PURGE_TIMEOUT_MS): Promise<string | null> {
  try {
    const res = await fetch(url, {
      method: 'PURGE',
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'surrogate-key': keys, 'user-agent': 'Habarshy-Purge/1' },
    });
    await res.body?.cancel().catch(() => undefined);
    return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError') return `no answer within ${timeoutMs / 1000} s`;
    return (e.cause?.code ?? e.cause?.message ?? e.message).slice(0, 500);
  }
}

export interface EdgePurgeRun {
  purged: number;
  failed: number;
  dead: number;
}

export interface EdgePurgeWorkerOptions {
  readonly db: Db;
  readonly url: string;
  readonly clock?: () => Date;
  readonly timeoutMs?: number;
  readonly log?: (msg: string, err?: unknown) => void;
  /** Told the outcome of every attempt (for the metrics). */
  readonly onAttempt?: (ok: boolean) => void;
}

export class EdgePurgeWorker {
  private readonly clock: () => Date;
  private readonly log: (msg: string, err?: unknown) => void;
  private lastPrune = 0;

  constructor(private readonly opts: EdgePurgeWorkerOptions) {
    this.clock = opts.clock ?? (() => new Date());
    this.log = opts.log ?? (() => undefined);
  }

  /**
   * Sends every purge due now. The keys of all due rows go out together (a publish burst becomes
   * one or a few requests); the rows are purged when every request succeeded, else retried.
   */
  async runOnce(): Promise<EdgePurgeRun> {
    const run: EdgePurgeRun = { purged: 0, failed: 0, dead: 0 };
    // Sent purges are kept a day and dead ones a week (for `habarshy doctor`), pruned hourly.
    const started = this.clock().getTime();
    if (started - this.lastPrune >= 3_600_000) {
      this.lastPrune = started;
      await prunePurges(this.opts.db, new Date(started - 86_400_000).toISOString(), new Date(started - 7 * 86_400_000).toISOString());
    }
    for (let round = 0; round < 20; round++) {
      const startedAt = this.clock();
      const due = await duePurges(this.opts.db, startedAt.toISOString(), 200);
      if (due.length === 0) break;
      const lease = new Date(startedAt.getTime() + PURGE_LEASE_MS).toISOString();
      const mine: DuePurge[] = [];
      for (const row of due) if (await claimPurge(this.opts.db, row, lease)) mine.push(row);
      if (mine.length === 0) break;
      let error: string | null = null;
      for (const keys of keyChunks(new Set(mine.flatMap((r) => r.keys.split(' '))))) {
        error = await sendPurge(this.opts.url, keys, this.opts.timeoutMs);
        this.opts.onAttempt?.(error === null);
        if (error !== null) break;
      }
      const now = this.clock();
      if (error === null) {
        await markPurged(
          this.opts.db,
          mine.map((r) => r.id),
          now.toISOString(),
        );
        run.purged += mine.length;
        continue;
      }
      for (const row of mine) {
        const next = nextPurgeAttempt(new Date(row.created_at), row.attempts + 1, now);
        await markPurgeFailed(this.opts.db, row.id, error, next?.toISOString() ?? null, now.toISOString());
        if (next === null) run.dead++;
        else run.failed++;
      }
      this.log(`edge purge to ${this.opts.url} failed (${mine.length} waiting, retried with backoff): ${error}`);
      break;
    }
    return run;
  }
}
