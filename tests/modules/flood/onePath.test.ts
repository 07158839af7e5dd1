import { beforeAll, describe, expect, it } from 'vitest';
import { orgsByName } from '../../../src/core/orgs.js';
import { importLedger, importTrace, recordFindings, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { undoImport } from '../../../src/core/ledger/imports.js';
import { serverSuite } from '../../helpers/server.js';
import { writeCsv } from '../../../src/core/ledger/write.js';

/** The one write path of the flood ledgers: forms and imports share saveRiskPoints, saveProgress, saveProjects, saveDeployments, saveDutyDays, saveWorks. */
let wushanId: string;

const ledger = (key: string) => env.sys.registry.ledgers.get(key)! as LedgerDef<any>;
const csv = (...lines: string[]) => Buffer.from(`${lines.join('\n')}\n`);
const importCsv = (key: string, data: Buffer) => importLedger(env.sys, env.ctx, ledger(key), { file: { data, filename: `${key}.csv` } });
const deadlines = async (entityId: string) =>
  (await env.sys.db.selectFrom('tracked_deadline').select(['title', 'due_date']).where('entity_id', '=', entityId).execute()).map((d) => ({ ...d }));
const points = async () => (await env.flood.req('GET', '/api/flood/risk-points')).body.data as Array<Record<string, any>>;
const point = async (code: string) => (await points()).find((p) => p.code === code)!;
const RISK = '编号,名称,所在街道,经度,纬度,风险等级,纳入台账日期,整治措施,整治状态,完成日期,行政责任人,技术责任人,巡查责任人';
const PROGRESS = '编号,名称,进展日期,整治状态,进展情况';
const DUTY = '日期,班次,角色 (A角/B角),姓名,联系电话';

const env = serverSuite({ flood: 'flood' });
beforeAll(async () => {
  wushanId = (await orgsByName(env.sys.db, env.tenantId)).get('五山街道')!.id;
});

describe('flood-risk points', () => {
  it('an import and a form entry of the same point give the same record and the same (no) deadlines', async () => {
    const form = await env.flood.req('POST', '/api/flood/risk-points', {
      code: 'OP-F1',
      name: '五山路一致性测试点',
      orgId: wushanId,
      registeredOn: '2023-03-01',
      lng: 113.35,
      lat: 23.15,
      riskLevel: '高',
      measure: '改造雨水口',
      adminPerson: '甲',
      techPerson: '乙',
      patrolPerson: '丙',
    });
    expect(form.status).toBe(201);
    const res = await importCsv('flood-risk-points', csv(RISK, 'OP-I1,五山路一致性测试点,五山街道,113.35,23.15,高,2023-03-01,改造雨水口,未整治,,甲,乙,丙'));
    expect(res).toMatchObject({ ok: true, created: 1, findings: [] });
    const strip = ({ id: _i, code: _c, version: _v, ...rest }: Record<string, unknown>) => rest;
    const imported = await point('OP-I1');
    expect(strip(imported)).toEqual(strip(form.body.data));
    expect(await deadlines(imported.id)).toEqual(await deadlines(form.body.data.id));
    // The record's history shows where it came from.
    const hist = (await env.flood.req('GET', `/api/history/flood.risk_point/${imported.id}`)).body.data;
    expect(hist[0]).toMatchObject({ action: 'imported', changes: { note: { via: 'ledger:flood-risk-points', row: 2 } } });
    // A new point imported as 未整治 is not a progress step.
    expect((await env.flood.req('GET', `/api/flood/risk-points/${imported.id}`)).body.data.progress).toEqual([]);
  });

  it('a status moved back is a finding of the import (never a refusal), on the record; a point finished before it was registered is a row error', async () => {
    const first = await importCsv('flood-risk-points', csv(RISK, 'OP-R1,回退测试点,五山街道,,,中,2023-01-10,,已完成,2023-04-01,,,'));
    expect(first).toMatchObject({ ok: true, created: 1 });
    const res = await importCsv('flood-risk-points', csv(RISK, 'OP-R1,回退测试点,五山街道,,,中,2023-01-10,,整治中,,,,'));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res).toMatchObject({ updated: 1 });
    expect(res.findings).toEqual([
      {
        row: 2,
        column: '整治状态',
        rule: 'flood.risk_progress_forward_only',
        statute: expect.stringContaining('三本台账'),
        message: expect.stringContaining('已完成整治'),
      },
    ]);
    const p = await point('OP-R1');
    expect(p).toMatchObject({ status: '整治中', completedOn: null });
    expect((await env.flood.req('GET', `/api/findings/flood.risk_point/${p.id}`)).body.data).toEqual([
      expect.objectContaining({ rule: 'flood.risk_progress_forward_only', row: 2, field: '整治状态' }),
    ]);
    const bad = await importCsv('flood-risk-points', csv(RISK, 'OP-R2,不可能的点,五山街道,,,中,2023-05-10,,已完成,2023-04-01,,,'));
    expect(bad).toMatchObject({ ok: false, errors: [expect.objectContaining({ row: 2, column: '完成日期' })] });
    const unknown = await importCsv(
      'flood-risk-points',
      csv(RISK, 'OP-R2,正常的点,五山街道,,,中,2023-05-10,,未整治,,,,', 'OP-R3,未知街道点,火星街道,,,中,2023-05-10,,未整治,,,,'),
    );
    expect(unknown).toMatchObject({ ok: false, errors: [expect.objectContaining({ row: 3, column: '所在街道' })] });
    expect(await point('OP-R2')).toBeUndefined();
  });

  it('undo removes the points an import created with their progress entries, and is refused once someone edits one', async () => {
    const res = await importCsv(
      'flood-risk-points',
      csv(RISK, 'OP-U1,撤销测试点一,五山街道,,,低,2023-02-01,,整治中,,,,', 'OP-U2,撤销测试点二,五山街道,,,低,2023-02-01,,未整治,,,,'),
    );
    expect(res).toMatchObject({ ok: true, created: 2 });
    if (!res.ok) return;
    const u1 = await point('OP-U1');
    expect((await env.flood.req('GET', `/api/flood/risk-points/${u1.id}`)).body.data.progress).toHaveLength(1);
    expect(await undoImport(env.ctx, ledger('flood-risk-points'), res.importId!)).toEqual({ deleted: 2, restored: 0 });
    expect(await point('OP-U1')).toBeUndefined();
    const again = await importCsv('flood-risk-points', csv(RISK, 'OP-U3,撤销测试点三,五山街道,,,低,2023-02-01,,未整治,,,,'));
    if (!again.ok) throw new Error(JSON.stringify(again));
    const u3 = await point('OP-U3');
    expect((await env.flood.req('PATCH', `/api/flood/risk-points/${u3.id}`, { version: u3.version, measure: '清疏管网' })).status).toBe(200);
    await expect(undoImport(env.ctx, ledger('flood-risk-points'), again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
  });

  it('the persons ledger updates known points through the same function, and an unknown 编号 is a row error', async () => {
    const res = await importCsv('flood-risk-persons', csv('编号,名称,所在街道,行政责任人,技术责任人,巡查责任人', 'OP-U3,,,新行政,新技术,新巡查'));
    expect(res).toMatchObject({ ok: true, updated: 1 });
    expect(await point('OP-U3')).toMatchObject({ adminPerson: '新行政', techPerson: '新技术', patrolPerson: '新巡查', measure: '清疏管网' });
    const bad = await importCsv('flood-risk-persons', csv('编号,名称,所在街道,行政责任人,技术责任人,巡查责任人', 'NO-SUCH,,,甲,乙,丙'));
    expect(bad).toMatchObject({ ok: false, errors: [expect.objectContaining({ row: 2, column: '编号' })] });
  });
});

describe('risk-point progress', () => {
  it('a status moved back and a date before registration are findings; a future date is a row error', async () => {
    const created = await importCsv('flood-risk-points', csv(RISK, 'OP-P1,进度测试点,五山街道,,,高,2023-03-01,,未整治,,,,'));
    expect(created.ok).toBe(true);
    const future = await importCsv('flood-risk-progress', csv(PROGRESS, 'OP-P1,,2099-01-01,整治中,将来'));
    expect(future).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ row: 2, column: '进展日期', message: expect.stringContaining('晚于今天') })],
    });
    const res = await importCsv('flood-risk-progress', csv(PROGRESS, 'OP-P1,,2023-02-20,整治中,登记前已开工', 'OP-P1,,2023-04-01,未整治,停工'));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.created).toBe(2);
    expect(res.findings.map((f) => [f.row, f.column, f.rule])).toEqual([
      [2, '进展日期', 'flood.risk_progress_after_registration'],
      [3, '整治状态', 'flood.risk_progress_forward_only'],
    ]);
    const p = await point('OP-P1');
    expect(p.status).toBe('未整治');
    expect((await recordFindings(env.sys.db, env.tenantId, 'flood.risk_point', p.id)).map((f) => f.rule)).toEqual(
      expect.arrayContaining(['flood.risk_progress_after_registration', 'flood.risk_progress_forward_only']),
    );
    // The form refuses the same step back.
    const form = await env.flood.req('POST', `/api/flood/risk-points/${p.id}/progress`, { onDate: '2023-04-02', status: '整治中', note: '复工' });
    expect(form.status).toBe(201);
    const back = await env.flood.req('POST', `/api/flood/risk-points/${p.id}/progress`, { onDate: '2023-04-03', status: '未整治', note: '又停工' });
    expect(back.status).toBe(400);
    expect(back.body).toMatchObject({ field: 'status' });
  });

  it('undo of a progress import removes its entries and restores the point', async () => {
    const p = await point('OP-P1');
    const res = await importCsv('flood-risk-progress', csv(PROGRESS, 'OP-P1,,2023-05-01,已完成,完工'));
    if (!res.ok) throw new Error(JSON.stringify(res));
    expect(await point('OP-P1')).toMatchObject({ status: '已完成', completedOn: '2023-05-01' });
    expect(await undoImport(env.ctx, ledger('flood-risk-progress'), res.importId!)).toEqual({ deleted: 0, restored: 1 });
    expect(await point('OP-P1')).toMatchObject({ status: p.status, completedOn: null, version: p.version });
    expect((await env.flood.req('GET', `/api/flood/risk-points/${p.id}`)).body.data.progress.map((x: any) => x.onDate)).not.toContain('2023-05-01');
  });
});

describe('projects and deployments', () => {
  it('an import and a form entry give the same project and the same deployment', async () => {
    const fp = await env.flood.req('POST', '/api/flood/projects', {
      name: '一致性项目甲',
      kind: '零星排水改造应急工程',
      streetOrgId: wushanId,
      startedOn: '2023-03-01',
    });
    expect(fp.status).toBe(201);
    const ip = await importCsv('flood-projects', csv('名称,类型,所在街道,开始日期,完成日期,状态', '一致性项目乙,零星排水改造应急工程,五山街道,2023-03-01,,'));
    expect(ip).toMatchObject({ ok: true, created: 1 });
    const projects = (await env.flood.req('GET', '/api/flood/projects')).body.data;
    const strip = ({ id: _i, name: _n, event: _e, version: _v, ...rest }: Record<string, unknown>) => rest;
    expect(strip(projects.find((p: any) => p.name === '一致性项目乙'))).toEqual(strip(fp.body.data));
    const fd = await env.flood.req('POST', '/api/flood/deployments', { onDate: '2023-05-20', event: '一致性暴雨甲', persons: 10, pumps: 2, vehicles: 1 });
    expect(fd.status).toBe(201);
    const id = await importCsv('flood-deployments', csv('日期,事件,投入人员 (人次),抽水泵 (台次),车辆 (台次)', '2023-05-20,一致性暴雨乙,10,2,1'));
    expect(id).toMatchObject({ ok: true, created: 1 });
    const deps = (await env.flood.req('GET', '/api/flood/deployments?year=2023')).body.data;
    expect(strip(deps.find((d: any) => d.event === '一致性暴雨乙'))).toEqual(strip(fd.body.data));
    // Undo removes the imported deployment; refused once it is edited.
    if (!id.ok) return;
    expect(await undoImport(env.ctx, ledger('flood-deployments'), id.importId!)).toEqual({ deleted: 1, restored: 0 });
    const again = await importCsv('flood-deployments', csv('日期,事件,投入人员 (人次),抽水泵 (台次),车辆 (台次)', '2023-05-21,一致性暴雨丙,10,2,1'));
    if (!again.ok) throw new Error(JSON.stringify(again));
    const d = (await env.flood.req('GET', '/api/flood/deployments?year=2023')).body.data.find((x: any) => x.event === '一致性暴雨丙');
    expect((await env.flood.req('PATCH', `/api/flood/deployments/${d.id}`, { version: d.version, persons: 12 })).status).toBe(200);
    await expect(undoImport(env.ctx, ledger('flood-deployments'), again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
  });
});

describe('duty roster', () => {
  const lines = (date: string, a: string, b: string) => [`${date},全天,A角,${a},13800000001`, `${date},全天,B角,${b},`];

  it('an import and a form entry of the same roster give the same lines; a day without a B role is a finding on that day', async () => {
    const form = await env.flood.req('PUT', '/api/flood/duty', {
      entries: [
        { date: '2025-06-01', shift: '全天', role: 'A角', person: '甲干部', phone: '13800000001' },
        { date: '2025-06-01', shift: '全天', role: 'B角', person: '乙干部' },
      ],
    });
    expect(form.status).toBe(200);
    const res = await importCsv('duty-roster', csv(DUTY, ...lines('2025-06-02', '甲干部', '乙干部'), '2025-06-03,全天,A角,丙干部,'));
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res).toMatchObject({ created: 3 });
    expect(res.findings).toEqual([
      {
        row: 4,
        column: '角色 (A角/B角)',
        rule: 'flood.duty_ab_roles',
        statute: expect.stringContaining('AB角'),
        message: expect.stringContaining('2025-06-03 没有B角'),
      },
    ]);
    const day = async (d: string) =>
      (await env.flood.req('GET', `/api/flood/duty?from=${d}&to=${d}`)).body.data.entries.map(({ id: _i, date: _d, ...rest }: any) => rest);
    expect(await day('2025-06-02')).toEqual(await day('2025-06-01'));
    expect((await env.flood.req('GET', '/api/findings/flood.duty/2025-06-03')).body.data).toEqual([
      expect.objectContaining({ rule: 'flood.duty_ab_roles', row: 4 }),
    ]);
    const trace = await importTrace(env.sys.db, env.tenantId, 'flood.duty', '2025-06-02');
    expect(trace).toEqual([
      expect.objectContaining({
        action: 'imported',
        changes: expect.objectContaining({ fields: [{ field: 'roster', before: null, after: '全天A角 甲干部；全天B角 乙干部' }] }),
      }),
    ]);
    // The form still refuses the same day.
    const refused = await env.flood.req('PUT', '/api/flood/duty', { entries: [{ date: '2025-06-04', shift: '全天', role: 'A角', person: '丙干部' }] });
    expect(refused.status).toBe(400);
  });

  it('undo removes the days an import created; refused once a day is edited, and when the import replaced a stored day', async () => {
    const res = await importCsv('duty-roster', csv(DUTY, ...lines('2025-07-01', '甲', '乙'), ...lines('2025-07-02', '丙', '丁')));
    if (!res.ok) throw new Error(JSON.stringify(res));
    expect(await undoImport(env.ctx, ledger('duty-roster'), res.importId!)).toEqual({ deleted: 2, restored: 0 });
    expect((await env.flood.req('GET', '/api/flood/duty?from=2025-07-01&to=2025-07-02')).body.data.entries).toEqual([]);
    const again = await importCsv('duty-roster', csv(DUTY, ...lines('2025-07-01', '甲', '乙')));
    if (!again.ok) throw new Error(JSON.stringify(again));
    expect(
      (
        await env.flood.req('PUT', '/api/flood/duty', {
          entries: [
            { date: '2025-07-01', shift: '全天', role: 'A角', person: '戊', phone: null },
            { date: '2025-07-01', shift: '全天', role: 'B角', person: '乙' },
          ],
        })
      ).status,
    ).toBe(200);
    await expect(undoImport(env.ctx, ledger('duty-roster'), again.importId!)).rejects.toMatchObject({ code: 'IMPORT_UNDO_BLOCKED' });
    const replace = await importCsv('duty-roster', csv(DUTY, ...lines('2025-07-01', '甲', '乙')));
    expect(replace).toMatchObject({ ok: true, updated: 2 });
    if (!replace.ok) return;
    await expect(undoImport(env.ctx, ledger('duty-roster'), replace.importId!)).rejects.toMatchObject({
      code: 'IMPORT_UNDO_BLOCKED',
      message: expect.stringContaining('替换了已有的值班安排'),
    });
  });
});

describe('responsible persons of water works', () => {
  it('an import traces the work with phones masked, like the form’s audit; a bad phone is a row error', async () => {
    const header =
      '工程名称,工程类型,所在街道,位置,行政责任人,行政责任人职务,行政责任人电话,技术责任人,技术责任人职务,技术责任人电话,巡查责任人,巡查责任人职务,巡查责任人电话';
    const bad = await importCsv('flood-works', csv(header, '一致性泵站,泵站,五山街道,五山路,甲,站长,12345,乙,,,丙,,'));
    expect(bad).toMatchObject({ ok: false, errors: [expect.objectContaining({ row: 2, column: '行政责任人电话' })] });
    const res = await importCsv('flood-works', csv(header, '一致性泵站,泵站,五山街道,五山路,甲,站长,13912345678,乙,,,丙,,'));
    expect(res).toMatchObject({ ok: true, created: 1 });
    const w = (await env.flood.req('GET', '/api/flood/works')).body.data.works.find((x: any) => x.name === '一致性泵站');
    expect(w.admin.phone).toBe('13912345678');
    const hist = (await env.flood.req('GET', `/api/history/flood.work/${w.id}`)).body.data;
    expect(hist[0].action).toBe('imported');
    expect(JSON.stringify(hist)).not.toContain('13912345678');
    expect(JSON.stringify(hist)).toContain('139****5678');
  });
});

describe('every flood ledger', () => {
  it.each(['flood-risk-points', 'flood-risk-persons', 'flood-risk-progress', 'flood-projects', 'flood-deployments', 'duty-roster', 'flood-works'])(
    're-importing the export of %s changes nothing',
    async (key) => {
      const def = ledger(key);
      const rows = await def.exportRows(env.ctx);
      expect(rows.length).toBeGreaterThan(0);
      const res = await importLedger(env.sys, env.ctx, def, { file: { data: writeCsv(def.spec, rows), filename: `${key}.csv` } });
      expect(res.ok, JSON.stringify(res).slice(0, 500)).toBe(true);
      if (!res.ok) return;
      expect({ created: res.created, updated: res.updated, unchanged: res.unchanged }).toEqual({ created: 0, updated: 0, unchanged: rows.length });
    },
  );
});
