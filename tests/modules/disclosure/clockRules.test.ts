import { beforeAll, describe, expect, it } from 'vitest';
import { importLedger, recordFindings, type LedgerDef } from '../../../src/core/ledger/ledger.js';
import { serverSuite } from '../../helpers/server.js';

/**
 * 政府信息公开条例 arts. 30, 32, 33 on the form, the API, the import and the metrics: a correction
 * notice restarts the reply term only when it is the first and within 7 working days; a third
 * party's consultation takes at most 15 working days out; an extension approved after the term ran
 * out does not extend it (a reply after it is late).
 */
let ledger: LedgerDef<any>;
let office: string;

const HEADER = '申请编号,申请人类型,申请方式,收到日期,是否延期,答复日期,处理结果,延期批准日期,补正告知日期,收到补正日期,征求第三方意见起,征求第三方意见止';
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`);
const byRef = async (refNo: string) => (await env.clerk.req('GET', `/api/disclosure/items?q=${refNo}`)).body.data.items.find((r: any) => r.refNo === refNo);

const env = serverSuite({ clerk: 'clerk', leader: 'leader' });
beforeAll(async () => {
  ledger = env.sys.registry.ledgers.get('disclosure-requests')!;
  office = (await env.clerk.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '办公室').id;
});

/** A request taken in on the form (received Tuesday 4 March 2025: notice due 13 March, reply due 1 April). */
async function request(refNo: string) {
  const r = await env.clerk.req('POST', '/api/disclosure/items', {
    orgId: office,
    refNo,
    receivedAt: '2025-03-04',
    demandType: '自然人',
    channel: '网络',
    title: '申请公开排水许可信息',
  });
  expect(r.status).toBe(201);
  let version = r.body.data.version as number;
  const id = r.body.data.id as string;
  const act = async (action: string, body: Record<string, unknown>) => {
    const res = await env.clerk.req('POST', `/api/disclosure/items/${id}/${action}`, { version, ...body });
    if (res.status === 200) version = res.body.data.version;
    return res;
  };
  return { id, act, version: () => version };
}

describe('the form and the API', () => {
  it('refuses a correction notice after the 7th working day and a second notice, naming the field and art. 30', async () => {
    const { act, version } = await request('GK-F-1');
    const late = await act('pause', { reason: '补正申请材料', at: '2025-03-14' });
    expect(late.status).toBe(400);
    expect(late.body.field).toBe('at');
    expect(late.body.message).toContain('补正告知日期2025-03-14晚于收到申请后7个工作日（2025-03-13）');
    expect(late.body.message).toContain('政府信息公开条例第三十条');
    const v = version();
    expect((await act('pause', { reason: '补正申请材料', at: '2025-03-13' })).status).toBe(200);
    expect(version()).toBe(v + 1);
    const resumed = await act('resume', { at: '2025-03-20' });
    expect(resumed.body.data.clock.restartOn).toBe('2025-03-20');
    expect(resumed.body.data.dueOn).toBe('2025-04-18');
    const second = await act('pause', { reason: '补正申请材料', at: '2025-03-21' });
    expect(second.status).toBe(400);
    expect(second.body.field).toBe('reason');
    expect(second.body.message).toContain('一次性告知');
    expect(version()).toBe(v + 2);
  });

  it('refuses an extension approved after the reply term ran out (art. 33) and takes one approved on its last day', async () => {
    const { act } = await request('GK-F-2');
    const late = await act('extend', { n: 20, approvedBy: '王主任', approvedOn: '2025-04-02', reason: '需调取档案' });
    expect(late.status).toBe(400);
    expect(late.body.field).toBe('approvedOn');
    expect(late.body.message).toContain('延长期限的批准日期2025-04-02晚于当时的届满日2025-04-01');
    expect(late.body.message).toContain('政府信息公开条例第三十三条');
    const ok = await act('extend', { n: 20, approvedBy: '王主任', approvedOn: '2025-04-01', reason: '需调取档案' });
    expect(ok.status).toBe(200);
    expect(ok.body.data.dueOn).toBe('2025-04-29');
  });

  it('takes at most 15 working days of third-party consultation out of the term (art. 32)', async () => {
    const { act } = await request('GK-F-3');
    await act('pause', { reason: '征求第三方意见', at: '2025-03-05' });
    const back = await act('resume', { at: '2025-03-26' }); // 16 working days held
    expect(back.body.data.dueOn).toBe('2025-04-23'); // 20 + 15 working days after receipt
    expect(back.body.data.clock.explanation.text).toContain('征求第三方意见期间共16个工作日，最多扣除15个工作日（至2025-03-25）');
  });
});

describe('the import (historical findings, not refusals) and the on-time rate', () => {
  // Received Tuesday 5 March 2024: notice due 14 March, reply due 2 April (extended by 20: 30 April).
  it('applies the rules to the ledger’s facts: findings, restarts and the due dates they give', async () => {
    const res = await importLedger(env.sys, env.ctx, ledger, {
      file: {
        filename: 'requests.csv',
        data: csv(
          'IMP-D1,自然人,网络,2024-03-05,否,2024-04-18,予以公开,,2024-03-14,2024-03-20,,',
          'IMP-D2,自然人,网络,2024-03-05,否,2024-04-18,予以公开,,2024-03-15,2024-03-20,,',
          'IMP-D3,自然人,邮寄,2024-03-05,否,2024-04-18,予以公开,,2024-03-07、2024-03-12,2024-03-20,,',
          'IMP-D4,商业企业,网络,2024-03-05,是,2024-04-25,部分公开,2024-04-03,,,,',
          'IMP-D5,商业企业,网络,2024-03-05,是,2024-04-25,部分公开,2024-04-02,,,,',
          'IMP-D6,自然人,当面,2024-03-05,否,2024-04-24,予以公开,,,,2024-03-06,2024-03-27',
        ),
      },
    });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.created).toBe(6);
    expect(res.findings.map((f: any) => [f.row, f.column, f.rule]).sort()).toEqual(
      [
        [3, '补正告知日期', 'disclosure.correction_in_time'],
        [3, '答复日期', 'disclosure.done_in_time'],
        [4, '补正告知日期', 'disclosure.correction_once'],
        [5, '答复日期', 'disclosure.done_in_time'],
        [5, '延期批准日期', 'disclosure.extension_in_term'],
      ].sort(),
    );
    const due = Object.fromEntries(
      await Promise.all(['IMP-D1', 'IMP-D2', 'IMP-D3', 'IMP-D4', 'IMP-D5', 'IMP-D6'].map(async (r) => [r, (await byRef(r)).dueOn])),
    );
    expect(due).toEqual({
      'IMP-D1': '2024-04-18', // restarted from the correction (20 working days after 20 March)
      'IMP-D2': '2024-04-02', // late notice: from receipt
      'IMP-D3': '2024-04-18', // the first notice restarts; the second is a finding
      'IMP-D4': '2024-04-02', // extension approved the day after the term: void
      'IMP-D5': '2024-04-30', // approved on the last day: extended
      'IMP-D6': '2024-04-24', // 16 working days of consultation, 15 taken out
    });
    const d4 = await byRef('IMP-D4');
    expect(await recordFindings(env.sys.db, env.ctx.actor.tenantId, 'disclosure.request', d4.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'disclosure.extension_in_term', field: '延期批准日期' })]),
    );
    const page = (await env.clerk.req('GET', `/api/disclosure/items/${d4.id}`)).body.data;
    expect(page.dueOn).toBe('2024-04-02');
    expect(page.clock.explanation.text).toContain('晚于当时的届满日2024-04-02，期限届满后批准的延长不发生延长效力');
  });

  it('counts a reply after a late extension, or after a late correction notice, late; a re-import of the export changes nothing', async () => {
    const d = (await env.leader.req('GET', '/api/metrics/disclosure.requests.on_time_rate/drill?year=2024')).body.data;
    const counted = Object.fromEntries(d.rows.map((r: any) => [r.ref_no, r.counted]));
    expect(counted).toEqual({ 'IMP-D1': '是', 'IMP-D2': '否', 'IMP-D3': '是', 'IMP-D4': '否', 'IMP-D5': '是', 'IMP-D6': '是' });
    const m = (await env.leader.req('GET', '/api/metrics?year=2024')).body.data.find((x: any) => x.key === 'disclosure.requests.on_time_rate');
    expect(m.value).toBe(66.67);
    const exp = await env.app.inject({ method: 'GET', url: '/api/ledgers/disclosure-requests/export?format=csv', headers: { cookie: env.clerk.cookie } });
    expect(exp.statusCode).toBe(200);
    const again = await importLedger(env.sys, env.ctx, ledger, { file: { filename: 'export.csv', data: exp.rawPayload } });
    expect(again.ok && { created: again.created, updated: again.updated }, JSON.stringify(again).slice(0, 1500)).toEqual({ created: 0, updated: 0 });
  });
});
