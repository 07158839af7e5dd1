import { describe, it, expect } from 'vitest';
import iconv from 'iconv-lite';
import { decodeCsv, DEFAULT_MAX_ROWS, LedgerFileError, readTable, unwrapExcelValue } from './files.js';
import { xlsxOf } from './fixtures/specs.js';

const CSV = '单位名称,单位类型,上级单位\r\n区水务局,局,\r\n"办公室,综合科",科室,区水务局\r\n';
const EXPECTED_ROWS = [
  { rowNumber: 2, cells: { 单位名称: '区水务局', 单位类型: '局', 上级单位: null } },
  { rowNumber: 3, cells: { 单位名称: '办公室,综合科', 单位类型: '科室', 上级单位: '区水务局' } },
];

describe('readTable: CSV encodings', () => {
  const cases = [
    { name: 'UTF-8 with BOM', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')]), encoding: 'utf8-bom' },
    { name: 'UTF-8 without BOM', bytes: Buffer.from(CSV, 'utf8'), encoding: 'utf8' },
    { name: 'GB18030 (Excel on a Chinese Windows)', bytes: iconv.encode(CSV, 'gb18030'), encoding: 'gb18030' },
    { name: 'GBK, a subset of GB18030', bytes: iconv.encode(CSV, 'gbk'), encoding: 'gb18030' },
    {
      name: 'UTF-16 LE tab-separated (Excel “Unicode 文本”)',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CSV.replace(/,(?=[^"]*(?:"[^"]*"[^"]*)*$)/g, '\t'), 'utf16le')]),
      encoding: 'utf16le',
    },
  ];
  it.each(cases)('reads $name', async ({ bytes, encoding }) => {
    expect(decodeCsv(bytes).encoding).toBe(encoding);
    const table = await readTable(bytes, '单位.csv');
    expect(table.headers).toEqual(['单位名称', '单位类型', '上级单位']);
    expect(table.rows).toEqual(EXPECTED_ROWS);
  });

  it('detects GB18030 even when it happens to contain rare characters (𠀀, 㙟)', async () => {
    const text = '名称\r\n𠀀㙟水闸\r\n';
    const table = await readTable(iconv.encode(text, 'gb18030'), 'x.csv');
    expect(table.rows[0]?.cells.名称).toBe('𠀀㙟水闸');
  });
});

describe('readTable: CSV structure', () => {
  it('keeps quoted commas and newlines inside one row and numbers rows as Excel shows them', async () => {
    const csv = ['案由,当事人名称', '"擅自占用,河道","张三"', '', '"跨行', '的案由",李四', ',', '末行,王五'].join('\n');
    const table = await readTable(Buffer.from(csv), 'cases.csv');
    expect(table.rows.map((r) => [r.rowNumber, r.cells.案由, r.cells.当事人名称])).toEqual([
      [2, '擅自占用,河道', '张三'],
      [4, '跨行\n的案由', '李四'],
      [6, '末行', '王五'],
    ]);
  });

  it('ignores cells of columns without a header and keeps the first of duplicated headers', async () => {
    const table = await readTable(Buffer.from('甲,,甲\n1,2,3,4\n'), 'x.csv');
    expect(table.headers).toEqual(['甲', '甲']);
    expect(table.rows).toEqual([{ rowNumber: 2, cells: { 甲: '1' } }]);
  });

  it('takes a header below an empty first row, and rejects a file with nothing in it', async () => {
    const t = await readTable(Buffer.from('\n单位名称\n甲\n'), 'x.csv');
    expect(t.headers).toEqual(['单位名称']);
    expect(t.rows).toEqual([{ rowNumber: 3, cells: { 单位名称: '甲' } }]);
    await expect(readTable(Buffer.from('\r\n , \r\n'), 'x.csv')).rejects.toMatchObject({
      code: 'LEDGER_FILE_EMPTY',
      message: expect.stringContaining('文件中没有任何内容'),
    });
  });

  it('rejects more rows than allowed rather than cutting the import short', async () => {
    const csv = `名称\n${Array.from({ length: 11 }, (_, i) => `行${i}`).join('\n')}\n`;
    await expect(readTable(Buffer.from(csv), 'x.csv', { maxRows: 10 })).rejects.toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE' });
    await expect(readTable(Buffer.from(csv), 'x.csv', { maxRows: 11 })).resolves.toMatchObject({ rows: { length: 11 } });
  });
});

describe('readTable: file types', () => {
  it.each([
    { filename: '台账.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), code: 'LEDGER_FILE_UNSUPPORTED', text: '.xls' },
    { filename: '台账.docx', bytes: Buffer.from('hello'), code: 'LEDGER_FILE_UNSUPPORTED', text: '不支持的文件类型“.docx”' },
    { filename: '台账', bytes: Buffer.from('hello'), code: 'LEDGER_FILE_UNSUPPORTED', text: '请导入 .xlsx 或 .csv 文件' },
    { filename: '台账.xlsx', bytes: Buffer.from('not a zip'), code: 'LEDGER_FILE_UNREADABLE', text: '无法读取' },
    { filename: '台账.xlsx', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), code: 'LEDGER_FILE_UNREADABLE', text: '密码' },
  ])('rejects $filename ($code) with a Chinese message', async ({ filename, bytes, code, text }) => {
    const err = await readTable(bytes, filename).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LedgerFileError);
    expect(err).toMatchObject({ code, status: 400 });
    expect((err as Error).message).toContain(text);
  });

  it('reads an .xlsx uploaded under a .csv name by its content', async () => {
    const table = await readTable(await xlsxOf([['名称'], ['甲']]), 'export.csv');
    expect(table.rows).toEqual([{ rowNumber: 2, cells: { 名称: '甲' } }]);
  });
});

describe('readTable: xlsx', () => {
  it('reads the first sheet, unwrapping rich text, formulas, hyperlinks, dates and errors', async () => {
    const date = new Date(Date.UTC(2022, 2, 1));
    const buf = await xlsxOf(
      [
        [{ richText: [{ text: '单位' }, { text: '名称', font: { bold: true } }] }, ' 金额 ', '日期', '链接', '错误', '空'],
        [
          { richText: [{ text: '区水' }, { text: '务局' }] },
          { formula: 'A1*2', result: 1234.5 },
          date,
          { text: '河长制办公室', hyperlink: 'https://example.org' },
          { formula: 'NA()', result: { error: '#N/A' } },
          null,
        ],
        [],
        ['第四行', 2, null, null, null, null],
      ],
      (ws) => {
        ws.getCell('C2').numFmt = 'yyyy-mm-dd';
        ws.workbook.addWorksheet('第二个表').getCell('A1').value = '不读';
      },
    );
    const table = await readTable(buf, '单位.xlsx');
    expect(table.headers).toEqual(['单位名称', '金额', '日期', '链接', '错误', '空']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: { 单位名称: '区水务局', 金额: 1234.5, 日期: date, 链接: '河长制办公室', 错误: '#N/A', 空: null } },
      { rowNumber: 4, cells: { 单位名称: '第四行', 金额: 2, 日期: null, 链接: null, 错误: null, 空: null } },
    ]);
  });

  it('unwraps nested exceljs values', () => {
    expect(unwrapExcelValue({ text: { richText: [{ text: '甲' }, { text: '乙' }] }, hyperlink: 'x' })).toBe('甲乙');
    expect(unwrapExcelValue({ sharedFormula: 'A1', result: 3 })).toBe(3);
    expect(unwrapExcelValue({ formula: 'A1' })).toBeNull();
    expect(unwrapExcelValue(undefined)).toBeNull();
  });
});

describe('readTable: the sheet as read, for parseLedger', () => {
  it('allows a million rows by default', () => {
    expect(DEFAULT_MAX_ROWS).toBe(1_000_000);
  });

  it('gives every cell of a merged range the master value (as exceljs does) and marks the copies', async () => {
    const buf = await xlsxOf([['台账标题'], [], ['编号', '处罚决定'], [null, '决定日期', '决定文书号'], ['A-1', '2022-03-01', '天水罚〔2022〕1号']], (ws) => {
      ws.mergeCells('A1:C1');
      ws.mergeCells('A3:A4');
      ws.mergeCells('B3:C3');
    });
    const t = await readTable(buf, 'x.xlsx');
    expect(t.sheet).toEqual([
      { rowNumber: 1, cells: ['台账标题', '台账标题', '台账标题'], merged: [undefined, 'left', 'left'] },
      { rowNumber: 3, cells: ['编号', '处罚决定', '处罚决定'], merged: [undefined, undefined, 'left'] },
      { rowNumber: 4, cells: ['编号', '决定日期', '决定文书号'], merged: ['above'] },
      { rowNumber: 5, cells: ['A-1', '2022-03-01', '天水罚〔2022〕1号'] },
    ]);
    // The spec-free view guesses the header row: the one with the most text cells (merged copies to the left not counted).
    expect(t.headers).toEqual(['编号', '决定日期', '决定文书号']);
    expect(t.rows).toEqual([{ rowNumber: 5, cells: { 编号: 'A-1', 决定日期: '2022-03-01', 决定文书号: '天水罚〔2022〕1号' } }]);
  });

  it('reads a CSV sheet with title rows and numbers rows as Excel shows them', async () => {
    const t = await readTable(Buffer.from('标题,,\n\n名称,类型\n甲,局\n'), 'x.csv');
    expect(t.sheet).toEqual([
      { rowNumber: 1, cells: ['标题', null, null] },
      { rowNumber: 3, cells: ['名称', '类型'] },
      { rowNumber: 4, cells: ['甲', '局'] },
    ]);
    expect(t.rows).toEqual([{ rowNumber: 4, cells: { 名称: '甲', 类型: '局' } }]);
  });
});
