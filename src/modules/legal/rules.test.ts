import { describe, expect, it } from 'vitest';
import { appraise, checkIssue, checkTerm, covers } from './rules.js';

describe('合法性审查 before issue or decision', () => {
  it.each([
    ['a normative document never reviewed', { kind: '规范性文件' as const, reviewResult: null }, 'LEGAL_REVIEW_REQUIRED'],
    ['a major decision found with problems', { kind: '重大行政决策' as const, reviewResult: '存在问题' }, 'LEGAL_REVIEW_FAILED'],
    ['a 三重一大 matter never reviewed', { kind: '三重一大' as const, reviewResult: null }, 'LEGAL_REVIEW_REQUIRED'],
  ])('refuses %s', (_n, doc, code) => expect(() => checkIssue(doc)).toThrow(expect.objectContaining({ code })));
  it('allows a document reviewed 同意', () => expect(() => checkIssue({ kind: '规范性文件', reviewResult: '同意' })).not.toThrow());
  it('names the statute in the message', () =>
    expect(() => checkIssue({ kind: '重大行政决策', reviewResult: null })).toThrow(/重大行政决策程序暂行条例》第二十五条/));
});

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
