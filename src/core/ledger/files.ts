/**
 * Reading ledger files into a raw table: `.xlsx` (first worksheet, headers in row 1) and
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
  /** The row number as seen in Excel: the header row is 1, the first data row is 2. */
  rowNumber: number;
  /** Cells by header (trimmed, as written in the file). Values: string | number | boolean | Date | null. */
  cells: Record<string, unknown>;
}

/** A file read as a table: its header row and its non-empty data rows. */
export interface RawTable {
  /** Non-empty headers of row 1, trimmed, in column order (duplicates kept, so they can be reported). */
  headers: string[];
  rows: RawRow[];
}

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
  /** Most data rows accepted (default 100 000); more is an error, so an import is never silently cut. */
  maxRows?: number;
}

/** Which reader a file needs: by content first (a zip is an xlsx), by extension second. */
export type TableFileKind = 'xlsx' | 'csv';

const DEFAULT_MAX_ROWS = 100_000;

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
 * Reads an uploaded ledger file into a raw table. Wholly empty rows are skipped (row numbers
 * stay those of the file); cells of columns without a header are ignored.
 *
 * - `.xlsx`: first worksheet; rich text, formula results and hyperlinks unwrapped to plain
 *   values; date cells come as `Date` (UTC fields = the date shown); error cells as `'#N/A'` etc.
 * - `.csv`: encoding detected (see {@link decodeCsv}); quoted fields may hold commas and newlines;
 *   a record spanning several lines is one row, as in Excel.
 *
 * @throws LedgerFileError when the file type is unsupported, the file cannot be read, has no
 *   header row, or has more rows than `maxRows`.
 */
export async function readTable(buffer: Buffer, filename: string, options: ReadTableOptions = {}): Promise<RawTable> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const kind = tableFileKind(buffer, filename);
  const grid = kind === 'xlsx' ? await readXlsxGrid(buffer) : readCsvGrid(buffer);
  return gridToTable(grid, maxRows);
}

/** A sheet as (row number, cells by 1-based column) pairs, in row order. */
type Grid = Array<{ rowNumber: number; cells: Map<number, unknown> }>;

function gridToTable(grid: Grid, maxRows: number): RawTable {
  const headerRow = grid.find((r) => r.rowNumber === 1);
  const columns: Array<{ col: number; header: string }> = [];
  if (headerRow) {
    for (const [col, raw] of [...headerRow.cells.entries()].sort((a, b) => a[0] - b[0])) {
      const header = rawCellText(raw);
      if (header !== '') columns.push({ col, header });
    }
  }
  if (columns.length === 0) {
    throw new LedgerFileError('LEDGER_FILE_EMPTY', '文件第1行没有表头：请把列名（如模板所示）放在第1行');
  }
  const rows: RawRow[] = [];
  for (const r of grid) {
    if (r.rowNumber === 1) continue;
    const cells: Record<string, unknown> = {};
    let empty = true;
    for (const { col, header } of columns) {
      if (Object.hasOwn(cells, header)) continue; // duplicate header: the first column wins (parseLedger reports it)
      const v = r.cells.get(col) ?? null;
      cells[header] = v;
      if (!isEmptyCell(v)) empty = false;
    }
    if (empty) continue;
    if (rows.length >= maxRows) {
      throw new LedgerFileError('LEDGER_FILE_TOO_LARGE', `文件数据超过${maxRows}行，请拆分为多个文件分批导入`);
    }
    rows.push({ rowNumber: r.rowNumber, cells });
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

async function readXlsxGrid(buffer: Buffer): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new LedgerFileError('LEDGER_FILE_UNREADABLE', '无法读取该 Excel 文件，文件可能已损坏。请在 Excel 中打开后“另存为”.xlsx 再导入');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new LedgerFileError('LEDGER_FILE_EMPTY', 'Excel 文件中没有工作表');
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, unknown>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells.set(col, unwrapExcelValue(cell.value));
    });
    grid.push({ rowNumber, cells });
  });
  return grid;
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

/** Comma, unless the header line is tab-separated (Excel's “Unicode 文本” export). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

function readCsvGrid(buffer: Buffer): Grid {
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
  return records.map((rec, i) => {
    const cells = new Map<number, unknown>();
    rec.forEach((v, j) => {
      if (cleanText(v) !== '') cells.set(j + 1, v);
    });
    return { rowNumber: i + 1, cells };
  });
}
