import { describe, expect, it } from 'vitest';
import { checkAttendance, checkExamScore, passed } from './rules.js';

describe('exam results', () => {
  it.each([
    ['a score at the pass mark passes', 60, 60, true],
    ['a score under it fails', 59.5, 60, false],
    ['90 against 60 passes', 90, 60, true],
  ])('%s', (_n, s, p, ok) => expect(passed(s, p)).toBe(ok));
  it.each([
    ['a negative score', -1, 60, 'score'],
    ['a zero pass mark', 80, 0, 'passMark'],
  ])('refuses %s naming the field', (_n, s, p, field) => expect(() => checkExamScore(s, p)).toThrow(expect.objectContaining({ field })));
});

describe('training attendance (线上线下)', () => {
  it('accepts on-site plus online adding up to the total', () =>
    expect(() => checkAttendance({ mode: '线上线下', onsite: 38, online: 198, attendees: 236 })).not.toThrow());
  it('accepts a total alone', () => expect(() => checkAttendance({ mode: null, onsite: null, online: null, attendees: 40 })).not.toThrow());
  it.each([
    ['counts that do not add up', { mode: '线上线下' as const, onsite: 30, online: 100, attendees: 236 }, 'attendees'],
    ['people on site at an online training', { mode: '线上' as const, onsite: 5, online: 20, attendees: 25 }, 'onsite'],
    ['online people at an on-site training', { mode: '线下' as const, onsite: 20, online: 5, attendees: 25 }, 'online'],
    ['no attendees', { mode: null, onsite: null, online: null, attendees: 0 }, 'attendees'],
  ])('refuses %s', (_n, t, field) => expect(() => checkAttendance(t)).toThrow(expect.objectContaining({ field })));
});
