/**
 * 接口密钥 (issue 15, machine clients): an administrator creates a key for a named client, scoped to
 * the permissions it needs, expiring, shown once; with `Authorization: Bearer` the client pushes a
 * 12345 order, reads a metric and exports the 双公示 file — no session, no CSRF — and cannot read a
 * case; every use is audited with the key's name; a revoked, expired or forged key is refused.
 */
import { describe, expect, it } from 'vitest';
import { history } from '../../src/core/audit/audit.js';
import { resolveApiKey } from '../../src/core/auth/apiKeys.js';
import { isoDateInShanghai } from '../../src/core/calendar/calendar.js';
import { serverSuite } from '../helpers/server.js';

/** The day n days from today in Beijing (the bureau's day: from 16:00 UTC it is already tomorrow there). */
const inDays = (n: number) => isoDateInShanghai(new Date(Date.now() + n * 86_400_000));
const withKey = (token: string, method: 'GET' | 'POST', url: string, body?: unknown) =>
  env.app.inject({ method, url, payload: body as object | undefined, headers: { authorization: `Bearer ${token}` } });
const order = (no: string) => ({
  orderNo: no,
  receivedAt: '2022-06-01 09:30',
  demandType: '投诉',
  title: '河涌异味',
  content: '某河涌有异味，请处理',
  callerName: '张先生',
  callerPhone: '13800000000',
  location: '天河区某路',
  unitName: '员村街道',
});

const env = serverSuite({ admin: 'admin', clerk: 'clerk' });

describe('接口密钥', () => {
  let token = '';
  let keyId = '';
  it('is created by an administrator for a named client, scoped and expiring, and shown once', async () => {
    const r = await env.admin.req('POST', '/api/api-keys', {
      name: '12345平台',
      permissions: ['hotline.push', 'system.metrics.read', 'hotline.read', 'publicity.export'],
      expiresOn: inDays(90),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    token = r.body.data.token;
    keyId = r.body.data.key.id;
    expect(token).toMatch(/^fzk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(r.body.data.key).toMatchObject({ name: '12345平台', status: 'active', createdBy: '系统管理员' });
    const list = (await env.admin.req('GET', '/api/api-keys')).body.data;
    expect(list.find((k: { id: string }) => k.id === keyId)).toMatchObject({ name: '12345平台', permissions: expect.arrayContaining(['hotline.push']) });
    expect(JSON.stringify(list)).not.toContain(token.slice(-43));
    const stored = await env.sys.db.selectFrom('api_key').select('secret_hash').where('id', '=', keyId).executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(token.slice(-43));
  });
  it('pushes a 12345 order without a session or a CSRF token, idempotently', async () => {
    const first = await withKey(token, 'POST', '/api/hotline/push', order('KEY-2022-0001'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['set-cookie']).toBeUndefined();
    const again = await withKey(token, 'POST', '/api/hotline/push', order('KEY-2022-0001'));
    expect(again.statusCode).toBe(200);
    expect(again.json().data.id).toBe(first.json().data.id);
  });
  it('reads a metric and exports the 双公示 file it was given, and cannot read a case, a user or its own account', async () => {
    const m = await withKey(token, 'GET', '/api/metrics?year=2022');
    expect(m.statusCode, m.body.slice(0, 200)).toBe(200);
    expect(m.json().data.map((d: { key: string }) => d.key)).toContain('hotline.closed');
    expect(m.json().data.map((d: { key: string }) => d.key)).not.toContain('enforcement.bureau.closed');
    expect((await withKey(token, 'GET', '/api/metrics/hotline.closed/drill?year=2022')).statusCode).toBe(200);
    const x = await withKey(token, 'GET', '/api/publicity/export?kind=penalty&year=2022');
    expect(x.statusCode, x.body.slice(0, 200)).toBe(200);
    expect((await withKey(token, 'GET', '/api/enforcement/cases')).statusCode).toBe(403);
    expect((await withKey(token, 'GET', '/api/users')).statusCode).toBe(403);
    expect((await withKey(token, 'GET', '/api/auth/me')).statusCode).toBe(403);
  });
  it('audits every use with the key’s name, the route and the answer', async () => {
    const events = await history(env.sys.db, env.tenantId, 'api_key', keyId);
    const used = events.filter((e) => e.action === 'used');
    expect(used.length).toBeGreaterThanOrEqual(6);
    expect(used.map((e) => e.actorName)).toContain('接口：12345平台');
    expect(used.map((e) => (e.changes.note as { route: string }).route)).toContain('/api/hotline/push');
    expect(used.some((e) => (e.changes.note as { status: number }).status === 403)).toBe(true);
  });
  it('refuses a forged, malformed or unknown key (401), and the sign-in routes to any key', async () => {
    const forged = `${token.slice(0, -4)}AAAA`;
    expect((await withKey(forged, 'POST', '/api/hotline/push', order('KEY-2022-0002'))).statusCode).toBe(401);
    expect((await withKey('not-a-key', 'GET', '/api/metrics?year=2022')).statusCode).toBe(401);
    expect((await withKey(`fzk_${'0'.repeat(32)}_${'A'.repeat(43)}`, 'GET', '/api/metrics?year=2022')).statusCode).toBe(401);
    expect((await withKey(token, 'POST', '/api/auth/login', { username: 'admin', password: 'x' })).statusCode).toBe(403);
  });
  it('stops working when revoked, and an expired key is refused', async () => {
    const r = await env.admin.req('POST', `/api/api-keys/${keyId}/revoke`);
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({ status: 'revoked', revokedBy: '系统管理员' });
    const after = await withKey(token, 'POST', '/api/hotline/push', order('KEY-2022-0003'));
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('API_KEY_INVALID');
    const short = (await env.admin.req('POST', '/api/api-keys', { name: '信用平台', permissions: ['publicity.export'], expiresOn: inDays(1) })).body.data;
    expect(await resolveApiKey(env.sys.db, short.token)).toBeDefined();
    expect(await resolveApiKey(env.sys.db, short.token, new Date(Date.now() + 3 * 86_400_000))).toBeUndefined();
  });
  it('is refused, naming the field, for unknown or person-only permissions, a term over a year, and to a non-administrator', async () => {
    const bad = async (body: object) =>
      (await env.admin.req('POST', '/api/api-keys', { name: '省执法平台', permissions: ['publicity.export'], expiresOn: inDays(30), ...body })).body;
    expect(await bad({ permissions: ['no.such.permission'] })).toMatchObject({ code: 'VALIDATION', field: 'permissions' });
    expect(await bad({ permissions: ['system.users.manage'] })).toMatchObject({ code: 'VALIDATION', field: 'permissions' });
    expect(await bad({ permissions: [] })).toMatchObject({ code: 'VALIDATION', field: 'permissions' });
    expect(await bad({ expiresOn: inDays(400) })).toMatchObject({ code: 'VALIDATION', field: 'expiresOn' });
    expect(await bad({ name: 'x' })).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect((await env.clerk.req('POST', '/api/api-keys', { name: '省执法平台', permissions: ['hotline.push'], expiresOn: inDays(30) })).status).toBe(403);
    expect((await env.clerk.req('GET', '/api/api-keys')).status).toBe(403);
  });
});
