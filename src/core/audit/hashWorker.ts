/**
 * A verify's hash worker (hashPool.ts): takes batches of stored rows, `changes` as jsonb text, and answers
 * with the index of the first row whose content no longer gives its stored hash (-1: none). Loads only
 * canonical.ts: the chain's format is the one the writer uses.
 */
import { parentPort } from 'node:worker_threads';
import { type ChainRow, rowMatchesHash } from './canonical.js';

/** A batch to check: `id` names the answer. */
export interface HashJob {
  id: number;
  tenantId: string;
  rows: ChainRow[];
}

/** The answer to a {@link HashJob}: the first row that fails, or -1. */
export interface HashAnswer {
  id: number;
  bad: number;
}

parentPort?.on('message', (job: HashJob) => {
  let bad = -1;
  for (let i = 0; i < job.rows.length; i++) {
    if (!rowMatchesHash(job.tenantId, job.rows[i]!)) {
      bad = i;
      break;
    }
  }
  parentPort!.postMessage({ id: job.id, bad } satisfies HashAnswer);
});
