// The job lease: of several server processes on one database (WORKERS, or several servers on one
// PostgreSQL), only the holder of the lease runs the jobs that must run once (webhook deliveries,
// wire ingest, scheduled publishing, session pruning). A row of job_leases names the holder and
// when its lease expires; the holder renews it every ttl/4, and once it has expired (the holder
// died or lost the database) any process takes it with one conditional upsert, so exactly one wins.
// A process that stops gracefully deletes its row and another takes the jobs at its next renewal.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/connect.ts';

/** This process's name in job_leases.holder: `host/pid/random` (the random part survives pid reuse). */
export const HOLDER = `${os.hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`;

export interface LeaseOptions {
  readonly db: Db;
  readonly name: string;
  readonly ttlMs: number;
  readonly holder?: string;
  /** Real time, not the app's clock: leases are about processes, not about the newsroom's day. */
  readonly now?: () => number;
  /** Called when this process gains (true) or loses (false) the lease. */
  readonly onChange?: (held: boolean) => void;
  readonly log?: (msg: string, err?: unknown) => void;
}

export class JobLease {
  readonly holder: string;
  private validUntil = 0;
  private wasHeld = false;
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<boolean> | null = null;
  private stopped = false;

  constructor(private readonly opts: LeaseOptions) {
    this.holder = opts.holder ?? HOLDER;
  }

  private now(): number {
    return this.opts.now?.() ?? Date.now();
  }

  /** Whether this process holds the lease now (a renewal that did not come back in time counts as lost). */
  held(): boolean {
    return !this.stopped && this.now() < this.validUntil;
  }

  /** Takes or renews the lease; true when this process holds it. */
  renew(): Promise<boolean> {
    this.renewing ??= this.tryRenew().finally(() => {
      this.renewing = null;
    });
    return this.renewing;
  }

  private async tryRenew(): Promise<boolean> {
    const { db, name, ttlMs } = this.opts;
    const started = this.now();
    const now = new Date(started).toISOString();
    const expires = new Date(started + ttlMs).toISOString();
    try {
      const rows = await db
        .insertInto('job_leases')
        .values({ name, holder: this.holder, acquired_at: now, expires_at: expires })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet((eb) => ({
              holder: this.holder,
              expires_at: expires,
              acquired_at: eb.case().when('job_leases.holder', '=', this.holder).then(eb.ref('job_leases.acquired_at')).else(now).end(),
            }))
            .where((eb) => eb.or([eb('job_leases.holder', '=', this.holder), eb('job_leases.expires_at', '<', now)])),
        )
        .returning('holder')
        .execute();
      // Counted from before the statement: another process may take it ttlMs after that at the earliest.
      this.validUntil = rows.length > 0 && !this.stopped ? started + ttlMs : 0;
    } catch (err) {
      this.opts.log?.(`job lease ${name}: renewal failed`, err);
    }
    this.changed();
    return this.held();
  }

  private changed(): void {
    const held = this.held();
    if (held === this.wasHeld) return;
    this.wasHeld = held;
    this.opts.onChange?.(held);
  }

  /** Renews now and then every ttl/4 on an unref'd timer. */
  start(): void {
    if (this.timer || this.stopped) return;
    void this.renew();
    this.timer = setInterval(
      () => {
        void this.renew();
      },
      Math.max(100, Math.floor(this.opts.ttlMs / 4)),
    ).unref();
  }

  /** Stops renewing and gives the lease up, so another process takes the jobs at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
    this.validUntil = 0;
    this.changed();
    await this.opts.db
      .deleteFrom('job_leases')
      .where('name', '=', this.opts.name)
      .where('holder', '=', this.holder)
      .execute()
      .catch((err) => this.opts.log?.(`job lease ${this.opts.name}: release failed`, err));
  }
}
