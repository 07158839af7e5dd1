import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import type { System } from '../../../src/core/system.js';
import { listTenants } from '../../../src/core/tenant.js';
import { history } from '../../../src/core/audit/audit.js';
import { importLedger } from '../../../src/core/ledger/ledger.js';
import { systemActor } from '../../../src/core/context.js';
import { yearPeriod, metricQuery } from '../../../src/core/metrics/registry.js';

let sys: System;
let app: FastifyInstance;
let flood: Client;
let tenantId: string;

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  flood = await login(app, 'flood');
  tenantId = (await listTenants(sys.db))[0]!.id;
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('the 2022 figures of the report', () => {
  it('30 rivers, none black-odorous all year', async () => {
    const total = (await flood.req('GET', '/api/metrics/rivers.total/drill?year=2022')).body.data;
    const clean = (await flood.req('GET', '/api/metrics/rivers.not_black_odorous/drill?year=2022')).body.data;
    expect([total.value, total.total, clean.value, clean.total]).toEqual([30, 30, 30, 30]);
    expect(clean.rows.every((r: any) => r.black_samples === 0)).toBe(true);
  });

  it('the Liede section is class IV: one metric per section named in the register', async () => {
    const all = (await flood.req('GET', '/api/metrics?year=2022')).body.data;
    const members = all.filter((m: any) => m.key.startsWith('rivers.section_class.'));
    expect(members).toHaveLength(30);
    expect(members.find((m: any) => m.key === 'rivers.section_class.猎德')).toMatchObject({ value: 'IV', unit: 'class' });
    const drill = (await flood.req('GET', `/api/metrics/${encodeURIComponent('rivers.section_class.猎德')}/drill?year=2022`)).body.data;
    expect(drill.value).toBe('IV');
    expect(drill.total).toBe(12);
    expect(drill.rows.filter((r: any) => String(r.month_class).includes('最差月'))).toHaveLength(1);
  });

  it('a section added to the register becomes a metric without code changes', async () => {
    const river = (await flood.req('GET', '/api/rivers')).body.data.find((r: any) => r.name === '沙河涌');
    const res = await flood.req('PATCH', `/api/rivers/${river.id}`, {
      version: river.version,
      sections: [...river.sections.map((s: any) => s.name), '沙河涌中游'],
    });
    expect(res.status).toBe(200);
    const keys = (await sys.registry.metrics.expand(metricQuery(sys.ctx(systemActor(tenantId)), yearPeriod(2022)))).map((m) => m.key);
    expect(keys).toContain('rivers.section_class.沙河涌中游');
    expect(
      await sys.registry.metrics.resolve('rivers.section_class.沙河涌中游')!.query(metricQuery(sys.ctx(systemActor(tenantId)), yearPeriod(2022))),
    ).toBeNull();
  });
});

describe('recording a water sample', () => {
  it('classifies a clean sample and raises no alert', async () => {
    const river = (await flood.req('GET', '/api/rivers')).body.data.find((r: any) => r.name === '车陂涌');
    const res = await flood.req('POST', '/api/water-samples', {
      riverId: river.id,
      sectionId: river.sections[0].id,
      sampledOn: '2023-05-10',
      doMgl: 5.5,
      nh3nMgl: 1.2,
      tpMgl: 0.15,
      transparencyCm: 50,
      depthCm: 120,
      orpMv: 150,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ gbClass: 'IV', classDecidedBy: ['nh3n'], blackGrade: 'none', alert: null });
  });

  it('a black-odorous sample raises an alert to the river’s owner, seen by that street only', async () => {
    const rivers = (await flood.req('GET', '/api/rivers')).body.data;
    const river = rivers.find((r: any) => r.owner === '五山街道');
    const res = await flood.req('POST', '/api/water-samples', {
      riverId: river.id,
      sampledOn: '2023-05-11',
      transparencyCm: 8,
      depthCm: 20,
      doMgl: 1.5,
      orpMv: 30,
      nh3nMgl: 6,
    });
    expect(res.status).toBe(201);
    const s = res.body.data;
    expect(s.blackGrade).toBe('severe');
    expect(s.blackByParam).toEqual({ transparency: 'severe', do: 'light', orp: 'light', nh3n: 'none' });
    expect(s.transparencyBound).toBe(8);
    expect(s.alert).toMatchObject({ grade: 'severe', owner: '五山街道', status: 'open' });
    expect(s.alert.message).toContain(river.chief);
    const events = await history(sys.db, tenantId, 'rivers.alert', s.alert.id);
    expect(events.map((e) => `${e.entity}.${e.action}`)).toEqual(['rivers.alert.raised']);
    expect((await history(sys.db, tenantId, 'rivers.sample', s.id)).map((e) => e.action)).toEqual(['recorded']);

    const wushan = await login(app, 'wushan');
    const yuancun = await login(app, 'yuancun');
    expect((await wushan.req('GET', '/api/river-alerts?status=open')).body.data.map((a: any) => a.id)).toContain(s.alert.id);
    expect((await yuancun.req('GET', '/api/river-alerts')).body.data.map((a: any) => a.id)).not.toContain(s.alert.id);
    expect((await yuancun.req('GET', `/api/water-samples/${s.id}`)).status).toBe(404);

    const handled = await wushan.req('POST', `/api/river-alerts/${s.alert.id}/handle`, { version: s.alert.version, note: '已排查排污口并截污' });
    expect(handled.body.data).toMatchObject({ status: 'handled', handledBy: '周五山' });
    expect((await wushan.req('POST', `/api/river-alerts/${s.alert.id}/handle`, { version: s.alert.version + 1, note: '再次' })).status).toBe(422);

    // The river now counts as black-odorous in 2023.
    expect((await flood.req('GET', '/api/metrics/rivers.not_black_odorous/drill?year=2023')).body.data.value).toBe(28);
  });

  it('rejects bad input naming the field, and records nothing', async () => {
    const river = (await flood.req('GET', '/api/rivers')).body.data[0];
    const before = (await flood.req('GET', `/api/water-samples?riverId=${river.id}`)).body.data.length;
    expect((await flood.req('POST', '/api/water-samples', { riverId: river.id, sampledOn: '2023-05-12' })).body).toMatchObject({
      code: 'VALIDATION',
      field: 'doMgl',
    });
    expect((await flood.req('POST', '/api/water-samples', { riverId: river.id, sampledOn: '2023-05-12', doMgl: -1 })).body).toMatchObject({ field: 'doMgl' });
    expect((await flood.req('POST', '/api/water-samples', { riverId: river.id, sampledOn: '2023-05-12', transparencyCm: 80, depthCm: 50 })).body).toMatchObject(
      { field: 'transparencyCm' },
    );
    expect((await flood.req('GET', `/api/water-samples?riverId=${river.id}`)).body.data.length).toBe(before);
  });

  it('a bad sample import names the row and column; a good one alerts like the form', async () => {
    const header =
      '河涌名称,断面,采样日期,透明度 (cm),水深 (cm),溶解氧 (mg/L),氧化还原电位 (mV),氨氮 (mg/L),总磷 (mg/L),化学需氧量 (mg/L),高锰酸盐指数 (mg/L),五日生化需氧量 (mg/L)';
    const bad = [
      header,
      '深涌,深涌口,2023-05-20,40,100,5,100,1,0.2,20,5,3',
      '不存在涌,,2023-05-20,40,100,5,100,1,0.2,20,5,3',
      '深涌,错断面,2023-05-21,40,100,5,100,1,0.2,20,5,3',
    ].join('\n');
    const ctx = sys.ctx(systemActor(tenantId));
    const def = sys.registry.ledgers.get('water-samples')!;
    const res = await importLedger(sys, ctx, def, { file: { data: Buffer.from(bad), filename: 's.csv' } });
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.errors.map((e) => [e.row, e.column])).toEqual([
        [3, '河涌名称'],
        [4, '断面'],
      ]);
    const good = [header, '深涌,深涌口,2023-05-20,40,100,5,100,1,0.2,20,5,3', '深涌,,2023-05-21,15,100,5,100,1,0.2,20,5,3'].join('\n');
    expect(await importLedger(sys, ctx, def, { file: { data: Buffer.from(good), filename: 's.csv' } })).toMatchObject({ ok: true, created: 2 });
    const alerts = (await flood.req('GET', '/api/river-alerts?status=open')).body.data.filter((a: any) => a.river === '深涌');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].grade).toBe('light');
    expect(await importLedger(sys, ctx, def, { file: { data: Buffer.from(good), filename: 's.csv' } })).toMatchObject({ ok: true, created: 0, unchanged: 2 });
  });

  it('a river page has trend data and the section’s class over the year', async () => {
    const river = (await flood.req('GET', '/api/rivers')).body.data.find((r: any) => r.name === '珠江前航道（天河段）');
    const d = (await flood.req('GET', `/api/rivers/${river.id}?year=2022`)).body.data;
    expect(d.samples).toHaveLength(12);
    expect(d.sectionClasses).toEqual([expect.objectContaining({ section: '猎德', class: 'IV' })]);
  });
});

describe('the standards', () => {
  it('answers the GB 3838 limits and the black-odour thresholds, each with its source', async () => {
    const r = await flood.req('GET', '/api/rivers/rules');
    expect(r.status).toBe(200);
    expect(r.body.data.gb3838.do).toMatchObject({ kind: 'min', limits: [7.5, 6, 5, 3, 2], source: 'GB 3838-2002 表1 第4项' });
    expect(r.body.data.blackOdour.transparency).toMatchObject({ light: 25, severe: 10 });
    expect(r.body.data.blackOdour.source).toContain('建城〔2015〕130号');
  });
});
