/**
 * Limits on ledger files, enforced by the reader worker before and while a file is read: each
 * hostile file is refused with the error the reader has always thrown (LedgerFileError), naming
 * the limit and, where there is one, the row and the column.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LedgerFileError, readSheetRows, readTable, type ReadTableOptions, type SheetRow } from './files.js';
import { columnLetters, MAX_CELL_CHARS, MAX_COLUMNS, MAX_CSV_RECORD_CHARS, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO } from './limits.js';
import { closeReaderWorkers, readerJobs, readerWorkers } from './readerPool.js';
import { deflatedRepeat, randomChinese, sharedSheetXml, sharedStringsXml, sheetXml, xlsxOf } from '../../../tests/helpers/hostileFiles.js';

afterAll(() => closeReaderWorkers());

async function refusal(data: Buffer, filename: string, options: ReadTableOptions = {}): Promise<LedgerFileError> {
  const err = await readTable(data, filename, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LedgerFileError);
  return err as LedgerFileError;
}

const header: Array<readonly [string, string]> = [
  ['A1', '名称'],
  ['B1', '内容'],
];

describe('xlsx: the zip', () => {
  it('refuses a zip bomb (1.5 GB of one sheet in 1.5 MB) from its declared size, before inflating', async () => {
    const bomb = deflatedRepeat(Buffer.from(' '), 1536);
    const file = xlsxOf({ name: 'xl/worksheets/sheet1.xml', deflated: bomb });
    expect(file.length).toBeLessThan(2_000_000);
    const e = await refusal(file, '炸弹.xlsx');
    expect(e).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', status: 413, details: { limit: 'zipRatio', max: MAX_ZIP_RATIO } });
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
    expect(e.message).toContain(`压缩比超过${MAX_ZIP_RATIO}倍`);
  });

  it('refuses a zip bomb whose declared size lies, as soon as it inflates past what it declares', async () => {
    const bomb = deflatedRepeat(Buffer.from('<row r="1"/>'), 1536);
    const file = xlsxOf({ name: 'xl/worksheets/sheet1.xml', deflated: bomb, declare: 4096 });
    const e = await refusal(file, '炸弹.xlsx');
    expect(e.code).toBe('LEDGER_FILE_UNREADABLE');
    expect(e.message).toContain('解压后比文件记录的大小（4096字节）更大');
  });

  it('refuses a part, or the parts together, over the size caps', async () => {
    const sheet = Buffer.from(
      sheetXml([
        header,
        [
          ['A2', '甲'],
          ['B2', randomChinese(400_000)],
        ],
      ]),
    );
    const low = { zipRatio: 1e6, zipRatioGraceBytes: 0 };
    const one = await refusal(xlsxOf(sheet.toString()), 'x.xlsx', { limits: { ...low, zipEntryBytes: 1_000_000 } });
    expect(one).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'zipEntryBytes' } });
    const total = await refusal(xlsxOf(sheet.toString()), 'x.xlsx', { limits: { ...low, zipTotalBytes: sheet.length - 1 } });
    expect(total).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'zipTotalBytes' } });
    // Under the size caps the file is read, and then refused for its 400,000-character cell.
    const read = await refusal(xlsxOf(sheet.toString()), 'x.xlsx');
    expect(read.details).toMatchObject({ limit: 'cellChars', row: 2, column: 'B' });
  });

  it(`refuses more than ${MAX_ZIP_ENTRIES} zip entries before inflating any`, async () => {
    const extra = Array.from({ length: MAX_ZIP_ENTRIES }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: Buffer.from('x') }));
    const many = await refusal(xlsxOf(sheetXml([header]), undefined, extra), 'x.xlsx');
    expect(many).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'zipEntries', max: MAX_ZIP_ENTRIES } });
    expect(many.message).toContain(`${MAX_ZIP_ENTRIES + 3}个压缩条目`);
  });
});

describe('xlsx: shared strings and cells', () => {
  it('refuses a shared string longer than a cell may be (3,000,000 characters)', async () => {
    const sst = sharedStringsXml(2, (i) => (i === 0 ? '名称' : randomChinese(3_000_000)));
    const e = await refusal(xlsxOf(sharedSheetXml([[['A1', 0]], [['A2', 1]]]), { name: 'xl/sharedStrings.xml', data: sst }), 'x.xlsx');
    expect(e).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'cellChars', max: MAX_CELL_CHARS } });
    expect(e.message).toContain('第2条共享字符串有3000000个字符');
  });

  it('refuses more shared strings, or more characters in them, than the limits', async () => {
    const sst = sharedStringsXml(5_000, (i) => `字符串${i}`);
    const part = { name: 'xl/sharedStrings.xml', data: sst };
    const sheet = sharedSheetXml([[['A1', 0]], [['A2', 1]]]);
    const count = await refusal(xlsxOf(sheet, part), 'x.xlsx', { limits: { sharedStrings: 4_999 } });
    expect(count).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'sharedStrings', max: 4_999 } });
    expect(count.message).toContain('共享字符串超过4999条');
    const chars = await refusal(xlsxOf(sheet, part), 'x.xlsx', { limits: { sharedStringChars: 20_000 } });
    expect(chars).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'sharedStringChars' } });
    // Within the limits the same file reads.
    const t = await readTable(xlsxOf(sheet, part), 'x.xlsx');
    expect(t.rows).toEqual([{ rowNumber: 2, cells: { 字符串0: '字符串1' } }]);
  });

  it('refuses a classic shared-strings bomb (2,000,000 copies of one long text) on its compression ratio', async () => {
    const body = deflatedRepeat(Buffer.from(`<si><t>${'水'.repeat(300)}</t></si>`), 1800);
    const e = await refusal(xlsxOf(sharedSheetXml([[['A1', 0]]]), { name: 'xl/sharedStrings.xml', deflated: body }), 'x.xlsx');
    expect(e).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'zipRatio' } });
    expect(e.message).toContain('xl/sharedStrings.xml');
  });

  it('refuses an inline cell of 3,000,000 characters, naming its row and column', async () => {
    const e = await refusal(
      xlsxOf(
        sheetXml([
          header,
          [
            ['A2', '甲'],
            ['B2', randomChinese(3_000_000)],
          ],
        ]),
      ),
      '台账.xlsx',
    );
    expect(e).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'cellChars', row: 2, column: 'B' } });
    expect(e.message).toBe(`第2行B列的内容超过单元格上限${MAX_CELL_CHARS}个字符（Excel 的上限）`);
  });

  it('takes a cell of exactly 32,767 characters', async () => {
    const text = randomChinese(MAX_CELL_CHARS);
    const t = await readTable(
      xlsxOf(
        sheetXml([
          header,
          [
            ['A2', '甲'],
            ['B2', text],
          ],
        ]),
      ),
      '台账.xlsx',
    );
    expect(t.rows[0]!.cells.内容).toBe(text);
  });

  it(`refuses a value beyond column ${MAX_COLUMNS}, naming the row and column`, async () => {
    const far = columnLetters(MAX_COLUMNS + 1);
    const e = await refusal(
      xlsxOf(
        sheetXml([
          header,
          [
            ['A2', '甲'],
            [`${far}2`, '远'],
          ],
        ]),
      ),
      '台账.xlsx',
    );
    expect(e).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'columns', row: 2, column: far } });
    expect(e.message).toContain(`第2行第${far}列（第${MAX_COLUMNS + 1}列）有数据`);
    const edge = await readTable(
      xlsxOf(
        sheetXml([
          header,
          [
            ['A2', '甲'],
            [`${columnLetters(MAX_COLUMNS)}2`, '边'],
          ],
        ]),
      ),
      '台账.xlsx',
    );
    expect(edge.sheet![1]!.cells.length).toBe(MAX_COLUMNS);
  });
});

describe('csv', () => {
  it('refuses a line of 3,000,000 characters while parsing it', async () => {
    const csv = Buffer.from(`名称,内容\n甲,${'长'.repeat(3_000_000)}\n`);
    const e = await refusal(csv, '台账.csv');
    expect(e).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'csvRecordChars', max: MAX_CSV_RECORD_CHARS, row: 2 } });
    expect(e.message).toContain(`CSV 文件第2行超过${MAX_CSV_RECORD_CHARS}个字符`);
  });

  it('refuses a cell over 32,767 characters and a value beyond the column limit, naming row and column', async () => {
    const long = await refusal(Buffer.from(`名称,内容\n甲,乙\n丙,${'长'.repeat(40_000)}\n`), 'x.csv');
    expect(long.details).toMatchObject({ limit: 'cellChars', row: 3, column: 'B' });
    const wide = await refusal(Buffer.from(`名称,内容\n甲,乙${','.repeat(MAX_COLUMNS - 1)}远\n`), 'x.csv');
    expect(wide.details).toMatchObject({ limit: 'columns', row: 2, column: columnLetters(MAX_COLUMNS + 1) });
    // Empty trailing columns are no data.
    const t = await readTable(Buffer.from(`名称,内容\n甲,乙${','.repeat(MAX_COLUMNS + 10)}\n`), 'x.csv');
    expect(t.rows).toEqual([{ rowNumber: 2, cells: { 名称: '甲', 内容: '乙' } }]);
  });

  it('refuses a NUL in a CSV cell, naming row and column; an xlsx with one is damaged', async () => {
    const nul = await refusal(Buffer.from('名称,内容\n甲,乙\n丙,a\u0000b\n'), 'x.csv');
    expect(nul).toMatchObject({ code: 'LEDGER_FILE_BAD_TEXT', status: 400, details: { row: 3, column: 'B' } });
    expect(nul.message).toBe('第3行B列含有不允许的字符（空字符或不完整的 Unicode 字符），请删除后再导入');
    // An xlsx cannot hold a NUL (XML forbids it, Excel never writes one): such a file is damaged.
    const xml = xlsxOf(
      sheetXml([
        header,
        [
          ['A2', '甲'],
          ['B2', 'a\u0000b'],
        ],
      ]),
    );
    expect(await refusal(xml, 'x.xlsx')).toMatchObject({ code: 'LEDGER_FILE_UNREADABLE', status: 400 });
  });
});

describe('the reader worker', () => {
  const bigCsv = Buffer.from(`名称,内容\n${Array.from({ length: 200_000 }, (_, i) => `单位${i},内容${i}`).join('\n')}`);

  it('streams the rows back in order and leaves no file being read', async () => {
    let n = 0;
    let last = 0;
    for await (const row of readSheetRows(bigCsv, 'x.csv')) {
      n += 1;
      expect(row.rowNumber).toBeGreaterThan(last);
      last = row.rowNumber;
    }
    expect(n).toBe(200_001);
    expect(readerJobs()).toBe(0);
  });

  it('is terminated when the iteration ends early', async () => {
    await closeReaderWorkers();
    expect(readerWorkers()).toBe(0);
    const rows = readSheetRows(bigCsv, 'x.csv');
    const first = await rows.next();
    expect((first.value as SheetRow).cells).toEqual(['名称', '内容']);
    expect(readerWorkers()).toBe(1);
    expect(readerJobs()).toBe(1);
    await rows.return(undefined);
    expect(readerJobs()).toBe(0);
    expect(readerWorkers()).toBe(0);
  });

  it('refuses a file whose reading needs more than the heap cap, and the process goes on', async () => {
    await closeReaderWorkers();
    process.env.FAZHI_READER_HEAP_MB = '32';
    try {
      // 400,000 distinct shared strings of 60 random characters: exceljs holds them all while the sheet is read.
      const sst = sharedStringsXml(400_000, (i) => randomChinese(60, i + 1));
      const e = await refusal(xlsxOf(sharedSheetXml([[['A1', 0]], [['A2', 1]]]), { name: 'xl/sharedStrings.xml', data: sst }), 'x.xlsx');
      expect(e).toMatchObject({ code: 'LEDGER_FILE_TOO_LARGE', details: { limit: 'memory', max: 32 } });
      expect(e.message).toContain('内存超过32 MB');
    } finally {
      delete process.env.FAZHI_READER_HEAP_MB;
      await closeReaderWorkers();
    }
    // A fresh worker (default heap) reads the next file.
    const t = await readTable(Buffer.from('名称\n甲\n'), 'x.csv');
    expect(t.rows).toEqual([{ rowNumber: 2, cells: { 名称: '甲' } }]);
  }, 120_000);

  it('an unsupported file type is refused without a worker', async () => {
    await closeReaderWorkers();
    const e = await refusal(Buffer.from('x'), 'x.xls');
    expect(e.code).toBe('LEDGER_FILE_UNSUPPORTED');
    expect(readerWorkers()).toBe(0);
  });
});
