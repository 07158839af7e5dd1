/**
 * Reading ledger files into a raw table: `.xlsx` (first worksheet) and
 * `.csv` (UTF-8 with or without BOM, GB18030 as saved by Excel on a Chinese Windows, and
 * UTF-16 "Unicode text"). Cells come out as plain values — string, number, boolean, Date
 * or null — for `parseLedger` to interpret per column.
 */
import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue } from 'exceljs';
import { parse as parseCsvSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../errors.js';
import { cleanText, isEmptyCell, rawCellText } from './cells.js';

/** One data row of a raw table. */
export interface RawRow {
  /** The row number as seen in Excel. */
  rowNumber: number;
  /** Cells by header (trimmed, as written in the file). Values: string | number | boolean | Date | null. */
  cells: Record<string, unknown>;
}

/**
 * How a cell of a merged range relates to the range's master cell (exceljs gives every cell of a
 * merged range the master's value): `'left'` — the master is to the left in the same row (a
 * horizontal merge, e.g. a title or a group header); `'above'` — the master is in a row above (a
 * vertical merge, e.g. a header spanning both rows of a header band, or a value merged down).
 */
export type MergeCopy = 'left' | 'above';

/** One non-empty row of the sheet as read, before anything is known about its header. */
export interface SheetRow {
  /** The row number as seen in Excel (or the line's record number in a CSV). */
  rowNumber: number;
  /** Cells by 0-based column (index 0 = column A): string | number | boolean | Date | null. */
  cells: unknown[];
  /** Per cell, whether it is a copy of a merged range's master (xlsx only; absent when none). */
  merged?: Array<MergeCopy | undefined>;
}

/**
 * A file read as a table.
 *
 * `sheet` is every non-empty row as read; `parseLedger` finds the header band in it with the
 * spec's headers (title rows, a two-row header band and trailing note rows are handled there).
 * `headers` and `rows` are a spec-free reading for callers that do not know the ledger: the
 * header row is guessed as the first of the top rows with the most cells, and the rows below it
 * are given by header. They are computed on first access. A table built by hand (tests) may
 * give only `headers` and `rows`; `parseLedger` then takes `headers` as row 1.
 */
export interface RawTable {
  /** Non-empty headers of the (guessed) header row, trimmed, in column order (duplicates kept). */
  headers: string[];
  /** Non-empty rows below the (guessed) header row, cells by header. */
  rows: RawRow[];
  /** The sheet as read (absent in a table built by hand). */
  sheet?: readonly SheetRow[];
}

/** How many non-empty rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 15;

/** Codes of the errors {@link readTable} throws. */
export type LedgerFileErrorCode =
  | 'LEDGER_FILE_UNSUPPORTED'
  | 'LEDGER_FILE_UNREADABLE'
  | 'LEDGER_FILE_EMPTY'
  | 'LEDGER_FILE_TOO_LARGE';

/** A file that cannot be read as a ledger at all (as opposed to bad rows, which are reported, not thrown). */
export class LedgerFileError extends AppError {
  declare readonly code: LedgerFileErrorCode;
  constructor(code: LedgerFileErrorCode, message: string) {
    super(code, message, 400, 'file');
    this.name = 'LedgerFileError';
  }
}

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Most data rows accepted (default 1 000 000); more is an error, so an import is never silently cut. */
  maxRows?: number;
}

/** Which reader a file needs: by content first (a zip is an xlsx), by extension second. */
export type TableFileKind = 'xlsx' | 'csv';

/** Default of {@link ReadTableOptions.maxRows}. */
export const DEFAULT_MAX_ROWS = 1_000_000;

function extensionOf(filename: string): string {
  const m = /\.([^.\\/]+)$/.exec(filename.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Decides how to read a file.
 * @throws LedgerFileError `LEDGER_FILE_UNSUPPORTED` for .xls, .et, .wps, .numbers and anything else.
 */
export function tableFileKind(buffer: Buffer, filename: string): TableFileKind {
  const ext = extensionOf(filename);
  const isZip = buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
  const isOle = buffer.length >= 8 && buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  if (ext === 'xlsx' || ext === 'xlsm') {
    if (isOle) {
      throw new LedgerFileError('LEDGER_FILE_UNREADABLE', '无法读取该 Excel 文件：文件设有打开密码，或实际是旧版 .xls 格式。请去掉密码，或在 Excel 中“另存为”.xlsx 后再导入');
    }
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt') return isZip ? 'xlsx' : 'csv';
  if (ext === 'xls' || ext === 'et' || isOle) {
    throw new LedgerFileError('LEDGER_FILE_UNSUPPORTED', '不支持旧版 Excel（.xls）或 WPS（.et）格式，请在 Excel 或 WPS 中“另存为”.xlsx 或 CSV 后再导入');
  }
  if (isZip) return 'xlsx';
  throw new LedgerFileError('LEDGER_FILE_UNSUPPORTED', `不支持的文件类型${ext ? `“.${ext}”` : ''}：请导入 .xlsx 或 .csv 文件`);
}

/**
 * Reads an uploaded ledger file into a raw table (see {@link RawTable}). Wholly empty rows are
 * dropped (row numbers stay those of the file). The header row need not be row 1: `parseLedger`
 * finds it among the first {@link HEADER_SEARCH_ROWS} non-empty rows.
 *
 * - `.xlsx`: first worksheet; rich text, formula results and hyperlinks unwrapped to plain
 *   values; date cells come as `Date` (UTC fields = the date shown); error cells as `'#N/A'` etc.;
 *   every cell of a merged range holds the master's value, marked in `SheetRow.merged`.
 * - `.csv`: encoding detected (see {@link decodeCsv}); quoted fields may hold commas and newlines;
 *   a record spanning several lines is one row, as in Excel.
 *
 * @throws LedgerFileError when the file type is unsupported, the file cannot be read, holds
 *   nothing, or has more than `maxRows` rows below its header.
 */
export async function readTable(buffer: Buffer, filename: string, options: ReadTableOptions = {}): Promise<RawTable> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const kind = tableFileKind(buffer, filename);
  // Stop reading well past the limit (the header is among the first rows), so a huge file fails fast.
  const readLimit = maxRows + HEADER_SEARCH_ROWS + 1;
  const sheet = kind === 'xlsx' ? await readXlsxSheet(buffer, readLimit) : readCsvSheet(buffer);
  if (sheet.length === 0) {
    throw new LedgerFileError('LEDGER_FILE_EMPTY', '文件中没有任何内容：请在表头（列名，如模板所示）下填写数据后再导入');
  }
  const headerIndex = guessHeaderIndex(sheet);
  if (sheet.length - headerIndex - 1 > maxRows) {
    throw new LedgerFileError('LEDGER_FILE_TOO_LARGE', `文件数据超过${maxRows}行，请拆分为多个文件分批导入`);
  }
  return tableOfSheet(sheet, headerIndex);
}

/** True when a cell is a horizontal copy of a merged master to its left. */
function isLeftCopy(row: SheetRow, col: number): boolean {
  return row.merged?.[col] === 'left';
}

/** A cell that could be a header: text that is not a number. */
function isHeaderLike(v: unknown): boolean {
  return typeof v === 'string' && !isEmptyCell(v) && !/^[\s\d.,:/-]+$/.test(v);
}

/**
 * Spec-free guess of the header row: among the first {@link HEADER_SEARCH_ROWS} rows, the first
 * with the most text cells that are not numbers (horizontal merge copies not counted, so a
 * merged title loses).
 * @returns its index in `sheet`.
 */
export function guessHeaderIndex(sheet: readonly SheetRow[]): number {
  let best = 0;
  let bestCount = -1;
  sheet.slice(0, HEADER_SEARCH_ROWS).forEach((row, i) => {
    const count = row.cells.filter((v, col) => isHeaderLike(v) && !isLeftCopy(row, col)).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}

/** A RawTable over a sheet whose `headers` and `rows` (the spec-free view) are computed on first use. */
function tableOfSheet(sheet: readonly SheetRow[], headerIndex: number): RawTable {
  let view: { headers: string[]; rows: RawRow[] } | undefined;
  const compute = () => (view ??= spreadByHeader(sheet, headerIndex));
  const table = { sheet } as RawTable;
  Object.defineProperty(table, 'headers', { enumerable: true, get: () => compute().headers });
  Object.defineProperty(table, 'rows', { enumerable: true, get: () => compute().rows });
  return table;
}

function spreadByHeader(sheet: readonly SheetRow[], headerIndex: number): { headers: string[]; rows: RawRow[] } {
  const headerRow = sheet[headerIndex];
  const columns: Array<{ col: number; header: string }> = [];
  headerRow?.cells.forEach((raw, col) => {
    const header = rawCellText(raw);
    if (header !== '') columns.push({ col, header });
  });
  const rows: RawRow[] = [];
  for (const r of sheet.slice(headerIndex + 1)) {
    const cells: Record<string, unknown> = {};
    let empty = true;
    for (const { col, header } of columns) {
      if (Object.hasOwn(cells, header)) continue; // duplicate header: the first column wins (parseLedger reports it)
      const v = r.cells[col] ?? null;
      cells[header] = v;
      if (!isEmptyCell(v)) empty = false;
    }
    if (!empty) rows.push({ rowNumber: r.rowNumber, cells });
  }
  return { headers: columns.map((c) => c.header), rows };
}

// ---------------------------------------------------------------------------
// xlsx

/**
 * An exceljs cell value as a plain value: rich text → its text, formula → its cached result,
 * hyperlink → its text, error → its code (`'#N/A'`), empty → null.
 */
export function unwrapExcelValue(v: ExcelCellValue | unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      return (o.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    }
    if ('formula' in o || 'sharedFormula' in o) return unwrapExcelValue(o.result);
    if ('hyperlink' in o || 'text' in o) return unwrapExcelValue(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

async function readXlsxSheet(buffer: Buffer, readLimit: number): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new LedgerFileError('LEDGER_FILE_UNREADABLE', '无法读取该 Excel 文件，文件可能已损坏。请在 Excel 中打开后“另存为”.xlsx 再导入');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new LedgerFileError('LEDGER_FILE_EMPTY', 'Excel 文件中没有工作表');
  const out: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (out.length > readLimit) return;
    const cells: unknown[] = [];
    let merged: Array<MergeCopy | undefined> | undefined;
    let empty = true;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const v = unwrapExcelValue(cell.value);
      cells[col - 1] = v;
      if (!isEmptyCell(v)) empty = false;
      if (cell.isMerged && cell.master !== cell) {
        merged ??= [];
        merged[col - 1] = Number(cell.master.row) === rowNumber ? 'left' : 'above';
      }
    });
    if (empty) return;
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
    out.push(merged ? { rowNumber, cells, merged } : { rowNumber, cells });
  });
  return out;
}

// ---------------------------------------------------------------------------
// csv

/** Encodings {@link decodeCsv} recognises. */
export type CsvEncoding = 'utf8-bom' | 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

/**
 * Decodes a CSV file: a BOM decides (UTF-8, UTF-16 LE/BE); otherwise valid UTF-8 is UTF-8;
 * otherwise GB18030 (a superset of GBK and GB2312 — what Excel on a Chinese Windows writes).
 */
export function decodeCsv(buffer: Buffer): { text: string; encoding: CsvEncoding } {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf8-bom' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { text: iconv.decode(buffer.subarray(2), 'utf16le'), encoding: 'utf16le' };
  }
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { text: iconv.decode(buffer.subarray(2), 'utf16be'), encoding: 'utf16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'utf8' };
  } catch {
    return { text: iconv.decode(buffer, 'gb18030'), encoding: 'gb18030' };
  }
}

/** Comma, unless the top lines (title rows, header) hold more tabs than commas (Excel's “Unicode 文本” export). */
function detectDelimiter(text: string): string {
  const top = text.split(/\r?\n/, 20).join('\n');
  const tabs = top.split('\t').length - 1;
  const commas = top.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

function readCsvSheet(buffer: Buffer): SheetRow[] {
  const { text } = decodeCsv(buffer);
  let records: string[][];
  try {
    records = parseCsvSync(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? `（约第${(e as { lines: number }).lines}行）` : '';
    throw new LedgerFileError('LEDGER_FILE_UNREADABLE', `CSV 文件格式有误${line}：可能有未闭合的引号。请在 Excel 中打开后重新保存为 CSV 再导入`);
  }
  const out: SheetRow[] = [];
  records.forEach((rec, i) => {
    const cells = rec.map((v) => (cleanText(v) === '' ? null : v));
    if (cells.some((v) => v !== null)) out.push({ rowNumber: i + 1, cells });
  });
  return out;
}
