import { describe, expect, it } from 'vitest';
import {
  disclosureOnTime,
  missingDispatchDays,
  dispatchDateProblem,
  progressBreaches,
  progressError,
  progressProblem,
  publicPhone,
  rosterIssues,
  shiftInterval,
  type DutyEntry,
} from './rules.js';

const day = (date: string, extra: Partial<DutyEntry>[] = []): DutyEntry[] => [
  { date, shift: '全天', role: 'A角', person: '甲干部' },
  { date, shift: '全天', role: 'B角', person: '乙干部' },
  ...extra.map((e) => ({ date, shift: '早班', role: 'A角', person: '丙队员', ...e })),
];

describe('duty roster rules (AB角值守, 三班倒)', () => {
  it.each<[string, DutyEntry[], Array<{ index: number; field: string; text: string }>]>([
    ['a day with an A and a B role passes', day('2022-06-01'), []],
    [
      'a day without a B role is rejected on that day',
      [{ date: '2022-06-01', shift: '全天', role: 'A角', person: '甲' }],
      [{ index: 0, field: 'role', text: '2022-06-01 没有B角' }],
    ],
    ['a day without an A role is rejected', [{ date: '2022-06-01', shift: '早班', role: 'B角', person: '甲' }], [{ index: 0, field: 'role', text: '没有A角' }]],
    [
      'a day with neither role (unknown role) names both',
      [{ date: '2022-06-01', shift: '早班', role: 'C角', person: '甲' }],
      [
        { index: 0, field: 'role', text: '角色应为A角或B角' },
        { index: 0, field: 'role', text: '没有A角和B角' },
      ],
    ],
    [
      'one person on 全天 and 早班 the same day overlaps',
      day('2022-06-01', [{ person: '甲干部' }]),
      [{ index: 2, field: 'person', text: '甲干部 的 2022-06-01 早班 与第1条（2022-06-01 全天）时间重叠' }],
    ],
    [
      '全天 runs to 08:30 next day, so the next day’s 夜班 (00:00–08:00) overlaps',
      [...day('2022-06-01'), ...day('2022-06-02'), { date: '2022-06-02', shift: '夜班', role: 'B角', person: '甲干部' }],
      [{ index: 4, field: 'person', text: '甲干部 的 2022-06-02 夜班 与第1条（2022-06-01 全天）时间重叠' }],
    ],
    [
      '中班 (16–24) then next day’s 夜班 (0–8) touch but do not overlap',
      [...day('2022-06-01', [{ shift: '中班', person: '丁' }]), ...day('2022-06-02', [{ shift: '夜班', person: '丁' }])],
      [],
    ],
    [
      '早班 then 中班 the same day touch but do not overlap',
      day('2022-06-01', [
        { shift: '早班', person: '丁' },
        { shift: '中班', person: '丁', role: 'B角' },
      ]),
      [],
    ],
    [
      'a time range 07:00-09:00 overlaps 早班 (08:00–16:00)',
      day('2022-06-01', [{ person: '丁' }, { shift: '07:00-09:00', person: '丁', role: 'B角' }]),
      [{ index: 3, field: 'person', text: '时间重叠' }],
    ],
    [
      'an unknown shift name is rejected with the allowed ones',
      day('2022-06-01', [{ shift: '上午班' }]),
      [{ index: 2, field: 'shift', text: '全天/早班/中班/夜班' }],
    ],
    ['an impossible date is rejected', [{ date: '2022-02-30', shift: '全天', role: 'A角', person: '甲' }], [{ index: 0, field: 'date', text: '日期无效' }]],
  ])('%s', (_n, entries, expected) => {
    const issues = rosterIssues(entries);
    expect(issues.map((i) => ({ index: i.index, field: i.field }))).toEqual(expected.map((e) => ({ index: e.index, field: e.field })));
    for (const [k, e] of expected.entries()) expect(issues[k]!.message).toContain(e.text);
  });

  it('checks overlaps against entries already on the roster (context) without reporting them alone', () => {
    const context = day('2022-06-01');
    const issues = rosterIssues([...day('2022-06-02', [{ shift: '夜班', person: '乙干部' }])], { context });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toContain('已排的 2022-06-01 全天');
    expect(rosterIssues(day('2022-06-05'), { context })).toEqual([]);
  });

  it('names entries as the caller describes them (import rows)', () => {
    const issues = rosterIssues(day('2022-06-01', [{ person: '甲干部' }]), { describe: (i) => `第${i + 2}行` });
    expect(issues[0]!.message).toContain('与第2行（2022-06-01 全天）');
  });

  it.each([
    ['全天 is 24 hours from 08:30', '全天', 24 * 60, 8 * 60 + 30],
    ['夜班 starts at midnight', '夜班', 8 * 60, 0],
    ['a range ending at 24:00', '16:00-24:00', 8 * 60, 16 * 60],
    ['a range across midnight', '20:00-08:00', 12 * 60, 20 * 60],
  ])('%s', (_n, shift, minutes, startOfDay) => {
    const iv = shiftInterval('2000-01-01', shift)!;
    expect(iv.end - iv.start).toBe(minutes);
    expect(iv.start).toBe(startOfDay);
  });
});

describe('risk-point progress updates', () => {
  const point = { status: '整治中' as const, registeredOn: '2022-03-01', lastUpdateOn: '2022-05-10' };
  it.each<[string, Parameters<typeof progressProblem>[0], { onDate: string; status: any }, string | undefined]>([
    ['moving forward to 已完成 is allowed', point, { onDate: '2022-06-01', status: '已完成' }, undefined],
    ['another 整治中 update is allowed', point, { onDate: '2022-05-10', status: '整治中' }, undefined],
    ['going back to 未整治 is refused', point, { onDate: '2022-06-01', status: '未整治' }, '不能由“整治中”改回“未整治”'],
    ['a completed point takes no more updates', { ...point, status: '已完成' }, { onDate: '2022-06-01', status: '已完成' }, '已完成整治'],
    ['a date before registration is refused', { ...point, lastUpdateOn: null }, { onDate: '2022-02-28', status: '整治中' }, '早于纳入台账日期'],
    ['a date before the last update is refused', point, { onDate: '2022-05-09', status: '整治中' }, '早于上一次进展'],
    ['a date in the future is refused', point, { onDate: '2022-07-02', status: '整治中' }, '晚于今天'],
  ])('%s', (_n, p, u, msg) => {
    const r = progressProblem(p, u, '2022-07-01');
    if (msg === undefined) expect(r).toBeUndefined();
    else expect(r?.message).toContain(msg);
  });
});

describe('risk-point progress: rule breaches (findings of an import) apart from impossibilities (errors)', () => {
  const point = { status: '整治中' as const, registeredOn: '2022-03-01', lastUpdateOn: '2022-05-10' };
  it.each<[string, { status: any; registeredOn: string }, { onDate: string; status: any }, string[]]>([
    ['a step forward breaks nothing', point, { onDate: '2022-06-01', status: '已完成' }, []],
    ['a step back breaks the forward-only rule', point, { onDate: '2022-06-01', status: '未整治' }, ['flood.risk_progress_forward_only']],
    ['an update after 已完成 breaks it too', { ...point, status: '已完成' }, { onDate: '2022-06-01', status: '整治中' }, ['flood.risk_progress_forward_only']],
    [
      'an update dated before registration breaks the registration rule',
      point,
      { onDate: '2022-02-01', status: '整治中' },
      ['flood.risk_progress_after_registration'],
    ],
  ])('%s', (_n, p, u, rules) => {
    const b = progressBreaches(p, u);
    expect(b.map((x) => x.rule)).toEqual(rules);
    for (const x of b) expect(x.statute).toContain('三本台账');
  });
  it.each<[string, { onDate: string; status: any }, string | undefined]>([
    ['a date in order is possible', { onDate: '2022-06-01', status: '未整治' }, undefined],
    ['a date before the last recorded update is not', { onDate: '2022-05-09', status: '整治中' }, '早于上一次进展'],
    ['a date in the future is not', { onDate: '2022-07-02', status: '整治中' }, '晚于今天'],
    ['an impossible date is not', { onDate: '2022-02-30', status: '整治中' }, '进展日期无效'],
  ])('%s', (_n, u, msg) => {
    const e = progressError(point, u, '2022-07-01');
    if (msg === undefined) expect(e).toBeUndefined();
    else expect(e?.message).toContain(msg);
  });
  it('roster issues that a real roster can have carry their rule; impossible lines do not', () => {
    const issues = rosterIssues([
      { date: '2022-06-01', shift: '上午班', role: 'A角', person: '甲' },
      { date: '2022-06-02', shift: '全天', role: 'A角', person: '乙' },
      { date: '2022-06-02', shift: '早班', role: 'B角', person: '乙' },
    ]);
    expect(issues.map((i) => [i.index, i.field, i.rule ?? null])).toEqual([
      [0, 'shift', null],
      [0, 'role', 'flood.duty_ab_roles'],
      [2, 'person', 'flood.duty_no_overlap'],
    ]);
  });
});

describe('drought / salt-tide: one dispatch a day during the warning', () => {
  const w = { startsOn: '2022-01-10', endsOn: '2022-01-14' };
  it.each([
    ['every day covered', ['2022-01-10', '2022-01-11', '2022-01-12', '2022-01-13', '2022-01-14'], '2022-02-01', []],
    ['two days missing', ['2022-01-10', '2022-01-12', '2022-01-14'], '2022-02-01', ['2022-01-11', '2022-01-13']],
    ['an open warning is checked up to today', ['2022-01-10'], '2022-01-11', ['2022-01-11']],
  ])('%s', (_n, dates, until, missing) => {
    expect(missingDispatchDays(w, dates as string[], until as string)).toEqual(missing);
  });
  it.each([
    ['inside the warning', '2022-01-12', undefined],
    ['before it', '2022-01-09', '早于预警开始日期'],
    ['after it', '2022-01-15', '晚于预警结束日期'],
  ])('a dispatch dated %s', (_n, d, msg) => {
    const r = dispatchDateProblem(w, d);
    if (!msg) expect(r).toBeUndefined();
    else expect(r).toContain(msg);
  });
});

describe('responsible persons disclosure', () => {
  it.each([
    ['published in March is before the season', '2022-03-25', true],
    ['published on 1 April is not before it', '2022-04-01', false],
  ])('%s', (_n, on, ok) => expect(disclosureOnTime(2022, on).onTime).toBe(ok));
  it('masks phones on public pages', () => expect(publicPhone('13812345678')).toBe('138****5678'));
});
