import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login } from '../../helpers/http.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ enf: 'enforcer' });

describe('双随机、一公开', () => {
  let planId: string;
  let drawId: string;
  let itemId: string;

  it('draws a plan from a given seed: ⌈10 %⌉ of the entities, two eligible inspectors each', async () => {
    itemId = (await env.enf.req('GET', '/api/inspections/items')).body.data.find((i: any) => i.entityKind === '取水户').id;
    const p = await env.enf.req('POST', '/api/inspections/plans', {
      year: 2023,
      title: '2023年取水户随机抽查',
      itemId,
      ratioPercent: 30,
      windowFrom: '2023-05-04',
      windowTo: '2023-06-30',
    });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    planId = p.body.data.id;
    expect(p.body.data.actions).toEqual([{ event: 'draw', label: '随机抽取', allowed: true, reasons: [], to: 'drawn' }]);
    const d = await env.enf.req('POST', `/api/inspections/plans/${planId}/draw`, { seed: '20230504', drawnOn: '2023-05-04' });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    drawId = d.body.data.id;
    expect(d.body.data).toMatchObject({ seed: '20230504', algorithm: 'mulberry32-fisher-yates/v1', population: 8, sampleSize: 3 });
    const detail = (await env.enf.req('GET', `/api/inspections/plans/${planId}`)).body.data;
    expect(detail.tasks).toHaveLength(3);
    const conflicts = (await env.enf.req('GET', '/api/inspections/conflicts')).body.data;
    for (const t of detail.tasks) {
      expect(t.inspectorIds.length).toBeGreaterThanOrEqual(2);
      for (const i of t.inspectorIds) expect(conflicts.some((c: any) => c.inspectorId === i && c.entityId === t.entityId)).toBe(false);
    }
  });

  it('refuses a second draw of the same plan', async () => {
    const again = await env.enf.req('POST', `/api/inspections/plans/${planId}/draw`, { seed: 'other', drawnOn: '2023-05-05' });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('ALREADY_DRAWN');
    const plan = (await env.enf.req('GET', `/api/inspections/plans/${planId}`)).body.data.plan;
    expect(plan.actions).toEqual([]);
  });

  it('re-running the recorded draw verifies it; a tampered task is caught', async () => {
    const ok = await env.enf.req('POST', `/api/inspections/draws/${drawId}/verify`);
    expect(ok.body.data).toMatchObject({ ok: true });
    // Someone swaps an inspector directly in the database.
    await sql`UPDATE insp_task SET inspector_ids = '["00000000-0000-0000-0000-000000000001","00000000-0000-0000-0000-000000000002"]'::jsonb WHERE draw_id = ${drawId} AND id = (SELECT id FROM insp_task WHERE draw_id = ${drawId} ORDER BY id LIMIT 1)`.execute(
      env.sys.db,
    );
    const bad = await env.enf.req('POST', `/api/inspections/draws/${drawId}/verify`);
    expect(bad.body.data.ok).toBe(false);
  });

  it('the same seed on the same registers gives the same picks in another plan', async () => {
    const p = await env.enf.req('POST', '/api/inspections/plans', {
      year: 2023,
      title: '复核用计划',
      itemId,
      ratioPercent: 30,
      windowFrom: '2023-07-03',
      windowTo: '2023-08-31',
    });
    await env.enf.req('POST', `/api/inspections/plans/${p.body.data.id}/draw`, { seed: '20230504', drawnOn: '2023-07-03' });
    const a = (await env.enf.req('GET', `/api/inspections/plans/${planId}`)).body.data.tasks.map((t: any) => t.entityId).sort();
    const b = (await env.enf.req('GET', `/api/inspections/plans/${p.body.data.id}`)).body.data.tasks.map((t: any) => t.entityId).sort();
    expect(b).toEqual(a);
  });

  it('records a result and publishes it within 20 working days (tracked)', async () => {
    const t = (await env.enf.req('GET', `/api/inspections/plans/${planId}`)).body.data.tasks[1];
    const missing = await env.enf.req('POST', `/api/inspections/tasks/${t.id}/result`, {
      inspectedOn: '2023-05-10',
      result: '发现问题已责令整改',
      version: t.version,
    });
    expect(missing.body.field).toBe('problems');
    const r = await env.enf.req('POST', `/api/inspections/tasks/${t.id}/result`, { inspectedOn: '2023-05-10', result: '未发现问题', version: t.version });
    // Wed 10 May 2023 + 20 working days, no holiday in between (Dragon Boat is 22–24 June): Wed 7 June.
    expect(r.body.data).toMatchObject({
      publishDueOn: '2023-06-07',
      actions: [{ event: 'publish', label: '公示检查结果', allowed: true, reasons: [], to: 'published' }],
    });
    const twice = await env.enf.req('POST', `/api/inspections/tasks/${t.id}/result`, {
      inspectedOn: '2023-05-11',
      result: '未发现问题',
      version: r.body.data.version,
    });
    expect(twice.status).toBe(422);
    expect(twice.body).toMatchObject({ code: 'ALREADY_RECORDED', message: '当前阶段（已检查（待公示））不能登记检查结果' });
    const dl = (await env.enf.req('GET', '/api/deadlines?module=inspections')).body.data.find((d: any) => d.entityId === t.id);
    expect(dl).toMatchObject({ title: '抽查结果公示期限', due: '2023-06-07' });
    const p = await env.enf.req('POST', `/api/inspections/tasks/${t.id}/publish`, { publishedOn: '2023-05-15', version: r.body.data.version });
    expect(p.body.data).toMatchObject({ publishedOn: '2023-05-15', actions: [] });
    const again = await env.enf.req('POST', `/api/inspections/tasks/${t.id}/publish`, { publishedOn: '2023-05-16', version: p.body.data.version });
    expect(again.body.code).toBe('ALREADY_PUBLISHED');
  });

  it('demo 2022: every inspection published on time, drillable', async () => {
    const d = (await env.enf.req('GET', '/api/metrics/inspections.published_on_time_rate/drill?year=2022')).body.data;
    expect(d.value).toBe(100);
    expect(d.total).toBe((await env.enf.req('GET', '/api/metrics/inspections.inspected/drill?year=2022')).body.data.value);
  });

  it('refuses a plan with one inspector per entity, naming the field', async () => {
    const r = await env.enf.req('POST', '/api/inspections/plans', {
      year: 2023,
      title: 'x',
      itemId,
      ratioPercent: 10,
      perEntity: 1,
      windowFrom: '2023-05-04',
      windowTo: '2023-06-30',
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('perEntity');
  });
});

describe('every route answers in its declared shape (the test server checks each answer against its schema)', () => {
  it('registers an item, an entity, an inspector and their conflict, and lists the registers', async () => {
    const admin = await login(env.app, 'admin');
    const item = await admin.req('POST', '/api/inspections/items', { code: 'SHAPE-I1', name: '形状测试事项', entityKind: '形状测试类' });
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    expect(item.body.data).toMatchObject({ code: 'SHAPE-I1', entityKind: '形状测试类', basis: null, method: null });
    const ent = await admin.req('POST', '/api/inspections/entities', { code: 'SHAPE-E1', name: '形状测试对象', kind: '形状测试类', street: '五山街道' });
    expect(ent.status, JSON.stringify(ent.body)).toBe(201);
    expect(ent.body.data).toMatchObject({ code: 'SHAPE-E1', street: '五山街道', uscc: null, active: true });
    const ins = await admin.req('POST', '/api/inspections/inspectors', { code: 'SHAPE-P1', name: '形状检查员', certNo: '44010000001' });
    expect(ins.status, JSON.stringify(ins.body)).toBe(201);
    expect(ins.body.data).toMatchObject({ code: 'SHAPE-P1', certNo: '44010000001', active: true });
    const c = await admin.req('POST', '/api/inspections/conflicts', { inspectorId: ins.body.data.id, entityId: ent.body.data.id, reason: '近亲属任职' });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body.data).toMatchObject({ inspectorId: ins.body.data.id, entityId: ent.body.data.id, reason: '近亲属任职' });

    const entities = await env.enf.req('GET', '/api/inspections/entities?kind=形状测试类');
    expect(entities.status, JSON.stringify(entities.body)).toBe(200);
    expect(entities.body.data).toEqual([ent.body.data]);
    const inspectors = await env.enf.req('GET', '/api/inspections/inspectors');
    expect(inspectors.status, JSON.stringify(inspectors.body)).toBe(200);
    expect(inspectors.body.data).toContainEqual(ins.body.data);
    expect((await env.enf.req('GET', '/api/inspections/conflicts')).body.data).toContainEqual(c.body.data);
    const plans = await env.enf.req('GET', '/api/inspections/plans?year=2022');
    expect(plans.status, JSON.stringify(plans.body)).toBe(200);
    expect(plans.body.data.length).toBeGreaterThan(0);
    expect(plans.body.data.every((p: { drawId: string | null }) => p.drawId)).toBe(true);
  });
});
