/**
 * 法律顾问 and 合法性审查 rules — pure functions with their sources.
 */
import { errors } from '../../core/errors.js';
import { addDays } from '../../core/calendar/calendar.js';
import type { DeadlineRule } from '../../core/calendar/deadline.js';
import type { Criterion, DocumentKind } from './schema.js';

/**
 * No issue (or decision) without a passed legality review: a normative document
 * and a major decision go to collective deliberation only after the legal office
 * found them lawful.
 */
export const REVIEW_SOURCES: Record<DocumentKind, string> = {
  规范性文件: '国办发〔2018〕115号《关于全面推行行政规范性文件合法性审核机制的指导意见》：未经合法性审核或者经审核不合法的，不得提交集体审议',
  重大行政决策:
    '《重大行政决策程序暂行条例》第二十五条：决策草案提交决策机关讨论前，应当由负责合法性审查的部门进行合法性审查；不得以征求意见等方式代替合法性审查；未经合法性审查或者经审查不合法的，不得提交决策机关讨论',
  三重一大: '“三重一大”事项集体决策制度：涉及法律问题的，决策前须经法制审核（本局制度，未核对原文，可配置）',
};

/** Guard of 印发/决策: a legality review first (its statute by the document's kind). */
export function reviewedFirst(doc: { kind: DocumentKind; reviewResult: string | null }): string[] {
  return doc.reviewResult === null ? [`未经合法性审查，不得印发或提交决策（${REVIEW_SOURCES[doc.kind]}）`] : [];
}

/** Guard of 印发/决策: the review found the draft lawful (同意). */
export function reviewLawful(doc: { reviewResult: string | null }): string[] {
  return doc.reviewResult !== null && doc.reviewResult !== '同意' ? ['合法性审查意见为“存在问题”，须修改后重新送审，不得印发或提交决策'] : [];
}

/** A contract term: the end not before the start. */
export function checkTerm(startOn: string, endOn: string): void {
  if (endOn < startOn) throw errors.validation('endOn', '合同截止日期不能早于起始日期');
}

/** Whether a contract covers a date (both ends inclusive). */
export const covers = (c: { startOn: string; endOn: string }, date: string) => c.startOn <= date && date <= c.endOn;

/**
 * The appraisal's total: each criterion scored between 0 and its maximum. The grade
 * thresholds (优秀 ≥ 90 %, 合格 ≥ 60 % of the maximum) are the bureau's own — unverified, configurable.
 */
export const GRADE_THRESHOLDS = [
  { min: 0.9, grade: '优秀' },
  { min: 0.75, grade: '良好' },
  { min: 0.6, grade: '合格' },
  { min: 0, grade: '不合格' },
] as const;

export function appraise(criteria: readonly Criterion[]): { total: number; max: number; grade: string } {
  if (!criteria.length) throw errors.validation('criteria', '请至少填写一项考核指标');
  criteria.forEach((c, i) => {
    if (!c.name?.trim()) throw errors.validation(`criteria[${i}].name`, `第${i + 1}项考核指标名称不能为空`);
    if (!(c.max > 0)) throw errors.validation(`criteria[${i}].max`, `第${i + 1}项“${c.name}”的满分应大于0`);
    if (!(c.score >= 0) || c.score > c.max) throw errors.validation(`criteria[${i}].score`, `第${i + 1}项“${c.name}”的得分应在0至${c.max}之间`);
  });
  const total = Math.round(criteria.reduce((a, c) => a + c.score, 0) * 10) / 10;
  const max = criteria.reduce((a, c) => a + c.max, 0);
  const grade = GRADE_THRESHOLDS.find((g) => total >= g.min * max)!.grade;
  return { total, max, grade };
}

// ── 行政规范性文件: the lifecycle's rules (issue 16 §2) ──

/** 国办发〔2018〕37号 — the State Council's notice the lifecycle follows. */
export const GUOBAN_37 = '国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）';

/**
 * The terms of a normative document's lifecycle, each with its source. The State Council's notice
 * (国办发〔2018〕37号) requires public comment, legality review, collective deliberation, unified
 * numbering and filing, but the lengths below come from local rules we have not checked against
 * their text: they are the bureau's settings (configurable here), marked 可配置 in the UI.
 */
export const NORMATIVE_RULES = {
  /** 公开征求意见 — the least number of days a draft is open for comment. */
  comment: {
    key: 'legal.normative.comment',
    label: '公开征求意见期限',
    unit: 'day',
    n: 30,
    source: `${GUOBAN_37}：向社会公开征求意见，明确提出意见的方式和期限；期限30日为本局设置（未核对地方规定原文，可配置）`,
  },
  /** 备案 — filing with the district government after publication. */
  filing: {
    key: 'legal.normative.filing',
    label: '报送备案期限',
    unit: 'day',
    n: 30,
    source: `${GUOBAN_37}：有件必备、有备必审、有错必纠；自公布之日起30日内报区人民政府备案为本局设置（未核对地方规定原文，可配置）`,
  },
  /** 有效期 — how long a document stays in force unless it says otherwise. */
  validity: {
    key: 'legal.normative.validity',
    label: '有效期',
    unit: 'month',
    n: 60,
    rollToWorkday: false,
    source: `${GUOBAN_37}：建立行政规范性文件有效期制度；有效期5年为本局设置（未核对地方规定原文，可配置）`,
  },
} as const satisfies Record<string, DeadlineRule>;

/** The reminder before expiry: this many months before the end of the validity, evaluate and clean up (configurable). */
export const EXPIRY_REMINDER_MONTHS = 6;

/** The validity a document may state, in years (1..5; the bureau's setting — unverified, configurable). */
export const MAX_VALID_YEARS = 5;

/** The expiry reminder as a tracked deadline: validity months less the reminder, from publication. */
export const expiryReminderRule = (validYears: number): DeadlineRule => ({
  key: 'legal.normative.expiry',
  label: '有效期届满前评估清理',
  unit: 'month',
  n: validYears * 12 - EXPIRY_REMINDER_MONTHS,
  rollToWorkday: false,
  source: `${GUOBAN_37}：定期清理；有效期届满前${EXPIRY_REMINDER_MONTHS}个月提醒评估（本局设置，可配置）`,
});

/**
 * 公开征求意见: the period from `from` (the draft is published) to `until` must be at least the
 * configured number of days (the first day not counted: 30 days from 1 March end on 31 March).
 */
export function commentPeriodProblems(from: string, until: string, days: number = NORMATIVE_RULES.comment.n): string[] {
  const least = addDays(from, days);
  return until < least ? [`公开征求意见期限不少于${days}日，自${from}起应至少至${least}（${NORMATIVE_RULES.comment.source}）`] : [];
}

/**
 * 合法性审核 checklist of a normative document (国办发〔2018〕115号《关于全面推行行政规范性文件
 * 合法性审核机制的指导意见》's points, as secondary sources quote them — unverified list, configurable).
 */
export const REVIEW_CHECKLIST = [
  { key: 'authority', label: '制定主体合法' },
  { key: 'power', label: '未超越法定职权' },
  { key: 'content', label: '内容符合宪法、法律、法规、规章和国家政策' },
  { key: 'noNewPowers', label: '未违法设定许可、处罚、强制、收费等事项' },
  { key: 'noBurden', label: '无法律法规依据的，未减损公民、法人和其他组织合法权益或增加其义务' },
  { key: 'procedure', label: '制定程序合法（已公开征求意见）' },
] as const;
export type ChecklistKey = (typeof REVIEW_CHECKLIST)[number]['key'];
export const CHECKLIST_SOURCE = '国办发〔2018〕115号《关于全面推行行政规范性文件合法性审核机制的指导意见》（审核要点，未核对原文，可配置）';

/**
 * A normative document's review answers every point of the checklist; 同意 only when every point
 * passed (a failed point is 存在问题: 未经审核或者经审核不合法的，不得提交集体审议).
 */
export function checklistProblems(
  result: '同意' | '存在问题',
  checklist: Partial<Record<string, boolean>> | null | undefined,
): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  for (const item of REVIEW_CHECKLIST) {
    const v = checklist?.[item.key];
    if (typeof v !== 'boolean') out.push({ field: `checklist.${item.key}`, message: `请逐项审核：“${item.label}”未填写` });
    else if (!v && result === '同意')
      out.push({ field: `checklist.${item.key}`, message: `“${item.label}”未通过，审核结论不能为“同意”（${CHECKLIST_SOURCE}）` });
  }
  return out;
}

/** 统一编号: `<prefix>〔<year>〕<seq>号`, a series per year. */
export const formatDocNo = (prefix: string, year: number, seq: number) => `${prefix}〔${year}〕${seq}号`;

/** The parts of a unified number, or null when it does not follow the pattern. */
export function parseDocNo(docNo: string): { prefix: string; year: number; seq: number } | null {
  const m = /^(.+)〔(\d{4})〕(\d+)号$/.exec(docNo.trim());
  return m ? { prefix: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}

/** What the public sees of a normative document: 现行有效, 已废止, or 已失效 (past its validity). */
export type NormativeStatus = '现行有效' | '已废止' | '已失效';
export function normativeStatus(d: { repealedOn: string | null; validUntil: string | null }, today: string): NormativeStatus {
  if (d.repealedOn && d.repealedOn <= today) return '已废止';
  if (d.validUntil && d.validUntil < today) return '已失效';
  return '现行有效';
}

/** 清理 outcomes: keep (继续有效), amend (修改), repeal (废止). */
export const CLEANUP_OUTCOMES = ['继续有效', '修改', '废止'] as const;
export type CleanupOutcome = (typeof CLEANUP_OUTCOMES)[number];

// ── Guards of the normative lifecycle (pure: facts → reasons citing the source) ──
interface KindFact {
  kind: DocumentKind;
}

/** Steps only a normative document takes (public comment, deliberation, unified number, filing, cleanup). */
export function normativeOnly(d: KindFact): string[] {
  return d.kind === '规范性文件' ? [] : [`该步骤仅适用于行政规范性文件（${GUOBAN_37}）`];
}

/** 印发 / 作出决策 is for decisions and 三重一大 matters: a normative document is deliberated and published under the unified number. */
export function notNormative(d: KindFact): string[] {
  return d.kind === '规范性文件' ? [`行政规范性文件经集体审议后统一编号公布，不以“印发 / 作出决策”登记（${GUOBAN_37}：统一登记、统一编号、统一印发）`] : [];
}

/** 送审 after public comment: the comment period has ended by the day of submission. */
export function commentEnded(d: { commentUntil: string | null; on: string }): string[] {
  if (!d.commentUntil) return [`未公开征求意见，不得送合法性审核（${GUOBAN_37}）`];
  return d.on <= d.commentUntil ? [`公开征求意见期限至${d.commentUntil}，届满后方可送合法性审核（${GUOBAN_37}）`] : [];
}

/** 公布 after collective deliberation (集体审议). */
export function deliberatedFirst(d: { deliberatedOn: string | null }): string[] {
  return d.deliberatedOn ? [] : [`未经集体审议决定，不得公布（${GUOBAN_37}：行政规范性文件应当经制定机关集体审议决定）`];
}

/** 备案 once: a filed document is not filed again. */
export function notFiledYet(d: { filedOn: string | null }): string[] {
  return d.filedOn ? [`已于${d.filedOn}报送备案`] : [];
}
