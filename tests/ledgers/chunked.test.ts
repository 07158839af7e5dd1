/**
 * Chunked imports: a ledger whose rows are independent is committed chunk by chunk inside the
 * one transaction. The result is the same as one commit of the whole file; a key seen in two
 * chunks is a row error naming both rows; a row error in a later chunk rolls back the earlier
 * chunks; a report lists at most the first 1,000 errors and counts them all.
 */
import { describe, expect, it } from 'vitest';
import { ordersFile, ordersImportSuite, rowCount } from '../helpers/hotlineOrders.js';
import { importLedger } from '../../src/core/ledger/ledger.js';

const env = ordersImportSuite();

/** A CSV of `n` orders (data rows are file rows 2…n+1): every third closed late (a finding), every fifth still open; `edit` may change a row's cells. */
const file = (n: number, tag: string, edit?: (i: number, cells: string[]) => void) =>
  ordersFile(env.units, { n, tag, key: (i) => `CHUNK-${tag}-${String(i).padStart(4, '0')}`, open: (i) => i % 5 === 4, edit });

const count = (table: 'dm_item' | 'ledger_import' | 'ledger_import_row' | 'record_finding') => rowCount(env.sys, table);

describe('chunked ledger imports', () => {
  it('hotline-orders is declared chunked with its natural key', () => {
    expect(env.def.chunked).toBe(true);
    expect(env.def.naturalKey?.header).toBe('工单编号');
  });

  it('gives the same result in chunks as in one commit', async () => {
    const f = file(40, 'same');
    const whole = await importLedger(env.sys, env.ctx, env.def, { file: f, dryRun: true, chunkRows: Infinity });
    const chunked = await importLedger(env.sys, env.ctx, env.def, { file: f, dryRun: true, chunkRows: 7 });
    expect(whole.ok).toBe(true);
    expect(chunked).toEqual(whole);
    if (!whole.ok) return;
    expect(whole.created).toBe(40);
    expect(whole.findingCount).toBeGreaterThan(0);
    expect(whole.findings.length).toBe(whole.findingCount);

    const before = { items: await count('dm_item'), trace: await count('ledger_import_row'), findings: await count('record_finding') };
    const done = await importLedger(env.sys, env.ctx, env.def, { file: f, chunkRows: 7 });
    expect(done).toMatchObject({ ok: true, created: 40, updated: 0, unchanged: 0, findingCount: whole.findingCount, findings: whole.findings, rows: 40 });
    expect(await count('dm_item')).toBe(before.items + 40);
    expect(await count('ledger_import_row')).toBe(before.trace + 40);
    expect(await count('record_finding')).toBe(before.findings + whole.findingCount);
    // Re-importing the same file in chunks changes nothing.
    expect(await importLedger(env.sys, env.ctx, env.def, { file: f, chunkRows: 7, dryRun: true })).toMatchObject({
      ok: true,
      created: 0,
      updated: 0,
      unchanged: 40,
    });
  });

  it('reports a key repeated in another chunk as a row error naming both rows', async () => {
    // Data row i is file row i + 2: rows 5 (chunk 1) and 24 (chunk 4) share a number.
    const f = file(30, 'dup', (i, cells) => {
      if (i === 22) cells[0] = 'CHUNK-dup-0003';
    });
    const r = await importLedger(env.sys, env.ctx, env.def, { file: f, chunkRows: 7 });
    expect(r).toEqual({
      ok: false,
      ledger: 'hotline-orders',
      rows: 30,
      errors: [{ row: 24, column: '工单编号', message: '与第5行重复', value: 'CHUNK-dup-0003' }],
      errorCount: 1,
    });
    // Within one chunk the ledger's own check and the kernel's give one error.
    expect(await importLedger(env.sys, env.ctx, env.def, { file: f, chunkRows: Infinity, dryRun: true })).toEqual(r);
  });

  it('rolls back the earlier chunks when a later chunk has a row error', async () => {
    const before = { items: await count('dm_item'), imports: await count('ledger_import'), trace: await count('ledger_import_row') };
    const f = file(30, 'late', (i, cells) => {
      if (i === 27) cells[4] = '不存在的科室';
    });
    const r = await importLedger(env.sys, env.ctx, env.def, { file: f, chunkRows: 7 });
    expect(r).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 29, column: '承办单位' }] });
    expect({ items: await count('dm_item'), imports: await count('ledger_import'), trace: await count('ledger_import_row') }).toEqual(before);
  });

  it('reports a parse error after chunks were committed, and nothing is written', async () => {
    const before = await count('dm_item');
    const f = file(30, 'parse', (i, cells) => {
      if (i === 25) cells[5] = '九十';
    });
    const r = await importLedger(env.sys, env.ctx, env.def, { file: f, chunkRows: 7 });
    expect(r).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 27, column: '办理时限' }] });
    expect(await count('dm_item')).toBe(before);
  });

  it('lists the first 1,000 errors and counts them all', async () => {
    const f = file(1200, 'many', (_i, cells) => {
      cells[5] = '0';
    });
    const r = await importLedger(env.sys, env.ctx, env.def, { file: f, chunkRows: 100, dryRun: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1000);
    expect(r.errorCount).toBe(1200);
    expect(r.errors[999]!.row).toBe(1001);
  });
});
