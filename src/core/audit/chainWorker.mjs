// Entry of a chain-range worker (see chainWalk.ts) under the TypeScript sources (vitest, tsx): plain
// JavaScript that registers tsx's loader in this thread (a worker does not inherit the main thread's)
// and then loads the TypeScript worker. The compiled build starts chainWorker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./chainWorker.ts');
