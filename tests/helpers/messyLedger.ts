/**
 * A fixture writer for tests: writes a ledger's rows the way a bureau's own file looks, not the
 * way Fazhi exports them — a merged title row, a blank row, a two-row header band with one group
 * header, headers with stray spaces, line breaks, full-width brackets, `*` marks and a unit
 * (元 or 万元 for money), an extra 序号 column, dates in mixed styles (Excel serials, Excel date
 * cells, `2023/1/5`, `2023年1月5日`, `20230105`, with a time where the column is a datetime),
 * money as `1.5万` / `15,000.00` / `15000元`, yes/no as √/×/是/否, lists with mixed separators,
 * and a blank row, a 填表人 row and a note row after the data.
 *
 * Round trip: `parseLedger(spec, await readTable(await messyLedgerFile(spec, rows, o), name))`
 * gives back exactly `rows` (canonical values, as `parseLedger` returns them).
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { formatMoney } from '../../src/core/ledger/cells.js';
import type { ColumnSpec, LedgerSpec } from '../../src/core/ledger/spec.js';

/** Options of {@link messyLedgerFile}. */
export interface MessyLedgerOptions {
  /** `xlsx` (merged cells, real date cells) or `csv` (GB18030, as Excel on a Chinese Windows saves). */
  format: 'xlsx' | 'csv';
}

/** The title row's text. */
export const MESSY_TITLE_SUFFIX = '（某区水务局2022年度）';
/** The group header written over the second and third columns of the spec. */
export const MESSY_GROUP_HEADER = '基本信息';

type Cell = string | number | Date | null;

/** Index of the first money column: its header carries 万元 and its cells are in 万元. */
function wanColumn(columns: readonly ColumnSpec[]): string | undefined {
  return columns.find((c) => c.type === 'money')?.key;
}

/**
 * A header as a person would type it: full-width brackets, a stray space or line break after the
 * first character, `*` or `＊` before or after a required one, and a unit for money columns.
 */
export function messyHeader(column: ColumnSpec, index: number, wan: boolean): string {
  let h = column.header.replace(/\s*\(/g, '（').replace(/\)/g, '）');
  if (column.type === 'money') h += wan ? '（万元）' : '（元）';
  const chars = [...h];
  if (chars.length >= 2) h = chars[0] + (index % 3 === 0 ? ' ' : index % 3 === 1 ? '\n' : '') + chars.slice(1).join('');
  if (column.required) h = index % 2 === 0 ? `${h}＊` : `*${h}`;
  return h;
}

/** Integer fen as a decimal text in a unit of 10^exp yuan (`fen 1500000, exp 4` → `'1.5'`). */
function fenInUnit(fen: number, exp: number): string {
  const digits = String(fen).padStart(exp + 3, '0');
  const cut = digits.length - (exp + 2);
  const int = digits.slice(0, cut);
  const frac = digits.slice(cut).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

function withThousands(s: string): string {
  const [int, frac] = s.split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac === undefined ? '' : `.${frac}`}`;
}

function wallClock(value: string): { y: number; m: number; d: number; h: number; mi: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  if (!m) throw new Error(`messyLedgerFile: not a canonical date: ${value}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0) };
}

/** Excel serial (1900 system, dates from 1900-03-01) of a wall clock. */
function excelSerial(w: { y: number; m: number; d: number; h: number; mi: number }): number {
  return (Date.UTC(w.y, w.m - 1, w.d) - Date.UTC(1899, 11, 30)) / 86400000 + (w.h * 60 + w.mi) / 1440;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const LIST_SEPARATORS = ['、', '；', '/', '\n', ';', '，'];

/** One cell of a row, written in the style picked by the row index `i`. */
function messyCell(column: ColumnSpec, value: unknown, i: number, format: 'xlsx' | 'csv', wan: boolean): Cell {
  if (value === null || value === undefined) return null;
  const xlsx = format === 'xlsx';
  switch (column.type) {
    case 'date':
    case 'datetime': {
      const w = wallClock(String(value));
      const dt = column.type === 'datetime';
      const time = dt ? ` ${w.h}:${pad2(w.mi)}` : '';
      switch (i % 4) {
        case 0:
          return xlsx ? excelSerial(w) : String(excelSerial(w));
        case 1:
          return `${w.y}/${w.m}/${w.d}${time}`;
        case 2:
          return `${w.y}年${w.m}月${w.d}日${dt ? `${w.h}时${w.mi}分` : ''}`;
        default:
          return xlsx ? new Date(Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi)) : `${w.y}${pad2(w.m)}${pad2(w.d)}${dt ? ` ${pad2(w.h)}:${pad2(w.mi)}:00` : ''}`;
      }
    }
    case 'money': {
      const fen = value as number;
      if (wan) return xlsx && i % 2 === 0 ? Number(fenInUnit(fen, 4)) : fenInUnit(fen, 4);
      switch (i % 3) {
        case 0:
          return `${fenInUnit(fen, 4)}万`;
        case 1:
          return withThousands(formatMoney(fen));
        default:
          return `${fenInUnit(fen, 0)}元`;
      }
    }
    case 'bool':
      return i % 2 === 0 ? (value ? '√' : '×') : value ? '是' : '否';
    case 'int':
    case 'decimal': {
      const unit = /\(([^()]+)\)\s*$/.exec(column.header.normalize('NFKC'))?.[1];
      if (i % 2 === 1 && unit) return `${value as number}${unit}`;
      return xlsx ? (value as number) : String(value);
    }
    case 'enum':
      return i % 2 === 1 ? ` ${String(value)}　` : String(value);
    case 'list': {
      const sep = LIST_SEPARATORS[i % LIST_SEPARATORS.length]!;
      return (value as string[]).join(sep);
    }
    default:
      return String(value);
  }
}

/**
 * Writes `rows` (objects keyed by column key, canonical values as `parseLedger` returns them) as a
 * bureau's own messy ledger file; see the module comment for what is messy about it.
 */
export async function messyLedgerFile(spec: LedgerSpec, rows: ReadonlyArray<Record<string, unknown>>, options: MessyLedgerOptions): Promise<Buffer> {
  const columns = spec.columns;
  const wanKey = wanColumn(columns);
  const width = columns.length + 1; // 序号 first
  // The group header covers the 2nd and 3rd spec columns (indices 2 and 3 of a row's cells; Excel columns C and D).
  const group = columns.length >= 3 ? [2, 3] : [];
  const title = `${spec.title}${MESSY_TITLE_SUFFIX}`;
  const headerTop: Cell[] = [
    '序号',
    ...columns.map((c, j) => (group.includes(j + 1) ? (j + 1 === group[0] ? MESSY_GROUP_HEADER : null) : messyHeader(c, j, c.key === wanKey))),
  ];
  const headerSub: Cell[] = [null, ...columns.map((c, j) => (group.includes(j + 1) ? messyHeader(c, j, c.key === wanKey) : null))];
  const data: Cell[][] = rows.map((r, i) => [i + 1, ...columns.map((c) => messyCell(c, r[c.key], i, options.format, c.key === wanKey))]);
  const signature = '填表人：张三　审核人：李四　填表日期：2023年1月5日';
  const note = '注：本表由各科室填报，金额单位见表头。';

  if (options.format === 'csv') {
    const pad = (cells: Cell[]) => Array.from({ length: width }, (_, k) => cells[k] ?? '');
    const records = [pad([title]), [], pad(headerTop), pad(headerSub), ...data.map(pad), [], pad([signature]), pad([note])];
    const text = stringify(
      records.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v === null ? '' : String(v)))),
      { record_delimiter: '\r\n' },
    );
    return iconv.encode(text, 'gb18030');
  }

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.title.slice(0, 31));
  const put = (rowNumber: number, cells: Cell[]) =>
    cells.forEach((v, k) => {
      if (v === null) return;
      const cell = ws.getCell(rowNumber, k + 1);
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd hh:mm';
    });
  put(1, [title]);
  ws.mergeCells(1, 1, 1, width);
  put(3, headerTop);
  put(4, headerSub);
  // `group` holds indices into the cell arrays; Excel columns are one more.
  for (let col = 1; col <= width; col++) {
    if (group.includes(col - 1)) continue;
    ws.mergeCells(3, col, 4, col);
  }
  if (group.length > 0) ws.mergeCells(3, group[0]! + 1, 3, group[group.length - 1]! + 1);
  for (const [i, cells] of data.entries()) put(5 + i, cells);
  const after = 5 + data.length + 1; // one blank row
  put(after, [signature]);
  put(after + 1, [note]);
  ws.mergeCells(after + 1, 1, after + 1, width);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
