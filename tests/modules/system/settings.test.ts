/**
 * 系统设置 (PUT /api/system/settings): the bureau's screen watermark, off by default, switched by the
 * admin only, audited with its value before and after; every signed-in user reads it (and /api/auth/me
 * carries it, so the desktop app draws the watermark without another request).
 */
import { describe, expect, it } from 'vitest';
import { expectRefused, serverSuite } from '../../helpers/server.js';

const env = serverSuite({ admin: 'admin', leader: 'leader', clerk: 'licensing' });

describe('the bureau settings (屏幕水印)', () => {
  it('is off by default, for every signed-in user and in /api/auth/me', async () => {
    for (const c of [env.admin, env.clerk]) {
      const r = await c.req('GET', '/api/system/settings');
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual({ watermark: false });
    }
    expect((await env.clerk.req('GET', '/api/auth/me')).body.data.tenant).toMatchObject({ watermark: false });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    expectRefused(await env.admin.req('PUT', '/api/system/settings', { watermark: 'yes' }), 'watermark');
    expectRefused(await env.admin.req('PUT', '/api/system/settings', {}), 'watermark');
    expectRefused(await env.admin.req('PUT', '/api/system/settings', { watermark: true, colour: 'red' }), 'colour');
    expect((await env.admin.req('GET', '/api/system/settings')).body.data).toEqual({ watermark: false });
  });

  it('refuses anyone but the admin (403), leaders too', async () => {
    for (const c of [env.leader, env.clerk]) expect((await c.req('PUT', '/api/system/settings', { watermark: true })).status).toBe(403);
    expect((await env.admin.req('GET', '/api/system/settings')).body.data).toEqual({ watermark: false });
  });

  it('the admin turns it on: every user sees it, and the audit log records the change once', async () => {
    const on = await env.admin.req('PUT', '/api/system/settings', { watermark: true });
    expect(on.status).toBe(200);
    expect(on.body.data).toEqual({ watermark: true });
    expect((await env.clerk.req('GET', '/api/system/settings')).body.data).toEqual({ watermark: true });
    expect((await env.clerk.req('GET', '/api/auth/me')).body.data.tenant).toMatchObject({ watermark: true });
    // The same value again changes nothing and records nothing.
    expect((await env.admin.req('PUT', '/api/system/settings', { watermark: true })).status).toBe(200);
    const events = (await env.admin.req('GET', '/api/audit?entity=tenant&limit=10')).body.data as Array<Record<string, unknown>>;
    const changes = events.filter((e) => e.action === 'updated');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ entity: 'tenant', entityId: env.tenantId, actorName: '系统管理员' });
    expect(changes[0]!.changes).toMatchObject({ fields: [{ field: 'watermark', before: false, after: true }] });
    // And off again.
    expect((await env.admin.req('PUT', '/api/system/settings', { watermark: false })).body.data).toEqual({ watermark: false });
  });
});
