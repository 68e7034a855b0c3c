// Queue depths for the metrics endpoint: webhook outbox, edge purges, failing wire sources.
import type { Db } from '../db/connect.ts';
import { failingSources, outboxStats } from '../store/opsStats.ts';
import { waitingPurges } from '../store/edgePurges.ts';
import { mailOutboxStats } from '../store/notificationMail.ts';

export class OpsStats {
  constructor(private readonly db: Db) {}

  /** Read at scrape time (cheap counts over partial indexes); throws when the database is away. */
  async queues() {
    const [outbox, purges, failing] = await Promise.all([outboxStats(this.db), waitingPurges(this.db), failingSources(this.db)]);
    return { outbox, purges, failingSources: failing };
  }

  /** Edge purges by state (doctor). */
  purges() {
    return waitingPurges(this.db);
  }

  /** Notification e-mails waiting, and those among them whose last attempt failed (doctor). */
  mails() {
    return mailOutboxStats(this.db);
  }
}
