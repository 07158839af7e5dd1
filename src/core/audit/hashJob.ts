/** A batch of stored audit rows as a hash worker receives it (hashPool.ts → hashWorker.ts). */
import type { ChainRow } from './canonical.js';

/** The text columns of a stored row, sent column by column. */
const TEXT_COLUMNS = ['actor_id', 'actor_name', 'org_id', 'entity', 'entity_id', 'action', 'changes', 'request_id', 'state_hash', 'prev_hash', 'hash'] as const;
type TextColumn = (typeof TEXT_COLUMNS)[number];

/**
 * A batch to check, column by column (an array a column: copying a batch to a worker costs about half of
 * copying its row objects, whose keys are written again for every row). `id` names the answer.
 */
export interface HashJob {
  id: number;
  tenantId: string;
  seq: number[];
  /** `at` as milliseconds since the epoch (what the driver's Date holds). */
  at: number[];
  text: Record<TextColumn, (string | null)[]>;
}

/** A batch of rows as a {@link HashJob}. */
export function toJob(id: number, tenantId: string, rows: readonly ChainRow[]): HashJob {
  const text = Object.fromEntries(TEXT_COLUMNS.map((c) => [c, rows.map((r) => r[c] as string | null)])) as HashJob['text'];
  return { id, tenantId, seq: rows.map((r) => Number(r.seq)), at: rows.map((r) => (r.at instanceof Date ? r.at.getTime() : Date.parse(r.at))), text };
}

/** Row `i` of a job as the stored row it was. */
export function rowOf(job: HashJob, i: number): ChainRow {
  const t = job.text;
  return {
    seq: job.seq[i]!,
    at: new Date(job.at[i]!),
    actor_id: t.actor_id[i]!,
    actor_name: t.actor_name[i]!,
    org_id: t.org_id[i]!,
    entity: t.entity[i]!,
    entity_id: t.entity_id[i]!,
    action: t.action[i]!,
    changes: t.changes[i]!,
    request_id: t.request_id[i]!,
    state_hash: t.state_hash[i]!,
    prev_hash: t.prev_hash[i]!,
    hash: t.hash[i]!,
  };
}
