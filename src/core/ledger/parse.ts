/**
 * Parsing a raw table against a ledger spec: header matching, every cell of every row parsed
 * and checked, every problem reported (never stopping at the first), with the row number the
 * user sees in Excel and the Chinese header of the column.
 *
 * The caller commits only when `errors` is empty: an import with any row error changes nothing.
 */
import { displayValue, isEmptyCell, moneyUnitExponent, parseCell, type CellContext } from './cells.js';
import { HEADER_SEARCH_ROWS, type RawTable, type SheetRow } from './files.js';
import { findLayout, headerMatcher, noteRowReason, type FileColumn, type SheetLayout } from './layout.js';
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
  const rows: ParsedRow<Row>[] = [];
  const parser = new LedgerParser(spec, (r) => void rows.push(r), table.sheet ? {} : { fixedHeaderIndex: 0 });
  for (const row of sheet) parser.push(row);
  const summary = parser.end();
  return {
    rows,
    errors: summary.errors,
    missingHeaders: summary.missingHeaders,
    ignoredHeaders: summary.ignoredHeaders,
    ignoredRows: summary.ignoredRows,
    headerRows: summary.headerRows,
    dataRowCount: summary.dataRowCount,
  };
}

/** Options of {@link LedgerParser}. */
export interface LedgerParserOptions {
  /** Take this row (index among the non-empty rows) as the header row, without searching. */
  fixedHeaderIndex?: number;
  /** Keep at most this many errors (the rest are only counted in `errorCount`); default: all. */
  errorLimit?: number;
}

/** What {@link LedgerParser.end} returns: everything of a {@link ParseResult} but the rows, which went to `onRow`. */
export interface ParseSummary extends Omit<ParseResult<unknown>, 'rows'> {
  /** How many errors there were (`errors` holds the first `errorLimit`). */
  errorCount: number;
  /** How many rows went to `onRow`. */
  rowCount: number;
}

/**
 * {@link parseLedger} as a stream: rows of the sheet are pushed one by one, clean data rows come
 * out through `onRow` as soon as they are known to be data. Only the top of the sheet is held
 * until the header band is found (the first {@link HEADER_SEARCH_ROWS} + 1 rows), and after that
 * only a run of rows that look like total/signature/note rows: they are data if a data row
 * follows, ignored if the file ends first — exactly what `parseLedger` does on the whole sheet.
 */
export class LedgerParser<Row> {
  private head: SheetRow[] | null = [];
  private notes: Array<{ row: SheetRow; reason: string }> = [];
  private readonly errors: LedgerError[] = [];
  private errorCount = 0;
  private rowCount = 0;
  private dataRowCount = 0;
  private readonly ignoredRows: IgnoredRow[] = [];
  private layout!: SheetLayout;
  private match!: ReturnType<typeof summarizeColumns>;
  private headerOk = false;
  private present: ColumnSpec[] = [];
  private cols: number[] = [];
  private contexts: Array<CellContext | undefined> = [];
  private readonly headerByKey: Map<string, string>;
  private readonly errorLimit: number;

  constructor(
    private readonly spec: LedgerSpec<Row>,
    private readonly onRow: (row: ParsedRow<Row>) => void,
    private readonly options: LedgerParserOptions = {},
  ) {
    this.errorLimit = options.errorLimit ?? Infinity;
    this.headerByKey = new Map(spec.columns.map((c) => [c.key, c.header] as const));
  }

  /** Whether any error has been found so far (header or row). */
  get failed(): boolean {
    return this.errorCount > 0;
  }

  /** The next non-empty row of the sheet, in order. */
  push(row: SheetRow): void {
    if (this.head) {
      this.head.push(row);
      if (this.head.length > HEADER_SEARCH_ROWS) this.start();
      return;
    }
    this.body(row);
  }

  /** The end of the sheet: trailing note rows are ignored; the summary. */
  end(): ParseSummary {
    if (this.head) this.start();
    for (const n of this.notes) this.ignoredRows.push({ row: n.row.rowNumber, reason: n.reason });
    this.notes = [];
    return {
      errors: this.errors,
      errorCount: this.errorCount,
      rowCount: this.rowCount,
      missingHeaders: this.match.missing,
      ignoredHeaders: this.match.ignored,
      ignoredRows: this.ignoredRows,
      headerRows: this.layout.bandRows,
      dataRowCount: this.dataRowCount,
    };
  }

  private error(e: LedgerError): void {
    this.errorCount += 1;
    if (this.errors.length < this.errorLimit) this.errors.push(e);
  }

  /** The header band, from the rows held so far; then those below it as body rows. */
  private start(): void {
    const head = this.head ?? [];
    this.head = null;
    const { spec } = this;
    const layout = findLayout(spec.columns, head, this.options.fixedHeaderIndex);
    this.layout = layout;
    const match = summarizeColumns(spec.columns, layout.columns);
    this.match = match;
    for (const header of match.missing) this.error({ row: layout.headerRow, column: header, message: '表头缺少此必填列，请对照模板检查列名' });
    for (const header of match.duplicated) this.error({ row: layout.headerRow, column: header, message: '表头中有多列都是此列名，请只保留一列' });
    for (const c of spec.columns) {
      const unit = match.colByKey.get(c.key)?.match?.unit;
      if (c.type === 'money' && unit !== undefined && unit.includes('元') && moneyUnitExponent(unit) === undefined) {
        this.error({
          row: layout.headerRow,
          column: c.header,
          message: `表头中的金额单位“${unit}”无法识别（应为元、千元或万元）`,
          value: match.fileHeaderByKey.get(c.key)!,
        });
      }
    }
    this.headerOk = this.errorCount === 0;
    this.present = spec.columns.filter((c) => match.colByKey.has(c.key));
    this.cols = this.present.map((c) => match.colByKey.get(c.key)!.col);
    this.contexts = this.present.map((c) => {
      const unit = match.colByKey.get(c.key)!.match!.unit;
      return unit === undefined ? {} : { unit };
    });
    this.ignoredRows.push(...layout.titleRows.map((r) => ({ row: r.rowNumber, reason: '标题行' })));
    for (const r of layout.bodyRows) this.body(r);
    layout.bodyRows = [];
    layout.titleRows = [];
  }

  /** A row below the header band: held while it may be a trailing note row, else parsed. */
  private body(row: SheetRow): void {
    const reason = noteRowReason(row, this.layout.columns);
    if (reason) {
      this.notes.push({ row, reason });
      return;
    }
    if (this.notes.length) {
      for (const n of this.notes) this.data(n.row);
      this.notes = [];
    }
    this.data(row);
  }

  private data(raw: SheetRow): void {
    const { spec, present, cols } = this;
    if (cols.every((col) => isEmptyCell(raw.cells[col]))) return;
    this.dataRowCount += 1;
    const rowErrors: LedgerError[] = [];
    const value: Record<string, CellValue | null> = {};
    for (const c of spec.columns) value[c.key] = null;
    const failed = new Set<string>();

    for (let i = 0; i < present.length; i++) {
      const c = present[i]!;
      const cell = raw.cells[cols[i]!] ?? null;
      const r = parseCell(c, cell, this.contexts[i]);
      if (r.ok) {
        value[c.key] = r.value;
      } else {
        failed.add(c.key);
        rowErrors.push(cellError(raw.rowNumber, c, r.message, cell));
      }
    }

    // Column validators see the row with every parsed value (failed cells are null).
    const loose: LooseRow = value;
    for (let i = 0; i < present.length; i++) {
      const c = present[i]!;
      const v = value[c.key];
      if (failed.has(c.key) || v === null || v === undefined || !c.validate) continue;
      const message = (c.validate as (value: CellValue, row: LooseRow) => string | undefined)(v, loose);
      if (message) rowErrors.push(cellError(raw.rowNumber, c, message, raw.cells[cols[i]!]));
    }

    if (rowErrors.length === 0 && this.headerOk && spec.checkRow) {
      for (const issue of spec.checkRow(value as Row) ?? []) {
        const header = issue.key ? (this.headerByKey.get(issue.key) ?? '') : '';
        const fc = issue.key ? this.match.colByKey.get(issue.key) : undefined;
        const cell = fc === undefined ? undefined : raw.cells[fc.col];
        rowErrors.push({
          row: raw.rowNumber,
          column: header,
          message: issue.message,
          ...(cell === undefined || cell === null ? {} : { value: displayValue(cell, 60) }),
        });
      }
    }

    if (rowErrors.length > 0) {
      for (const e of rowErrors.sort((a, b) => columnOrder(spec.columns, a.column) - columnOrder(spec.columns, b.column))) this.error(e);
    } else if (this.headerOk) {
      this.rowCount += 1;
      this.onRow({ rowNumber: raw.rowNumber, value: value as Row });
    }
  }
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
