/**
 * The streaming reader gives exactly what reading the whole file gives: every ledger's demo
 * rows, written as a bureau keeps them (merged title, two-row header band with merges, note
 * rows), as xlsx (against exceljs's full load) and GB18030 CSV (against the one-string decode).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSystem } from '../helpers/system.js';
import { messyLedgerFile } from '../helpers/messyLedger.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { systemActor, type Ctx } from '../../src/core/context.js';
import { readCsvSheet, readSheetRows, readXlsxSheetLoaded, type SheetRow } from '../../src/core/ledger/files.js';

let sys: System;
let ctx: Ctx;
beforeAll(async () => {
  sys = await testSystem('demo');
  ctx = sys.ctx(systemActor((await listTenants(sys.db))[0]!.id, '导入测试'));
});
afterAll(() => sys.close());

async function streamed(data: Buffer, filename: string): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  for await (const r of readSheetRows(data, filename)) out.push(r);
  return out;
}

describe('readSheetRows streams what the whole-file readers read', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`every ledger's messy ${format} file`, async () => {
      let files = 0;
      for (const def of sys.registry.ledgers.values()) {
        const rows = ((await def.exportRows(ctx)) as Array<Record<string, unknown>>).slice(0, 200);
        if (!rows.length) continue;
        const data = await messyLedgerFile(def.spec, rows, { format });
        const whole = format === 'xlsx' ? await readXlsxSheetLoaded(data) : readCsvSheet(data);
        expect(await streamed(data, `x.${format}`), def.spec.key).toEqual(whole);
        files += 1;
      }
      expect(files).toBeGreaterThan(10);
    });
  }
});
