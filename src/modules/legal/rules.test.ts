import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import {
  appraise,
  checklistProblems,
  checkTerm,
  commentEnded,
  commentPeriodProblems,
  covers,
  deliberatedFirst,
  expiryReminderRule,
  formatDocNo,
  NORMATIVE_RULES,
  normativeStatus,
  parseDocNo,
  REVIEW_CHECKLIST,
} from './rules.js';

const cal = createCalendar({});

describe('the advisor contract term', () => {
  it('refuses an end before the start', () => expect(() => checkTerm('2022-07-01', '2022-06-30')).toThrow(/不能早于/));
  it.each([
    ['the first day', '2021-07-01', true],
    ['the last day', '2023-06-30', true],
    ['the day after', '2023-07-01', false],
  ])('covers %s: %s', (_n, d, yes) => expect(covers({ startOn: '2021-07-01', endOn: '2023-06-30' }, d)).toBe(yes));
});

describe('the annual appraisal', () => {
  it.each([
    [
      'full marks',
      [
        { name: '服务质量', max: 60, score: 60 },
        { name: '响应及时', max: 40, score: 40 },
      ],
      100,
      '优秀',
    ],
    [
      'exactly 90 %',
      [
        { name: '服务质量', max: 60, score: 50 },
        { name: '响应及时', max: 40, score: 40 },
      ],
      90,
      '优秀',
    ],
    ['just under 75 %', [{ name: '服务质量', max: 100, score: 74.5 }], 74.5, '合格'],
    ['below 60 %', [{ name: '服务质量', max: 100, score: 59 }], 59, '不合格'],
  ])('%s', (_n, criteria, total, grade) => expect(appraise(criteria)).toMatchObject({ total, grade }));
  it.each([
    ['a score above its maximum', [{ name: '服务质量', max: 10, score: 11 }], 'criteria[0].score'],
    ['no criteria', [], 'criteria'],
    ['an unnamed criterion', [{ name: ' ', max: 10, score: 1 }], 'criteria[0].name'],
  ])('refuses %s naming the field', (_n, criteria, field) => expect(() => appraise(criteria)).toThrow(expect.objectContaining({ field })));
});

describe('行政规范性文件: the comment period (30 days by default, configurable)', () => {
  it.each<[string, string, string, number, boolean]>([
    ['exactly 30 days (the first day not counted)', '2023-03-01', '2023-03-31', 30, true],
    ['one day short', '2023-03-01', '2023-03-30', 30, false],
    ['longer', '2023-03-01', '2023-04-10', 30, true],
    ['a configured 15 days, the last day allowed', '2023-03-01', '2023-03-16', 15, true],
    ['a configured 15 days, one short', '2023-03-01', '2023-03-15', 15, false],
  ])('%s', (_n, from, until, days, ok) => {
    const p = commentPeriodProblems(from, until, days);
    expect(p.length === 0).toBe(ok);
    if (!ok) expect(p[0]).toMatch(/国办发〔2018〕37号/);
  });
  it.each<[string, string | null, string, boolean]>([
    ['submitted on the last day of the period', '2023-03-31', '2023-03-31', false],
    ['submitted the day after', '2023-03-31', '2023-04-01', true],
    ['never opened for comment', null, '2023-04-01', false],
  ])('送审 %s', (_n, commentUntil, on, ok) => expect(commentEnded({ commentUntil, on }).length === 0).toBe(ok));
});

describe('合法性审核 checklist', () => {
  const all = (v: boolean) => Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c.key, v]));
  it.each<[string, '同意' | '存在问题', Record<string, boolean> | null, string[]]>([
    ['同意 with every point passed', '同意', all(true), []],
    ['同意 with a failed point', '同意', { ...all(true), power: false }, ['checklist.power']],
    ['存在问题 with a failed point', '存在问题', { ...all(true), power: false }, []],
    ['a point left unanswered', '存在问题', { ...all(true), procedure: undefined as unknown as boolean }, ['checklist.procedure']],
    ['no checklist', '同意', null, REVIEW_CHECKLIST.map((c) => `checklist.${c.key}`)],
  ])('%s', (_n, result, checklist, fields) => expect(checklistProblems(result, checklist).map((p) => p.field)).toEqual(fields));
});

describe('统一编号, 备案, 有效期, status', () => {
  it('numbers a series per year', () => {
    expect(formatDocNo('天水规', 2023, 3)).toBe('天水规〔2023〕3号');
    expect(parseDocNo('天水规〔2023〕3号')).toEqual({ prefix: '天水规', year: 2023, seq: 3 });
    expect(parseDocNo('天水函〔2023〕')).toBeNull();
  });
  it.each<[string, string, string]>([
    ['30 days after publication', '2023-06-05', '2023-07-05'],
    ['the next Monday when the 30th day is a Saturday', '2023-06-01', '2023-07-03'],
    ['rolled past National Day', '2023-09-01', '2023-10-07'],
  ])('备案 is due %s', (_n, published, due) => expect(computeDeadline({ rule: NORMATIVE_RULES.filing, start: published }, cal).due).toBe(due));
  it('is valid 5 years, not rolled to a working day', () =>
    expect(computeDeadline({ rule: NORMATIVE_RULES.validity, start: '2022-04-06' }, cal).due).toBe('2027-04-06'));
  it('reminds 6 months before expiry', () => expect(computeDeadline({ rule: expiryReminderRule(5), start: '2022-04-06' }, cal).due).toBe('2026-10-06'));
  it.each<[string, string | null, string | null, string, string]>([
    ['in force on its last valid day', null, '2027-04-06', '2027-04-06', '现行有效'],
    ['expired the day after', null, '2027-04-06', '2027-04-07', '已失效'],
    ['repealed on the day', '2023-05-01', '2027-04-06', '2023-05-01', '已废止'],
    ['in force the day before repeal', '2023-05-01', '2027-04-06', '2023-04-30', '现行有效'],
  ])('%s', (_n, repealedOn, validUntil, today, status) => expect(normativeStatus({ repealedOn, validUntil }, today)).toBe(status));
  it.each<[string, string | null, boolean]>([
    ['deliberated', '2023-05-01', true],
    ['not deliberated', null, false],
  ])('公布 %s', (_n, deliberatedOn, ok) => expect(deliberatedFirst({ deliberatedOn }).length === 0).toBe(ok));
});
