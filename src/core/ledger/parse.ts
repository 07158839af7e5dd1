/**
 * Parsing a raw table against a ledger spec: header matching, every cell of every row parsed
 * and checked, every problem reported (never stopping at the first), with the row number the
 * user sees in Excel and the Chinese header of the column.
 *
 * The caller commits only when `errors` is empty: an import with any row error changes nothing.
 */
import { displayValue, parseCell } from './cells.js';
import type { RawTable } from './files.js';
import { normalizeHeader, type CellValue, type ColumnSpec, type LedgerSpec, type LooseRow } from './spec.js';

/** One problem of an import, located by row and column. */
export interface LedgerError {
  /** Row number as seen in Excel (the header row is 1). */
  row: number;
  /** Chinese header of the column at fault, as in the spec; `''` for a whole-row problem. */
  column: string;
  /** What is wrong and what was expected (Chinese). */
  message: string;
  /** The cell as written, when there was one (shortened if long). */
  value?: string;
}

/** A row that parsed cleanly. */
export interface ParsedRow<Row> {
  /** Row number as seen in Excel. */
  rowNumber: number;
  value: Row;
}

/** What {@link parseLedger} returns. */
export interface ParseResult<Row> {
  /** Rows without any error, in file order. Empty when a required header is missing. */
  rows: ParsedRow<Row>[];
  /** Every problem found: header problems (row 1) first, then by row and column order. */
  errors: LedgerError[];
  /** Headers (as in the spec) of required columns absent from the file. */
  missingHeaders: string[];
  /** Headers of the file that match no column (ignored; worth showing, a misspelt optional header lands here). */
  ignoredHeaders: string[];
}

/** How the headers of a file map onto a spec. */
export interface HeaderMatch {
  /** Column key → the header as written in the file. */
  fileHeaderByKey: Map<string, string>;
  /** Spec headers of required columns the file lacks. */
  missing: string[];
  /** Spec headers matched by more than one column of the file. */
  duplicated: string[];
  /** File headers matching no column. */
  ignored: string[];
}

/**
 * Matches the file's headers to the spec's columns: exact after trimming, ignoring all spaces
 * (half- and full-width), full-width/half-width differences and a trailing `*` required mark.
 */
export function matchHeaders(columns: readonly ColumnSpec[], headers: readonly string[]): HeaderMatch {
  const byNormal = new Map(columns.map((c) => [normalizeHeader(c.header), c] as const));
  const fileHeaderByKey = new Map<string, string>();
  const duplicated: string[] = [];
  const ignored: string[] = [];
  for (const h of headers) {
    const column = byNormal.get(normalizeHeader(h));
    if (!column) {
      ignored.push(h);
    } else if (fileHeaderByKey.has(column.key)) {
      if (!duplicated.includes(column.header)) duplicated.push(column.header);
    } else {
      fileHeaderByKey.set(column.key, h);
    }
  }
  const missing = columns.filter((c) => c.required && !fileHeaderByKey.has(c.key)).map((c) => c.header);
  return { fileHeaderByKey, missing, duplicated, ignored };
}

/**
 * Parses a raw table (from `readTable`) per a ledger spec.
 *
 * - A required column missing from the header row is an error on row 1 naming the header; rows are
 *   then still checked for the columns that are present, but none is returned.
 * - Extra columns are ignored; column order is free.
 * - Each cell is parsed per its column type; an empty optional cell is `null`; an empty required
 *   cell, an unknown enum value, an impossible date, a wrong check digit… is an error.
 * - Column `validate` hooks run on cells that parsed, then the spec's `checkRow` on rows with no error.
 */
export function parseLedger<Row>(spec: LedgerSpec<Row>, table: RawTable): ParseResult<Row> {
  const match = matchHeaders(spec.columns, table.headers);
  const errors: LedgerError[] = [];
  for (const header of match.missing) {
    errors.push({ row: 1, column: header, message: '表头缺少此必填列，请对照模板检查列名' });
  }
  for (const header of match.duplicated) {
    errors.push({ row: 1, column: header, message: '表头中有多列都是此列名，请只保留一列' });
  }
  const headerOk = errors.length === 0;
  const present = spec.columns.filter((c) => match.fileHeaderByKey.has(c.key));
  const headerByKey = new Map(spec.columns.map((c) => [c.key, c.header] as const));

  const rows: ParsedRow<Row>[] = [];
  for (const raw of table.rows) {
    const rowErrors: LedgerError[] = [];
    const value: Record<string, CellValue | null> = {};
    for (const c of spec.columns) value[c.key] = null;
    const failed = new Set<string>();

    for (const c of present) {
      const cell = raw.cells[match.fileHeaderByKey.get(c.key)!];
      const r = parseCell(c, cell);
      if (r.ok) {
        value[c.key] = r.value;
      } else {
        failed.add(c.key);
        rowErrors.push(cellError(raw.rowNumber, c, r.message, cell));
      }
    }

    // Column validators see the row with every parsed value (failed cells are null).
    const loose: LooseRow = value;
    for (const c of present) {
      const v = value[c.key];
      if (failed.has(c.key) || v === null || v === undefined || !c.validate) continue;
      const message = (c.validate as (value: CellValue, row: LooseRow) => string | undefined)(v, loose);
      if (message) rowErrors.push(cellError(raw.rowNumber, c, message, raw.cells[match.fileHeaderByKey.get(c.key)!]));
    }

    if (rowErrors.length === 0 && headerOk && spec.checkRow) {
      for (const issue of spec.checkRow(value as Row) ?? []) {
        const header = issue.key ? (headerByKey.get(issue.key) ?? '') : '';
        const fileHeader = issue.key ? match.fileHeaderByKey.get(issue.key) : undefined;
        const cell = fileHeader === undefined ? undefined : raw.cells[fileHeader];
        rowErrors.push({
          row: raw.rowNumber,
          column: header,
          message: issue.message,
          ...(cell === undefined || cell === null ? {} : { value: displayValue(cell, 60) }),
        });
      }
    }

    if (rowErrors.length > 0) errors.push(...rowErrors.sort((a, b) => columnOrder(spec.columns, a.column) - columnOrder(spec.columns, b.column)));
    else if (headerOk) rows.push({ rowNumber: raw.rowNumber, value: value as Row });
  }
  return { rows, errors, missingHeaders: match.missing, ignoredHeaders: match.ignored };
}

function columnOrder(columns: readonly ColumnSpec[], header: string): number {
  const i = columns.findIndex((c) => c.header === header);
  return i < 0 ? columns.length : i;
}

function cellError(row: number, column: ColumnSpec, message: string, cell: unknown): LedgerError {
  const shown = displayValue(cell, 60);
  return { row, column: column.header, message, ...(shown === '' ? {} : { value: shown }) };
}

/** One error as a line: `第5行「单位类型」：“科局”不是可选值（局/科室/街道/其他）`. */
export function formatLedgerError(e: LedgerError): string {
  return e.column ? `第${e.row}行「${e.column}」：${e.message}` : `第${e.row}行：${e.message}`;
}

/**
 * All errors as lines (see {@link formatLedgerError}). With `limit`, at most that many lines
 * followed by `……另有 N 处错误未列出`.
 */
export function formatLedgerErrors(errors: readonly LedgerError[], options: { limit?: number } = {}): string[] {
  const limit = options.limit ?? Infinity;
  const lines = errors.slice(0, limit).map(formatLedgerError);
  if (errors.length > limit) lines.push(`……另有 ${errors.length - limit} 处错误未列出`);
  return lines;
}

/** A one-line summary: `共 3 行有错误（第2、5、9行），合计 4 处。` */
export function summarizeLedgerErrors(errors: readonly LedgerError[]): string {
  if (errors.length === 0) return '没有发现错误。';
  const rows = [...new Set(errors.map((e) => e.row))].sort((a, b) => a - b);
  const shown = rows.length > 20 ? `${rows.slice(0, 20).join('、')}等` : rows.join('、');
  return `共 ${rows.length} 行有错误（第${shown}行），合计 ${errors.length} 处。`;
}
