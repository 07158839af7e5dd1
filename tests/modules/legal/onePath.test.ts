import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import type { System } from '../../../src/core/system.js';
import type { Ctx } from '../../../src/core/context.js';
import { systemActor } from '../../../src/core/context.js';
import { listTenants } from '../../../src/core/tenant.js';
import { importLedger, importTrace, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { undoImport } from '../../../src/core/ledger/imports.js';
import { writeCsv } from '../../../src/core/ledger/write.js';
import { addAttachment } from '../../../src/core/files/attachments.js';

/** The one write path of the legal-advice ledger: the form and the import share `saveAdvice`. */
let sys: System;
let app: FastifyInstance;
let legal: Client;
let ctx: Ctx;
let def: LedgerDef<any>;

const HEADER = '日期,类型,事项名称,顾问单位,承办人';
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`);
const importCsv = (data: Buffer) => importLedger(sys, ctx, def, { file: { data, filename: '法律顾问工作台账.csv' } });
const find = async (title: string) =>
  (await legal.req('GET', `/api/legal/advice?q=${encodeURIComponent(title)}&pageSize=200`)).body.data.items.find((r: any) => r.title === title);

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  legal = await login(app, 'legal');
  ctx = sys.ctx(systemActor((await listTenants(sys.db))[0]!.id));
  def = sys.registry.ledgers.get('legal-advice')!;
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('the legal-advice ledger', () => {
  it('has no rule a work record can break: rows that cannot be records are errors, the rest imports without findings', async () => {
    const bad = await importCsv(csv(`2023-03-01,合同审查,${'长'.repeat(301)},,张律师`, '2023-03-02,会议,一次正常的会议,,张律师'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([expect.objectContaining({ row: 2, column: '事项名称' })]);
    expect(await find('一次正常的会议')).toBeUndefined();
    const good = await importCsv(csv('2023-03-02,会议,一次正常的会议,,张律师'));
    expect(good).toMatchObject({ ok: true, created: 1, findings: [] });
  });

  it('gives an import and a form entry of the same record the same stored record; the form’s own row is unchanged', async () => {
    const f = await legal.req('POST', '/api/legal/advice', { date: '2023-04-10', kind: '合同审查', title: '表单录入的合同审查', handler: '李律师' });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    const res = await importCsv(csv('2023-04-10,合同审查,导入的合同审查,,李律师', '2023-04-10,合同审查,表单录入的合同审查,,李律师'));
    expect(res).toMatchObject({ ok: true, created: 1, unchanged: 1 });
    const form = (await legal.req('GET', `/api/legal/advice/${f.body.data.id}`)).body.data;
    const imp = (await legal.req('GET', `/api/legal/advice/${(await find('导入的合同审查')).id}`)).body.data;
    const strip = ({ id: _i, title: _t, version: _v, orgId: _o, history: _h, attachments: _a, ...rest }: Record<string, unknown>) => rest;
    expect(strip(imp)).toEqual(strip(form));
    expect(imp.firm).toBeTruthy(); // the firm of the contract covering the date, on both paths
    const trace = await importTrace(sys.db, ctx.actor.tenantId, 'legal.advice', imp.id);
    expect(trace).toEqual([expect.objectContaining({ action: 'imported', changes: expect.objectContaining({ note: expect.objectContaining({ row: 2 }) }) })]);
  });

  it('changes nothing when its own export is imported again', async () => {
    const rows = await def.exportRows(ctx);
    expect(rows.length).toBeGreaterThan(400);
    expect(await importCsv(writeCsv(def.spec, rows))).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
  });

  it('undoes an import (created removed, updated restored) and refuses once a record was worked on', async () => {
    const res = await importCsv(csv('2023-05-08,法律意见书,撤销测试意见书,,王律师', '2023-04-10,合同审查,导入的合同审查,,赵律师'));
    expect(res).toMatchObject({ ok: true, created: 1, updated: 1 });
    if (!res.ok) return;
    expect(await undoImport(ctx, def, res.importId!)).toEqual({ deleted: 1, restored: 1 });
    expect(await find('撤销测试意见书')).toBeUndefined();
    expect((await find('导入的合同审查')).handler).toBe('李律师');

    const again = await importCsv(csv('2023-05-09,法律意见书,附件后撤销测试,,王律师'));
    if (!again.ok) throw new Error('import failed');
    const rec = await find('附件后撤销测试');
    await addAttachment(sys, ctx, {
      entity: 'legal.advice',
      entityId: rec.id,
      filename: '意见书.pdf',
      mime: 'application/pdf',
      data: Buffer.from('%PDF-1.4 test'),
    });
    await expect(undoImport(ctx, def, again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
    expect(await find('附件后撤销测试')).toBeDefined();
  });
});
