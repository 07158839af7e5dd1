/**
 * 审计日志的查询与导出、登录日志、个人中心的会话 (issue 14 item 6): every filter of GET /api/audit
 * in SQL, bad values refused naming the field, the export equal to the filtered rows, sign-ins
 * recording their address and browser, and a user's sessions — listed, revoked one by one or all
 * but this one, never another user's.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { countEvents, recentEvents } from '../../../src/core/audit/audit.js';
import { isoDateInShanghai } from '../../../src/core/calendar/calendar.js';
import { login } from '../../helpers/http.js';
import { expectRefused, serverSuite } from '../../helpers/server.js';

const env = serverSuite({ admin: 'admin' });
type Ev = { seq: number; actorId: string | null; entity: string; entityId: string; action: string; at: string; changes: { note?: Record<string, unknown> } };
const events = async (query: string): Promise<Ev[]> => {
  const r = await env.admin.req('GET', `/api/audit?${query.includes('limit=') ? '' : 'limit=500&'}${query}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data;
};

describe('GET /api/audit: the search', () => {
  it('filters by person, record type, verb, record and day, newest first, and pages by seq within the filter', async () => {
    // The demo is loaded by the system (no person): five sign-ins give a person five events.
    let flood = await login(env.app, 'flood');
    for (let i = 0; i < 4; i++) flood = await login(env.app, 'flood');
    const someone = { actorId: (await flood.req('GET', '/api/auth/me')).body.data.userId as string };
    const all = await events('');
    expect(all.length).toBeGreaterThan(10);
    const byActor = await events(`actorId=${someone.actorId}`);
    expect(byActor.length).toBeGreaterThan(4);
    expect(byActor.every((e) => e.actorId === someone.actorId)).toBe(true);

    const logins = await events('entity=user&action=login');
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.entity === 'user' && e.action === 'login')).toBe(true);
    const signIns = await events('entity=user&action=login,logout,login_failed');
    expect(signIns.length).toBeGreaterThanOrEqual(logins.length);
    expect(signIns.every((e) => ['login', 'logout', 'login_failed'].includes(e.action))).toBe(true);

    const rec = all.find((e) => e.entity !== 'user')!;
    const byRecord = await events(`entityId=${encodeURIComponent(rec.entityId)}`);
    expect(byRecord.length).toBeGreaterThan(0);
    expect(byRecord.every((e) => e.entityId === rec.entityId)).toBe(true);
    const seqs = byRecord.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const today = isoDateInShanghai(new Date());
    const day = (n: number) => isoDateInShanghai(new Date(Date.now() + n * 86_400_000));
    expect((await events(`from=${today}&to=${today}&limit=5`)).length).toBe(5);
    expect(await events(`from=${day(1)}`)).toEqual([]);
    expect(await events(`to=${day(-1)}`)).toEqual([]);
    expect((await events(`from=${day(-1)}&to=${today}&actorId=${someone.actorId}`)).map((e) => e.seq)).toEqual(byActor.map((e) => e.seq));

    // A page after an event keeps the filter.
    const page1 = await events(`actorId=${someone.actorId}&limit=2`);
    const page2 = await events(`actorId=${someone.actorId}&limit=2&beforeSeq=${page1[1]!.seq}`);
    expect(page2.every((e) => e.seq < page1[1]!.seq && e.actorId === someone.actorId)).toBe(true);
    expect(page2.map((e) => e.seq)).toEqual(byActor.slice(2, 4).map((e) => e.seq));
  });

  it('a span of instants reads exactly the events inside it (the seq bounds found on the at index agree with at)', async () => {
    const all = (await recentEvents(env.sys.db, env.tenantId, { limit: 100_000 })).reverse();
    expect(all.length).toBeGreaterThan(20);
    const from = all[5]!.at;
    const to = all[all.length - 5]!.at;
    const want = all.filter((e) => e.at >= from && e.at < to).map((e) => e.seq);
    const got = (await recentEvents(env.sys.db, env.tenantId, { from, to, limit: 100_000 })).map((e) => e.seq).reverse();
    expect(got).toEqual(want);
    expect(await countEvents(env.sys.db, env.tenantId, { from, to })).toBe(want.length);
    const future = new Date(Date.now() + 86_400_000);
    expect(await recentEvents(env.sys.db, env.tenantId, { from: future, limit: 10 })).toEqual([]);
    expect(await recentEvents(env.sys.db, env.tenantId, { to: new Date(0), limit: 10 })).toEqual([]);
  });

  it('refuses bad values naming the field, changing nothing', async () => {
    expectRefused(await env.admin.req('GET', '/api/audit?from=2022-02-30'), 'from');
    expectRefused(await env.admin.req('GET', '/api/audit?to=2022-13-01'), 'to');
    expectRefused(await env.admin.req('GET', '/api/audit?from=2022-03-02&to=2022-03-01'), 'to', '截止日不能早于起始日');
    expectRefused(await env.admin.req('GET', '/api/audit?actorId=someone'), 'actorId');
    expectRefused(await env.admin.req('GET', '/api/audit?action=Login;drop'), 'action');
    expectRefused(await env.admin.req('GET', '/api/audit?entity=User%20X'), 'entity');
    expectRefused(await env.admin.req('GET', '/api/audit/export?from=20220301'), 'from');
  });

  it('exports exactly the filtered events under Chinese headers, newest first', async () => {
    const filtered = await events('entity=user');
    const r = await env.app.inject({ method: 'GET', url: '/api/audit/export?entity=user', headers: { cookie: env.admin.cookie } });
    expect(r.statusCode).toBe(200);
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('审计日志列表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '时间', '操作人', '记录类型', '动作', '记录', '变更字段']);
    const seqs: number[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) seqs.push(Number(row.getCell(1).value));
    });
    expect(seqs).toEqual(filtered.map((e) => e.seq));
    const first = ws.getRow(2).values as unknown[];
    expect(first[4]).toBe('用户');
    expect(['登录', '登录失败', '锁定', '退出登录', '修改密码', '重置密码', '新建', '修改', '导入', '注销会话', '退出其他设备']).toContain(first[5]);
    expect(String(first[2])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    // The changed fields in Chinese, as the owning module names them (src/modules/<m>/labels.ts), never as recorded.
    const edits = await env.admin.req('GET', '/api/audit/export?format=csv&action=updated');
    expect(edits.status).toBe(200);
    const rows = String(edits.body).trim().split(/\r?\n/).slice(1);
    const withFields = rows.filter((l) => !/,$/.test(l));
    expect(withFields.length).toBeGreaterThan(0);
    expect(withFields.filter((l) => /[a-z]+_[a-z]+|[a-z]+[A-Z][a-z]+/.test(l.split(',').at(-1) ?? ''))).toEqual([]);

    const csv = await env.admin.req('GET', `/api/audit/export?format=csv&action=login&entity=user`);
    expect(csv.status).toBe(200);
    const lines = String(csv.body).trim().split(/\r?\n/);
    expect(lines).toHaveLength((await events('entity=user&action=login')).length + 1);
  });

  it('lists the people to search by for whoever reads the log', async () => {
    const legal = await login(env.app, 'legal');
    const r = await legal.req('GET', '/api/audit/actors');
    expect(r.status).toBe(200);
    expect(r.body.data.length).toBeGreaterThan(0);
    expect(r.body.data[0]).toEqual({ id: expect.any(String), name: expect.any(String), username: expect.any(String) });
    const clerk = await login(env.app, 'licensing');
    expect((await clerk.req('GET', '/api/audit/actors')).status).toBe(403);
    expect((await clerk.req('GET', '/api/audit/export')).status).toBe(403);
  });
});

describe('登录日志: sign-ins carry their address and browser', () => {
  it('records ip and user agent on a sign-in, a failure, and a sign-out', async () => {
    const ua = 'Mozilla/5.0 (Windows NT 10.0) 测试浏览器';
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'viewer', password: 'Fazhi@2022' },
      headers: { 'user-agent': ua },
    });
    expect(ok.statusCode).toBe(200);
    await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: 'Wrong-pass-1' }, headers: { 'user-agent': ua } });
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    const out = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'x-csrf-token': ok.json().data.csrfToken } });
    expect(out.statusCode).toBe(200);
    const log = await events(`entity=user&entityId=${ok.json().data.userId}&action=login,login_failed,locked,logout`);
    expect(log.slice(0, 3).map((e) => e.action)).toEqual(['logout', 'login_failed', 'login']);
    expect(log[2]!.changes.note).toMatchObject({ ip: expect.any(String), userAgent: ua });
    expect(log[1]!.changes.note).toMatchObject({ failures: 1, userAgent: ua });
  });
});

describe('个人中心: my sessions', () => {
  it('lists my live sessions with an opaque id, marks this one, and shows my own sign-ins', async () => {
    const a = await login(env.app, 'enforcer');
    const b = await login(env.app, 'enforcer');
    const r = await a.req('GET', '/api/auth/sessions');
    expect(r.status).toBe(200);
    const mine = r.body.data as Array<{ id: string; current: boolean; createdAt: string; lastSeenAt: string }>;
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((s) => s.current)).toHaveLength(1);
    for (const s of mine) expect(s.id).toMatch(/^[0-9a-f]{16}$/);
    // The id is no token: as a cookie it signs nobody in.
    const asCookie = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `fazhi_session=${mine[0]!.id}` } });
    expect(asCookie.statusCode).toBe(401);
    const fromB = (await b.req('GET', '/api/auth/sessions')).body.data as typeof mine;
    expect(fromB.find((s) => s.current)!.id).not.toBe(mine.find((s) => s.current)!.id);

    const logins = await a.req('GET', '/api/auth/logins');
    expect(logins.status).toBe(200);
    expect(logins.body.data.length).toBeGreaterThanOrEqual(2);
    expect(logins.body.data[0]).toMatchObject({ action: 'login', ip: expect.any(String) });
  });

  it("revokes one of my sessions (its token is refused after), never another user's (404)", async () => {
    const a = await login(env.app, 'legal');
    const b = await login(env.app, 'legal');
    const other = await login(env.app, 'leader');
    const bId = ((await b.req('GET', '/api/auth/sessions')).body.data as Array<{ id: string; current: boolean }>).find((s) => s.current)!.id;
    const otherId = ((await other.req('GET', '/api/auth/sessions')).body.data as Array<{ id: string; current: boolean }>).find((s) => s.current)!.id;

    expect((await a.req('DELETE', `/api/auth/sessions/${otherId}`)).status).toBe(404);
    expect((await other.req('GET', '/api/auth/me')).status).toBe(200);
    expect((await a.req('DELETE', '/api/auth/sessions/0000000000000000')).status).toBe(404);
    expect((await a.req('DELETE', '/api/auth/sessions/not-an-id')).status).toBe(404);

    const gone = await a.req('DELETE', `/api/auth/sessions/${bId}`);
    expect(gone.status).toBe(200);
    expect(gone.body.data).toEqual({ revoked: 1 });
    expect((await b.req('GET', '/api/auth/me')).status).toBe(401);
    expect((await a.req('GET', '/api/auth/me')).status).toBe(200);
    const audited = await events(`entity=user&action=session_revoked`);
    expect(audited[0]!.changes.note).toEqual({ session: bId });
  });

  it('退出其他设备 ends every session of mine but this one', async () => {
    const a = await login(env.app, 'licensing');
    const b = await login(env.app, 'licensing');
    const c = await login(env.app, 'licensing');
    const other = await login(env.app, 'viewer');
    const r = await a.req('POST', '/api/auth/sessions/revoke-others');
    expect(r.status).toBe(200);
    expect(r.body.data.revoked).toBeGreaterThanOrEqual(2);
    expect((await b.req('GET', '/api/auth/me')).status).toBe(401);
    expect((await c.req('GET', '/api/auth/me')).status).toBe(401);
    expect((await a.req('GET', '/api/auth/me')).status).toBe(200);
    expect((await other.req('GET', '/api/auth/me')).status).toBe(200);
    const left = (await a.req('GET', '/api/auth/sessions')).body.data;
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
    expect((await a.req('POST', '/api/auth/sessions/revoke-others', undefined, { 'x-csrf-token': 'wrong' })).status).toBe(403);
  });
});
