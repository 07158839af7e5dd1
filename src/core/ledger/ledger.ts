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
import { byRowEntityId, stateLine, statesFor } from '../audit/records.js';
import { stepAside } from '../activity.js';
import type { LedgerSpec } from './spec.js';
import { readSheetRows, type SheetRow } from './files.js';
import { LedgerParser, type ParsedRow } from './parse.js';
import { compensateImport } from './imports.js';

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
  /** The context bound to the import's transaction — the chunk's own, in chunked mode (`ctx.db` is the transaction). */
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
   * entries, outbox rows…) or throw `errors.gate` naming what depends on them. `restored`:
   * the records the import updated whose columns the kernel restores in this call, each with
   * the columns as they were before the import (an undo restores them all at once; a
   * compensation batch by batch, leaving out records changed since).
   */
  beforeDelete?(w: WriteScope, ctx: Ctx, createdIds: readonly string[], restored: readonly RestoredRecord[]): Promise<void>;
}

/** A record an undo gives its previous columns back: its id and those columns as they were before the import. */
export interface RestoredRecord {
  id: string;
  before: Record<string, unknown>;
}

/** A record an undo or a compensation leaves alone: changed after the import, or depended on. */
export interface UndoBlocker {
  entity: string;
  entityId: string;
  row: number;
  reason: string;
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
  /**
   * The rows to export, in the actor's data scope. `filter`: a list page's own filter, passed by
   * the owning module's list export route (only that module knows its shape) — exactly the rows
   * the list shows, in its order; absent (the 台账 export): every row in scope.
   */
  exportRows(ctx: Ctx, filter?: unknown): Promise<Row[]>;
  /** How the last import of this ledger is undone; absent: it cannot be. */
  undo?: LedgerUndo;
  /**
   * Rows are independent of each other: the import hands them to `commit` in chunks (of
   * {@link IMPORT_CHUNK_ROWS}) as the file streams by — inside the one transaction, or, on the embedded
   * engine, each chunk committed on its own ({@link ImportCommitMode}; needs `undo`). Leave it
   * out when `commit` needs the whole file at once (parents before children, rows grouped by day…).
   */
  chunked?: boolean;
  /**
   * The record's natural key in the file (e.g. 工单编号): the kernel checks it across the whole
   * file — a key seen twice is a row error on the later row naming the earlier (`与第N行重复`),
   * whichever chunks they fall in. `header` is the column the error names; `describe` words the
   * error as the ledger's own check does (default: `与第N行重复`, the key as the value), so within
   * a chunk the two checks give one error.
   */
  naturalKey?: { header: string; of(row: Row): string; describe?(row: Row, firstRow: number): { message: string; value?: string } };
}

/** Rows per `commit` call of a chunked ledger (see {@link LedgerDef.chunked}); `FAZHI_IMPORT_CHUNK_ROWS` overrides. */
export const IMPORT_CHUNK_ROWS = 10_000;

/** Most errors and findings an import report lists (the counts are always whole; findings stay queryable by import). */
export const IMPORT_REPORT_LIMIT = 1000;

/** A finding as the import report shows it. */
export interface ReportedFinding {
  row: number;
  column: string;
  rule: string;
  statute: string;
  message: string;
}

/**
 * What an import did. `findings` lists the first {@link IMPORT_REPORT_LIMIT} findings by row
 * (`findingCount` counts them all; `GET /api/imports/:id` lists them); `errors` likewise the first
 * {@link IMPORT_REPORT_LIMIT} errors, `errorCount` all of them.
 */
export type ImportResult =
  | ({
      ok: true;
      ledger: string;
      rows: number;
      dryRun: boolean;
      importId: string | null;
      findings: ReportedFinding[];
      findingCount: number;
      ignoredRows: IgnoredRow[];
    } & ImportSummary)
  | {
      ok: false;
      ledger: string;
      rows: number;
      errors: RowError[];
      errorCount: number;
      /**
       * Chunked commits only: records of the failed import that someone changed while it ran —
       * kept as they are (never overwritten by the rollback) and named here; absent when none.
       */
      kept?: UndoBlocker[];
    };

/** A row of the file the import skipped on purpose (a note or signature row after the data). */
export interface IgnoredRow {
  row: number;
  reason: string;
}

/** What an import needs from the running system. */
export interface ImportSystem {
  files: BlobStore;
  calendar: CalendarService;
  /** The engine (a `System` carries it): on the embedded one a chunked ledger commits chunk by chunk. */
  database?: { target: { kind: 'pglite' | 'postgres' } };
}

/**
 * How an import's writes are grouped into transactions.
 *
 * - `single`: the whole import is one transaction — all rows or none by the database itself.
 *   The default on PostgreSQL (MVCC and a pool: other requests go on meanwhile) and for a ledger
 *   that is not chunked.
 * - `chunked`: each chunk of rows commits in its own short transaction and the import then yields,
 *   so the requests queued meanwhile run; all-or-nothing is kept by compensation — when the file
 *   turns out to have errors (or the import fails), the committed chunks are undone from their
 *   provenance rows through the ledger's undo spec, and an import interrupted by a killed process
 *   is rolled back the same way when the system next opens ({@link recoverImports}). The default on
 *   the embedded PGlite (one connection: a long transaction there holds every other request) for
 *   a chunked ledger with an undo spec.
 */
export type ImportCommitMode = 'single' | 'chunked';

/** Rows per chunk when each chunk commits on its own: ~0.1 s of the embedded database per chunk on a quiet machine. `FAZHI_IMPORT_CHUNK_ROWS` overrides. */
export const IMPORT_COMMIT_CHUNK_ROWS = 500;

/** The import's result leaves the transaction through this (single mode: rolls it back). */
class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('rollback');
  }
}

/** A chunk's writes are discarded (a chunk with row errors, a dry run's chunk): rolls back its transaction. */
class DiscardChunk extends Error {
  constructor() {
    super('discard chunk');
  }
}

/** Test seam ({@link ImportOptions.crashAfterChunk}): the import stops as a killed process would, leaving what it committed. */
export class ImportCrash extends Error {
  constructor(chunk: number) {
    super(`simulated crash after chunk ${chunk}`);
  }
}

/** The sha256 of the provenance rows, in the audit event, so they cannot be changed unseen. */
export function traceDigest(entries: readonly TraceEntry[]): string {
  const h = crypto.createHash('sha256');
  for (const e of entries) h.update(`${canonicalJson([e.row, e.entity, e.entityId, e.action, e.values])}\n`);
  return h.digest('hex');
}

/** Options of {@link importLedger}. */
export interface ImportOptions {
  /** Write the rows and roll them back: the preview shows exactly what a commit would do, findings included. */
  dryRun?: boolean;
  /** Rows per `commit` call of a chunked ledger (default {@link IMPORT_CHUNK_ROWS}, chunked commits {@link IMPORT_COMMIT_CHUNK_ROWS}; or `FAZHI_IMPORT_CHUNK_ROWS`). */
  chunkRows?: number;
  /** Transactions (default: `chunked` on the embedded engine for a chunked ledger with an undo spec, else `single`). See {@link ImportCommitMode}. */
  commit?: ImportCommitMode;
  /** Called after each chunk is written (committed, in chunked mode): progress. */
  onChunk?: (p: { chunk: number; rows: number }) => void | Promise<void>;
  /** Test seam: after this many chunks, stop as a killed process would — no compensation, the import left `running`. */
  crashAfterChunk?: number;
  /** Requests in flight that are the import's own (1 when it runs inside an HTTP request): not waited for between chunks. */
  ownRequests?: number;
  /** Where the time goes (the bench): called at the end with each phase's total milliseconds. */
  onPhase?: (phase: string, ms: number) => void;
}

function commitModeOf(sys: ImportSystem, ctx: Ctx, def: LedgerDef<unknown>, opts: ImportOptions): ImportCommitMode {
  // Inside a caller's transaction there is nothing to yield: it is one transaction anyway.
  if (!def.chunked || !def.undo || ctx.db.isTransaction) return 'single';
  if (opts.commit) return opts.commit;
  return sys.database?.target.kind === 'pglite' ? 'chunked' : 'single';
}

function chunkRowsOf(opts: ImportOptions, mode: ImportCommitMode): number {
  const env = Number(process.env.FAZHI_IMPORT_CHUNK_ROWS);
  const n = opts.chunkRows ?? (Number.isInteger(env) && env > 0 ? env : mode === 'chunked' ? IMPORT_COMMIT_CHUNK_ROWS : IMPORT_CHUNK_ROWS);
  return Math.max(1, n);
}

/**
 * Leaves the event loop (and the embedded database's one connection) to the requests that
 * queued while a chunk ran. When the chunk had to wait for the connection itself, others are
 * busy: a request that needs the database several times (a login: the user, the attempt, the
 * session) gets a moment to finish instead of waiting behind the next chunk at every step.
 */
async function yieldToOthers(contended: boolean, ownRequests: number): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  // Others' requests in flight (a login, a page): let them through before the next chunk.
  const waited = await stepAside({ own: ownRequests, maxMs: IMPORT_STEP_ASIDE_MS });
  if (contended && waited < IMPORT_YIELD_MS) await new Promise<void>((resolve) => setTimeout(resolve, IMPORT_YIELD_MS - waited));
}

/** The longest a chunked import waits for others' requests between two chunks (no starvation by a long download). */
const IMPORT_STEP_ASIDE_MS = 250;

/** How long a chunked import pauses after a chunk that found the database busy. */
const IMPORT_YIELD_MS = 100;

/**
 * Writes the import's row, committed, before any of its records: `running`, the one running
 * import of its ledger (the partial unique index refuses a second, in any process: 409).
 */
async function beginImport(ctx: Ctx, def: LedgerDef<unknown>, row: { id: string; filename: string; sha256: string; size: number }): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const head = await ctx.db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  try {
    await ctx.db
      .insertInto('ledger_import')
      .values({
        tenant_id: tenantId,
        id: row.id,
        ledger: def.spec.key,
        filename: row.filename.slice(0, 255),
        file_sha256: row.sha256,
        file_size: row.size,
        actor_id: ctx.actor.userId,
        actor_name: ctx.actor.name,
        row_count: 0,
        created: 0,
        updated: 0,
        unchanged: 0,
        finding_count: 0,
        ignored_rows: '[]',
        state: 'running',
        started_seq: Number(head?.seq ?? 0),
      })
      .execute();
  } catch (e) {
    if ((e as { code?: string }).code !== '23505') throw e;
    const other = await ctx.db
      .selectFrom('ledger_import')
      .select(['filename', 'actor_name'])
      .where('tenant_id', '=', tenantId)
      .where('ledger', '=', def.spec.key)
      .where('state', '=', 'running')
      .executeTakeFirst();
    throw new AppError(
      'IMPORT_RUNNING',
      `“${def.spec.title}”台账正在导入另一个文件${other ? `（${other.actor_name}导入的“${other.filename}”）` : ''}，请待其完成后再导入`,
      409,
    );
  }
}

/**
 * Imports a file into a ledger: all rows or none. The file streams through the reader and the
 * parser; a chunked ledger's rows are committed chunk by chunk as they come, an unchunked one's
 * all at once at the end. Provenance rows and findings are written per chunk, the provenance
 * digest and the counts computed as they go, so memory stays flat whatever the file's size.
 * Parsing errors and the domain's row errors are reported together (parsing errors, when there
 * are any, since rows that do not parse are never committed); after the first error nothing
 * more is kept.
 *
 * Transactions ({@link ImportCommitMode}): the import's row is committed first (`running`; a
 * second import of the ledger meanwhile is refused, 409). In `single` mode everything else is one
 * transaction, rolled back on an error. In `chunked` mode (the embedded engine) each chunk commits
 * on its own and the import yields between chunks; on an error the committed chunks are
 * compensated from their provenance ({@link compensateImport}) — a record someone changed
 * meanwhile is kept and named (`kept`), never overwritten. A dry run writes and rolls back: in one
 * transaction, or, in chunked mode, chunk by chunk (each chunk's transaction rolled back: the
 * preview never holds the embedded database longer than a chunk, and shows the same result since
 * a chunked ledger's rows are independent of each other).
 */
export async function importLedger(
  sys: ImportSystem,
  ctx: Ctx,
  def: LedgerDef<unknown>,
  what: ImportOptions & { file: { data: Buffer; filename: string } },
): Promise<ImportResult> {
  const { file, ...opts } = what;
  if (!ctx.actor.permissions.has(def.writePermission)) throw errors.forbidden();
  const spent = new Map<string, number>();
  const timed = async <T>(phase: string, fn: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      spent.set(phase, (spent.get(phase) ?? 0) + performance.now() - t0);
    }
  };
  const key = def.spec.key;
  const mode = commitModeOf(sys, ctx, def, opts);
  const dryRun = !!opts.dryRun;
  const chunkRows = def.chunked ? chunkRowsOf(opts, mode) : Infinity;
  const tenantId = ctx.actor.tenantId;
  const sha256 = crypto.createHash('sha256').update(file.data).digest('hex');
  const importId = crypto.randomUUID();
  const source = readSheetRows(file.data, file.filename);
  const nextRow = async (): Promise<IteratorResult<SheetRow>> => {
    try {
      return await source.next();
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw errors.validation('file', `无法读取文件“${file.filename}”：${(e as Error).message}`);
    }
  };
  /** The transaction of a single-mode import (null in chunked mode: each chunk opens its own). */
  let outer: WriteScope | null = null;
  let contended = false;
  /**
   * Runs a chunk's writes: in the one transaction (single), or in the chunk's own — committed
   * when `fn` says to keep them and this is no dry run, else rolled back (chunked).
   */
  const inChunk = async (fn: (w: WriteScope) => Promise<boolean>): Promise<void> => {
    if (outer) {
      await fn(outer);
      return;
    }
    const asked = performance.now();
    try {
      // Not retried: the chunk counts and digests as it goes.
      await write(
        { ...ctx },
        async (w) => {
          contended = performance.now() - asked > 5;
          if (!(await fn(w)) || dryRun) throw new DiscardChunk();
        },
        { retry: false },
      );
    } catch (e) {
      if (!(e instanceof DiscardChunk)) throw e;
    }
  };

  const body = async (): Promise<ImportResult> => {
    let traces: TraceEntry[] = [];
    let findings: Finding[] = [];
    const scopeOf = (w: WriteScope): ImportScope => ({
      ctx: { ...ctx, db: w.tx },
      w,
      calendar: sys.calendar,
      importId,
      ledger: key,
      filename: file.filename,
      trace: (e) => void (Array.isArray(e) ? traces.push(...e) : traces.push(e as TraceEntry)),
      finding: (f) => void (Array.isArray(f) ? findings.push(...f) : findings.push(f as Finding)),
    });

    const pending: ParsedRow<unknown>[] = [];
    const parser = new LedgerParser(def.spec, (r) => void pending.push(r), { errorLimit: IMPORT_REPORT_LIMIT });
    const seenKeys = def.naturalKey ? new Map<string, number>() : null;
    const commitErrors: RowError[] = [];
    let commitErrorCount = 0;
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const reported: ReportedFinding[] = [];
    const byRule: Record<string, number> = {};
    let findingCount = 0;
    let chunks = 0;
    let rowsDone = 0;
    const digest = crypto.createHash('sha256');
    const stateDigest = crypto.createHash('sha256');

    /** Commits the rows parsed so far (a chunk) and writes their provenance and findings. */
    const flush = async () => {
      const rows = pending.splice(0, pending.length);
      // Rows that do not parse are never committed: once there is a parse error, only parsing goes on.
      if (!rows.length || parser.failed || commitErrorCount >= IMPORT_REPORT_LIMIT) return;
      const chunkErrors: RowError[] = [];
      if (seenKeys && def.naturalKey) {
        const nk = def.naturalKey;
        for (const r of rows) {
          const k = nk.of(r.value);
          const prev = seenKeys.get(k);
          if (prev !== undefined)
            chunkErrors.push({
              row: r.rowNumber,
              column: nk.header,
              ...(nk.describe ? nk.describe(r.value, prev) : { message: `与第${prev}行重复`, value: k }),
            });
          seenKeys.set(k, r.rowNumber);
        }
      }
      const counted = { ...summary };
      let chunkFindings: Finding[] = [];
      await inChunk(async (w) => {
        traces = [];
        findings = [];
        const res = await timed('commit', () => def.commit(scopeOf(w), rows));
        counted.created = summary.created + res.created;
        counted.updated = summary.updated + res.updated;
        counted.unchanged = summary.unchanged + res.unchanged;
        // The ledger's own duplicate check repeats the kernel's within a chunk: each error once.
        const known = new Set(chunkErrors.map((e) => `${e.row}\u0000${e.column}\u0000${e.message}`));
        for (const e of res.errors) if (!known.has(`${e.row}\u0000${e.column}\u0000${e.message}`)) chunkErrors.push(e);
        if (chunkErrors.length) {
          commitErrorCount += chunkErrors.length;
          for (const e of chunkErrors.sort((a, b) => a.row - b.row)) if (commitErrors.length < IMPORT_REPORT_LIMIT) commitErrors.push(e);
        }
        if (commitErrorCount) return false; // nothing more is kept: rolled back (single) or compensated (chunked)
        const chunkTraces = traces;
        chunkFindings = findings.sort((a, b) => a.row - b.row || a.rule.localeCompare(b.rule));
        traces = [];
        findings = [];
        await timed('provenance', async () => {
          for (const t of chunkTraces) digest.update(`${canonicalJson([t.row, t.entity, t.entityId, t.action, t.values])}\n`);
          // The state of each record as this chunk left it (verify --records compares the records with it).
          const states = await statesFor(w.tx, tenantId, chunkTraces);
          const stateOf = (t: TraceEntry) => states.get(`${t.entity}\u0000${t.entityId}`) ?? null;
          for (const t of [...chunkTraces].sort(byRowEntityId))
            stateDigest.update(stateLine({ row: t.row, entity: t.entity, entityId: t.entityId, action: t.action, state: stateOf(t) }));
          await insertMany(
            w.tx,
            'ledger_import_row',
            chunkTraces.map((t) => ({
              tenant_id: tenantId,
              import_id: importId,
              row_number: t.row,
              entity: t.entity,
              entity_id: t.entityId,
              action: t.action,
              org_id: t.orgId ?? null,
              values: t.values,
              before: t.before ?? null,
              state_hash: stateOf(t),
            })),
          );
          await insertMany(
            w.tx,
            'record_finding',
            chunkFindings.map((f) => ({
              tenant_id: tenantId,
              entity: f.entity,
              entity_id: f.entityId,
              org_id: f.orgId ?? null,
              rule: f.rule,
              statute: f.statute,
              message: f.message,
              field: f.column ?? null,
              import_id: importId,
              row_number: f.row,
            })),
          );
        });
        // Progress, visible in the import list while a chunked import runs (导入中).
        if (!outer && !dryRun) {
          await w.tx
            .updateTable('ledger_import')
            .set({ row_count: rowsDone + rows.length, ...counted, finding_count: findingCount + chunkFindings.length })
            .where('tenant_id', '=', tenantId)
            .where('id', '=', importId)
            .execute();
        }
        return true;
      });
      if (commitErrorCount) return;
      Object.assign(summary, counted);
      for (const f of chunkFindings) {
        byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
        if (reported.length < IMPORT_REPORT_LIMIT) reported.push({ row: f.row, column: f.column ?? '', rule: f.rule, statute: f.statute, message: f.message });
      }
      findingCount += chunkFindings.length;
      rowsDone += rows.length;
      chunks++;
      await opts.onChunk?.({ chunk: chunks, rows: rowsDone });
      if (opts.crashAfterChunk !== undefined && chunks >= opts.crashAfterChunk) throw new ImportCrash(chunks);
      if (!outer) await yieldToOthers(contended, opts.ownRequests ?? 0);
    };

    for (;;) {
      const step = await timed('read', nextRow);
      if (step.done) break;
      const t0 = performance.now();
      parser.push(step.value);
      spent.set('parse', (spent.get('parse') ?? 0) + performance.now() - t0);
      if (pending.length >= chunkRows) await flush();
    }
    const parsed = await timed('parse', () => parser.end());
    await flush();

    if (parsed.errorCount) return { ok: false, ledger: key, rows: parsed.dataRowCount, errors: parsed.errors, errorCount: parsed.errorCount };
    if (commitErrorCount) return { ok: false, ledger: key, rows: parsed.rowCount, errors: commitErrors, errorCount: commitErrorCount };
    const ignoredRows: IgnoredRow[] = parsed.ignoredRows.map((r) => ({ row: r.row, reason: r.reason }));
    const ok: ImportResult = {
      ok: true,
      ledger: key,
      rows: parsed.rowCount,
      dryRun,
      importId: dryRun ? null : importId,
      ...summary,
      findings: reported,
      findingCount,
      ignoredRows,
    };
    if (dryRun) return ok;
    const finish = async (w: WriteScope) => {
      // The file is kept once the import is sure to commit: content-addressed, so a failed commit leaves only an unreferenced blob.
      await sys.files.put(file.data);
      const ev = await w.audit({
        entity: 'ledger.import',
        entityId: importId,
        action: 'imported',
        note: {
          ledger: key,
          filename: file.filename,
          sha256,
          size: file.data.length,
          rows: parsed.rowCount,
          ...summary,
          findings: findingCount,
          findingsByRule: byRule,
          traceDigest: digest.digest('hex'),
          stateDigest: stateDigest.digest('hex'),
          ignoredRows: ignoredRows.length,
        },
      });
      await w.tx
        .updateTable('ledger_import')
        .set({
          row_count: parsed.rowCount,
          ...summary,
          finding_count: findingCount,
          ignored_rows: JSON.stringify(ignoredRows),
          audit_seq: ev.seq,
          state: 'committed',
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', importId)
        .execute();
    };
    await timed('audit', () => (outer ? finish(outer) : write({ ...ctx }, finish, { retry: false })));
    return ok;
  };

  if (!dryRun) await timed('begin', () => beginImport(ctx, def, { id: importId, filename: file.filename, sha256, size: file.data.length }));
  let result: ImportResult;
  try {
    if (mode === 'chunked') result = await body();
    else {
      try {
        // Not retried: the file's rows stream through once.
        result = await write(
          { ...ctx },
          async (w) => {
            outer = w;
            // Held until the transaction ends: a recovery in another process skips a live import (SKIP LOCKED).
            if (!dryRun) await sql`SELECT id FROM ledger_import WHERE tenant_id = ${tenantId} AND id = ${importId} FOR UPDATE`.execute(w.tx);
            const r = await body();
            if (!r.ok || dryRun) throw new Rollback(r);
            return r;
          },
          { retry: false },
        );
      } catch (e) {
        if (!(e instanceof Rollback)) throw e;
        result = e.result;
      }
    }
  } catch (e) {
    // A killed process leaves its import running: recovered when the system next opens.
    if (!dryRun && !(e instanceof ImportCrash))
      await settleFailedImport(ctx, def, importId, { mode, reason: `导入出错：${(e as Error).message}` }).catch(() => undefined);
    throw e;
  } finally {
    await source.return(undefined);
    for (const [phase, ms] of spent) opts.onPhase?.(phase, ms);
  }
  if (!dryRun && !result.ok) {
    const t0 = performance.now();
    const kept = await settleFailedImport(ctx, def, importId, { mode, reason: `文件有 ${result.errorCount} 处错误，导入未完成` });
    opts.onPhase?.('compensate', performance.now() - t0);
    if (kept.length) result = { ...result, kept };
  }
  return result;
}

/**
 * A failed import leaves nothing: in single mode its transaction rolled back and only the
 * `running` row is left to delete; in chunked mode the committed chunks are compensated first.
 * Records someone changed meanwhile are kept (and returned); the import then stays in the list
 * as failed, saying so.
 */
async function settleFailedImport(
  ctx: Ctx,
  def: LedgerDef<unknown>,
  importId: string,
  { mode, reason }: { mode: ImportCommitMode; reason: string },
): Promise<UndoBlocker[]> {
  if (mode === 'chunked') return (await compensateImport(ctx, def, importId, { reason, keepRow: false })).kept;
  await ctx.db.deleteFrom('ledger_import').where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', importId).where('state', '=', 'running').execute();
  return [];
}

/** The provenance of a record, as events for its history (oldest first). */
export async function importTrace(db: Ctx['db'], tenantId: string, entity: string, entityId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('ledger_import_row as r')
    .innerJoin('ledger_import as i', (j) => j.onRef('i.tenant_id', '=', 'r.tenant_id').onRef('i.id', '=', 'r.import_id'))
    .select([
      'r.row_number',
      'r.action',
      'r.org_id',
      'r.values',
      'r.before',
      'i.id',
      'i.filename',
      'i.ledger',
      'i.at',
      'i.actor_id',
      'i.actor_name',
      'i.audit_seq',
      'i.undone_at',
    ])
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
