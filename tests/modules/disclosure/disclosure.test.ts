import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { recordRemedy, renderDisclosureReport } from '../../../src/modules/disclosure/index.js';
import { saveProactive } from '../../../src/modules/disclosure/commands.js';
import { history, write } from '../../../src/core/audit/audit.js';
import { systemActor } from '../../../src/core/context.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ clerk: 'clerk' });

describe('a disclosure request’s clock', () => {
  it('restarts after correction, does not count third-party consultation, and extends by at most 20 working days', async () => {
    const office = (await env.clerk.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '办公室').id;
    const created = await env.clerk.req('POST', '/api/disclosure/items', {
      orgId: office,
      refNo: 'GK-T-1',
      receivedAt: '2022-09-26',
      demandType: '自然人',
      channel: '网络',
      title: '申请公开排水许可信息',
    });
    expect(created.status).toBe(201);
    const id = created.body.data.id;
    expect(created.body.data.dueOn).toBe('2022-10-27'); // 20 working days across National Day, counting the make-up days 8–9 Oct
    let version = created.body.data.version;
    const act = async (action: string, body: Record<string, unknown>) => {
      const r = await env.clerk.req('POST', `/api/disclosure/items/${id}/${action}`, { version, ...body });
      if (r.status === 200) version = r.body.data.version;
      return r;
    };
    expect((await act('pause', { reason: '补正申请材料', at: '2022-09-28' })).body.data.status).toBe('paused');
    const resumed = await act('resume', { at: '2022-10-17' });
    expect(resumed.body.data.clock.restartOn).toBe('2022-10-17');
    expect(resumed.body.data.dueOn).toBe('2022-11-14'); // 20 working days from the corrected application
    await act('pause', { reason: '征求第三方意见', at: '2022-10-24' });
    const back = await act('resume', { at: '2022-10-28' });
    expect(back.body.data.dueOn).toBe('2022-11-21'); // 24–28 Oct (5 working days) not counted
    expect(back.body.data.clock.explanation.text).toContain('扣除征求第三方意见期间5个工作日');
    expect((await act('extend', { n: 21, approvedBy: '李局长', reason: '需调取档案' })).body.message).toContain('不得超过20个工作日');
    expect((await act('reply', { content: '予以公开', result: '同意' })).body.field).toBe('result');
    const replied = await act('reply', { content: '已提供相关信息', result: '予以公开', at: '2022-11-18' });
    expect(replied.body.data).toMatchObject({ status: 'replied', clockStatus: 'done' });
  });
});

describe('two writers at once', () => {
  it('two remedies recorded at once on one reply: both are kept, two events, the version bumped twice', async () => {
    const office = (await env.clerk.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '办公室').id;
    const created = (
      await env.clerk.req('POST', '/api/disclosure/items', {
        orgId: office,
        refNo: 'GK-T-2',
        receivedAt: '2023-03-01',
        demandType: '自然人',
        channel: '网络',
        title: '申请公开河道整治信息',
      })
    ).body.data;
    const replied = await env.clerk.req('POST', `/api/disclosure/items/${created.id}/reply`, {
      version: created.version,
      content: '已提供',
      result: '予以公开',
      at: '2023-03-10',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    const ctx = env.sys.ctx(systemActor(env.tenantId));
    await Promise.all([
      recordRemedy(ctx, created.id, { kind: '行政复议', result: '结果维持', filedOn: '2023-04-03' }),
      recordRemedy(ctx, created.id, { kind: '未经复议直接起诉', result: '尚未审结', filedOn: '2023-04-04' }),
    ]);
    const rec = (await env.clerk.req('GET', `/api/disclosure/items/${created.id}`)).body.data;
    expect(rec.attrs.remedies.map((x: any) => x.kind).sort()).toEqual(['未经复议直接起诉', '行政复议'].sort());
    expect(rec.version).toBe(replied.body.data.version + 2);
    expect((await history(env.sys.db, env.tenantId, 'disclosure.request', created.id)).filter((e) => e.action === 'remedy_recorded')).toHaveLength(2);
  });

  it('two imports updating one proactive disclosure’s platform at once: each traces the version it replaced', async () => {
    const added = await env.clerk.req('POST', '/api/disclosure/proactive', {
      date: '2023-06-01',
      section: '通知公告',
      title: '并发更新测试',
      platform: '门户网站',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const ctx = env.sys.ctx(systemActor(env.tenantId));
    const traces: any[] = [];
    const imp = { trace: (t: unknown) => traces.push(t) } as any;
    await Promise.all(
      ['政务微信', '政务微博'].map((platform) =>
        write(ctx, (w) =>
          saveProactive(w, ctx.actor, [{ date: '2023-06-01', section: '通知公告', title: '并发更新测试', platform }], { mode: 'historical', imp }),
        ),
      ),
    );
    expect(traces.map((t) => t.before.version).sort()).toEqual([1, 2]);
    const row = await (env.sys.db as any)
      .selectFrom('disclosure_proactive')
      .select(['version', 'platform'])
      .where('title', '=', '并发更新测试')
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(3);
  });
});

describe('the 2022 annual report', () => {
  it('computes its tables from the records and the check rule holds', async () => {
    const r = (await env.clerk.req('GET', '/api/disclosure/report/2022')).body.data;
    const row = (key: string) => r.requests.rows.find((x: any) => x.key === key).counts.at(-1);
    expect(row('new')).toBeGreaterThanOrEqual(5);
    expect(row('new') + row('carried')).toBe(row('total') + row('next'));
    expect(r.requests.check).toEqual({ ok: true, problems: [] });
    expect(r.requests.columns).toEqual(['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
  });

  it('renders DOCX, HTML and xlsx', async () => {
    const docx = await renderDisclosureReport(env.sys, env.tenantId, 2022, 'docx');
    expect(docx.data.subarray(0, 2).toString()).toBe('PK');
    const html = (await renderDisclosureReport(env.sys, env.tenantId, 2022, 'html')).data.toString('utf8');
    expect(html).toContain('2022年政府信息公开工作年度报告');
    expect(html).toContain('结转下年度继续办理');
    const xlsx = await renderDisclosureReport(env.sys, env.tenantId, 2022, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.data as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['主动公开', '依申请公开', '复议诉讼', '校验']);
    expect(String(wb.getWorksheet('校验')!.getRow(1).getCell(2).value)).toBe('通过');
    const res = await env.app.inject({ method: 'GET', url: '/api/disclosure/report/2022/file?format=docx', headers: { cookie: env.clerk.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.docx');
  });
});

describe('ledgers', () => {
  it('round-trips the disclosure-requests ledger: re-importing the export changes nothing', async () => {
    const exp = await env.app.inject({ method: 'GET', url: '/api/ledgers/disclosure-requests/export?format=csv', headers: { cookie: env.clerk.cookie } });
    expect(exp.statusCode).toBe(200);
    const boundary = '----fz';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n`),
      exp.rawPayload,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/ledgers/disclosure-requests/import?dryRun=true',
      payload: body,
      headers: { cookie: env.clerk.cookie, 'x-csrf-token': env.clerk.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.json().data, JSON.stringify(res.json().data.errors)).toMatchObject({ ok: true, created: 0, updated: 0 });
  });

  it('rejects an unknown outcome by row and column, changing nothing', async () => {
    const csv = '申请编号,申请人类型,申请方式,收到日期,是否延期,答复日期,处理结果\nGK-X-1,自然人,网络,2022-03-01,否,2022-03-10,同意公开\n';
    const boundary = '----fz2';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/ledgers/disclosure-requests/import',
      payload: body,
      headers: { cookie: env.clerk.cookie, 'x-csrf-token': env.clerk.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const d = res.json().data;
    expect(d.ok).toBe(false);
    expect(d.errors[0]).toMatchObject({ row: 2, column: '处理结果' });
  });
});

describe('the check rule with inconsistent data', () => {
  it('reports inconsistent data: a reply dated before the application breaks the check rule', async () => {
    await env.sys.db.executeQuery({
      sql: `INSERT INTO dm_item (tenant_id, kind, ref_no, org_id, status, received_at, clock_start, rule, due_on, replied_at, result, demand_type, channel)
            SELECT $1, 'disclosure', 'GK-BROKEN', id, 'replied', '2023-01-05T09:00:00+08:00', '2023-01-05', '{}', '2023-02-03', '2022-12-20T09:00:00+08:00', '予以公开', '自然人', '网络'
            FROM org WHERE tenant_id = $1 AND kind = 'bureau'`,
      parameters: [env.tenantId],
    } as any);
    const r = (await env.clerk.req('GET', '/api/disclosure/report/2022')).body.data;
    expect(r.requests.check.ok).toBe(false);
    expect(r.requests.check.problems.join('\n')).toContain('“自然人”列');
    expect(r.requests.check.problems.join('\n')).toContain('GK-BROKEN的答复日期2022-12-20早于收到日期2023-01-05');
    const html = (await renderDisclosureReport(env.sys, env.tenantId, 2022, 'html')).data.toString('utf8');
    expect(html).toContain('校验未通过');
  });
});
