/** 学法考试、培训 rules — pure, with their sources. */
import { errors } from '../../core/errors.js';
import type { MODES } from './schema.js';

/** An exam is passed with a score at or above its pass mark (METRICS.md `staff.law_exam_pass_rate`). */
export const passed = (score: number, passMark: number) => score >= passMark;

export function checkExamScore(score: number, passMark: number): void {
  if (!(score >= 0) || score > 150) throw errors.validation('score', '成绩应在0至150分之间');
  if (!(passMark > 0) || passMark > 150) throw errors.validation('passMark', '及格线应在1至150分之间');
}

/**
 * A training's attendance: 参加人数 is the total; when on-site and online counts are
 * both given they must add up to it, and the mode must match (线上 → nobody on site).
 */
export function checkAttendance(t: { mode: (typeof MODES)[number] | null; onsite: number | null; online: number | null; attendees: number }): void {
  if (!Number.isInteger(t.attendees) || t.attendees < 1) throw errors.validation('attendees', '参加人数应为正整数');
  for (const k of ['onsite', 'online'] as const)
    if (t[k] != null && (!Number.isInteger(t[k]) || t[k]! < 0)) throw errors.validation(k, `${k === 'onsite' ? '现场' : '线上'}人数应为非负整数`);
  if (t.onsite != null && t.online != null && t.onsite + t.online !== t.attendees)
    throw errors.validation('attendees', `参加人数（${t.attendees}）应等于现场人数（${t.onsite}）与线上人数（${t.online}）之和`);
  if (t.mode === '线上' && t.onsite) throw errors.validation('onsite', '线上培训不应有现场参加人数');
  if (t.mode === '线下' && t.online) throw errors.validation('online', '线下培训不应有线上参加人数');
}
