import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../helpers/http.js';
import { expectRefused, serverSuite } from '../../helpers/server.js';
import { history } from '../../../src/core/audit/audit.js';

let itemId: string;

const env = serverSuite({ clerk: 'licensing', leader: 'leader' });
beforeAll(async () => {
  itemId = (await env.clerk.req('GET', '/api/licensing/items')).body.data.find((i: any) => i.code === 'PS-001').id;
});

describe('the 2022 licensing figures of the demo bureau', () => {
  it.each([
    ['licensing.water.closed', 30],
    ['licensing.drainage.closed', 193],
    ['licensing.construction.closed', 8],
  ])('%s = %d, and its drill-down lists exactly those cases', async (key, n) => {
    const d = (await env.leader.req('GET', `/api/metrics/${key}/drill?year=2022`)).body.data;
    expect(d.value).toBe(n);
    expect(d.total).toBe(n);
    expect(d.rows).toHaveLength(n);
    expect(d.recordRoute).toBe('/licensing/permits/:id');
  });

  it.each([
    ['licensing.compression_rate', 93.01, 17],
    ['licensing.no_visit_rate', 100, 231],
    ['licensing.on_time_rate', 100, 231],
  ])('%s = %d over %d records', async (key, v, total) => {
    const d = (await env.leader.req('GET', `/api/metrics/${key}/drill?year=2022`)).body.data;
    expect(d.value).toBe(v);
    expect(d.total).toBe(total);
  });

  it('has at least 30 % of the catalogue on the 政务云窗', async () => {
    const d = (await env.leader.req('GET', '/api/metrics/licensing.cloud_window_share/drill?year=2022')).body.data;
    expect(d.value).toBeGreaterThanOrEqual(30);
    expect((d.rows.filter((r: any) => r.cloud_window).length / d.total) * 100).toBeCloseTo(d.value, 1);
  });

  it('has 2023 cases for year-over-year views, some with a visit', async () => {
    const m = (await env.leader.req('GET', '/api/metrics?year=2023')).body.data;
    const v = Object.fromEntries(m.map((x: any) => [x.key, x.value]));
    expect(v['licensing.drainage.closed']).toBeGreaterThan(0);
    expect(v['licensing.no_visit_rate']).toBeLessThan(100);
  });
});

describe('a permit from application to publication', () => {
  let id: string;
  let version: number;
  const step = async (path: string, body: object, who = env.clerk) => {
    const r = await who.req('POST', `/api/licensing/permits/${id}/${path}`, { ...body, version });
    if (r.status === 200) version = r.body.data.version;
    return r;
  };

  it('registers the application and tracks the 5-working-day correction term', async () => {
    const r = await env.clerk.req('POST', '/api/licensing/permits', {
      itemId,
      applicant: '广州市测试排水工程有限公司',
      channel: '网上',
      visits: 0,
      receivedOn: '2024-03-04',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.data.id;
    version = r.body.data.version;
    expect(r.body.data).toMatchObject({ status: 'received', correctionDueOn: '2024-03-11', caseNo: expect.stringMatching(/^XK2024\d{4}$/) });
    expect(r.body.data.actions).toEqual([
      { event: 'correction', label: '补正告知', allowed: true, reasons: [], to: 'correction' },
      { event: 'accept', label: '受理', allowed: true, reasons: [], to: 'accepted' },
      { event: 'not_accept', label: '不予受理', allowed: true, reasons: [], to: 'not_accepted' },
    ]);
    const dl = (await env.clerk.req('GET', '/api/deadlines?module=licensing')).body.data.find((d: any) => d.entityId === id);
    expect(dl).toMatchObject({ title: '补正告知期限', due: '2024-03-11' });
  });

  it('refuses a correction notice on the 6th working day, naming the deemed acceptance, and changes nothing', async () => {
    const r = await step('correction', { noticeOn: '2024-03-12', items: '补充排水接驳图' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('CORRECTION_LATE');
    expect(r.body.message).toContain('即为受理');
    expect((await env.clerk.req('GET', `/api/licensing/permits/${id}`)).body.data.status).toBe('received');
  });

  it('takes one timely correction notice, the corrections and 受理', async () => {
    expect((await step('correction', { noticeOn: '2024-03-05', items: '补充排水接驳图、水质检测报告' })).status).toBe(200);
    expect((await step('corrected', { correctedOn: '2024-03-07' })).status).toBe(200);
    const r = await step('accept', { acceptedOn: '2024-03-08' });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'accepted', clockStartOn: '2024-03-08', deemedAccepted: false, dueOn: '2024-03-12' });
  });

  it('excludes testing time and adds an approved extension', async () => {
    let r = await step('pause', { from: '2024-03-11', to: '2024-03-12', reason: '检测' });
    expect(r.body.data.dueOn).toBe('2024-03-14');
    r = await step('extend', { days: 11, approvedOn: '2024-03-13', reason: '现场核查' });
    expectRefused(r, 'days');
    r = await step('extend', { days: 3, approvedOn: '2024-03-13', reason: '需现场核查排水设施' });
    expect(r.status).toBe(200);
    // committed 2 + 3 extension, 2 days of testing excluded; statutory 20 + 3 crosses Qingming and counts the make-up Sunday 7 April.
    expect(r.body.data).toMatchObject({ dueOn: '2024-03-19', statutoryDueOn: '2024-04-15' });
    expect(r.body.data.actions.filter((a: any) => a.allowed).map((a: any) => a.event)).toEqual(['pause', 'decide']);
    expect(r.body.data.actions.find((a: any) => a.event === 'extend').reasons).toEqual(['该办件已延长过一次，行政许可法第四十二条只允许延长一次（十日）']);
    const again = await step('extend', { days: 2, approvedOn: '2024-03-14', reason: '再次延长' });
    expect(again.status).toBe(422);
    expect(again.body).toMatchObject({ code: 'ACTION_NOT_ALLOWED', message: '该办件已延长过一次，行政许可法第四十二条只允许延长一次（十日）' });
    expect((await env.leader.req('GET', `/api/licensing/permits/${id}`)).body.data.actions).toEqual([]);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const r = await env.clerk.req('POST', `/api/licensing/permits/${id}/decide`, { decidedOn: '2024-03-15', result: '准予许可', version: version - 1 });
    expect(r.status).toBe(409);
  });

  it('decides within the committed term, records it for 双公示 and starts the certificate clock', async () => {
    const r = await step('decide', { decidedOn: '2024-03-15', result: '准予许可' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'decided', onTime: true, certificateDueOn: '2024-03-29', decisionNo: '穗天水许〔2024〕1号' });
    const reg = (await env.clerk.req('GET', '/api/publicity/decisions?year=2024&kind=permit')).body.data.find((d: any) => d.sourceId === id);
    expect(reg).toMatchObject({ dueOn: '2024-03-26', publishedOn: null, title: '城镇污水排入排水管网许可' });
  });

  it('issues the certificate and publishes: the permit appears on the public page', async () => {
    expect((await step('certify', { issuedOn: '2024-03-18', certificateNo: '天水许证〔2024〕0001' })).body.data.status).toBe('certified');
    const r = await step('publish', { publishedOn: '2024-03-20' });
    expect(r.body.data).toMatchObject({ status: 'published', publishedOn: '2024-03-20' });
    expect(r.body.data.actions).toMatchObject([{ event: 'certify', allowed: false, reasons: ['已于2024-03-18颁发证件'] }]);
    const pub = await env.app.inject({ method: 'GET', url: '/api/public/decisions?kind=permit&q=测试排水' });
    expect(pub.json().data.items).toHaveLength(1);
    expect(pub.json().data.items[0]).toMatchObject({ decisionNo: '穗天水许〔2024〕1号', party: '广州市测试排水工程有限公司' });
  });

  it('audits every step as licensing.permit.<verb>', async () => {
    const ev = await history(env.sys.db, env.tenantId, 'licensing.permit', id);
    expect(ev.map((e) => e.action)).toEqual([
      'received',
      'correction_requested',
      'corrected',
      'accepted',
      'paused',
      'extended',
      'decided',
      'publication_recorded',
      'certified',
      'publication_dated',
      'published',
    ]);
    expect(ev.find((e) => e.action === 'accepted')!.changes.fields).toContainEqual({ field: 'accepted_on', before: null, after: '2024-03-08' });
  });
});

describe('deemed acceptance and bad input', () => {
  it('starts the clock on receipt when 受理 comes after the 5th working day without a notice', async () => {
    const r = await env.clerk.req('POST', '/api/licensing/permits', { itemId, applicant: '广州市迟延受理有限公司', channel: '网上', receivedOn: '2024-03-04' });
    const a = await env.clerk.req('POST', `/api/licensing/permits/${r.body.data.id}/accept`, { acceptedOn: '2024-03-13', version: r.body.data.version });
    expect(a.body.data).toMatchObject({ clockStartOn: '2024-03-04', deemedAccepted: true, dueOn: '2024-03-06' });
  });

  it.each([
    ['an empty applicant', { applicant: ' ' }, 'applicant', '申请人不能为空'],
    ['an unknown item', { itemId: '00000000-0000-0000-0000-000000000000' }, 'itemId', '许可事项不存在'],
    ['a wrong USCC check digit', { applicantUscc: '91440106MA5D12345Y' }, 'applicantUscc', '校验位'],
    ['an impossible date', { receivedOn: '2024-02-30' }, 'receivedOn', '收件日期无效'],
  ])('refuses %s naming the field, and stores nothing', async (_n, patch, field, msg) => {
    const before = (await env.clerk.req('GET', '/api/licensing/permits?year=2024')).body.data.total;
    const r = await env.clerk.req('POST', '/api/licensing/permits', { itemId, applicant: '广州市某公司', channel: '网上', receivedOn: '2024-03-04', ...patch });
    expectRefused(r, field, msg);
    expect((await env.clerk.req('GET', '/api/licensing/permits?year=2024')).body.data.total).toBe(before);
  });

  it('refuses a catalogue item promising more than the statutory term', async () => {
    const r = await env.clerk.req('POST', '/api/licensing/items', { code: 'T-1', name: '测试事项', category: '排水', statutoryDays: 20, committedDays: 25 });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: 'committedDays' });
  });

  it('keeps street users out of licensing', async () => {
    const wushan = await login(env.app, 'wushan');
    expect((await wushan.req('GET', '/api/licensing/permits')).status).toBe(403);
    expect((await wushan.req('GET', `/api/licensing/items/${itemId}`)).status).toBe(403);
  });
});

describe('the permits ledger', () => {
  const upload = async (csv: string, dryRun = false) => {
    const boundary = '----lic';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="办件.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}`,
      `--${boundary}--\r\n`,
    ].join('\r\n');
    return env.clerk.req('POST', `/api/ledgers/permits/import?dryRun=${dryRun}`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  };
  const HEADER = '办件编号,事项编码,申请人,受理日期,办结日期,办理结果,申请渠道,跑动次数,公示日期';

  it('reports every bad row by row and column and imports nothing', async () => {
    const r = await upload(
      `${HEADER}\nIMP-1,PS-001,甲公司,2024-05-06,2024-05-07,准予许可,网上,0,2024-05-08\nIMP-2,XX-999,乙公司,2024-05-06,,,网上,0,\nIMP-3,PS-001,丙公司,2024-05-06,2024-05-03,准予许可,网上,0,\n`,
    );
    expect(r.body.data.ok).toBe(false);
    const errs = r.body.data.errors.map((e: any) => `${e.row}:${e.column}`);
    expect(errs).toContain('4:办结日期');
    expect((await env.clerk.req('GET', '/api/licensing/permits?q=IMP-')).body.data.total).toBe(0);
  });

  it('imports clean rows, publishes the granted ones and re-importing changes nothing', async () => {
    const csv = `${HEADER}\nIMP-1,PS-001,甲公司,2024-05-06,2024-05-07,准予许可,网上,0,2024-05-08\nIMP-2,SL-001,乙公司,2024-05-06,,,窗口,1,\n`;
    const r = await upload(csv);
    expect(r.body.data).toMatchObject({ ok: true, created: 2 });
    const again = await upload(csv);
    expect(again.body.data).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    const reg = (await env.clerk.req('GET', '/api/publicity/decisions?year=2024&kind=permit')).body.data.find((d: any) => d.decisionNo === 'IMP-1');
    expect(reg).toMatchObject({ publishedOn: '2024-05-08' });
    const unknownItem = await upload(`${HEADER}\nIMP-9,XX-999,乙公司,2024-05-06,,,网上,0,\n`);
    expect(unknownItem.body.data.errors[0]).toMatchObject({ row: 2, column: '事项编码' });
  });
});

describe('every route answers in its declared shape (the test server checks each answer against its schema)', () => {
  it('lists the time-limit rules, each with its legal basis', async () => {
    const r = await env.clerk.req('GET', '/api/licensing/rules');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.map((x: { key: string }) => x.key)).toEqual(['correction', 'decision', 'extension', 'excluded', 'certificate', 'publication']);
    expect(r.body.data.every((x: { source: string }) => x.source.length > 0)).toBe(true);
  });
  it('refuses an application at the window (不予受理) and answers the case', async () => {
    const r = await env.clerk.req('POST', '/api/licensing/permits', { itemId, applicant: '广州市不予受理测试公司', channel: '窗口', receivedOn: '2024-04-01' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const n = await env.clerk.req('POST', `/api/licensing/permits/${r.body.data.id}/not-accept`, {
      on: '2024-04-02',
      reason: '不属于本机关职权范围',
      version: r.body.data.version,
    });
    expect(n.status, JSON.stringify(n.body)).toBe(200);
    expect(n.body.data).toMatchObject({ status: 'not_accepted', notAcceptedOn: '2024-04-02', channel: '窗口', pauses: [] });
  });
});
