/**
 * Every ledger takes a bureau's own file: each ledger's rows (the demo bureau's, as
 * exported) written the way bureaus keep them — a merged title row, a two-row header band,
 * units and `*` in the headers, mixed date and money styles, √/×, note rows after the data —
 * re-import through the one write path with every row unchanged, on both engines, and the
 * title and note rows are reported as ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSystem } from '../helpers/system.js';
import { messyLedgerFile } from '../helpers/messyLedger.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { systemActor, type Ctx } from '../../src/core/context.js';
import { formatLedgerErrors } from '../../src/core/ledger/parse.js';
import { importLedger } from '../../src/core/ledger/ledger.js';

let sys: System;
let ctx: Ctx;
const fresh = async () => {
  await sys?.close();
  sys = await testSystem('demo');
  ctx = sys.ctx(systemActor((await listTenants(sys.db))[0]!.id, '导入测试'));
};
beforeAll(fresh);
afterAll(() => sys.close());

/** At most this many rows per ledger (the demo's large ledgers are sampled from the start). */
const SAMPLE = 60;

describe('every ledger takes a messy file of its own export', () => {
  it('lists every ledger of the product', () => {
    expect([...sys.registry.ledgers.keys()].length).toBeGreaterThanOrEqual(20);
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`re-imports each ledger's export written as a bureau would (${format}): all rows unchanged`, async () => {
      await fresh();
      const problems: string[] = [];
      for (const def of sys.registry.ledgers.values()) {
        const all = (await def.exportRows(ctx)) as Array<Record<string, unknown>>;
        // A sample that does not cut a group of rows sharing their first column (a day of the duty roster).
        const first = def.spec.columns[0]!.key;
        let end = Math.min(SAMPLE, all.length);
        while (end < all.length && all[end]![first] === all[end - 1]![first]) end++;
        const rows = all.slice(0, end);
        if (!rows.length) continue;
        const data = await messyLedgerFile(def.spec, rows, { format });
        const r = await importLedger(sys, ctx, def, { file: { data, filename: `${def.spec.title}.${format}` } });
        if (!r.ok) {
          problems.push(`${def.spec.key}: ${formatLedgerErrors(r.errors, { limit: 3 }).join('；')}`);
          continue;
        }
        if (r.created !== 0 || r.updated !== 0 || r.unchanged !== rows.length)
          problems.push(`${def.spec.key}: created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged} of ${rows.length}`);
        if (!r.ignoredRows.some((i) => i.reason.includes('标题'))) problems.push(`${def.spec.key}: the title row was not reported as ignored`);
      }
      expect(problems).toEqual([]);
    });
  }
});
