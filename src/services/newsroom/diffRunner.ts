// Runs revision comparisons in one worker thread, so that comparing two long revisions never
// holds the event loop that serves every page and /healthz (a 16,000-word comparison took the
// whole process for minutes before). The comparison itself is bounded (diff.ts); requests queue
// in the worker. The worker starts at the first comparison, does not keep the process alive, and
// is replaced if it dies (a crash answers the pending comparisons with an error).
import { Worker } from 'node:worker_threads';
import type { RevisionComparison } from '../../content/diff.ts';
import type { DiffReply, DiffRequest } from './diffWorker.ts';

// Built (`npm run build`), the worker is plain JavaScript beside this file; from the TypeScript
// sources, a boot file registers tsx in the worker first.
const BOOT = import.meta.url.endsWith('.ts')
  ? new URL('./diffWorkerBoot.mjs', import.meta.url)
  : new URL('./diffWorker.js', import.meta.url);
/** A comparison that runs away with memory ends the worker, never the server. */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512 };

export class DiffRunner {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(r: RevisionComparison): void; reject(e: Error): void }>();

  compare(from: Record<string, unknown>, to: Record<string, unknown>): Promise<RevisionComparison> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, from, to } satisfies DiffRequest);
    });
  }

  /** Stops the worker (pending comparisons are refused). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.fail(new Error('revision comparison stopped'));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(BOOT, { execArgv: [], resourceLimits: RESOURCE_LIMITS });
    worker.unref();
    worker.on('message', (reply: DiffReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(`revision comparison failed: ${reply.error}`));
      else waiting.resolve(JSON.parse(reply.json) as RevisionComparison);
    });
    const died = (e: Error) => {
      if (this.worker === worker) this.worker = null;
      this.fail(e);
    };
    worker.on('error', died);
    worker.on('exit', (code) => died(new Error(`revision comparison worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }

  private fail(e: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(e);
    this.pending.clear();
  }
}

/** The process's comparison worker. */
export const diffRunner = new DiffRunner();
