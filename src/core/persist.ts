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
import type { RowError, RuleBreach, TraceEntry, WriteOrigin } from './ledger/ledger.js';
import type { TrackInput } from './calendar/service.js';
import type { System } from './system.js';
import { ownerOrgForCreate } from './scope.js';

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
 * Runs a look-up one input needs (its owning unit, a record it links): in live mode its error is
 * thrown as it is; in historical mode it becomes a row error on the ledger column. Returns
 * undefined when it failed.
 */
export async function attemptLookup<T>(
  origin: WriteOrigin,
  errs: RowError[],
  at: { row: number | undefined; column: string },
  fn: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    rowFailure(origin, errs, at, e as Error);
    return undefined;
  }
}

/** A checked record of a register's save: what `persist` writes, and the rules it breaks (an import's findings). */
export interface CheckedItem extends Item<Record<string, unknown>> {
  breaches?: readonly RuleBreach[];
}

/**
 * The end of a register's save, once each input is checked: nothing is written when an input
 * failed (the row errors); else the records are written (`persist`), then the records' dependants
 * (`written`: a case's hearings), an import's findings on each record it wrote, and the deadlines
 * each record's state tracks; the summary carries each input's id.
 */
export async function saveChecked<R extends { id: string; org_id: string }>(
  sys: Pick<System, 'calendar'>,
  w: WriteScope,
  origin: WriteOrigin,
  opts: {
    table: string;
    entity: string;
    items: readonly CheckedItem[];
    errs: RowError[];
    view: (r: R) => Record<string, unknown>;
    tracks: (r: R) => TrackInput[];
    written?: (rows: R[]) => Promise<void>;
  },
): Promise<SaveResult> {
  if (opts.errs.length) return { created: 0, updated: 0, unchanged: 0, errors: opts.errs, ids: [] };
  const { items, entity } = opts;
  const p = await persist<Record<string, unknown>, R>(w.ctx, w, origin, {
    table: opts.table,
    entity,
    items: items.map((i) => ({ row: i.row, old: i.old, values: i.values })),
    view: opts.view,
  });
  await opts.written?.(p.rows);
  if (origin.mode === 'historical')
    items.forEach((it, i) => {
      const r = p.rows[i]!;
      if (it.breaches?.length) origin.imp.finding(it.breaches.map((x) => ({ ...x, row: it.row ?? 0, entity, entityId: r.id, orgId: r.org_id })));
    });
  await sys.calendar.trackMany(w, w.ctx.actor, p.rows.flatMap(opts.tracks));
  return { created: p.created, updated: p.updated, unchanged: p.unchanged, errors: [], ids: p.rows.map((r) => r.id) };
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

/**
 * The batch of a save whose inputs are checked one by one in the module (legal advice, the staff
 * tables): each input ends as `failed` (its check threw: live mode never gets here, an import has its
 * row error in `errs`), `create` or `update`; `flush` then writes the batch set-based and audits each
 * record (live) or traces it (historical), or writes nothing when any row failed. An update whose
 * audit view does not change is `unchanged`: neither written nor audited, in either mode. A new
 * record without an org belongs to the actor's own.
 */
export function stagedSave(w: WriteScope, origin: WriteOrigin, opts: { table: string; entity: string }) {
  const actor = w.ctx.actor;
  const errs: RowError[] = [];
  const out: SaveResult = { created: 0, updated: 0, unchanged: 0, errors: errs, ids: [] };
  let ownOrg: string | undefined;
  const creates: AnyRow[] = [];
  const updates: AnyRow[] = [];
  const events: AuditInput[] = [];
  return {
    /** The row errors of an import, for `attempt`. */
    errs,
    failed(): void {
      out.ids.push(undefined);
    },
    /** A new record: its columns (`after`: what its history shows, the columns unless told). */
    async create(s: { row?: number | undefined; orgId?: string | null | undefined }, values: Record<string, unknown>, after = values): Promise<void> {
      const id = crypto.randomUUID();
      let orgId = s.orgId;
      if (!orgId) {
        ownOrg ??= await ownerOrgForCreate({ db: w.tx, actor });
        orgId = ownOrg;
      }
      creates.push({ tenant_id: actor.tenantId, id, org_id: orgId, ...values });
      out.ids.push(id);
      out.created++;
      if (origin.mode === 'live') events.push({ entity: opts.entity, entityId: id, action: 'created', orgId, after });
      else origin.imp.trace({ row: s.row ?? 0, entity: opts.entity, entityId: id, action: 'created', orgId, values: after });
    },
    /** A stored record's new columns; `before` and `after` are its history's view of the stored and the new record. */
    update(
      s: { row?: number | undefined },
      old: { id: string; org_id: string; version: number; updated_at: unknown },
      change: { values: Record<string, unknown>; before: Record<string, unknown>; after?: Record<string, unknown> },
    ): void {
      const { values, before, after = values } = change;
      out.ids.push(old.id);
      if (!diffFields(before, after).length) {
        out.unchanged++;
        return;
      }
      updates.push({ tenant_id: actor.tenantId, id: old.id, ...values, version: old.version + 1, updated_at: new Date() });
      out.updated++;
      if (origin.mode === 'live') events.push({ entity: opts.entity, entityId: old.id, action: 'updated', orgId: old.org_id, before, after });
      else
        origin.imp.trace({
          row: s.row ?? 0,
          entity: opts.entity,
          entityId: old.id,
          action: 'updated',
          orgId: old.org_id,
          values: after,
          before: { ...before, version: old.version, updated_at: old.updated_at },
        });
    },
    /** Writes the batch (nothing when a row failed): the save's result. */
    async flush(): Promise<SaveResult> {
      if (errs.length) return { ...out, created: 0, updated: 0, unchanged: 0 };
      await insertMany(w.tx, opts.table, creates);
      await updateMany(w.tx, opts.table, ['tenant_id', 'id'], updates);
      if (events.length) await w.auditMany(events);
      return out;
    },
  };
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
