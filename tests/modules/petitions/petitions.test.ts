import { describe, expect, it } from 'vitest';
import { history } from '../../../src/core/audit/audit.js';
import { systemActor } from '../../../src/core/context.js';
import { answerReview, requestReview } from '../../../src/modules/petitions/index.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ clerk: 'clerk' });

describe('a petition', () => {
  it('starts its 60-day clock on acceptance, extends by at most 30 days, issues an opinion document, and allows 复查 then 复核 once', async () => {
    const orgs = (await env.clerk.req('GET', '/api/orgs')).body.data;
    const office = orgs.find((o: any) => o.name === '办公室').id;
    const c = await env.clerk.req('POST', '/api/petitions/items', {
      refNo: 'XF-T-1',
      receivedAt: '2022-08-01',
      channel: '来访',
      orgId: office,
      title: '反映排水设施问题',
      personName: '黄敏',
      personIdNo: '44010619900101123X',
      attrs: { repeat: false },
    });
    expect(c.status).toBe(201);
    expect(c.body.data.firstDueOn).toBe('2022-08-16');
    const id = c.body.data.id;
    let version = c.body.data.version;
    const act = async (action: string, body: Record<string, unknown>) => {
      const r = await env.clerk.req('POST', `/api/petitions/items/${id}/${action}`, { version, ...body });
      if (r.status === 200) version = r.body.data.version;
      return r;
    };
    const acc = await act('sign', { at: '2022-08-05' });
    expect(acc.body.data.dueOn).toBe('2022-10-08'); // 60 days from acceptance end on 4 Oct (National Day): rolled to the make-up Saturday
    expect((await act('extend', { n: 31, approvedBy: '李局长', reason: '复杂' })).body.message).toContain('不得超过30日');
    expect((await act('reply', { content: '经核查，已责成排水管理科限期整改。', result: '支持', at: '2022-09-20' })).status).toBe(200);
    await act('close', { at: '2022-09-20' });
    const doc = await env.app.inject({ method: 'GET', url: `/api/petitions/items/${id}/opinion.docx`, headers: { cookie: env.clerk.cookie } });
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await env.clerk.req('POST', `/api/petitions/items/${id}/review`, { stage: '复核', appliedOn: '2022-10-01' })).body.message).toContain(
      '须先申请复查',
    );
    expect((await env.clerk.req('POST', `/api/petitions/items/${id}/review`, { stage: '复查', appliedOn: '2022-10-25' })).body.message).toContain(
      '已超过申请复查期限',
    );
    expect((await env.clerk.req('POST', `/api/petitions/items/${id}/review`, { stage: '复查', appliedOn: '2022-10-10' })).status).toBe(200);
    expect(
      (await env.clerk.req('POST', `/api/petitions/items/${id}/review/answer`, { stage: '复查', answeredOn: '2022-11-01', result: '维持原处理意见' })).status,
    ).toBe(200);
    expect((await env.clerk.req('POST', `/api/petitions/items/${id}/review`, { stage: '复核', appliedOn: '2022-11-15' })).status).toBe(200);
    expect((await env.clerk.req('POST', `/api/petitions/items/${id}/review`, { stage: '复查', appliedOn: '2022-11-20' })).body.code).toBe('REVIEW_NOT_ALLOWED');
    const rec = (await env.clerk.req('GET', `/api/petitions/items/${id}`)).body.data;
    expect(rec.personIdNo).toBe('44010619900101123X');
    const listed = (await env.clerk.req('GET', '/api/petitions/items?q=XF-T-1')).body.data.items[0];
    expect(JSON.stringify(listed)).not.toContain('19900101');
    const tenantId = env.tenantId;
    expect((await history(env.sys.db, tenantId, 'petitions.petition', id)).map((e) => e.action)).toEqual([
      'created',
      'signed',
      'replied',
      'closed',
      'review_requested',
      'review_answered',
      'review_requested',
    ]);
  });

  it('counts the 2022 demo petitions by form, drillable', async () => {
    const d = (await env.clerk.req('GET', '/api/metrics/petitions.closed_visit/drill?year=2022')).body.data;
    expect(d.total).toBe(d.value);
    expect(d.rows.filter((r: any) => r.ref_no.startsWith('TH-XF-2022')).length).toBe(18); // the demo's; the test above added one
    expect(d.rows.every((r: any) => r.channel === '来访')).toBe(true);
  });
});

describe('two writers at once', () => {
  it('two simultaneous 复查 requests, then two simultaneous answers: one of each is recorded, the other refused, one event each', async () => {
    const office = (await env.clerk.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '办公室').id;
    const c = (
      await env.clerk.req('POST', '/api/petitions/items', { refNo: 'XF-T-2', receivedAt: '2023-03-01', channel: '来信', orgId: office, title: '反映河涌异味' })
    ).body.data;
    const signed = (await env.clerk.req('POST', `/api/petitions/items/${c.id}/sign`, { version: c.version, at: '2023-03-02' })).body.data;
    const replied = await env.clerk.req('POST', `/api/petitions/items/${c.id}/reply`, {
      version: signed.version,
      content: '已安排清淤。',
      result: '支持',
      at: '2023-03-20',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    const tenantId = env.tenantId;
    const ctx = env.sys.ctx(systemActor(tenantId));
    const refused = (all: PromiseSettledResult<void>[]) => {
      expect(all.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      return (all.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason;
    };
    const requests = await Promise.allSettled([0, 1].map(() => requestReview(env.sys, ctx, c.id, { stage: '复查', appliedOn: '2023-04-03' })));
    expect(refused(requests)).toMatchObject({ code: 'REVIEW_NOT_ALLOWED', status: 422 });
    const answers = await Promise.allSettled(
      ['维持', '撤销'].map((result) => answerReview(env.sys, ctx, c.id, { stage: '复查', answeredOn: '2023-04-20', result })),
    );
    expect(refused(answers)).toMatchObject({ code: 'REVIEW_ANSWERED', status: 422 });
    const actions = (await history(env.sys.db, tenantId, 'petitions.petition', c.id)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('review_'))).toEqual(['review_requested', 'review_answered']);
    const rec = (await env.clerk.req('GET', `/api/petitions/items/${c.id}`)).body.data;
    expect(rec.attrs.reviews).toHaveLength(1);
    expect(rec.version).toBe(replied.body.data.version + 2);
  });
});

describe('proposals', () => {
  it('tracks a co-handler’s 1-month opinion term and requires an A–D result on reply', async () => {
    const office = (await env.clerk.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '办公室').id;
    const c = await env.clerk.req('POST', '/api/proposals/items', {
      orgId: office,
      refNo: '区人大〔2022〕第99号',
      receivedAt: '2022-03-15',
      demandType: '人大代表建议',
      channel: '协办',
      title: '关于加快海绵城市建设的建议',
      attrs: { topics: ['海绵城市建设'] },
    });
    expect(c.status).toBe(201);
    expect(c.body.data.dueOn).toBe('2022-06-15');
    expect(c.body.data.attrs.coOpinionDueOn).toBe('2022-04-15');
    const deadlines = (await env.clerk.req('GET', '/api/deadlines?module=proposals')).body.data.filter((d: any) => d.entityId === c.body.data.id);
    expect(deadlines.map((d: any) => d.title).sort()).toEqual(['协办意见期限', '建议提案答复期限']);
    const bad = await env.clerk.req('POST', `/api/proposals/items/${c.body.data.id}/reply`, { version: c.body.data.version, content: '已答复', result: 'E' });
    expect(bad.body.field, JSON.stringify(bad.body)).toBe('result');
    const wrongTopic = await env.clerk.req('POST', '/api/proposals/items', {
      refNo: 'X-2',
      receivedAt: '2022-03-15',
      demandType: '政协提案',
      channel: '主办',
      attrs: { topics: ['火星探测'] },
    });
    expect(wrongTopic.body.field).toBe('attrs.topics');
  });
});
