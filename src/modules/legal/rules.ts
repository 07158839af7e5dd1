/**
 * 法律顾问 and 合法性审查 rules — pure functions with their sources.
 */
import { errors } from '../../core/errors.js';
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
