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
import { addDays, fromDayNumber, toDayNumber } from '../../core/calendar/calendar.js';

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

/**
 * A cap on the days one pause reason may take out of the period (政府信息公开条例 art. 32:
 * the third party's 15 working days). Paused working days beyond it count again.
 */
export interface PauseCap {
  reason: string;
  n: number;
  unit: 'workday';
  source: string;
}

/** What a kind adds to the bare clock (each with its statute); none: the kernel's arithmetic alone. */
export interface ClockRules {
  /**
   * An extension counts only when approved on or before the due date it extends; one approved
   * after the period ran out does not extend it (the record stays late). The source says so.
   */
  extensionInTerm?: string | null;
  /** Caps on the time a pause reason takes out of the period. */
  pauseCaps?: readonly PauseCap[];
}

/** An extension that did not extend: approved after the due date it was to extend. */
export interface VoidExtension {
  extension: ClockExtension;
  /** The due date it came after. */
  dueBefore: IsoDate;
  source: string;
}

/** A pause reason whose time was cut at its cap. */
export interface CappedPause {
  cap: PauseCap;
  /** Working days the reason's pauses held in all. */
  held: number;
  /** The last day still taken out. */
  lastDay: IsoDate;
}

/** The clock as the statute counts it: capped pauses, only the extensions approved in time, and why. */
export interface EffectiveClock {
  pauses: ClockPause[];
  extensions: ClockExtension[];
  voided: VoidExtension[];
  capped: CappedPause[];
}

/**
 * Cuts the pauses of each capped reason after their first `cap.n` working days (in date
 * order; a day held by two pauses of the reason counts once). Pure.
 */
export function capPauses(pauses: readonly ClockPause[], caps: readonly PauseCap[], cal: WorkCalendar): { pauses: ClockPause[]; capped: CappedPause[] } {
  let out = [...pauses];
  const capped: CappedPause[] = [];
  for (const cap of caps) {
    const mine = out.filter((p) => p.reason === cap.reason).sort((a, b) => toDayNumber(a.from) - toDayNumber(b.from));
    const all = new Set<number>();
    for (const p of mine) for (let d = toDayNumber(p.from); d <= toDayNumber(p.to); d++) if (cal.isWorkday(fromDayNumber(d))) all.add(d);
    if (all.size <= cap.n) continue;
    const held = new Set<number>();
    const kept: ClockPause[] = [];
    let lastDay = '';
    for (const p of mine) {
      let to: IsoDate | null = null;
      for (let d = toDayNumber(p.from); d <= toDayNumber(p.to) && held.size < cap.n; d++) {
        if (all.has(d) && !held.has(d)) {
          held.add(d);
          lastDay = fromDayNumber(d);
        }
        to = fromDayNumber(d);
      }
      if (to) kept.push({ ...p, to });
    }
    capped.push({ cap, held: all.size, lastDay });
    out = [...out.filter((p) => p.reason !== cap.reason), ...kept];
  }
  return { pauses: out, capped };
}

/**
 * The clock's pauses and extensions as the kind's rules let them count, on a given day: pauses
 * cut at their caps; each extension tested against the due date before it (with the extensions
 * already counted) — one approved after that date is void. Pure.
 */
export function effectiveClock(s: ClockState, today: IsoDate, cal: WorkCalendar, rules: ClockRules = {}): EffectiveClock {
  const { pauses, capped } = capPauses(clockPauses(s, today), rules.pauseCaps ?? [], cal);
  const extensions: ClockExtension[] = [];
  const voided: VoidExtension[] = [];
  for (const x of s.extensions) {
    if (rules.extensionInTerm) {
      const dueBefore = computeDeadline(deadlineInput(s, pauses, extensions), cal).due;
      if (toDayNumber(x.approvedOn) > toDayNumber(dueBefore)) {
        voided.push({ extension: x, dueBefore, source: rules.extensionInTerm });
        continue;
      }
    }
    extensions.push(x);
  }
  return { pauses, extensions, voided, capped };
}

function deadlineInput(s: ClockState, pauses: readonly ClockPause[], extensions: readonly ClockExtension[]) {
  return {
    rule: s.rule,
    start: s.start,
    pauses,
    extensions: extensions.map((x) => ({ n: x.n, unit: x.unit, approvedOn: x.approvedOn, reason: `${x.reason}，${x.approvedBy}于${x.approvedOn}批准` })),
    restartOn: s.restartOn ?? undefined,
  };
}

/** Why an extension did not count (Chinese, for the explanation and findings). */
export function voidExtensionText(v: VoidExtension): string {
  const unit = UNIT_NAME[v.extension.unit ?? 'workday'];
  return `${v.extension.approvedBy}于${v.extension.approvedOn}批准的延长${v.extension.n}${unit}晚于当时的届满日${v.dueBefore}，期限届满后批准的延长不发生延长效力，不计入期限（依据：${v.source}）`;
}

/** Why paused time was cut (Chinese). */
export function cappedPauseText(c: CappedPause): string {
  return `${c.cap.reason}期间共${c.held}个工作日，最多扣除${c.cap.n}个工作日（至${c.lastDay}），其余计入期限（依据：${c.cap.source}）`;
}

/**
 * The clock's due date and its Chinese explanation on a given day, under the kind's rules: an
 * extension approved after the period ran out and paused time beyond its cap do not count, and
 * the explanation (text and warnings) says so.
 */
export function explainClock(s: ClockState, today: IsoDate, cal: WorkCalendar, rules: ClockRules = {}): DeadlineExplanation {
  const e = effectiveClock(s, today, cal, rules);
  const x = computeDeadline(deadlineInput(s, e.pauses, e.extensions), cal);
  const notes = [...e.capped.map(cappedPauseText), ...e.voided.map(voidExtensionText)];
  if (!notes.length) return x;
  return { ...x, warnings: [...x.warnings, ...notes], text: `${x.text}${notes.map((n) => `${n}。`).join('')}` };
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
      // The restarting pause itself is kept (it ends on the new start, so it takes nothing out):
      // it records when the notice went out (一次性告知: a kind may allow it once).
      { ...s, pauses: [pause], restartOn: resumedOn, pausedSince: null, pauseReason: null }
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
