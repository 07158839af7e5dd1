import { describe, expect, it } from 'vitest';
import { appraise, checkTerm, covers } from './rules.js';

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
