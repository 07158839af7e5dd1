import type { Ctx } from '../context.js';
import { write, type WriteScope } from '../audit/audit.js';
import { AppError, errors } from '../errors.js';
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
 * A ledger a module offers: its column spec (the LEDGERS.md contract), who may
 * read and write it, how parsed rows become records, and how records become rows.
 */
export interface LedgerDef<Row> {
  spec: LedgerSpec;
  readPermission: string;
  writePermission: string;
  /**
   * Writes the parsed rows inside the import's transaction. Problems that need the
   * database (unknown org name, duplicate key) are returned as row errors; any
   * error rolls the whole import back.
   */
  importRows(ctx: Ctx, w: WriteScope, rows: ReadonlyArray<{ rowNumber: number; value: Row }>): Promise<ImportSummary & { errors: RowError[] }>;
  /** The rows to export, in the actor's data scope. */
  exportRows(ctx: Ctx): Promise<Row[]>;
}

export type ImportResult =
  | ({ ok: true; ledger: string; rows: number; dryRun: boolean } & ImportSummary)
  | { ok: false; ledger: string; rows: number; errors: RowError[] };

class Rollback extends Error {
  constructor(readonly result: ImportResult) {
    super('rollback');
  }
}

/**
 * Imports a file into a ledger: all rows or none. Parsing errors and database
 * errors of every row are reported together; with `dryRun` the rows are written
 * and rolled back, so the preview shows exactly what a commit would do.
 */
export async function importLedger(ctx: Ctx, def: LedgerDef<any>, file: { data: Buffer; filename: string }, opts: { dryRun?: boolean } = {}): Promise<ImportResult> {
  if (!ctx.actor.permissions.has(def.writePermission)) throw errors.forbidden();
  const key = def.spec.key;
  let table;
  try {
    table = await readTable(file.data, file.filename);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw errors.validation('file', `无法读取文件“${file.filename}”：${(e as Error).message}`);
  }
  const parsed = parseLedger(def.spec, table);
  if (parsed.errors.length) return { ok: false, ledger: key, rows: table.rows.length, errors: parsed.errors };
  try {
    return await write({ ...ctx }, async (w) => {
      const res = await def.importRows(ctx, w, parsed.rows);
      if (res.errors.length) throw new Rollback({ ok: false, ledger: key, rows: parsed.rows.length, errors: res.errors });
      const ok: ImportResult = { ok: true, ledger: key, rows: parsed.rows.length, dryRun: !!opts.dryRun, created: res.created, updated: res.updated, unchanged: res.unchanged };
      if (opts.dryRun) throw new Rollback(ok);
      await w.audit({ entity: 'ledger', entityId: key, action: 'imported', note: { filename: file.filename, rows: parsed.rows.length, created: res.created, updated: res.updated, unchanged: res.unchanged } });
      return ok;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}
