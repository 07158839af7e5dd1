import { beforeAll, describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

/**
 * 行政许可法第四十二条: +10 working days with the head's approval, approved within the term. An
 * extension approved after the committed term ran out does not make the case on time (it extends
 * the statutory bound only); one approved after the statutory term is refused. PS-001: committed 2
 * working days, statutory 20; accepted Monday 6 May 2024: committed due 8 May, statutory 31 May.
 */
let itemId: string;

const env = serverSuite({ clerk: 'licensing', leader: 'leader' });
beforeAll(async () => {
  itemId = (await env.clerk.req('GET', '/api/licensing/items')).body.data.find((i: any) => i.code === 'PS-001').id;
});

/** An accepted case; returns its number and a step function. */
async function accepted(applicant: string) {
  const r = await env.clerk.req('POST', '/api/licensing/permits', { itemId, applicant, channel: '网上', visits: 0, receivedOn: '2024-05-06' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.data.id as string;
  let version = r.body.data.version as number;
  const step = async (path: string, body: object) => {
    const res = await env.clerk.req('POST', `/api/licensing/permits/${id}/${path}`, { ...body, version });
    if (res.status === 200) version = res.body.data.version;
    return res;
  };
  const a = await step('accept', { acceptedOn: '2024-05-06' });
  expect(a.body.data).toMatchObject({ dueOn: '2024-05-08', statutoryDueOn: '2024-05-31' });
  return { id, caseNo: r.body.data.caseNo as string, step };
}

describe('late extensions of a permit case', () => {
  const cases: Record<string, string> = {};

  it('an extension approved on the committed due date extends both deadlines; the case decided within is on time', async () => {
    const { caseNo, step } = await accepted('准时延长公司');
    cases.timely = caseNo;
    const e = await step('extend', { days: 3, approvedOn: '2024-05-08', reason: '需现场核查' });
    expect(e.status).toBe(200);
    expect(e.body.data).toMatchObject({ dueOn: '2024-05-11', statutoryDueOn: '2024-06-05', extensionNote: null });
    expect((await step('decide', { decidedOn: '2024-05-10', result: '准予许可' })).body.data.onTime).toBe(true);
  });

  it('one approved after the committed term ran out extends the statutory bound only: the case is late and the page says why', async () => {
    const { id, caseNo, step } = await accepted('逾期延长公司');
    cases.late = caseNo;
    const e = await step('extend', { days: 3, approvedOn: '2024-05-09', reason: '需现场核查' });
    expect(e.status).toBe(200);
    expect(e.body.data).toMatchObject({ dueOn: '2024-05-08', statutoryDueOn: '2024-06-05' });
    expect(e.body.data.extensionNote).toContain('延长3个工作日的批准日期2024-05-09晚于承诺期限届满日2024-05-08：期限届满后批准的延长不发生延长效力');
    const dl = (await env.clerk.req('GET', '/api/deadlines?module=licensing')).body.data.find((d: any) => d.entityId === id && d.title === '许可决定期限');
    expect(dl).toMatchObject({ due: '2024-05-08' });
    expect((await step('decide', { decidedOn: '2024-05-10', result: '准予许可' })).body.data.onTime).toBe(false);
  });

  it('one approved after the statutory term is refused, naming art. 42, and changes nothing', async () => {
    const { id, step } = await accepted('法定期限后延长公司');
    const e = await step('extend', { days: 3, approvedOn: '2024-06-03', reason: '需现场核查' });
    expect(e.status).toBe(422);
    expect(e.body).toMatchObject({ code: 'EXTENSION_LATE' });
    expect(e.body.message).toContain('延长须在法定期限届满（2024-05-31）前经负责人批准');
    expect((await env.clerk.req('GET', `/api/licensing/permits/${id}`)).body.data.extensionDays).toBeNull();
  });

  it('the on-time rate counts the late extension late and the timely one on time (set-based, drill agrees)', async () => {
    const d = (await env.leader.req('GET', '/api/metrics/licensing.on_time_rate/drill?year=2024')).body.data;
    const byCase = Object.fromEntries(d.rows.map((r: any) => [r.case_no, r.on_time]));
    expect(byCase).toMatchObject({ [cases.timely!]: '是', [cases.late!]: '否' });
    const m = (await env.leader.req('GET', '/api/metrics?year=2024')).body.data.find((x: any) => x.key === 'licensing.on_time_rate');
    const counted = d.rows.filter((r: any) => r.on_time === '是').length;
    expect(m.value).toBe(Math.round((counted / d.total) * 10000) / 100);
  });
});
