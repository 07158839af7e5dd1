import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/index.js';
import { explainClock, type ClockState } from '../demands/index.js';
import { checkPush, handlingRule, normalizePlace, repeatReason, SIGN_RULE, timeLimitOf } from './rules.js';
import { computeDeadline } from '../../core/calendar/index.js';

const cal = createCalendar({});
const clock = (start: string, n: number, more: Partial<ClockState> = {}): ClockState => ({
  rule: handlingRule(n, true),
  start,
  pauses: [],
  extensions: [],
  restartOn: null,
  pausedSince: null,
  pauseReason: null,
  ...more,
});

describe('12345 time limits (working days after the 受理 date, that day not counted)', () => {
  it.each([
    ['a consultation defaults to 1 working day', '咨询', null, 1],
    ['a complaint defaults to 10', '投诉', null, 10],
    ['a report defaults to 15', '举报', null, 15],
    ['the order’s own limit wins over the default', '投诉', 3, 3],
    ['no type: 5', null, null, 5],
  ])('%s', (_n, type, given, limit) => expect(timeLimitOf(type, given)).toBe(limit));

  it.each([
    ['5 working days from a Monday end on the next Monday', '2022-03-07', 5, '2022-03-14'],
    ['across National Day 2022 (1–7 Oct) and the make-up Saturday 8 Oct', '2022-09-29', 3, '2022-10-09'],
    ['across Spring Festival 2022 (31 Jan–6 Feb) counting the make-up days 29–30 Jan', '2022-01-27', 3, '2022-01-30'],
    ['received on a Saturday: the first working day is Monday', '2022-03-05', 1, '2022-03-07'],
  ])('%s', (_n, start, n, due) => expect(explainClock(clock(start, n), start, cal).due).toBe(due));

  it('signing is due the next working day, across the May Day holiday', () => {
    expect(computeDeadline({ rule: SIGN_RULE, start: '2022-04-29' }, cal).due).toBe('2022-05-05');
  });

  it('an approved extension adds its working days after the original end', () => {
    const s = clock('2022-03-07', 5, { extensions: [{ n: 3, approvedOn: '2022-03-10', approvedBy: '李局长', reason: '需协调多部门' }] });
    const x = explainClock(s, '2022-03-10', cal);
    expect(x.due).toBe('2022-03-17');
    expect(x.text).toContain('经批准延长3个工作日');
  });
});

describe('likely repeats: same place or caller within 30 days', () => {
  const a = { receivedOn: '2022-05-01', phone: '13800138000', location: '天河路 100 号' };
  it.each([
    ['the same caller 10 days later', { receivedOn: '', phone: '13800138000', location: '别处' }, 10, '同一来电人，30日内再次来电（相隔10日）'],
    ['the same place written differently', { receivedOn: '', phone: '13900000000', location: '天河路100号' }, 3, '同一地点，30日内再次来电（相隔3日）'],
    ['both', { receivedOn: '', phone: '13800138000', location: '天河路100号' }, 30, '同一来电人、同一地点，30日内再次来电（相隔30日）'],
    ['31 days apart is not a repeat', { receivedOn: '', phone: '13800138000', location: '天河路100号' }, 31, null],
    ['a different caller and place', { receivedOn: '', phone: '13900000000', location: '黄埔大道' }, 1, null],
  ])('%s', (_n, b, days, reason) => expect(repeatReason(a, b, days)).toBe(reason));

  it('ignores too-short places (a street name alone is not a place)', () =>
    expect(repeatReason({ ...a, location: '天河', phone: null }, { receivedOn: '', phone: null, location: '天河' }, 1)).toBeNull());
  it('folds full-width characters and punctuation', () => expect(normalizePlace('天河路（１００号）')).toBe(normalizePlace('天河路100')));
});

describe('the push API checks each field', () => {
  it('names every bad field in Chinese', () => {
    const errs = checkPush({ orderNo: '', receivedAt: '', demandType: '投拆', content: '', timeLimit: 'x' });
    expect(errs.map((e) => e.field)).toEqual(['orderNo', 'receivedAt', 'demandType', 'content', 'unitName', 'timeLimit']);
    expect(errs.find((e) => e.field === 'demandType')!.message).toContain('不是可选值');
  });
  it('accepts a complete order', () =>
    expect(
      checkPush({ orderNo: 'GD2022000001', receivedAt: '2022-03-01 09:00', demandType: '投诉', content: '路面积水', unitName: '排水管理科', timeLimit: 5 }),
    ).toEqual([]));
});
