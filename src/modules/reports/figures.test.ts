import { describe, expect, it } from 'vitest';
import { formatFigure, yoyPhrase } from './figures.js';

describe('figures as the report writes them', () => {
  it.each([
    { name: 'a count', v: 981, f: 'count', r: 'exact', text: '981', approx: false },
    { name: 'a rate keeps up to two decimals without trailing zeros', v: 85.7, f: 'percent', r: 'exact', text: '85.7', approx: false },
    { name: 'a full rate', v: 100, f: 'percent', r: 'exact', text: '100', approx: false },
    { name: 'yuan in 万元 (70.11)', v: 701100, f: 'wan', r: 'exact', text: '70.11', approx: false },
    { name: 'yuan in 万元 with four decimals (12.436)', v: 124360, f: 'wan', r: 'exact', text: '12.436', approx: false },
    { name: '53 consultations rounded to 50余', v: 53, f: 'count', r: 'yu10', text: '50余', approx: true },
    { name: '213 attendees as 逾200', v: 213, f: 'count', r: 'yu_over100', text: '逾200', approx: true },
    { name: 'a round 200 is stated exactly, never 200余', v: 200, f: 'count', r: 'yu100', text: '200', approx: false },
    { name: 'a value below the step is exact', v: 7, f: 'count', r: 'yu10', text: '7', approx: false },
    { name: 'a water class', v: 'IV', f: 'class', r: 'exact', text: 'IV', approx: false },
  ] as const)('$name', ({ v, f, r, text, approx }) => {
    expect(formatFigure(v, f, r)).toEqual({ text, approx, missing: false });
  });

  it('flags a figure with no value instead of inventing one', () => {
    expect(formatFigure(null, 'count')).toMatchObject({ missing: true });
    expect(formatFigure(undefined, 'percent')).toMatchObject({ missing: true });
  });
});

describe('year-over-year phrases', () => {
  it.each([
    { name: 'growth', cur: 24, prev: 20, f: 'count', phrase: '同比增长20%' },
    { name: 'decline', cur: 18, prev: 24, f: 'count', phrase: '同比下降25%' },
    { name: 'unchanged', cur: 4, prev: 4, f: 'count', phrase: '与上年持平' },
    { name: 'a rate in percentage points', cur: 100, prev: 98.5, f: 'percent', phrase: '较上年提高1.5个百分点' },
    { name: 'no previous value', cur: 5, prev: null, f: 'count', phrase: null },
    { name: 'from zero there is no percentage', cur: 5, prev: 0, f: 'count', phrase: null },
  ] as const)('$name', ({ cur, prev, f, phrase }) => expect(yoyPhrase(cur, prev, f)).toBe(phrase));
});
