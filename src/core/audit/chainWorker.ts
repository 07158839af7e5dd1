/**
 * A chain-range worker (started by `chainWalk.ts`): verifies one range of seqs of a tenant's chain on
 * its own PostgreSQL connection with the same walk as a single-threaded verify (`verifyChain`), from
 * the hash the range's first event names as its predecessor — whether that is the previous range's
 * last hash is the main thread's check — and answers with that hash and the walk's result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connect.js';
import { verifyChain } from './audit.js';
import type { RangeAnswer, RangeJob } from './chainWalk.js';

const job = workerData as RangeJob;
const database = await openDatabase({ kind: 'postgres', url: job.url });
try {
  let start = job.start;
  if (start === null) {
    const first = await database.db
      .selectFrom('audit_event')
      .select('prev_hash')
      .where('tenant_id', '=', job.tenantId)
      .where('seq', '=', job.after + 1)
      .executeTakeFirst();
    start = first?.prev_hash ?? null;
  }
  // A missing first event: nothing to walk; the main thread names it (缺少第 N 号事件).
  const answer: RangeAnswer =
    start === null
      ? { start }
      : { start, result: await verifyChain(database.db, job.tenantId, { batch: job.batch, from: { seq: job.after, hash: start }, to: job.to, workers: 1 }) };
  parentPort!.postMessage(answer);
} finally {
  await database.close();
}
