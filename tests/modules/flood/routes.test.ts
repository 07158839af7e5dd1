/**
 * The 防汛 routes no other test calls, walked once each, so the strict response check
 * (src/server/responses.ts) holds every answer to its declared schema.
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';
import { sql } from 'kysely';

const env = serverSuite({ flood: 'flood' });

describe('the flood routes answer as they declare', () => {
  it('a project: its page, then a change', async () => {
    const list = (await env.flood.req('GET', '/api/flood/projects?year=2022')).body.data;
    const page = await env.flood.req('GET', `/api/flood/projects/${list[0].id}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({ id: list[0].id, actions: { edit: true } });
    const changed = await env.flood.req('PATCH', `/api/flood/projects/${list[0].id}`, { version: page.body.data.version, status: '已完工' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ status: '已完工', version: page.body.data.version + 1 });
  });

  it('a deployment’s page', async () => {
    const list = (await env.flood.req('GET', '/api/flood/deployments?year=2022')).body.data;
    const page = await env.flood.req('GET', `/api/flood/deployments/${list[0].id}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({ id: list[0].id, actions: { edit: true } });
  });

  it('a drought warning: issued, then lifted', async () => {
    const made = await env.flood.req('POST', '/api/flood/warnings', { title: '咸潮预警（测试）', level: '黄色', startsOn: '2031-01-05' });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ level: '黄色', startsOn: '2031-01-05', endsOn: null });
    const lifted = await env.flood.req('PATCH', `/api/flood/warnings/${made.body.data.id}`, { version: made.body.data.version, endsOn: '2031-01-09' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.data.endsOn).toBe('2031-01-09');
  });

  it('a water work with its three persons (phones in full for the flood office), then the list published', async () => {
    const person = (name: string) => ({ name, post: '科长', phone: '13800001234' });
    const made = await env.flood.req('POST', '/api/flood/works', {
      name: '测试水闸',
      kind: '水闸',
      admin: person('甲'),
      tech: person('乙'),
      patrol: person('丙'),
    });
    expect(made.status).toBe(201);
    expect(made.body.data.admin).toEqual({ name: '甲', post: '科长', phone: '13800001234' });
    const published = await env.flood.req('POST', '/api/flood/disclosures', { year: 2031, publishedOn: '2031-03-01' });
    expect(published.status).toBe(201);
    expect(published.body.data).toMatchObject({ year: 2031, publishedOn: '2031-03-01', onTime: true, seasonStartsOn: '2031-04-01' });
  });
});

/** Rows of every flood table and audit events: what a refused request must leave as it was. */
const written = async () =>
  (
    await sql<{ n: string }>`SELECT (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM flood_risk_point) + (SELECT count(*) FROM flood_risk_progress)
      + (SELECT count(*) FROM flood_project) + (SELECT count(*) FROM flood_deployment) + (SELECT count(*) FROM flood_duty)
      + (SELECT count(*) FROM flood_drought_warning) + (SELECT count(*) FROM flood_dispatch) + (SELECT count(*) FROM flood_work)
      + (SELECT count(*) FROM flood_disclosure) AS n`.execute(env.sys.db)
  ).rows[0]!.n;

describe('the flood bodies are closed', () => {
  it('every write refuses a property it does not list, naming it, and writes nothing', async () => {
    const one = async (url: string) => (await env.flood.req('GET', url)).body.data[0];
    const point = await one('/api/flood/risk-points');
    const project = await one('/api/flood/projects?year=2022');
    const deployment = await one('/api/flood/deployments?year=2022');
    const warning = await one('/api/flood/warnings');
    const work = (await env.flood.req('GET', '/api/flood/works')).body.data.works[0];
    const person = { name: '甲', post: null, phone: null };
    const cases: Array<['POST' | 'PATCH' | 'PUT', string, Record<string, unknown>, string]> = [
      ['POST', '/api/flood/risk-points', { code: 'X-1', name: '测试点', registeredOn: '2022-03-01', status: '已完成' }, 'status'],
      ['PATCH', `/api/flood/risk-points/${point.id}`, { version: point.version, measure: '加固', street: '五山街道' }, 'street'],
      ['POST', `/api/flood/risk-points/${point.id}/progress`, { onDate: '2022-06-01', status: '整治中', note: '施工', by: '甲' }, 'by'],
      ['POST', '/api/flood/projects', { name: '测试项目', kind: '内涝治理项目', orgName: '五山街道' }, 'orgName'],
      ['PATCH', `/api/flood/projects/${project.id}`, { version: project.version, status: '已完工', id: project.id }, 'id'],
      ['POST', '/api/flood/deployments', { onDate: '2022-06-01', event: '测试暴雨', persons: 1, pumps: 0, vehicles: 0, boats: 2 }, 'boats'],
      ['PATCH', `/api/flood/deployments/${deployment.id}`, { version: deployment.version, persons: 9, total: 9 }, 'total'],
      ['PUT', '/api/flood/duty', { entries: [{ date: '2031-05-01', shift: '全天', role: 'A角', person: '甲', note: '' }] }, 'entries.0.note'],
      ['POST', '/api/flood/warnings', { title: '测试预警', level: '黄色', startsOn: '2031-01-05', area: '全区' }, 'area'],
      ['PATCH', `/api/flood/warnings/${warning.id}`, { version: warning.version, endsOn: null, lifted: true }, 'lifted'],
      ['POST', `/api/flood/warnings/${warning.id}/dispatches`, { onDate: warning.startsOn, content: '调度', salinity: 200 }, 'salinity'],
      ['POST', '/api/flood/works', { name: '测试泵站', kind: '泵站', admin: person, tech: person, patrol: person, street: '五山街道' }, 'street'],
      ['PATCH', `/api/flood/works/${work.id}`, { version: work.version, admin: { ...person, mobile: '13800001234' } }, 'admin.mobile'],
      ['POST', '/api/flood/disclosures', { year: 2032, publishedOn: '2032-03-01', works: 3 }, 'works'],
    ];
    const before = await written();
    for (const [method, url, body, field] of cases) {
      const r = await env.flood.req(method, url, body);
      expect([method, url, r.status, r.body.code, r.body.field]).toEqual([method, url, 400, 'VALIDATION', field]);
      expect(r.body.message).toContain(field);
    }
    expect(await written()).toBe(before);
  });

  it('takes a form’s cleared fields as null (not refused), and a number sent as text is refused naming the field', async () => {
    const made = await env.flood.req('POST', '/api/flood/deployments', {
      onDate: '2022-06-02',
      event: '测试降雨',
      persons: 3,
      pumps: 1,
      vehicles: 0,
      note: null,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const cleared = await env.flood.req('PATCH', `/api/flood/deployments/${made.body.data.id}`, { version: made.body.data.version, persons: null });
    expect([cleared.status, cleared.body.field]).toEqual([400, 'persons']);
    expect(cleared.body.message).toContain('投入人员');
    const text = await env.flood.req('PATCH', `/api/flood/deployments/${made.body.data.id}`, { version: made.body.data.version, persons: '3' });
    expect([text.status, text.body.field]).toEqual([400, 'persons']);
  });
});
