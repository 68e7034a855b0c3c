// Preloaded into a server under test (`node --import ./scripts/faults/stats.mjs bin/habarshy.js
// serve`): every 250 ms writes the event loop's delay (perf_hooks.monitorEventLoopDelay) and the
// resident memory (and the part in Buffers) to FAULT_STATS_FILE. SIGUSR2 starts a new measurement (after start-up).
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.FAULT_STATS_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let maxRss = 0;
  // Buffers (the page cache's bodies) measured apart: freed start-up memory that malloc reuses can
  // hide a growing cache from the resident size for a while.
  let maxBuffers = 0;
  const write = () => {
    const { rss, arrayBuffers, heapUsed } = process.memoryUsage();
    maxRss = Math.max(maxRss, rss);
    maxBuffers = Math.max(maxBuffers, arrayBuffers);
    const stats = {
      at: Date.now(),
      eldMaxMs: delay.max / 1e6,
      eldP99Ms: delay.percentile(99) / 1e6,
      rss,
      maxRss,
      buffers: arrayBuffers,
      maxBuffers,
      heapUsed,
    };
    try {
      fs.writeFileSync(`${file}.tmp`, JSON.stringify(stats));
      fs.renameSync(`${file}.tmp`, file);
    } catch {
      // The probe must never be what fails (a full disk is one of the scenarios).
    }
  };
  setInterval(write, 250).unref();
  process.on('SIGUSR2', () => {
    delay.reset();
    maxRss = process.memoryUsage.rss();
    maxBuffers = process.memoryUsage().arrayBuffers;
    write();
  });
}
