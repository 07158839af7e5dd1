import { beforeAll, describe, expect, it } from 'vitest';
import { importLedger, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { writeCsv, writeXlsx } from '../../../src/core/ledger/write.js';
import { usccCheckChar } from '../../../src/core/ledger/validators.js';
import { metricQuery, yearPeriod } from '../../../src/core/metrics/registry.js';
import { serverSuite } from '../../helpers/server.js';

/** 行政检查 / 涉企检查: the demo's 2022 records, the form's rules, the workflow, the 双随机 results, the ledger and the scope. */
let def: LedgerDef<any>;
let officers: any[];
let itemId: string;
const uscc = (body: string) => body + usccCheckChar(body);
const NEW_USCC = uscc('91440106MA5TEXT01');
const BAD_USCC = NEW_USCC.slice(0, 17) + (NEW_USCC.endsWith('0') ? '1' : '0');

const env = serverSuite({ enf: 'enforcer', street: 'wushan' });
beforeAll(async () => {
  def = env.sys.registry.ledgers.get('inspection-records')!;
  const opts = (await env.enf.req('GET', '/api/inspections/records/options')).body.data;
  officers = opts.officers.filter((o: any) => o.orgName === '水政监察大队');
  itemId = opts.items[0].id;
});

const count = async () => (await env.enf.req('GET', '/api/inspections/records')).body.data.length;
const base = () => ({
  inspectedOn: '2023-03-08',
  kind: '投诉举报',
  entityName: '广州市天河区测试餐饮管理有限公司',
  entityUscc: NEW_USCC,
  itemId,
  officerIds: [officers[0].id, officers[1].id],
  offPlanReason: '群众投诉举报（12345热线转办）',
  findings: '隔油池未定期清掏，油污排入市政管网',
  followUp: '责令整改',
  rectifyDueOn: '2023-03-22',
});

describe('the demo bureau in 2022', () => {
  it('has the 双随机 results as records of kind 双随机 beside the 专项, 投诉举报, 上级交办 and 回访 inspections', async () => {
    const list = (await env.enf.req('GET', '/api/inspections/records?year=2022')).body.data;
    expect(list).toHaveLength(33);
    const random = list.filter((r: any) => r.kind === '双随机');
    expect(random).toHaveLength(10);
    for (const r of random) expect(r.taskId).toBeTruthy();
    for (const r of list.filter((x: any) => x.kind !== '双随机')) expect(r.inspectors.length).toBeGreaterThanOrEqual(2);
    expect(list.filter((r: any) => r.kind === '专项').every((r: any) => r.inPlan)).toBe(true);
  });

  it('states the year’s figures from the records, the enterprise over the cap among them', async () => {
    // The module's own figures, computed as the registry computes them (every module's at once is the kernel's test).
    const defs = env.sys.registry.metrics.list().filter((d) => d.key.startsWith('inspections.'));
    const values = await env.sys.registry.metrics.computeAll(metricQuery(env.ctx, yearPeriod(2022)), defs);
    const m = (key: string) => values[key];
    expect(m('inspections.records')).toBe(33);
    expect(m('inspections.random_share')).toBeCloseTo(30.3, 1);
    expect(m('inspections.over_cap_enterprises')).toBe(1);
    expect((await env.enf.req('GET', `/api/metrics/${encodeURIComponent('inspections.records_by_kind.双随机')}/drill?year=2022`)).body.data.total).toBe(10);
    const drill = (await env.enf.req('GET', '/api/metrics/inspections.over_cap_enterprises/drill?year=2022')).body.data;
    expect(drill.total).toBe(1);
    expect(drill.rows[0]).toMatchObject({ inspections: 3, cap: 2 });
    const kindDrill = (await env.enf.req('GET', `/api/metrics/${encodeURIComponent('inspections.records_by_kind.专项')}/drill?year=2022`)).body.data;
    expect(kindDrill.total).toBe(12);
  });
});

describe('registering an inspection', () => {
  it('refuses, naming the field and writing nothing: one officer, a bad 统一社会信用代码, no reason off the plan, a deadline missing, an extra property', async () => {
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ officerIds: [officers[0].id] }, 'officerIds'],
      [{ entityUscc: BAD_USCC }, 'entityUscc'],
      [{ offPlanReason: null }, 'offPlanReason'],
      [{ rectifyDueOn: null }, 'rectifyDueOn'],
      [{ rectifyDueOn: '2023-03-07' }, 'rectifyDueOn'],
      [{ kind: '飞行检查' }, 'kind'],
      [{ followUp: '立案', rectifyDueOn: null }, 'caseId'],
      [{ inspectedOn: '2022-03-01' }, 'officerIds'],
    ];
    for (const [patch, field] of cases) {
      const r = await env.enf.req('POST', '/api/inspections/records', { ...base(), ...patch });
      expect(r.status, `${field}: ${JSON.stringify(r.body)}`).toBe(400);
      expect(r.body.field, JSON.stringify(r.body)).toBe(field);
    }
    const extra = await env.enf.req('POST', '/api/inspections/records', { ...base(), status: 'closed' });
    expect(extra.status).toBe(400);
    expect(await count()).toBe(before);
  });

  let id: string;
  it('registers a complaint inspection of a new enterprise, orders rectification with a tracked deadline, and closes it when rectified', async () => {
    const r = await env.enf.req('POST', '/api/inspections/records', base());
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const rec = r.body.data;
    id = rec.id;
    expect(rec).toMatchObject({ kind: '投诉举报', entityUscc: NEW_USCC, stage: 'rectifying', stageLabel: '整改中', inPlan: false, warnings: [] });
    expect(rec.recordNo).toMatch(/^2023-JC-\d{4}$/);
    expect(rec.actions.map((a: any) => a.event)).toEqual(['rectified', 'escalate']);
    const ent = (await env.enf.req('GET', '/api/inspections/entities')).body.data.find((e: any) => e.uscc === NEW_USCC);
    expect(ent).toBeTruthy();
    const early = await env.enf.req('POST', `/api/inspections/records/${id}/rectified`, { version: rec.version, rectifiedOn: '2023-03-01' });
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('rectifiedOn');
    const close = await env.enf.req('POST', `/api/inspections/records/${id}/close`, { version: rec.version, closedOn: '2023-03-20' });
    expect(close.status).toBe(422);
    const done = await env.enf.req('POST', `/api/inspections/records/${id}/rectified`, { version: rec.version, rectifiedOn: '2023-03-20', note: '复查已整改' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.data).toMatchObject({ stage: 'closed', rectifiedOn: '2023-03-20', closedOn: '2023-03-20', actions: [] });
  });

  it('warns, without refusing, when the same enterprise is inspected beyond the yearly cap (2 by default)', async () => {
    const again = { ...base(), followUp: '无问题', rectifyDueOn: null, findings: '未发现问题' };
    const second = await env.enf.req('POST', '/api/inspections/records', { ...again, inspectedOn: '2023-05-10' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.data.warnings).toEqual([]);
    expect(second.body.data.stage).toBe('closed');
    const third = await env.enf.req('POST', '/api/inspections/records', { ...again, inspectedOn: '2023-06-12' });
    expect(third.status).toBe(201);
    expect(third.body.data.warnings[0]).toContain('超过年度上限2次');
    expect((await env.enf.req('GET', `/api/inspections/records/${third.body.data.id}`)).body.data.warnings).toHaveLength(1);
  });

  it('needs no reason for an inspection in the unit’s annual plan, and takes the plan’s own cap', async () => {
    const ent = (await env.enf.req('GET', '/api/inspections/entities')).body.data.find((e: any) => e.uscc === NEW_USCC);
    const plan = await env.enf.req('POST', '/api/inspections/annual-plans', { year: 2024, title: '2024年度行政检查计划', entityCap: 1 });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    const add = await env.enf.req('POST', `/api/inspections/annual-plans/${plan.body.data.id}/entries`, {
      entries: [{ entityId: ent.id, kind: '专项', month: 4 }],
    });
    expect(add.status, JSON.stringify(add.body)).toBe(201);
    expect(add.body.data).toMatchObject({ id: plan.body.data.id, entries: 1 });
    // An entity not of the register refuses the whole list, naming the entry; nothing added.
    const unknown = await env.enf.req('POST', `/api/inspections/annual-plans/${plan.body.data.id}/entries`, {
      entries: [
        { entityId: ent.id, kind: '专项', month: 5 },
        { entityId: '00000000-0000-4000-8000-000000000000', kind: '专项', month: 5 },
      ],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('entries.1.entityId');
    const body = { ...base(), kind: '专项', inspectedOn: '2024-04-09', offPlanReason: null, followUp: '无问题', rectifyDueOn: null };
    const r = await env.enf.req('POST', '/api/inspections/records', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ inPlan: true, warnings: [] });
    const off = await env.enf.req('POST', '/api/inspections/records', { ...body, inspectedOn: '2024-05-09' });
    expect(off.status).toBe(400);
    expect(off.body.field).toBe('offPlanReason');
    const over = await env.enf.req('POST', '/api/inspections/records', { ...body, inspectedOn: '2024-05-09', offPlanReason: '上级交办' });
    expect(over.body.data.warnings[0]).toContain('超过年度上限1次');
    const detail = (await env.enf.req('GET', `/api/inspections/annual-plans/${plan.body.data.id}`)).body.data;
    expect(detail.entries).toHaveLength(1);
    expect(detail.counts[0]).toMatchObject({ entityId: ent.id, inspections: 2, overCap: true });
  });
});

describe('双随机 results are inspection records', () => {
  it('a task’s result recorded today becomes a record of kind 双随机 in the same write', async () => {
    const plans = (await env.enf.req('GET', '/api/inspections/plans?year=2023')).body.data;
    const detail = (await env.enf.req('GET', `/api/inspections/plans/${plans[0].id}`)).body.data;
    const t = detail.tasks.find((x: any) => !x.inspectedOn);
    const r = await env.enf.req('POST', `/api/inspections/tasks/${t.id}/result`, {
      version: t.version,
      inspectedOn: '2023-05-15',
      result: '发现问题已责令整改',
      problems: '雨污混接',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const recs = (await env.enf.req('GET', `/api/inspections/records?entityId=${t.entityId}&year=2023`)).body.data;
    const rec = recs.find((x: any) => x.taskId === t.id);
    expect(rec).toMatchObject({ kind: '双随机', inspectedOn: '2023-05-15', followUp: '责令整改', findings: '雨污混接', inPlan: true, stage: 'rectifying' });
    expect(rec.recordNo).toMatch(/^2023-SJ-\d{4}$/);
    expect(rec.inspectors.map((i: any) => i.name)).toEqual(t.inspectors);
  });
});

describe('the ledger 行政检查台账', () => {
  it('changes nothing when its own export is imported again (CSV and Excel)', async () => {
    const rows = await def.exportRows(env.ctx);
    expect(rows.length).toBeGreaterThanOrEqual(33);
    const imp = (data: Buffer, filename: string) => importLedger(env.sys, env.ctx, def, { file: { data, filename } });
    const res = await imp(writeCsv(def.spec, rows), 'f.csv');
    expect(res, JSON.stringify(res).slice(0, 1500)).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
    expect(await imp(Buffer.from(await writeXlsx(def.spec, rows)), 'f.xlsx')).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: rows.length });
  });

  it('takes a messy file: a new row numbered on save, an off-plan inspection without reason a finding; an unknown officer a row error naming the column', async () => {
    const [a, b] = officers.map((o: any) => o.name);
    const H = '检查编号,检查日期,检查对象名称,统一社会信用代码,检查类别,检查依据,检查人员,处理结果,整改期限';
    const item = (await env.enf.req('GET', '/api/inspections/items')).body.data[0].name;
    const ok = await importLedger(env.sys, env.ctx, def, {
      file: { data: Buffer.from(`${H}\n ,2023/7/3,广州市天河区测试餐饮管理有限公司,${NEW_USCC},专项,${item},${a}、${b},无问题,\n`), filename: 'm.csv' },
    });
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true, created: 1 });
    expect((ok as any).findings?.length ?? (ok as any).findingCount ?? 1).toBeGreaterThan(0);
    const bad = await importLedger(env.sys, env.ctx, def, {
      file: { data: Buffer.from(`${H}\n,2023-07-04,广州市天河区测试餐饮管理有限公司,${NEW_USCC},专项,${item},${a}、查无此人,无问题,\n`), filename: 'm.csv' },
    });
    expect(bad.ok).toBe(false);
    expect(JSON.stringify(bad)).toContain('检查人员');
  });
});

describe('data scope', () => {
  it('a street sees its own records only and registers in its own unit', async () => {
    expect((await env.street.req('GET', '/api/inspections/records?year=2022')).body.data).toEqual([]);
    const other = (await env.enf.req('GET', '/api/inspections/records?year=2022')).body.data[0];
    expect((await env.street.req('GET', `/api/inspections/records/${other.id}`)).status).toBe(404);
  });
});

describe('hostile input on the 行政检查 routes', () => {
  it('refuses NUL bytes, an impossible date, a 20-digit number and a 1 MB string with a 4xx naming the field, writing nothing', async () => {
    const before = await count();
    const big = 'x'.repeat(1024 * 1024);
    const cases: Array<['POST', string, Record<string, unknown>, string]> = [
      ['POST', '/api/inspections/records', { ...base(), findings: '隔油池\u0000未清掏' }, 'findings'],
      ['POST', '/api/inspections/records', { ...base(), entityName: '测试\u0000公司' }, 'entityName'],
      ['POST', '/api/inspections/records', { ...base(), inspectedOn: '2023-02-30' }, 'inspectedOn'],
      ['POST', '/api/inspections/records', { ...base(), rectifyDueOn: '2023-02-30' }, 'rectifyDueOn'],
      ['POST', '/api/inspections/records', { ...base(), findings: big }, 'findings'],
      ['POST', '/api/inspections/records', { ...base(), entityId: '12345678901234567890' }, 'entityId'],
      ['POST', '/api/inspections/annual-plans', { year: 1e19, title: '计划' }, 'year'],
      ['POST', '/api/inspections/annual-plans', { year: 2024, title: '计划', entityCap: 1e19 }, 'entityCap'],
      ['POST', '/api/inspections/annual-plans', { year: 2024, title: '年度\u0000计划' }, 'title'],
    ];
    const [rec] = (await env.enf.req('GET', '/api/inspections/records?year=2022')).body.data;
    cases.push(
      ['POST', `/api/inspections/records/${rec.id}/order`, { rectifyDueOn: '2023-02-30', version: rec.version }, 'rectifyDueOn'],
      ['POST', `/api/inspections/records/${rec.id}/order`, { rectifyDueOn: '2099-01-01', note: '\u0000', version: rec.version }, 'note'],
      ['POST', `/api/inspections/records/${rec.id}/close`, { closedOn: '2099-01-01', version: 1e19 }, 'version'],
      ['POST', '/api/inspections/records/12345678901234567890/close', { closedOn: '2099-01-01', version: 1 }, 'id'],
    );
    for (const [method, url, body, field] of cases) {
      const r = await env.enf.req(method, url, body);
      expect(r.status, `${url} ${field}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(400);
      expect(r.body.field, JSON.stringify(r.body).slice(0, 300)).toBe(field);
    }
    for (const [query, field] of [
      ['year=12345678901234567890', 'year'],
      ['kind=%00', 'kind'],
      ['year=2023-02-30', 'year'],
    ]) {
      const r = await env.enf.req('GET', `/api/inspections/records?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.body.field, query).toBe(field);
    }
    expect(await count()).toBe(before);
    expect((await env.enf.req('GET', `/api/inspections/records/${rec.id}`)).body.data.version).toBe(rec.version);
  });
});
