// A one-line progress bar on a terminal; silent when the output is not a terminal.
import type { WriteStream } from 'node:tty';

export function progressBar(total: number, out: NodeJS.WriteStream | WriteStream): { update: (done: number) => void; done: () => void } {
  const tty = Boolean((out as WriteStream).isTTY);
  const started = Date.now();
  let last = 0;
  const draw = (done: number) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(rate)}/s `);
  };
  return {
    update(done) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      draw(done);
    },
    done() {
      if (tty) {
        draw(total);
        out.write('\n');
      }
    },
  };
}
