/**
 * Chunked imports: a ledger whose rows are independent is committed chunk by chunk inside the
 * one transaction. The result is the same as one commit of the whole file; a key seen in two
 * chunks is a row error naming both rows; a row error in a later chunk rolls back the earlier
 * chunks; a report lists at most the first 1,000 errors and counts them all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { systemActor, type Ctx } from '../../src/core/context.js';
import { importLedger, type LedgerDef } from '../../src/core/ledger/ledger.js';

let sys: System;
let ctx: Ctx;
let def: LedgerDef<unknown>;
let units: string[];
beforeAll(async () => {
  sys = await testSystem('demo');
  const tenantId = (await listTenants(sys.db))[0]!.id;
  ctx = sys.ctx(systemActor(tenantId, '导入测试'));
  def = sys.registry.ledgers.get('hotline-orders')!;
  const orgs = await sys.db.selectFrom('org').select(['name']).where('tenant_id', '=', tenantId).where('kind', '=', 'department').orderBy('name').execute();
  units = orgs.map((o) => o.name);
});
afterAll(() => sys.close());

const HEADER = '工单编号,受理时间,诉求类型,诉求内容,承办单位,办理时限,办结时间,回复时间,满意度';

/** A CSV of `n` orders (data rows are file rows 2…n+1); `edit` may change a row's cells. */
function file(n: number, tag: string, edit: (i: number, cells: string[]) => void = () => {}): { data: Buffer; filename: string } {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    // Every third order closed late (a finding), every fifth still open.
    const open = i % 5 === 4;
    const closed = i % 3 === 0 ? `2023-04-${day} 10:00` : `2023-03-${day} 16:00`;
    const cells = [
      `CHUNK-${tag}-${String(i).padStart(4, '0')}`,
      `2023-03-${day} 09:00`,
      '投诉',
      `第${i}号诉求`,
      units[i % units.length]!,
      '5',
      open ? '' : closed,
      open ? '' : closed,
      open ? '' : '满意',
    ];
    edit(i, cells);
    lines.push(cells.join(','));
  }
  return { data: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), filename: `工单-${tag}.csv` };
}

const count = async (table: 'dm_item' | 'ledger_import' | 'ledger_import_row' | 'record_finding') =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(sys.db)).rows[0]!.n);

describe('chunked ledger imports', () => {
  it('hotline-orders is declared chunked with its natural key', () => {
    expect(def.chunked).toBe(true);
    expect(def.naturalKey?.header).toBe('工单编号');
  });

  it('gives the same result in chunks as in one commit', async () => {
    const f = file(40, 'same');
    const whole = await importLedger(sys, ctx, def, { file: f, dryRun: true, chunkRows: Infinity });
    const chunked = await importLedger(sys, ctx, def, { file: f, dryRun: true, chunkRows: 7 });
    expect(whole.ok).toBe(true);
    expect(chunked).toEqual(whole);
    if (!whole.ok) return;
    expect(whole.created).toBe(40);
    expect(whole.findingCount).toBeGreaterThan(0);
    expect(whole.findings.length).toBe(whole.findingCount);

    const before = { items: await count('dm_item'), trace: await count('ledger_import_row'), findings: await count('record_finding') };
    const done = await importLedger(sys, ctx, def, { file: f, chunkRows: 7 });
    expect(done).toMatchObject({ ok: true, created: 40, updated: 0, unchanged: 0, findingCount: whole.findingCount, findings: whole.findings, rows: 40 });
    expect(await count('dm_item')).toBe(before.items + 40);
    expect(await count('ledger_import_row')).toBe(before.trace + 40);
    expect(await count('record_finding')).toBe(before.findings + whole.findingCount);
    // Re-importing the same file in chunks changes nothing.
    expect(await importLedger(sys, ctx, def, { file: f, chunkRows: 7, dryRun: true })).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 40 });
  });

  it('reports a key repeated in another chunk as a row error naming both rows', async () => {
    // Data row i is file row i + 2: rows 5 (chunk 1) and 24 (chunk 4) share a number.
    const f = file(30, 'dup', (i, cells) => {
      if (i === 22) cells[0] = 'CHUNK-dup-0003';
    });
    const r = await importLedger(sys, ctx, def, { file: f, chunkRows: 7 });
    expect(r).toEqual({
      ok: false,
      ledger: 'hotline-orders',
      rows: 30,
      errors: [{ row: 24, column: '工单编号', message: '与第5行重复', value: 'CHUNK-dup-0003' }],
      errorCount: 1,
    });
    // Within one chunk the ledger's own check and the kernel's give one error.
    expect(await importLedger(sys, ctx, def, { file: f, chunkRows: Infinity, dryRun: true })).toEqual(r);
  });

  it('rolls back the earlier chunks when a later chunk has a row error', async () => {
    const before = { items: await count('dm_item'), imports: await count('ledger_import'), trace: await count('ledger_import_row') };
    const f = file(30, 'late', (i, cells) => {
      if (i === 27) cells[4] = '不存在的科室';
    });
    const r = await importLedger(sys, ctx, def, { file: f, chunkRows: 7 });
    expect(r).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 29, column: '承办单位' }] });
    expect({ items: await count('dm_item'), imports: await count('ledger_import'), trace: await count('ledger_import_row') }).toEqual(before);
  });

  it('reports a parse error after chunks were committed, and nothing is written', async () => {
    const before = await count('dm_item');
    const f = file(30, 'parse', (i, cells) => {
      if (i === 25) cells[5] = '九十';
    });
    const r = await importLedger(sys, ctx, def, { file: f, chunkRows: 7 });
    expect(r).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 27, column: '办理时限' }] });
    expect(await count('dm_item')).toBe(before);
  });

  it('lists the first 1,000 errors and counts them all', async () => {
    const f = file(1200, 'many', (_i, cells) => {
      cells[5] = '0';
    });
    const r = await importLedger(sys, ctx, def, { file: f, chunkRows: 100, dryRun: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1000);
    expect(r.errorCount).toBe(1200);
    expect(r.errors[999]!.row).toBe(1001);
  });
});
