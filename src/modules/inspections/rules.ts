import type { DeadlineRule } from '../../core/calendar/deadline.js';

/** 抽查结果公示 — within 20 working days of the inspection (RULES.md: secondary source). */
export const PUBLICATION_RULE: DeadlineRule = {
  key: 'inspections.publish',
  label: '抽查结果公示期限',
  unit: 'workday',
  n: 20,
  source: '国办发〔2019〕5号《关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》：抽查检查结果自产生之日起20个工作日内公示',
};
