// The webhook delivery worker: sends due outbox rows as signed JSON POSTs, retries failures with
// backoff for 24 hours, then marks them dead. All state lives in the outbox table, so a restart
// loses nothing; a row taken by a worker that died is retried when its lease ends (at-least-once
// on the wire: receivers dedupe by `Habarshy-Delivery`). No I/O happens inside a transaction.
import { createHmac } from 'node:crypto';
import type { Db } from '../db/connect.ts';
import { claimDelivery, dueDeliveries, markDelivered, markFailed, type DueDelivery } from '../store/webhooks.ts';

/** Waits after the 1st, 2nd, … failure; the last one repeats until 24 hours have passed. */
export const RETRY_DELAYS_MS = [10_000, 30_000, 120_000, 300_000, 900_000, 1_800_000, 3_600_000] as const;
/** A delivery that keeps failing this long after its event is marked dead. */
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How long a taken row belongs to its worker before another may retry it (longer than the timeout). */
export const LEASE_MS = 60_000;

/** `sha256=` and the hex HMAC-SHA256 of `{timestamp}.{body}` with the subscriber's secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** When the next attempt after `attempts` failures is due, or null when the row is dead. */
export function nextAttempt(createdAt: Date, attempts: number, now: Date): Date | null {
  const deadline = createdAt.getTime() + GIVE_UP_AFTER_MS;
  if (now.getTime() >= deadline) return null;
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
  return new Date(Math.min(now.getTime() + delay, deadline));
}

export interface WebhookWorkerOptions {
  readonly db: Db;
  readonly clock?: () => Date;
  readonly timeoutMs?: number;
  /** Deliveries sent at the same time (to different articles or subscribers). */
  readonly concurrency?: number;
  readonly log?: (msg: string, err?: unknown) => void;
}

export interface DeliveryRun {
  delivered: number;
  failed: number;
  dead: number;
}

export class WebhookWorker {
  private readonly db: Db;
  private readonly clock: () => Date;
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly log: (msg: string, err?: unknown) => void;

  constructor(opts: WebhookWorkerOptions) {
    this.db = opts.db;
    this.clock = opts.clock ?? (() => new Date());
    this.timeoutMs = opts.timeoutMs ?? DELIVERY_TIMEOUT_MS;
    this.concurrency = opts.concurrency ?? 8;
    this.log = opts.log ?? (() => undefined);
  }

  /**
   * Delivers everything due now. Rounds repeat while they deliver something, since a delivered
   * row lets the next event of the same article go.
   */
  async runOnce(maxRounds = 20): Promise<DeliveryRun> {
    const total: DeliveryRun = { delivered: 0, failed: 0, dead: 0 };
    for (let round = 0; round < maxRounds; round++) {
      const due = await dueDeliveries(this.db, this.clock().toISOString(), 100);
      if (due.length === 0) break;
      const results = await this.pool(due);
      for (const r of results) if (r !== 'skipped') total[r]++;
      if (!results.includes('delivered')) break;
    }
    return total;
  }

  private async pool(rows: DueDelivery[]): Promise<(keyof DeliveryRun | 'skipped')[]> {
    const out: (keyof DeliveryRun | 'skipped')[] = [];
    let next = 0;
    const lane = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        out.push(await this.deliver(row));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, rows.length) }, lane));
    return out;
  }

  private async deliver(row: DueDelivery): Promise<keyof DeliveryRun | 'skipped'> {
    const startedAt = this.clock();
    if (!(await claimDelivery(this.db, row, new Date(startedAt.getTime() + LEASE_MS).toISOString()))) return 'skipped';
    const error = await this.post(row, startedAt);
    const now = this.clock();
    if (error === null) {
      await markDelivered(this.db, row.id, now.toISOString());
      return 'delivered';
    }
    const next = nextAttempt(new Date(row.created_at), row.attempts + 1, now);
    await markFailed(this.db, row.id, error, next?.toISOString() ?? null, now.toISOString());
    if (next === null) this.log(`webhook delivery ${row.event_id} to ${row.url} is dead after 24 hours: ${error}`);
    return next === null ? 'dead' : 'failed';
  }

  /** One POST; null on a 2xx answer, else what went wrong. */
  private async post(row: DueDelivery, at: Date): Promise<string | null> {
    const timestamp = String(Math.floor(at.getTime() / 1000));
    try {
      const res = await fetch(row.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Habarshy-Webhooks/1',
          'habarshy-event': row.event,
          'habarshy-delivery': row.event_id,
          'habarshy-timestamp': timestamp,
          'habarshy-signature': signature(row.secret, timestamp, row.payload),
        },
        body: row.payload,
      });
      await res.body?.cancel().catch(() => undefined);
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      if (e.name === 'TimeoutError') return `no answer within ${this.timeoutMs / 1000} s`;
      return (e.cause?.code ?? e.cause?.message ?? e.message).slice(0, 500);
    }
  }
}

// The operator's commands (`habarshy webhooks …`) have no rule beyond the SQL: the store's own.
export { addSubscriber, deliveryLog, listSubscribers, removeSubscriber, type DeliveryLogRow } from '../store/webhooks.ts';
