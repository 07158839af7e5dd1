/**
 * Cell parsers and formatters: one parser per column type, each taking a raw cell as
 * `readTable` gives it (string, number, boolean, Date, null) and returning either the
 * typed value or a Chinese message saying what is wrong and what was expected.
 *
 * Pure functions: no clock, no time zone of the machine. Times are Beijing time
 * (Asia/Shanghai, UTC+8, no daylight saving).
 */
import { LIST_SEPARATOR, type CellValue, type ColumnSpec, type ColumnType } from './spec.js';
import { parseChineseMoney } from './numerals.js';
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

const DATE_HINT = '应为 2022-03-01、2022/3/1、2022.3.1、2022年3月1日 或 20220301';
const DATETIME_HINT = '应为 2022-03-01 14:05、2022/3/1 9:30 或 2022年3月1日9时30分';

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

/** Words after a number that make it a range or an estimate, not a value. */
const QUALIFIER_RE = /以上|以下|左右|余|多|约|几|至|到|超过|不足|不到|近/;

/**
 * Groups of units that mean the same (compared lower-cased), by dimension. A cell whose unit is a
 * different unit of the same dimension as the column's (`2500米` under `长度 (km)`, `5天` under
 * `办理时限（工作日）`) is an error rather than a silently wrong number.
 */
const UNIT_GROUPS: ReadonlyArray<{ dimension: string; units: readonly string[] }> = [
  { dimension: 'length', units: ['km', '公里', '千米'] },
  { dimension: 'length', units: ['m', '米'] },
  { dimension: 'length', units: ['cm', '厘米'] },
  { dimension: 'length', units: ['mm', '毫米'] },
  { dimension: 'days', units: ['工作日', '个工作日'] },
  { dimension: 'days', units: ['天', '日', '自然日', '个自然日'] },
  { dimension: 'concentration', units: ['mg/l', '毫克/升'] },
  { dimension: 'concentration', units: ['μg/l', 'ug/l', '微克/升'] },
];

function unitGroup(unit: string): { dimension: string; index: number } | undefined {
  const u = unit.normalize('NFKC').toLowerCase();
  const index = UNIT_GROUPS.findIndex((g) => g.units.includes(u));
  return index < 0 ? undefined : { dimension: UNIT_GROUPS[index]!.dimension, index };
}

/**
 * Splits a folded numeric cell into its number and a trailing unit word (`5个工作日`, `3人`,
 * `12台次`, `2.5km`, `2.5 公里`). Returns a message when the unit word is a qualifier (`5人以上`)
 * or contradicts the column's unit.
 */
function numberAndUnit(s: string, columnUnit: string | undefined): { number: string } | { message: string } | undefined {
  const m = /^([+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+))\s*(.*)$/u.exec(s);
  if (!m) return undefined;
  const unit = m[2]!;
  if (unit === '') return { number: m[1]! };
  if (!/^[\p{Script=Han}A-Za-z/%‰°μ²³·]+$/u.test(unit)) return undefined;
  if (QUALIFIER_RE.test(unit)) return { message: `数值后的“${unit}”表示范围或约数，请只填一个确定的数` };
  if (columnUnit) {
    const a = unitGroup(unit);
    const b = unitGroup(columnUnit);
    if (a && b && a.dimension === b.dimension && a.index !== b.index) {
      return { message: `单位“${unit}”与表头的单位“${columnUnit}”不一致，请换算为${columnUnit}后填写` };
    }
  }
  return { number: m[1]! };
}

/**
 * `int`: `12`, `1,200`, `12.0`, `１２`, a whole-number cell, or a number followed by a unit word
 * (`5个工作日`, `3人`, `12台次`). `columnUnit` (the header's unit) rejects a contradicting unit.
 */
export function parseInteger(raw: unknown, columnUnit?: string): CellResult<number> {
  if (typeof raw === 'number') {
    if (Number.isSafeInteger(raw)) return ok(raw);
    return fail(`应为整数：${displayValue(raw)}`);
  }
  const split = numberAndUnit(foldedText(raw), columnUnit);
  if (split && 'message' in split) return fail(`${split.message}：${displayValue(raw)}`);
  const plain = split === undefined ? undefined : stripThousands(split.number);
  const m = plain === undefined ? null : /^([+-]?\d+)(?:\.0*)?$/.exec(plain);
  if (!m) return fail(`应为整数：${displayValue(raw)}`);
  const n = Number(m[1]);
  if (!Number.isSafeInteger(n)) return fail(`数值过大：${displayValue(raw)}`);
  return ok(n === 0 ? 0 : n);
}

/**
 * `decimal`: `12.5`, `1,234.5`, `-3`, `.5`, a number cell, or a number followed by a unit word
 * (`2.5km`, `2.5公里`). `columnUnit` (the header's unit) rejects a contradicting unit (`2500米` under km).
 */
export function parseDecimal(raw: unknown, columnUnit?: string): CellResult<number> {
  if (typeof raw === 'number') {
    return Number.isFinite(raw) ? ok(raw) : fail(`应为数字：${displayValue(raw)}`);
  }
  const split = numberAndUnit(foldedText(raw), columnUnit);
  if (split && 'message' in split) return fail(`${split.message}：${displayValue(raw)}`);
  const plain = split === undefined ? undefined : stripThousands(split.number);
  if (plain === undefined || !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return fail(`应为数字：${displayValue(raw)}`);
  const n = Number(plain);
  return Number.isFinite(n) ? ok(n === 0 ? 0 : n) : fail(`应为数字：${displayValue(raw)}`);
}

/** Powers of ten of the money units: 元 0, 千元 3, 万元 4. */
const MONEY_UNIT_EXP: Readonly<Record<string, number>> = {
  元: 0,
  圆: 0,
  人民币元: 0,
  元人民币: 0,
  千元: 3,
  千: 3,
  万元: 4,
  万: 4,
  萬元: 4,
  萬: 4,
};

/**
 * The power of ten of a money unit written in a header (`元` → 0, `千元` → 3, `万元` → 4), or
 * `undefined` when the unit is not one of them (`美元`).
 */
export function moneyUnitExponent(unit: string): number | undefined {
  return MONEY_UNIT_EXP[unit.normalize('NFKC').replace(/\s+/g, '')];
}

/** A decimal text `intPart.frac` times 10^exp, in fen; a message when finer than a fen. */
function shiftToFen(intPart: string, frac: string, exp: number, raw: unknown): CellResult<number> {
  const shift = exp + 2;
  const fracTrimmed = frac.replace(/0+$/, '');
  if (fracTrimmed.length > shift) {
    return fail(exp === 0 ? `金额最多两位小数（精确到分）：${displayValue(raw)}` : `金额最多精确到分：${displayValue(raw)}`);
  }
  const digits = (intPart + fracTrimmed.padEnd(shift, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 14) return fail(`金额过大：${displayValue(raw)}`);
  return ok(Number(digits));
}

/**
 * `money`: an amount → integer fen, exactly (the decimal text is shifted, never multiplied as a
 * float). Accepts `1234.5`, `1,234.50`, `15,000.00`, `1234.50元`, `¥1,234.50`, `￥15000`, `１２３`,
 * `1.5万`, `1.5万元`, `3千元`, number cells, and plain Chinese numerals (`三万元`, `一万五千元`,
 * `壹万元整`; ambiguous ones such as `一万五` are refused). At most two decimals of a yuan; no negatives.
 *
 * @param headerUnit the unit written in the column's header (`万元`, `千元`, `元`): cells without a
 *   unit of their own are in that unit (header `罚款金额（万元）`, cell `1.5` → 1 500 000 fen);
 *   a unit in the cell itself (`15000元`) wins.
 */
export function parseMoney(raw: unknown, headerUnit?: string): CellResult<number> {
  const headerExp = headerUnit === undefined ? 0 : (moneyUnitExponent(headerUnit) ?? 0);
  let text: string;
  let exp = headerExp;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail(`金额格式无法识别：${displayValue(raw)}`);
    if (Math.abs(raw) * 10 ** headerExp >= MAX_MONEY_YUAN) return fail(`金额过大：${displayValue(raw)}`);
    // A number cell is a binary double: read it through its shortest decimal rendering (0.1+0.2 → 0.3).
    text = numberText(raw);
    if (/e/i.test(text)) text = raw.toFixed(20).replace(/0+$/, '');
  } else {
    text = foldedText(raw)
      .replace(/^人民币\s*/, '')
      .replace(/^[¥]\s*/, '')
      .replace(/\s*[整正]$/, '');
    const unit = /\s*(人民币元|元人民币|万元|萬元|千元|万|萬|千|元|圆)$/.exec(text);
    if (unit) {
      exp = MONEY_UNIT_EXP[unit[1]!]!;
      text = text.slice(0, unit.index);
    }
  }
  const neg = text.startsWith('-');
  const plain = stripThousands(text.replace(/^[+-]/, ''));
  const m = plain === undefined ? null : /^(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!m) {
    const chinese = typeof raw === 'string' ? parseChineseMoney(foldedText(raw)) : undefined;
    if (chinese !== undefined) {
      if (headerExp !== 0 && !/[元圆万萬千]/.test(foldedText(raw))) {
        return shiftToFen(String(chinese / 100), '', headerExp, raw);
      }
      return chinese >= MAX_MONEY_YUAN * 100 ? fail(`金额过大：${displayValue(raw)}`) : ok(chinese);
    }
    return fail(`金额格式无法识别：${displayValue(raw)}（应为以元为单位的数字，如 1234.50、1,234.50、1.5万元 或 三万元）`);
  }
  const r = shiftToFen(m[1]!, m[2] ?? '', exp, raw);
  if (!r.ok) return r;
  if (r.value >= MAX_MONEY_YUAN * 100) return fail(`金额过大：${displayValue(raw)}`);
  if (neg && r.value !== 0) return fail(`金额不能为负数：${displayValue(raw)}`);
  return r;
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

/** The date at the start of a cell: `2022-03-01`, `2022/3/1`, `2022.3.1`, `2022年3月1日`/`号`, `20220301`. */
const DATE_PART_RE = /^(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2})|(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*([日号])?|(\d{4})(\d{2})(\d{2})(?!\d))/;

/**
 * A time after the date: `14:05`, `14:05:30`, `14:05:30.123` (optionally with a UTC offset
 * `Z`/`+08:00`), or `9时30分`, `9点30分`, `9点30`, `9时`, `9时30分15秒`.
 */
const TIME_PART_RE =
  /^(?:(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?|(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分?)?\s*(?:(\d{1,2})\s*秒)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** An integer number cell read as a compact date `20230105`. */
const COMPACT_MIN = 19000101;
const COMPACT_MAX = 21001231;

/** Why an Excel serial day number is not a date, or its wall clock. */
type SerialResult = { ok: true; value: Omit<WallClock, 'hasTime'> } | { ok: false; message: string };

/**
 * An Excel serial day number (1900 date system) → wall clock. Excel counts a fictitious
 * 1900-02-29 as day 60 (the Lotus 1-2-3 leap-year bug): days 1–59 are 1900-01-01 to 1900-02-28,
 * day 60 is refused, day 61 is 1900-03-01. Zero and negative serials are refused.
 */
function fromExcelSerial(serial: number): SerialResult {
  if (!Number.isFinite(serial) || serial < 1) return { ok: false, message: '不是有效的 Excel 日期' };
  const day = Math.floor(serial);
  if (day === 60) return { ok: false, message: 'Excel 日期序列号60对应不存在的1900年2月29日' };
  const epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ms = epoch + Math.round((serial * 86400000) / 1000) * 1000;
  return { ok: true, value: dateFields(new Date(ms)) };
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
    if (Number.isInteger(raw) && raw >= COMPACT_MIN && raw <= COMPACT_MAX) return readDateText(String(raw), shown);
    return fromSerial(raw, shown);
  }
  const s = foldedText(raw);
  // A serial number as text (a date column exported as numbers): at most 5 integer digits.
  if (/^\d{1,5}(\.\d+)?$/.test(s)) return fromSerial(Number(s), shown);
  return readDateText(s, shown);
}

function fromSerial(serial: number, shown: string): WallClockResult {
  const f = fromExcelSerial(serial);
  if (!f.ok) return { ok: false, kind: 'impossible', message: `${shown}（${f.message}）` };
  return inRange(f.value.y, shown) ?? { ok: true, value: { ...f.value, hasTime: f.value.h !== 0 || f.value.mi !== 0 } };
}

function readDateText(s: string, shown: string): WallClockResult {
  const m = DATE_PART_RE.exec(s);
  if (!m) return { ok: false, kind: 'format', message: shown };
  const y = Number(m[1] ?? m[5] ?? m[9]);
  const mo = Number(m[3] ?? m[6] ?? m[10]);
  const d = Number(m[4] ?? m[7] ?? m[11]);
  let rest = s.slice(m[0].length);
  // The time needs a separator (space or T), except right after 日/号.
  if (rest !== '') {
    const sep = /^(?:\s*T\s*|\s+)/i.exec(rest);
    if (sep) rest = rest.slice(sep[0].length);
    else if (m[8] === undefined) return { ok: false, kind: 'format', message: shown };
  }
  const t = rest === '' ? undefined : TIME_PART_RE.exec(rest);
  if (rest !== '' && !t) return { ok: false, kind: 'format', message: shown };
  if (!isRealDate(y, mo, d)) {
    return { ok: false, kind: 'impossible', message: `日期不存在：${shown}（${impossibleReason(y, mo, d)}）` };
  }
  const rangeError = inRange(y, shown);
  if (rangeError) return rangeError;
  if (!t) return { ok: true, value: { y, m: mo, d, h: 0, mi: 0, hasTime: false } };
  const h = Number(t[1] ?? t[4]);
  const mi = Number(t[2] ?? t[5] ?? 0);
  const sec = Number(t[3] ?? t[6] ?? 0);
  if (h > 23 || mi > 59 || sec > 59) {
    return { ok: false, kind: 'impossible', message: `时间不存在：${shown}（时应为0至23，分、秒应为0至59）` };
  }
  const offset = t[7];
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

const TRUE_WORDS = new Set(['是', '√', '✓', '✔', '☑', 'y', 'yes', '有', '1', 'true']);
const FALSE_WORDS = new Set(['否', '×', '✗', '✘', 'n', 'no', '无', '0', 'false']);

/**
 * `bool`: `是`/`√`/`✓`/`✔`/`Y`/`yes`/`有`/`1`/`true` → true; `否`/`×`/`✗`/`✘`/`N`/`no`/`无`/`0`/`false`
 * → false (letters in any case, full-width folded). An Excel TRUE/FALSE cell and number cells 1/0
 * are also accepted; anything else (`对`, `2`) is an error.
 */
export function parseBool(raw: unknown): CellResult<boolean> {
  if (typeof raw === 'boolean') return ok(raw);
  const s = typeof raw === 'number' || typeof raw === 'string' ? foldedText(raw).toLowerCase() : undefined;
  if (s !== undefined && TRUE_WORDS.has(s)) return ok(true);
  if (s !== undefined && FALSE_WORDS.has(s)) return ok(false);
  return fail(`应填“是”或“否”（也可填 √/×、Y/N、有/无、1/0），不能填“${displayValue(raw)}”`);
}

function choices(values: readonly string[]): string {
  const shown = values.length > 15 ? [...values.slice(0, 15), '…'] : values;
  return shown.join('/');
}

/** Text compared for enums: NFKC (full-width letters and digits folded) and trimmed. */
function enumKey(s: string): string {
  return cleanText(s.normalize('NFKC'));
}

/**
 * `enum`: the cell must be one of `values`, compared after NFKC folding and trimming (`Ａ` = `A`,
 * `（其他）` = `(其他)`); the value returned is the spec's own spelling.
 */
export function parseEnum<E extends string>(raw: unknown, values: readonly E[]): CellResult<E> {
  const s = enumKey(rawCellText(raw));
  const hit = values.find((v) => v === s) ?? values.find((v) => enumKey(v) === s);
  if (hit !== undefined) return ok(hit);
  return fail(`“${displayValue(raw)}”不是可选值（${choices(values)}）`);
}

const LIST_SPLIT = new RegExp(LIST_SEPARATOR.source, 'gu');

/**
 * Splits a list cell on `、` `,` `，` `;` `；` `/` `／`, line breaks, and spaces between Chinese
 * characters (`张三 李四`); items trimmed, empty ones dropped.
 */
export function splitList(raw: unknown): string[] {
  return rawCellText(raw)
    .split(LIST_SPLIT)
    .map((item) => unescapeFormula(cleanText(item)))
    .filter((x) => x !== '');
}

/**
 * `list`: items (see {@link splitList}) → string[]; each item must be one of `values` when given,
 * compared as enums are (all bad items are named in one message).
 */
export function parseList(raw: unknown, values?: readonly string[]): CellResult<string[]> {
  const items = splitList(raw);
  if (items.length === 0) return fail('不能为空');
  if (!values) return ok(items);
  const out: string[] = [];
  const bad: string[] = [];
  for (const item of items) {
    const key = enumKey(item);
    const hit = values.find((v) => v === key) ?? values.find((v) => enumKey(v) === key);
    if (hit === undefined) bad.push(item);
    else out.push(hit);
  }
  if (bad.length > 0) {
    return fail(`${bad.map((b) => `“${b}”`).join('、')}不是可选值（${choices(values)}；多项用“、”分隔）`);
  }
  return ok(out);
}

// ---------------------------------------------------------------------------
// Identifiers

/** Shared clean-up of an identifier cell; explains the Excel number trap instead of a bare check failure. */
function identifierText(raw: unknown, what: string): CellResult<string> {
  if (typeof raw === 'number') {
    return fail(`${what}被 Excel 存成了数字（末几位可能已丢失）：${displayValue(raw)}，请把该列设为“文本”格式后重新输入`);
  }
  const s = foldedText(raw)
    .replace(/[\s-]+/g, '')
    .toUpperCase();
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

/** What a cell parser may need to know about the file's column, beyond the spec. */
export interface CellContext {
  /**
   * The unit written in the file's header (`万元` of `罚款金额（万元）`, `公里` of `长度（公里）`), or
   * else the spec header's unit. Money cells without a unit of their own are in it; an int or
   * decimal cell with a contradicting unit is an error.
   */
  unit?: string;
}

/**
 * Parses one raw cell per its column: an empty cell is `null` (or an error when the column is
 * required); otherwise the type's parser decides. Column `validate` hooks are not run here
 * (they need the whole row; see `parseLedger`).
 */
export function parseCell(column: ColumnSpec, raw: unknown, context: CellContext = {}): CellResult<CellValue | null> {
  if (isEmptyCell(raw) || (column.type === 'list' && splitList(raw).length === 0)) {
    return column.required ? fail('必填，不能为空') : ok(null);
  }
  return parseNonEmpty(column, raw, context);
}

function parseNonEmpty(column: ColumnSpec, raw: unknown, context: CellContext): CellResult<CellValue> {
  switch (column.type) {
    case 'text':
      return parseText(raw);
    case 'int':
      return parseInteger(raw, context.unit);
    case 'decimal':
      return parseDecimal(raw, context.unit);
    case 'money':
      return parseMoney(raw, context.unit);
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
