import { beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../../src/core/audit/audit.js';
import { verifyRecords } from '../../../src/core/audit/records.js';
import { serverSuite } from '../../helpers/server.js';

let orgs: any[];
const org = (name: string) => orgs.find((o) => o.name === name).id as string;

const env = serverSuite({ wushan: 'wushan', yuancun: 'yuancun', legal: 'legal', enforcer: 'enforcer' });
beforeAll(async () => {
  orgs = (await env.legal.req('GET', '/api/orgs')).body.data;
});

describe('data scope: a street sees its own cases only', () => {
  it("lists only its own street's cases, and another street's case is 404", async () => {
    const mine = (await env.wushan.req('GET', '/api/enforcement/cases')).body.data;
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((c: any) => c.orgName))).toEqual(new Set(['五山街道']));
    const other = (await env.yuancun.req('GET', '/api/enforcement/cases')).body.data[0];
    const r = await env.wushan.req('GET', `/api/enforcement/cases/${other.id}`);
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('NOT_FOUND');
    expect(
      (await env.wushan.req('POST', `/api/enforcement/cases/${other.id}/events/add_evidence`, { version: other.version, kind: 'photo', title: 'x' })).status,
    ).toBe(404);
    expect((await env.wushan.req('GET', `/api/history/enforcement.case/${other.id}`)).status).toBe(404);
    expect((await env.wushan.req('GET', `/api/enforcement/cases/${other.id}/archive.zip`)).status).toBe(404);
  });

  it('the bureau sees every street as it happens (case reporting)', async () => {
    const all = (await env.legal.req('GET', '/api/enforcement/cases?side=streets')).body.data;
    expect(new Set(all.map((c: any) => c.orgName)).size).toBeGreaterThan(5);
  });

  it('a street cannot file a case for another street, nor on an item not delegated to streets', async () => {
    const officers = (await env.wushan.req('GET', '/api/enforcement/officers')).body.data;
    expect(new Set(officers.map((o: any) => o.orgName))).toEqual(new Set(['五山街道']));
    const items = (await env.wushan.req('GET', '/api/enforcement/items')).body.data;
    const base = { cause: '测试', partyType: '法人', partyName: '广州市某公司', filedOn: '2023-05-04', officerIds: officers.slice(0, 2).map((o: any) => o.id) };
    expect((await env.wushan.req('POST', '/api/enforcement/cases', { ...base, orgId: org('员村街道') })).status).toBe(404);
    const r = await env.wushan.req('POST', '/api/enforcement/cases', { ...base, orgId: org('五山街道'), itemId: items.find((i: any) => !i.delegated).id });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('itemId');
  });
});

describe('clues and 移送交办', () => {
  it('a clue is transferred to a street, received, answered and filed as a case there', async () => {
    const c = await env.enforcer.req('POST', '/api/enforcement/clues', {
      orgId: org('水政监察大队'),
      source: '12345',
      sourceRef: 'GD12345-2023-000777',
      receivedOn: '2023-05-04',
      summary: '市民反映某工地向河涌排放黄泥水',
    });
    expect(c.status).toBe(201);
    const bad = await env.enforcer.req('POST', '/api/enforcement/clues', {
      orgId: org('水政监察大队'),
      source: '电话',
      receivedOn: '2023-05-04',
      summary: 'x',
    });
    expect(bad.body).toMatchObject({ code: 'VALIDATION', field: 'source' });
    const t = await env.enforcer.req('POST', `/api/enforcement/clues/${c.body.data.id}/transfer`, {
      version: c.body.data.version,
      toOrgId: org('五山街道'),
      on: '2023-05-04',
    });
    // 15 working days from Thu 4 May 2023, counting the make-up Saturday 6 May
    expect(t.body.data).toMatchObject({ status: 'transferred', transferDueOn: '2023-05-24' });
    expect((await env.yuancun.req('POST', `/api/enforcement/clues/${c.body.data.id}/receive`, { version: t.body.data.version })).status).toBe(404);
    const rcv = await env.wushan.req('POST', `/api/enforcement/clues/${c.body.data.id}/receive`, { version: t.body.data.version, on: '2023-05-05' });
    expect(rcv.body.data.status).toBe('open');
    const fb = await env.wushan.req('POST', `/api/enforcement/clues/${c.body.data.id}/feedback`, {
      version: rcv.body.data.version,
      feedback: '已核查，拟立案查处',
      on: '2023-05-08',
    });
    expect(fb.body.data.feedbackOn).toBe('2023-05-08');
    const officers = (await env.wushan.req('GET', '/api/enforcement/officers')).body.data;
    const kase = await env.wushan.req('POST', '/api/enforcement/cases', {
      orgId: org('五山街道'),
      clueId: c.body.data.id,
      cause: '在建工地向河涌排放黄泥水',
      partyType: '法人',
      partyName: '广州市某某建设工程有限公司',
      filedOn: '2023-05-09',
      officerIds: officers.slice(0, 2).map((o: any) => o.id),
    });
    expect(kase.status, JSON.stringify(kase.body)).toBe(201);
    expect(kase.body.data).toMatchObject({ source: '12345', sourceRef: 'GD12345-2023-000777', clueId: c.body.data.id });
    const clue = (await env.legal.req('GET', '/api/enforcement/clues')).body.data.find((x: any) => x.id === c.body.data.id);
    expect(clue).toMatchObject({ status: 'case', caseId: kase.body.data.id });
    const tenantId = (await env.sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id;
    expect((await history(env.sys.db, tenantId, 'enforcement.clue', c.body.data.id)).map((e) => e.action)).toEqual([
      'created',
      'transferred',
      'received',
      'feedback_given',
      'filed_as_case',
    ]);
    // Each event recorded the clue's and the case's state after its change (verify --records).
    expect((await verifyRecords(env.sys.db, tenantId, { entities: ['enforcement.clue', 'enforcement.case'] })).problems).toEqual([]);
  });

  it('two people receiving the same transferred clue at once: one succeeds, the other is told it changed, one event', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/clues', {
        orgId: org('水政监察大队'),
        source: '巡查发现',
        receivedOn: '2023-05-04',
        summary: '同时签收测试',
      })
    ).body.data;
    const t = (await env.enforcer.req('POST', `/api/enforcement/clues/${c.id}/transfer`, { version: c.version, toOrgId: org('五山街道'), on: '2023-05-04' }))
      .body.data;
    const both = await Promise.all(
      [0, 1].map(() => env.wushan.req('POST', `/api/enforcement/clues/${c.id}/receive`, { version: t.version, on: '2023-05-05' })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const tenantId = (await env.sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id;
    expect((await history(env.sys.db, tenantId, 'enforcement.clue', c.id)).filter((e) => e.action === 'received')).toHaveLength(1);
  });

  it('a clue closed without a case needs a reason', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/clues', {
        orgId: org('水政监察大队'),
        source: '巡查发现',
        receivedOn: '2023-05-04',
        summary: '巡查发现河涌岸边堆放杂物',
      })
    ).body.data;
    expect((await env.enforcer.req('POST', `/api/enforcement/clues/${c.id}/close`, { version: c.version, reason: ' ' })).body.field).toBe('reason');
    expect((await env.enforcer.req('POST', `/api/enforcement/clues/${c.id}/close`, { version: c.version, reason: '已自行清理' })).body.data.status).toBe(
      'closed',
    );
  });
});

describe('案卷评查 and the comparison of streets', () => {
  it('draws a reproducible sample with its seed, scores it, and the figures follow', async () => {
    const body = { orgId: org('五山街道'), year: 2022, sampleSize: 2, seed: 20230115, on: '2023-01-15' };
    const a = await env.legal.req('POST', '/api/enforcement/reviews', body);
    const b = await env.legal.req('POST', '/api/enforcement/reviews', body);
    expect(a.status).toBe(201);
    const ra = (await env.legal.req('GET', `/api/enforcement/reviews/${a.body.data.id}`)).body.data;
    const rb = (await env.legal.req('GET', `/api/enforcement/reviews/${b.body.data.id}`)).body.data;
    expect(ra.items.map((i: any) => i.caseNo)).toEqual(rb.items.map((i: any) => i.caseNo));
    expect(ra).toMatchObject({ seed: 20230115, sampleSize: 2 });
    expect(ra.algorithm).toContain('mulberry32');
    const it0 = ra.items[0];
    const over = await env.legal.req('POST', `/api/enforcement/reviews/${ra.id}/items/${it0.id}`, { version: it0.version, scores: { subject: 11 } });
    expect(over.status).toBe(400);
    const scores = Object.fromEntries(ra.checklist.map((c: any) => [c.key, c.points - 1]));
    const ok = await env.legal.req('POST', `/api/enforcement/reviews/${ra.id}/items/${it0.id}`, {
      version: it0.version,
      scores,
      findings: '询问笔录未载明告知事项',
      rectification: '已补正',
      on: '2024-01-20',
    });
    expect(ok.body.data.score).toBe(94);
    expect((await env.wushan.req('POST', `/api/enforcement/reviews/${ra.id}/items/${it0.id}`, { version: 2, scores })).status).toBe(403);
    expect((await env.yuancun.req('GET', `/api/enforcement/reviews/${ra.id}`)).status).toBe(404);
    const m = (await env.legal.req('GET', '/api/metrics/enforcement.reviews.avg_score/drill?year=2024')).body.data;
    expect(m.value).toBe(94);
    expect(m.total).toBe(1);
    const cmp = (await env.legal.req('GET', '/api/enforcement/comparison?year=2022')).body.data;
    expect(cmp).toHaveLength(21);
    expect(cmp.reduce((s: number, r: any) => s + r.filed, 0)).toBe(41);
    expect(cmp.reduce((s: number, r: any) => s + r.closed, 0)).toBe(37);
    expect(cmp.find((r: any) => r.orgName === '五山街道').filed).toBeGreaterThan(0);
  });
});

describe('who handles a transferred clue', () => {
  it('the bureau cannot receive a clue it sent to a street; the page is told which actions each user has', async () => {
    const c = (
      await env.enforcer.req('POST', '/api/enforcement/clues', {
        orgId: org('水政监察大队'),
        source: '河长制',
        receivedOn: '2023-05-04',
        summary: '河长巡河发现排水口异常',
      })
    ).body.data;
    const allowed = (x: { actions: Array<{ event: string; allowed: boolean }> }) => x.actions.filter((a) => a.allowed).map((a) => a.event);
    expect(allowed(c)).toEqual(['file', 'transfer', 'close']);
    // The one shape: an action not open now says why (a clue not transferred has no feedback to give).
    expect(c.actions.find((a: { event: string }) => a.event === 'feedback')).toMatchObject({ allowed: false, reasons: ['该线索不是移送线索'] });
    const t = (await env.enforcer.req('POST', `/api/enforcement/clues/${c.id}/transfer`, { version: c.version, toOrgId: org('五山街道') })).body.data;
    expect(t.actions).toEqual([]);
    const r = await env.enforcer.req('POST', `/api/enforcement/clues/${c.id}/receive`, { version: t.version });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('NOT_HANDLER');
    const seen = (await env.wushan.req('GET', '/api/enforcement/clues')).body.data.find((x: any) => x.id === c.id);
    expect(allowed(seen)).toEqual(['receive']);
  });
});
