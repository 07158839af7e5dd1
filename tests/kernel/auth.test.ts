import { describe, expect, it } from 'vitest';
import { login, testServer } from '../helpers/http.js';
import { serverSuite } from '../helpers/server.js';

const env = serverSuite({});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  env.app.inject({ method: 'POST', url, payload: payload as object, headers });

describe('login and sessions', () => {
  it('sets an httpOnly SameSite=Strict cookie and never returns the hash', async () => {
    const res = await post('/api/auth/login', { username: 'legal', password: 'Fazhi@2022' });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.body).not.toMatch(/argon2/);
    expect(res.json().data.roles).toEqual([{ key: 'legal', label: '依法行政办（法制）' }]);
  });

  it('answers a wrong password and an unknown user alike (no username enumeration)', async () => {
    const wrong = await post('/api/auth/login', { username: 'viewer', password: 'wrong-Password1' });
    const unknown = await post('/api/auth/login', { username: 'nobody-here', password: 'wrong-Password1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toBe('用户名或密码错误');
    expect((await post('/api/auth/login', { username: 'viewer', password: 'x'.repeat(1_000_000) })).statusCode).toBe(400);
  });

  it('checks at most 5 passwords when guesses come in parallel', async () => {
    // Staggered, so that some guesses take an attempt while earlier ones are still checking their password
    // and others after earlier ones have failed: a failure must never give back an attempt taken since.
    const guesses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        new Promise((r) => setTimeout(r, i * 25)).then(() => post('/api/auth/login', { username: 'flood', password: `Guess-${i}-tide` })),
      ),
    );
    const events = await env.sys.db
      .selectFrom('audit_event')
      .select(['action'])
      .where('entity', '=', 'user')
      .where('action', 'in', ['login_failed', 'locked'])
      .where('entity_id', '=', (await env.sys.db.selectFrom('app_user').select('id').where('username', '=', 'flood').executeTakeFirstOrThrow()).id)
      .execute();
    // Only the attempts that got to check a password are recorded as failures: never more than 5.
    expect(events.length).toBeLessThanOrEqual(5);
    const refusedStatus = guesses.filter((g) => g.statusCode === 423).length;
    expect(refusedStatus).toBeGreaterThanOrEqual(25);
    // Each attempt refused by the lock is on the record too, with when the lock ends.
    const refused = await env.sys.db
      .selectFrom('audit_event')
      .select(['changes'])
      .where('entity', '=', 'user')
      .where('action', '=', 'login_refused')
      .where('entity_id', '=', (await env.sys.db.selectFrom('app_user').select('id').where('username', '=', 'flood').executeTakeFirstOrThrow()).id)
      .execute();
    expect(refused).toHaveLength(refusedStatus);
    expect((refused[0]!.changes as { note: { lockedUntil: string } }).note.lockedUntil).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect((await post('/api/auth/login', { username: 'flood', password: 'Fazhi@2022' })).statusCode).toBe(423);
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    for (let i = 0; i < 5; i++) await post('/api/auth/login', { username: 'advisor', password: 'Wrong-pass-1' });
    const res = await post('/api/auth/login', { username: 'advisor', password: 'Fazhi@2022' });
    expect(res.statusCode).toBe(423);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(res.json().message).toMatch(/1[45]分钟后再试/);
    const u = await env.sys.db.selectFrom('app_user').select('locked_until').where('username', '=', 'advisor').executeTakeFirstOrThrow();
    const mins = (u.locked_until!.getTime() - Date.now()) / 60000;
    expect(mins).toBeGreaterThan(14);
    expect(mins).toBeLessThanOrEqual(15);
  });

  it('counts again from 1 once a lock has ended: four more failures do not lock, the fifth does', async () => {
    const advisor = () => env.sys.db.selectFrom('app_user').select(['id', 'failed_attempts', 'locked_until']).where('username', '=', 'advisor');
    // The lock of the test above, ended a minute ago; its count of 5 is still on the row.
    await env.sys.db
      .updateTable('app_user')
      .set({ failed_attempts: 5, locked_until: new Date(Date.now() - 60_000) })
      .where('username', '=', 'advisor')
      .execute();
    for (let i = 1; i <= 4; i++) {
      expect((await post('/api/auth/login', { username: 'advisor', password: 'Wrong-pass-2' })).statusCode).toBe(401);
      expect(await advisor().executeTakeFirstOrThrow()).toMatchObject({ failed_attempts: i, locked_until: null });
    }
    expect((await post('/api/auth/login', { username: 'advisor', password: 'Wrong-pass-2' })).statusCode).toBe(401);
    expect((await advisor().executeTakeFirstOrThrow()).locked_until!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    const { id } = await advisor().executeTakeFirstOrThrow();
    const notes = await env.sys.db
      .selectFrom('audit_event')
      .select(['action', 'changes'])
      .where('entity', '=', 'user')
      .where('entity_id', '=', id)
      .where('action', 'in', ['login_failed', 'locked'])
      .orderBy('seq', 'desc')
      .limit(5)
      .execute();
    expect(notes.map((n) => [n.action, (n.changes as { note: { failures: number } }).note.failures])).toEqual([
      ['locked', 5],
      ['login_failed', 4],
      ['login_failed', 3],
      ['login_failed', 2],
      ['login_failed', 1],
    ]);
  });

  it('refuses writes without the CSRF token', async () => {
    const c = await login(env.app, 'admin');
    const orgs = (await c.req('GET', '/api/orgs')).body.data;
    const bureau = orgs.find((o: any) => o.kind === 'bureau');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: { name: '新科室', kind: 'department', parentId: bureau.id },
      headers: { cookie: c.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    const ok = await c.req('POST', '/api/orgs', { name: '新科室', kind: 'department', parentId: bureau.id });
    expect(ok.status).toBe(201);
  });

  it('sends security headers and its own request ids', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'x-request-id': 'x'.repeat(2048) } });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    // The client's 2 KB id is not the request's id (it would be written into the audit chain).
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('marks the session cookie Secure when the client spoke HTTPS through a trusted proxy', async () => {
    const before = process.env.FAZHI_TRUST_PROXY;
    process.env.FAZHI_TRUST_PROXY = 'true';
    const proxied = await testServer(env.sys);
    try {
      const https = await proxied.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'viewer', password: 'Fazhi@2022' },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(String(https.headers['set-cookie'])).toMatch(/;\s*Secure/i);
      const plain = await proxied.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: 'Fazhi@2022' } });
      expect(String(plain.headers['set-cookie'])).not.toMatch(/;\s*Secure/i);
    } finally {
      await proxied.close();
      if (before === undefined) delete process.env.FAZHI_TRUST_PROXY;
      else process.env.FAZHI_TRUST_PROXY = before;
    }
  });

  it('applies CSRF and the forced password change to percent-encoded paths too', async () => {
    const c = await login(env.app, 'admin');
    const bureau = (await c.req('GET', '/api/orgs')).body.data.find((o: any) => o.kind === 'bureau');
    for (const url of ['/%61pi/orgs', '/api/%6Frgs', '/%61%70%69/orgs']) {
      const res = await env.app.inject({
        method: 'POST',
        url,
        payload: { name: `编码科${url.length}`, kind: 'department', parentId: bureau.id },
        headers: { cookie: c.cookie },
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('CSRF');
    }
    const created = await c.req('POST', '/api/users', {
      username: 'encoded',
      displayName: '编码测试',
      orgId: bureau.id,
      roles: ['viewer'],
      password: 'Init-Pass-2023',
    });
    expect(created.status).toBe(201);
    const u = await login(env.app, 'encoded', 'Init-Pass-2023');
    for (const url of ['/%61pi/users', '/api/%75sers', '/%61pi/orgs']) {
      const res = await env.app.inject({ method: 'GET', url, headers: { cookie: u.cookie } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const c = await login(env.app, 'clerk');
    expect((await c.req('GET', '/api/auth/me')).status).toBe(200);
    await env.sys.db
      .updateTable('app_session')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60000) })
      .execute();
    expect((await c.req('GET', '/api/auth/me')).status).toBe(401);
  });

  it('ends the other sessions of a user who changes the password', async () => {
    const admin = await login(env.app, 'admin');
    const bureau = (await admin.req('GET', '/api/orgs')).body.data.find((o: any) => o.kind === 'bureau');
    expect(
      (await admin.req('POST', '/api/users', { username: 'twice', displayName: '两处登录', orgId: bureau.id, roles: ['viewer'], password: 'Password1' })).body
        .field,
    ).toBe('password');
    expect(
      (await admin.req('POST', '/api/users', { username: 'twice', displayName: '两处登录', orgId: bureau.id, roles: ['viewer'], password: 'Twice-Tide7' })).body
        .message,
    ).toBe('密码不能包含用户名');
    expect(
      (await admin.req('POST', '/api/users', { username: 'twice', displayName: '两处登录', orgId: bureau.id, roles: ['viewer'], password: 'Init-Tide-73' }))
        .status,
    ).toBe(201);
    const office = await login(env.app, 'twice', 'Init-Tide-73');
    const phone = await login(env.app, 'twice', 'Init-Tide-73');
    expect((await office.req('POST', '/api/auth/password', { oldPassword: 'Init-Tide-73', newPassword: 'Pump-Gate-58' })).status).toBe(200);
    expect((await office.req('GET', '/api/auth/me')).status).toBe(200);
    expect((await phone.req('GET', '/api/auth/me')).status).toBe(401);
  });

  it('forces a new user to change the initial password before anything else, under the policy', async () => {
    const admin = await login(env.app, 'admin');
    const orgs = (await admin.req('GET', '/api/orgs')).body.data;
    const created = await admin.req('POST', '/api/users', {
      username: 'newbie',
      displayName: '新同事',
      orgId: orgs[0].id,
      roles: ['viewer'],
      password: 'Init-Pass-2022',
    });
    expect(created.status).toBe(201);
    const u = await login(env.app, 'newbie', 'Init-Pass-2022');
    const blocked = await u.req('GET', '/api/orgs');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await u.req('POST', '/api/auth/password', { oldPassword: 'Init-Pass-2022', newPassword: 'alllowercase' });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'VALIDATION', field: 'newPassword' });
    expect((await u.req('POST', '/api/auth/password', { oldPassword: 'Init-Pass-2022', newPassword: 'Better-Pass-7' })).status).toBe(200);
    expect((await u.req('GET', '/api/orgs')).status).toBe(200);
  });

  it('rejects a user with a password outside the policy, naming the field', async () => {
    const admin = await login(env.app, 'admin');
    const orgs = (await admin.req('GET', '/api/orgs')).body.data;
    const res = await admin.req('POST', '/api/users', { username: 'weak', displayName: '弱密码', orgId: orgs[0].id, roles: ['viewer'], password: 'short1A' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'password', message: '密码至少8位' });
  });

  it('names the missing field of a malformed request', async () => {
    const res = await post('/api/auth/login', { username: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION', field: 'password' });
  });
});
