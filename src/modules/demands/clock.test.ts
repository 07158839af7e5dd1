import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../core/calendar/index.js';
import { capPauses, effectiveClock, explainClock, resumeClock, type ClockRules, type ClockState, type PauseCap } from './clock.js';

const cal = createCalendar({});
/** 20 working days from Tuesday 1 March 2022: due Tuesday 29 March. */
const RULE = { key: 't.reply', label: '答复期限', unit: 'workday' as const, n: 20, source: '测试规则第一条' };
const RULES: ClockRules = {
  extensionInTerm: '测试规则第二条：期限内批准延长',
  pauseCaps: [{ reason: '征求第三方意见', n: 15, unit: 'workday', source: '测试规则第三条' }],
};
const clock = (more: Partial<ClockState> = {}): ClockState => ({
  rule: RULE,
  start: '2022-03-01',
  pauses: [],
  extensions: [],
  restartOn: null,
  pausedSince: null,
  pauseReason: null,
  ...more,
});
const ext = (approvedOn: string, n = 20) => ({ n, approvedOn, approvedBy: '王主任', reason: '需调取档案' });
const tp = (from: string, to: string) => ({ from, to, reason: '征求第三方意见' });

describe('an extension counts only when approved within the term (rules with extensionInTerm)', () => {
  it.each([
    ['no extension: 20 working days', [], '2022-03-29', 0],
    ['approved on the due date (the last day allowed): extends by 20', [ext('2022-03-29')], '2022-04-26', 0],
    ['approved the day after the due date (the first day refused): void, the due date stays', [ext('2022-03-30')], '2022-03-29', 1],
    ['approved long after: void', [ext('2022-06-01')], '2022-03-29', 1],
    ['a second extension approved on the extended due date counts', [ext('2022-03-20', 10), ext('2022-04-13', 10)], '2022-04-26', 0],
    ['a second extension approved the day after the extended due date is void', [ext('2022-03-20', 10), ext('2022-04-14', 10)], '2022-04-13', 1],
  ])('%s', (_n, extensions, due, voided) => {
    const s = clock({ extensions });
    expect(explainClock(s, '2022-12-31', cal, RULES).due).toBe(due);
    expect(effectiveClock(s, '2022-12-31', cal, RULES).voided).toHaveLength(voided);
  });

  it('the explanation says why a late extension does not count', () => {
    const x = explainClock(clock({ extensions: [ext('2022-03-30')] }), '2022-12-31', cal, RULES);
    expect(x.text).toContain(
      '王主任于2022-03-30批准的延长20个工作日晚于当时的届满日2022-03-29，期限届满后批准的延长不发生延长效力，不计入期限（依据：测试规则第二条',
    );
    expect(x.warnings.at(-1)).toContain('不发生延长效力');
  });

  it('without the rule (other kinds) a late extension still extends, with the kernel’s warning', () => {
    const x = explainClock(clock({ extensions: [ext('2022-03-30')] }), '2022-12-31', cal);
    expect(x.due).toBe('2022-04-26');
    expect(x.warnings.join()).toContain('晚于原期限届满日');
  });

  it('while the clock is paused the due date moves, and so does the last day an extension may be approved', () => {
    const s = clock({ pausedSince: '2022-03-28', pauseReason: '征求其他机关意见', extensions: [ext('2022-03-30')] });
    expect(explainClock(s, '2022-03-30', cal, RULES).due).toBe('2022-04-29'); // paused 28–30 Mar: due 1 Apr, so approval on 30 Mar counts: extended by 20
  });
});

describe('paused time capped per reason (pauseCaps)', () => {
  const cap: PauseCap = RULES.pauseCaps![0]!;
  it.each([
    ['15 working days (the most allowed) are all taken out', [tp('2022-03-02', '2022-03-22')], '2022-04-20', null],
    ['16 working days: cut after the 15th', [tp('2022-03-02', '2022-03-23')], '2022-04-20', '2022-03-22'],
    ['two consultations of 10 and 6 working days: 15 in all', [tp('2022-03-02', '2022-03-15'), tp('2022-03-21', '2022-03-28')], '2022-04-20', '2022-03-25'],
    ['a weekend inside the pause is not a working day held', [tp('2022-03-04', '2022-03-07')], '2022-03-31', null],
  ])('%s', (_n, pauses, due, lastDay) => {
    const s = clock({ pauses });
    expect(explainClock(s, '2022-12-31', cal, RULES).due).toBe(due);
    const c = capPauses(pauses, [cap], cal);
    expect(c.capped[0]?.lastDay ?? null).toBe(lastDay);
  });

  it('other reasons are not capped', () => {
    const s = clock({ pauses: [{ from: '2022-03-02', to: '2022-03-23', reason: '征求其他机关意见' }] });
    expect(explainClock(s, '2022-12-31', cal, RULES).due).toBe('2022-04-21');
  });

  it('the explanation says how much was taken out', () => {
    const x = explainClock(clock({ pauses: [tp('2022-03-02', '2022-03-23')] }), '2022-12-31', cal, RULES);
    expect(x.text).toContain('征求第三方意见期间共16个工作日，最多扣除15个工作日（至2022-03-22），其余计入期限（依据：测试规则第三条）');
  });
});

describe('a restart keeps the restarting pause (its notice date) and takes nothing out', () => {
  it('resumes 重新起算 with the correction pause kept', () => {
    const s = resumeClock(clock({ pauses: [tp('2022-03-02', '2022-03-03')], pausedSince: '2022-03-04', pauseReason: '补正申请材料' }), '2022-03-10', {
      restart: true,
    });
    expect(s.pauses).toEqual([{ from: '2022-03-04', to: '2022-03-10', reason: '补正申请材料' }]);
    expect(s.restartOn).toBe('2022-03-10');
    expect(explainClock(s, '2022-12-31', cal, RULES).due).toBe(cal.addWorkdays('2022-03-10', 20));
  });
});
