/**
 * 法定时限 — the statutory clock every demand carries, as pure functions over the
 * kernel's deadline arithmetic. A clock starts on a date (not counted), may be
 * paused (中止: third-party consultation, correction notice …), restarted
 * (重新起算: corrected application received) and extended (延长: each extension
 * approved by someone, on a date, for a reason, and counted).
 */
import {
  computeDeadline,
  deadlineStatus,
  type DeadlineExplanation,
  type DeadlineRule,
  type DeadlineStatus,
  type DeadlineUnit,
  type IsoDate,
  type WorkCalendar,
} from '../../core/calendar/index.js';
import { addDays, toDayNumber } from '../../core/calendar/calendar.js';

/** A closed pause (inclusive at both ends). */
export interface ClockPause {
  from: IsoDate;
  to: IsoDate;
  reason: string;
}

/** An approved extension. */
export interface ClockExtension {
  n: number;
  unit?: DeadlineUnit;
  approvedOn: IsoDate;
  /** 批准人 */
  approvedBy: string;
  reason: string;
}

/** The state of a demand's clock as stored on the record. */
export interface ClockState {
  rule: DeadlineRule;
  /** 起算日 (not counted). */
  start: IsoDate;
  pauses: ClockPause[];
  extensions: ClockExtension[];
  /** 重新起算日, e.g. the day a corrected application arrived. */
  restartOn: IsoDate | null;
  /** An open pause: the clock stands still from this date until resumed. */
  pausedSince: IsoDate | null;
  pauseReason: string | null;
}

/** 计时状态 — the kernel's status plus `paused` (中止计时). */
export type ClockStatus = DeadlineStatus | 'paused';

/** An open pause counts up to `today` (inclusive), so the due date shown moves while the clock stands still. */
export function clockPauses(s: ClockState, today: IsoDate): ClockPause[] {
  const open = s.pausedSince && s.pausedSince <= today ? [{ from: s.pausedSince, to: today, reason: s.pauseReason ?? '中止计时' }] : [];
  return [...s.pauses, ...open];
}

/** The clock's due date and its Chinese explanation on a given day. */
export function explainClock(s: ClockState, today: IsoDate, cal: WorkCalendar): DeadlineExplanation {
  return computeDeadline(
    {
      rule: s.rule,
      start: s.start,
      pauses: clockPauses(s, today),
      extensions: s.extensions.map((x) => ({ n: x.n, unit: x.unit, approvedOn: x.approvedOn, reason: `${x.reason}，${x.approvedBy}于${x.approvedOn}批准` })),
      restartOn: s.restartOn ?? undefined,
    },
    cal,
  );
}

/** The clock's status: done when finished, paused while a pause is open, else the kernel's status. */
export function clockStatus(args: { due: IsoDate; today: IsoDate; doneOn: IsoDate | null; paused: boolean }, cal: WorkCalendar): ClockStatus {
  if (args.doneOn) return 'done';
  if (args.paused) return 'paused';
  return deadlineStatus({ due: args.due, today: args.today }, cal);
}

/** A cap on the total extension of a clock (e.g. petitions: at most 30 days). */
export interface ExtensionCap {
  n: number;
  unit: DeadlineUnit;
  source: string;
}

/**
 * Whether one more extension fits under the cap (extensions in another unit than
 * the cap's are refused: the cap could not be checked). Returns the reason it does not, or null.
 */
export function extensionProblem(
  existing: readonly ClockExtension[],
  next: { n: number; unit?: DeadlineUnit },
  rule: DeadlineRule,
  cap: ExtensionCap | null,
): string | null {
  if (!Number.isInteger(next.n) || next.n <= 0) return '延长期限应为正整数';
  if (!cap) return '该类事项不允许延长办理期限';
  const unit = next.unit ?? rule.unit;
  if (unit !== cap.unit) return `延长期限的单位应为${UNIT_NAME[cap.unit]}`;
  const used = existing.reduce((s, x) => s + x.n, 0);
  if (used + next.n > cap.n) return `延长合计不得超过${cap.n}${UNIT_NAME[cap.unit]}（已延长${used}${UNIT_NAME[cap.unit]}；依据：${cap.source}）`;
  return null;
}

const UNIT_NAME: Record<DeadlineUnit, string> = { workday: '个工作日', day: '日', month: '个月' };

/** Closes an open pause on the day the clock resumes (the pause covers from … resumedOn, inclusive). */
export function resumeClock(s: ClockState, resumedOn: IsoDate, opts: { restart: boolean }): ClockState {
  if (!s.pausedSince) return s;
  if (resumedOn < s.pausedSince) throw new RangeError('resumedOn before pausedSince');
  const pause = { from: s.pausedSince, to: resumedOn, reason: s.pauseReason ?? '中止计时' };
  return opts.restart
    ? // 重新起算: the period runs anew from the day the correction arrived; earlier pauses no longer matter.
      { ...s, pauses: [], restartOn: resumedOn, pausedSince: null, pauseReason: null }
    : { ...s, pauses: [...s.pauses, pause], pausedSince: null, pauseReason: null };
}

/** 办理用时 — working days after the start date up to and including the finishing date. */
export function handlingWorkdays(start: IsoDate, done: IsoDate, cal: WorkCalendar): number {
  return cal.workdaysBetween(start, done);
}

/** 按期 — finished on or before the due date. */
export function onTime(due: IsoDate, doneOn: IsoDate): boolean {
  return toDayNumber(doneOn) <= toDayNumber(due);
}

/** 严格按期率的分母: an open item counts as late once its due date has passed by `asOf`. */
export function overdueAt(due: IsoDate, asOf: IsoDate): boolean {
  return toDayNumber(asOf) > toDayNumber(due);
}

/** The last day of a pause that started on `from` and lasted n calendar days (helper for tests and demo data). */
export function pauseEnd(from: IsoDate, days: number): IsoDate {
  return addDays(from, Math.max(0, days - 1));
}
