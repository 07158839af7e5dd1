import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSystem } from '../../../tests/helpers/system.js';
import type { System } from '../../core/system.js';
import { systemActor, type Ctx } from '../../core/context.js';
import { listTenants } from '../../core/tenant.js';
import { importLedger, importTrace, type LedgerDef } from '../../core/ledger/ledger.js';
import { undoImport } from '../../core/ledger/imports.js';
import { writeCsv } from '../../core/ledger/write.js';
import { history } from '../../core/audit/audit.js';
import { orgsByName, updateOrg } from '../../core/orgs.js';

/** The orgs ledger goes through the kernel's createOrg / updateOrg, records provenance and can be undone. */
let sys: System;
let ctx: Ctx;
let def: LedgerDef<any>;
const HEADER = '单位名称,单位类型,上级单位,统一社会信用代码,行政区划代码';
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`);
const run = (data: Buffer) => importLedger(sys, ctx, def, { file: { data, filename: '单位.csv' } });

beforeAll(async () => {
  sys = await testSystem('demo');
  ctx = sys.ctx(systemActor((await listTenants(sys.db))[0]!.id));
  def = sys.registry.ledgers.get('orgs')!;
});
afterAll(() => sys.close());

describe('the orgs ledger', () => {
  it('creates a child listed before its new parent (parents first), updates a known org, traces both', async () => {
    const orgs = await orgsByName(sys.db, ctx.actor.tenantId);
    const bureau = [...orgs.values()].find((o) => o.kind === 'bureau')!;
    const res = await run(
      csv('监测一组,其他,水务监测中心,,', `水务监测中心,其他,${bureau.name},,`, `五山街道,街道,${bureau.name},${orgs.get('五山街道')!.uscc ?? ''},440106777`),
    );
    expect(res).toMatchObject({ ok: true, created: 2, updated: 1, findings: [] });
    const after = await orgsByName(sys.db, ctx.actor.tenantId);
    expect(after.get('监测一组')!.parentId).toBe(after.get('水务监测中心')!.id);
    // The kernel's functions write it; the import records provenance instead of an event per org.
    expect(await history(sys.db, ctx.actor.tenantId, 'org', after.get('监测一组')!.id)).toEqual([]);
    expect(await importTrace(sys.db, ctx.actor.tenantId, 'org', after.get('监测一组')!.id)).toEqual([expect.objectContaining({ action: 'imported' })]);
    const t = await importTrace(sys.db, ctx.actor.tenantId, 'org', after.get('五山街道')!.id);
    expect(t).toEqual([expect.objectContaining({ action: 'import_updated' })]);
    expect(t[0]!.changes.fields).toContainEqual({ field: 'division_code', before: orgs.get('五山街道')!.divisionCode, after: '440106777' });
  });

  it('reports parents that name each other as a row error and writes nothing', async () => {
    const res = await run(csv('甲组,其他,乙组,,', '乙组,其他,甲组,,'));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:上级单位', '3:上级单位']);
    expect((await orgsByName(sys.db, ctx.actor.tenantId)).has('甲组')).toBe(false);
  });

  it('changes nothing when its own export is imported again', async () => {
    const rows = await def.exportRows(ctx);
    expect(await run(writeCsv(def.spec, rows))).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
  });

  it('undoes the last import (created deleted, updated restored) and refuses once an org was edited', async () => {
    const orgs = await orgsByName(sys.db, ctx.actor.tenantId);
    const bureau = [...orgs.values()].find((o) => o.kind === 'bureau')!;
    const res = await run(csv(`撤销测试科,科室,${bureau.name},,`, `员村街道,街道,${bureau.name},,440106099`));
    expect(res).toMatchObject({ ok: true, created: 1, updated: 1 });
    if (!res.ok) return;
    expect(await undoImport(ctx, def, res.importId!)).toEqual({ deleted: 1, restored: 1 });
    const back = await orgsByName(sys.db, ctx.actor.tenantId);
    expect(back.has('撤销测试科')).toBe(false);
    expect(back.get('员村街道')!.divisionCode).toBe(orgs.get('员村街道')!.divisionCode);

    const again = await run(csv(`撤销测试二科,科室,${bureau.name},,`));
    if (!again.ok) throw new Error('import failed');
    const o = (await orgsByName(sys.db, ctx.actor.tenantId)).get('撤销测试二科')!;
    await updateOrg(ctx, { id: o.id, version: o.version }, { divisionCode: '440106' });
    await expect(undoImport(ctx, def, again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
  });
});
