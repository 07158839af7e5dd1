import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { readTable, type RawTable } from './files.js';
import { formatLedgerErrors, matchHeaders, parseLedger, summarizeLedgerErrors } from './parse.js';
import { breakCheckChar, casesSpec, makeIdCard, makeUscc, orgsSpec, xlsxOf } from './fixtures/specs.js';

const table = (headers: string[], ...rows: Array<Record<string, unknown>>): RawTable => ({
  headers,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});

describe('parseLedger: a clean file', () => {
  it('parses every type, with free column order, extra columns ignored, absent optional columns null', () => {
    const id = makeIdCard('440106', '19800101', '002');
    const t = table(
      ['备注', '承办人', '立案日期', '当事人名称', '当事人类型', '案件编号', '罚款金额', '处罚种类', '是否重大案件', '证件号码', '受理时间', '承办人数', '水深 (cm)'],
      {
        备注: '不导入',
        承办人: '张三、李四',
        立案日期: '2022/3/1',
        当事人名称: '某公司',
        当事人类型: '法人',
        案件编号: '穗水罚〔2022〕1号',
        罚款金额: '1,234.50',
        处罚种类: '警告，罚款',
        是否重大案件: '否',
        证件号码: id,
        受理时间: '2022-03-01 14:05',
        承办人数: '2',
        '水深 (cm)': '12.5',
      },
    );
    const r = parseLedger(casesSpec, t);
    expect(r.errors).toEqual([]);
    expect(r.missingHeaders).toEqual([]);
    expect(r.ignoredHeaders).toEqual(['备注']);
    expect(r.rows).toEqual([
      {
        rowNumber: 2,
        value: {
          caseNo: '穗水罚〔2022〕1号',
          source: null,
          partyType: '法人',
          partyName: '某公司',
          idNo: id,
          filedOn: '2022-03-01',
          major: false,
          kinds: ['警告', '罚款'],
          fine: 123450,
          closedOn: null,
          receivedAt: '2022-03-01T14:05:00+08:00',
          officerCount: 2,
          depth: 12.5,
          officers: ['张三', '李四'],
          agentIdCard: null,
        },
      },
    ]);
  });

  it('matches headers ignoring spaces, full-width forms and a trailing * (as in the template)', () => {
    const m = matchHeaders(casesSpec.columns, [' 案件编号* ', '当事人\u3000类型＊', '当事人名称', '立案日期', '水深（cm）']);
    expect(m.missing).toEqual([]);
    expect(m.fileHeaderByKey.get('partyType')).toBe('当事人\u3000类型＊');
    expect(m.fileHeaderByKey.get('depth')).toBe('水深（cm）');
  });
});

describe('parseLedger: header problems', () => {
  it('reports every missing required header on row 1 and returns no rows', () => {
    const r = parseLedger(orgsSpec, table(['单位名称', '上级单位'], { 单位名称: '区水务局', 上级单位: '' }));
    expect(r.missingHeaders).toEqual(['单位类型']);
    expect(r.rows).toEqual([]);
    expect(formatLedgerErrors(r.errors)).toEqual(['第1行「单位类型」：表头缺少此必填列，请对照模板检查列名']);
  });

  it('still checks the columns that are present when a header is missing', () => {
    const r = parseLedger(orgsSpec, table(['单位名称', '统一社会信用代码'], { 单位名称: '', 统一社会信用代码: 'X' }));
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [1, '单位类型'],
      [2, '单位名称'],
      [2, '统一社会信用代码'],
    ]);
  });

  it('reports a header given twice', () => {
    const r = parseLedger(orgsSpec, table(['单位名称', '单位类型', '单位名称*'], { 单位名称: '甲', 单位类型: '局' }));
    expect(formatLedgerErrors(r.errors)).toEqual(['第1行「单位名称」：表头中有多列都是此列名，请只保留一列']);
    expect(r.rows).toEqual([]);
  });
});

describe('parseLedger: a file with several bad rows', () => {
  const goodId = makeIdCard('440106', '19900307', '123');
  const goodUscc = makeUscc('91440101MA59ABCD1');
  const headers = ['案件编号', '案件来源', '当事人类型', '当事人名称', '证件号码', '立案日期', '结案日期', '罚款金额', '承办人', '处罚种类'];
  const rows: unknown[][] = [
    headers,
    ['A-1', '巡查发现', '自然人', '张三', goodId, '2022-03-01', '2022-04-01', '500', '王五、赵六', '罚款'], // 2: good
    ['A-2', '巡查', '法人', '某公司', goodUscc, '2022-02-30', '', '', '王五、赵六', ''], // 3: unknown enum, impossible date
    ['A-3', '举报', '自然人', '李四', breakCheckChar(goodId), '2022-03-01', '', '', '王五、赵六', ''], // 4: wrong check digit
    [], // 5: empty, skipped
    ['', '', '其他组织', '', '', '2022/3/5', '', '', '王五、赵六', ''], // 6: missing required cells
    ['A-6', '12345', '科局', '某街', breakCheckChar(goodUscc), '2022年13月1日', '2022-01-01', '12.345', '王五', '罚金、警告'], // 7: everything
    ['A-7', '', '自然人', '钱七', '', '2022-03-01', '2022-02-01', '', '王五、赵六', ''], // 8: checkRow
    ['A-8', '移送', '法人', '某厂', '', new Date(Date.UTC(2022, 5, 1)), '', 2000000, '王五、赵六', ''], // 9: fine over validate limit
  ];

  const expected = [
    { row: 3, column: '案件来源', message: '“巡查”不是可选值（巡查发现/12345/信访/举报/移送/河长制/其他）', value: '巡查' },
    { row: 3, column: '立案日期', message: '日期不存在：2022-02-30（2022年2月只有28天）', value: '2022-02-30' },
    { row: 4, column: '证件号码', message: `居民身份证号校验位不符，请逐位核对号码：${breakCheckChar(goodId)}`, value: breakCheckChar(goodId) },
    { row: 6, column: '案件编号', message: '必填，不能为空' },
    { row: 6, column: '当事人名称', message: '必填，不能为空' },
    { row: 7, column: '当事人类型', message: '“科局”不是可选值（自然人/法人/其他组织）', value: '科局' },
    { row: 7, column: '证件号码', message: `统一社会信用代码校验位不符，请逐位核对代码：${breakCheckChar(goodUscc)}`, value: breakCheckChar(goodUscc) },
    { row: 7, column: '立案日期', message: '日期不存在：2022年13月1日（月份应为1至12）', value: '2022年13月1日' },
    { row: 7, column: '处罚种类', message: expect.stringContaining('“罚金”不是可选值'), value: '罚金、警告' },
    { row: 7, column: '罚款金额', message: '金额最多两位小数（精确到分）：12.345', value: '12.345' },
    { row: 7, column: '承办人', message: '承办人至少两名', value: '王五' },
    { row: 8, column: '结案日期', message: '结案日期不能早于立案日期', value: '2022-02-01' },
    { row: 9, column: '罚款金额', message: '罚款金额超过100万元，请核对', value: '2000000' },
  ];

  const check = (r: ReturnType<typeof parseLedger<unknown>>) => {
    expect(r.missingHeaders).toEqual([]);
    expect(r.errors).toEqual(expected);
    expect(r.rows.map((x) => x.rowNumber)).toEqual([2]);
  };

  it('reports every bad row and column of an .xlsx file with Excel row numbers', async () => {
    const buf = await xlsxOf(rows as never, (ws) => {
      ws.getCell('F9').numFmt = 'yyyy-mm-dd';
    });
    check(parseLedger(casesSpec, await readTable(buf, 'cases.xlsx')));
  });

  it('reports the same for the same file saved as GB18030 CSV', async () => {
    const csv = rows
      .map((r) => r.map((v) => (v instanceof Date ? '2022-06-01' : String(v ?? ''))).join(','))
      .join('\r\n');
    check(parseLedger(casesSpec, await readTable(iconv.encode(csv, 'gb18030'), 'cases.csv')));
  });

  it('formats the report as lines and a summary', async () => {
    const r = parseLedger(casesSpec, await readTable(await xlsxOf(rows as never), 'cases.xlsx'));
    const lines = formatLedgerErrors(r.errors);
    expect(lines[0]).toBe('第3行「案件来源」：“巡查”不是可选值（巡查发现/12345/信访/举报/移送/河长制/其他）');
    expect(lines).toContain('第7行「当事人类型」：“科局”不是可选值（自然人/法人/其他组织）');
    expect(lines).toContain('第6行「案件编号」：必填，不能为空');
    expect(formatLedgerErrors(r.errors, { limit: 2 })).toEqual([lines[0], lines[1], '……另有 11 处错误未列出']);
    expect(summarizeLedgerErrors(r.errors)).toBe('共 6 行有错误（第3、4、6、7、8、9行），合计 13 处。');
  });

  it('formats a whole-row problem without a column', () => {
    expect(formatLedgerErrors([{ row: 4, column: '', message: '与第2行重复' }])).toEqual(['第4行：与第2行重复']);
  });
});
