import { describe, it, expect } from 'vitest';
import {
  formatBool,
  formatCell,
  formatDate,
  formatDateTime,
  formatList,
  formatMoney,
  moneyToYuan,
  parseBool,
  parseCell,
  parseDate,
  parseDateTime,
  parseDecimal,
  parseEnum,
  parseIdCard,
  parseIdNo,
  parseInteger,
  parseList,
  parseMoney,
  parseText,
  parseUscc,
  type CellResult,
} from './cells.js';
import type { ColumnSpec } from './spec.js';
import { breakCheckChar, makeIdCard, makeUscc } from './fixtures/specs.js';

const expectOk = <T>(r: CellResult<T>, value: T) => expect(r).toEqual({ ok: true, value });
const expectError = (r: CellResult<unknown>, text: string) => {
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.message).toContain(text);
};

describe('date cells', () => {
  const good: Array<{ name: string; input: unknown; date: string; datetime: string }> = [
    { name: 'ISO', input: '2022-03-01', date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: 'slashes without zeros', input: '2022/3/1', date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: '年月日', input: '2022年3月1日', date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: '年月日 with zeros and spaces', input: ' 2022 年 03 月 01 日 ', date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: 'dots', input: '2022.3.1', date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: 'full-width digits', input: '２０２２－０３－０１', date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: 'a time after the date', input: '2022-03-01 14:05', date: '2022-03-01', datetime: '2022-03-01T14:05:00+08:00' },
    { name: 'a time with seconds (dropped)', input: '2022/3/1 14:05:30', date: '2022-03-01', datetime: '2022-03-01T14:05:00+08:00' },
    { name: 'a one-digit hour', input: '2022/3/1 9:05', date: '2022-03-01', datetime: '2022-03-01T09:05:00+08:00' },
    { name: '年月日 followed by a time', input: '2022年3月1日 14:05', date: '2022-03-01', datetime: '2022-03-01T14:05:00+08:00' },
    { name: 'a full-width colon', input: '2022-03-01 14：05', date: '2022-03-01', datetime: '2022-03-01T14:05:00+08:00' },
    { name: 'ISO with an offset (converted to Beijing time)', input: '2022-03-01T20:05:00Z', date: '2022-03-02', datetime: '2022-03-02T04:05:00+08:00' },
    { name: 'our own datetime output', input: '2022-03-01T14:05:00+08:00', date: '2022-03-01', datetime: '2022-03-01T14:05:00+08:00' },
    { name: '29 February of a leap year', input: '2024-02-29', date: '2024-02-29', datetime: '2024-02-29T00:00:00+08:00' },
    { name: 'an Excel date cell (exceljs Date, UTC fields)', input: new Date(Date.UTC(2022, 2, 1)), date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: 'an Excel date-time cell', input: new Date(Date.UTC(2022, 2, 1, 14, 5)), date: '2022-03-01', datetime: '2022-03-01T14:05:00+08:00' },
    {
      name: 'an Excel date-time cell a hair before the minute',
      input: new Date(Date.UTC(2022, 2, 1, 14, 4, 59, 999)),
      date: '2022-03-01',
      datetime: '2022-03-01T14:05:00+08:00',
    },
    { name: 'an Excel serial number', input: 44621, date: '2022-03-01', datetime: '2022-03-01T00:00:00+08:00' },
    { name: 'an Excel serial with a time fraction', input: 44621 + (14 * 60 + 5) / 1440, date: '2022-03-01', datetime: '2022-03-01T14:05:00+08:00' },
    { name: 'the Excel serial of 2000-01-01', input: 36526, date: '2000-01-01', datetime: '2000-01-01T00:00:00+08:00' },
  ];
  it.each(good)('reads $name', ({ input, date, datetime }) => {
    expectOk(parseDate(input), date);
    expectOk(parseDateTime(input), datetime);
  });

  const bad: Array<{ name: string; input: unknown; message: string }> = [
    { name: '30 February', input: '2022-02-30', message: '日期不存在：2022-02-30（2022年2月只有28天）' },
    { name: '29 February of a common year', input: '2023/2/29', message: '日期不存在' },
    { name: '31 April', input: '2022年4月31日', message: '2022年4月只有30天' },
    { name: 'month 13', input: '2022-13-01', message: '日期不存在：2022-13-01（月份应为1至12）' },
    { name: 'day 0', input: '2022-03-00', message: '日期不存在' },
    { name: 'hour 24', input: '2022-03-01 24:00', message: '时间不存在' },
    { name: 'minute 60', input: '2022-03-01 12:60', message: '时间不存在' },
    { name: 'mixed separators', input: '2022-3/1', message: '格式无法识别：2022-3/1' },
    { name: 'a month without a day', input: '2022年3月', message: '格式无法识别' },
    { name: 'a two-digit year', input: '22/3/1', message: '格式无法识别' },
    { name: 'day-month-year', input: '01/03/2022', message: '格式无法识别' },
    { name: 'words', input: '三月一日', message: '格式无法识别' },
    { name: 'a typo year', input: '0202-03-01', message: '年份超出范围' },
    { name: 'Excel serial 0', input: 0, message: '0（不是有效的 Excel 日期）' },
    { name: 'a negative Excel serial', input: -5, message: '不是有效的 Excel 日期' },
    { name: 'Excel serial 0 as text', input: '0', message: '不是有效的 Excel 日期' },
    { name: 'Excel serial 60, the fictitious 1900-02-29', input: 60, message: '60（Excel 日期序列号60对应不存在的1900年2月29日）' },
    { name: 'Excel serial 60 as text', input: '60', message: '不存在的1900年2月29日' },
    { name: 'a number past 2100', input: 1234567, message: '年份超出范围' },
    { name: 'a compact date that does not exist', input: '20230229', message: '日期不存在：20230229（2023年2月只有28天）' },
    { name: 'a six-digit number', input: '230105', message: '格式无法识别' },
    { name: 'a time without a separator', input: '2023-01-0509:30', message: '格式无法识别' },
    { name: 'a time in Chinese with a bad minute', input: '2023年1月5日9时61分', message: '时间不存在' },
  ];
  it.each(bad)('rejects $name', ({ input, message }) => {
    expectError(parseDate(input), message);
  });

  it('says what formats it accepts', () => {
    expectError(parseDate('2022-3/1'), '日期格式无法识别：2022-3/1（应为 2022-03-01、2022/3/1、2022.3.1、2022年3月1日 或 20220301）');
    expectError(parseDateTime('下午两点'), '应为 2022-03-01 14:05');
  });
});

describe('money cells (yuan in, integer fen out)', () => {
  const good: Array<{ input: unknown; fen: number }> = [
    { input: '1234.50', fen: 123450 },
    { input: '1,234.50', fen: 123450 },
    { input: '1,234,567.8', fen: 123456780 },
    { input: '1234.5元', fen: 123450 },
    { input: '1234.50 元', fen: 123450 },
    { input: '¥1,234.50', fen: 123450 },
    { input: '￥200', fen: 20000 },
    { input: '１２３', fen: 12300 },
    { input: '１，２３４．５', fen: 123450 },
    { input: '0.01', fen: 1 },
    { input: '0', fen: 0 },
    { input: '12.300', fen: 1230 },
    { input: '19.99', fen: 1999 },
    { input: '999999999.99', fen: 99999999999 },
    { input: 1234.56, fen: 123456 },
    { input: 0.1 + 0.2, fen: 30 },
    { input: 19.99, fen: 1999 },
    { input: 200, fen: 20000 },
  ];
  it.each(good)('reads $input as $fen fen', ({ input, fen }) => {
    expectOk(parseMoney(input), fen);
  });

  const bad: Array<{ input: unknown; message: string }> = [
    { input: '12.345', message: '金额最多两位小数' },
    { input: 12.345, message: '金额最多两位小数' },
    { input: '1,23.4', message: '金额格式无法识别' },
    { input: '12,34', message: '金额格式无法识别' },
    { input: '1.234,50', message: '金额格式无法识别' },
    { input: '五百块', message: '金额格式无法识别' },
    { input: '约3万元', message: '金额格式无法识别' },
    { input: '-100', message: '金额不能为负数' },
    { input: -0.5, message: '金额不能为负数' },
    { input: '10000000000000', message: '金额过大' },
  ];
  it.each(bad)('rejects $input', ({ input, message }) => {
    expectError(parseMoney(input), message);
  });
});

describe('numbers', () => {
  it.each([
    { input: '12', value: 12 },
    { input: '1,200', value: 1200 },
    { input: '12.0', value: 12 },
    { input: '１２', value: 12 },
    { input: 7, value: 7 },
  ])('reads integer $input', ({ input, value }) => expectOk(parseInteger(input), value));

  it.each([{ input: '12.5' }, { input: 12.5 }, { input: 'abc' }, { input: '1,2' }])('rejects integer $input', ({ input }) =>
    expectError(parseInteger(input), '应为整数'),
  );

  it.each([
    { input: '12.5', value: 12.5 },
    { input: '1,234.5', value: 1234.5 },
    { input: '-3', value: -3 },
    { input: '.5', value: 0.5 },
    { input: 0.25, value: 0.25 },
  ])('reads decimal $input', ({ input, value }) => expectOk(parseDecimal(input), value));

  it.each([{ input: '12.5.1' }, { input: '约10' }, { input: Number.NaN }])('rejects decimal $input', ({ input }) =>
    expectError(parseDecimal(input), '应为数字'),
  );
});

describe('yes/no, enums, lists, text', () => {
  it.each([
    { input: '是', value: true },
    { input: ' 否 ', value: false },
    { input: '\u3000是\u3000', value: true },
    { input: true, value: true },
  ])('reads $input as $value', ({ input, value }) => expectOk(parseBool(input), value));

  it.each([{ input: '对' }, { input: '不是' }, { input: 2 }, { input: 'x' }, { input: '是否' }])('rejects $input as yes/no', ({ input }) =>
    expectError(parseBool(input), `应填“是”或“否”（也可填 √/×、Y/N、有/无、1/0），不能填“${String(input)}”`),
  );

  const kinds = ['局', '科室', '街道', '其他'] as const;
  it('accepts an enum value exactly, after trimming half- and full-width spaces', () => {
    expectOk(parseEnum(' 街道\u3000', kinds), '街道');
    expectOk(parseEnum(12345, ['12345', '信访']), '12345');
  });
  it('rejects an unknown enum value, listing the allowed ones', () => {
    expect(parseEnum('科局', kinds)).toEqual({ ok: false, message: '“科局”不是可选值（局/科室/街道/其他）' });
    expectError(parseEnum('街 道', kinds), '不是可选值');
  });

  it.each([
    { input: '警告、罚款', value: ['警告', '罚款'] },
    { input: '警告,罚款', value: ['警告', '罚款'] },
    { input: '警告，罚款', value: ['警告', '罚款'] },
    { input: ' 警告 、 罚款 、', value: ['警告', '罚款'] },
    { input: '罚款', value: ['罚款'] },
  ])('splits list $input', ({ input, value }) => expectOk(parseList(input, ['警告', '罚款']), value));

  it('names every list item that is not allowed', () => {
    expectError(parseList('警告、罚金、拘留', ['警告', '罚款']), '“罚金”、“拘留”不是可选值');
  });

  it('reads text from number and date cells', () => {
    expectOk(parseText(' 甲 '), '甲');
    expectOk(parseText(2022001), '2022001');
    expectOk(parseText(0.1 + 0.2), '0.3');
    expectOk(parseText(new Date(Date.UTC(2022, 2, 1))), '2022-03-01');
    expectOk(parseText("'=1+1"), '=1+1');
  });
});

describe('identifier cells', () => {
  const id = makeIdCard('440106', '19900307', '123');
  const uscc = makeUscc('91440101MA59ABCD1');

  it.each([
    { name: 'an ID card', fn: parseIdCard, input: id, value: id },
    { name: 'an ID card with a lower-case x', fn: parseIdCard, input: '11010519491231002x', value: '11010519491231002X' },
    { name: 'an ID card with spaces', fn: parseIdCard, input: `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`, value: id },
    { name: 'a USCC', fn: parseUscc, input: uscc.toLowerCase(), value: uscc },
    { name: 'an ID card as idno', fn: parseIdNo, input: id, value: id },
    { name: 'a USCC as idno', fn: parseIdNo, input: uscc, value: uscc },
  ])('accepts $name', ({ fn, input, value }) => expectOk(fn(input), value));

  it.each([
    { name: 'an ID card with a wrong check digit', fn: parseIdCard, input: breakCheckChar(id), message: '居民身份证号校验位不符' },
    { name: 'an ID card with an impossible birth date', fn: parseIdCard, input: makeIdCard('440106', '19900230', '123'), message: '出生日期不存在' },
    { name: 'an ID card stored as a number by Excel', fn: parseIdCard, input: 440106199003071200, message: '存成了数字' },
    { name: 'an ID card in scientific notation', fn: parseIdCard, input: '4.40106E+17', message: '科学计数法' },
    { name: 'a USCC with a wrong check character', fn: parseUscc, input: breakCheckChar(uscc), message: '统一社会信用代码校验位不符' },
    { name: 'an idno shaped like an ID card', fn: parseIdNo, input: breakCheckChar(id), message: '居民身份证号校验位不符' },
    { name: 'an idno shaped like a USCC', fn: parseIdNo, input: breakCheckChar(uscc), message: '统一社会信用代码校验位不符' },
    { name: 'an idno of the wrong length', fn: parseIdNo, input: '12345', message: '应为18位居民身份证号或统一社会信用代码' },
  ])('rejects $name', ({ fn, input, message }) => expectError(fn(input), message));
});

describe('parseCell', () => {
  const required: ColumnSpec = { key: 'k', header: '单位类型', type: 'enum', required: true, enum: ['局'] };
  const optional: ColumnSpec = { key: 'k', header: '罚款金额', type: 'money' };
  it.each([null, undefined, '', '   ', '\u3000'])('treats %j as empty', (raw) => {
    expectOk(parseCell(optional, raw), null);
    expectError(parseCell(required, raw), '必填，不能为空');
  });
  it('treats a list of separators only as empty', () => {
    expectOk(parseCell({ key: 'k', header: '承办人', type: 'list' }, '、、'), null);
  });
  it('dispatches on the column type', () => {
    expectOk(parseCell(optional, '1,000'), 100000);
    expectOk(parseCell(required, '局'), '局');
  });
});

describe('formatters', () => {
  it.each([
    { got: formatMoney(123450), want: '1234.50' },
    { got: formatMoney(5), want: '0.05' },
    { got: formatMoney(0), want: '0.00' },
    { got: formatMoney(-5), want: '-0.05' },
    { got: formatDate('2022-03-01'), want: '2022-03-01' },
    { got: formatDateTime('2022-03-01T14:05:00+08:00'), want: '2022-03-01 14:05' },
    { got: formatBool(true), want: '是' },
    { got: formatBool(false), want: '否' },
    { got: formatList(['警告', '罚款']), want: '警告、罚款' },
    { got: formatCell('money', null), want: '' },
    { got: formatCell('decimal', 0.1 + 0.2), want: '0.3' },
    { got: formatCell('list', ['张三', '李四']), want: '张三、李四' },
  ])('formats as $want', ({ got, want }) => {
    expect(got).toBe(want);
  });

  it('formats and parses money back exactly for every fen from 0 to 100000', () => {
    for (let fen = 0; fen <= 100000; fen += 1) {
      const r = parseMoney(formatMoney(fen));
      if (!r.ok || r.value !== fen) throw new Error(`text round trip failed at ${fen}`);
      const n = parseMoney(moneyToYuan(fen));
      if (!n.ok || n.value !== fen) throw new Error(`number round trip failed at ${fen}`);
    }
  });
});

describe('dates as bureaus write them', () => {
  const cases: Array<{ input: unknown; date: string; datetime: string }> = [
    { input: '2023-01-05', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '2023/1/5', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '2023.1.5', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '2023年1月5日', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '2023年1月5号', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '20230105', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: 20230105, date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '２０２３０１０５', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '2023-01-05 9:30', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '2023/1/5 09:30:15', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '2023年1月5日9时30分', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '2023年1月5日 9点30分', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '2023年1月5号9点30', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '2023年1月5日15时', date: '2023-01-05', datetime: '2023-01-05T15:00:00+08:00' },
    { input: '2023年1月5日9时30分15秒', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '2023.1.5 9时30分', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '20230105 09:30', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: '2024-02-29', date: '2024-02-29', datetime: '2024-02-29T00:00:00+08:00' },
    // Excel serials: as numbers and as numeric text; 1900's fictitious 29 February handled.
    { input: 44931, date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: '44931', date: '2023-01-05', datetime: '2023-01-05T00:00:00+08:00' },
    { input: 44931.5, date: '2023-01-05', datetime: '2023-01-05T12:00:00+08:00' },
    { input: '44931.395833333336', date: '2023-01-05', datetime: '2023-01-05T09:30:00+08:00' },
    { input: 1, date: '1900-01-01', datetime: '1900-01-01T00:00:00+08:00' },
    { input: 59, date: '1900-02-28', datetime: '1900-02-28T00:00:00+08:00' },
    { input: 61, date: '1900-03-01', datetime: '1900-03-01T00:00:00+08:00' },
    { input: 73415, date: '2100-12-31', datetime: '2100-12-31T00:00:00+08:00' },
  ];
  it.each(cases)('reads $input', ({ input, date, datetime }) => {
    expectOk(parseDate(input), date);
    expectOk(parseDateTime(input), datetime);
  });

  it.each([
    { input: '2023-02-29', message: '日期不存在：2023-02-29（2023年2月只有28天）' },
    { input: '2023年2月29日', message: '日期不存在：2023年2月29日（2023年2月只有28天）' },
    { input: '2100-02-29', message: '2100年2月只有28天' },
    { input: 73416, message: '年份超出范围' },
  ])('refuses $input', ({ input, message }) => {
    expectError(parseDate(input), message);
    expectError(parseDateTime(input), message);
  });
});

describe('money as bureaus write it', () => {
  it.each([
    { input: '1.5万', fen: 1_500_000 },
    { input: '1.5万元', fen: 1_500_000 },
    { input: '1.5 万元', fen: 1_500_000 },
    { input: '15,000.00', fen: 1_500_000 },
    { input: '15000元', fen: 1_500_000 },
    { input: '¥15,000', fen: 1_500_000 },
    { input: '￥15000', fen: 1_500_000 },
    { input: '１５０００元', fen: 1_500_000 },
    { input: '1.234567万元', fen: 1_234_567 },
    { input: '3千元', fen: 300_000 },
    { input: '人民币15000元', fen: 1_500_000 },
    { input: '15000元整', fen: 1_500_000 },
    { input: '三万元', fen: 3_000_000 },
    { input: '一万五千元', fen: 1_500_000 },
    { input: '壹万元整', fen: 1_000_000 },
    { input: '壹万伍仟元整', fen: 1_500_000 },
    { input: '伍拾元伍角', fen: 5050 },
    { input: '两千零五十元', fen: 205_000 },
    { input: '十万', fen: 10_000_000 },
  ])('reads $input as $fen fen', ({ input, fen }) => expectOk(parseMoney(input), fen));

  it.each([
    { input: '一万五', message: '金额格式无法识别：一万五' },
    { input: '一万五元', message: '金额格式无法识别' },
    { input: '两三万元', message: '金额格式无法识别' },
    { input: '十几万', message: '金额格式无法识别' },
    { input: '三万余元', message: '金额格式无法识别' },
    { input: '一点五万', message: '金额格式无法识别' },
    { input: '1.2345678万', message: '金额最多精确到分：1.2345678万' },
    { input: '-1.5万', message: '金额不能为负数' },
    { input: '1万亿', message: '金额格式无法识别' },
  ])('refuses $input', ({ input, message }) => expectError(parseMoney(input), message));

  it.each([
    { input: 1.5, unit: '万元', fen: 1_500_000 },
    { input: '1.5', unit: '万元', fen: 1_500_000 },
    { input: '0.01', unit: '万元', fen: 10_000 },
    { input: 2, unit: '千元', fen: 200_000 },
    { input: '15000元', unit: '万元', fen: 1_500_000 },
    { input: '1.5万', unit: '元', fen: 1_500_000 },
    { input: '三', unit: '万元', fen: 3_000_000 },
    { input: 1234.5, unit: '元', fen: 123_450 },
  ])('reads $input under a header in $unit as $fen fen', ({ input, unit, fen }) => expectOk(parseMoney(input, unit), fen));

  it('refuses a scaled amount finer than a fen', () => {
    expectError(parseMoney('1.2345678', '万元'), '金额最多精确到分');
  });
});

describe('numbers with units and full-width digits', () => {
  it.each([
    { input: '5个工作日', unit: undefined, value: 5 },
    { input: '5个工作日', unit: '工作日', value: 5 },
    { input: '3人', unit: undefined, value: 3 },
    { input: '12台次', unit: '台次', value: 12 },
    { input: '１２台次', unit: undefined, value: 12 },
    { input: '1,200 人次', unit: '人次', value: 1200 },
  ])('reads integer $input', ({ input, unit, value }) => expectOk(parseInteger(input, unit), value));

  it.each([
    { input: '2.5km', unit: 'km', value: 2.5 },
    { input: '2.5公里', unit: 'km', value: 2.5 },
    { input: '2.5 千米', unit: '公里', value: 2.5 },
    { input: '１，２３４．５', unit: undefined, value: 1234.5 },
    { input: '3.2mg/L', unit: 'mg/L', value: 3.2 },
  ])('reads decimal $input', ({ input, unit, value }) => expectOk(parseDecimal(input, unit), value));

  it.each([
    { fn: parseInteger, input: '5天', unit: '工作日', message: '单位“天”与表头的单位“工作日”不一致，请换算为工作日后填写：5天' },
    { fn: parseDecimal, input: '2500米', unit: 'km', message: '单位“米”与表头的单位“km”不一致' },
    { fn: parseInteger, input: '5人以上', unit: undefined, message: '数值后的“人以上”表示范围或约数，请只填一个确定的数：5人以上' },
    { fn: parseDecimal, input: '约2.5km', unit: 'km', message: '应为数字：约2.5km' },
    { fn: parseInteger, input: '5-6人', unit: undefined, message: '应为整数：5-6人' },
    { fn: parseInteger, input: '5.5个工作日', unit: undefined, message: '应为整数' },
  ])('refuses $input', ({ fn, input, unit, message }) => expectError(fn(input, unit), message));
});

describe('yes/no as bureaus write it', () => {
  const yes = ['是', '√', '✓', '✔', 'Y', 'y', 'yes', 'YES', 'Yes', '有', '1', 'true', 'TRUE', 'Ｙ', 1, true];
  const no = ['否', '×', '✗', 'N', 'n', 'no', 'NO', '无', '0', 'false', 'FALSE', 0, false];
  it.each(yes.map((input) => ({ input })))('reads $input as yes', ({ input }) => expectOk(parseBool(input), true));
  it.each(no.map((input) => ({ input })))('reads $input as no', ({ input }) => expectOk(parseBool(input), false));
});

describe('enums and lists compared after NFKC', () => {
  it('folds full-width letters and brackets and returns the spec spelling', () => {
    expectOk(parseEnum('Ａ', ['A', 'B']), 'A');
    expectOk(parseEnum(' （其他） ', ['(其他)']), '(其他)');
    expectOk(parseEnum('Ａ角', ['A角', 'B角']), 'A角');
    expectError(parseEnum('A 角', ['A角']), '“A 角”不是可选值（A角）');
  });
  it.each([
    { input: '警告；罚款', value: ['警告', '罚款'] },
    { input: '警告;罚款', value: ['警告', '罚款'] },
    { input: '警告/罚款', value: ['警告', '罚款'] },
    { input: '警告\n罚款', value: ['警告', '罚款'] },
    { input: '警告\r\n罚款', value: ['警告', '罚款'] },
    { input: '警告 罚款', value: ['警告', '罚款'] },
    { input: '警告\u3000罚款', value: ['警告', '罚款'] },
  ])('splits $input', ({ input, value }) => expectOk(parseList(input, ['警告', '罚款']), value));
  it('splits names separated by spaces but keeps spaces inside Latin names', () => {
    expectOk(parseList('张三 李四  王五'), ['张三', '李四', '王五']);
    expectOk(parseList('John Smith、张三'), ['John Smith', '张三']);
  });
});

describe('parseCell with the file header unit', () => {
  it('scales money by the header unit and checks number units', () => {
    expectOk(parseCell({ key: 'fine', header: '罚款金额', type: 'money' }, 1.5, { unit: '万元' }), 1_500_000);
    expectOk(parseCell({ key: 'len', header: '长度 (km)', type: 'decimal' }, '2.5公里', { unit: 'km' }), 2.5);
    expectError(parseCell({ key: 'len', header: '长度 (km)', type: 'decimal' }, '2500米', { unit: 'km' }), '不一致');
  });
});
