/**
 * Writing ledgers: `.xlsx` exports, `.csv` exports (UTF-8 with BOM or GB18030) and blank
 * templates with a 填写说明 sheet. What is written re-imports to the same rows.
 */
import type ExcelJS from 'exceljs';
import { loadExcel } from './excel.js';
import type { Worksheet } from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { escapeFormula, formatCell, moneyToYuan } from './cells.js';
import type { ColumnSpec, ColumnType, LedgerSpec } from './spec.js';

/** Encodings of a CSV export: UTF-8 with BOM (Excel opens it correctly) or GB18030 (older Chinese tools). */
export type CsvExportEncoding = 'utf8-bom' | 'gb18030';

/** Options of {@link writeCsv}. */
export interface WriteCsvOptions {
  /** Default `'utf8-bom'`. */
  encoding?: CsvExportEncoding;
}

/** Excel number formats per column type. Text-like columns are `@` so IDs typed later stay text. */
const NUM_FMT: Partial<Record<ColumnType, string>> = {
  text: '@',
  enum: '@',
  list: '@',
  bool: '@',
  idcard: '@',
  uscc: '@',
  idno: '@',
  int: '0',
  money: '0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const TEMPLATE_ROWS = 1000;

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1';
}

/** Display width in Excel character units: CJK and full-width characters count double. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * Wall-clock fields (Beijing time) of a stored date or datetime. Strings are the canonical
 * `'YYYY-MM-DD'` / `'YYYY-MM-DDTHH:mm:00+08:00'`; a JS Date is an instant, shown in Beijing time.
 */
function wallClock(value: unknown): { y: number; m: number; d: number; h: number; mi: number } | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const t = new Date(value.getTime() + 8 * 3600_000);
    return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(String(value));
  if (!m) return undefined;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0) };
}

/** A row value as an xlsx cell value: numbers for numbers and money, real date cells for dates. */
function xlsxValue(column: ColumnSpec, value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'money':
      return moneyToYuan(value as number);
    case 'int':
    case 'decimal':
      return value as number;
    case 'date':
    case 'datetime': {
      const w = wallClock(value);
      if (!w) return formatCell(column.type, value);
      // exceljs turns a Date into an Excel serial by its UTC fields: give it the wall clock as UTC.
      return new Date(Date.UTC(w.y, w.m - 1, w.d, column.type === 'date' ? 0 : w.h, column.type === 'date' ? 0 : w.mi));
    }
    default:
      return formatCell(column.type, value);
  }
}

/** Text of a row value for a CSV cell, escaped against formula injection in free-text columns. */
function csvValue(column: ColumnSpec, value: unknown): string {
  const s = formatCell(column.type, value);
  return column.type === 'text' || column.type === 'list' ? escapeFormula(s) : s;
}

function styleHeaderRow(sheet: Worksheet, columnCount: number): void {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  for (let i = 1; i <= columnCount; i++) {
    const cell = header.getCell(i);
    cell.fill = HEADER_FILL;
    cell.numFmt = 'General';
    cell.border = { bottom: { style: 'thin' } };
  }
  header.height = 22;
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

function setColumns(sheet: Worksheet, columns: readonly ColumnSpec[], sample: (c: ColumnSpec) => string[]): void {
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    const widths = [displayWidth(c.header) + 4, ...sample(c).map(displayWidth)];
    if (c.type === 'date') widths.push(12);
    if (c.type === 'datetime') widths.push(17);
    if (c.type === 'idcard' || c.type === 'uscc' || c.type === 'idno') widths.push(21);
    col.width = Math.min(50, Math.max(8, ...widths.map((w) => w + 2)));
    const fmt = NUM_FMT[c.type];
    if (fmt) col.numFmt = fmt;
  });
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const out = await workbook.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

/**
 * Exports rows as an `.xlsx` workbook with one sheet named after the ledger: headers exactly
 * as in the spec (bold, frozen, filterable), sensible column widths, money as numbers with two
 * decimals, dates as real date cells (`yyyy-mm-dd`), lists joined with `、`, yes/no as 是/否.
 * `readTable` + `parseLedger` on the result gives back the same rows.
 */
export async function writeXlsx<Row>(spec: LedgerSpec<Row>, rows: readonly Row[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = '法治水务';
  const sheet = workbook.addWorksheet(sheetName(spec.title));
  const columns = spec.columns;
  setColumns(sheet, columns, (c) => rows.slice(0, 200).map((r) => formatCell(c.type, (r as Record<string, unknown>)[c.key])));
  sheet.addRow(columns.map((c) => c.header));
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    sheet.addRow(columns.map((c) => xlsxValue(c, rec[c.key])));
  }
  styleHeaderRow(sheet, columns.length);
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return toBuffer(workbook);
}

/**
 * Exports rows as CSV (CRLF line ends): headers exactly as in the spec, dates `YYYY-MM-DD`,
 * datetimes `YYYY-MM-DD HH:mm`, money `1234.50`, lists joined with `、`, yes/no as 是/否.
 * Free text starting with = + - @ is written behind a `'` (Excel formula injection); the parser
 * removes it again on import.
 */
export function writeCsv<Row>(spec: LedgerSpec<Row>, rows: readonly Row[], options: WriteCsvOptions = {}): Buffer {
  const records = [spec.columns.map((c) => c.header), ...rows.map((r) => spec.columns.map((c) => csvValue(c, (r as Record<string, unknown>)[c.key])))];
  const text = stringify(records, { record_delimiter: 'windows' });
  if ((options.encoding ?? 'utf8-bom') === 'gb18030') return iconv.encode(text, 'gb18030');
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** How a column is filled in, for the template (Chinese). */
export function describeColumnType(column: ColumnSpec): string {
  switch (column.type) {
    case 'text':
      return '文本';
    case 'int':
      return '整数';
    case 'decimal':
      return '数字（可带小数）';
    case 'money':
      return '金额，单位元，最多两位小数，如 1234.50 或 1,234.50';
    case 'date':
      return '日期，如 2022-03-01、2022/3/1 或 2022年3月1日';
    case 'datetime':
      return '日期时间，如 2022-03-01 14:05（只填日期视为 00:00）';
    case 'bool':
      return '填“是”或“否”';
    case 'enum':
      return '从可选值中选择一项';
    case 'list':
      return column.enum ? '可填多项（从可选值中选），用“、”分隔' : '可填多项，用“、”分隔';
    case 'idcard':
      return '18位居民身份证号（末位可为X）';
    case 'uscc':
      return '18位统一社会信用代码';
    case 'idno':
      return '自然人填18位居民身份证号，单位填18位统一社会信用代码';
    default:
      return '';
  }
}

/** Excel caps a list written inline in a validation at 255 characters. */
function inlineList(values: readonly string[]): string | undefined {
  const joined = values.join(',');
  if (values.some((v) => v.includes(',') || v.includes('"')) || joined.length > 250) return undefined;
  return `"${joined}"`;
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * A blank `.xlsx` template for a ledger: sheet 1 has the headers (required ones marked `*` and
 * in red, each with a note on how to fill it), columns pre-formatted (text for IDs, dates as
 * dates) and drop-downs for enum and 是/否 columns; sheet `填写说明` lists every column with its
 * format, whether it is required, its allowed values and an example. The template imports as
 * an empty ledger (the `*` is ignored when matching headers).
 */
export async function templateXlsx<Row>(spec: LedgerSpec<Row>): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = '法治水务';
  const sheet = workbook.addWorksheet(sheetName(spec.title));
  const guide = workbook.addWorksheet('填写说明');
  const columns = spec.columns;

  setColumns(sheet, columns, (c) => (c.example ? [c.example] : []));
  sheet.addRow(columns.map((c) => (c.required ? `${c.header}*` : c.header)));
  styleHeaderRow(sheet, columns.length);

  let options: Worksheet | undefined;
  const validations = (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  columns.forEach((c, i) => {
    const cell = sheet.getRow(1).getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    const noteLines = [
      c.required ? '必填' : '选填',
      describeColumnType(c),
      ...(c.enum ? [`可选值：${c.enum.join('、')}`] : []),
      ...(c.example ? [`示例：${c.example}`] : []),
      ...(c.note ? [c.note] : []),
    ];
    cell.note = noteLines.join('\n');

    const values = c.type === 'enum' ? c.enum : c.type === 'bool' ? ['是', '否'] : undefined;
    if (!values) return;
    let formula = inlineList(values);
    if (!formula) {
      options ??= workbook.addWorksheet('可选值', { state: 'hidden' });
      const opts = options;
      [c.header, ...values].forEach((v, r) => {
        opts.getCell(r + 1, i + 1).value = v;
      });
      const letter = columnLetter(i + 1);
      formula = `'可选值'!$${letter}$2:$${letter}$${values.length + 1}`;
    }
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: c.header,
      error: `请从下拉列表中选择：${values.slice(0, 20).join('、')}${values.length > 20 ? '…' : ''}`,
    });
  });

  guide.columns = [
    { header: '列名', key: 'header', width: 20 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写格式', key: 'format', width: 44 },
    { header: '可选值', key: 'values', width: 40 },
    { header: '示例', key: 'example', width: 24 },
    { header: '说明', key: 'note', width: 40 },
  ];
  for (const c of columns) {
    guide.addRow({
      header: c.header,
      required: c.required ? '必填' : '选填',
      format: describeColumnType(c),
      values: c.enum ? c.enum.join('、') : c.type === 'bool' ? '是、否' : '',
      example: c.example ?? '',
      note: c.note ?? '',
    });
  }
  guide.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  styleHeaderRow(guide, 6);
  guide.addRow([]);
  const general = [
    '填写要求：',
    `1. 第一个工作表“${sheetName(spec.title)}”的第1行是表头，请勿修改列名；可增加其他列（导入时忽略），列的顺序可以调整。`,
    '2. 从第2行起每行填写一条记录；带 * 的列必须填写。',
    '3. 日期可写作 2022-03-01、2022/3/1 或 2022年3月1日，也可使用 Excel 的日期格式；时间写在日期之后，如 2022-03-01 14:05。',
    '4. 金额以“元”为单位，最多两位小数，可用千分位逗号（如 1,234.50）。',
    '5. 一格内填多项时用“、”分隔。是/否类的列只填“是”或“否”。',
    '6. 身份证号、统一社会信用代码请以文本格式填写（本模板已将这些列设为文本），导入时会校验末位校验码。',
    '7. 也可另存为 CSV（UTF-8 或 GB18030 编码均可）导入。导入时只要有一处错误，整批都不会导入，并会列出每一处错误所在的行和列。',
  ];
  for (const line of general) {
    const row = guide.addRow([line]);
    guide.mergeCells(row.number, 1, row.number, 6);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (line === '填写要求：') row.font = { bold: true };
  }
  return toBuffer(workbook);
}
