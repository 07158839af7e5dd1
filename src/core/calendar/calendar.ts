/**
 * 工作日历 — the Chinese working-day calendar: weekends, statutory holidays
 * (法定节假日) and the make-up working days (调休上班日) the State Council
 * announces each year, plus an administrator's override table.
 *
 * Pure: no I/O, no clock, no process time zone. Business dates are ISO strings
 * `YYYY-MM-DD`; arithmetic is done on UTC day numbers.
 *
 * Rules (see docs/calendar.md and RULES.md "Counting days"):
 * - the day a period starts is not counted (民事诉讼法 art. 85);
 * - working day = Mon–Fri that is not a statutory holiday, plus make-up days;
 * - in a year chinese-days does not hold, the fixed statutory holidays of
 *   全国年节及纪念日放假办法 art. 2 (2024) still hold (statutory.ts); only the
 *   调休 waits for the notice (the override table);
 * - a calendar-day period ending on a non-working day ends on the next working
 *   day (民事诉讼法 art. 85, applied by analogy).
 */
// The holiday tables come straight from chinese-days' generated data rather than
// from its functions: those parse 'YYYY-MM-DD' as UTC but read it back in the
// process's local time zone, so west of UTC (e.g. TZ=America/New_York) they
// answer for the wrong day. The data is the same (checked in calendar.test.ts).
import chineseDaysData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { errors } from '../errors.js';
import { statutoryHolidays } from './statutory.js';

/** An ISO calendar date `YYYY-MM-DD` (a business date, no time zone). */
export type IsoDate = string;

/**
 * What kind of day it is:
 * - `weekday` 工作日 — Monday to Friday, an ordinary working day;
 * - `weekend` 休息日 — Saturday or Sunday, not a make-up day;
 * - `holiday` 法定节假日 — a statutory holiday (including the weekend days and
 *   swapped days inside a holiday block), or one set by the override table;
 * - `makeup` 调休上班日 — a weekend day that is worked to make up for a holiday.
 */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeup';

/**
 * Where the answer came from: the override table (`override`), the State
 * Council arrangement as packaged by npm chinese-days (`chinese-days`), the
 * fixed statutory holidays of 全国年节及纪念日放假办法 art. 2 in a year
 * chinese-days does not hold (`statute`), or the plain Monday-to-Friday rule
 * (`weekday-rule`).
 */
export type DaySource = 'chinese-days' | 'override' | 'statute' | 'weekday-rule';

/** One day of the calendar, with the reason it is (not) a working day. */
export interface DayInfo {
  readonly date: IsoDate;
  /** 是否工作日 */
  readonly workday: boolean;
  readonly kind: DayKind;
  /** Holiday name in Chinese, e.g. '春节', '国庆节' (also on its make-up days). */
  readonly name?: string;
  readonly source: DaySource;
}

/**
 * 节假日补录 — one row of the administrator's override table, filled from the
 * annual State Council notice (国务院办公厅关于某年部分节假日安排的通知) for years
 * chinese-days does not hold, or to correct a day. Overrides win over chinese-days.
 */
export interface CalendarOverride {
  readonly date: IsoDate;
  /** `holiday` 放假 / `workday` 上班 (on a weekend: a make-up day 调休上班). */
  readonly kind: 'workday' | 'holiday';
  /** e.g. '元旦', '春节' */
  readonly name?: string;
}

/** Options of {@link createCalendar}. */
export interface CreateCalendarOptions {
  /** 节假日补录表 — wins over chinese-days. */
  readonly overrides?: ReadonlyArray<CalendarOverride>;
  /**
   * Years the administrator declares fully entered (已录入全年安排), in addition
   * to the years chinese-days holds and the years with override rows.
   */
  readonly coveredYears?: ReadonlyArray<number>;
}

/** 是否顺延 — roll a period's last day forward to the next working day. */
export interface RollOption {
  /**
   * When the end falls on a non-working day (statutory holiday, or a weekend that
   * is not a make-up day), move it to the next working day (民事诉讼法 art. 85).
   */
  readonly rollToWorkday: boolean;
}

/** The working-day calendar. Every method is pure and memoised. */
export interface WorkCalendar {
  /** 是否工作日 */
  isWorkday(d: IsoDate): boolean;
  /** The day with its kind, holiday name and the source of the answer. */
  dayInfo(d: IsoDate): DayInfo;
  /**
   * 是否已录入该年节假日安排 — true when chinese-days holds the year's announced
   * arrangement, the override table has rows in that year, or the year was
   * passed in `coveredYears`. Otherwise the calendar counts the fixed statutory
   * holidays and Mon–Fri, without that year's 调休.
   */
  isCovered(year: number): boolean;
  /**
   * The n-th working day after `start`; the start day itself is not counted
   * (民事诉讼法 art. 85). `n = 0` returns `start`. A negative n gives the |n|-th
   * working day before `start` (e.g. "notify at least 7 working days ahead").
   */
  addWorkdays(start: IsoDate, n: number): IsoDate;
  /**
   * `start + n` calendar days (自然日), the start day not counted; with
   * `rollToWorkday` a non-working end moves to the next working day. n ≥ 0.
   */
  addCalendarDays(start: IsoDate, n: number, opts: RollOption): IsoDate;
  /**
   * 按月计算 — the same day of the month n months later, or the month's last day
   * when that month has no such day (2025-01-31 + 1 month = 2025-02-28);
   * optionally rolled to a working day (default: not rolled). n ≥ 0.
   */
  addMonths(start: IsoDate, n: number, opts?: RollOption): IsoDate;
  /**
   * Working days after `from` up to and including `to` (0 when `to <= from`):
   * `workdaysBetween(s, cal.addWorkdays(s, n)) === n` for n ≥ 0.
   */
  workdaysBetween(from: IsoDate, to: IsoDate): number;
  /** `d` itself when it is a working day, otherwise the next working day. */
  nextWorkdayOnOrAfter(d: IsoDate): IsoDate;
  /**
   * What this calendar is made of besides the code and chinese-days' data — its overrides and declared
   * years, as text: two calendars with the same identity answer every day alike (the working-day
   * table's freshness check compares it instead of computing every day).
   */
  readonly identity: string;
}

// ---------------------------------------------------------------------------
// ISO date helpers (UTC day numbers: days since 1970-01-01)

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `s` is a real calendar date written `YYYY-MM-DD` (year 1000–9999). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

// Parsing and formatting dominate the cost of calendar calls (metrics make
// hundreds of thousands), so both directions are memoised. Pure functions of
// their input, bounded in size.
const CACHE_LIMIT = 200_000;
const dayNumberOf = new Map<IsoDate, number>();
const isoOf = new Map<number, IsoDate>();

/** Days since 1970-01-01 of an ISO date; throws a VALIDATION error on a bad date. */
export function toDayNumber(d: IsoDate, field = 'date'): number {
  const hit = dayNumberOf.get(d);
  if (hit !== undefined) return hit;
  if (!isIsoDate(d)) throw errors.validation(field, `日期格式无效：${String(d)}（应为 YYYY-MM-DD）`);
  const [y, mo, da] = d.split('-').map(Number) as [number, number, number];
  const n = Date.UTC(y, mo - 1, da) / MS_PER_DAY;
  if (dayNumberOf.size >= CACHE_LIMIT) dayNumberOf.clear();
  dayNumberOf.set(d, n);
  return n;
}

/** The ISO date of a day number (inverse of {@link toDayNumber}). */
export function fromDayNumber(n: number): IsoDate {
  const hit = isoOf.get(n);
  if (hit !== undefined) return hit;
  const d = new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
  if (isoOf.size >= CACHE_LIMIT) isoOf.clear();
  isoOf.set(n, d);
  return d;
}

/** `d + n` calendar days, no rolling (n may be negative). */
export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: IsoDate): number {
  return weekDayOfNumber(toDayNumber(d));
}

/** 1970-01-01 (day 0) was a Thursday. */
function weekDayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/**
 * The business date (Asia/Shanghai, UTC+8, no daylight saving since 1991) of an
 * instant — e.g. `today` for {@link deadlineStatus} is `isoDateInShanghai(new Date())`.
 */
export function isoDateInShanghai(instant: Date): IsoDate {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// chinese-days data

type NameTable = Readonly<Record<IsoDate, string>>;
export const CD_HOLIDAYS: NameTable = chineseDaysData.holidays;
export const CD_WORKDAYS: NameTable = chineseDaysData.workdays;

/** Years (2004–2026 in chinese-days 1.5.7) whose State Council arrangement chinese-days holds. */
export const CHINESE_DAYS_YEARS: ReadonlySet<number> = new Set([...Object.keys(CD_HOLIDAYS), ...Object.keys(CD_WORKDAYS)].map((d) => Number(d.slice(0, 4))));

/** chinese-days names read "Spring Festival,春节,4": keep the Chinese name. */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return parts[1] ?? parts[0] ?? entry;
}

// ---------------------------------------------------------------------------
// The calendar

interface YearTable {
  readonly year: number;
  /** Day number of 1 January. */
  readonly first: number;
  /** Day number of 31 December. */
  readonly last: number;
  readonly infos: ReadonlyArray<DayInfo>;
  /** 1 = working day, by day of year (0-based). */
  readonly work: Uint8Array;
  /** prefix[i] = working days among the first i days of the year. */
  readonly prefix: Int32Array;
}

/** Safety stop for walks through calendars an override table made all holidays. */
const MAX_WALK_DAYS = 3_660;

/**
 * Build a working-day calendar from chinese-days (2004–2026) and an override
 * table (节假日补录表) that wins over it. In a year chinese-days does not hold,
 * the fixed statutory holidays (全国年节及纪念日放假办法 art. 2, from 2025) are
 * holidays and every other Monday–Friday a working day; when no override rows
 * cover the year either, deadline explanations warn that its 调休 is not entered.
 *
 * @example
 * const cal = createCalendar({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
 * cal.isWorkday('2025-01-26'); // true — 春节调休上班 (Sunday)
 * cal.addWorkdays('2025-01-20', 10); // '2025-02-08'
 */
export function createCalendar(opts: CreateCalendarOptions = {}): WorkCalendar {
  const overrides = new Map<IsoDate, CalendarOverride>();
  const covered = new Set<number>(CHINESE_DAYS_YEARS);
  for (const [i, o] of (opts.overrides ?? []).entries()) {
    const field = `overrides[${i}].date`;
    toDayNumber(o.date, field);
    if (o.kind !== 'workday' && o.kind !== 'holiday') {
      throw errors.validation(`overrides[${i}].kind`, `节假日补录第${i + 1}行：类型应为 workday 或 holiday`);
    }
    if (overrides.has(o.date)) {
      throw errors.validation(field, `节假日补录第${i + 1}行：日期 ${o.date} 重复`);
    }
    overrides.set(o.date, o);
    covered.add(Number(o.date.slice(0, 4)));
  }
  for (const y of opts.coveredYears ?? []) covered.add(y);

  const years = new Map<number, YearTable>();
  const byDate = new Map<IsoDate, DayInfo>();

  function computeInfo(date: IsoDate, weekDay: number, statutory: ReadonlyMap<IsoDate, string>): DayInfo {
    const weekend = weekDay === 0 || weekDay === 6;
    const o = overrides.get(date);
    if (o) {
      const kind: DayKind = o.kind === 'holiday' ? 'holiday' : weekend ? 'makeup' : 'weekday';
      return info({ date, workday: o.kind === 'workday', kind, name: o.name ?? (o.kind === 'holiday' ? statutory.get(date) : undefined), source: 'override' });
    }
    const w = CD_WORKDAYS[date];
    if (w !== undefined) return info({ date, workday: true, kind: weekend ? 'makeup' : 'weekday', name: chineseName(w), source: 'chinese-days' });
    const h = CD_HOLIDAYS[date];
    if (h !== undefined) return info({ date, workday: false, kind: 'holiday', name: chineseName(h), source: 'chinese-days' });
    const s = statutory.get(date);
    if (s !== undefined) return info({ date, workday: false, kind: 'holiday', name: s, source: 'statute' });
    return info({ date, workday: !weekend, kind: weekend ? 'weekend' : 'weekday', source: 'weekday-rule' });
  }

  function yearTable(year: number): YearTable {
    const hit = years.get(year);
    if (hit) return hit;
    // The fixed statutory holidays count only in a year whose arrangement chinese-days does not hold.
    const statutory = new Map(CHINESE_DAYS_YEARS.has(year) ? [] : statutoryHolidays(year).map((d) => [d.date, d.name]));
    const first = Date.UTC(year, 0, 1) / MS_PER_DAY;
    const last = Date.UTC(year, 11, 31) / MS_PER_DAY;
    const size = last - first + 1;
    const infos: DayInfo[] = [];
    const work = new Uint8Array(size);
    const prefix = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) {
      const date = fromDayNumber(first + i);
      const di = computeInfo(date, weekDayOfNumber(first + i), statutory);
      infos.push(di);
      byDate.set(date, di);
      work[i] = di.workday ? 1 : 0;
      prefix[i + 1] = (prefix[i] ?? 0) + (work[i] ?? 0);
    }
    const table: YearTable = { year, first, last, infos, work, prefix };
    years.set(year, table);
    return table;
  }

  let lastTable: YearTable | undefined;
  function tableOfDay(day: number): YearTable {
    // Most calls stay within one year: try the last table first.
    if (lastTable !== undefined && day >= lastTable.first && day <= lastTable.last) return lastTable;
    lastTable = yearTable(new Date(day * MS_PER_DAY).getUTCFullYear());
    return lastTable;
  }

  function dayInfo(d: IsoDate): DayInfo {
    const hit = byDate.get(d);
    if (hit) return hit;
    const day = toDayNumber(d);
    const t = tableOfDay(day);
    return t.infos[day - t.first] as DayInfo;
  }

  function isWorkdayNum(day: number): boolean {
    const t = tableOfDay(day);
    return t.work[day - t.first] === 1;
  }

  /** Working days among day numbers a..b inclusive (0 when b < a). */
  function countWorkdays(a: number, b: number): number {
    let total = 0;
    let day = a;
    while (day <= b) {
      const t = tableOfDay(day);
      const hi = Math.min(b, t.last);
      total += (t.prefix[hi - t.first + 1] ?? 0) - (t.prefix[day - t.first] ?? 0);
      day = hi + 1;
    }
    return total;
  }

  function rollNum(day: number): number {
    let d = day;
    for (let steps = 0; !isWorkdayNum(d); steps++, d++) {
      if (steps > MAX_WALK_DAYS) throw errors.validation('date', `${fromDayNumber(day)} 之后十年内没有工作日，请检查节假日补录表`);
    }
    return d;
  }

  function checkCount(n: number, field: string, allowNegative: boolean): void {
    if (!Number.isInteger(n) || (!allowNegative && n < 0)) {
      throw errors.validation(field, `期限数值无效：${String(n)}（应为${allowNegative ? '' : '非负'}整数）`);
    }
  }

  return {
    identity: JSON.stringify({
      overrides: [...overrides.values()].map((o) => `${o.date}:${o.kind}`).sort(),
      coveredYears: [...(opts.coveredYears ?? [])].sort((a, b) => a - b),
    }),
    isWorkday: (d) => dayInfo(d).workday,
    dayInfo,
    isCovered: (year) => covered.has(year),

    addWorkdays(start, n) {
      checkCount(n, 'n', true);
      let day = toDayNumber(start, 'start');
      const step = n < 0 ? -1 : 1;
      let left = Math.abs(n);
      let t = tableOfDay(day);
      for (let steps = 0; left > 0; steps++) {
        if (steps > MAX_WALK_DAYS + Math.abs(n) * 2) {
          throw errors.validation('start', `${start} 起十年内找不到第${n}个工作日，请检查节假日补录表`);
        }
        day += step;
        if (day > t.last || day < t.first) t = tableOfDay(day);
        if (t.work[day - t.first] === 1) left--;
      }
      return fromDayNumber(day);
    },

    addCalendarDays(start, n, { rollToWorkday }) {
      checkCount(n, 'n', false);
      const end = toDayNumber(start, 'start') + n;
      return fromDayNumber(rollToWorkday ? rollNum(end) : end);
    },

    addMonths(start, n, roll = { rollToWorkday: false }) {
      checkCount(n, 'n', false);
      toDayNumber(start, 'start');
      const [y, m, d] = start.split('-').map(Number) as [number, number, number];
      const monthIndex = m - 1 + n;
      const ty = y + Math.floor(monthIndex / 12);
      const tm = (monthIndex % 12) + 1;
      const end = Date.UTC(ty, tm - 1, Math.min(d, daysInMonth(ty, tm))) / MS_PER_DAY;
      return fromDayNumber(roll.rollToWorkday ? rollNum(end) : end);
    },

    workdaysBetween(from, to) {
      const a = toDayNumber(from, 'from');
      const b = toDayNumber(to, 'to');
      return b <= a ? 0 : countWorkdays(a + 1, b);
    },

    nextWorkdayOnOrAfter: (d) => fromDayNumber(rollNum(toDayNumber(d))),
  };
}

/** A frozen day, without `name` when it has none. */
function info({
  date,
  workday,
  kind,
  name,
  source,
}: {
  date: IsoDate;
  workday: boolean;
  kind: DayKind;
  name?: string | undefined;
  source: DaySource;
}): DayInfo {
  return Object.freeze(name === undefined ? { date, workday, kind, source } : { date, workday, kind, name, source });
}
