/**
 * Every reading route the kernel shares (workflows, history, findings, attachments, ledgers,
 * metrics, deadlines, the calendar) answered once, so the strict response check
 * (src/server/responses.ts) covers each: an answer that strays from its declared schema is a 500.
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';

const env = serverSuite({ admin: 'admin' });

const ok = async (url: string) => {
  const r = await env.admin.req('GET', url);
  expect(r.status, `${url}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(200);
  return r;
};

describe('the kernel routes answer as declared', () => {
  it('workflows: the list and a matrix', async () => {
    const list = (await ok('/api/workflows')).body.data;
    expect(list.length).toBeGreaterThan(0);
    const m = (await ok(`/api/workflows/${list[0].key}`)).body.data;
    expect(m.rows.length).toBeGreaterThan(0);
    expect(m.markdown).toContain('|');
  });

  it('a deadline, its record history, findings and attachments', async () => {
    const open = (await ok('/api/deadlines')).body.data;
    expect(open.length).toBeGreaterThan(0);
    const d = open[0];
    expect((await ok(`/api/deadlines/${d.id}`)).body.data.explanation.due).toBe(d.due);
    const hist = (await ok(`/api/history/${d.entity}/${d.entityId}`)).body.data;
    expect(typeof hist[0]?.at).toBe('string');
    expect(Array.isArray((await ok(`/api/findings/${d.entity}/${d.entityId}`)).body.data)).toBe(true);
    const boundary = '----fazhi';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\n${d.entity}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${d.entityId}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="说明.txt"\r\nContent-Type: text/plain\r\n\r\n现场检查记录`,
      `--${boundary}--\r\n`,
    ].join('\r\n');
    const up = await env.admin.req('POST', '/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.status).toBe(201);
    const list = (await ok(`/api/attachments?entity=${d.entity}&entityId=${d.entityId}`)).body.data;
    expect(list.map((a: { id: string }) => a.id)).toContain(up.body.data.id);
    expect((await ok(`/api/attachments/${up.body.data.id}/content`)).body).toBe('现场检查记录');
  });

  it('ledgers: the list, a template and an export', async () => {
    const ledgers = (await ok('/api/ledgers')).body.data;
    const orgs = ledgers.find((l: { key: string }) => l.key === 'orgs');
    expect(orgs.columns.length).toBeGreaterThan(0);
    await ok('/api/ledgers/orgs/template');
    expect((await ok('/api/ledgers/orgs/export?format=csv')).headers['content-type']).toContain('text/csv');
  });

  it('metrics: every value and a drill-down', async () => {
    const metrics = (await ok('/api/metrics?year=2022')).body.data;
    expect(metrics.length).toBeGreaterThan(0);
    const drill = (await ok(`/api/metrics/${metrics[0].key}/drill?year=2022`)).body.data;
    expect(drill.key).toBe(metrics[0].key);
    expect(Array.isArray(drill.rows)).toBe(true);
  });

  it('the calendar: a day, a month and a worked deadline', async () => {
    expect((await ok('/api/calendar/day/2024-10-01')).body.data).toMatchObject({ workday: false, kind: 'holiday' });
    expect((await ok('/api/calendar/month/2024-10')).body.data.days).toHaveLength(31);
    expect((await ok('/api/calendar/explain?start=2024-09-30&n=7&unit=workday')).body.data.due).toBe('2024-10-15');
  });
});
