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
    expect(r.body.data.gb3838.do).toMatchObject({ kind: 'min', limits: [7.5, 6, 5, 3, 2], source: 'GB 3838-2002 表1 第3项' });
    expect(r.body.data.gb3838Lake.tp).toMatchObject({ limits: [0.01, 0.025, 0.05, 0.1, 0.2], source: 'GB 3838-2002 表1 第8项（湖、库）' });
    expect(r.body.data.gb3838Lake.tn).toMatchObject({ limits: [0.2, 0.5, 1.0, 1.5, 2.0], source: 'GB 3838-2002 表1 第9项（仅湖、库）' });
    expect(r.body.data.waterTypes).toEqual(['河流', '湖泊', '水库']);
    expect(Object.keys(r.body.data.periodClassMethods)).toEqual(['worst_month', 'period_mean']);
    expect(r.body.data.blackOdour.transparency).toMatchObject({ light: 25, severe: 10 });
    expect(r.body.data.blackOdour.source).toContain('建城〔2015〕130号');
  });
});

describe('lakes and reservoirs (GB 3838-2002 表1 湖、库)', () => {
  it('a water body has a type: 河流 by default, 湖泊 or 水库 on the form; a bad one names the field and changes nothing', async () => {
    const made = await flood.req('POST', '/api/rivers', { name: '测试湖', sections: ['测试湖心'] });
    expect(made.status).toBe(201);
    expect(made.body.data.waterType).toBe('河流');
    const bad = await flood.req('PATCH', `/api/rivers/${made.body.data.id}`, { version: made.body.data.version, waterType: '池塘' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION', field: 'waterType' });
    const lake = await flood.req('PATCH', `/api/rivers/${made.body.data.id}`, { version: made.body.data.version, waterType: '湖泊' });
    expect(lake.body.data).toMatchObject({ waterType: '湖泊', version: made.body.data.version + 1 });
    const events = await history(sys.db, tenantId, 'rivers.river', made.body.data.id);
    expect(events.at(-1)?.action).toBe('updated');
  });

  it('a lake’s sample is classed by the 湖、库 总磷 and by 总氮; a river’s ignores 总氮', async () => {
    const lake = (await flood.req('GET', '/api/rivers')).body.data.find((r: any) => r.name === '测试湖');
    const body = { riverId: lake.id, sectionId: lake.sections[0].id, doMgl: 7.6, tpMgl: 0.04, tnMgl: 1.2 };
    const s = (await flood.req('POST', '/api/water-samples', { ...body, sampledOn: '2023-05-03' })).body.data;
    // TP 0.04 → III in a lake (II in a river); TN 1.2 → IV.
    expect(s).toMatchObject({ waterType: '湖泊', gbClass: 'IV', classByParam: { do: 'I', tp: 'III', tn: 'IV' }, classDecidedBy: ['tn'], tnMgl: 1.2 });
    const river = (await flood.req('GET', '/api/rivers')).body.data.find((r: any) => r.name === '车陂涌');
    const r = (await flood.req('POST', '/api/water-samples', { ...body, riverId: river.id, sectionId: river.sections[0].id, sampledOn: '2023-05-03' })).body
      .data;
    expect(r).toMatchObject({ waterType: '河流', gbClass: 'II', classByParam: { do: 'I', tp: 'II' }, classDecidedBy: ['tp'] });
    expect(r.classByParam.tn).toBeUndefined();
  });

  it('changing a water body’s type classes its samples again', async () => {
    const lake = (await flood.req('GET', '/api/rivers')).body.data.find((r: any) => r.name === '测试湖');
    const back = await flood.req('PATCH', `/api/rivers/${lake.id}`, { version: lake.version, waterType: '河流' });
    expect(back.status).toBe(200);
    const samples = (await flood.req('GET', `/api/water-samples?riverId=${lake.id}`)).body.data;
    expect(samples.map((x: any) => [x.waterType, x.gbClass])).toEqual([['河流', 'II']]);
    const again = await flood.req('PATCH', `/api/rivers/${lake.id}`, { version: back.body.data.version, waterType: '水库' });
    expect(again.body.data.waterType).toBe('水库');
    expect((await flood.req('GET', `/api/water-samples?riverId=${lake.id}`)).body.data.map((x: any) => x.gbClass)).toEqual(['IV']);
  });

  it('the register import takes an optional 水体类型 column; without it a known water body keeps its type', async () => {
    const def = sys.registry.ledgers.get('rivers')!;
    const c = sys.ctx(systemActor(tenantId));
    const withType = ['河涌名称,长度 (km),所在街道,河长,监测断面,水体类型', '测试水库,1.5,,,测试库区,水库', '测试湖,,,,,'].join('\n');
    expect(await importLedger(sys, c, def, { file: { data: Buffer.from(withType), filename: 'r.csv' } })).toMatchObject({ ok: true, created: 1 });
    const all = (await flood.req('GET', '/api/rivers')).body.data;
    expect(all.find((r: any) => r.name === '测试水库').waterType).toBe('水库');
    expect(all.find((r: any) => r.name === '测试湖').waterType).toBe('水库');
    const badType = ['河涌名称,水体类型', '测试水库,海湾'].join('\n');
    const bad = await importLedger(sys, c, def, { file: { data: Buffer.from(badType), filename: 'r.csv' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => [e.row, e.column])).toEqual([[2, '水体类型']]);
    // The samples import takes an optional 总氮 column.
    const samples = sys.registry.ledgers.get('water-samples')!;
    const rows = ['河涌名称,断面,采样日期,溶解氧 (mg/L),总磷 (mg/L),总氮 (mg/L)', '测试水库,测试库区,2023-05-04,7.6,0.02,0.4'].join('\n');
    expect(await importLedger(sys, c, samples, { file: { data: Buffer.from(rows), filename: 's.csv' } })).toMatchObject({ ok: true, created: 1 });
    const got = (await flood.req('GET', '/api/water-samples')).body.data.find((x: any) => x.river === '测试水库');
    expect(got).toMatchObject({ tnMgl: 0.4, gbClass: 'II', classByParam: { do: 'I', tp: 'II', tn: 'II' } });
  });
});

describe('the period class: which method, said', () => {
  it('the river page names the method; worst_month by default, period_mean on request', async () => {
    const river = (await flood.req('GET', '/api/rivers')).body.data.find((r: any) => r.name === '珠江前航道（天河段）');
    const byMonth = (await flood.req('GET', `/api/rivers/${river.id}?year=2022`)).body.data.sectionClasses[0];
    expect(byMonth).toMatchObject({ section: '猎德', class: 'IV', method: 'worst_month', methodLabel: '月均值最差月份法', period: null });
    expect(byMonth.methodSource).toContain('METRICS.md');
    const mean = (await flood.req('GET', `/api/rivers/${river.id}?year=2022&classMethod=period_mean`)).body.data.sectionClasses[0];
    expect(mean).toMatchObject({ section: '猎德', method: 'period_mean', methodLabel: '时段均值法', worstMonth: null });
    expect(mean.methodSource).toContain('环办〔2011〕22号');
    expect(mean.period.samples).toBe(12);
    // 猎德 is class III in nine months and IV (ammonia) in June–August: the year's mean ammonia is under 1.0.
    expect(mean.class).toBe('III');
    expect((await flood.req('GET', `/api/rivers/${river.id}?classMethod=median`)).status).toBe(400);
  });

  it('both are metrics; the report’s figure keeps the worst-month rule and says so in its definition', async () => {
    const all = (await flood.req('GET', '/api/metrics?year=2022')).body.data;
    const worst = all.find((m: any) => m.key === 'rivers.section_class.猎德');
    const mean = all.find((m: any) => m.key === 'rivers.section_class_mean.猎德');
    expect([worst.value, mean.value]).toEqual(['IV', 'III']);
    expect(worst.definition).toContain('评价方法：月均值最差月份法');
    expect(mean.definition).toContain('地表水环境质量评价办法（试行）（环办〔2011〕22号）');
    const drill = (await flood.req('GET', `/api/metrics/${encodeURIComponent('rivers.section_class_mean.猎德')}/drill?year=2022`)).body.data;
    expect(drill.rows.every((r: any) => r.method === '时段均值法')).toBe(true);
  });
});
