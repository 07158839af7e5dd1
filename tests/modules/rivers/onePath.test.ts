import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import type { System } from '../../../src/core/system.js';
import type { Ctx } from '../../../src/core/context.js';
import { systemActor } from '../../../src/core/context.js';
import { listTenants } from '../../../src/core/tenant.js';
import { orgsByName } from '../../../src/core/orgs.js';
import { importLedger, recordFindings, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { undoImport } from '../../../src/core/ledger/imports.js';
import { writeCsv } from '../../../src/core/ledger/write.js';

/** The one write path of the rivers ledgers: forms and imports share saveRivers and saveSamples. */
let sys: System;
let app: FastifyInstance;
let flood: Client;
let ctx: Ctx;
let tenantId: string;

const ledger = (key: string) => sys.registry.ledgers.get(key)! as LedgerDef<any>;
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);
const importCsv = (key: string, data: Buffer) => importLedger(sys, ctx, ledger(key), { file: { data, filename: `${key}.csv` } });
const rivers = async () => (await flood.req('GET', '/api/rivers')).body.data as Array<Record<string, any>>;
const river = async (name: string) => (await rivers()).find((r) => r.name === name)!;
const deadlines = async (entityId: string) =>
  (await sys.db.selectFrom('tracked_deadline').select(['title', 'due_date']).where('entity_id', '=', entityId).execute()).map((d) => ({ ...d }));
const SAMPLES =
  '河涌名称,断面,采样日期,透明度 (cm),水深 (cm),溶解氧 (mg/L),氧化还原电位 (mV),氨氮 (mg/L),总磷 (mg/L),化学需氧量 (mg/L),高锰酸盐指数 (mg/L),五日生化需氧量 (mg/L)';
const RIVERS = '河涌名称,长度 (km),所在街道,河长,监测断面';

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  flood = await login(app, 'flood');
  tenantId = (await listTenants(sys.db))[0]!.id;
  ctx = sys.ctx(systemActor(tenantId));
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('water samples', () => {
  it('an imported black-odorous sample is classified and raises its alert exactly as the form does', async () => {
    const r = await river('车陂涌');
    const form = await flood.req('POST', '/api/water-samples', {
      riverId: r.id,
      sectionId: r.sections[0].id,
      sampledOn: '2023-05-01',
      transparencyCm: 8,
      depthCm: 20,
      doMgl: 1.5,
      orpMv: 30,
      nh3nMgl: 6,
      tpMgl: 0.3,
      codMgl: 25,
    });
    expect(form.status).toBe(201);
    const res = await importCsv('water-samples', csv(SAMPLES, `车陂涌,${r.sections[0].name},2023-05-02,8,20,1.5,30,6,0.3,25,,`));
    expect(res).toMatchObject({ ok: true, created: 1, findings: [] });
    const list = (await flood.req('GET', `/api/water-samples?riverId=${r.id}`)).body.data;
    const imported = list.find((s: any) => s.sampledOn === '2023-05-02');
    const strip = ({ id: _i, sampledOn: _d, createdBy: _c, version: _v, alert: _a, ...rest }: Record<string, unknown>) => rest;
    const a = (await flood.req('GET', `/api/water-samples/${imported.id}`)).body.data;
    const b = (await flood.req('GET', `/api/water-samples/${form.body.data.id}`)).body.data;
    expect(strip(a)).toEqual(strip(b));
    expect(a).toMatchObject({ gbClass: '劣V', blackGrade: 'severe' });
    const alerts = (await flood.req('GET', '/api/river-alerts?status=open')).body.data.filter((x: any) => x.riverId === r.id && x.raisedOn >= '2023-05-01');
    expect(alerts.map((x: any) => [x.raisedOn, x.grade, x.owner])).toEqual([
      ['2023-05-02', 'severe', b.alert.owner],
      ['2023-05-01', 'severe', b.alert.owner],
    ]);
    expect(alerts[0].message.replace('2023-05-02', 'D')).toBe(alerts[1].message.replace('2023-05-01', 'D'));
    expect(await deadlines(imported.id)).toEqual(await deadlines(form.body.data.id));
    // History: the sample and its alert show the import (no per-row events), with no findings.
    const hs = (await flood.req('GET', `/api/history/rivers.sample/${imported.id}`)).body.data;
    expect(hs.map((e: any) => e.action)).toEqual(['imported']);
    const ha = (await flood.req('GET', `/api/history/rivers.alert/${alerts[0].id}`)).body.data;
    expect(ha.map((e: any) => e.action)).toEqual(['imported']);
    expect(await recordFindings(sys.db, tenantId, 'rivers.sample', imported.id)).toEqual([]);
  });

  it('what cannot be a sample stays a row error: a future date, a different value for a recorded sample', async () => {
    const res = await importCsv(
      'water-samples',
      csv(SAMPLES, '车陂涌,,2099-05-02,40,100,5,100,1,0.2,20,5,3', '车陂涌,车陂涌口,2023-05-02,9,20,1.5,30,6,0.3,25,,'),
    );
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '采样日期'],
      [3, '透明度 (cm)'],
    ]);
  });

  it('undo removes the imported samples with their alerts, and is refused once an alert is handled', async () => {
    const res = await importCsv(
      'water-samples',
      csv(SAMPLES, '深涌,深涌口,2023-05-03,15,100,5,100,1,0.2,20,5,3', '深涌,深涌口,2023-05-04,40,100,5,100,1,0.2,20,5,3'),
    );
    if (!res.ok) throw new Error(JSON.stringify(res));
    const open = async () =>
      (await flood.req('GET', '/api/river-alerts?status=open')).body.data.filter((a: any) => a.river === '深涌' && a.raisedOn === '2023-05-03');
    expect(await open()).toHaveLength(1);
    expect(await undoImport(ctx, ledger('water-samples'), res.importId!)).toEqual({ deleted: 3, restored: 0 });
    expect(await open()).toHaveLength(0);
    const again = await importCsv('water-samples', csv(SAMPLES, '深涌,深涌口,2023-05-03,15,100,5,100,1,0.2,20,5,3'));
    if (!again.ok) throw new Error(JSON.stringify(again));
    const [alert] = await open();
    expect((await flood.req('POST', `/api/river-alerts/${alert.id}/handle`, { version: alert.version, note: '已截污' })).status).toBe(200);
    await expect(undoImport(ctx, ledger('water-samples'), again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
  });
});

describe('the river register', () => {
  it('an import and a form entry of the same river give the same record', async () => {
    const street = (await orgsByName(sys.db, tenantId)).get('五山街道')!.id;
    const form = await flood.req('POST', '/api/rivers', {
      name: '一致性涌甲',
      lengthKm: 2.5,
      streetOrgIds: [street],
      chief: '陈河长',
      sections: ['一致性甲口'],
    });
    expect(form.status).toBe(201);
    const res = await importCsv('rivers', csv(RIVERS, '一致性涌乙,2.5,五山街道,陈河长,一致性乙口'));
    expect(res).toMatchObject({ ok: true, created: 1, findings: [] });
    const strip = ({ id: _i, name: _n, version: _v, sections, ...rest }: Record<string, any>) => ({ ...rest, sections: sections.length });
    expect(strip(await river('一致性涌乙'))).toEqual(strip(await river('一致性涌甲')));
    expect((await flood.req('GET', `/api/history/rivers.river/${(await river('一致性涌乙')).id}`)).body.data.map((e: any) => e.action)).toEqual(['imported']);
  });

  it('a section another river holds is a row error; an import adds sections and never removes one', async () => {
    const taken = await importCsv('rivers', csv(RIVERS, '一致性涌乙,2.5,五山街道,陈河长,一致性甲口'));
    expect(taken).toMatchObject({ ok: false, errors: [expect.objectContaining({ row: 2, column: '监测断面' })] });
    const res = await importCsv('rivers', csv(RIVERS, '一致性涌乙,2.5,五山街道,陈河长,一致性乙下游'));
    expect(res).toMatchObject({ ok: true, updated: 1 });
    expect((await river('一致性涌乙')).sections.map((s: any) => s.name)).toEqual(['一致性乙口', '一致性乙下游']);
  });

  it('undo removes a created river with its sections and takes back sections added to a known one; refused after an edit', async () => {
    const res = await importCsv('rivers', csv(RIVERS, '撤销涌,1.2,五山街道,李河长,撤销涌口', '一致性涌乙,2.5,五山街道,陈河长,撤销新增断面'));
    if (!res.ok) throw new Error(JSON.stringify(res));
    expect(res).toMatchObject({ created: 1, updated: 1 });
    expect(await undoImport(ctx, ledger('rivers'), res.importId!)).toEqual({ deleted: 1, restored: 1 });
    expect(await river('撤销涌')).toBeUndefined();
    expect((await river('一致性涌乙')).sections.map((s: any) => s.name)).toEqual(['一致性乙口', '一致性乙下游']);
    const again = await importCsv('rivers', csv(RIVERS, '撤销涌,1.2,五山街道,李河长,撤销涌口'));
    if (!again.ok) throw new Error(JSON.stringify(again));
    const r = await river('撤销涌');
    expect((await flood.req('PATCH', `/api/rivers/${r.id}`, { version: r.version, chief: '王河长' })).status).toBe(200);
    await expect(undoImport(ctx, ledger('rivers'), again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
  });
});

describe('every rivers ledger', () => {
  it.each(['rivers', 'water-samples'])('re-importing the export of %s changes nothing', async (key) => {
    const def = ledger(key);
    const rows = await def.exportRows(ctx);
    expect(rows.length).toBeGreaterThan(0);
    const res = await importLedger(sys, ctx, def, { file: { data: writeCsv(def.spec, rows), filename: `${key}.csv` } });
    expect(res.ok, JSON.stringify(res).slice(0, 500)).toBe(true);
    if (!res.ok) return;
    expect({ created: res.created, updated: res.updated, unchanged: res.unchanged }).toEqual({ created: 0, updated: 0, unchanged: rows.length });
  });
});
