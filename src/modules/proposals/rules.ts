/** 人大代表建议、政协提案 — the rules of a suggestion or proposal, as data with their sources. */
import type { DeadlineRule } from '../../core/calendar/index.js';
import { daysBetween } from '../../core/calendar/index.js';
import type { ExtensionCap } from '../demands/index.js';

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
/** 延长 — a difficult one may be extended to 6 months in all. */
export const EXTENSION_CAP: ExtensionCap = { n: 3, unit: 'month', source: '代表法第五十一条：重大复杂的最长不超过六个月' };

/**
 * The reply rule of one record: the assignment document's own 办理期限 when it
 * gives one, else 6 months for difficult ones and 3 months otherwise.
 */
export function replyRule(args: { assignedOn: string; difficult: boolean; dueOn: string | null }): DeadlineRule {
  if (args.dueOn)
    return {
      key: 'proposal.reply.assigned',
      label: '建议提案答复期限',
      unit: 'day',
      n: Math.max(0, daysBetween(args.assignedOn, args.dueOn)),
      source: '交办文件规定的办理期限',
      rollToWorkday: false,
    };
  return args.difficult ? DIFFICULT_REPLY_RULE : REPLY_RULE;
}
