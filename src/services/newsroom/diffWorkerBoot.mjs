// Entry of the revision-comparison worker thread: a worker does not inherit the TypeScript loader
// that bin/habarshy.js (or `node --import tsx`) registered in the main thread, so it registers
// its own, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./diffWorker.ts');
