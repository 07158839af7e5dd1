/**
 * Limits on a ledger file, checked before and while it is read (in the reader's worker, see
 * `readSheetRows` in `files.ts`), so a hostile file — a zip bomb, a shared-strings bomb, a
 * 3,000,000-character cell, a row of 100,000 columns — is refused with a message naming the
 * limit instead of keeping a core and the memory busy.
 *
 * Sized so that a real bureau ledger of 1,000,000 rows never meets them (measured on the
 * product's own ledgers, see docs/security.md “Spreadsheets and uploads”): a 100,000-row
 * 12345 ledger (9 columns) is a 37 MB sheet and an 11 MB shared-strings part uncompressed
 * (53 MB sheet with inline strings), ~41–59 bytes a cell, 5–7× compression; the widest
 * ledger (`penalty-cases`) has 22 columns, so 1,000,000 of its rows are ≤ 1.3 GB of sheet.
 */

/** Most entries in an xlsx zip (a ledger workbook has 10–30; one with many sheets and pictures a few hundred). */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Most bytes one xlsx part may inflate to (2 GiB): room for 1,000,000 rows of ~36 columns at
 * the inline-strings size a cell takes (59 bytes). Measured while inflating; a declared size
 * above it is refused before inflating.
 */
export const MAX_ZIP_ENTRY_BYTES = 2 * 1024 ** 3;

/** Most bytes the parts read from one xlsx may inflate to together (3 GiB: the sheet plus its shared strings). */
export const MAX_ZIP_TOTAL_BYTES = 3 * 1024 ** 3;

/**
 * Highest compression ratio (uncompressed ÷ compressed bytes) of an xlsx part, checked once the
 * part has inflated past {@link ZIP_RATIO_GRACE_BYTES}. Real sheets compress 5–20×; deflate's
 * maximum is ~1,030×, which is what a zip bomb uses. 100× is Apache POI's default
 * (`ZipSecureFile.MIN_INFLATE_RATIO = 0.01`).
 */
export const MAX_ZIP_RATIO = 100;

/** Bytes a part may inflate to before its ratio is checked (small parts, e.g. styles, compress oddly). */
export const ZIP_RATIO_GRACE_BYTES = 1024 * 1024;

/**
 * Most shared strings (distinct texts of the workbook). 1,000,000 rows with five distinct texts
 * each (number, content, name, address, note) are 5,000,000.
 */
export const MAX_SHARED_STRINGS = 10_000_000;

/** Most characters of all shared strings together (10,000,000 strings of ~25 characters). */
export const MAX_SHARED_STRING_CHARS = 250_000_000;

/** Most characters in one cell: Excel's own limit (“Total number of characters that a cell can contain: 32,767”). */
export const MAX_CELL_CHARS = 32_767;

/** Highest column that may hold a value (AMJ); the widest ledger has 22 columns, Excel allows 16,384. */
export const MAX_COLUMNS = 1_024;

/** Most characters in one CSV record (a line, or several when a quoted cell holds line breaks). */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

/**
 * The reader worker's heap (MB, V8's old generation; `FAZHI_READER_HEAP_MB` overrides it): a file
 * whose reading needs more is refused and the server goes on. Reading a 100,000-row
 * shared-strings xlsx grew a heap by 41–134 MB (garbage included; the shared strings are held
 * while the sheet is read), so ~10× that many distinct strings still fit.
 */
export const READER_HEAP_MB = 1_024;

/** The limits as one object, as the reader takes them (tests may lower them). */
export interface SheetLimits {
  zipEntries: number;
  zipEntryBytes: number;
  zipTotalBytes: number;
  zipRatio: number;
  zipRatioGraceBytes: number;
  sharedStrings: number;
  sharedStringChars: number;
  cellChars: number;
  columns: number;
  csvRecordChars: number;
}

/** The limits every import runs under. */
export const SHEET_LIMITS: Readonly<SheetLimits> = Object.freeze({
  zipEntries: MAX_ZIP_ENTRIES,
  zipEntryBytes: MAX_ZIP_ENTRY_BYTES,
  zipTotalBytes: MAX_ZIP_TOTAL_BYTES,
  zipRatio: MAX_ZIP_RATIO,
  zipRatioGraceBytes: ZIP_RATIO_GRACE_BYTES,
  sharedStrings: MAX_SHARED_STRINGS,
  sharedStringChars: MAX_SHARED_STRING_CHARS,
  cellChars: MAX_CELL_CHARS,
  columns: MAX_COLUMNS,
  csvRecordChars: MAX_CSV_RECORD_CHARS,
});

/** Which limit a file met (in `LedgerFileError.details.limit`). */
export type SheetLimit = keyof SheetLimits | 'rows' | 'memory';

/** Excel's column letters of a 1-based column number (1 → A, 28 → AB). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A byte count as staff read it (MB or GB, one decimal). */
export function byteText(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GB` : `${(n / 1024 ** 2).toFixed(1)} MB`;
}
