/**
 * Ledger imports: one path into the database.
 *
 * A ledger's `commit` hands its parsed rows to the module's own domain function for
 * that record kind — the same function the forms call — in *historical* mode: a rule
 * the past record broke becomes a finding (row, column, rule, statute) instead of a
 * refusal; only what cannot be a true record (a bad date, an unknown org, a bad check
 * digit, a duplicate key) is a row error, and any row error rolls everything back.
 *
 * The kernel records the import itself: the file goes into the content-addressed
 * store (its sha256 in the `ledger_import` row), each record the import created or
 * updated gets a provenance row ("imported from file X, row N", with its values),
 * findings go to `record_finding`, and ONE audit event names the file, the counts,
 * the findings and a digest of the provenance rows — instead of one event per row.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { canonicalJson, diffFields, write, type AuditEvent, type WriteScope } from '../audit/audit.js';
import { AppError, errors } from '../errors.js';
import type { CalendarService } from '../calendar/service.js';
import type { BlobStore } from '../files/store.js';
import { insertMany } from '../db/bulk.js';
import type { LedgerSpec } from './spec.js';
import { readTable } from './files.js';
import { parseLedger } from './parse.js';

/** A problem with one row (and column) of an import, in Chinese. */
export interface RowError {
  row: number;
  column: string;
  message: string;
  value?: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * A rule a record broke when it was made. In a form (live mode) it refuses the
 * write; in an import (historical mode) it is taken as history and reported.
 */
export interface RuleBreach {
  /** Stable key of the rule, e.g. `enforcement.review_before_decision`. */
  rule: string;
  /** The source, e.g. `《中华人民共和国行政处罚法》第五十八条`. */
  statute: string;
  /** What the record shows (Chinese). */
  message: string;
  /** Key of the input field concerned (forms), when there is one. */
  field?: string;
  /** Ledger header concerned (imports), when there is one. */
  column?: string;
}

/** A finding of an import: a breach located by row and record. */
export interface Finding extends RuleBreach {
  row: number;
  entity: string;
  entityId: string;
  orgId?: string | null;
}

/** A record an import created or updated: its provenance, shown in its history. */
export interface TraceEntry {
  row: number;
  entity: string;
  entityId: string;
  action: 'created' | 'updated';
  orgId?: string | null;
  /** What the history shows (masked where personal: never clear identifiers). */
  values: Record<string, unknown>;
  /** For an update: the table columns as they were, so an undo can restore them. */
  before?: Record<string, unknown> | null;
}

/** What an import hands a ledger's `commit`. */
export interface ImportScope {
  /** The context bound to the import's transaction (`ctx.db` is the transaction). */
  ctx: Ctx;
  w: WriteScope;
  /** The working-day calendar with the admin's overrides. */
  calendar: CalendarService;
  importId: string;
  ledger: string;
  filename: string;
  /** Records what a row did to a record (its provenance). */
  trace(entries: TraceEntry | readonly TraceEntry[]): void;
  /** Records a rule a past record broke. */
  finding(findings: Finding | readonly Finding[]): void;
}

/**
 * How a domain function is called: from a form (live: a broken rule refuses the
 * write, one audit event per record) or from an import (historical: a broken rule
 * is a finding, provenance instead of per-record events).
 */
export type WriteOrigin = { mode: 'live'; via?: string } | { mode: 'historical'; imp: ImportScope };

/** Live mode: throws the breaches as one validation error naming the first field. Historical: returns them. */
export function enforceRules(origin: WriteOrigin, breaches: readonly RuleBreach[]): readonly RuleBreach[] {
  if (origin.mode === 'live' && breaches.length) {
    const first = breaches[0]!;
    throw errors.validation(first.field ?? 'record', breaches.map((b) => `${b.message}（${b.statute}）`).join('；'), { breaches });
  }
  return breaches;
}

/** What undoing an import needs from a ledger: the table its records live in, and any cleanup of their dependents. */
export interface LedgerUndo {
  /** The table holding the records (primary key tenant_id, id). */
  table: string;
  /**
   * Before the rows are deleted: remove what the import made besides them (publication
   * entries, outbox rows…) or throw `errors.gate` naming what depends on them.
   */
  beforeDelete?(w: WriteScope, ctx: Ctx, createdIds: readonly string[]): Promise<void>;
}

/**
 * A ledger a module offers: its column spec (the LEDGERS.md contract), who may
 * read and write it, how parsed rows become records (through the module's domain
 * function, historical mode), and how records become rows.
 */
export interface LedgerDef<Row> {
  spec: LedgerSpec;
  readPermission: string;
  writePermission: string;
  /**
   * Commits the parsed rows inside the import's transaction through the module's
   * domain function (never writing a table itself). Rows that cannot be true records
   * come back as row errors; any row error rolls the whole import back.
   */
  commit(imp: ImportScope, rows: ReadonlyArray<{ rowNumber: number; value: Row }>): Promise<ImportSummary & { errors: RowError[] }>;
  /** The rows to export, in the actor's data scope. */
  exportRows(ctx: Ctx): Promise<Row[]>;
  /** How the last import of this ledger is undone; absent: it cannot be. */
  undo?: LedgerUndo;
}

/** A finding as the import report shows it. */
export interface ReportedFinding {
  row: number;
  column: string;
  rule: string;
  statute: string;
  message: string;
}

export type ImportResult =
  | ({ ok: true; ledger: string; rows: number; dryRun: boolean; importId: string | null; findings: ReportedFinding[]; ignoredRows: IgnoredRow[] } & ImportSummary)
  | { ok: false; ledger: string; rows: number; errors: RowError[] };

/** A row of the file the import skipped on purpose (a note or signature row after the data). */
export interface IgnoredRow {
  row: number;
  reason: string;
}

/** What an import needs from the running system. */
export interface ImportSystem {
  files: BlobStore;
  calendar: CalendarService;
}

class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('rollback');
  }
}

/** The sha256 of the provenance rows, in the audit event, so they cannot be changed unseen. */
export function traceDigest(entries: readonly TraceEntry[]): string {
  const h = crypto.createHash('sha256');
  for (const e of entries) h.update(canonicalJson([e.row, e.entity, e.entityId, e.action, e.values]) + '\n');
  return h.digest('hex');
}

/**
 * Imports a file into a ledger: all rows or none. Parsing errors and the domain's
 * row errors are reported together; with `dryRun` the rows are written and rolled
 * back, so the preview shows exactly what a commit would do, findings included.
 */
export async function importLedger(
  sys: ImportSystem,
  ctx: Ctx,
  def: LedgerDef<any>,
  file: { data: Buffer; filename: string },
  opts: { dryRun?: boolean; /** Where the time goes (the bench): called after each phase with its milliseconds. */ onPhase?: (phase: string, ms: number) => void } = {},
): Promise<ImportResult> {
  if (!ctx.actor.permissions.has(def.writePermission)) throw errors.forbidden();
  let t = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    opts.onPhase?.(name, now - t);
    t = now;
  };
  const key = def.spec.key;
  let table;
  try {
    table = await readTable(file.data, file.filename);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw errors.validation('file', `无法读取文件“${file.filename}”：${(e as Error).message}`);
  }
  phase('read');
  const parsed = parseLedger(def.spec, table);
  phase('parse');
  const ignoredRows: IgnoredRow[] = ((parsed as { ignoredRows?: IgnoredRow[] }).ignoredRows ?? []).map((r) => ({ row: r.row, reason: r.reason }));
  if (parsed.errors.length) return { ok: false, ledger: key, rows: parsed.dataRowCount, errors: parsed.errors };
  // The file is kept whatever happens next: content-addressed, so a rolled-back import leaves only an unreferenced blob.
  const sha256 = opts.dryRun ? crypto.createHash('sha256').update(file.data).digest('hex') : await sys.files.put(file.data);
  phase('store');
  try {
    return await write({ ...ctx }, async (w) => {
      const importId = crypto.randomUUID();
      await w.tx
        .insertInto('ledger_import')
        .values({
          tenant_id: ctx.actor.tenantId,
          id: importId,
          ledger: key,
          filename: file.filename.slice(0, 255),
          file_sha256: sha256,
          file_size: file.data.length,
          actor_id: ctx.actor.userId,
          actor_name: ctx.actor.name,
          row_count: parsed.rows.length,
          created: 0,
          updated: 0,
          unchanged: 0,
          finding_count: 0,
          ignored_rows: JSON.stringify(ignoredRows),
        })
        .execute();
      const traces: TraceEntry[] = [];
      const findings: Finding[] = [];
      const imp: ImportScope = {
        ctx: { ...ctx, db: w.tx },
        w,
        calendar: sys.calendar,
        importId,
        ledger: key,
        filename: file.filename,
        trace: (e) => void (Array.isArray(e) ? traces.push(...e) : traces.push(e as TraceEntry)),
        finding: (f) => void (Array.isArray(f) ? findings.push(...f) : findings.push(f as Finding)),
      };
      phase('begin');
      const res = await def.commit(imp, parsed.rows);
      phase('commit');
      if (res.errors.length) throw new Rollback({ ok: false, ledger: key, rows: parsed.rows.length, errors: res.errors.sort((a, b) => a.row - b.row) });
      findings.sort((a, b) => a.row - b.row || a.rule.localeCompare(b.rule));
      await insertMany(
        w.tx,
        'ledger_import_row',
        traces.map((t) => ({ tenant_id: ctx.actor.tenantId, import_id: importId, row_number: t.row, entity: t.entity, entity_id: t.entityId, action: t.action, org_id: t.orgId ?? null, values: t.values, before: t.before ?? null })),
      );
      await insertMany(
        w.tx,
        'record_finding',
        findings.map((f) => ({ tenant_id: ctx.actor.tenantId, entity: f.entity, entity_id: f.entityId, org_id: f.orgId ?? null, rule: f.rule, statute: f.statute, message: f.message, field: f.column ?? null, import_id: importId, row_number: f.row })),
      );
      phase('provenance');
      const byRule: Record<string, number> = {};
      for (const f of findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      const ev = await w.audit({
        entity: 'ledger.import',
        entityId: importId,
        action: 'imported',
        note: { ledger: key, filename: file.filename, sha256, size: file.data.length, rows: parsed.rows.length, created: res.created, updated: res.updated, unchanged: res.unchanged, findings: findings.length, findingsByRule: byRule, traceDigest: traceDigest(traces), ignoredRows: ignoredRows.length },
      });
      await w.tx
        .updateTable('ledger_import')
        .set({ created: res.created, updated: res.updated, unchanged: res.unchanged, finding_count: findings.length, audit_seq: ev.seq })
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('id', '=', importId)
        .execute();
      const ok: ImportResult = {
        ok: true,
        ledger: key,
        rows: parsed.rows.length,
        dryRun: !!opts.dryRun,
        importId: opts.dryRun ? null : importId,
        created: res.created,
        updated: res.updated,
        unchanged: res.unchanged,
        findings: findings.map((f) => ({ row: f.row, column: f.column ?? '', rule: f.rule, statute: f.statute, message: f.message })),
        ignoredRows,
      };
      if (opts.dryRun) throw new Rollback(ok);
      phase('audit');
      return ok;
    }).then((r) => {
      phase('end');
      return r;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

/** The provenance of a record, as events for its history (oldest first). */
export async function importTrace(db: Ctx['db'], tenantId: string, entity: string, entityId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('ledger_import_row as r')
    .innerJoin('ledger_import as i', (j) => j.onRef('i.tenant_id', '=', 'r.tenant_id').onRef('i.id', '=', 'r.import_id'))
    .select(['r.row_number', 'r.action', 'r.org_id', 'r.values', 'r.before', 'i.id', 'i.filename', 'i.ledger', 'i.at', 'i.actor_id', 'i.actor_name', 'i.audit_seq', 'i.undone_at'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.entity', '=', entity)
    .where('r.entity_id', '=', entityId)
    .orderBy('i.at')
    .execute();
  return rows.map((r) => ({
    tenantId,
    seq: Number(r.audit_seq ?? 0),
    at: r.at instanceof Date ? r.at : new Date(r.at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    orgId: r.org_id,
    entity,
    entityId,
    action: r.action === 'created' ? 'imported' : 'import_updated',
    changes: {
      fields: diffFields(r.action === 'updated' ? pick(r.before ?? {}, Object.keys(r.values)) : null, r.values),
      note: { via: `ledger:${r.ledger}`, importId: r.id, filename: r.filename, row: r.row_number, ...(r.undone_at ? { undone: true } : {}) },
    },
    requestId: null,
    prevHash: '',
    hash: '',
  }));
}

function pick(o: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, o[k] ?? null]));
}

/** The findings recorded on a record (historical rule breaches), oldest first. */
export async function recordFindings(db: Ctx['db'], tenantId: string, entity: string, entityId: string) {
  return db
    .selectFrom('record_finding')
    .select(['id', 'rule', 'statute', 'message', 'field', 'import_id as importId', 'row_number as row', 'at'])
    .where('tenant_id', '=', tenantId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('at')
    .execute();
}

/** Counts of findings by rule in a period (for the metrics that count such breaches). */
export async function countFindings(db: Ctx['db'], tenantId: string, rule: string, orgIds: readonly string[] | null): Promise<number> {
  const r = await db
    .selectFrom('record_finding')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('rule', '=', rule)
    .$if(orgIds !== null, (q) => q.where(sql<boolean>`org_id = ANY(${sql.val(orgIds ?? [])}::uuid[])`))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export { Rollback as ImportRollback };
