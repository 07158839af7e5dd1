import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { readTable } from './files.js';
import { parseLedger } from './parse.js';
import { defineLedgerSpec, type RowOf } from './spec.js';
import { templateXlsx, writeCsv, writeXlsx } from './write.js';
import { casesSpec, makeIdCard, makeUscc, orgsSpec } from './fixtures/specs.js';

type CaseRow = RowOf<typeof casesSpec>;

const rows: CaseRow[] = [
  {
    caseNo: '穗水罚〔2022〕1号',
    source: '12345',
    partyType: '自然人',
    partyName: '张三',
    idNo: makeIdCard('440106', '19900307', '123'),
    filedOn: '2022-03-01',
    major: true,
    kinds: ['警告', '罚款'],
    fine: 123450,
    closedOn: '2022-12-31',
    receivedAt: '2022-03-01T14:05:00+08:00',
    officerCount: 2,
    depth: 12.5,
    officers: ['王五', '赵六'],
    agentIdCard: '11010519491231002X',
  },
  {
    caseNo: '2022002',
    source: null,
    partyType: '法人',
    partyName: '=HYPERLINK("http://x")，某"公司",\n第二行',
    idNo: makeUscc('91440101MA59ABCD1'),
    filedOn: '2024-02-29',
    major: false,
    kinds: null,
    fine: 1,
    closedOn: null,
    receivedAt: '2024-02-29T00:00:00+08:00',
    officerCount: null,
    depth: 0.1,
    officers: ['-王五', '赵六'],
    agentIdCard: null,
  },
  {
    caseNo: 'C-3',
    source: null,
    partyType: '其他组织',
    partyName: '某合作社',
    idNo: null,
    filedOn: '2000-01-01',
    major: null,
    kinds: ['不予处罚'],
    fine: 0,
    closedOn: null,
    receivedAt: null,
    officerCount: 0,
    depth: null,
    officers: null,
    agentIdCard: null,
  },
];

const reparse = async (buf: Buffer, filename: string) => {
  const r = parseLedger(casesSpec, await readTable(buf, filename));
  expect(r.errors).toEqual([]);
  return r.rows.map((x) => x.value);
};

describe('round trip: export → import gives back the same rows', () => {
  it('through .xlsx', async () => {
    expect(await reparse(await writeXlsx(casesSpec, rows), 'cases.xlsx')).toEqual(rows);
  });

  it.each(['utf8-bom', 'gb18030'] as const)('through CSV in %s', async (encoding) => {
    expect(await reparse(writeCsv(casesSpec, rows, { encoding }), 'cases.csv')).toEqual(rows);
  });

  it('for every 7th fen amount from 0 to 2 000 yuan through .xlsx number cells', async () => {
    const spec = defineLedgerSpec({ key: 'm', title: '金额', columns: [{ key: 'fen', header: '金额', type: 'money', required: true }] });
    const amounts = Array.from({ length: Math.floor(200_000 / 7) + 1 }, (_, i) => ({ fen: i * 7 }));
    const back = parseLedger(spec, await readTable(await writeXlsx(spec, amounts), 'x.xlsx'));
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => r.value)).toEqual(amounts);
  });
});

describe('writeXlsx', () => {
  it('writes typed cells under a bold, frozen header row', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(casesSpec, rows)) as never);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('行政处罚案件台账');
    expect(ws.getRow(1).values).toEqual([undefined, ...casesSpec.columns.map((c) => c.header)]);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const col = (key: string) => casesSpec.columns.findIndex((c) => c.key === key) + 1;
    const fine = ws.getRow(2).getCell(col('fine'));
    expect(fine.value).toBe(1234.5);
    expect(fine.numFmt).toBe('0.00');
    expect(ws.getRow(2).getCell(col('filedOn')).value).toEqual(new Date(Date.UTC(2022, 2, 1)));
    expect(ws.getRow(2).getCell(col('major')).value).toBe('是');
    expect(ws.getRow(2).getCell(col('kinds')).value).toBe('警告、罚款');
    expect(ws.getRow(3).getCell(col('partyName')).value).toBe(rows[1]!.partyName);
    expect(ws.getColumn(col('idNo')).width).toBeGreaterThanOrEqual(20);
  });

  it('shows a Date given for a datetime as Beijing time', async () => {
    const spec = { key: 't', title: '测试', columns: [{ key: 'at', header: '受理时间', type: 'datetime' }] } as const;
    const t = await readTable(await writeXlsx(spec, [{ at: new Date('2022-03-01T06:05:00Z') }]), 'x.xlsx');
    expect(parseLedger(spec, t).rows[0]?.value).toEqual({ at: '2022-03-01T14:05:00+08:00' });
  });
});

describe('writeCsv', () => {
  it('writes headers exactly, CRLF, a BOM by default, and escapes formula-like text', () => {
    const buf = writeCsv(casesSpec, rows.slice(1, 2));
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(casesSpec.columns.map((c) => c.header).join(','));
    expect(text).toContain(`"'=HYPERLINK(""http://x"")，某""公司"",\n第二行"`);
    expect(text).toContain(",'-王五、赵六,");
    expect(text).toContain(',2024-02-29 00:00,');
    expect(text).toContain(',0.01,');
  });

  it('writes GB18030 bytes on request', () => {
    const buf = writeCsv(orgsSpec, [{ name: '区水务局', kind: '局', parent: null, uscc: null, regionCode: '440106' }], { encoding: 'gb18030' });
    expect(iconv.decode(buf, 'gb18030')).toBe('单位名称,单位类型,上级单位,统一社会信用代码,行政区划代码\r\n区水务局,局,,,440106\r\n');
  });
});

describe('templateXlsx', () => {
  it('is a blank sheet whose headers import as an empty ledger', async () => {
    const t = await readTable(await templateXlsx(casesSpec), 'template.xlsx');
    expect(t.rows).toEqual([]);
    const r = parseLedger(casesSpec, t);
    expect(r).toEqual({ rows: [], errors: [], missingHeaders: [], ignoredHeaders: [], ignoredRows: [], headerRows: [1], dataRowCount: 0 });
  });

  it('marks required headers, adds notes, drop-downs and a 填写说明 sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx(casesSpec)) as never);
    const [main, guide] = wb.worksheets;
    expect(main!.getCell('A1').value).toBe('案件编号*');
    expect(main!.getCell('B1').value).toBe('案件来源');
    expect(JSON.stringify(main!.getCell('A1').note)).toContain('必填');
    const idCol = casesSpec.columns.findIndex((c) => c.key === 'idNo') + 1;
    expect(main!.getColumn(idCol).numFmt).toBe('@');
    expect(main!.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['"巡查发现,12345,信访,举报,移送,河长制,其他"'] });
    expect(guide!.name).toBe('填写说明');
    expect(guide!.getRow(1).values).toEqual([undefined, '列名', '是否必填', '填写格式', '可选值', '示例', '说明']);
    expect(guide!.getRow(2).values).toEqual([undefined, '案件编号', '必填', '文本', '', '', '']);
    const sourceRow = guide!.getRow(3).values as unknown[];
    expect(sourceRow[4]).toBe('巡查发现、12345、信访、举报、移送、河长制、其他');
  });

  it('puts long option lists on a hidden sheet', async () => {
    const values = Array.from({ length: 40 }, (_, i) => `处理结果第${i + 1}种情形`);
    const spec = { key: 'd', title: '依申请公开台账', columns: [{ key: 'r', header: '处理结果', type: 'enum', enum: values }] } as const;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await templateXlsx(spec)) as never);
    const options = wb.getWorksheet('可选值')!;
    expect(options.state).toBe('hidden');
    expect(options.getCell('A41').value).toBe('处理结果第40种情形');
    expect(wb.worksheets[0]!.getCell('A2').dataValidation).toMatchObject({ formulae: ["'可选值'!$A$2:$A$41"] });
  });
});
