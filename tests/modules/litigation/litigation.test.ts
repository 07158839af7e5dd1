import { describe, expect, it } from 'vitest';
import { history } from '../../../src/core/audit/audit.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ legal: 'legal', leader: 'leader', street: 'wushan' });

const lawsuit = {
  caseNo: '(2023)粤7101行初9001号',
  kind: '诉讼',
  instance: '一审',
  claimantType: '自然人',
  claimantName: '黄测试',
  claimantIdNo: '11010519491231002X',
  actKind: '行政处罚',
  actTitle: '穗天水罚〔2023〕1号行政处罚决定',
  body: '广州铁路运输法院',
  receivedOn: '2023-09-16',
  handler: '陈法制',
  agent: '郑律师',
};

describe('a lawsuit from the complaint to the close', () => {
  let id: string;
  let version: number;
  const step = async (event: string, body: Record<string, unknown>) => {
    const r = await env.legal.req('POST', `/api/litigation/cases/${id}/${event}`, { version, ...body });
    if (r.status === 200) version = r.body.data.version;
    return r;
  };

  it('registers the case: the defence clock runs 15 days, rolled past National Day (行政诉讼法第六十七条)', async () => {
    const r = await env.legal.req('POST', '/api/litigation/cases', lawsuit);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.data.id;
    version = r.body.data.version;
    expect(r.body.data).toMatchObject({ status: 'received', replyDueOn: '2023-10-07', claimantName: '黄测试', claimantIdNo: '110105********002X' });
    expect(r.body.data.clocks[0]).toMatchObject({ key: 'reply', due: '2023-10-07' });
    expect(r.body.data.clocks[0].source).toContain('行政诉讼法第六十七条');
    expect(r.body.data.actions.map((a: any) => a.event)).toEqual(['reply']);
    const deadlines = (await env.legal.req('GET', '/api/deadlines?module=litigation')).body.data.filter((d: any) => d.entityId === id);
    expect(deadlines.map((d: any) => [d.title, d.due, d.doneOn])).toEqual([['行政诉讼答辩举证期限', '2023-10-07', null]]);
  });

  it('keeps the ID number encrypted at rest and out of the audit log', async () => {
    const row = await env.sys.db
      .selectFrom('lit_case' as any)
      .select(['claimant_id_no', 'claimant_id_index'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(String((row as any).claimant_id_no)).toMatch(/^v1\./);
    const ev = await history(env.sys.db, env.tenantId, 'litigation.case', id);
    expect(JSON.stringify(ev)).not.toContain('11010519491231002X');
    expect(JSON.stringify(ev)).not.toContain('黄测试');
  });

  it('masks a natural person in the list', async () => {
    const list = await env.leader.req('GET', '/api/litigation/cases?kind=诉讼&q=9001');
    expect(list.status).toBe(200);
    expect(list.body.data.items[0]).toMatchObject({ claimantName: '黄**', claimantIdNo: '110105********002X' });
  });

  it('files the defence, records a hearing with the deputy head appearing, then the judgment', async () => {
    let r = await step('reply', { on: '2023-10-07' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'replied', replyOnTime: true });
    r = await step('hearing', { on: '2023-11-02', headRole: null, absenceReason: '' });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('absenceReason');
    r = await step('hearing', { on: '2023-11-02', headRole: '副职负责人', headName: '何副局长' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.hearings).toEqual([expect.objectContaining({ heldOn: '2023-11-02', headAppeared: true, headName: '何副局长' })]);
    r = await step('conclude', { on: '2023-12-01', outcome: '维持' });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('outcome');
    r = await step('conclude', { on: '2023-12-01', outcome: '撤销', servedOn: '2023-12-05' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'concluded', corrected: true, lost: true, appealDueOn: '2023-12-20' });
    expect(r.body.data.clocks.map((c: any) => [c.key, c.due])).toEqual([
      ['reply', '2023-10-07'],
      ['appeal', '2023-12-20'],
    ]);
  });

  it('refuses to close before the appeal window has run and before the rectification, saying why', async () => {
    let r = await step('close', { on: '2023-12-20' });
    expect(r.status).toBe(422);
    expect(r.body.message).toContain('上诉期限至2023-12-20届满');
    expect(r.body.message).toContain('应登记整改');
    r = await step('rectify', { on: '2023-12-28', rectification: '重新调查后作出不予处罚决定，撤回公示' });
    expect(r.status).toBe(200);
    r = await step('close', { on: '2023-12-21' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'closed', closedOn: '2023-12-21', actions: [{ event: 'rectify', allowed: true }] });
    const ev = await history(env.sys.db, env.tenantId, 'litigation.case', id);
    expect(ev.map((e) => e.action)).toEqual(['created', 'reply', 'hearing', 'hearing_recorded', 'conclude', 'rectify', 'close']);
  });

  it('answers 409 on a stale version and changes nothing', async () => {
    const r = await env.legal.req('POST', `/api/litigation/cases/${id}/rectify`, { version: version - 1, on: '2024-01-05', rectification: 'x' });
    expect(r.status).toBe(409);
  });

  it('is not seen by a street officer (data scope), nor written by a leader', async () => {
    expect((await env.street.req('GET', `/api/litigation/cases/${id}`)).status).toBe(404);
    expect((await env.leader.req('POST', `/api/litigation/cases/${id}/close`, { version, on: '2024-01-01' })).status).toBe(403);
  });
});

describe('a reconsideration', () => {
  it('counts the 10-day reply term in working days (行政复议法第四十八、八十八条) and flags a late reply', async () => {
    const r = await env.legal.req('POST', '/api/litigation/cases', {
      caseNo: '天府复〔2023〕9002号',
      kind: '复议',
      claimantType: '法人',
      claimantName: '广州某测试有限公司',
      actKind: '政府信息公开答复',
      actTitle: '天水依申请公开〔2023〕5号答复',
      body: '广州市天河区人民政府',
      receivedOn: '2023-09-27',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // 28 Sep; 7, 8 Oct (make-up days after 29 Sep–6 Oct); 9–13, 16, 17 Oct.
    expect(r.body.data.replyDueOn).toBe('2023-10-17');
    const late = await env.legal.req('POST', `/api/litigation/cases/${r.body.data.id}/reply`, { version: r.body.data.version, on: '2023-10-18' });
    expect(late.status).toBe(200);
    expect(late.body.data.replyOnTime).toBe(false);
    // The audit event of the late reply says it was late (the event's note).
    const replied = (await history(env.sys.db, env.tenantId, 'litigation.case', r.body.data.id)).find((e) => e.action === 'reply');
    expect(String(replied?.changes.note?.late)).toContain('答复日期2023-10-18晚于');
    const appeal = late.body.data.actions.find((a: any) => a.event === 'appeal');
    expect(appeal).toBeUndefined();
    const done = await env.legal.req('POST', `/api/litigation/cases/${r.body.data.id}/conclude`, {
      version: late.body.data.version,
      on: '2023-11-20',
      outcome: '维持',
    });
    expect(done.body.data.actions.find((a: any) => a.event === 'close')).toMatchObject({ allowed: true });
  });

  it('refuses an unknown link and a bad ID number naming the field, storing nothing', async () => {
    const before = (await env.legal.req('GET', '/api/litigation/cases?pageSize=1')).body.data.total;
    let r = await env.legal.req('POST', '/api/litigation/cases', {
      ...lawsuit,
      caseNo: 'X-1',
      actEntity: 'enforcement.case',
      actRecordId: '00000000-0000-4000-8000-000000000000',
    });
    expect(r.body).toMatchObject({ field: 'actRecordId' });
    r = await env.legal.req('POST', '/api/litigation/cases', { ...lawsuit, caseNo: 'X-2', claimantIdNo: '110105194912310021' });
    expect(r.body).toMatchObject({ field: 'claimantIdNo' });
    r = await env.legal.req('POST', '/api/litigation/cases', { ...lawsuit, caseNo: 'X-3', extra: 1 });
    expect(r.status).toBe(400);
    expect((await env.legal.req('GET', '/api/litigation/cases?pageSize=1')).body.data.total).toBe(before);
  });
});

describe('reading routes', () => {
  it('lists the rules and the outcome categories with their sources', async () => {
    const rules = await env.leader.req('GET', '/api/litigation/rules');
    expect(rules.body.data.map((r: any) => r.key)).toContain('head_appearance');
    const outcomes = await env.leader.req('GET', '/api/litigation/outcomes');
    expect(outcomes.body.data.find((o: any) => o.kind === '诉讼' && o.value === '撤诉')).toMatchObject({
      counts: 'if_changed',
      source: '行政诉讼法第六十二条',
    });
  });
});

describe('metrics', () => {
  it('counts 2023 figures from the records, drillable to exactly those records', async () => {
    const get = async (key: string) => (await env.leader.req('GET', `/api/metrics/${key}/drill?year=2023`)).body.data;
    const concluded = await get('litigation.concluded');
    expect(concluded.total).toBe(concluded.value);
    expect(concluded.recordRoute).toBe('/litigation/cases/:id');
    const lawsuit = concluded.rows.find((r: any) => r.case_no === '(2023)粤7101行初9001号');
    expect(lawsuit).toMatchObject({ outcome: '撤销' });
    const loss = await get('litigation.loss_rate');
    const lost = loss.rows.filter((r: any) => r.lost === '是').length;
    expect(loss.value).toBe(Math.round((lost / loss.total) * 10000) / 100);
    const heads = await get('litigation.head_appearance_rate');
    expect(heads.rows.find((r: any) => r.case_no === '(2023)粤7101行初9001号')).toMatchObject({ appeared: '是', head: '何副局长（副职负责人）' });
    const byAct = await get('litigation.correction_rate_by_act.行政处罚');
    expect(byAct.rows.every((r: any) => r.act_kind === '行政处罚')).toBe(true);
  });
});

describe('a penalty revoked on reconsideration leaves the public page (行政处罚法第四十八条第二款)', () => {
  it("withdraws the decision's publication when the bureau records its rectification, once", async () => {
    const pub = await env.sys.db
      .selectFrom('pub_decision' as any)
      .select(['source_id', 'decision_no'])
      .where('source_entity', '=', 'enforcement.case')
      .where('published_on', 'is not', null)
      .where('withdrawn_on', 'is', null)
      .orderBy('decision_no')
      .executeTakeFirstOrThrow();
    const { source_id: penaltyId, decision_no: decisionNo } = pub as { source_id: string; decision_no: string };
    const publicList = async () =>
      JSON.stringify((await env.app.inject({ method: 'GET', url: `/api/public/decisions?q=${encodeURIComponent(decisionNo)}` })).json());
    expect(await publicList()).toContain(decisionNo);
    let r = await env.legal.req('POST', '/api/litigation/cases', {
      ...lawsuit,
      caseNo: '天府复〔2023〕901号',
      kind: '复议',
      instance: undefined,
      body: '广州市天河区人民政府',
      actEntity: 'enforcement.case',
      actRecordId: penaltyId,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const id = r.body.data.id;
    let version = r.body.data.version;
    const step = async (event: string, body: Record<string, unknown>) => {
      const res = await env.legal.req('POST', `/api/litigation/cases/${id}/${event}`, { version, ...body });
      expect(res.status, `${event}: ${JSON.stringify(res.body)}`).toBe(200);
      version = res.body.data.version;
      return res;
    };
    await step('reply', { on: '2023-09-20' });
    await step('conclude', { on: '2023-11-01', outcome: '撤销', servedOn: '2023-11-03' });
    // Concluded but not yet rectified: still public.
    expect(await publicList()).toContain(decisionNo);
    r = await step('rectify', { on: '2023-11-06', rectification: '撤回原处罚决定的公示，重新调查' });
    const row = await env.sys.db
      .selectFrom('pub_decision' as any)
      .select(['withdrawn_on', 'withdraw_reason'])
      .where('source_id', '=', penaltyId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ withdrawn_on: '2023-11-06' });
    expect(String((row as any).withdraw_reason)).toContain('天府复〔2023〕901号');
    expect(String((row as any).withdraw_reason)).toContain('第四十八条');
    expect(await publicList()).not.toContain(decisionNo);
    const ev = await history(env.sys.db, env.tenantId, 'enforcement.case', penaltyId);
    expect(ev.filter((e) => e.action === 'publication_withdrawn')).toHaveLength(1);
  });
});
