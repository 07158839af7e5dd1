/**
 * The 防汛 routes no other test calls, walked once each, so the strict response check
 * (src/server/responses.ts) holds every answer to its declared schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import type { System } from '../../../src/core/system.js';

let sys: System;
let app: FastifyInstance;
let flood: Client;

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  flood = await login(app, 'flood');
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('the flood routes answer as they declare', () => {
  it('a project: its page, then a change', async () => {
    const list = (await flood.req('GET', '/api/flood/projects?year=2022')).body.data;
    const page = await flood.req('GET', `/api/flood/projects/${list[0].id}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({ id: list[0].id, actions: { edit: true } });
    const changed = await flood.req('PATCH', `/api/flood/projects/${list[0].id}`, { version: page.body.data.version, status: '已完工' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ status: '已完工', version: page.body.data.version + 1 });
  });

  it('a deployment’s page', async () => {
    const list = (await flood.req('GET', '/api/flood/deployments?year=2022')).body.data;
    const page = await flood.req('GET', `/api/flood/deployments/${list[0].id}`);
    expect(page.status).toBe(200);
    expect(page.body.data).toMatchObject({ id: list[0].id, actions: { edit: true } });
  });

  it('a drought warning: issued, then lifted', async () => {
    const made = await flood.req('POST', '/api/flood/warnings', { title: '咸潮预警（测试）', level: '黄色', startsOn: '2031-01-05' });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ level: '黄色', startsOn: '2031-01-05', endsOn: null });
    const lifted = await flood.req('PATCH', `/api/flood/warnings/${made.body.data.id}`, { version: made.body.data.version, endsOn: '2031-01-09' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.data.endsOn).toBe('2031-01-09');
  });

  it('a water work with its three persons (phones in full for the flood office), then the list published', async () => {
    const person = (name: string) => ({ name, post: '科长', phone: '13800001234' });
    const made = await flood.req('POST', '/api/flood/works', {
      name: '测试水闸',
      kind: '水闸',
      admin: person('甲'),
      tech: person('乙'),
      patrol: person('丙'),
    });
    expect(made.status).toBe(201);
    expect(made.body.data.admin).toEqual({ name: '甲', post: '科长', phone: '13800001234' });
    const published = await flood.req('POST', '/api/flood/disclosures', { year: 2031, publishedOn: '2031-03-01' });
    expect(published.status).toBe(201);
    expect(published.body.data).toMatchObject({ year: 2031, publishedOn: '2031-03-01', onTime: true, seasonStartsOn: '2031-04-01' });
  });
});
