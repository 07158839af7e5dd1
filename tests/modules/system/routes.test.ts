/**
 * Every 系统管理 route answered once by an administrator, so the strict response check
 * (src/server/responses.ts) covers routes no other test calls: an answer that strays from its
 * declared schema is a 500 here.
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ admin: 'admin' });

describe('系统管理 routes answer as declared', () => {
  it('orgs: list, one, create, update', async () => {
    const list = await env.admin.req('GET', '/api/orgs');
    expect(list.status).toBe(200);
    const bureau = list.body.data.find((o: { kind: string }) => o.kind === 'bureau');
    expect(bureau).toMatchObject({ kindLabel: '局', parentId: null });
    expect((await env.admin.req('GET', `/api/orgs/${bureau.id}`)).body.data.id).toBe(bureau.id);
    const made = await env.admin.req('POST', '/api/orgs', { name: '测试科', kind: 'department', parentId: bureau.id });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ name: '测试科', kind: 'department', kindLabel: '科室', version: 1 });
    const changed = await env.admin.req('PATCH', `/api/orgs/${made.body.data.id}`, { version: 1, name: '测试二科' });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ name: '测试二科', version: 2 });
  });

  it('roles and users: list, create, update', async () => {
    const roles = await env.admin.req('GET', '/api/roles');
    expect(roles.body.data).toContainEqual({ key: 'admin', label: '系统管理员', scope: 'all' });
    const users = await env.admin.req('GET', '/api/users');
    expect(users.status).toBe(200);
    const orgId = users.body.data[0].orgId;
    const made = await env.admin.req('POST', '/api/users', { username: 'walker', displayName: '巡查员', orgId, roles: ['viewer'], password: 'Init-Pass-2023' });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ username: 'walker', mustChangePassword: true, lockedUntil: null, disabled: false });
    const changed = await env.admin.req('PATCH', `/api/users/${made.body.data.id}`, { version: made.body.data.version, disabled: true });
    expect(changed.status).toBe(200);
    expect(changed.body.data.disabled).toBe(true);
  });

  it('the calendar override table: list, set, delete', async () => {
    const set = await env.admin.req('PUT', '/api/calendar/overrides/2031-10-11', { kind: 'workday', name: '国庆节', note: '测试' });
    expect(set.status).toBe(200);
    expect(set.body.data).toMatchObject({ changes: expect.any(Array), warnings: expect.any(Array) });
    const list = await env.admin.req('GET', '/api/calendar/overrides');
    expect(list.body.data).toContainEqual({ date: '2031-10-11', kind: 'workday', name: '国庆节', note: '测试' });
    expect((await env.admin.req('DELETE', '/api/calendar/overrides/2031-10-11')).status).toBe(200);
    expect((await env.admin.req('GET', '/api/calendar/overrides')).body.data.map((o: { date: string }) => o.date)).not.toContain('2031-10-11');
  });

  it('the audit log and its chain check', async () => {
    const events = await env.admin.req('GET', '/api/audit?limit=5');
    expect(events.status).toBe(200);
    expect(events.body.data).toHaveLength(5);
    expect(typeof events.body.data[0].at).toBe('string');
    const verify = await env.admin.req('POST', '/api/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body.data.ok).toBe(true);
  });
});
