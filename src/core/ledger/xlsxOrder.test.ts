/**
 * The parts of an xlsx zip come in no fixed order (exceljs's own writer varies between runs):
 * a worksheet stored after the shared strings but before xl/workbook.xml made the streaming
 * reader fail now and then ("reading 'sheets'"). Every order reads the same rows.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readTable } from './files.js';

async function sample(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['工单编号', '受理时间', '承办单位']);
  ws.addRow(['GZ-1', '2023/1/5 9:30', '排水管理科']);
  ws.addRow(['GZ-2', '2023年1月6日', '河湖管理科']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same zip with its entries stored in the given order (the rest after them, as they were). */
async function reordered(data: Buffer, first: readonly string[]): Promise<Buffer> {
  const src = await JSZip.loadAsync(data);
  const names = Object.keys(src.files).filter((n) => !src.files[n]!.dir);
  const order = [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n))];
  const out = new JSZip();
  for (const n of order) out.file(n, await src.files[n]!.async('nodebuffer'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('xlsx parts in any order', () => {
  const orders: Array<[string, string[]]> = [
    [
      'workbook first (as Excel writes)',
      ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'],
    ],
    [
      'shared strings, then the sheet, then the workbook',
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml'],
    ],
    [
      'the sheet before everything',
      ['xl/worksheets/sheet1.xml', '[Content_Types].xml', '_rels/.rels', 'xl/sharedStrings.xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml'],
    ],
  ];
  it.each(orders)('%s', async (_name, order) => {
    const t = await readTable(await reordered(await sample(), order), '台账.xlsx');
    expect(t.rows.map((r) => Object.values(r.cells))).toEqual([
      ['GZ-1', '2023/1/5 9:30', '排水管理科'],
      ['GZ-2', '2023年1月6日', '河湖管理科'],
    ]);
  });
});
