/**
 * Reading ledger files into a raw table: `.xlsx` (first worksheet) and
 * `.csv` (UTF-8 with or without BOM, GB18030 as saved by Excel on a Chinese Windows, and
 * UTF-16 "Unicode text"). Cells come out as plain values — string, number, boolean, Date
 * or null — for `parseLedger` to interpret per column.
 */
import { isUtf8 } from 'node:buffer';
import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';
import yauzl from 'yauzl';
import type { CellValue as ExcelCellValue } from 'exceljs';
import { parse as parseCsvStream } from 'csv-parse';
import { parse as parseCsvSync } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../errors.js';
import { cleanText, isEmptyCell, rawCellText } from './cells.js';
import { byteText, columnLetters, SHEET_LIMITS, type SheetLimit, type SheetLimits } from './limits.js';
import { readInWorker } from './readerPool.js';

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
export type LedgerFileErrorCode = 'LEDGER_FILE_UNSUPPORTED' | 'LEDGER_FILE_UNREADABLE' | 'LEDGER_FILE_EMPTY' | 'LEDGER_FILE_TOO_LARGE' | 'LEDGER_FILE_BAD_TEXT';

/** Where a file met a limit (or held a character PostgreSQL cannot store): in `LedgerFileError.details`. */
export interface LedgerFileErrorDetails {
  /** The limit met (see `limits.ts`); absent for `LEDGER_FILE_BAD_TEXT`. */
  limit?: SheetLimit;
  /** The limit's value. */
  max?: number;
  /** The row (as numbered in Excel, or the CSV record) at fault, where there is one. */
  row?: number;
  /** The column (Excel letters) at fault, where there is one. */
  column?: string;
}

/**
 * A file that cannot be read as a ledger at all (as opposed to bad rows, which are reported, not
 * thrown). A file over a limit (`LEDGER_FILE_TOO_LARGE`) is a 413, anything else a 400.
 */
export class LedgerFileError extends AppError {
  declare readonly code: LedgerFileErrorCode;
  declare readonly details: LedgerFileErrorDetails | undefined;
  constructor(code: LedgerFileErrorCode, message: string, details?: LedgerFileErrorDetails) {
    super(code, message, code === 'LEDGER_FILE_TOO_LARGE' ? 413 : 400, { field: 'file', details });
    this.name = 'LedgerFileError';
  }
}

/** A file over one of the limits of `limits.ts`. */
function overLimit(limit: SheetLimit, max: number, message: string, where: { row?: number; column?: string } = {}): LedgerFileError {
  return new LedgerFileError('LEDGER_FILE_TOO_LARGE', message, { limit, max, ...where });
}

/** Options of {@link readTable}. */
export interface ReadTableOptions {
  /** Most data rows accepted (default 1 000 000); more is an error, so an import is never silently cut. */
  maxRows?: number;
  /** Lower limits than {@link SHEET_LIMITS} (tests). */
  limits?: Partial<SheetLimits>;
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
      throw new LedgerFileError(
        'LEDGER_FILE_UNREADABLE',
        '无法读取该 Excel 文件：文件设有打开密码，或实际是旧版 .xls 格式。请去掉密码，或在 Excel 中“另存为”.xlsx 后再导入',
      );
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
  const sheet: SheetRow[] = [];
  for await (const row of readSheetRows(buffer, filename, options)) sheet.push(row);
  return tableOfSheet(sheet, guessHeaderIndex(sheet));
}

/**
 * Streams the non-empty rows of an uploaded ledger file, in order — what {@link readTable}
 * collects, without holding the sheet: `.xlsx` through exceljs's streaming reader (first
 * worksheet; merged ranges found in a first pass over the sheet's XML, so every cell of a range
 * holds the master's value, as exceljs's full load gives it), `.csv` decoded and parsed as a
 * stream. The `maxRows` cap is enforced while reading: the (spec-free) header row is guessed on
 * the first {@link HEADER_SEARCH_ROWS} rows, and the stream fails as soon as more than `maxRows`
 * rows follow it.
 *
 * The reading — inflating, XML/CSV parsing and every limit of `limits.ts` — runs in a worker
 * thread (`readWorker.ts`, with a capped heap), which sends the rows back in batches and waits
 * while the consumer is behind: the thread that calls this stays free to answer other requests.
 * Ending the iteration early (`return()`, or a `break` out of `for await`) stops the worker.
 *
 * @throws LedgerFileError (from the iteration) when the file type is unsupported, the file cannot
 *   be read, holds nothing, has more than `maxRows` rows below its header, meets a limit of
 *   `limits.ts` (`LEDGER_FILE_TOO_LARGE`, naming the limit and where), or holds a NUL or a lone
 *   surrogate in a cell (`LEDGER_FILE_BAD_TEXT`, naming the row and column).
 */
export async function* readSheetRows(buffer: Buffer, filename: string, options: ReadTableOptions = {}): AsyncGenerator<SheetRow, void, undefined> {
  tableFileKind(buffer, filename); // an unsupported type is refused here, without a worker
  yield* readInWorker(buffer, filename, options);
}

/**
 * {@link readSheetRows} on the calling thread: what the reader worker runs. Not for request
 * handlers (a hostile file keeps the thread busy while it is refused).
 */
export async function* readSheetRowsHere(buffer: Buffer, filename: string, options: ReadTableOptions = {}): AsyncGenerator<SheetRow, void, undefined> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const limits: SheetLimits = { ...SHEET_LIMITS, ...options.limits };
  const kind = tableFileKind(buffer, filename);
  const source = kind === 'xlsx' ? xlsxRows(buffer, limits) : csvRows(buffer, limits);
  const head: SheetRow[] = [];
  let headerIndex = -1;
  let count = 0;
  const tooLarge = () => overLimit('rows', maxRows, `文件数据超过${maxRows}行，请拆分为多个文件分批导入`);
  for await (const row of source) {
    checkRow(row, limits);
    count += 1;
    if (headerIndex < 0) {
      head.push(row);
      if (head.length < HEADER_SEARCH_ROWS) continue;
      headerIndex = guessHeaderIndex(head);
      if (count - headerIndex - 1 > maxRows) throw tooLarge();
      yield* head;
      head.length = 0;
      continue;
    }
    if (count - headerIndex - 1 > maxRows) throw tooLarge();
    yield row;
  }
  if (headerIndex < 0) {
    if (head.length === 0) {
      throw new LedgerFileError('LEDGER_FILE_EMPTY', '文件中没有任何内容：请在表头（列名，如模板所示）下填写数据后再导入');
    }
    if (head.length - guessHeaderIndex(head) - 1 > maxRows) throw tooLarge();
    yield* head;
  }
}

/** A NUL or a lone UTF-16 surrogate: PostgreSQL can store neither (as the kernel's input guard). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is what this guard looks for
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses a row with a cell longer than Excel allows, a value beyond the column limit, or a NUL or
 * lone surrogate in a cell — naming the row and the column.
 */
function checkRow(row: SheetRow, limits: SheetLimits): void {
  const { cells, rowNumber } = row;
  for (let i = cells.length - 1; i >= limits.columns; i--) {
    if (isEmptyCell(cells[i])) continue;
    const column = columnLetters(i + 1);
    throw overLimit(
      'columns',
      limits.columns,
      `第${rowNumber}行第${column}列（第${i + 1}列）有数据，超过每行${limits.columns}列的上限：请删去表格右侧多余的列后再导入`,
      { row: rowNumber, column },
    );
  }
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v !== 'string') continue;
    const column = columnLetters(i + 1);
    if (v.length > limits.cellChars) {
      throw overLimit(
        'cellChars',
        limits.cellChars,
        `第${rowNumber}行${column}列的内容有${v.length}个字符，超过单元格上限${limits.cellChars}个字符（Excel 的上限）`,
        { row: rowNumber, column },
      );
    }
    if (BAD_TEXT.test(v)) {
      throw new LedgerFileError('LEDGER_FILE_BAD_TEXT', `第${rowNumber}行${column}列含有不允许的字符（空字符或不完整的 Unicode 字符），请删除后再导入`, {
        row: rowNumber,
        column,
      });
    }
  }
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

/**
 * The sheet as exceljs's full load gives it (the whole workbook model in memory): the reference
 * the streaming reader is tested against; not used by imports.
 */
export async function readXlsxSheetLoaded(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new LedgerFileError('LEDGER_FILE_UNREADABLE', '无法读取该 Excel 文件，文件可能已损坏。请在 Excel 中打开后“另存为”.xlsx 再导入');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new LedgerFileError('LEDGER_FILE_EMPTY', 'Excel 文件中没有工作表');
  const out: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
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

/** A merged range of the sheet, 1-based and inclusive. */
interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** An xlsx opened for reading under the limits: its central directory read, no part inflated yet. */
interface XlsxZip {
  zip: yauzl.ZipFile;
  /** The entries by name, in the order of the central directory. */
  entries: Map<string, yauzl.Entry>;
  limits: SheetLimits;
  /** Bytes inflated so far by {@link inflate} with `count: true` (the parts read). */
  inflated: number;
}

const xlsxUnreadable = () => new LedgerFileError('LEDGER_FILE_UNREADABLE', '无法读取该 Excel 文件，文件可能已损坏。请在 Excel 中打开后“另存为”.xlsx 再导入');

/**
 * Opens an xlsx (a zip) from its central directory — zip64 included — and refuses, before
 * anything is inflated, more than `limits.zipEntries` entries.
 */
async function openXlsx(buffer: Buffer, limits: SheetLimits): Promise<XlsxZip> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw xlsxUnreadable();
  }
  if (zip.entryCount > limits.zipEntries) {
    zip.close();
    throw overLimit(
      'zipEntries',
      limits.zipEntries,
      `Excel 文件内含${zip.entryCount}个压缩条目，超过上限${limits.zipEntries}个：文件可能已损坏或被人为构造，请在 Excel 中“另存为”.xlsx 再导入`,
    );
  }
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      if (!entries.has(e.fileName)) entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', () => reject(xlsxUnreadable()));
    zip.readEntry();
  });
  return { zip, entries, limits, inflated: 0 };
}

/**
 * A part of the xlsx, inflated as a stream under the limits: its declared size is checked first,
 * then the bytes actually inflated (a declared size can lie; yauzl also fails a part that inflates
 * to more than it declares), and the stream fails as soon as a limit is crossed — the part's own
 * size, its compression ratio (past the grace bytes), or, with `count`, the total of the parts read.
 */
async function inflate(x: XlsxZip, entry: yauzl.Entry, count: boolean): Promise<Readable> {
  const { limits } = x;
  const name = entry.fileName;
  const tooBig = (size: number) =>
    overLimit(
      'zipEntryBytes',
      limits.zipEntryBytes,
      `Excel 文件中的“${name}”解压后超过${byteText(limits.zipEntryBytes)}（${size > limits.zipEntryBytes ? byteText(size) : '读取时测得'}），超过单个部件的上限：请拆分为多个文件分批导入`,
    );
  const ratioCap = Math.max(limits.zipRatioGraceBytes, limits.zipRatio * entry.compressedSize);
  const bomb = () =>
    overLimit(
      'zipRatio',
      limits.zipRatio,
      `Excel 文件中的“${name}”压缩比超过${limits.zipRatio}倍（压缩后${byteText(entry.compressedSize)}，解压后超过${byteText(ratioCap)}），不像正常的表格文件（疑似“压缩炸弹”），已拒绝`,
    );
  const tooBigTotal = () =>
    overLimit('zipTotalBytes', limits.zipTotalBytes, `Excel 文件解压后的内容超过${byteText(limits.zipTotalBytes)}的上限：请拆分为多个文件分批导入`);
  if (entry.uncompressedSize > limits.zipEntryBytes) throw tooBig(entry.uncompressedSize);
  if (entry.uncompressedSize > ratioCap) throw bomb();
  if (count && x.inflated + entry.uncompressedSize > limits.zipTotalBytes) throw tooBigTotal();
  let raw: Readable;
  try {
    raw = await x.zip.openReadStreamPromise(entry);
  } catch {
    throw xlsxUnreadable();
  }
  let n = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _enc, done) {
      n += chunk.length;
      if (count) x.inflated += chunk.length;
      const e = n > limits.zipEntryBytes ? tooBig(n) : n > ratioCap ? bomb() : count && x.inflated > limits.zipTotalBytes ? tooBigTotal() : null;
      if (e) {
        raw.unpipe(counted);
        raw.destroy();
        done(e);
      } else done(null, chunk);
    },
  });
  raw.on('error', (e: Error) =>
    counted.destroy(
      /too many bytes/.test(e.message)
        ? new LedgerFileError(
            'LEDGER_FILE_UNREADABLE',
            `Excel 文件中的“${name}”解压后比文件记录的大小（${entry.uncompressedSize}字节）更大：文件已损坏或被人为构造（疑似“压缩炸弹”），已拒绝`,
          )
        : xlsxUnreadable(),
    ),
  );
  return raw.pipe(counted);
}

/** The first worksheet's part (as exceljs's reader took it: the first `sheetN.xml` in the zip). */
function firstSheetEntry(x: XlsxZip): yauzl.Entry | undefined {
  for (const [name, e] of x.entries) if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return e;
  return undefined;
}

/**
 * The merged ranges of the first worksheet. `<mergeCells>` follows `<sheetData>` in the sheet's
 * XML, so they are found in a first pass: the sheet is inflated as a stream (under the part's
 * limits) and scanned for `<mergeCell ref=…>` (no XML parsing, nothing kept but the ranges).
 */
async function xlsxMerges(x: XlsxZip, entry: yauzl.Entry): Promise<MergeRange[]> {
  const refs = new Set<string>();
  const re = /<mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  let tail = '';
  for await (const chunk of await inflate(x, entry, false)) {
    const text = tail + (chunk as Buffer).toString('latin1');
    if (text.includes('<mergeCell')) for (const m of text.matchAll(re)) refs.add(`${m[1]}${m[2]}:${m[3]}${m[4]}`);
    tail = text.slice(-256);
  }
  return [...refs]
    .map((ref) => {
      const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref)!;
      const [a, b] = [columnNumber(m[1]!), columnNumber(m[3]!)];
      const [r1, r2] = [Number(m[2]), Number(m[4])];
      return { top: Math.min(r1, r2), left: Math.min(a, b), bottom: Math.max(r1, r2), right: Math.max(a, b) };
    })
    .sort((x, y) => x.top - y.top || x.left - y.left);
}

/** Applies the merged ranges to the rows of a sheet as they stream by (masters' values copied, copies marked). */
class MergeApplier {
  private next = 0;
  private readonly active: Array<{ range: MergeRange; master: unknown }> = [];
  constructor(private readonly ranges: readonly MergeRange[]) {}

  /** The last row any range covers (rows up to it may exist only through a merge). */
  get lastRow(): number {
    return this.ranges.reduce((n, r) => Math.max(n, r.bottom), 0);
  }

  /** Whether row `r` is covered by a range (after {@link apply} for the rows before it). */
  covers(r: number): boolean {
    this.activate(r);
    return this.active.some((a) => a.range.top <= r && a.range.bottom >= r);
  }

  private activate(r: number): void {
    while (this.next < this.ranges.length && this.ranges[this.next]!.top <= r) this.active.push({ range: this.ranges[this.next++]!, master: null });
    for (let i = this.active.length - 1; i >= 0; i--) if (this.active[i]!.range.bottom < r) this.active.splice(i, 1);
  }

  /** Fills the copies of row `r` (cells by 0-based column) and returns their marks, if any. */
  apply(r: number, cells: unknown[]): Array<MergeCopy | undefined> | undefined {
    if (!this.ranges.length) return undefined;
    this.activate(r);
    let merged: Array<MergeCopy | undefined> | undefined;
    for (const a of this.active) {
      const { top, left, bottom, right } = a.range;
      if (r < top || r > bottom) continue;
      if (r === top) a.master = cells[left - 1] ?? null;
      for (let col = left; col <= right; col++) {
        if (r === top && col === left) continue;
        cells[col - 1] = a.master;
        merged ??= [];
        merged[col - 1] = r === top ? 'left' : 'above';
      }
    }
    return merged;
  }
}

/**
 * A copy of a string that shares nothing with the text it was cut from. A value the XML parser
 * gives is a slice of a whole chunk of the sheet's XML, and V8 keeps the chunk alive as long as
 * the slice: a key kept for the duplicate check would pin the sheet, chunk by chunk.
 */
function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

const ERROR_CELL = /(<c\b[^>]*?\st=)"e"/g;

/** The last cell reference (`r="B7"`) in a piece of sheet XML. */
const CELL_REF = /<c\b[^>]*?\sr="([A-Z]+)(\d+)"/g;

/**
 * The sheet's XML with error cells (`t="e"`) read as text cells: exceljs's streaming reader
 * would turn a formula's cached error (`#N/A`) into `NaN`; as text it keeps the code, as the
 * full load does. Chunks are cut before the last `<` (or, after a whole tag, before the last
 * character), so neither a tag nor a character is split.
 *
 * It also refuses a run of text longer than any cell may be — `cellChars` characters at 6 bytes
 * each (the longest escape, `&quot;`) — as soon as the run is that long, naming the cell it is in:
 * exceljs would first build the whole text (seconds for a 3,000,000-character cell).
 */
async function* errorCellsAsText(chunks: AsyncIterable<Buffer | string>, limits: SheetLimits): AsyncGenerator<Buffer, void, undefined> {
  const maxRun = limits.cellChars * 6 + 64;
  let carry = '';
  let run = 0;
  let ref: RegExpExecArray | undefined;
  for await (const chunk of chunks) {
    const piece = (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk).toString('latin1');
    for (const m of piece.matchAll(CELL_REF)) ref = m as RegExpExecArray;
    const gt = piece.lastIndexOf('>');
    run = gt < 0 ? run + piece.length : piece.length - gt - 1;
    if (run > maxRun) {
      const [row, column] = ref ? [Number(ref[2]), ref[1]!] : [undefined, undefined];
      const at = ref ? `第${row}行${column}列` : '工作表中有单元格';
      throw overLimit('cellChars', limits.cellChars, `${at}的内容超过单元格上限${limits.cellChars}个字符（Excel 的上限）`, { row, column });
    }
    const text = carry + piece;
    let keep = text.lastIndexOf('<');
    if (keep < 0 || text.indexOf('>', keep) >= 0) {
      // After a whole tag (a long text run): cut before the last character, never inside a UTF-8 sequence.
      keep = text.length;
      while (keep > 0 && (text.charCodeAt(keep - 1) & 0xc0) === 0x80) keep -= 1;
      if (keep > 0 && text.charCodeAt(keep - 1) >= 0xc0) keep -= 1;
    }
    carry = text.slice(keep);
    yield Buffer.from(text.slice(0, keep).replace(ERROR_CELL, '$1"str"'), 'latin1');
  }
  if (carry) yield Buffer.from(carry.replace(ERROR_CELL, '$1"str"'), 'latin1');
}

/** The private steps of exceljs's `WorkbookReader` (its `parse()` without its zip reading). */
interface ReaderSteps {
  model?: { sheets?: unknown[] };
  sharedStrings?: unknown[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

/** The characters of a shared string as exceljs caches it: text, or `{ richText: [{ text }] }`. */
function sharedStringLength(v: unknown): number {
  if (typeof v === 'string') return v.length;
  const runs = (v as { richText?: Array<{ text?: unknown }> } | null)?.richText;
  return Array.isArray(runs) ? runs.reduce((n, r) => n + (typeof r.text === 'string' ? r.text.length : 0), 0) : 0;
}

/**
 * The shared-strings part as UTF-8 text chunks, never splitting a character (exceljs decodes each
 * chunk on its own), for exceljs to parse,
 * checking between chunks what it has cached so far: the number of strings, each string's length
 * (Excel's cell limit) and the characters of all of them.
 */
function checkedSharedStrings(entry: AsyncIterable<Buffer>, reader: ReaderSteps, limits: SheetLimits): { text: Readable; check: () => void } {
  let seen = 0;
  let chars = 0;
  const check = () => {
    const ss = reader.sharedStrings ?? [];
    if (ss.length > limits.sharedStrings) {
      throw overLimit(
        'sharedStrings',
        limits.sharedStrings,
        `Excel 文件的共享字符串超过${limits.sharedStrings}条的上限：文件可能被人为构造，请在 Excel 中“另存为”.xlsx 或拆分后再导入`,
      );
    }
    for (; seen < ss.length; seen++) {
      const len = sharedStringLength(ss[seen]);
      if (len > limits.cellChars) {
        throw overLimit(
          'cellChars',
          limits.cellChars,
          `Excel 文件的第${seen + 1}条共享字符串有${len}个字符，超过单元格上限${limits.cellChars}个字符（Excel 的上限）`,
        );
      }
      chars += len;
    }
    if (chars > limits.sharedStringChars) {
      throw overLimit(
        'sharedStringChars',
        limits.sharedStringChars,
        `Excel 文件的共享字符串共超过${limits.sharedStringChars}个字符的上限：请拆分为多个文件分批导入`,
      );
    }
  };
  const text = Readable.from(
    (async function* () {
      const decoder = new StringDecoder('utf8');
      for await (const chunk of entry) {
        check();
        const text = decoder.write(chunk);
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    })(),
  );
  // `check` again once exceljs has parsed the last chunk.
  return { text, check };
}

/**
 * The non-empty rows of the first worksheet, streamed. The zip is read from its central
 * directory (yauzl) and each part inflated under the limits ({@link inflate}); exceljs's
 * `WorkbookReader` parses the parts it needs in a fixed order — relationships, workbook, styles,
 * shared strings, then the sheet — whatever order the zip stores them in, so no sheet is
 * spooled to a temporary file while the shared strings are still to come.
 */
async function* xlsxRows(buffer: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow, void, undefined> {
  const unreadable = xlsxUnreadable;
  /** Runs a step of the reading; an error other than a limit's means a damaged file. */
  const attempt = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw e instanceof LedgerFileError ? e : unreadable();
    }
  };
  const x = await openXlsx(buffer, limits);
  try {
    const sheetEntry = firstSheetEntry(x);
    if (!sheetEntry) throw new LedgerFileError('LEDGER_FILE_EMPTY', 'Excel 文件中没有工作表');
    const merges = new MergeApplier(await attempt(() => xlsxMerges(x, sheetEntry)));
    const reader = new (await loadExcel()).stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    });
    const steps = reader as unknown as ReaderSteps;
    // A workbook without xl/workbook.xml still has its first worksheet read.
    steps.model = { sheets: [] };
    const part = (name: string) => x.entries.get(name);
    await attempt(async () => {
      const rels = part('xl/_rels/workbook.xml.rels');
      if (rels) await steps._parseRels(await inflate(x, rels, true));
      const workbook = part('xl/workbook.xml');
      if (workbook) await steps._parseWorkbook(await inflate(x, workbook, true));
      steps.model ??= { sheets: [] };
      const styles = part('xl/styles.xml');
      if (styles) await steps._parseStyles(await inflate(x, styles, true));
      const shared = part('xl/sharedStrings.xml');
      // Shared strings decoded as a stream of text, so a Chinese character cut by a chunk boundary stays whole.
      if (shared) {
        const sst = checkedSharedStrings(await inflate(x, shared, true), steps, limits);
        for await (const _ of steps._parseSharedStrings(sst.text));
        sst.check();
      }
    });
    const sheetXml = await attempt(() => inflate(x, sheetEntry, true));
    const sheetNo = /sheet(\d+)\.xml$/.exec(sheetEntry.fileName)![1]!;
    const ws = [...steps._parseWorksheet(errorCellsAsText(sheetXml, limits), sheetNo)][0]?.value as ExcelJS.stream.xlsx.WorksheetReader | undefined;
    if (!ws) throw unreadable();
    const rowOf = (rowNumber: number, cells: unknown[]): SheetRow | undefined => {
      const merged = merges.apply(rowNumber, cells);
      let empty = true;
      for (let i = 0; i < cells.length; i++) {
        if (cells[i] === undefined) cells[i] = null;
        else if (!isEmptyCell(cells[i])) empty = false;
      }
      if (empty) return undefined;
      return merged ? { rowNumber, cells, merged } : { rowNumber, cells };
    };
    let last = 0;
    const rows = ws[Symbol.asyncIterator]();
    try {
      for (;;) {
        const next = await attempt(() => rows.next());
        if (next.done) break;
        const row = next.value;
        // Rows that exist only through a merged range (no cell of their own in the XML).
        for (let r = last + 1; r < row.number; r++) {
          if (!merges.covers(r)) continue;
          const only = rowOf(r, []);
          if (only) yield only;
        }
        last = row.number;
        const cells: unknown[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const v = unwrapExcelValue(cell.value);
          cells[col - 1] = typeof v === 'string' ? detach(v) : v;
        });
        const out = rowOf(row.number, cells);
        if (out) yield out;
      }
    } finally {
      sheetXml.destroy();
    }
    for (let r = last + 1; r <= merges.lastRow; r++) {
      if (!merges.covers(r)) continue;
      const only = rowOf(r, []);
      if (only) yield only;
    }
  } finally {
    x.zip.close();
  }
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

/** How a CSV file is to be decoded: decided on its first bytes (a BOM) or, without one, whether it is valid UTF-8 — as {@link decodeCsv}. */
function csvEncodingOf(buffer: Buffer): { encoding: CsvEncoding; skip: number; iconvName: string } {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { encoding: 'utf8-bom', skip: 3, iconvName: 'utf8' };
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) return { encoding: 'utf16le', skip: 2, iconvName: 'utf16le' };
  if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) return { encoding: 'utf16be', skip: 2, iconvName: 'utf16be' };
  // Checked in place, without decoding the file into one string.
  return isUtf8(buffer) ? { encoding: 'utf8', skip: 0, iconvName: 'utf8' } : { encoding: 'gb18030', skip: 0, iconvName: 'gb18030' };
}

/** The buffer as a stream of 1 MB slices (no copy). */
function slices(buffer: Buffer, size = 1 << 20): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
    })(),
  );
}

function csvUnreadable(e: unknown): LedgerFileError {
  const line = typeof (e as { lines?: unknown }).lines === 'number' ? `（约第${(e as { lines: number }).lines}行）` : '';
  return new LedgerFileError('LEDGER_FILE_UNREADABLE', `CSV 文件格式有误${line}：可能有未闭合的引号。请在 Excel 中打开后重新保存为 CSV 再导入`);
}

/**
 * The non-empty records of a CSV file, streamed: decoded (iconv-lite) and parsed (csv-parse) as
 * they go. A record longer than `limits.csvRecordChars` is refused while it is being parsed.
 */
async function* csvRows(buffer: Buffer, limits: SheetLimits): AsyncGenerator<SheetRow, void, undefined> {
  const { skip, iconvName } = csvEncodingOf(buffer);
  const body = buffer.subarray(skip);
  // The delimiter from the top lines (title rows, header), as decodeCsv's readers did.
  const delimiter = detectDelimiter(iconv.decode(body.subarray(0, 64 * 1024), iconvName));
  const parser = parseCsvStream({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: limits.csvRecordChars,
  });
  const source = slices(body);
  const decoded = source.pipe(iconv.decodeStream(iconvName));
  decoded.pipe(parser);
  let n = 0;
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  try {
    for (;;) {
      let step: IteratorResult<string[]>;
      try {
        step = await records.next();
      } catch (e) {
        if ((e as { code?: unknown }).code === 'CSV_MAX_RECORD_SIZE') {
          // The records parsed before it (some may not have reached this loop yet).
          const records = (e as { records?: unknown }).records;
          const row = (typeof records === 'number' ? Math.max(records, n) : n) + 1;
          throw overLimit(
            'csvRecordChars',
            limits.csvRecordChars,
            `CSV 文件第${row}行超过${limits.csvRecordChars}个字符的上限：可能有未闭合的引号，或不是表格文件`,
            { row },
          );
        }
        throw csvUnreadable(e);
      }
      if (step.done) break;
      n += 1;
      const cells = step.value.map((v) => (cleanText(v) === '' ? null : v));
      if (cells.some((v) => v !== null)) yield { rowNumber: n, cells };
    }
  } finally {
    decoded.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}

/** A CSV file read at once (the reference the streaming reader is tested against; not used by imports). */
export function readCsvSheet(buffer: Buffer): SheetRow[] {
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
    throw csvUnreadable(e);
  }
  const out: SheetRow[] = [];
  records.forEach((rec, i) => {
    const cells = rec.map((v) => (cleanText(v) === '' ? null : v));
    if (cells.some((v) => v !== null)) out.push({ rowNumber: i + 1, cells });
  });
  return out;
}
