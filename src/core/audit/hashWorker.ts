/**
 * A verify's hash worker (hashPool.ts): takes batches of stored rows (hashJob.ts), `changes` as jsonb text,
 * and answers with the index of the first row whose content no longer gives its stored hash (-1: none).
 * Loads canonical.ts — the chain's format, the one the writer uses — and nothing of the database.
 */
import { parentPort } from 'node:worker_threads';
import { rowMatchesHash } from './canonical.js';
import { type HashJob, rowOf } from './hashJob.js';

/** The answer to a job: the first row that fails, or -1. */
export interface HashAnswer {
  id: number;
  bad: number;
}

parentPort?.on('message', (job: HashJob) => {
  let bad = -1;
  for (let i = 0; i < job.seq.length; i++) {
    if (!rowMatchesHash(job.tenantId, rowOf(job, i))) {
      bad = i;
      break;
    }
  }
  parentPort!.postMessage({ id: job.id, bad } satisfies HashAnswer);
});
