/**
 * Worker threads that hash a long chain's events beside the thread that reads them (issue #17 item 4):
 * the read (the driver decoding rows) and the hashing (canonical JSON and sha256, as much CPU again) run
 * on two cores instead of one after the other on one. Each event's hash is checked against its own stored
 * row alone — the links between events are the reader's — so batches are independent and are handed out in
 * turn; their answers are taken in order. Started for one verify and ended with it.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChainRow } from './canonical.js';
import type { HashAnswer, HashJob } from './hashWorker.js';

/** How many workers a verify starts: one core for the reader (and the database), the rest hash; at most 3. */
export const hashWorkerCount = (): number => Math.min(3, Math.max(1, os.availableParallelism() - 1));

/**
 * The worker's file beside this one: compiled JavaScript in build/; under the tests and tsx, the TypeScript,
 * through tsx's loader registered in the worker first (a worker's `--import` does not reach its entry on Node 20).
 * Messages posted before the worker listens wait for it.
 */
function spawn(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./hashWorker.js', here));
  const require = createRequire(here);
  const pkg = require.resolve('tsx/package.json');
  const tsx = new URL(require('tsx/package.json').exports['./esm/api'].import.default, pathToFileURL(pkg)).href;
  const entry = new URL('./hashWorker.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); }).catch((e) => { console.error(e); process.exit(1); });`;
  return new Worker(boot, { eval: true });
}

export class HashPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(bad: number): void; reject(e: Error): void }>();
  private nextId = 0;
  private failed: Error | null = null;
  private closing = false;

  constructor(size = hashWorkerCount()) {
    this.workers = Array.from({ length: size }, () => {
      const w = spawn();
      w.on('message', (a: HashAnswer) => {
        const p = this.waiting.get(a.id);
        this.waiting.delete(a.id);
        p?.resolve(a.bad);
      });
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => !this.closing && this.fail(new Error(`hash worker exited with code ${code}`)));
      return w;
    });
  }

  /** The index of the first row of `rows` whose content does not give its stored hash, or -1. */
  check(tenantId: string, rows: ChainRow[]): Promise<number> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.workers[id % this.workers.length]!.postMessage({ id, tenantId, rows } satisfies HashJob);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }
}
