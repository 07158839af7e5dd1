/**
 * Cell parsers and formatters: one parser per column type, each taking a raw cell as
 * `readTable` gives it (string, number, boolean, Date, null) and returning either the
 * typed value or a Chinese message saying what is wrong and what was expected.
 *
 * Pure functions: no clock, no time zone of the machine. Times are Beijing time
 * (Asia/Shanghai, UTC+8, no daylight saving).
 */
import { LIST_SEPARATOR, type CellValue, type ColumnSpec, type ColumnType } from './spec.js';
import { idCardProblem, isRealDate, daysInMonth, looksLikeIdCard, usccProblem, isValidIdCard, isValidUscc } from './validators.js';

/** The outcome of parsing one cell. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = <T>(message: string): CellResult<T> => ({ ok: false, message });

/** Earliest year accepted in a date cell; before it, it is surely a typo. */
export const MIN_YEAR = 1900;
/** Latest year accepted in a date cell. */
export const MAX_YEAR = 2100;

/** Largest money amount accepted, in yuan (one trillion; guards against pasted garbage). */
const MAX_MONEY_YUAN = 1e12;

const DATE_HINT = '应为 2022-03-01、2022/3/1 或 2022年3月1日';
const DATETIME_HINT = '应为 2022-03-01 14:05、2022/3/1 14:05 或 2022年3月1日 14:05';

// ---------------------------------------------------------------------------
// Raw cell helpers

/** Trims half- and full-width whitespace, NBSP, BOM and zero-width spaces. */
export function cleanText(s: string): string {
  return s.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, '');
}

/** True when a raw cell holds nothing: null, undefined, or a string of whitespace only. */
export function isEmptyCell(raw: unknown): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') return cleanText(raw) === '';
  return false;
}

/** A number as a person would write it: integers as is, others without binary noise (0.1+0.2 → 0.3). */
function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Wall-clock fields of a Date read as exceljs gives it: the UTC fields are the time shown in Excel. */
function dateFields(d: Date): { y: number; m: number; d: number; h: number; mi: number } {
  // Round to the second: Excel stores a fraction of a day, which may land a hair before the minute.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() };
}

/**
 * A raw cell as text, for error reports and for text columns: numbers without float noise,
 * dates as `YYYY-MM-DD` (with ` HH:mm` if not midnight), booleans as 是/否.
 */
export function rawCellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return cleanText(raw);
  if (typeof raw === 'number') return numberText(raw);
  if (typeof raw === 'boolean') return raw ? '是' : '否';
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return '';
    const f = dateFields(raw);
    const day = ymd(f.y, f.m, f.d);
    return f.h === 0 && f.mi === 0 ? day : `${day} ${pad2(f.h)}:${pad2(f.mi)}`;
  }
  return String(raw);
}

/** The raw cell as shown in an error message, shortened if long. */
export function displayValue(raw: unknown, max = 40): string {
  const s = rawCellText(raw);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Text for numeric and date parsing: full-width digits and punctuation folded to ASCII (NFKC). */
function foldedText(raw: unknown): string {
  return cleanText(rawCellText(raw).normalize('NFKC'));
}

// ---------------------------------------------------------------------------
// Text

/**
 * Text that starts with `=`, `+`, `-` or `@` is exported to CSV behind a `'` so that Excel does
 * not run it as a formula (CSV injection); on import that `'` is removed again.
 */
export function escapeFormula(s: string): string {
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
}

/** Reverses {@link escapeFormula}. */
export function unescapeFormula(s: string): string {
  return /^'[=+\-@]/.test(s) ? s.slice(1) : s;
}

/** `text`: any cell, trimmed; a number or date cell becomes its text. */
export function parseText(raw: unknown): CellResult<string> {
  const s = rawCellText(raw);
  return s === '' ? fail('不能为空') : ok(unescapeFormula(s));
}

// ---------------------------------------------------------------------------
// Numbers

/** Removes thousands separators when they are well placed (`1,234,567.8`); undefined if misplaced. */
function stripThousands(s: string): string | undefined {
  if (!s.includes(',')) return s;
  if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) return undefined;
  return s.replace(/,/g, '');
}

/** `int`: `12`, `1,200`, `12.0`, or a whole-number cell. */
export function parseInteger(raw: unknown): CellResult<number> {
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) return ok(raw);
    return fail(`应为整数：${displayValue(raw)}`);
  }
  const s = foldedText(raw);
  const plain = stripThousands(s);
  const m = plain === undefined ? null : /^([+-]?\d+)(?:\.0*)?$/.exec(plain);
  if (!m) return fail(`应为整数：${displayValue(raw)}`);
  const n = Number(m[1]);
  if (!Number.isSafeInteger(n)) return fail(`数值过大：${displayValue(raw)}`);
  return ok(n === 0 ? 0 : n);
}

/** `decimal`: `12.5`, `1,234.5`, `-3`, or a number cell. */
export function parseDecimal(raw: unknown): CellResult<number> {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? ok(raw) : fail(`应为数字：${displayValue(raw)}`);
  }
  const s = foldedText(raw);
  const plain = stripThousands(s);
  if (plain === undefined || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return fail(`应为数字：${displayValue(raw)}`);
  const n = Number(plain);
  return Number.isFinite(n) ? ok(n === 0 ? 0 : n) : fail(`应为数字：${displayValue(raw)}`);
}

/**
 * `money`: an amount in yuan → integer fen, exactly (the decimal text is parsed, never
 * multiplied as a float). Accepts `1234.5`, `1,234.50`, `1234.50元`, `¥1,234.50`, `１２３`
 * and number cells. At most two decimals (`12.345` is an error; `12.300` is fine); no negatives.
 */
export function parseMoney(raw: unknown): CellResult<number> {
  let text: string;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(`金额格式无法识别：${displayValue(raw)}`);
    if (Math.abs(raw) >= MAX_MONEY_YUAN) return fail(`金额过大：${displayValue(raw)}`);
    // A number cell is a binary double; 6 decimals is far finer than a fen and far coarser than float noise.
    text = raw.toFixed(6);
  } else {
    text = foldedText(raw)
      .replace(/^[¥]\s*/, '')
      .replace(/\s*(人民币)?元$/, '');
  }
  const neg = text.startsWith('-');
  const plain = stripThousands(text.replace(/^[+-]/, ''));
  const m = plain === undefined ? null : /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!m) return fail(`金额格式无法识别：${displayValue(raw)}（应为以元为单位的数字，如 1234.50 或 1,234.50）`);
  const intPart = m[1]!;
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (frac.length > 2) return fail(`金额最多两位小数（精确到分）：${displayValue(raw)}`);
  if (intPart.replace(/^0+/, '').length > 12) return fail(`金额过大：${displayValue(raw)}`);
  const fen = Number(intPart) * 100 + Number(frac.padEnd(2, '0'));
  if (neg && fen !== 0) return fail(`金额不能为负数：${displayValue(raw)}`);
  return ok(fen);
}

// ---------------------------------------------------------------------------
// Dates and times

/** Parsed wall-clock fields (Beijing time). */
interface WallClock {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  hasTime: boolean;
}

const DATE_TEXT_RE = new RegExp(
  '^(?:(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})|(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?)' +
    // optional time: after a space or T (or directly after 日): 14:05, 14:05:30, 14:05:30.123
    '(?:(?:\\s*T\\s*|\\s+|(?<=日))(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.\\d+)?)?' +
    // optional UTC offset, only with a time: Z, +08:00, +0800
    '\\s*(Z|[+-]\\d{2}:?\\d{2})?)?$',
  'i',
);

/** An Excel serial day number (1900 date system) → wall clock, or undefined if not a plausible date. */
function fromExcelSerial(serial: number): Omit<WallClock, 'hasTime'> | undefined {
  // 61 = 1900-03-01 (before it Excel counts a fictitious 1900-02-29); 73051 = 2100-01-01.
  if (!Number.isFinite(serial) || serial < 61 || serial >= 73051) return undefined;
  const ms = Math.round(((serial - 25569) * 86400000) / 1000) * 1000;
  return dateFields(new Date(ms));
}

type WallClockResult = { ok: true; value: WallClock } | { ok: false; kind: 'format' | 'impossible'; message: string };

function impossibleReason(y: number, m: number, d: number): string {
  if (m < 1 || m > 12) return '月份应为1至12';
  if (d < 1) return '日应从1开始';
  return `${y}年${m}月只有${daysInMonth(y, m)}天`;
}

/** Reads a date (and optional time) from a raw cell. */
function readWallClock(raw: unknown): WallClockResult {
  const shown = displayValue(raw);
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { ok: false, kind: 'format', message: shown };
    const f = dateFields(raw);
    return inRange(f.y, shown) ?? { ok: true, value: { ...f, hasTime: f.h !== 0 || f.mi !== 0 } };
  }
  if (typeof raw === 'number') {
    const f = fromExcelSerial(raw);
    if (!f) return { ok: false, kind: 'format', message: `${shown}（不是有效的 Excel 日期）` };
    return { ok: true, value: { ...f, hasTime: f.h !== 0 || f.mi !== 0 } };
  }
  const s = foldedText(raw);
  const m = DATE_TEXT_RE.exec(s);
  if (!m) return { ok: false, kind: 'format', message: shown };
  const y = Number(m[1] ?? m[5]);
  const mo = Number(m[3] ?? m[6]);
  const d = Number(m[4] ?? m[7]);
  if (!isRealDate(y, mo, d)) {
    return { ok: false, kind: 'impossible', message: `日期不存在：${shown}（${impossibleReason(y, mo, d)}）` };
  }
  const rangeError = inRange(y, shown);
  if (rangeError) return rangeError;
  if (m[8] === undefined) return { ok: true, value: { y, m: mo, d, h: 0, mi: 0, hasTime: false } };
  const h = Number(m[8]);
  const mi = Number(m[9]);
  const sec = m[10] === undefined ? 0 : Number(m[10]);
  if (h > 23 || mi > 59 || sec > 59) {
    return { ok: false, kind: 'impossible', message: `时间不存在：${shown}（时应为0至23，分、秒应为0至59）` };
  }
  const offset = m[11];
  if (offset === undefined) return { ok: true, value: { y, m: mo, d, h, mi, hasTime: true } };
  // An explicit offset (e.g. an ISO string from another system): convert to Beijing time.
  let offsetMin = 0;
  if (offset.toUpperCase() !== 'Z') {
    const om = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)!;
    offsetMin = (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3]));
  }
  const utcMs = Date.UTC(y, mo - 1, d, h, mi, sec) - offsetMin * 60000;
  const f = dateFields(new Date(utcMs + 8 * 3600000));
  return { ok: true, value: { ...f, hasTime: true } };
}

function inRange(y: number, shown: string): WallClockResult | undefined {
  if (y < MIN_YEAR || y > MAX_YEAR) {
    return { ok: false, kind: 'impossible', message: `日期年份超出范围：${shown}（应在${MIN_YEAR}至${MAX_YEAR}年之间）` };
  }
  return undefined;
}

/**
 * `date`: `2022-03-01`, `2022/3/1`, `2022.3.1`, `2022年3月1日`, an Excel date cell (a JS Date whose
 * UTC fields are the date shown, as exceljs reads it) or an Excel serial number → `'YYYY-MM-DD'`.
 * A time after the date is accepted and dropped. Impossible dates (2022-02-30) are errors.
 */
export function parseDate(raw: unknown): CellResult<string> {
  const r = readWallClock(raw);
  if (!r.ok) return fail(r.kind === 'format' ? `日期格式无法识别：${r.message}（${DATE_HINT}）` : r.message);
  return ok(ymd(r.value.y, r.value.m, r.value.d));
}

/**
 * `datetime`: a date as for {@link parseDate}, optionally followed by `14:05` or `14:05:30`
 * → `'YYYY-MM-DDTHH:mm:00+08:00'` (Beijing time; seconds dropped). A date alone means 00:00.
 * A string with an explicit offset (`…T06:05:00Z`) is converted to Beijing time.
 */
export function parseDateTime(raw: unknown): CellResult<string> {
  const r = readWallClock(raw);
  if (!r.ok) return fail(r.kind === 'format' ? `日期时间格式无法识别：${r.message}（${DATETIME_HINT}）` : r.message);
  const v = r.value;
  return ok(`${ymd(v.y, v.m, v.d)}T${pad2(v.h)}:${pad2(v.mi)}:00+08:00`);
}

// ---------------------------------------------------------------------------
// Yes/no, enums, lists

/** `bool`: `是` → true, `否` → false (strict). A TRUE/FALSE cell of Excel is also accepted. */
export function parseBool(raw: unknown): CellResult<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  const s = typeof raw === 'string' ? cleanText(raw) : undefined;
  if (s === '是') return ok(true);
  if (s === '否') return ok(false);
  return fail(`应填“是”或“否”，不能填“${displayValue(raw)}”`);
}

function choices(values: readonly string[]): string {
  const shown = values.length > 15 ? [...values.slice(0, 15), '…'] : values;
  return shown.join('/');
}

/** `enum`: the trimmed cell must be exactly one of `values`. */
export function parseEnum<E extends string>(raw: unknown, values: readonly E[]): CellResult<E> {
  const s = rawCellText(raw);
  const hit = values.find((v) => v === s);
  if (hit !== undefined) return ok(hit);
  return fail(`“${displayValue(raw)}”不是可选值（${choices(values)}）`);
}

/** Splits a list cell on 、 , ， and trims the items, dropping empty ones. */
export function splitList(raw: unknown): string[] {
  return rawCellText(raw)
    .split(new RegExp(LIST_SEPARATOR.source, 'g'))
    .map((item) => unescapeFormula(cleanText(item)))
    .filter((x) => x !== '');
}

/**
 * `list`: items separated by `、`, `,` or `，` → string[]; each item must be one of `values`
 * when given (all bad items are named in one message).
 */
export function parseList(raw: unknown, values?: readonly string[]): CellResult<string[]> {
  const items = splitList(raw);
  if (items.length === 0) return fail('不能为空');
  if (values) {
    const bad = items.filter((i) => !values.includes(i));
    if (bad.length > 0) {
      return fail(`${bad.map((b) => `“${b}”`).join('、')}不是可选值（${choices(values)}；多项用“、”分隔）`);
    }
  }
  return ok(items);
}

// ---------------------------------------------------------------------------
// Identifiers

/** Shared clean-up of an identifier cell; explains the Excel number trap instead of a bare check failure. */
function identifierText(raw: unknown, what: string): CellResult<string> {
  if (typeof raw === 'number') {
    return fail(`${what}被 Excel 存成了数字（末几位可能已丢失）：${displayValue(raw)}，请把该列设为“文本”格式后重新输入`);
  }
  const s = foldedText(raw).replace(/[\s-]+/g, '').toUpperCase();
  if (/^\d+(\.\d+)?E\+?\d+$/.test(s)) {
    return fail(`${what}被 Excel 转成了科学计数法：${displayValue(raw)}，请把该列设为“文本”格式后重新输入`);
  }
  return ok(s);
}

/** `idcard`: an 18-character 居民身份证号, check character and birth date verified; x → X. */
export function parseIdCard(raw: unknown): CellResult<string> {
  const t = identifierText(raw, '居民身份证号');
  if (!t.ok) return t;
  const problem = idCardProblem(t.value);
  return problem ? fail(`${problem}：${displayValue(raw)}`) : t;
}

/** `uscc`: an 18-character 统一社会信用代码, check character verified; upper-cased. */
export function parseUscc(raw: unknown): CellResult<string> {
  const t = identifierText(raw, '统一社会信用代码');
  if (!t.ok) return t;
  const problem = usccProblem(t.value);
  return problem ? fail(`${problem}：${displayValue(raw)}`) : t;
}

/**
 * `idno`: either a 居民身份证号 or a 统一社会信用代码. A value valid as either is accepted; when
 * neither, the message follows the shape (17 digits + digit/X reads as an ID card).
 */
export function parseIdNo(raw: unknown): CellResult<string> {
  const t = identifierText(raw, '证件号码');
  if (!t.ok) return t;
  const v = t.value;
  if (isValidIdCard(v) || isValidUscc(v)) return ok(v);
  const problem = looksLikeIdCard(v) ? idCardProblem(v) : usccProblem(v);
  const hint = v.length === 18 ? '' : '（应为18位居民身份证号或统一社会信用代码）';
  return fail(`${problem ?? '证件号码无效'}：${displayValue(raw)}${hint}`);
}

// ---------------------------------------------------------------------------
// Dispatch

/**
 * Parses one raw cell per its column: an empty cell is `null` (or an error when the column is
 * required); otherwise the type's parser decides. Column `validate` hooks are not run here
 * (they need the whole row; see `parseLedger`).
 */
export function parseCell(column: ColumnSpec, raw: unknown): CellResult<CellValue | null> {
  if (isEmptyCell(raw) || (column.type === 'list' && splitList(raw).length === 0)) {
    return column.required ? fail('必填，不能为空') : ok(null);
  }
  return parseNonEmpty(column, raw);
}

function parseNonEmpty(column: ColumnSpec, raw: unknown): CellResult<CellValue> {
  switch (column.type) {
    case 'text':
      return parseText(raw);
    case 'int':
      return parseInteger(raw);
    case 'decimal':
      return parseDecimal(raw);
    case 'money':
      return parseMoney(raw);
    case 'date':
      return parseDate(raw);
    case 'datetime':
      return parseDateTime(raw);
    case 'bool':
      return parseBool(raw);
    case 'enum':
      return parseEnum(raw, column.enum ?? []);
    case 'list':
      return parseList(raw, column.enum);
    case 'idcard':
      return parseIdCard(raw);
    case 'uscc':
      return parseUscc(raw);
    case 'idno':
      return parseIdNo(raw);
    default:
      return assertNever(column);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown column type: ${JSON.stringify(x)}`);
}

// ---------------------------------------------------------------------------
// Formatters (export)

/** A stored date `'YYYY-MM-DD'` (or a datetime) → `'YYYY-MM-DD'`. */
export function formatDate(value: string): string {
  return value.slice(0, 10);
}

/** A stored datetime `'YYYY-MM-DDTHH:mm:00+08:00'` → `'YYYY-MM-DD HH:mm'` (Beijing time). */
export function formatDateTime(value: string): string {
  const r = parseDateTime(value);
  const v = r.ok ? r.value : value;
  return `${v.slice(0, 10)} ${v.slice(11, 16)}`.trimEnd();
}

/** Integer fen → yuan with two decimals: `123450` → `'1234.50'`, `-5` → `'-0.05'`. */
export function formatMoney(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new Error(`formatMoney: not an integer number of fen: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${pad2(abs % 100)}`;
}

/** Integer fen → yuan as a number, for a numeric spreadsheet cell (`123450` → `1234.5`). */
export function moneyToYuan(fen: number): number {
  return Number(formatMoney(fen));
}

/** true → `是`, false → `否`. */
export function formatBool(value: boolean): string {
  return value ? '是' : '否';
}

/** List items joined with `、`. */
export function formatList(items: readonly string[]): string {
  return items.join('、');
}

/** A row value as the text of a cell (CSV export, or a text cell): `''` for null. */
export function formatCell(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'money':
      return formatMoney(value as number);
    case 'date':
      return formatDate(String(value));
    case 'datetime':
      return formatDateTime(String(value));
    case 'bool':
      return formatBool(value as boolean);
    case 'list':
      return Array.isArray(value) ? formatList(value as string[]) : String(value);
    case 'int':
    case 'decimal':
      return typeof value === 'number' ? numberText(value) : String(value);
    default:
      return String(value);
  }
}
