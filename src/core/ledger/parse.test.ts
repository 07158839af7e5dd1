import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { readTable, type RawTable } from './files.js';
import { formatIgnoredRows, formatLedgerErrors, matchHeaders, parseLedger, summarizeLedgerErrors } from './parse.js';
import { headerMatcher } from './layout.js';
import { breakCheckChar, casesSpec, makeIdCard, makeUscc, orgsSpec, xlsxOf } from './fixtures/specs.js';

const table = (headers: string[], ...rows: Array<Record<string, unknown>>): RawTable => ({
  headers,
  rows: rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
});

describe('parseLedger: a clean file', () => {
  it('parses every type, with free column order, extra columns ignored, absent optional columns null', () => {
    const id = makeIdCard('440106', '19800101', '002');
    const t = table(
      [
        '备注',
        '承办人',
        '立案日期',
        '当事人名称',
        '当事人类型',
        '案件编号',
        '罚款金额',
        '处罚种类',
        '是否重大案件',
        '证件号码',
        '受理时间',
        '承办人数',
        '水深 (cm)',
      ],
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
    const csv = rows.map((r) => r.map((v) => (v instanceof Date ? '2022-06-01' : String(v ?? ''))).join(',')).join('\r\n');
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

describe('parseLedger: files as bureaus keep them', () => {
  const title = '天河区水务局2022年行政处罚案件台账';
  const id = makeIdCard('440106', '19900307', '123');
  // Row 1 title (merged A1:H1), row 2 blank, rows 3–4 a header band: 处罚决定 merged over 立案日期 | 结案日期,
  // the others merged down over both rows; headers with a *, stray spaces, full-width brackets, a unit.
  const band = async (configure?: (ws: import('exceljs').Worksheet) => void) =>
    xlsxOf(
      [
        [title],
        [],
        ['序号', '案件编号*', '当事人\n类型', '当事人 名称', '证件号码', '处罚决定', null, '罚款金额（万元）', '承办人'],
        [null, null, null, null, null, '＊立案日期', '结案日期', null, null],
        [1, 'A-1', '自然人', '张三', id, '2022/3/1', '2022年4月1日', 1.5, '王五 赵六'],
        [2, 'A-2', '法人', '某公司', '', 44621, '', '0.05', '王五；赵六'],
        [3, 'A-3', '科局', '某厂', '', '2022-02-30', '', '', '王五、赵六'], // a bad row in the middle
        [4, 'A-4', '法人', '某街', '', '20220301', '', '三万元', '王五/赵六'],
        [],
        ['合计', null, null, null, null, null, null, 3.05, null],
        ['填表人：张三　审核人：李四　填表日期：2023年1月5日'],
        ['注：金额以万元计'],
        ['以上数据截至2022年12月31日'],
      ],
      (ws) => {
        ws.mergeCells('A1:I1');
        ws.mergeCells('F3:G3');
        for (const c of ['A', 'B', 'C', 'D', 'E', 'H', 'I']) ws.mergeCells(`${c}3:${c}4`);
        ws.mergeCells('A13:I13');
        configure?.(ws);
      },
    );

  it('finds the header band below a merged title, scales 万元, and ignores the rows after the data', async () => {
    const r = parseLedger(casesSpec, await readTable(await band(), 'cases.xlsx'));
    expect(r.headerRows).toEqual([3, 4]);
    expect(r.missingHeaders).toEqual([]);
    expect(r.ignoredHeaders).toEqual(['序号']);
    expect(formatLedgerErrors(r.errors)).toEqual([
      '第7行「当事人类型」：“科局”不是可选值（自然人/法人/其他组织）',
      '第7行「立案日期」：日期不存在：2022-02-30（2022年2月只有28天）',
    ]);
    expect(r.rows.map((x) => [x.rowNumber, x.value.caseNo, x.value.filedOn, x.value.closedOn, x.value.fine, x.value.officers])).toEqual([
      [5, 'A-1', '2022-03-01', '2022-04-01', 1_500_000, ['王五', '赵六']],
      [6, 'A-2', '2022-03-01', null, 50_000, ['王五', '赵六']],
      [8, 'A-4', '2022-03-01', null, 3_000_000, ['王五', '赵六']],
    ]);
    expect(r.dataRowCount).toBe(4);
    expect(formatIgnoredRows(r.ignoredRows)).toEqual([
      '第1行为标题行，已忽略',
      '第10行为合计行，已忽略',
      '第11行为填表信息行，已忽略',
      '第12行为备注行，已忽略',
      '第13行为备注行，已忽略',
    ]);
  });

  it('reads the same band from a GB18030 CSV (no merges: the group header sits in its first column)', async () => {
    const csv = [
      `${title},,,,,,,,`,
      '',
      '序号,案件编号*,当事人类型,当事人名称,证件号码,处罚决定,,罚款金额（元）,承办人',
      ',,,,,立案日期,结案日期,,',
      `1,A-1,自然人,张三,${id},2022/3/1,2022年4月1日,"15,000.00",王五、赵六`,
      '2,A-2,法人,某公司,,2022.3.1,,15000元,王五、赵六',
      ',,,,,,,,',
      '填表人：张三,,审核人：李四,,,,,,',
    ].join('\r\n');
    const r = parseLedger(casesSpec, await readTable(iconv.encode(csv, 'gb18030'), 'cases.csv'));
    expect(r.errors).toEqual([]);
    expect(r.headerRows).toEqual([3, 4]);
    expect(r.rows.map((x) => [x.rowNumber, x.value.fine, x.value.closedOn])).toEqual([
      [5, 1_500_000, '2022-04-01'],
      [6, 1_500_000, null],
    ]);
    expect(formatIgnoredRows(r.ignoredRows)).toEqual(['第1行为标题行，已忽略', '第8行为填表信息行，已忽略']);
  });

  it('reports a missing required header on the header row found, not row 1', async () => {
    const csv = '某台账\r\n单位名称,上级单位\r\n区水务局,\r\n';
    const r = parseLedger(orgsSpec, await readTable(Buffer.from(csv), 'orgs.csv'));
    expect(formatLedgerErrors(r.errors)).toEqual(['第2行「单位类型」：表头缺少此必填列，请对照模板检查列名']);
  });

  it('keeps a note-like row between data rows as data, and reports it', async () => {
    const csv = '单位名称,单位类型\r\n区水务局,局\r\n备注：以下为科室,\r\n办公室,科室\r\n';
    const r = parseLedger(orgsSpec, await readTable(Buffer.from(csv), 'orgs.csv'));
    expect(formatLedgerErrors(r.errors)).toEqual(['第3行「单位类型」：必填，不能为空']);
    expect(r.ignoredRows).toEqual([]);
  });

  it('keeps a lone code or date in the last row as data (only prose is a note)', async () => {
    const csv = '单位名称,单位类型,统一社会信用代码\r\n区水务局,局,\r\n,,X\r\n';
    const r = parseLedger(orgsSpec, await readTable(Buffer.from(csv), 'orgs.csv'));
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [3, '单位名称'],
      [3, '单位类型'],
      [3, '统一社会信用代码'],
    ]);
  });

  it('refuses a money header in an unknown currency unit', () => {
    const r = parseLedger(
      casesSpec,
      table(['案件编号', '当事人类型', '当事人名称', '立案日期', '罚款金额（美元）'], {
        案件编号: 'A',
        当事人类型: '法人',
        当事人名称: '甲',
        立案日期: '2022-03-01',
        '罚款金额（美元）': '1',
      }),
    );
    expect(formatLedgerErrors(r.errors)).toEqual(['第1行「罚款金额」：表头中的金额单位“美元”无法识别（应为元、千元或万元）']);
  });
});

describe('matchHeaders: headers as people write them', () => {
  it.each([
    { header: '罚款金额（元）', key: 'fine', unit: '元' },
    { header: '罚款金额(万元)', key: 'fine', unit: '万元' },
    { header: '*罚款金额（千元）', key: 'fine', unit: '千元' },
    { header: '＊案件编号', key: 'caseNo', unit: undefined },
    { header: '案件编号 *', key: 'caseNo', unit: undefined },
    { header: '案件\r\n编号', key: 'caseNo', unit: undefined },
    { header: '水深（厘米）', key: 'depth', unit: '厘米' },
    { header: '水深', key: 'depth', unit: 'cm' },
    { header: '水深 [cm]', key: 'depth', unit: 'cm' },
    { header: '立案日期*（必填）', key: 'filedOn', unit: '必填' },
  ])('matches $header', ({ header, key, unit }) => {
    const m = matchHeaders(casesSpec.columns, [header]);
    expect(m.fileHeaderByKey.get(key)).toBe(header);
    expect(headerMatcher(casesSpec.columns).match(header)?.unit).toBe(unit);
  });
  it('does not match a different name', () => {
    expect(matchHeaders(casesSpec.columns, ['罚款']).ignored).toEqual(['罚款']);
  });
});
