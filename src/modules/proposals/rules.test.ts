import { describe, expect, it } from 'vitest';
import { computeDeadline, createCalendar } from '../../core/calendar/index.js';
import { explainClock, type ClockState } from '../demands/index.js';
import { clockBreaches, CO_OPINION_RULE, DIFFICULT_REPLY_RULE, latestReplyOn, replyRule, REPLY_RULE, termLimitBreach } from './rules.js';

const cal = createCalendar({});

describe('reply terms of suggestions and proposals', () => {
  it.each([
    ['3 months from 15 March end on 15 June', REPLY_RULE, '2022-03-15', '2022-06-15'],
    ['3 months from 30 November end on the last day of February', REPLY_RULE, '2022-11-30', '2023-02-28'],
    ['3 months ending on the Dragon Boat holiday (3 Jun 2022) roll to 6 June', REPLY_RULE, '2022-03-03', '2022-06-06'],
    ['6 months for a difficult one', DIFFICULT_REPLY_RULE, '2022-03-15', '2022-09-15'],
    ['a co-handler’s opinion within 1 month', CO_OPINION_RULE, '2022-03-15', '2022-04-15'],
  ])('%s', (_n, rule, start, due) => expect(computeDeadline({ rule, start }, cal).due).toBe(due));

  it('the assignment document’s own 办理期限 wins and is not rolled', () => {
    const rule = replyRule({ assignedOn: '2022-03-15', difficult: false, dueOn: '2022-06-12' }, cal);
    expect(computeDeadline({ rule, start: '2022-03-15' }, cal).due).toBe('2022-06-12');
  });
  it('a difficult one without a document term gets 6 months', () =>
    expect(replyRule({ assignedOn: '2022-03-15', difficult: true, dueOn: null }, cal)).toBe(DIFFICULT_REPLY_RULE));
});

describe('at most 6 months from assignment in all (代表法第五十一条): hand-set due dates and extensions', () => {
  it.each([
    ['6 months from 15 March end on 15 September', '2022-03-15', '2022-09-15'],
    ['6 months from 10 March end on Saturday 10 September, rolled past the Mid-Autumn holiday to 13 September', '2022-03-10', '2022-09-13'],
    ['6 months from 31 August end on the last day of February', '2022-08-31', '2023-02-28'],
  ])('the last lawful reply date: %s', (_n, assigned, latest) => expect(latestReplyOn(assigned, cal)).toBe(latest));

  it.each([
    ['a document date on the last lawful day is kept', '2022-09-15', '2022-09-15', null],
    ['a document date the day after is refused and gives way to the 6 months', '2022-09-16', '2022-09-15', 'attrs.dueOn'],
    ['a document date within the roll-over (the Mid-Autumn holiday) is kept', '2022-09-13', '2022-09-13', null],
  ])('%s', (_n, dueOn, due, field) => {
    const assignedOn = dueOn === '2022-09-13' ? '2022-03-10' : '2022-03-15';
    const rule = replyRule({ assignedOn, difficult: false, dueOn }, cal);
    expect(computeDeadline({ rule, start: assignedOn }, cal).due).toBe(due);
    expect(termLimitBreach({ assignedOn, due: dueOn, field: 'attrs.dueOn' }, cal)?.field ?? null).toBe(field);
  });

  it('the breach names the field and the statute', () =>
    expect(termLimitBreach({ assignedOn: '2022-03-15', due: '2022-09-16', field: 'attrs.dueOn' }, cal)).toMatchObject({
      rule: 'proposals.term_limit',
      field: 'attrs.dueOn',
      column: '办理期限',
      statute: expect.stringContaining('代表法第五十一条'),
      message: '办理期限2022-09-16超过自交办之日（2022-03-15）起六个月的最长期限（2022-09-15）',
    }));

  const clock = (rule = REPLY_RULE, extensions: ClockState['extensions'] = []): ClockState => ({
    rule,
    start: '2022-03-15',
    pauses: [],
    extensions,
    restartOn: null,
    pausedSince: null,
    pauseReason: null,
  });
  const extend = (c: ClockState) =>
    clockBreaches({ change: 'extend', receivedOn: '2022-03-15', clock: c, due: explainClock(c, '2022-06-01', cal).due, on: '2022-06-01', attrs: {} }, cal).map(
      (b) => b.field,
    );
  const x = (n: number) => ({ n, unit: 'month' as const, approvedOn: '2022-06-01', approvedBy: '局长', reason: '涉及面广' });
  it.each([
    ['3 months + 3 months = 6: allowed', clock(REPLY_RULE, [x(3)]), []],
    ['3 months + 4 months: refused, naming n', clock(REPLY_RULE, [x(4)]), ['n']],
    ['a difficult one (6 months) + 1 month: refused', clock(DIFFICULT_REPLY_RULE, [x(1)]), ['n']],
  ])('an extension: %s', (_n, c, want) => expect(extend(c)).toEqual(want));

  it('a record with a hand-set date beyond 6 months breaks the rule; without one it does not', () => {
    const rec = (attrs: Record<string, unknown>) =>
      clockBreaches({ change: 'record', receivedOn: '2022-03-15', clock: clock(), due: '2022-06-15', on: '2022-03-15', attrs }, cal).map((b) => b.rule);
    expect(rec({ dueOn: '2022-10-01' })).toEqual(['proposals.term_limit']);
    expect(rec({ dueOn: '2022-09-15' })).toEqual([]);
    expect(rec({})).toEqual([]);
  });
});
