import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, serverSuite } from '../../helpers/server.js';
import { importLedger, type LedgerDef } from '../../../src/core/ledger/ledger.js';

/**
 * 代表法第五十一条: a reply within 3 months of assignment, at most 6 months in all for difficult
 * ones — the assignment document's own 办理期限 and extensions included. Assigned Friday 15 March
 * 2024: 3 months end Saturday 15 June (→ Monday 17 June); 6 months Sunday 15 September, in the
 * Mid-Autumn holiday (→ Wednesday 18 September).
 */
let ledger: LedgerDef<any>;
let office: string;

const env = serverSuite({ clerk: 'clerk', leader: 'leader' });
beforeAll(async () => {
  ledger = env.sys.registry.ledgers.get('proposals')!;
  office = (await env.clerk.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '办公室').id;
});

const take = (refNo: string, attrs: Record<string, unknown> = {}) =>
  env.clerk.req('POST', '/api/proposals/items', {
    orgId: office,
    refNo,
    receivedAt: '2024-03-15',
    demandType: '人大代表建议',
    channel: '主办',
    title: '关于加快河涌整治的建议',
    attrs,
  });

describe('the form and the API', () => {
  it('refuses a hand-set 办理期限 beyond 6 months of assignment, naming the field and the statute; takes the last lawful day', async () => {
    const r = await take('TL-1', { dueOn: '2024-09-19' });
    expectRefused(r, 'attrs.dueOn', '办理期限2024-09-19超过自交办之日（2024-03-15）起六个月的最长期限（2024-09-18）', '代表法第五十一条');
    const ok = await take('TL-1', { dueOn: '2024-09-18' });
    expect(ok.status).toBe(201);
    expect(ok.body.data.dueOn).toBe('2024-09-18');
  });

  it('takes an extension to 6 months in all and refuses one beyond, naming n', async () => {
    const r = await take('TL-2');
    expect(r.body.data.dueOn).toBe('2024-06-17');
    const ext = await env.clerk.req('POST', `/api/proposals/items/${r.body.data.id}/extend`, {
      version: r.body.data.version,
      n: 3,
      unit: 'month',
      approvedBy: '李局长',
      approvedOn: '2024-06-01',
      reason: '涉及面广，需协调多部门',
    });
    expect(ext.status).toBe(200);
    expect(ext.body.data.dueOn).toBe('2024-09-18');

    const hard = await take('TL-3', { difficult: true });
    expect(hard.body.data.dueOn).toBe('2024-09-18');
    const more = await env.clerk.req('POST', `/api/proposals/items/${hard.body.data.id}/extend`, {
      version: hard.body.data.version,
      n: 1,
      unit: 'month',
      approvedBy: '李局长',
      approvedOn: '2024-06-01',
      reason: '仍需协调',
    });
    expectRefused(more, 'n', '延长后的答复期限2024-10-15超过自交办之日（2024-03-15）起六个月的最长期限（2024-09-18）');
    expect((await env.clerk.req('GET', `/api/proposals/items/${hard.body.data.id}`)).body.data.version).toBe(hard.body.data.version);
  });
});

describe('the import and the on-time rate', () => {
  it('reports a 办理期限 beyond 6 months as a finding, holds the record to 6 months and counts a later reply late', async () => {
    const header = '编号,类别,标题,代表委员,办理方式,交办日期,办理期限,答复日期,办理结果,问题类型';
    const res = await importLedger(env.sys, env.ctx, ledger, {
      file: {
        filename: 'p.csv',
        data: Buffer.from(
          `${[
            header,
            'TLI-1,政协提案,关于排水管网改造的提案,张委员,主办,2024-04-10,2024-12-31,2024-11-20,A,排水管网改造',
            'TLI-2,政协提案,关于截污纳管的提案,李委员,主办,2024-04-10,2024-10-10,2024-10-10,A,截污纳管',
          ].join('\n')}\n`,
        ),
      },
    });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.findings.map((f: any) => [f.row, f.column, f.rule]).sort()).toEqual(
      [
        [2, '办理期限', 'proposals.term_limit'],
        [2, '答复日期', 'proposals.done_in_time'],
      ].sort(),
    );
    const items = (await env.clerk.req('GET', '/api/proposals/items?q=TLI-')).body.data.items;
    expect(Object.fromEntries(items.map((i: any) => [i.refNo, i.dueOn]))).toEqual({ 'TLI-1': '2024-10-10', 'TLI-2': '2024-10-10' });
    const d = (await env.leader.req('GET', '/api/metrics/proposals.on_time_rate/drill?year=2024')).body.data;
    const counted = Object.fromEntries(d.rows.filter((r: any) => r.ref_no.startsWith('TLI-')).map((r: any) => [r.ref_no, r.counted]));
    expect(counted).toEqual({ 'TLI-1': '否', 'TLI-2': '是' });
  });
});
