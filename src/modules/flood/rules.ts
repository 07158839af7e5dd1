import { addDays, daysBetween, isIsoDate } from '../../core/calendar/calendar.js';
import { maskPhone } from '../../core/ledger/validators.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import type { RiskStatus } from './schema.js';

/**
 * The rules a flood record can break, by stable key with their source. In a form
 * they refuse the write; in a ledger import (a past record) they are findings.
 */
export const FLOOD_RULES = {
  /** 整治状态 moves forward only; 已完成 is final. */
  riskForward: { rule: 'flood.risk_progress_forward_only', statute: '内涝风险点“三本台账”整治进度规则（本局做法，未核实）' },
  /** A progress update is not dated before the point's registration. */
  riskAfterRegistration: { rule: 'flood.risk_progress_after_registration', statute: '内涝风险点“三本台账”整治进度规则（本局做法，未核实）' },
  /** Every duty day has an A角 and a B角. */
  dutyAbRoles: { rule: 'flood.duty_ab_roles', statute: '本局防汛值班制度：在编干部AB角值守（种子报告一（二）3，未核实）' },
  /** Nobody stands two overlapping shifts. */
  dutyNoOverlap: { rule: 'flood.duty_no_overlap', statute: '本局防汛值班制度：抢险队伍三班倒、24小时备勤，同一人不得同时值两个班（未核实）' },
  /** Every day of a roster's span is staffed. */
  dutyEveryDay: { rule: 'flood.duty_every_day', statute: '本局防汛值班制度：汛期每天安排A角和B角值守（未核实）' },
} as const;

// ─────────────────────────── Flood-risk points ───────────────────────────

/** 整治状态 in order of progress. */
export const RISK_STATUSES: readonly RiskStatus[] = ['未整治', '整治中', '已完成'];

/**
 * Which status a progress update may move a point to. A point is remediated once
 * (已完成 is final: a new risk at the same place is registered as a new point).
 * Source: the bureau's 内涝风险点“三本台账” practice (seed report 一(二)3; unverified detail).
 */
export const RISK_TRANSITIONS: Readonly<Record<RiskStatus, readonly RiskStatus[]>> = {
  未整治: ['未整治', '整治中', '已完成'],
  整治中: ['整治中', '已完成'],
  已完成: [],
};

/**
 * Checks a progress update against the point: the status may only move forward,
 * the date not before the point's registration nor before the last update, nor in
 * the future. Returns a Chinese message naming the problem, or undefined.
 */
export function progressProblem(
  point: { status: RiskStatus; registeredOn: string; lastUpdateOn: string | null },
  update: { onDate: string; status: RiskStatus },
  today: string,
): { field: 'onDate' | 'status'; message: string } | undefined {
  if (!isIsoDate(update.onDate)) return { field: 'onDate', message: '进展日期无效' };
  if (!RISK_STATUSES.includes(update.status)) return { field: 'status', message: `整治状态应为${RISK_STATUSES.join('/')}` };
  if (!RISK_TRANSITIONS[point.status].includes(update.status)) {
    return {
      field: 'status',
      message: point.status === '已完成' ? '该风险点已完成整治，不能再更新进度' : `整治状态不能由“${point.status}”改回“${update.status}”`,
    };
  }
  if (update.onDate < point.registeredOn) return { field: 'onDate', message: `进展日期不能早于纳入台账日期（${point.registeredOn}）` };
  if (point.lastUpdateOn && update.onDate < point.lastUpdateOn) return { field: 'onDate', message: `进展日期不能早于上一次进展（${point.lastUpdateOn}）` };
  if (update.onDate > today) return { field: 'onDate', message: '进展日期不能晚于今天' };
  return undefined;
}

/** Column headers of the progress fields (ledger 整治进度台账 / 水浸风险点台账). */
const PROGRESS_HEADERS = { onDate: '进展日期', status: '整治状态' } as const;

/**
 * What no progress update can be (an error in a form and in an import alike): an
 * impossible date or status, a date in the future, or one before the update already
 * recorded last (the timeline is kept in date order).
 */
export function progressError(
  point: { lastUpdateOn: string | null },
  update: { onDate: string; status: RiskStatus },
  today: string,
): { field: 'onDate' | 'status'; message: string } | undefined {
  if (!isIsoDate(update.onDate)) return { field: 'onDate', message: '进展日期无效' };
  if (!RISK_STATUSES.includes(update.status)) return { field: 'status', message: `整治状态应为${RISK_STATUSES.join('/')}` };
  if (point.lastUpdateOn && update.onDate < point.lastUpdateOn) return { field: 'onDate', message: `进展日期不能早于上一次进展（${point.lastUpdateOn}）` };
  if (update.onDate > today) return { field: 'onDate', message: '进展日期不能晚于今天' };
  return undefined;
}

/**
 * The rules a progress update can break (a past record may have): the status moved
 * back or after 已完成, or the update is dated before the point's registration.
 */
export function progressBreaches(point: { status: RiskStatus; registeredOn: string }, update: { onDate: string; status: RiskStatus }): RuleBreach[] {
  const out: RuleBreach[] = [];
  if (!RISK_TRANSITIONS[point.status].includes(update.status)) {
    out.push({
      ...FLOOD_RULES.riskForward,
      message:
        point.status === '已完成' ? `该风险点已完成整治，不能再更新进度（记为“${update.status}”）` : `整治状态不能由“${point.status}”改回“${update.status}”`,
      field: 'status',
      column: PROGRESS_HEADERS.status,
    });
  }
  if (isIsoDate(update.onDate) && update.onDate < point.registeredOn) {
    out.push({
      ...FLOOD_RULES.riskAfterRegistration,
      message: `进展日期${update.onDate}早于纳入台账日期（${point.registeredOn}）`,
      field: 'onDate',
      column: PROGRESS_HEADERS.onDate,
    });
  }
  return out;
}

// ─────────────────────────── Duty roster ───────────────────────────

/**
 * 班次 — the named shifts: 全天 is the 24-hour duty of the cadres in A/B roles
 * (在编干部AB角值守); 早班/中班/夜班 are the rescue teams' three shifts (三班倒，24小时备勤).
 * A shift may also be written as a time range `08:00-16:00` (an end not after the
 * start runs into the next day). Source: seed report 一(二)3 (the bureau's duty system; unverified detail).
 */
export const SHIFTS: Readonly<Record<string, { start: string; hours: number; label: string }>> = {
  全天: { start: '08:30', hours: 24, label: '24小时值班（08:30至次日08:30）' },
  早班: { start: '08:00', hours: 8, label: '抢险队早班（08:00–16:00）' },
  中班: { start: '16:00', hours: 8, label: '抢险队中班（16:00–24:00）' },
  夜班: { start: '00:00', hours: 8, label: '抢险队夜班（00:00–08:00）' },
};

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)\s*[-–~至]\s*([01]\d|2[0-4]):([0-5]\d)$/;

/** A shift on a date as an interval of minutes since 2000-01-01 [start, end); undefined for an unknown shift. */
export function shiftInterval(date: string, shift: string): { start: number; end: number } | undefined {
  const day = daysBetween('2000-01-01', date) * 1440;
  const named = SHIFTS[shift.trim()];
  if (named) {
    const [h, m] = named.start.split(':').map(Number) as [number, number];
    const start = day + h * 60 + m;
    return { start, end: start + named.hours * 60 };
  }
  const r = RANGE.exec(shift.trim());
  if (!r) return undefined;
  const start = day + Number(r[1]) * 60 + Number(r[2]);
  let end = day + Number(r[3]) * 60 + Number(r[4]);
  if (end <= start) end += 1440;
  return { start, end };
}

/** One roster line as the rules see it. */
export interface DutyEntry {
  date: string;
  shift: string;
  role: string;
  person: string;
}

/** A roster problem: the entry (by index) and field at fault, in Chinese. */
export interface RosterIssue {
  index: number;
  field: 'date' | 'shift' | 'role' | 'person';
  message: string;
  /** Set when the issue is a rule a real roster can break (`FLOOD_RULES`); absent: the line cannot be a true record. */
  rule?: string;
  statute?: string;
}

/**
 * 值班表规则 — a roster is rejected when
 *  1. a shift is neither a named shift nor a time range;
 *  2. a day has no A角 or no B角 (AB角值守: every day needs both);
 *  3. one person is on two shifts that overlap in time (the same person cannot
 *     stand two duties at once — also across midnight: 全天 ends 08:30 next day).
 * `context` holds entries already on the roster for neighbouring days (they are
 * checked for overlaps but not reported). `describe(i)` names an entry in messages
 * (e.g. “第5行” in an import).
 */
export function rosterIssues(entries: readonly DutyEntry[], opts: { context?: readonly DutyEntry[]; describe?: (i: number) => string } = {}): RosterIssue[] {
  const issues: RosterIssue[] = [];
  const describe = opts.describe ?? ((i: number) => `第${i + 1}条`);
  const intervals = entries.map((e) => (isIsoDate(e.date) ? shiftInterval(e.date, e.shift) : undefined));
  entries.forEach((e, i) => {
    if (!isIsoDate(e.date)) issues.push({ index: i, field: 'date', message: '日期无效' });
    else if (!intervals[i])
      issues.push({ index: i, field: 'shift', message: `班次“${e.shift}”无效：应为${Object.keys(SHIFTS).join('/')}，或“08:00-16:00”形式的时段` });
    if (e.role !== 'A角' && e.role !== 'B角') issues.push({ index: i, field: 'role', message: '角色应为A角或B角' });
    if (!e.person?.trim()) issues.push({ index: i, field: 'person', message: '姓名不能为空' });
  });
  // Rule 2: each day both roles.
  const byDate = new Map<string, number[]>();
  for (const [i, e] of entries.entries()) if (isIsoDate(e.date)) byDate.set(e.date, [...(byDate.get(e.date) ?? []), i]);
  for (const [date, idx] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const roles = new Set(idx.map((i) => entries[i]!.role));
    const missing = (['A角', 'B角'] as const).filter((r) => !roles.has(r));
    if (missing.length)
      issues.push({ index: idx[0]!, field: 'role', message: `${date} 没有${missing.join('和')}：每天须同时安排A角和B角值守`, ...FLOOD_RULES.dutyAbRoles });
  }
  // Rule 3: one person, overlapping shifts (within the entries and against the context).
  const all = [
    ...entries.map((e, i) => ({ e, i, iv: intervals[i] })),
    ...(opts.context ?? []).map((e) => ({ e, i: -1, iv: isIsoDate(e.date) ? shiftInterval(e.date, e.shift) : undefined })),
  ];
  const byPerson = new Map<string, typeof all>();
  for (const x of all) if (x.iv && x.e.person?.trim()) byPerson.set(x.e.person.trim(), [...(byPerson.get(x.e.person.trim()) ?? []), x]);
  for (const [person, xs] of byPerson) {
    xs.sort((a, b) => a.iv!.start - b.iv!.start || a.i - b.i);
    for (let a = 0; a < xs.length; a++) {
      for (let b = a + 1; b < xs.length && xs[b]!.iv!.start < xs[a]!.iv!.end; b++) {
        const [x, y] = [xs[a]!, xs[b]!];
        if (x.i < 0 && y.i < 0) continue;
        // Reported on the later line (the one that created the clash); context lines are never reported.
        const [reported, other] = x.i < 0 ? [y, x] : y.i < 0 ? [x, y] : y.i > x.i ? [y, x] : [x, y];
        const otherName = other.i >= 0 ? `${describe(other.i)}（${other.e.date} ${other.e.shift}）` : `已排的 ${other.e.date} ${other.e.shift}`;
        issues.push({
          index: reported.i,
          field: 'person',
          message: `${person} 的 ${reported.e.date} ${reported.e.shift} 与${otherName}时间重叠：同一人不能同时值两个班`,
          ...FLOOD_RULES.dutyNoOverlap,
        });
      }
    }
  }
  return issues.sort((a, b) => a.index - b.index);
}

// ─────────────────────────── Drought / salt tide ───────────────────────────

/**
 * 一天一调度 — during a drought / salt-tide warning the command holds one dispatch
 * every day: the days of the warning (up to `until`, inclusive) without a dispatch
 * record. Source: 《2021-2022年天河区抗旱防咸保供水工作方案》 as the seed report
 * cites it (“坚持预警期间一天一调度”; unverified detail).
 */
export function missingDispatchDays(warning: { startsOn: string; endsOn: string | null }, dispatchDates: readonly string[], until: string): string[] {
  const last = warning.endsOn && warning.endsOn < until ? warning.endsOn : until;
  const have = new Set(dispatchDates);
  const out: string[] = [];
  for (let d = warning.startsOn; d <= last; d = addDays(d, 1)) if (!have.has(d)) out.push(d);
  return out;
}

/** A dispatch record's date must lie within its warning period. */
export function dispatchDateProblem(warning: { startsOn: string; endsOn: string | null }, onDate: string): string | undefined {
  if (!isIsoDate(onDate)) return '调度日期无效';
  if (onDate < warning.startsOn) return `调度日期早于预警开始日期（${warning.startsOn}）`;
  if (warning.endsOn && onDate > warning.endsOn) return `调度日期晚于预警结束日期（${warning.endsOn}）`;
  return undefined;
}

// ─────────────────────────── Responsible persons of water works ───────────────────────────

/** 三个责任人 — the administrative, technical and patrol responsible persons of a water work (防汛条例 art. 4 executive-head responsibility; the three-person list is local practice, unverified). */
export const WORK_ROLES = [
  { key: 'admin', label: '行政责任人' },
  { key: 'tech', label: '技术责任人' },
  { key: 'patrol', label: '巡查责任人' },
] as const;

/**
 * 汛期开始 — the list is published before the flood season. Guangdong's flood
 * season is taken to start on 1 April (广东省前汛期; unverified: configurable here).
 */
export const FLOOD_SEASON_START = '04-01';

/** Whether a year's disclosure was published before the flood season began. */
export function disclosureOnTime(year: number, publishedOn: string, seasonStart = FLOOD_SEASON_START): { onTime: boolean; seasonStartsOn: string } {
  const seasonStartsOn = `${year}-${seasonStart}`;
  return { onTime: publishedOn < seasonStartsOn, seasonStartsOn };
}

/** A phone as public pages and lists show it: first 3 and last 4 kept (138****1234). */
export function publicPhone(phone: string | null | undefined): string {
  if (!phone) return '';
  return maskPhone(phone);
}
