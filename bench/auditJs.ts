/**
 * What the audit chain costs in JS, per event, outside the database: the work
 * `recordAuditMany` (src/core/audit/audit.ts) does before its INSERT — diffFields, the
 * JSON clone of `changes`, canonical JSON and sha256 — replayed on the bench's inputs with
 * the kernel's exported functions, next to a candidate faster `canonicalJson` that must
 * give byte-identical output (so existing chains still verify). The kernel's canonicalJson has
 * since been rewritten as loops too (issue #17, `npm run bench -- audit`); the candidate stays as the
 * legacy harness's comparison, and tests/kernel/audit-canonical.test.ts checks both against the
 * first version on varied inputs.
 */
import crypto from 'node:crypto';
import { canonicalJson, diffFields, GENESIS, type AuditEvent } from '../src/core/audit/audit.js';
import type { HotlineRow } from './hotlineBenchModule.js';

/**
 * The kernel's canonicalJson without the intermediate arrays (`Object.keys().filter().sort().map()`,
 * template strings per level): same output for every JSON value, Date and undefined.
 */
export function canonicalJsonLoop(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + canonicalJsonLoop(v[i]);
    return `${s}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const x = o[k];
    if (x === undefined) continue;
    s += `${first ? '' : ','}${JSON.stringify(k)}:${canonicalJsonLoop(x)}`;
    first = false;
  }
  return `${s}}`;
}

export interface AuditJsCost {
  events: number;
  diffFieldsMs: number;
  jsonCloneMs: number;
  canonicalJsonMs: number;
  sha256Ms: number;
  /** The candidate above, on the same bodies. */
  canonicalJsonLoopMs: number;
  /** Did the candidate give the same string for every event? */
  identical: boolean;
}

/** Replays the per-event JS work of `recordAuditMany` for the given rows (one event each). */
export function measureAuditJs(rows: readonly HotlineRow[]): AuditJsCost {
  const cost: AuditJsCost = { events: rows.length, diffFieldsMs: 0, jsonCloneMs: 0, canonicalJsonMs: 0, sha256Ms: 0, canonicalJsonLoopMs: 0, identical: true };
  let prev = GENESIS;
  const at = new Date();
  const orgId = '6f1c1a2e-0000-4000-8000-000000000000';
  rows.forEach((v, i) => {
    const after = {
      order_no: v.orderNo,
      received_at: v.receivedAt,
      type: v.type,
      content: v.content,
      org_id: orgId,
      time_limit: v.timeLimit,
      closed_at: v.closedAt,
      replied_at: v.repliedAt,
      satisfaction: v.satisfaction,
    };
    let t = performance.now();
    const fields = diffFields(null, after);
    cost.diffFieldsMs += performance.now() - t;
    t = performance.now();
    const changes = JSON.parse(JSON.stringify({ fields, note: { via: 'ledger:bench-hotline-orders', row: i + 2 } })) as AuditEvent['changes'];
    cost.jsonCloneMs += performance.now() - t;
    // The body eventHash() canonicalises (same fields, same order of construction).
    const body = {
      tenantId: '6f1c1a2e-0000-4000-8000-000000000001',
      seq: i + 1,
      at: at.toISOString(),
      actorId: null,
      actorName: '基准测试',
      orgId,
      entity: 'bench.hotline_order',
      entityId: crypto.randomUUID(),
      action: 'imported',
      changes,
      requestId: null,
      prevHash: prev,
    };
    // Alternate which implementation runs first, so neither gets the warmer caches.
    let text = '';
    let alt = '';
    const kernel = () => {
      const t0 = performance.now();
      text = canonicalJson(body);
      cost.canonicalJsonMs += performance.now() - t0;
    };
    const loop = () => {
      const t0 = performance.now();
      alt = canonicalJsonLoop(body);
      cost.canonicalJsonLoopMs += performance.now() - t0;
    };
    if (i % 2) {
      kernel();
      loop();
    } else {
      loop();
      kernel();
    }
    t = performance.now();
    prev = crypto.createHash('sha256').update(text).digest('hex');
    cost.sha256Ms += performance.now() - t;
    if (alt !== text) cost.identical = false;
  });
  return cost;
}
