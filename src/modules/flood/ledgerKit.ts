import type { Ctx } from '../../core/context.js';
import type { AuditInput, WriteScope } from '../../core/audit/audit.js';
import { diffFields } from '../../core/audit/audit.js';
import type { ImportSummary, RowError } from '../../core/ledger/ledger.js';

/**
 * The common shape of an import that matches rows on a natural key: a new key
 * inserts a record, a known key updates only the fields that differ (audited with
 * before/after), an unchanged row is left alone — so re-importing an export changes
 * nothing. A key given twice in one file is a row error. Bulk inserts and one
 * batched audit append keep large ledgers fast.
 */
export async function upsertByKey<Row, Values extends Record<string, unknown>>(
  ctx: Ctx,
  w: WriteScope,
  opts: {
    table: string;
    entity: string;
    rows: ReadonlyArray<{ rowNumber: number; value: Row }>;
    /** Existing records of the tenant (all columns). */
    existing: ReadonlyArray<Record<string, any>>;
    keyOf: (r: Record<string, any>) => string;
    /** The key column(s) header for a duplicate-in-file error. */
    keyHeader: string;
    /** Row → column values, or row errors (unknown street …). */
    values: (row: Row, rowNumber: number) => Values | RowError[];
    /** The audit view of a record (camelCase fields). */
    view: (r: any) => Record<string, unknown>;
    via: string;
    /** Called after inserts, with the inserted rows (e.g. to add progress records). */
    afterInsert?: (inserted: Array<Record<string, any>>) => Promise<void>;
  },
): Promise<ImportSummary & { errors: RowError[] }> {
  const tenantId = ctx.actor.tenantId;
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const byKey = new Map(opts.existing.map((r) => [opts.keyOf(r), r]));
  const toInsert: Values[] = [];
  const toUpdate: Array<{ old: Record<string, any>; next: Values }> = [];
  let unchanged = 0;
  for (const { rowNumber, value } of opts.rows) {
    const v = opts.values(value, rowNumber);
    if (Array.isArray(v)) {
      errors.push(...v);
      continue;
    }
    const key = opts.keyOf(v);
    const prev = seen.get(key);
    if (prev) {
      errors.push({ row: rowNumber, column: opts.keyHeader, message: `与第${prev}行重复`, value: key });
      continue;
    }
    seen.set(key, rowNumber);
    const old = byKey.get(key);
    if (!old) toInsert.push(v);
    else if (diffFields(pick(old, Object.keys(v)), v as Record<string, unknown>).length) toUpdate.push({ old, next: v });
    else unchanged++;
  }
  if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
  const events: AuditInput[] = [];
  const db = w.tx as any;
  for (let i = 0; i < toInsert.length; i += 500) {
    const inserted: Array<Record<string, any>> = await db
      .insertInto(opts.table)
      .values(toInsert.slice(i, i + 500).map((v) => ({ tenant_id: tenantId, ...v })))
      .returningAll()
      .execute();
    for (const r of inserted) events.push({ entity: opts.entity, entityId: r.id, action: 'created', orgId: r.org_id, after: opts.view(r), note: { via: opts.via } });
    await opts.afterInsert?.(inserted);
  }
  for (const { old, next } of toUpdate) {
    const row = await db.updateTable(opts.table).set({ ...next, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', old.id).returningAll().executeTakeFirstOrThrow();
    events.push({ entity: opts.entity, entityId: old.id, action: 'updated', orgId: row.org_id, before: opts.view(old), after: opts.view(row), note: { via: opts.via } });
  }
  await w.auditMany(events);
  return { created: toInsert.length, updated: toUpdate.length, unchanged, errors: [] };
}

function pick(r: Record<string, any>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, r[k] instanceof Date ? r[k] : typeof r[k] === 'string' && /^-?\d+\.\d+$/.test(r[k]) ? Number(r[k]) : r[k]]));
}
