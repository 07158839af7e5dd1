import { describe, expect, it } from 'vitest';
import { formatFigure, yoyPhrase } from './figures.js';

describe('figures as the report writes them', () => {
  it.each([
    ['a count', 981, 'count', 'exact', '981', false],
    ['a rate keeps up to two decimals without trailing zeros', 85.7, 'percent', 'exact', '85.7', false],
    ['a full rate', 100, 'percent', 'exact', '100', false],
    ['yuan in 万元 (70.11)', 701100, 'wan', 'exact', '70.11', false],
    ['yuan in 万元 with four decimals (12.436)', 124360, 'wan', 'exact', '12.436', false],
    ['53 consultations rounded to 50余', 53, 'count', 'yu10', '50余', true],
    ['213 attendees as 逾200', 213, 'count', 'yu_over100', '逾200', true],
    ['a round 200 is stated exactly, never 200余', 200, 'count', 'yu100', '200', false],
    ['a value below the step is exact', 7, 'count', 'yu10', '7', false],
    ['a water class', 'IV', 'class', 'exact', 'IV', false],
  ] as const)('%s', (_n, v, f, r, text, approx) => {
    expect(formatFigure(v, f, r)).toEqual({ text, approx, missing: false });
  });

  it('flags a figure with no value instead of inventing one', () => {
    expect(formatFigure(null, 'count')).toMatchObject({ missing: true });
    expect(formatFigure(undefined, 'percent')).toMatchObject({ missing: true });
  });
});

describe('year-over-year phrases', () => {
  it.each([
    ['growth', 24, 20, 'count', '同比增长20%'],
    ['decline', 18, 24, 'count', '同比下降25%'],
    ['unchanged', 4, 4, 'count', '与上年持平'],
    ['a rate in percentage points', 100, 98.5, 'percent', '较上年提高1.5个百分点'],
    ['no previous value', 5, null, 'count', null],
    ['from zero there is no percentage', 5, 0, 'count', null],
  ] as const)('%s', (_n, cur, prev, f, phrase) => expect(yoyPhrase(cur, prev, f)).toBe(phrase));
});
