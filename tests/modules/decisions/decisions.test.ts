import { describe, expect, it } from 'vitest';
import type { Client } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';
import { systemActor } from '../../../src/core/context.js';
import { metricQuery, yearPeriod } from '../../../src/core/metrics/registry.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ legal: 'legal', leader: 'leader', street: 'wushan', viewer: 'viewer' });

const metric = async (key: string, year = 2022) => {
  const ctx = env.sys.ctx(systemActor(env.tenantId));
  return env.sys.registry.metrics.get(key)!.query(metricQuery(ctx, yearPeriod(year)));
};

describe('the demo bureau', () => {
  it('publishes its 2022 catalogue on the public page (no login)', async () => {
    const r = await env.app.inject({ method: 'GET', url: '/api/public/major-decisions' });
    expect(r.statusCode).toBe(200);
    const y = r.json().data.years[0];
    expect(y).toMatchObject({ year: 2022, publishedOn: '2022-02-25' });
    expect(y.items.map((i: any) => i.seq)).toEqual([1, 2, 3]);
    expect(y.items[0].title).toContain('防洪（潮）排涝应急预案');
  });

  it('states the 2022 figures from its records', async () => {
    expect(await metric('decisions.catalogue_items')).toBe(3);
    expect(await metric('decisions.made')).toBe(1);
    expect(await metric('decisions.with_participation')).toBe(1);
    expect(await metric('decisions.with_expert')).toBe(1);
    expect(await metric('decisions.with_risk')).toBe(1);
    expect(await metric('decisions.legality_reviewed')).toBe(1);
    expect(await metric('decisions.published')).toBe(1);
    expect(await metric('decisions.evaluated')).toBe(1);
    // No catalogue for 2021: the register was not kept, so no figure is stated (the report flags it).
    expect(await metric('decisions.made', 2021)).toBeNull();
    expect(await metric('decisions.catalogue_items', 2021)).toBeNull();
  });

  it('drills into the decisions made', async () => {
    const ctx = env.sys.ctx(systemActor(env.tenantId));
    const d = await env.sys.registry.metrics.get('decisions.made')!.drill(metricQuery(ctx, yearPeriod(2022)));
    expect(d.total).toBe(1);
    expect(d.recordRoute).toBe('/decisions/:id');
    expect(String(d.rows[0]!.title)).toContain('应急预案');
  });

  it('keeps a street out of the bureau departments’ decisions', async () => {
    const r = await env.street.req('GET', '/api/decisions');
    expect(r.status).toBe(200);
    expect(r.body.data.total).toBe(0);
    const all = await env.leader.req('GET', '/api/decisions?year=2022');
    expect(all.body.data.total).toBe(3);
    const one = await env.street.req('GET', `/api/decisions/${all.body.data.items[0].id}`);
    expect(one.status).toBe(404);
  });
});

describe('a decision from the draft to its archive', () => {
  let id: string;
  let version: number;
  let itemId: string;
  const step = async (event: string, body: Record<string, unknown>, who: Client = env.legal) => {
    const r = await who.req('POST', `/api/decisions/${id}/${event}`, { version, ...body });
    if (r.status === 200) version = r.body.data.version;
    return r;
  };
  const actions = async () =>
    (await env.legal.req('GET', `/api/decisions/${id}`)).body.data.actions as Array<{ event: string; allowed: boolean; reasons: string[] }>;

  it('adds a catalogue item and publishes the year', async () => {
    const c = await env.legal.req('POST', '/api/decisions/catalogue', { year: 2024, title: '制定《测试区节约用水管理办法》', category: '重大公共政策和措施' });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    itemId = c.body.data.id;
    expect(c.body.data.seq).toBe(1);
    const dup = await env.legal.req('POST', '/api/decisions/catalogue', {
      year: 2024,
      title: '制定《测试区节约用水管理办法》',
      category: '重大公共政策和措施',
    });
    expect(dup.status).toBe(409);
    const p = await env.legal.req('POST', '/api/decisions/catalogue/publish', { year: 2024, publishedOn: '2024-02-01' });
    expect(p.status).toBe(200);
    expect(p.body.data[0].publishedOn).toBe('2024-02-01');
  });

  it('refuses a step declared not applicable without its reason, naming the field', async () => {
    const r = await env.legal.req('POST', '/api/decisions', {
      year: 2024,
      title: '制定《测试区节约用水管理办法》',
      catalogueItemId: itemId,
      participationRequired: true,
      expertRequired: false,
      riskRequired: true,
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('expertNaReason');
    expect((await env.legal.req('GET', '/api/decisions?year=2024')).body.data.total).toBe(0);
  });

  it('registers the draft with the steps it needs', async () => {
    const r = await env.legal.req('POST', '/api/decisions', {
      year: 2024,
      title: '制定《测试区节约用水管理办法》',
      catalogueItemId: itemId,
      leader: '何副局长',
      participationRequired: true,
      expertRequired: false,
      expertNaReason: '不属于专业性、技术性较强的事项',
      riskRequired: true,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.data.id;
    version = r.body.data.version;
    expect(r.body.data).toMatchObject({ status: 'drafting', catalogueSeq: 1 });
    expect(r.body.data.steps.find((s: any) => s.key === 'expert')).toMatchObject({ required: false, naReason: '不属于专业性、技术性较强的事项' });
  });

  it('names the step in the audit event of a step declared not applicable', async () => {
    const r = await step('scope', { on: '2024-02-20', step: 'evaluation', required: false, reason: '实施期限短，不开展决策后评估' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const ev = (await history(env.sys.db, env.tenantId, 'decisions.decision', id)).find((e) => e.action === 'scope');
    expect(ev?.changes.note).toMatchObject({ step: '决策后评估' });
  });

  it('cannot go to review with a required step missing (第十四条、第二十二条)', async () => {
    const a = (await actions()).find((x) => x.event === 'submit_review')!;
    expect(a.allowed).toBe(false);
    expect(a.reasons.join()).toContain('公众参与尚未完成');
    expect(a.reasons.join()).toContain('风险评估尚未完成');
    expect((await step('submit_review', { on: '2024-03-01' })).status).toBe(422);
  });

  it('refuses a comment period of 29 days without a reason, takes 30 (第十五条)', async () => {
    const short = await step('consult', { on: '2024-03-01', endsOn: '2024-03-30' });
    expect(short.status).toBe(400);
    expect(short.body.field).toBe('shortReason');
    const ok = await step('consult', { on: '2024-03-01', endsOn: '2024-03-31' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data.clocks[0]).toMatchObject({ key: 'comment', due: '2024-03-31' });
    const early = await step('participation', { on: '2024-03-20', methods: ['向社会公开征求意见'], record: '收到意见3条' });
    expect(early.status).toBe(400);
    expect((await step('participation', { on: '2024-04-01', methods: ['向社会公开征求意见'], record: '收到意见3条，采纳2条' })).status).toBe(200);
    expect((await step('risk', { on: '2024-04-03', level: '低风险', record: '风险可控' })).status).toBe(200);
  });

  it('goes to the legal office; the undertaking side cannot give the opinion', async () => {
    expect((await step('submit_review', { on: '2024-04-08' })).body.data.status).toBe('in_review');
    const byLeader = await step('review_pass', { on: '2024-04-10', result: '同意', opinion: '同意' }, env.leader);
    expect(byLeader.status).toBe(403);
    const fail = await step('review_fail', { on: '2024-04-12', opinion: '第八条超越法定权限' });
    expect(fail.body.data.status).toBe('drafting');
    const disc = (await actions()).find((x) => x.event === 'decide');
    expect(disc).toBeUndefined();
    expect((await step('submit_review', { on: '2024-04-15' })).status).toBe(200);
    expect((await step('review_pass', { on: '2024-04-19', result: '修改后同意', opinion: '删除第八条后同意' })).body.data.status).toBe('reviewed');
  });

  it('asks the reason when the review had less than 7 working days (第二十六条), and the head’s reason against the majority (第三十条)', async () => {
    const base = { meeting: '局长办公会议', attendees: '李局长、何副局长', content: '通过' };
    // Submitted 2024-04-15: the 7 working days end on 2024-04-24.
    const early = await step('decide', { ...base, on: '2024-04-23' });
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('shortReviewReason');
    const noReason = await step('decide', { ...base, on: '2024-04-24', headDiffers: true });
    expect(noReason.status).toBe(400);
    expect(noReason.body.field).toBe('headReason');
    const made = await step('decide', { ...base, on: '2024-04-24' });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body.data).toMatchObject({ status: 'made', madeOn: '2024-04-24' });
  });

  it('publishes, evaluates and archives; every step is in the audit trail', async () => {
    expect((await step('publish', { on: '2024-04-30', channel: '区政府网站' })).body.data.status).toBe('published');
    expect((await step('archive', { on: '2024-05-10' })).body.data.status).toBe('archived');
    expect((await step('evaluate', { on: '2024-12-01', by: '第三方机构', record: '达到预期' })).status).toBe(200);
    const ev = await history(env.sys.db, env.tenantId, 'decisions.decision', id);
    expect(ev.map((e: any) => e.action)).toEqual(
      expect.arrayContaining([
        'created',
        'consult',
        'participation',
        'risk',
        'submit_review',
        'review_fail',
        'review_pass',
        'decide',
        'publish',
        'archive',
        'evaluate',
      ]),
    );
  });

  it('files the review opinion under its step; a street user cannot read it', async () => {
    const boundary = '----decisions';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\ndecisions.step`,
      `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${id}:review`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="合法性审查意见书.txt"\r\nContent-Type: text/plain\r\n\r\n删除第八条后同意。`,
      `--${boundary}--\r\n`,
    ].join('\r\n');
    const up = await env.legal.req('POST', '/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const list = await env.leader.req('GET', `/api/attachments?entity=decisions.step&entityId=${id}:review`);
    expect(list.body.data.map((a: any) => a.filename)).toEqual(['合法性审查意见书.txt']);
    expect((await env.street.req('GET', `/api/attachments?entity=decisions.step&entityId=${id}:review`)).status).toBe(404);
    expect((await env.leader.req('GET', `/api/attachments?entity=decisions.step&entityId=${id}:nosuchstep`)).status).toBe(404);
  });

  it('refuses bad input naming the field, changing nothing', async () => {
    const before = (await env.legal.req('GET', `/api/decisions/${id}`)).body.data;
    const cases: Array<['POST', string, Record<string, unknown>]> = [
      ['POST', '/api/decisions', { year: 2024, title: '测试\u0000决策', participationRequired: true, expertRequired: true, riskRequired: true }],
      ['POST', '/api/decisions', { year: 1e19, title: '测试决策', participationRequired: true, expertRequired: true, riskRequired: true }],
      ['POST', '/api/decisions', { year: 2024, title: 'x'.repeat(1_000_000), participationRequired: true, expertRequired: true, riskRequired: true }],
      ['POST', '/api/decisions/catalogue/publish', { year: 2024, publishedOn: '2023-02-30' }],
      ['POST', `/api/decisions/${id}/archive`, { version: before.version, on: '2023-02-30' }],
    ];
    for (const [method, url, body] of cases) {
      const r = await env.legal.req(method, url, body);
      expect(r.status, `${url} ${JSON.stringify(r.body).slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.field, url).toBeTruthy();
    }
    expect((await env.legal.req('GET', `/api/decisions/${id}`)).body.data.version).toBe(before.version);
    expect((await env.legal.req('GET', '/api/decisions?year=2024')).body.data.total).toBe(1);
  });

  it('reads but cannot write as a viewer', async () => {
    expect((await env.viewer.req('GET', `/api/decisions/${id}`)).status).toBe(200);
    expect((await env.viewer.req('POST', '/api/decisions/catalogue', { year: 2024, title: '只读', category: '重要规划' })).status).toBe(403);
  });
});
