import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';
import { login, type Client } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';
import { REVIEW_CHECKLIST } from '../../../src/modules/legal/rules.js';

const t = serverSuite({ legal: 'legal', leader: 'leader', advisor: 'advisor' });

const checklist = (v = true) => Object.fromEntries(REVIEW_CHECKLIST.map((c) => [c.key, v]));
type Doc = { id: string; version: number } & Record<string, unknown>;
const step = async (who: Client, doc: Doc, event: string, body: Record<string, unknown>) =>
  who.req('POST', `/api/legal/documents/${doc.id}/${event}`, { ...body, version: doc.version });

/** A normative document taken through drafting, comment, review and deliberation (deliberated on `on`). */
async function deliberated(title: string, on: string): Promise<Doc> {
  let d = (await t.legal.req('POST', '/api/legal/documents', { kind: '规范性文件', title, submittedOn: '2024-01-02' })).body.data;
  d = (await step(t.legal, d, 'comment', { from: '2024-01-03', until: '2024-02-02', channel: '局门户网站' })).body.data;
  d = (await step(t.legal, d, 'submit', { submittedOn: '2024-02-05', commentSummary: '未收到意见' })).body.data;
  d = (await step(t.legal, d, 'review', { reviewedOn: '2024-02-06', result: '同意', opinion: '同意', checklist: checklist() })).body.data;
  const r = await step(t.leader, d, 'deliberate', { deliberatedOn: on, meeting: '局长办公会议' });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data;
}

describe('行政规范性文件: the lifecycle through the API (国办发〔2018〕37号)', () => {
  it('drafts, takes comment for 30 days, is reviewed against the checklist, deliberated, published under the unified number, filed, cleaned up and repealed', async () => {
    const c = await t.legal.req('POST', '/api/legal/documents', { kind: '规范性文件', title: '测试排水许可管理规定', submittedOn: '2025-02-03' });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    let d: Doc = c.body.data;
    expect(d).toMatchObject({ status: 'drafting', draftedOn: '2025-02-03' });
    expect((d.actions as Array<{ event: string }>).map((a) => a.event)).toEqual(['openComment']);

    // No review before public comment; the comment period at least 30 days.
    expect((await step(t.legal, d, 'submit', { submittedOn: '2025-02-04', commentSummary: '—' })).body.code).toBe('STAGE_GATE');
    let r = await step(t.legal, d, 'comment', { from: '2025-02-05', until: '2025-03-06', channel: '区政府门户网站' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ field: 'until', message: expect.stringContaining('不少于30日') });
    r = await step(t.legal, d, 'comment', { from: '2025-02-05', until: '2025-03-07', channel: '区政府门户网站' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    d = r.body.data;
    expect(d).toMatchObject({ status: 'commenting', commentUntil: '2025-03-07' });

    // 送审 only after the period; the outside lawyer never acts on it.
    r = await step(t.legal, d, 'submit', { submittedOn: '2025-03-07', commentSummary: '收到意见3条，采纳2条' });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('COMMENT_PERIOD_OPEN');
    expect((await step(t.advisor, d, 'submit', { submittedOn: '2025-03-10', commentSummary: 'x' })).status).toBe(422);
    r = await step(t.legal, d, 'submit', { submittedOn: '2025-03-10', commentSummary: '收到意见3条，采纳2条，未采纳的已说明理由' });
    d = r.body.data;
    expect(d).toMatchObject({ status: 'submitted', submittedOn: '2025-03-10' });

    // No deliberation without 同意; 同意 only with every point of the checklist passed.
    expect((await step(t.leader, d, 'deliberate', { deliberatedOn: '2025-03-20', meeting: '局长办公会议' })).body.code).toBe('LEGAL_REVIEW_REQUIRED');
    r = await step(t.legal, d, 'review', { reviewedOn: '2025-03-12', result: '同意', opinion: '同意', checklist: { ...checklist(), power: false } });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('checklist.power');
    expect((await step(t.legal, d, 'review', { reviewedOn: '2025-03-12', result: '同意', opinion: '同意' })).body.field).toBe('checklist.authority');
    r = await step(t.legal, d, 'review', { reviewedOn: '2025-03-12', result: '同意', opinion: '制定主体、权限、程序合法', checklist: checklist() });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    d = r.body.data;
    expect(d.reviewChecklist).toEqual(checklist());
    expect((await step(t.legal, d, 'issue', { issuedOn: '2025-03-20' })).body.code).toBe('NORMATIVE_PUBLISHED_BY_NUMBER');
    expect((await step(t.legal, d, 'publish', { publishedOn: '2025-03-20', numberPrefix: '天水规' })).status).toBe(422);
    d = (await step(t.leader, d, 'deliberate', { deliberatedOn: '2025-03-18', meeting: '局长办公会议（2025年第5次）' })).body.data;
    expect(d).toMatchObject({ status: 'deliberated', deliberation: '局长办公会议（2025年第5次）' });

    // 统一编号公布: the next number of the year's series; validity and filing due follow.
    r = await step(t.leader, d, 'publish', { publishedOn: '2025-03-17' });
    expect(r.body.field).toBe('publishedOn');
    r = await step(t.leader, d, 'publish', { publishedOn: '2025-03-20', validYears: 6 });
    expect(r.status).toBe(400);
    r = await step(t.leader, d, 'publish', { publishedOn: '2025-03-20' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    d = r.body.data;
    expect(d).toMatchObject({
      status: 'published',
      issuedOn: '2025-03-20',
      docNo: '天水规〔2025〕1号',
      filingDue: '2025-04-21', // 30 days end Saturday 19 April: the next working day
      validUntil: '2030-03-20',
      expiryReminderOn: '2029-09-20',
      publicStatus: '现行有效',
      filedOnTime: null,
    });
    expect((d.deadlines as Array<{ key: string; status: string }>).map((x) => x.key)).toEqual(['legal.normative.filing', 'legal.normative.validity']);
    const open = (await t.legal.req('GET', '/api/deadlines?module=legal')).body.data as Array<{ entityId: string; title: string; due: string }>;
    expect(open.filter((x) => x.entityId === d.id).map((x) => [x.title, x.due])).toEqual(
      expect.arrayContaining([
        ['报送备案期限', '2025-04-21'],
        ['有效期届满前评估清理', '2029-09-20'],
      ]),
    );

    // 备案: recorded once; the tracked deadline closes.
    r = await step(t.legal, d, 'file', { filedOn: '2025-04-21' });
    d = r.body.data;
    expect(d).toMatchObject({ filedOn: '2025-04-21', filedOnTime: true });
    expect((await step(t.legal, d, 'file', { filedOn: '2025-04-22' })).body.code).toBe('ALREADY_FILED');
    const after = (await t.legal.req('GET', '/api/deadlines?module=legal')).body.data as Array<{ entityId: string; title: string }>;
    expect(after.filter((x) => x.entityId === d.id).map((x) => x.title)).toEqual(['有效期届满前评估清理']);

    // The public list, without a session.
    let pub = await t.app.inject({ method: 'GET', url: '/api/public/legal/normative-documents' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json().data.items.find((x: { id: string }) => x.id === d.id)).toEqual({
      id: d.id,
      docNo: '天水规〔2025〕1号',
      title: '测试排水许可管理规定',
      publishedOn: '2025-03-20',
      validUntil: '2030-03-20',
      repealedOn: null,
      status: '现行有效',
    });

    // 清理: keep, then repeal — each with its date and reason; a stale version is a 409.
    r = await step(t.leader, d, 'clean', { cleanedOn: '2025-11-10', outcome: '继续有效', reason: '与上位法一致' });
    expect(r.body.data).toMatchObject({ status: 'published' });
    expect((await step(t.leader, d, 'repeal', { repealedOn: '2025-12-01', reason: 'x' })).status).toBe(409);
    d = r.body.data;
    r = await step(t.leader, d, 'clean', { cleanedOn: '2025-12-01', outcome: '废止', reason: '上位法已废止' });
    d = r.body.data;
    expect(d).toMatchObject({ status: 'repealed', repealedOn: '2025-12-01', repealReason: '清理：上位法已废止', publicStatus: '已废止', actions: [] });
    const one = (await t.legal.req('GET', `/api/legal/documents/${d.id}`)).body.data;
    expect(one.cleanups.map((x: { outcome: string; cleanedOn: string }) => [x.cleanedOn, x.outcome])).toEqual([
      ['2025-11-10', '继续有效'],
      ['2025-12-01', '废止'],
    ]);
    pub = await t.app.inject({ method: 'GET', url: '/api/public/legal/normative-documents' });
    expect(pub.json().data.items.find((x: { id: string }) => x.id === d.id).status).toBe('已废止');

    const ev = await history(t.sys.db, t.tenantId, 'legal.document', d.id);
    expect(ev.map((e) => e.action)).toEqual(['drafted', 'comment_opened', 'submitted', 'reviewed', 'deliberated', 'published', 'filed', 'cleaned', 'repealed']);
  });

  it('numbers a year as one series: the next number after the highest, whatever the prefix given', async () => {
    const a = await deliberated('编号测试一', '2024-02-20');
    const b = await deliberated('编号测试二', '2024-02-20');
    const pa = (await step(t.leader, a, 'publish', { publishedOn: '2024-03-01', numberPrefix: '天水规' })).body.data;
    const pb = (await step(t.leader, b, 'publish', { publishedOn: '2024-03-02' })).body.data;
    expect([pa.docNo, pb.docNo]).toEqual(['天水规〔2024〕1号', '天水规〔2024〕2号']);
  });

  it('answers 404 for another tenant on the public list, and 403 for a deliberation by the outside lawyer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/public/legal/normative-documents?tenant=00000000-0000-4000-8000-000000000000' })).statusCode).toBe(
      404,
    );
    const d = await t.legal.req('POST', '/api/legal/documents', { kind: '规范性文件', title: '权限测试', submittedOn: '2024-05-06' });
    expect((await step(t.advisor, d.body.data, 'deliberate', { deliberatedOn: '2024-05-07', meeting: 'x' })).status).toBe(403);
  });
});

describe('the 2022 normative figures of the demo', () => {
  it.each([
    ['legal.normative_issued', 2, 2],
    ['legal.normative_repealed', 1, 1],
    ['legal.normative_in_force', 3, 3],
    ['legal.normative_reviewed', 2, 2],
    ['legal.normative_filed_on_time', 50, 2],
  ])('%s = %d, drillable (%d records)', async (key, value, total) => {
    const d = (await t.legal.req('GET', `/api/metrics/${key}/drill?year=2022`)).body.data;
    expect(d.value).toBe(value);
    expect(d.total).toBe(total);
    expect(d.recordRoute).toBe('/legal/documents/:id');
  });
  it('fills table 二 of the disclosure annual report (本年制发 / 本年废止 / 现行有效)', async () => {
    const clerk = await login(t.app, 'clerk');
    const r = (await clerk.req('GET', '/api/disclosure/report/2022')).body.data;
    const rows = (r.proactive as Array<{ item: string; measure: string; value: number | null }>).filter((p) => p.item === '行政规范性文件');
    expect(rows.map((p) => [p.measure, p.value])).toEqual([
      ['本年制发件数', 2],
      ['本年废止件数', 1],
      ['现行有效件数', 3],
    ]);
  });
  it('lists the demo documents publicly with their status', async () => {
    const items = (await t.app.inject({ method: 'GET', url: '/api/public/legal/normative-documents' })).json().data.items as Array<{
      docNo: string;
      status: string;
    }>;
    const byNo = Object.fromEntries(items.map((x) => [x.docNo, x.status]));
    expect(byNo['天水规〔2018〕1号']).toBe('已废止');
    expect(byNo['天水规〔2022〕1号']).toBe('现行有效');
  });
});
