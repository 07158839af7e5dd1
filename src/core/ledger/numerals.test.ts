import { describe, it, expect } from 'vitest';
import { parseChineseInteger, parseChineseMoney } from './numerals.js';

describe('parseChineseInteger', () => {
  it.each([
    ['零', 0],
    ['五', 5],
    ['十', 10],
    ['十五', 15],
    ['一十五', 15],
    ['二十', 20],
    ['一百', 100],
    ['一百零五', 105],
    ['一百五十', 150],
    ['一千零五十', 1050],
    ['两千', 2000],
    ['三万', 30000],
    ['十万', 100000],
    ['十五万', 150000],
    ['一万五千', 15000],
    ['一万零五', 10005],
    ['一万零五百', 10500],
    ['一百二十三万四千五百六十七', 1234567],
    ['壹万', 10000],
    ['壹万伍仟', 15000],
    ['贰拾', 20],
    ['叁佰', 300],
    ['一亿', 100000000],
    ['三亿二千万', 320000000],
    ['一亿零五万', 100050000],
    ['1万5千', 15000],
    ['萬', undefined],
  ] as const)('reads %s as %s', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it.each([
    '',
    '一万五',
    '一千五',
    '一百五',
    '一亿五',
    '两三万',
    '三四千',
    '十几万',
    '几万',
    '约三万',
    '三万余',
    '一点五万',
    '五百千',
    '万',
    '一万万',
    '零十',
    '五五',
    'abc',
  ])('refuses the ambiguous or malformed %j', (text) => {
    expect(parseChineseInteger(text)).toBeUndefined();
  });
});

describe('parseChineseMoney', () => {
  it.each([
    ['三万元', 3_000_000],
    ['一万五千元', 1_500_000],
    ['壹万元整', 1_000_000],
    ['壹万圆正', 1_000_000],
    ['人民币壹万元整', 1_000_000],
    ['伍拾元伍角', 5050],
    ['伍拾元伍角叁分', 5053],
    ['壹佰元零伍分', 10005],
    ['三万', 3_000_000],
  ] as const)('reads %s as %s fen', (text, fen) => {
    expect(parseChineseMoney(text)).toBe(fen);
  });

  it.each(['一万五元', '元', '五角', '三万元伍角整', '两三万元', '三万余元'])('refuses %j', (text) => {
    expect(parseChineseMoney(text)).toBeUndefined();
  });
});
