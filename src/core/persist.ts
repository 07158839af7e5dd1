/**
 * The one write path's storage step, for modules whose records are plain rows (flood,
 * rivers): how a domain function writes the records it has checked, whichever way they
 * came in.
 *
 * - live (a form, the demo): one audit event per record (`created` / `updated`, the
 *   record's audit view before and after), every update written (version + 1);
 * - historical (a ledger import): provenance instead of audit events (`imp.trace`,
 *   values = the audit view, masked where personal; `before` = the table columns an
 *   undo restores), and a record whose columns would not change is left alone.
 *
 * Set-based: ids are drawn in JS, inserts and updates go through `insertMany` /
 * `updateMany` (one JSON parameter per 5,000 rows), the written rows are read back
 * with one query.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from './context.js';
import { diffFields, type AuditInput, type WriteScope } from './audit/audit.js';
import { AppError, errors } from './errors.js';
import { insertMany, updateMany } from './db/bulk.js';
import type { RowError, TraceEntry, WriteOrigin } from './ledger/ledger.js';

/** What a domain function did with a batch (the ledger's summary; a form reads `ids`). */
export interface SaveResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Historical mode only: rows that cannot be true records (live mode throws instead). */
  errors: RowError[];
  /** The id of each input, in input order (undefined where the input was an error). */
  ids: Array<string | undefined>;
}

/** A table row as read (all columns) of a table named at run time. */
// biome-ignore lint/suspicious/noExplicitAny: a row of a table named at run time; each module reads its own columns
export type AnyRow = Record<string, any>;

/** One record to write: its new column values, and the stored row when it is an update. */
export interface Item<V> {
  row?: number;
  old?: AnyRow;
  values: V;
  /** The id of a new record when the caller needs it before the write (else drawn here). */
  id?: string;
  /** Written (and traced) even when its own columns are unchanged (a dependent changed). */
  force?: boolean;
}

export interface Persisted<R = AnyRow> {
  created: number;
  updated: number;
  unchanged: number;
  /** The rows as stored after the write, in item order (an unchanged item: its stored row). */
  rows: R[];
  /** Per item: what happened to it. */
  actions: Array<'created' | 'updated' | 'unchanged'>;
}

/** Columns compared as stored: numeric strings as numbers, dates as ISO text. */
function comparable(r: AnyRow, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    keys.map((k) => [k, r[k] instanceof Date ? r[k] : typeof r[k] === 'string' && /^-?\d+\.\d+$/.test(r[k]) ? Number(r[k]) : (r[k] ?? null)]),
  );
}

/** The values whose columns differ from the stored row. */
export function changedColumns(old: AnyRow, values: Record<string, unknown>): string[] {
  const keys = Object.keys(values);
  const norm = Object.fromEntries(keys.map((k) => [k, values[k] === undefined ? null : values[k]]));
  return diffFields(comparable(old, keys), norm).map((f) => f.field);
}

/** Reads rows of a table by id (one query). */
export async function rowsById(w: WriteScope, tenantId: string, table: string, ids: readonly string[]): Promise<Map<string, AnyRow>> {
  if (!ids.length) return new Map();
  const res = await sql<AnyRow>`SELECT * FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} AND id = ANY(${sql.val([...ids])}::uuid[])`.execute(w.tx);
  return new Map(res.rows.map((r) => [String(r.id), r]));
}

/**
 * Inserts the new items and updates the changed ones, then audits (live) or traces
 * (historical) each record it wrote.
 */
export async function persist<V extends Record<string, unknown>, R extends object = AnyRow>(
  ctx: Ctx,
  w: WriteScope,
  origin: WriteOrigin,
  opts: {
    table: string;
    entity: string;
    items: ReadonlyArray<Item<V>>;
    view: (r: R) => Record<string, unknown>;
    viewBefore?: (r: R) => Record<string, unknown>;
    note?: Record<string, unknown>;
  },
): Promise<Persisted<R>> {
  const tenantId = ctx.actor.tenantId;
  const historical = origin.mode === 'historical';
  const now = new Date();
  const ids: string[] = [];
  const actions: Persisted['actions'] = [];
  const inserts: AnyRow[] = [];
  const updates: AnyRow[] = [];
  for (const it of opts.items) {
    if (!it.old) {
      const id = it.id ?? crypto.randomUUID();
      ids.push(id);
      actions.push('created');
      inserts.push({ tenant_id: tenantId, id, ...it.values });
      continue;
    }
    ids.push(String(it.old.id));
    if (historical && !it.force && !changedColumns(it.old, it.values).length) {
      actions.push('unchanged');
      continue;
    }
    actions.push('updated');
    updates.push({ tenant_id: tenantId, id: it.old.id, ...it.values, version: Number(it.old.version) + 1, updated_at: now });
  }
  await insertMany(w.tx, opts.table, inserts);
  const n = await updateMany(w.tx, opts.table, ['tenant_id', 'id'], updates);
  if (n !== updates.length) throw errors.conflict();
  const stored = await rowsById(
    w,
    tenantId,
    opts.table,
    ids.filter((_, i) => actions[i] !== 'unchanged'),
  );
  const rows = opts.items.map((it, i) => (actions[i] === 'unchanged' ? it.old! : stored.get(ids[i]!)!)) as unknown as R[];
  const view = (r: AnyRow) => opts.view(r as unknown as R);
  const viewBefore = (r: AnyRow) => (opts.viewBefore ?? opts.view)(r as unknown as R);
  const via = origin.mode === 'live' && origin.via ? { via: origin.via } : undefined;
  const note = opts.note || via ? { ...(via ?? {}), ...(opts.note ?? {}) } : undefined;
  const events: AuditInput[] = [];
  const traces: TraceEntry[] = [];
  opts.items.forEach((it, i) => {
    const action = actions[i]!;
    if (action === 'unchanged') return;
    const r = rows[i] as unknown as AnyRow;
    if (historical) {
      const before = it.old ? Object.fromEntries([...Object.keys(it.values), 'version', 'updated_at'].map((k) => [k, it.old![k] ?? null])) : null;
      traces.push({ row: it.row ?? 0, entity: opts.entity, entityId: String(r.id), action, orgId: r.org_id ?? null, values: view(r), before });
    } else {
      events.push({
        entity: opts.entity,
        entityId: String(r.id),
        action,
        orgId: r.org_id ?? null,
        ...(it.old ? { before: viewBefore(it.old) } : {}),
        after: view(r),
        ...(note ? { note } : {}),
      });
    }
  });
  if (origin.mode === 'historical') origin.imp.trace(traces);
  else if (events.length) await w.auditMany(events);
  return {
    created: actions.filter((a) => a === 'created').length,
    updated: actions.filter((a) => a === 'updated').length,
    unchanged: actions.filter((a) => a === 'unchanged').length,
    rows,
    actions,
  };
}

/**
 * A failed input: in live mode its error is thrown as it is; in historical mode (an import)
 * it becomes a row error naming the row, the ledger column and the value.
 */
export function rowFailure(origin: WriteOrigin, errs: RowError[], at: { row: number | undefined; column: string; value?: string }, e: Error): void {
  if (origin.mode === 'live') throw e;
  errs.push({ row: at.row ?? 0, column: at.column, message: e.message, ...(at.value !== undefined ? { value: at.value } : {}) });
}

/**
 * Runs a check of one input: in live mode its validation error is thrown as it is (the
 * form shows it on the field); in historical mode it becomes a row error naming the
 * row and the ledger column of the field. Returns undefined when it failed.
 */
export function attempt<T>(
  origin: WriteOrigin,
  at: { row: number | undefined; columns: Readonly<Record<string, string>>; errs: RowError[] },
  fn: () => T,
): T | undefined {
  const { row, columns, errs } = at;
  if (origin.mode === 'live') return fn();
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof AppError) || e.status >= 500) throw e;
    const field = e.field ?? '';
    errs.push({ row: row ?? 0, column: columns[field] ?? columns[field.split('.')[0]!] ?? Object.values(columns)[0] ?? '', message: e.message });
    return undefined;
  }
}

/** The id of the last import of a ledger not yet undone (the one an undo is undoing). */
export async function lastImport(w: WriteScope, tenantId: string, ledger: string): Promise<{ id: string; at: Date } | undefined> {
  const r = await w.tx
    .selectFrom('ledger_import')
    .select(['id', 'at'])
    .where('tenant_id', '=', tenantId)
    .where('ledger', '=', ledger)
    .where('undone_at', 'is', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { id: r.id, at: r.at instanceof Date ? r.at : new Date(r.at) } : undefined;
}
