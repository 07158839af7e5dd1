import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../helpers/http.js';
import { orgsByName } from '../../../src/core/orgs.js';
import { history } from '../../../src/core/audit/audit.js';
import { importLedger } from '../../../src/core/ledger/ledger.js';
import { expectRefused, serverSuite } from '../../helpers/server.js';

let orgs: Awaited<ReturnType<typeof orgsByName>>;

const env = serverSuite({ flood: 'flood', wushan: 'wushan' });
beforeAll(async () => {
  orgs = await orgsByName(env.sys.db, env.tenantId);
});

describe('the 2022 figures of the report, each drillable to its records', () => {
  it.each([
    ['flood.person_times', 8640, 36],
    ['flood.pump_times', 3888, 36],
    ['flood.vehicle_times', 2112, 36],
    ['flood.plans_completed', 12, 12],
    ['flood.emergency_works', 34, 34],
    ['flood.risk_points.registered', 45, 45],
    ['flood.risk_points.remediated', 29, 29],
    ['flood.risk_points.in_progress', 16, 16],
  ])('%s = %s', async (key, value, total) => {
    const res = await env.flood.req('GET', `/api/metrics/${key}/drill?year=2022`);
    expect(res.status).toBe(200);
    expect(res.body.data.value).toBe(value);
    expect(res.body.data.total).toBe(total);
    if (key.startsWith('flood.person')) expect(res.body.data.rows.reduce((a: number, r: any) => a + r.persons, 0)).toBe(8640);
  });

  it('counts a point remediated in 2023 as in progress at the end of 2022', async () => {
    const r22 = (await env.flood.req('GET', '/api/metrics/flood.risk_points.in_progress/drill?year=2022')).body.data.rows;
    const doneLater = r22.filter((r: any) => r.status === '已完成');
    expect(doneLater.length).toBeGreaterThan(0);
    expect(doneLater.every((r: any) => r.completed_on === null)).toBe(true);
  });
});

describe('flood-risk points', () => {
  let id: string;
  it('rejects bad input naming the field, and creates nothing', async () => {
    const before = (await env.flood.req('GET', '/api/flood/risk-points')).body.data.length;
    const res = await env.flood.req('POST', '/api/flood/risk-points', {
      code: 'T-1',
      name: '测试点',
      orgId: orgs.get('五山街道')!.id,
      registeredOn: '2022-02-30',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'registeredOn' });
    expect(res.body.message).toContain('纳入台账日期');
    const lng = await env.flood.req('POST', '/api/flood/risk-points', {
      code: 'T-1',
      name: '测试点',
      orgId: orgs.get('五山街道')!.id,
      registeredOn: '2022-03-01',
      lng: 113.3,
    });
    expect(lng.body).toMatchObject({ field: 'lat' });
    expect((await env.flood.req('GET', '/api/flood/risk-points')).body.data.length).toBe(before);
  });

  it('registers a point, takes progress forward only, and records each step', async () => {
    const res = await env.flood.req('POST', '/api/flood/risk-points', {
      code: 'T-1',
      name: '五山路测试点',
      orgId: orgs.get('五山街道')!.id,
      registeredOn: '2022-03-01',
      lng: 113.35,
      lat: 23.15,
      riskLevel: '高',
      adminPerson: '甲',
      techPerson: '乙',
      patrolPerson: '丙',
    });
    expect(res.status).toBe(201);
    id = res.body.data.id;
    expect(res.body.data).toMatchObject({ status: '未整治', street: '五山街道' });
    const p1 = await env.wushan.req('POST', `/api/flood/risk-points/${id}/progress`, { onDate: '2022-04-01', status: '整治中', note: '开始施工' });
    expect(p1.status).toBe(201);
    const back = await env.wushan.req('POST', `/api/flood/risk-points/${id}/progress`, { onDate: '2022-05-01', status: '未整治', note: '退回' });
    expect(back.status).toBe(400);
    expect(back.body).toMatchObject({ field: 'status' });
    const early = await env.flood.req('POST', `/api/flood/risk-points/${id}/progress`, { onDate: '2022-03-15', status: '已完成', note: '完工' });
    expect(early.body.message).toContain('早于上一次进展');
    const done = await env.flood.req('POST', `/api/flood/risk-points/${id}/progress`, { onDate: '2022-06-01', status: '已完成', note: '完工验收' });
    expect(done.body.data.point).toMatchObject({ status: '已完成', completedOn: '2022-06-01' });
    const detail = (await env.flood.req('GET', `/api/flood/risk-points/${id}`)).body.data;
    expect(detail.progress.map((p: any) => p.status)).toEqual(['整治中', '已完成']);
    expect(detail.actions).toEqual({ edit: true, progress: false });
    const events = await history(env.sys.db, env.tenantId, 'flood.risk_point', id);
    expect(events.map((e) => `${e.entity}.${e.action}`)).toEqual(['flood.risk_point.created', 'flood.risk_point.progressed', 'flood.risk_point.progressed']);
    expect(events[2]!.changes.fields).toContainEqual({ field: 'status', before: '整治中', after: '已完成' });
    expect(events[2]!.actorName).toBe('赵防汛');
  });

  it('refuses a stale edit with 409', async () => {
    const cur = (await env.flood.req('GET', `/api/flood/risk-points/${id}`)).body.data;
    expect((await env.flood.req('PATCH', `/api/flood/risk-points/${id}`, { version: cur.version, measure: '扩建管道' })).status).toBe(200);
    const stale = await env.flood.req('PATCH', `/api/flood/risk-points/${id}`, { version: cur.version, measure: '改为别的' });
    expect(stale.status).toBe(409);
  });

  it("shows a street only its own points; another street's point is 404", async () => {
    const mine = (await env.wushan.req('GET', '/api/flood/risk-points')).body.data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((p: any) => p.street === '五山街道')).toBe(true);
    const other = (await env.flood.req('GET', '/api/flood/risk-points')).body.data.find((p: any) => p.street !== '五山街道');
    expect((await env.wushan.req('GET', `/api/flood/risk-points/${other.id}`)).status).toBe(404);
    expect((await env.wushan.req('POST', `/api/flood/risk-points/${other.id}/progress`, { onDate: '2022-06-01', status: '整治中', note: 'x' })).status).toBe(
      404,
    );
    expect((await env.wushan.req('GET', `/api/history/flood.risk_point/${other.id}`)).status).toBe(404);
    const m = (await env.wushan.req('GET', '/api/metrics/flood.risk_points.registered/drill?year=2022')).body.data;
    expect(m.rows.every((r: any) => r.street === '五山街道')).toBe(true);
  });
});

describe('duty roster', () => {
  const day = (date: string, a = '甲干部', b = '乙干部') => [
    { date, shift: '全天', role: 'A角', person: a, phone: '13800000001' },
    { date, shift: '全天', role: 'B角', person: b },
  ];

  it('rejects a day without a B role, naming the entry, and changes nothing', async () => {
    const res = await env.flood.req('PUT', '/api/flood/duty', {
      entries: [...day('2024-07-01'), { date: '2024-07-02', shift: '全天', role: 'A角', person: '丙干部' }],
    });
    expectRefused(res, 'entries.2.role', '2024-07-02 没有B角');
    expect((await env.flood.req('GET', '/api/flood/duty?from=2024-07-01&to=2024-07-02')).body.data.entries).toEqual([]);
  });

  it('rejects one person on two overlapping shifts, also across midnight', async () => {
    const res = await env.flood.req('PUT', '/api/flood/duty', {
      entries: [...day('2024-07-01'), ...day('2024-07-02', '丙干部', '丁干部'), { date: '2024-07-02', shift: '夜班', role: 'A角', person: '甲干部' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('时间重叠');
    expect(res.body.details.length).toBe(1);
  });

  it('saves a valid roster, audits each day, and masks phones for readers', async () => {
    const res = await env.flood.req('PUT', '/api/flood/duty', { entries: [...day('2024-07-01'), ...day('2024-07-02', '丙干部', '丁干部')] });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ days: 2, changedDays: 2, entries: 4 });
    const events = await history(env.sys.db, env.tenantId, 'flood.duty', '2024-07-01');
    expect(events.at(-1)).toMatchObject({ action: 'scheduled' });
    expect(events.at(-1)!.changes.fields).toContainEqual({ field: 'roster', before: null, after: '全天A角 甲干部；全天B角 乙干部' });
    const viewer = await login(env.app, 'viewer');
    const rows = (await viewer.req('GET', '/api/flood/duty?from=2024-07-01&to=2024-07-01')).body.data.entries;
    expect(rows.find((r: any) => r.person === '甲干部').phone).toBe('138****0001');
  });

  it('a roster import: a line that cannot be is a row error (nothing written); a broken duty rule is a finding, not a refusal', async () => {
    const def = env.sys.registry.ledgers.get('duty-roster')!;
    const csv = [
      '日期,班次,角色 (A角/B角),姓名,联系电话',
      '2024-08-01,全天,A角,甲干部,',
      '2024-08-01,全天,B角,乙干部,',
      '2024-08-02,全天,A角,丙干部,',
      '2024-08-02,早班,B角,丙干部,',
    ].join('\n');
    const bad = await importLedger(env.sys, env.ctx, def, {
      file: { data: Buffer.from(csv.replace('2024-08-01,全天,B角', '2024-08-01,上午班,B角')), filename: '值班表.csv' },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toEqual([{ row: 3, column: '班次', message: expect.stringContaining('班次“上午班”无效'), value: '上午班' }]);
    const n = await env.sys.db
      .selectFrom('flood_duty' as any)
      .select((eb: any) => eb.fn.countAll().as('n'))
      .where('duty_date', '>=', '2024-08-01')
      .executeTakeFirst();
    expect(Number((n as any).n)).toBe(0);
    const res = await importLedger(env.sys, env.ctx, def, { file: { data: Buffer.from(csv), filename: '值班表.csv' } });
    expect(res).toMatchObject({ ok: true, created: 4 });
    if (!res.ok) return;
    expect(res.findings).toEqual([
      {
        row: 5,
        column: '姓名',
        rule: 'flood.duty_no_overlap',
        statute: expect.stringContaining('值班制度'),
        message: expect.stringContaining('与第4行（2024-08-02 全天）时间重叠'),
      },
    ]);
  });
});

describe('drought / salt-tide dispatch', () => {
  it('lists the warning with a dispatch every day and no missing days', async () => {
    const ws = (await env.flood.req('GET', '/api/flood/warnings')).body.data;
    const w = (await env.flood.req('GET', `/api/flood/warnings/${ws[0].id}`)).body.data;
    expect(w.dispatches).toHaveLength(81);
    expect(w.missingDays).toEqual([]);
  });
  it('refuses a second dispatch on the same day and one outside the warning', async () => {
    const ws = (await env.flood.req('GET', '/api/flood/warnings')).body.data;
    const dup = await env.flood.req('POST', `/api/flood/warnings/${ws[0].id}/dispatches`, { onDate: '2022-02-01', content: '再次调度' });
    expect(dup.status).toBe(409);
    const out = await env.flood.req('POST', `/api/flood/warnings/${ws[0].id}/dispatches`, { onDate: '2022-04-01', content: '预警已解除' });
    expect(out.body).toMatchObject({ field: 'onDate' });
  });
});

describe('responsible persons of water works', () => {
  it('publishes the list to the public without a login, phones masked, with later changes', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/public/flood/responsible-persons?year=2023' });
    expect(res.statusCode).toBe(200);
    const d = res.json().data;
    expect(d.publishedOn).toBe('2023-03-28');
    expect(d.works.length).toBe(17);
    expect(d.works[0].admin.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(res.body).not.toMatch(/"1\d{10}"/);
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0].change).toContain('巡查责任人由');
  });

  it('records a change of responsible person in the work’s history', async () => {
    const list = (await env.flood.req('GET', '/api/flood/works')).body.data;
    const w = list.works[1];
    const res = await env.flood.req('PATCH', `/api/flood/works/${w.id}`, {
      version: w.version,
      tech: { name: '新技术员', phone: '13900001111' },
      reason: '人员调动',
    });
    expect(res.status).toBe(200);
    const events = await history(env.sys.db, env.tenantId, 'flood.work', w.id);
    const last = events.at(-1)!;
    expect(last.action).toBe('updated');
    expect(last.changes.note).toEqual({ reason: '人员调动' });
    expect(last.changes.fields).toContainEqual({ field: 'techName', before: w.tech.name, after: '新技术员' });
    expect(JSON.stringify(last.changes)).not.toContain('13900001111');
    const bad = await env.flood.req('PATCH', `/api/flood/works/${w.id}`, { version: w.version + 1, tech: { phone: '12345' } });
    expect(bad.body).toMatchObject({ code: 'VALIDATION', field: 'tech.phone' });
  });
});
