/**
 * 期限计算 — pure deadline arithmetic over a rule and a {@link WorkCalendar},
 * with an explanation a legal officer can check against the statute.
 *
 * Counting (docs/calendar.md):
 * - the start day is not counted: N units from a date end on the N-th unit after
 *   it (民事诉讼法 art. 85);
 * - `workday` rules count working days (行政处罚法 art. 85 for 2/3/5/7-day periods,
 *   every period of 行政许可法 — art. 82); `day` rules count calendar days;
 *   `month` rules end on the same day of the month (or the month's last day);
 * - a `day` or `month` period ending on a non-working day ends on the next working
 *   day (民事诉讼法 art. 85, by analogy) unless the rule says `rollToWorkday: false`;
 * - 中止/扣除期间 (pauses: third-party consultation, hearing, testing, expert
 *   review …) do not count: the period runs only on unpaused days;
 * - 延长 (extensions) add units after the unrolled end of the period before them.
 */
import { errors } from '../errors.js';
import { fromDayNumber, toDayNumber, type IsoDate, type WorkCalendar } from './calendar.js';

/** 期限单位 — `workday` 工作日, `day` 日 (calendar days, 自然日), `month` 月. */
export type DeadlineUnit = 'workday' | 'day' | 'month';

/** One row of a module's deadline rule table (期限规则表). */
export interface DeadlineRule {
  /** Stable key, e.g. 'penalty.decision'. */
  key: string;
  /** What must happen, e.g. '作出行政处罚决定'. */
  label: string;
  unit: DeadlineUnit;
  /** Number of units; an integer ≥ 0. */
  n: number;
  /** Legal basis, e.g. '行政处罚法第六十条'. */
  source: string;
  /**
   * 顺延 — move an end that falls on a non-working day to the next working day.
   * Default true (it only matters for `day` and `month` rules: a working-day count
   * always ends on a working day).
   */
  rollToWorkday?: boolean;
}

/** 中止/扣除期间 — days (inclusive at both ends) during which the period does not run. */
export interface DeadlinePause {
  from: IsoDate;
  to: IsoDate;
  /** e.g. '征求第三方意见', '听证', '检测鉴定', '专家评审' */
  reason: string;
}

/** 延长期限 — an approved extension. */
export interface DeadlineExtension {
  /** Units added; an integer ≥ 0. */
  n: number;
  /** Default: the rule's unit. */
  unit?: DeadlineUnit;
  /** 批准日期 — warned about when later than the deadline it extends. */
  approvedOn?: IsoDate;
  reason: string;
}

/** Input of {@link computeDeadline}. */
export interface DeadlineInput {
  rule: DeadlineRule;
  /** 起算日 — the event that starts the clock (itself not counted). */
  start: IsoDate;
  pauses?: ReadonlyArray<DeadlinePause>;
  /** Applied in order, each after the (unrolled) end of the period before it. */
  extensions?: ReadonlyArray<DeadlineExtension>;
  /**
   * 重新起算日 — the clock restarts from this date (e.g. 补正材料 received,
   * 行政许可法 art. 32); days before it do not count. Not before `start`.
   */
  restartOn?: IsoDate;
}

/** A calendar day met inside the period. */
export interface MetDay {
  date: IsoDate;
  name?: string;
}

/** The result of {@link computeDeadline}: the due date and why. */
export interface DeadlineExplanation {
  /** 起算日 as given. */
  start: IsoDate;
  /** 实际起算日 — `restartOn` when given, else `start`. */
  effectiveStart: IsoDate;
  rule: DeadlineRule;
  /** Legal basis (the rule's `source`). */
  source: string;
  /** 届满日 — the last day on which the act is still on time. */
  due: IsoDate;
  unit: DeadlineUnit;
  n: number;
  /** Sum of the extensions' n (each in its own unit; see `extensions`). */
  extensionDays: number;
  /** The extensions applied, with their units filled in. */
  extensions: Array<{ n: number; unit: DeadlineUnit; reason: string; approvedOn?: IsoDate }>;
  /** Paused units that pushed the due date back: working days for `workday` periods, calendar days otherwise. */
  pausedDays: number;
  /**
   * For `workday` periods: the working days counted, in order. For `day`/`month`
   * periods: the first and last day of the period before rolling (empty when n = 0).
   */
  countedDays: IsoDate[];
  /** Statutory holidays (法定节假日) between the effective start (excluded) and the due date. */
  holidaysMet: MetDay[];
  /** Make-up working days (调休上班日) between the effective start (excluded) and the due date. */
  makeupDaysMet: MetDay[];
  /** The end before rolling to a working day (顺延前的届满日), when it was rolled. */
  rolledFrom?: IsoDate;
  /** Things a person should check, in Chinese (uncovered years, late approvals …). */
  warnings: string[];
  /** One Chinese sentence explaining the due date. */
  text: string;
}

/** How each unit reads: '按工作日计10日', '延长10个工作日'. */
const UNIT_TEXT: Record<DeadlineUnit, { basis: string; count: string; suffix: string }> = {
  workday: { basis: '按工作日计', count: '日', suffix: '个工作日' },
  day: { basis: '按自然日计', count: '日', suffix: '日' },
  month: { basis: '按月计', count: '个月', suffix: '个月' },
};

/**
 * 计算期限 — the due date of a period with its explanation.
 *
 * @example
 * computeDeadline({ rule: { key: 'x', label: '告知', unit: 'workday', n: 10, source: '…' }, start: '2025-01-20' }, cal).due
 * // '2025-02-08': 10 working days across the Spring Festival, counting the make-up Sunday 26 Jan and Saturday 8 Feb
 */
export function computeDeadline(input: DeadlineInput, cal: WorkCalendar): DeadlineExplanation {
  const { rule, start } = input;
  checkCount(rule.n, 'rule.n');
  const startDay = toDayNumber(start, 'start');
  let effectiveDay = startDay;
  if (input.restartOn !== undefined) {
    effectiveDay = toDayNumber(input.restartOn, 'restartOn');
    if (effectiveDay < startDay) {
      throw errors.validation('restartOn', `重新起算日 ${input.restartOn} 早于起算日 ${start}`);
    }
  }
  const effectiveStart = fromDayNumber(effectiveDay);

  // 中止/扣除期间: day numbers on which the clock stands still.
  const paused = new Map<number, string>();
  for (const [i, p] of (input.pauses ?? []).entries()) {
    const a = toDayNumber(p.from, `pauses[${i}].from`);
    const b = toDayNumber(p.to, `pauses[${i}].to`);
    if (b < a) throw errors.validation(`pauses[${i}].to`, `中止期间结束日 ${p.to} 早于开始日 ${p.from}`);
    for (let d = a; d <= b; d++) if (!paused.has(d)) paused.set(d, p.reason);
  }

  const isWork = (day: number): boolean => cal.isWorkday(fromDayNumber(day));
  const roll = rule.rollToWorkday ?? true;
  const warnings: string[] = [];
  const counted: number[] = [];
  const pauseReasons = new Set<string>();
  let pausedDays = 0;

  /** Walk `n` units after `from`, skipping paused days; returns the end (unrolled). */
  function advance(from: number, unit: DeadlineUnit, n: number): number {
    let day = from;
    let left = n;
    if (unit === 'month') {
      day = toDayNumber(cal.addMonths(fromDayNumber(from), n));
      left = 0;
      for (let d = from + 1; d <= day; d++) {
        const reason = paused.get(d);
        if (reason !== undefined) {
          left++;
          pausedDays++;
          pauseReasons.add(reason);
        }
      }
      unit = 'day';
    } else if (unit === 'day' && paused.size === 0) {
      return from + n;
    }
    while (left > 0) {
      day++;
      const working = unit === 'day' || isWork(day);
      if (!working) continue;
      const reason = paused.get(day);
      if (reason !== undefined) {
        pausedDays++;
        pauseReasons.add(reason);
        continue;
      }
      if (unit === 'workday') counted.push(day);
      left--;
    }
    return day;
  }

  const rollDay = (day: number): number => (roll ? toDayNumber(cal.nextWorkdayOnOrAfter(fromDayNumber(day))) : day);

  let end = advance(effectiveDay, rule.unit, rule.n);
  const extensions: DeadlineExplanation['extensions'] = [];
  for (const [i, x] of (input.extensions ?? []).entries()) {
    checkCount(x.n, `extensions[${i}].n`);
    const unit = x.unit ?? rule.unit;
    if (x.approvedOn !== undefined) {
      const inForce = fromDayNumber(rollDay(end));
      if (toDayNumber(x.approvedOn, `extensions[${i}].approvedOn`) > rollDay(end)) {
        warnings.push(`延长期限的批准日 ${x.approvedOn} 晚于原期限届满日 ${inForce}，请核实是否在期限内批准`);
      }
    }
    extensions.push(x.approvedOn === undefined ? { n: x.n, unit, reason: x.reason } : { n: x.n, unit, reason: x.reason, approvedOn: x.approvedOn });
    end = advance(end, unit, x.n);
  }
  const dueDay = rollDay(end);
  const due = fromDayNumber(dueDay);
  const rolledFrom = dueDay !== end ? fromDayNumber(end) : undefined;

  // What the period met: holidays, make-up days, years without an announced calendar.
  const holidaysMet: MetDay[] = [];
  const makeupDaysMet: MetDay[] = [];
  const uncovered = new Set<number>();
  for (let d = effectiveDay + 1; d <= dueDay; d++) {
    const info = cal.dayInfo(fromDayNumber(d));
    const met = info.name === undefined ? { date: info.date } : { date: info.date, name: info.name };
    if (info.kind === 'holiday') holidaysMet.push(met);
    else if (info.kind === 'makeup') makeupDaysMet.push(met);
    const year = Number(info.date.slice(0, 4));
    if (!cal.isCovered(year)) uncovered.add(year);
  }
  const uncoveredYears = [...uncovered].sort((a, b) => a - b);
  warnings.unshift(
    ...uncoveredYears.map(
      (y) =>
        `${y}年的节假日调休安排尚未录入，期限已计入该年法定节假日（全国年节及纪念日放假办法第二条），调休和补假按周一至周五推算，请管理员按国务院办公厅通知补录调休安排`,
    ),
  );

  const countedDays = rule.unit === 'workday' ? counted.map(fromDayNumber) : end > effectiveDay ? [fromDayNumber(effectiveDay + 1), fromDayNumber(end)] : [];
  const extensionDays = extensions.reduce((sum, x) => sum + x.n, 0);

  const result: DeadlineExplanation = {
    start,
    effectiveStart,
    rule,
    source: rule.source,
    due,
    unit: rule.unit,
    n: rule.n,
    extensionDays,
    extensions,
    pausedDays,
    countedDays,
    holidaysMet,
    makeupDaysMet,
    warnings,
    text: '',
  };
  if (rolledFrom !== undefined) result.rolledFrom = rolledFrom;
  result.text = explain(result, [...pauseReasons], uncoveredYears, cal);
  return result;
}

/** The one-sentence Chinese explanation. */
function explain(x: DeadlineExplanation, pauseReasons: string[], uncovered: number[], cal: WorkCalendar): string {
  const parts: string[] = [];
  const u = UNIT_TEXT[x.unit];
  // A rule named '作出处罚决定' reads '作出处罚决定期限'; one already named '答复期限' is not doubled.
  const name = x.rule.label.endsWith('期限') ? x.rule.label : `${x.rule.label}期限`;
  parts.push(x.effectiveStart === x.start ? `${name}自${x.start}起算（当日不计）` : `${name}原自${x.start}起算，自${x.effectiveStart}重新起算（当日不计）`);
  parts.push(`${u.basis}${x.n}${u.count}（依据：${x.source}）`);
  if (x.pausedDays > 0) {
    const pu = x.unit === 'workday' ? '个工作日' : '日';
    parts.push(`扣除${pauseReasons.join('、')}期间${x.pausedDays}${pu}`);
  }
  for (const e of x.extensions) parts.push(`经批准延长${e.n}${UNIT_TEXT[e.unit].suffix}（${e.reason}）`);
  const blocks = holidayBlocks(x.holidaysMet);
  if (blocks.length > 0) parts.push(`跨越${blocks.join('、')}`);
  if (x.makeupDaysMet.length > 0 && (x.unit === 'workday' || x.extensions.some((e) => e.unit === 'workday'))) {
    parts.push(`计入调休上班日${x.makeupDaysMet.map((m) => m.date).join('、')}`);
  }
  if (uncovered.length > 0) parts.push(`${uncovered.join('、')}年按法定节假日和周一至周五推算（调休安排尚未录入）`);
  if (x.rolledFrom !== undefined) {
    const info = cal.dayInfo(x.rolledFrom);
    const why = info.kind === 'holiday' ? `${info.name ?? '法定节'}假期` : '休息日';
    parts.push(`原届满日${x.rolledFrom}适逢${why}，顺延至${x.due}届满`);
  } else {
    parts.push(`于${x.due}届满`);
  }
  return `${parts.join('，')}。`;
}

/** Consecutive holiday dates as '春节假期（2025-01-28至2025-02-04）'. */
function holidayBlocks(days: MetDay[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < days.length) {
    const first = days[i] as MetDay;
    let last = first;
    const names: string[] = [];
    let j = i;
    for (; j < days.length; j++) {
      const d = days[j] as MetDay;
      if (j > i && toDayNumber(d.date) !== toDayNumber(last.date) + 1) break;
      last = d;
      // A day two holidays share is named '中秋、国庆节': name each holiday once.
      for (const part of d.name?.split('、') ?? []) if (!names.includes(part)) names.push(part);
    }
    const label = names.length > 0 ? `${names.join('、')}假期` : '法定节假日';
    out.push(first.date === last.date ? `${label}（${first.date}）` : `${label}（${first.date}至${last.date}）`);
    i = j;
  }
  return out;
}

function checkCount(n: number, field: string): void {
  if (!Number.isInteger(n) || n < 0) throw errors.validation(field, `期限数值无效：${String(n)}（应为非负整数）`);
}

/**
 * 期限状态:
 * - `done` 已办结 — `doneOn` is set (see {@link finishedOnTime} for 是否按期);
 * - `overdue` 已逾期 — today is after the due date;
 * - `due_soon` 即将到期 — the due date is today or among the next `soonWorkdays`
 *   working days (default 3), i.e. `workdaysBetween(today, due) <= soonWorkdays`;
 * - `ok` 正常 — otherwise.
 */
export type DeadlineStatus = 'done' | 'ok' | 'due_soon' | 'overdue';

/** Status of a deadline on a given business date (see {@link DeadlineStatus}). */
/** 即将到期: a deadline at most this many working days ahead. */
export const DUE_SOON_WORKDAYS = 3;

export function deadlineStatus(args: { due: IsoDate; today: IsoDate; doneOn?: IsoDate | null; soonWorkdays?: number }, cal: WorkCalendar): DeadlineStatus {
  const due = toDayNumber(args.due, 'due');
  const today = toDayNumber(args.today, 'today');
  if (args.doneOn !== undefined && args.doneOn !== null) {
    toDayNumber(args.doneOn, 'doneOn');
    return 'done';
  }
  if (today > due) return 'overdue';
  const soon = args.soonWorkdays ?? DUE_SOON_WORKDAYS;
  return cal.workdaysBetween(args.today, args.due) <= soon ? 'due_soon' : 'ok';
}

/** 按期办结 — finished on or before the due date (the due date itself is on time). */
export function finishedOnTime(args: { due: IsoDate; doneOn: IsoDate }): boolean {
  return toDayNumber(args.doneOn, 'doneOn') <= toDayNumber(args.due, 'due');
}
