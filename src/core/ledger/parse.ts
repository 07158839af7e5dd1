/**
 * Parsing a raw table against a ledger spec: header matching, every cell of every row parsed
 * and checked, every problem reported (never stopping at the first), with the row number the
 * user sees in Excel and the Chinese header of the column.
 *
 * The caller commits only when `errors` is empty: an import with any row error changes nothing.
 */
import { displayValue, isEmptyCell, moneyUnitExponent, parseCell, type CellContext } from './cells.js';
import type { RawTable, SheetRow } from './files.js';
import { findLayout, headerMatcher, noteRowReason, type FileColumn } from './layout.js';
import type { CellValue, ColumnSpec, LedgerSpec, LooseRow } from './spec.js';

/** One problem of an import, located by row and column. */
export interface LedgerError {
  /** Row number as seen in Excel (header problems: the header row's number). */
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

/** A non-empty row that is not data: a title above the header, a total, signature or note row after the data. */
export interface IgnoredRow {
  /** Row number as seen in Excel. */
  row: number;
  /** What the row is, in Chinese: `标题行`, `合计行`, `填表信息行` or `备注行`. */
  reason: string;
}

/** What {@link parseLedger} returns. */
export interface ParseResult<Row> {
  /** Rows without any error, in file order. Empty when a required header is missing. */
  rows: ParsedRow<Row>[];
  /** Every problem found: header problems (on the header row) first, then by row and column order. */
  errors: LedgerError[];
  /** Rows of the file that are not data and were skipped: titles above the header, totals/signatures/notes after the data. */
  ignoredRows: IgnoredRow[];
  /** Row numbers of the header band (one row, or two when a group header sits over sub-headers). */
  headerRows: number[];
  /** How many data rows were read (good or bad; ignored and wholly empty rows not counted). */
  dataRowCount: number;
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
 * Matches the file's headers to the spec's columns: equal after normalisation (spaces, line
 * breaks, full-/half-width forms, a `*` required mark before or after), else equal once a trailing
 * bracketed unit is ignored on either side (`罚款金额（元）` = `罚款金额`; see `headerMatcher`).
 */
export function matchHeaders(columns: readonly ColumnSpec[], headers: readonly string[]): HeaderMatch {
  const matcher = headerMatcher(columns);
  return summarizeColumns(
    columns,
    headers.map((header, col) => {
      const match = matcher.match(header);
      return match ? { col, header, match } : { col, header };
    }),
  );
}

function summarizeColumns(columns: readonly ColumnSpec[], fileColumns: readonly FileColumn[]): HeaderMatch & { colByKey: Map<string, FileColumn> } {
  const fileHeaderByKey = new Map<string, string>();
  const colByKey = new Map<string, FileColumn>();
  const duplicated: string[] = [];
  const ignored: string[] = [];
  for (const fc of fileColumns) {
    const column = fc.match?.column;
    if (!column) {
      if (!ignored.includes(fc.header)) ignored.push(fc.header);
    } else if (colByKey.has(column.key)) {
      if (!duplicated.includes(column.header)) duplicated.push(column.header);
    } else {
      fileHeaderByKey.set(column.key, fc.header);
      colByKey.set(column.key, fc);
    }
  }
  const missing = columns.filter((c) => c.required && !colByKey.has(c.key)).map((c) => c.header);
  return { fileHeaderByKey, colByKey, missing, duplicated, ignored };
}

/** A hand-built table (headers and rows by header, no sheet) as a sheet whose first row is the header. */
function sheetOfTable(table: RawTable): SheetRow[] {
  const headerRowNumber = Math.min(1, ...table.rows.map((r) => r.rowNumber - 1));
  return [
    { rowNumber: headerRowNumber, cells: [...table.headers] },
    ...table.rows.map((r) => ({ rowNumber: r.rowNumber, cells: table.headers.map((h) => r.cells[h] ?? null) })),
  ];
}

/**
 * Parses a raw table (from `readTable`) per a ledger spec.
 *
 * - The header row is found with the spec's headers among the first 15 non-empty rows; title rows
 *   above it and a two-row header band (a group header over sub-headers) are handled; see
 *   `findLayout`. Headers match despite stray spaces, line breaks, full-width forms, a `*` and a
 *   trailing unit; a money column's header unit 万元/千元 scales its cells.
 * - A required column missing from the header is an error on the header row naming the header;
 *   rows are then still checked for the columns that are present, but none is returned.
 * - Extra columns are ignored; column order is free.
 * - Total, signature and note rows after the last data row (合计, 填表人：…, 备注：…, a single
 *   merged cell) are skipped and listed in `ignoredRows`, as are title rows above the header; such
 *   a row between data rows is parsed as data (and reported if bad).
 * - Each cell is parsed per its column type; an empty optional cell is `null`; an empty required
 *   cell, an unknown enum value, an impossible date, a wrong check digit… is an error.
 * - Column `validate` hooks run on cells that parsed, then the spec's `checkRow` on rows with no error.
 */
export function parseLedger<Row>(spec: LedgerSpec<Row>, table: RawTable): ParseResult<Row> {
  const sheet = table.sheet ?? sheetOfTable(table);
  const layout = findLayout(spec.columns, sheet, table.sheet ? undefined : 0);
  const match = summarizeColumns(spec.columns, layout.columns);
  const errors: LedgerError[] = [];
  for (const header of match.missing) {
    errors.push({ row: layout.headerRow, column: header, message: '表头缺少此必填列，请对照模板检查列名' });
  }
  for (const header of match.duplicated) {
    errors.push({ row: layout.headerRow, column: header, message: '表头中有多列都是此列名，请只保留一列' });
  }
  for (const c of spec.columns) {
    const unit = match.colByKey.get(c.key)?.match?.unit;
    if (c.type === 'money' && unit !== undefined && unit.includes('元') && moneyUnitExponent(unit) === undefined) {
      errors.push({
        row: layout.headerRow,
        column: c.header,
        message: `表头中的金额单位“${unit}”无法识别（应为元、千元或万元）`,
        value: match.fileHeaderByKey.get(c.key)!,
      });
    }
  }
  const headerOk = errors.length === 0;
  const present = spec.columns.filter((c) => match.colByKey.has(c.key));
  const headerByKey = new Map(spec.columns.map((c) => [c.key, c.header] as const));
  const colOf = (key: string) => match.colByKey.get(key)!.col;
  const contextOf = new Map<string, CellContext>(
    present.map((c) => {
      const unit = match.colByKey.get(c.key)!.match!.unit;
      return [c.key, unit === undefined ? {} : { unit }] as const;
    }),
  );

  const ignoredRows: IgnoredRow[] = layout.titleRows.map((r) => ({ row: r.rowNumber, reason: '标题行' }));
  // Trailing total/signature/note rows: only after the last data row.
  let end = layout.bodyRows.length;
  const trailing: IgnoredRow[] = [];
  while (end > 0) {
    const reason = noteRowReason(layout.bodyRows[end - 1]!, layout.columns);
    if (!reason) break;
    trailing.unshift({ row: layout.bodyRows[end - 1]!.rowNumber, reason });
    end -= 1;
  }
  ignoredRows.push(...trailing);

  const rows: ParsedRow<Row>[] = [];
  let dataRowCount = 0;
  for (const raw of layout.bodyRows.slice(0, end)) {
    if (present.every((c) => isEmptyCell(raw.cells[colOf(c.key)]))) continue;
    dataRowCount += 1;
    const rowErrors: LedgerError[] = [];
    const value: Record<string, CellValue | null> = {};
    for (const c of spec.columns) value[c.key] = null;
    const failed = new Set<string>();

    for (const c of present) {
      const cell = raw.cells[colOf(c.key)] ?? null;
      const r = parseCell(c, cell, contextOf.get(c.key));
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
      if (message) rowErrors.push(cellError(raw.rowNumber, c, message, raw.cells[colOf(c.key)]));
    }

    if (rowErrors.length === 0 && headerOk && spec.checkRow) {
      for (const issue of spec.checkRow(value as Row) ?? []) {
        const header = issue.key ? (headerByKey.get(issue.key) ?? '') : '';
        const fc = issue.key ? match.colByKey.get(issue.key) : undefined;
        const cell = fc === undefined ? undefined : raw.cells[fc.col];
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
  return {
    rows,
    errors,
    missingHeaders: match.missing,
    ignoredHeaders: match.ignored,
    ignoredRows,
    headerRows: layout.bandRows,
    dataRowCount,
  };
}

/** One ignored row as a line: `第12行为备注行，已忽略`. */
export function formatIgnoredRow(r: IgnoredRow): string {
  return `第${r.row}行为${r.reason}，已忽略`;
}

/** All ignored rows as lines (see {@link formatIgnoredRow}). */
export function formatIgnoredRows(rows: readonly IgnoredRow[]): string[] {
  return rows.map(formatIgnoredRow);
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
