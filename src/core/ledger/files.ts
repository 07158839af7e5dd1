/**
 * Reading ledger files into a raw table: `.xlsx` (first worksheet) and
 * `.csv` (UTF-8 with or without BOM, GB18030 as saved by Excel on a Chinese Windows, and
 * UTF-16 "Unicode text"). Cells come out as plain values — string, number, boolean, Date
 * or null — for `parseLedger` to interpret per column.
 */
import { isUtf8 } from 'node:buffer';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue } from 'exceljs';
import { parse as parseCsvStream } from 'csv-parse';
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
 * @throws LedgerFileError (from the iteration) when the file type is unsupported, the file cannot
 *   be read, holds nothing, or has more than `maxRows` rows below its header.
 */
export async function* readSheetRows(buffer: Buffer, filename: string, options: ReadTableOptions = {}): AsyncGenerator<SheetRow, void, undefined> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const kind = tableFileKind(buffer, filename);
  const source = kind === 'xlsx' ? xlsxRows(buffer) : csvRows(buffer);
  const head: SheetRow[] = [];
  let headerIndex = -1;
  let count = 0;
  const tooLarge = () => new LedgerFileError('LEDGER_FILE_TOO_LARGE', `文件数据超过${maxRows}行，请拆分为多个文件分批导入`);
  for await (const row of source) {
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

/** The entries of a zip's central directory (no zip64: a ledger never comes near 4 GB). */
function zipEntries(buf: Buffer): Array<{ name: string; method: number; size: number; offset: number }> | undefined {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || p === 0xffffffff) return undefined;
  const out: Array<{ name: string; method: number; size: number; offset: number }> = [];
  for (let i = 0; i < count && p + 46 <= buf.length; i++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    out.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      size: buf.readUInt32LE(p + 20),
      offset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/**
 * The merged ranges of the first worksheet. `<mergeCells>` follows `<sheetData>` in the sheet's
 * XML, so they are found in a first pass: the sheet is inflated as a stream and scanned for
 * `<mergeCell ref=…>` (no XML parsing, nothing kept but the ranges).
 */
async function xlsxMerges(buf: Buffer): Promise<MergeRange[]> {
  const entry = zipEntries(buf)?.find((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
  if (!entry || buf.readUInt32LE(entry.offset) !== 0x04034b50) return [];
  const start = entry.offset + 30 + buf.readUInt16LE(entry.offset + 26) + buf.readUInt16LE(entry.offset + 28);
  const data = buf.subarray(start, start + entry.size);
  const chunks: AsyncIterable<Buffer> =
    entry.method === 0 ? Readable.from([data]) : entry.method === 8 ? Readable.from([data]).pipe(zlib.createInflateRaw({ chunkSize: 1 << 20 })) : Readable.from([]);
  const refs = new Set<string>();
  const re = /<mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g;
  let tail = '';
  for await (const chunk of chunks) {
    const text = tail + chunk.toString('latin1');
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
  return s.length < 13 ? s : (' ' + s).slice(1);
}

const ERROR_CELL = /(<c\b[^>]*?\st=)"e"/g;

/**
 * The sheet's XML with error cells (`t="e"`) read as text cells: exceljs's streaming reader
 * would turn a formula's cached error (`#N/A`) into `NaN`; as text it keeps the code, as the
 * full load does. Chunks are cut before the last `<`, so neither a tag nor a character is split.
 */
async function* errorCellsAsText(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer, void, undefined> {
  let carry = '';
  for await (const chunk of chunks) {
    const text = carry + (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk).toString('latin1');
    // Cut before the last tag: never inside a tag, nor inside a UTF-8 sequence (exceljs decodes chunk by chunk).
    const keep = Math.max(0, text.lastIndexOf('<'));
    carry = text.slice(keep);
    yield Buffer.from(text.slice(0, keep).replace(ERROR_CELL, '$1"str"'), 'latin1');
  }
  if (carry) yield Buffer.from(carry.replace(ERROR_CELL, '$1"str"'), 'latin1');
}

/** A zip entry's bytes as UTF-8 text chunks, never splitting a character (exceljs decodes each chunk on its own). */
function utf8Chunks(entry: AsyncIterable<Buffer>): Readable {
  return Readable.from(
    (async function* () {
      const decoder = new StringDecoder('utf8');
      for await (const chunk of entry) {
        const text = decoder.write(chunk);
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    })(),
  );
}

/** The private step of exceljs's `WorkbookReader` that reads the shared strings. */
interface SharedStringsStep {
  _parseSharedStrings(entry: AsyncIterable<Buffer>): AsyncGenerator<unknown>;
}

/** The non-empty rows of the first worksheet, streamed (exceljs `WorkbookReader`). */
async function* xlsxRows(buffer: Buffer): AsyncGenerator<SheetRow, void, undefined> {
  const unreadable = () => new LedgerFileError('LEDGER_FILE_UNREADABLE', '无法读取该 Excel 文件，文件可能已损坏。请在 Excel 中打开后“另存为”.xlsx 再导入');
  let merges: MergeApplier;
  try {
    merges = new MergeApplier(await xlsxMerges(buffer));
  } catch {
    throw unreadable();
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // exceljs reads `model.sheets` (from xl/workbook.xml) when a worksheet arrives after the shared
  // strings; a zip that stores workbook.xml later (exceljs's own writer does, now and then —
  // its entries finish in no fixed order) then failed with "reading 'sheets'". Start from an
  // empty model: the first worksheet is read either way, and workbook.xml replaces it when it comes.
  const withModel = reader as unknown as { model?: { sheets?: unknown[] } };
  withModel.model ??= { sheets: [] };
  // Shared strings decoded as a stream of text, so a Chinese character cut by a chunk boundary stays whole.
  const step = reader as unknown as SharedStringsStep;
  const parseSharedStrings = step._parseSharedStrings;
  step._parseSharedStrings = (entry) => parseSharedStrings.call(reader, utf8Chunks(entry));
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
  let sawSheet = false;
  let last = 0;
  const iterator = reader[Symbol.asyncIterator]();
  try {
    for (;;) {
      let step: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
      try {
        step = await iterator.next();
      } catch {
        throw unreadable();
      }
      if (step.done) break;
      sawSheet = true;
      const ws = step.value as ExcelJS.stream.xlsx.WorksheetReader & { iterator: AsyncIterable<Buffer | string> };
      ws.iterator = errorCellsAsText(ws.iterator);
      const rows = ws[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<ExcelJS.Row>;
        try {
          next = await rows.next();
        } catch {
          throw unreadable();
        }
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
      break; // first worksheet only
    }
  } finally {
    await iterator.return?.(undefined);
  }
  if (!sawSheet) throw new LedgerFileError('LEDGER_FILE_EMPTY', 'Excel 文件中没有工作表');
  for (let r = last + 1; r <= merges.lastRow; r++) {
    if (!merges.covers(r)) continue;
    const only = rowOf(r, []);
    if (only) yield only;
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

/** The non-empty records of a CSV file, streamed: decoded (iconv-lite) and parsed (csv-parse) as they go. */
async function* csvRows(buffer: Buffer): AsyncGenerator<SheetRow, void, undefined> {
  const { skip, iconvName } = csvEncodingOf(buffer);
  const body = buffer.subarray(skip);
  // The delimiter from the top lines (title rows, header), as decodeCsv's readers did.
  const delimiter = detectDelimiter(iconv.decode(body.subarray(0, 64 * 1024), iconvName));
  const parser = parseCsvStream({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  const decoded = slices(body).pipe(iconv.decodeStream(iconvName));
  decoded.pipe(parser);
  let n = 0;
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  for (;;) {
    let step: IteratorResult<string[]>;
    try {
      step = await records.next();
    } catch (e) {
      throw csvUnreadable(e);
    }
    if (step.done) break;
    n += 1;
    const cells = step.value.map((v) => (cleanText(v) === '' ? null : v));
    if (cells.some((v) => v !== null)) yield { rowNumber: n, cells };
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
