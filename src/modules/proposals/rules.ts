/** 人大代表建议、政协提案 — the rules of a suggestion or proposal, as data with their sources. */
import { computeDeadline, daysBetween, type DeadlineRule, type WorkCalendar } from '../../core/calendar/index.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import type { ClockCheck, ExtensionCap } from '../demands/index.js';

export const CATEGORIES = ['人大代表建议', '政协提案'] as const;
export const ROLES = ['主办', '协办'] as const;
/** 办理结果 — A 已解决/基本解决, B 正在解决/列入计划, C 以后解决, D 留作参考. */
export const RESULTS = ['A', 'B', 'C', 'D'] as const;
export const RESULT_LABELS: Record<(typeof RESULTS)[number], string> = {
  A: '已解决或基本解决',
  B: '正在解决或列入计划解决',
  C: '因条件限制以后解决',
  D: '留作参考',
};
export const FEEDBACK = ['满意', '基本满意', '不满意'] as const;
/** 问题类型 — topic tags of the bureau's suggestions and proposals. */
export const TOPICS = ['河涌治理', '海绵城市建设', '截污纳管', '排水管网改造', '水浸点治理', '桥梁建设', '供水保障', '防汛排涝'] as const;

/** 答复 — within 3 months of assignment. */
export const REPLY_RULE: DeadlineRule = {
  key: 'proposal.reply',
  label: '建议提案答复期限',
  unit: 'month',
  n: 3,
  source: '代表法第五十一条及办理办法：自交办之日起三个月内答复',
};
/** 答复（重大、复杂） — within 6 months for difficult ones. */
export const DIFFICULT_REPLY_RULE: DeadlineRule = {
  key: 'proposal.reply.difficult',
  label: '建议提案答复期限（重大复杂）',
  unit: 'month',
  n: 6,
  source: '代表法第五十一条及办理办法：涉及面广、处理难度大的，自交办之日起六个月内答复',
};
/** 协办意见 — a co-handler sends its opinion to the lead handler within 1 month. */
export const CO_OPINION_RULE: DeadlineRule = {
  key: 'proposal.co_opinion',
  label: '协办意见期限',
  unit: 'month',
  n: 1,
  source: '建议提案办理办法：协办单位自交办之日起一个月内将协办意见送主办单位（地方规定，未核实）',
};
/** 延长 — approved, in months; the whole term stays within 6 months of assignment ({@link TERM_LIMIT_SOURCE}). */
export const EXTENSION_CAP: ExtensionCap = { n: 3, unit: 'month', source: '代表法第五十一条：重大复杂的最长不超过六个月（自交办之日起）' };

/** 最长期限 — 6 months from assignment in all: extensions and the assignment document's own 办理期限 included. */
export const TERM_LIMIT_SOURCE =
  '代表法第五十一条：自交办之日起三个月内答复；涉及面广、处理难度大的，应当自交办之日起六个月内答复（延期、交办文件规定的期限均不得超出）';

/**
 * The last lawful reply date: 6 months after assignment (the same day of the month, or the
 * month's last day), rolled to the next working day like every month period (DIFFICULT_REPLY_RULE).
 */
export function latestReplyOn(assignedOn: string, cal: WorkCalendar): string {
  return computeDeadline({ rule: DIFFICULT_REPLY_RULE, start: assignedOn }, cal).due;
}

/**
 * The reply rule of one record: the assignment document's own 办理期限 when it gives one (not
 * rolled), else 6 months for difficult ones and 3 months otherwise. A document's date beyond the
 * 6-month bound gives way to the bound (代表法 art. 51); the form refuses such a date, an import
 * reports it ({@link termLimitBreach}).
 */
export function replyRule(args: { assignedOn: string; difficult: boolean; dueOn: string | null }, cal: WorkCalendar): DeadlineRule {
  if (args.dueOn && args.dueOn <= latestReplyOn(args.assignedOn, cal))
    return {
      key: 'proposal.reply.assigned',
      label: '建议提案答复期限',
      unit: 'day',
      n: Math.max(0, daysBetween(args.assignedOn, args.dueOn)),
      source: '交办文件规定的办理期限',
      rollToWorkday: false,
    };
  return args.difficult || args.dueOn ? DIFFICULT_REPLY_RULE : REPLY_RULE;
}

/**
 * A due date beyond 6 months of assignment — a hand-set 办理期限 (`attrs.dueOn`, ledger 办理期限) or
 * the due date an extension leads to (`n`) — as a breach naming the field and the statute. Pure.
 */
export function termLimitBreach(x: { assignedOn: string; due: string; field: 'attrs.dueOn' | 'n' }, cal: WorkCalendar): RuleBreach | null {
  const latest = latestReplyOn(x.assignedOn, cal);
  if (x.due <= latest) return null;
  const what = x.field === 'n' ? '延长后的答复期限' : '办理期限';
  return {
    rule: 'proposals.term_limit',
    statute: TERM_LIMIT_SOURCE,
    message: `${what}${x.due}超过自交办之日（${x.assignedOn}）起六个月的最长期限（${latest}）`,
    field: x.field,
    column: '办理期限',
  };
}

/** The 6-month bound on a change of the reply clock: a record's hand-set 办理期限, an extension's result. */
export function clockBreaches(x: ClockCheck, cal: WorkCalendar): RuleBreach[] {
  const dueOn = typeof x.attrs.dueOn === 'string' ? x.attrs.dueOn : null;
  const b =
    x.change === 'extend'
      ? termLimitBreach({ assignedOn: x.receivedOn, due: x.due, field: 'n' }, cal)
      : x.change === 'record' && dueOn
        ? termLimitBreach({ assignedOn: x.receivedOn, due: dueOn, field: 'attrs.dueOn' }, cal)
        : null;
  return b ? [b] : [];
}
