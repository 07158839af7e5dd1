import { describe, expect, it } from 'vitest';
import { blackParamGrade, classify, gradeBlackOdour, limitOf, paramClass, periodClass, transparencyLightBound, type Param, type WaterType } from './rules.js';

/**
 * GB 3838-2002 表1, written out by hand (not derived from the code's table):
 * each boundary at the limit and just beyond it.
 */
const BOUNDARIES: Array<[Param, number, string]> = [
  // 溶解氧 ≥ 7.5 / 6 / 5 / 3 / 2
  ['do', 7.5, 'I'],
  ['do', 7.49, 'II'],
  ['do', 6, 'II'],
  ['do', 5.99, 'III'],
  ['do', 5, 'III'],
  ['do', 4.99, 'IV'],
  ['do', 3, 'IV'],
  ['do', 2.99, 'V'],
  ['do', 2, 'V'],
  ['do', 1.99, '劣V'],
  // 高锰酸盐指数 ≤ 2 / 4 / 6 / 10 / 15
  ['codmn', 2, 'I'],
  ['codmn', 2.01, 'II'],
  ['codmn', 4, 'II'],
  ['codmn', 4.01, 'III'],
  ['codmn', 6, 'III'],
  ['codmn', 6.01, 'IV'],
  ['codmn', 10, 'IV'],
  ['codmn', 10.01, 'V'],
  ['codmn', 15, 'V'],
  ['codmn', 15.01, '劣V'],
  // 化学需氧量 ≤ 15 / 15 / 20 / 30 / 40 (I and II share 15: at 15 it is class I, above it class III)
  ['cod', 15, 'I'],
  ['cod', 15.1, 'III'],
  ['cod', 20, 'III'],
  ['cod', 20.1, 'IV'],
  ['cod', 30, 'IV'],
  ['cod', 30.1, 'V'],
  ['cod', 40, 'V'],
  ['cod', 40.1, '劣V'],
  // 五日生化需氧量 ≤ 3 / 3 / 4 / 6 / 10
  ['bod5', 3, 'I'],
  ['bod5', 3.1, 'III'],
  ['bod5', 4, 'III'],
  ['bod5', 4.1, 'IV'],
  ['bod5', 6, 'IV'],
  ['bod5', 6.1, 'V'],
  ['bod5', 10, 'V'],
  ['bod5', 10.1, '劣V'],
  // 氨氮 ≤ 0.15 / 0.5 / 1.0 / 1.5 / 2.0
  ['nh3n', 0.15, 'I'],
  ['nh3n', 0.16, 'II'],
  ['nh3n', 0.5, 'II'],
  ['nh3n', 0.51, 'III'],
  ['nh3n', 1.0, 'III'],
  ['nh3n', 1.01, 'IV'],
  ['nh3n', 1.5, 'IV'],
  ['nh3n', 1.51, 'V'],
  ['nh3n', 2.0, 'V'],
  ['nh3n', 2.01, '劣V'],
  // 总磷（河流）≤ 0.02 / 0.1 / 0.2 / 0.3 / 0.4
  ['tp', 0.02, 'I'],
  ['tp', 0.021, 'II'],
  ['tp', 0.1, 'II'],
  ['tp', 0.101, 'III'],
  ['tp', 0.2, 'III'],
  ['tp', 0.201, 'IV'],
  ['tp', 0.3, 'IV'],
  ['tp', 0.301, 'V'],
  ['tp', 0.4, 'V'],
  ['tp', 0.401, '劣V'],
];

describe('GB 3838-2002 class of one parameter at each boundary', () => {
  it.each(BOUNDARIES)('%s = %s is class %s', (p, v, c) => expect(paramClass(p, v)).toBe(c));
});

describe('the worst parameter decides a sample’s class', () => {
  it.each<[string, Parameters<typeof classify>[0], string | null, Param[]]>([
    ['all parameters class II → II', { do: 6.5, codmn: 3, nh3n: 0.4, tp: 0.08 }, 'II', ['do', 'codmn', 'nh3n', 'tp']],
    ['good DO but ammonia of class IV → IV', { do: 8, codmn: 2, nh3n: 1.2, tp: 0.02 }, 'IV', ['nh3n']],
    ['one parameter beyond V makes it 劣V', { do: 6, cod: 18, tp: 0.45 }, '劣V', ['tp']],
    ['two parameters tie for the worst', { do: 4, bod5: 5.5, nh3n: 0.3 }, 'IV', ['do', 'bod5']],
    ['no parameter measured → no class', { do: null }, null, []],
  ])('%s', (_n, values, cls, decidedBy) => {
    const r = classify(values);
    expect(r.class).toBe(cls);
    expect(r.decidedBy).toEqual(decidedBy);
  });
});

describe('black-odour grade of each parameter at each threshold (2015 guideline)', () => {
  it.each<[string, Parameters<typeof blackParamGrade>[0], number, number | null, string]>([
    ['transparency 25.1 cm is not black-odorous', 'transparency', 25.1, 100, 'none'],
    ['transparency 25 cm is light (range 25–10 inclusive)', 'transparency', 25, 100, 'light'],
    ['transparency 10 cm is light', 'transparency', 10, 100, 'light'],
    ['transparency 9.9 cm is severe (< 10)', 'transparency', 9.9, 100, 'severe'],
    ['DO 2.01 mg/L is not black-odorous', 'do', 2.01, null, 'none'],
    ['DO 2.0 mg/L is light', 'do', 2.0, null, 'light'],
    ['DO 0.2 mg/L is light', 'do', 0.2, null, 'light'],
    ['DO 0.19 mg/L is severe', 'do', 0.19, null, 'severe'],
    ['ORP 51 mV is not black-odorous', 'orp', 51, null, 'none'],
    ['ORP 50 mV is light', 'orp', 50, null, 'light'],
    ['ORP −200 mV is light', 'orp', -200, null, 'light'],
    ['ORP −201 mV is severe', 'orp', -201, null, 'severe'],
    ['NH3-N 7.99 mg/L is not black-odorous', 'nh3n', 7.99, null, 'none'],
    ['NH3-N 8.0 mg/L is light', 'nh3n', 8.0, null, 'light'],
    ['NH3-N 15 mg/L is light', 'nh3n', 15, null, 'light'],
    ['NH3-N 15.1 mg/L is severe (> 15)', 'nh3n', 15.1, null, 'severe'],
  ])('%s', (_n, p, v, ...[depth, g]) => expect(blackParamGrade(p, v, depth)).toBe(g));
});

describe('shallow water: the transparency bound is 40 % of a depth under 25 cm', () => {
  it.each<[string, number, number | null, string, number]>([
    ['20 cm of water: bound 8 cm, so 9 cm transparency is not graded (the 25 cm bound would grade it)', 9, 20, 'none', 8],
    ['20 cm of water: 8 cm transparency is at the bound → graded, and under 10 cm → severe', 8, 20, 'severe', 8],
    ['20 cm of water: 7 cm → severe', 7, 20, 'severe', 8],
    ['exactly 25 cm deep is not shallow: the 25 cm bound applies', 20, 25, 'light', 25],
    ['depth not measured: the 25 cm bound applies', 20, null, 'light', 25],
  ])('%s', (_n, t, depth, ...[g, bound]) => {
    expect(transparencyLightBound(depth)).toBe(bound);
    expect(blackParamGrade('transparency', t, depth)).toBe(g);
  });
});

describe('any one parameter graded makes the water graded; the worst decides', () => {
  it.each<[string, Parameters<typeof gradeBlackOdour>[0], string | null]>([
    ['all clear', { transparencyCm: 60, depthCm: 150, doMgl: 5, orpMv: 120, nh3nMgl: 1 }, 'none'],
    ['only ammonia light → light', { transparencyCm: 60, doMgl: 5, orpMv: 120, nh3nMgl: 9 }, 'light'],
    ['light transparency and severe DO → severe', { transparencyCm: 20, doMgl: 0.1, orpMv: 120, nh3nMgl: 1 }, 'severe'],
    ['only ORP measured, severe', { orpMv: -250 }, 'severe'],
    ['nothing measured → not assessed', {}, null],
  ])('%s', (_n, s, g) => expect(gradeBlackOdour(s).grade).toBe(g));
});

describe('a section’s class over a period is the worst monthly-mean class', () => {
  it('means each parameter per month, classes the mean, takes the worst month', () => {
    const r = periodClass([
      // January: NH3-N 0.9 and 1.3 → mean 1.1 → IV (while each DO is class II)
      { sampledOn: '2022-01-05', do: 6.2, nh3n: 0.9 },
      { sampledOn: '2022-01-20', do: 6.4, nh3n: 1.3 },
      // February: one bad sample (NH3-N 2.2, 劣V) averaged with a good one (0.6) → 1.4 → IV
      { sampledOn: '2022-02-03', do: 6.0, nh3n: 2.2 },
      { sampledOn: '2022-02-17', do: 6.0, nh3n: 0.6 },
      // March: III
      { sampledOn: '2022-03-09', do: 5.5, nh3n: 0.8 },
    ]);
    expect(r.months.map((m) => [m.month, m.class])).toEqual([
      ['2022-01', 'IV'],
      ['2022-02', 'IV'],
      ['2022-03', 'III'],
    ]);
    expect(r.class).toBe('IV');
    expect(r.worstMonth).toBe('2022-01');
  });
  it('is null without samples', () => expect(periodClass([]).class).toBeNull());
});

/**
 * GB 3838-2002 表1, 湖、库 limits written out by hand: 总磷（湖、库）≤ 0.01 / 0.025 / 0.05 / 0.1 / 0.2;
 * 总氮（湖、库）≤ 0.2 / 0.5 / 1.0 / 1.5 / 2.0. Each limit and just beyond it.
 */
const LAKE_BOUNDARIES: Array<[Param, number, string]> = [
  ['tp', 0.01, 'I'],
  ['tp', 0.011, 'II'],
  ['tp', 0.025, 'II'],
  ['tp', 0.026, 'III'],
  ['tp', 0.05, 'III'],
  ['tp', 0.051, 'IV'],
  ['tp', 0.1, 'IV'],
  ['tp', 0.101, 'V'],
  ['tp', 0.2, 'V'],
  ['tp', 0.201, '劣V'],
  ['tn', 0.2, 'I'],
  ['tn', 0.201, 'II'],
  ['tn', 0.5, 'II'],
  ['tn', 0.501, 'III'],
  ['tn', 1.0, 'III'],
  ['tn', 1.001, 'IV'],
  ['tn', 1.5, 'IV'],
  ['tn', 1.501, 'V'],
  ['tn', 2.0, 'V'],
  ['tn', 2.001, '劣V'],
];

describe('lakes and reservoirs: GB 3838-2002 表1 湖、库 limits of 总磷 and 总氮', () => {
  it.each(LAKE_BOUNDARIES)('%s = %s in a lake is class %s', (p, v, c) => {
    expect(paramClass(p, v, '湖泊')).toBe(c);
    expect(paramClass(p, v, '水库')).toBe(c);
  });

  it('cites table 1 item by item', () => {
    expect(limitOf('tp', '湖泊').source).toBe('GB 3838-2002 表1 第8项（湖、库）');
    expect(limitOf('tp', '河流').source).toBe('GB 3838-2002 表1 第8项（河流）');
    expect(limitOf('tn', '水库').source).toBe('GB 3838-2002 表1 第9项（仅湖、库）');
    expect(limitOf('do').source).toBe('GB 3838-2002 表1 第3项');
  });

  it.each<[string, Parameters<typeof classify>[0], WaterType, string | null, Param[]]>([
    // TP 0.04: class II for a river (≤ 0.1), class III for a lake (≤ 0.05).
    ['TP 0.04 in a river is II', { do: 7.6, tp: 0.04 }, '河流', 'II', ['tp']],
    ['TP 0.04 in a lake is III', { do: 7.6, tp: 0.04 }, '湖泊', 'III', ['tp']],
    ['TP 0.04 in a reservoir is III', { do: 7.6, tp: 0.04 }, '水库', 'III', ['tp']],
    // TN 1.8: not used for a river; class V for a lake.
    ['TN is left out of a river’s class', { do: 7.6, tp: 0.02, tn: 1.8 }, '河流', 'I', ['do', 'tp']],
    ['TN 1.8 decides a lake’s class: V', { do: 7.6, tp: 0.01, tn: 1.8 }, '湖泊', 'V', ['tn']],
    ['TN alone, in a river, is no class', { tn: 0.1 }, '河流', null, []],
  ])('%s', (_n, values, type, cls, decidedBy) => {
    const r = classify(values, type);
    expect(r.class).toBe(cls);
    expect(r.decidedBy).toEqual(decidedBy);
    if (type === '河流') expect(r.byParam.tn).toBeUndefined();
  });
});

describe('a section’s class over a period: the method is chosen and named', () => {
  const samples = [
    // January: NH3-N 0.9, 1.3 → mean 1.1 → IV. February: 0.6, 0.6 → II. March: 0.3 → II.
    { sampledOn: '2022-01-05', do: 6.2, nh3n: 0.9 },
    { sampledOn: '2022-01-20', do: 6.4, nh3n: 1.3 },
    { sampledOn: '2022-02-03', do: 6.2, nh3n: 0.6 },
    { sampledOn: '2022-02-17', do: 6.2, nh3n: 0.6 },
    { sampledOn: '2022-03-09', do: 6.2, nh3n: 0.3 },
  ];

  it('worst_month (the default, METRICS.md) takes the worst monthly mean: IV', () => {
    const r = periodClass(samples);
    expect([r.method, r.class, r.worstMonth, r.period]).toEqual(['worst_month', 'IV', '2022-01', null]);
    expect(r.methodLabel).toBe('月均值最差月份法');
    expect(r.methodSource).toContain('METRICS.md');
  });

  it('period_mean (地表水环境质量评价办法（试行）) takes the mean of the period: NH3-N 0.74 → III', () => {
    const r = periodClass(samples, { method: 'period_mean' });
    expect([r.method, r.class, r.worstMonth]).toEqual(['period_mean', 'III', null]);
    expect(r.period).toEqual({ samples: 5, means: { do: 6.24, nh3n: 0.74 }, decidedBy: ['nh3n'] });
    expect(r.methodSource).toBe('地表水环境质量评价办法（试行）（环办〔2011〕22号）；GB 3838-2002第5.1条');
    expect(r.months).toHaveLength(3);
  });

  it.each<[string, number, string]>([
    // The period's mean of NH3-N at the class III limit and just above it.
    ['mean 1.0 is III', 1.0, 'III'],
    ['mean 1.01 is IV', 1.01, 'IV'],
  ])('period_mean at the boundary: %s', (_n, mean, cls) => {
    const r = periodClass(
      [
        { sampledOn: '2022-01-05', nh3n: mean - 0.5 },
        { sampledOn: '2022-06-05', nh3n: mean + 0.5 },
      ],
      { method: 'period_mean' },
    );
    expect(r.class).toBe(cls);
  });

  it('a lake: TP by the lake limits in both methods; TN in the class by month, apart (参考指标) by the period mean', () => {
    const lake = [
      { sampledOn: '2022-01-05', do: 7.6, tp: 0.02, tn: 1.2 },
      { sampledOn: '2022-02-05', do: 7.6, tp: 0.02, tn: 1.2 },
    ];
    const byMonth = periodClass(lake, { waterType: '湖泊' });
    expect(byMonth.class).toBe('IV'); // TN 1.2 → IV (TP 0.02 → II)
    const mean = periodClass(lake, { method: 'period_mean', waterType: '湖泊' });
    expect(mean.class).toBe('II'); // TP 0.02 in a lake → II; TN left to the reference
    expect(mean.reference).toEqual({ tn: { mean: 1.2, class: 'IV' } });
    expect(periodClass(lake, { method: 'period_mean', waterType: '河流' })).toMatchObject({ class: 'I', reference: null });
  });
});
