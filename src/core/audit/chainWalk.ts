/**
 * A long chain verified on PostgreSQL in ranges, side by side (issue #17 item 4): the chain's seqs after
 * the start are cut into as many ranges as there are workers; each worker thread walks its range on its
 * own connection (`chainWorker.ts`: the same walk as a single-threaded verify, hashing included), and
 * this thread joins the ranges: each range must begin on the hash the previous one ended on, and a range
 * with an end must reach it. The first broken event in seq order is the answer, as a single walk would
 * give. One core reading and hashing was the limit (the hashing costs about as much CPU as decoding the
 * rows); the ranges use every core, and the server reads them in parallel.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../workerEntry.js';
import type { VerifyResult } from './audit.js';
import { chainBreak } from './chainBreak.js';

/** What a worker walks: the events after `after` up to `to` (to the chain's end without it), from `start` (read from the first event when null). */
export interface RangeJob {
  url: string;
  tenantId: string;
  batch: number;
  after: number;
  to: number | undefined;
  start: string | null;
}

/** A worker's answer: the hash its walk started from and the walk's result, or `start: null` when the range's first event is missing (nothing walked). */
export type RangeAnswer = { start: string; result: VerifyResult } | { start: null };

/** Events after the start from which a verify on PostgreSQL walks in ranges (below it one walk is as quick: the workers' start costs). */
export const RANGE_WALK_MIN = 200_000;

/** Range workers for a verify: one a core, at most 4. */
export const rangeWorkers = (): number => Math.min(4, os.availableParallelism());

/** The worker's entry (chainWorker.mjs under the TypeScript sources, chainWorker.js compiled). */
const WORKER_URL = workerEntry(import.meta.url, 'chainWorker');

function walk(job: RangeJob): Promise<RangeAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: job });
    let answer: RangeAnswer | undefined;
    worker.once('message', (a: RangeAnswer) => {
      answer = a;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`审计链校验线程异常退出（退出码 ${code}）`))));
  });
}

/** A verify in ranges: the chain's server and tenant, events a query, where it starts and its head when it began, the workers. */
export interface RangeWalk {
  url: string;
  tenantId: string;
  batch: number;
  from: { seq: number; hash: string };
  headSeq: number;
  workers: number;
}

/**
 * Verifies the events after `from` through `headSeq` (and any appended meanwhile) in `workers` ranges on
 * connections of their own to `url`; the result is a single walk's.
 */
export async function walkInRanges({ url, tenantId, batch, from, headSeq, workers }: RangeWalk): Promise<VerifyResult> {
  const size = Math.ceil((headSeq - from.seq) / workers);
  const ranges: Array<{ after: number; to: number | undefined }> = [];
  for (let after = from.seq; after < headSeq; after += size) ranges.push({ after, to: after + size < headSeq ? after + size : undefined });
  const answers = await Promise.all(ranges.map((r, i) => walk({ url, tenantId, batch, after: r.after, to: r.to, start: i === 0 ? from.hash : null })));
  let prev = from.hash;
  let events = from.seq;
  for (const [i, answer] of answers.entries()) {
    const { after, to } = ranges[i]!;
    if (answer.start === null || (answer.result.ok && answer.result.events === after)) return chainBreak.missing(tenantId, after + 1);
    const { start, result } = answer;
    // The link is checked before the content, as one walk does (a replaced previous hash also changes the content's hash).
    if (start !== prev) return chainBreak.link(tenantId, after + 1);
    if (!result.ok) return result;
    if (to !== undefined && result.events < to) return chainBreak.missing(tenantId, result.events + 1);
    prev = result.lastHash;
    events = result.events;
  }
  return { ok: true, tenantId, events, lastHash: prev };
}
