/**
 * Every reading route of the demand modules answers what it declares: the test server checks
 * each answer strictly against the route's response schema (src/server/responses.ts), so a
 * presenter that drifts from its schema makes the call a 500 here. Writes are covered by each
 * module's own tests; this walks the pages the web reads, on the demo records.
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ admin: 'admin' });

const ok = async (url: string) => {
  const res = await env.admin.req('GET', url);
  expect(res.status, `${url}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
  return res.body;
};

describe('the demand routes answer what they declare', () => {
  it.each(['hotline', 'petitions', 'proposals', 'disclosure'])('%s: the list, and the record page of an open and of a finished record', async (module) => {
    const open = (await ok(`/api/${module}/items?status=open&pageSize=5`)).data;
    const closed = (await ok(`/api/${module}/items?status=closed&pageSize=5`)).data;
    expect(open.items.length).toBeGreaterThan(0);
    expect(closed.items.length).toBeGreaterThan(0);
    for (const item of [open.items[0], closed.items[0]]) {
      const r = (await ok(`/api/${module}/items/${item.id}`)).data;
      expect(r.id).toBe(item.id);
      expect(r.clock.explanation.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('the work queue, the overview and the assignees of a unit', async () => {
    await ok('/api/demands/queue?scope=unit');
    const overview = (await ok('/api/demands/overview')).data;
    expect(overview.byKind.map((k: { kind: string }) => k.kind)).toEqual(['hotline', 'petition', 'proposal', 'disclosure']);
    const orgId = overview.byUnit[0].orgId as string;
    expect((await ok(`/api/demands/assignees?orgId=${orgId}`)).data.every((u: { orgId: string }) => u.orgId === orgId)).toBe(true);
  });

  it("the hotline's clue requests and district average (read and entered)", async () => {
    await ok('/api/hotline/clue-requests?status=all');
    const put = await env.admin.req('PUT', '/api/hotline/district-average/2022', { avg: 3.25, note: '区平台通报' });
    expect(put.status).toBe(200);
    expect(put.body.data).toEqual({ year: 2022, avg: 3.25 });
    expect((await ok('/api/hotline/district-average')).data).toContainEqual({ year: 2022, avg: 3.25, note: '区平台通报' });
  });

  it('the proactive disclosures and the annual report', async () => {
    expect((await ok('/api/disclosure/proactive?year=2022')).data.length).toBeGreaterThan(0);
    const report = (await ok('/api/disclosure/report/2022')).data;
    expect(report.requests.check.ok).toBe(true);
    const text = await env.admin.req('PUT', '/api/disclosure/report/2022/text', { section: '总体情况', body: '本年度工作有序开展。' });
    expect(text.body).toEqual({ data: { ok: true } });
  });

  it('the reply letter of a replied proposal and the opinion of a replied petition are documents', async () => {
    for (const [module, file] of [
      ['proposals', 'reply.docx'],
      ['petitions', 'opinion.docx'],
    ] as const) {
      const done = (await ok(`/api/${module}/items?status=closed&pageSize=1`)).data.items[0];
      const res = await env.admin.req('GET', `/api/${module}/items/${done.id}/${file}`);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toContain('wordprocessingml');
    }
  });
});
