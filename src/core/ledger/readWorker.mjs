// Entry of the ledger-file reader worker (see readerPool.ts). Plain JavaScript, so it starts the
// same under `fazhi` (tsx), vitest and plain node: it registers tsx's loader in this thread (a
// worker does not inherit the main thread's) and then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./readWorker.ts');
