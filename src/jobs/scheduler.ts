// The in-process scheduler: runs each job every N ms on an unref'd timer (it never keeps the
// process alive), never two runs of the same job at once (a tick that finds the last run still
// going is skipped), and on stop() waits for runs in progress before the database closes.
// An exclusive job runs only while this process holds the job lease (src/jobs/lease.ts): of several
// server processes on one database, one delivers the webhooks and publishes what is due.

export interface Job {
  readonly name: string;
  readonly everyMs: number;
  readonly run: () => Promise<unknown>;
  /** Runs only in the process that holds the job lease (the `leader` of the scheduler). */
  readonly exclusive?: boolean;
}

export class Scheduler {
  private readonly jobs: Job[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private readonly lastStart = new Map<string, number>();
  private startedAt = 0;
  private stopped = false;

  constructor(
    private readonly onError: (job: string, err: unknown) => void,
    private readonly leader: () => boolean = () => true,
  ) {}

  add(job: Job): this {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`job "${job.name}" is already scheduled`);
    this.jobs.push(job);
    return this;
  }

  start(): void {
    this.startedAt = Date.now();
    for (const job of this.jobs) {
      this.timers.push(
        setInterval(() => {
          if (!job.exclusive || this.leader()) void this.runNow(job.name);
        }, job.everyMs).unref(),
      );
    }
  }

  /** Runs the exclusive jobs now (this process has just taken the lease: what is due goes out at once). */
  runExclusive(): Promise<void[]> {
    return Promise.all(this.jobs.filter((j) => j.exclusive && this.leader()).map((j) => this.runNow(j.name)));
  }

  /** Runs a job now unless it is running already (then resolves when that run ends). */
  runNow(name: string): Promise<void> {
    const current = this.running.get(name);
    if (current) return current;
    const job = this.jobs.find((j) => j.name === name);
    if (!job || this.stopped) return Promise.resolve();
    this.lastStart.set(name, Date.now());
    const run = (async () => {
      try {
        await job.run();
      } catch (err) {
        this.onError(name, err);
      } finally {
        this.running.delete(name);
      }
    })();
    this.running.set(name, run);
    return run;
  }

  /**
   * How late each job is, in ms: the time since its last run started (or the scheduler started)
   * beyond its interval. Grows when the event loop is blocked or a run takes longer than the interval.
   */
  lag(now = Date.now()): { name: string; ms: number }[] {
    if (this.startedAt === 0) return [];
    return this.jobs.map((j) => ({ name: j.name, ms: Math.max(0, now - (this.lastStart.get(j.name) ?? this.startedAt) - j.everyMs) }));
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    this.timers.length = 0;
    await Promise.all([...this.running.values()]);
  }
}
