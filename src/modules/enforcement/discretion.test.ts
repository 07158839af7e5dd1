import { describe, expect, it } from 'vitest';
import { describeRange, formatDiscretion, parseDiscretion, parseDiscretionText, parseNumeral } from './discretion.js';
import type { DiscretionLevel } from './schema.js';

const W = { waiver: true } as const;
/** A money level (yuan in, fen out); max null = no upper limit. */
const money = (level: string, label: string, min: number, max: number | null, extra: Partial<DiscretionLevel> = {}): DiscretionLevel => ({
  level,
  label,
  minFen: Math.round(min * 100),
  maxFen: max === null ? null : Math.round(max * 100),
  ...extra,
});
/** A level whose range is a multiple of 违法所得 / 货值金额. */
const times = (
  level: string,
  label: string,
  basis: 'illegal_gains' | 'goods_value',
  min: number,
  max: number | null,
  extra: Partial<DiscretionLevel> = {},
): DiscretionLevel => ({
  level,
  label,
  minFen: 0,
  maxFen: null,
  basis,
  minMultiple: min,
  maxMultiple: max,
  ...extra,
});
const ANY = ['default', '不分情节'] as const;

describe('parseDiscretionText — prose 裁量基准 → levels', () => {
  const cases: ReadonlyArray<readonly [string, DiscretionLevel[], string[]]> = [
    // Money ranges, Chinese and Arabic numerals, units
    ['一般情节处一万元以上三万元以下罚款', [money('ordinary', '一般情节', 10_000, 30_000)], []],
    ['处五万元以上十万元以下的罚款', [money(...ANY, 50_000, 100_000)], []],
    ['并处一万元以上五万元以下罚款', [money(...ANY, 10_000, 50_000)], []],
    ['处2千元至5千元罚款', [money(...ANY, 2000, 5000)], []],
    ['1万-3万元', [money(...ANY, 10_000, 30_000)], []],
    ['1-3万元', [money(...ANY, 10_000, 30_000)], []],
    ['一至三万元', [money(...ANY, 10_000, 30_000)], []],
    ['5000-2万元', [money(...ANY, 5000, 20_000)], []],
    ['壹万元以上叁万元以下', [money(...ANY, 10_000, 30_000)], []],
    ['处二十万元以上一百万元以下罚款', [money(...ANY, 200_000, 1_000_000)], []],
    ['处两千元以下罚款', [money(...ANY, 0, 2000)], []],
    ['处一万五千元罚款', [money(...ANY, 15_000, 15_000)], []],
    ['处1.5万元以上3万元以下罚款', [money(...ANY, 15_000, 30_000)], []],
    ['处5,000元至20,000元罚款', [money(...ANY, 5000, 20_000)], []],
    ['逾期不改正的，处１，０００元以上５，０００元以下罚款', [money('uncorrected', '逾期不改正的', 1000, 5000)], []],
    ['处1000元~5000元罚款', [money(...ANY, 1000, 5000)], []],
    ['处以1000元罚款', [money(...ANY, 1000, 1000)], []],
    ['处5万以下罚款', [money(...ANY, 0, 50_000)], []],
    ['处不超过2万元罚款', [money(...ANY, 0, 20_000)], []],
    ['处不足1万元罚款', [money(...ANY, 0, 9999.99)], []],
    ['处警告或者200元以下罚款', [money(...ANY, 0, 200)], []],
    ['情节严重的，处1000元以上', [money('grave', '情节严重的', 1000, null)], []],
    // Circumstances
    [
      '情节较轻的，处5000元以下罚款；情节较重的，处5000元以上2万元以下罚款',
      [money('light', '情节较轻的', 0, 5000), money('serious', '情节较重的', 5000, 20_000)],
      [],
    ],
    ['没有违法所得的，处1万元以下罚款', [money('no_illegal_gains', '没有违法所得的', 0, 10_000)], []],
    ['情节特别严重的，处10万元以上50万元以下罚款', [money('extreme', '情节特别严重的', 100_000, 500_000)], []],
    [
      '一般情节：处5千元以上1万元以下罚款；严重情节：处1万元以上3万元以下罚款',
      [money('ordinary', '一般情节', 5000, 10_000), money('grave', '严重情节', 10_000, 30_000)],
      [],
    ],
    ['对个人处1000元以下罚款，对单位处1万元以上5万元以下罚款', [money('person', '对个人', 0, 1000), money('organisation', '对单位', 10_000, 50_000)], []],
    ['限期30日内改正，逾期不改正的，处1万元以上罚款', [money('uncorrected', '逾期不改正的', 10_000, null)], []],
    ['由水行政主管部门责令停止违法行为，处2万元以上10万元以下罚款', [money(...ANY, 20_000, 100_000)], []],
    ['违法所得不足1万元的，处5万元以下罚款', [money('违法所得不足1万元的', '违法所得不足1万元的', 0, 50_000)], []],
    // Waivers
    ['轻微：责令改正，可处2000元以下罚款（首次违法且及时改正的，不予处罚）', [money('minor', '轻微', 0, 2000, W)], []],
    ['一般：不予处罚', [money('ordinary', '一般', 0, 0, W)], []],
    ['首次违法且危害后果轻微并及时改正的，可以不予行政处罚', [money('first', '首次违法且危害后果轻微并及时改正的', 0, 0, W)], []],
    // Multiples of illegal gains / goods value
    ['处违法所得一倍以上三倍以下罚款', [times(...ANY, 'illegal_gains', 1, 3)], []],
    ['处货值金额百分之十以上百分之三十以下罚款', [times(...ANY, 'goods_value', 0.1, 0.3)], []],
    ['处货值金额百分之五十以下罚款', [times(...ANY, 'goods_value', 0, 0.5)], []],
    ['处违法所得5倍以下罚款', [times(...ANY, 'illegal_gains', 0, 5)], []],
    ['处违法生产销售产品货值金额等值以上三倍以下的罚款', [times(...ANY, 'goods_value', 1, 3)], []],
    ['没收违法所得，并处违法所得二倍以上五倍以下罚款', [times(...ANY, 'illegal_gains', 2, 5)], []],
    [
      '处违法所得一倍以上三倍以下罚款，没有违法所得的，处1万元以下罚款',
      [times(...ANY, 'illegal_gains', 1, 3), money('no_illegal_gains', '没有违法所得的', 0, 10_000)],
      [],
    ],
    ['处货值金额10%-30%罚款', [times(...ANY, 'goods_value', 0.1, 0.3)], []],
    // Several circumstances in one cell: line breaks, numbered items
    [
      '情节轻微的，处1000元以下罚款\n情节严重的，处1万元以上3万元以下罚款',
      [money('minor', '情节轻微的', 0, 1000), money('grave', '情节严重的', 10_000, 30_000)],
      [],
    ],
    ['1.情节轻微的，处1000元以下罚款2.情节严重的，处1万元以上罚款', [money('minor', '情节轻微的', 0, 1000), money('grave', '情节严重的', 10_000, null)], []],
    [
      '（一）首次违法的，处500元罚款；（二）第二次违法的，处1000元以上3000元以下罚款',
      [money('first', '首次违法的', 500, 500), money('repeat', '第二次违法的', 1000, 3000)],
      [],
    ],
    [
      '（1）情节较轻的，处500元以下罚款（2）情节较重的，处500元以上2000元以下罚款',
      [money('light', '情节较轻的', 0, 500), money('serious', '情节较重的', 500, 2000)],
      [],
    ],
    ['① 轻微：处200元以下罚款 ② 一般：处200元至1000元罚款', [money('minor', '轻微', 0, 200), money('ordinary', '一般', 200, 1000)], []],
    [
      '一般情节处一万元以上三万元以下罚款。严重情节处三万元以上五万元以下罚款。',
      [money('ordinary', '一般情节', 10_000, 30_000), money('grave', '严重情节', 30_000, 50_000)],
      [],
    ],
    ['轻微:1000-2000；轻微:2000-3000', [money('minor', '轻微', 1000, 2000), money('minor_2', '轻微', 2000, 3000)], []],
    // The old compact form
    ['轻微:0-5000（首违不罚）；一般:5000-20000', [money('minor', '轻微', 0, 5000, W), money('ordinary', '一般', 5000, 20_000)], []],
    [
      '轻微:0-5000（首违不罚）；一般:5000-20000；严重:20000-50000',
      [money('minor', '轻微', 0, 5000, W), money('ordinary', '一般', 5000, 20_000), money('grave', '严重', 20_000, 50_000)],
      [],
    ],
    // Partly readable
    ['第一次：警告；第二次：500元', [money('repeat', '第二次', 500, 500)], ['“第一次：警告”：未含罚款（仅有其他处罚或措施）']],
    [
      '责令限期改正；逾期不改正的，处1万元以上3万元以下罚款',
      [money('uncorrected', '逾期不改正的', 10_000, 30_000)],
      ['“责令限期改正”：未含罚款（仅有其他处罚或措施）'],
    ],
    // No range must be derived
    ['责令停止违法行为，限期改正', [], ['“责令停止违法行为，限期改正”：未含罚款（仅有其他处罚或措施）']],
    ['处5日以上10日以下拘留', [], ['“处5日以上10日以下拘留”：未含罚款金额或倍数']],
    ['依照第十二条规定处罚', [], ['“依照第十二条规定处罚”：未含罚款金额或倍数']],
    ['处一倍以上三倍以下罚款', [], ['“处一倍以上三倍以下罚款”：按倍数计罚但未写明基数（违法所得或货值金额）']],
    ['处3万元以上1万元以下罚款', [], ['“处3万元以上1万元以下罚款”：最低额大于最高额']],
    ['一般:20000-5000', [], ['“一般:20000-5000”：最低额大于最高额']],
    ['一般 5000到20000', [money('ordinary', '一般', 5000, 20_000)], []],
    ['一般 5000到20000日', [], ['“一般 5000到20000日”：未含罚款金额或倍数']],
    ['依法从重处罚罚款', [], ['“依法从重处罚罚款”：未写明可读的罚款金额']],
    ['', [], []],
    ['  ；；  ', [], []],
  ];
  it.each(cases)('%s', (text, levels, unparsed) => {
    expect(parseDiscretionText(text)).toEqual({ text, levels, unparsed });
  });
  it('has at least forty phrases', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  it('keeps the text verbatim, whitespace and all', () => {
    const t = '  一般情节处一万元以上三万元以下罚款\n';
    expect(parseDiscretionText(t).text).toBe(t);
  });
  it('never throws, whatever the text', () => {
    for (const t of ['（（（', '）', '1.', '百分之', '万元', '元以下', '至', '-', '第1.5条', '¥¥¥', '\u0000'])
      expect(() => parseDiscretionText(t)).not.toThrow();
  });
});

describe('numerals', () => {
  it.each([
    ['5000', 5000],
    ['5,000', 5000],
    ['1.5万', 15_000],
    ['2千', 2000],
    ['十万', 100_000],
    ['三十万', 300_000],
    ['一万五千', 15_000],
    ['一千零五十', 1050],
    ['两千', 2000],
    ['壹万伍仟', 15_000],
    ['一百', 100],
    ['零', 0],
    ['万', null],
    ['x', null],
  ] as const)('%s', (raw, v) => expect(parseNumeral(raw)).toBe(v));
});

describe('the compact form', () => {
  it('still checks strictly for callers that want it', () => {
    expect(parseDiscretion('轻微:0-5000（首违不罚）；一般:5000-20000')).toEqual({
      levels: [money('minor', '轻微', 0, 5000, W), money('ordinary', '一般', 5000, 20_000)],
    });
    expect(parseDiscretion('一般 5000到20000')).toHaveProperty('error');
    expect(parseDiscretion('一般:20000-5000')).toEqual({ error: '“一般:20000-5000”的最低金额大于最高金额' });
  });
  it('formats every kind of level so that it reads back the same', () => {
    const levels = [
      money('minor', '轻微', 0, 5000, W),
      money('grave', '严重', 20_000, null),
      times('ordinary', '一般', 'illegal_gains', 1, 3),
      times('serious', '较重', 'goods_value', 0.1, 0.3),
    ];
    const text = formatDiscretion(levels);
    expect(text).toBe('轻微:0-5000（首违不罚）；严重:20000元以上；一般:违法所得1倍至3倍；较重:货值金额10%至30%');
    expect(parseDiscretionText(text).levels).toEqual(levels);
  });
  it('describes a range in words', () => {
    expect(describeRange(money('x', 'x', 5000, 20_000))).toBe('5000—20000元');
    expect(describeRange(money('x', 'x', 50_000, null))).toBe('50000元以上');
    expect(describeRange(times('x', 'x', 'illegal_gains', 1, 3))).toBe('违法所得的1倍—3倍');
    expect(describeRange(times('x', 'x', 'goods_value', 0, 0.5))).toBe('货值金额的50%以下');
  });
});
