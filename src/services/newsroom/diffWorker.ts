// Worker thread of the revision comparison (see diffRunner.ts): one message in, one answer out.
import { parentPort } from 'node:worker_threads';
import { revisionDiff } from '../../content/diff.ts';

export interface DiffRequest {
  readonly id: number;
  readonly from: Record<string, unknown>;
  readonly to: Record<string, unknown>;
}
/** The result as JSON text: a string crosses threads in one copy, and JSON.parse on the main
 * thread is several times faster than deserializing thousands of small structured-clone objects. */
export type DiffReply = { readonly id: number; readonly json: string } | { readonly id: number; readonly error: string };

parentPort?.on('message', (m: DiffRequest) => {
  let reply: DiffReply;
  try {
    reply = { id: m.id, json: JSON.stringify(revisionDiff(m.from, m.to)) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
