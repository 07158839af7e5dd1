/**
 * JSON bodies are taken as sent (src/server/validation.ts): a property the route does not list is
 * refused naming it, a null sent for an optional number stays null (no coercion to 0), a number
 * sent as text is refused — and none of these writes anything. Path and query strings are still
 * coerced from text.
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';

const env = serverSuite({ admin: 'admin' });

const contract = (over: Record<string, unknown> = {}) => ({
  firm: '正文测试律师事务所',
  contractNo: `FL-BODY-${Math.random().toString(36).slice(2, 8)}`,
  startOn: '2031-01-01',
  endOn: '2031-12-31',
  ...over,
});
const count = async () => (await env.admin.req('GET', '/api/legal/contracts')).body.data.length as number;

describe('request bodies', () => {
  it('refuses a property the route does not list, naming it, and writes nothing', async () => {
    const before = await count();
    const r = await env.admin.req('POST', '/api/legal/contracts', contract({ feeYuan: 10, fee: 10 }));
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'fee' });
    expect(r.body.message).toContain('fee');
    expect(await count()).toBe(before);
  });
  it('refuses an unlisted property in an intersected body (fields + version) too, and accepts the listed ones', async () => {
    const c = await env.admin.req('POST', '/api/legal/contracts', contract({ feeYuan: 10 }));
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const bad = await env.admin.req('PUT', `/api/legal/contracts/${c.body.data.id}`, {
      ...contract(),
      contractNo: c.body.data.contractNo,
      version: 1,
      id: c.body.data.id,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('id');
    const ok = await env.admin.req('PUT', `/api/legal/contracts/${c.body.data.id}`, {
      ...contract(),
      contractNo: c.body.data.contractNo,
      feeYuan: 12,
      version: 1,
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data).toMatchObject({ feeYuan: 12, version: 2 });
  });
  it('keeps a null sent for an optional number as null (not coerced to 0)', async () => {
    const c = await env.admin.req('POST', '/api/legal/contracts', contract({ feeYuan: null }));
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(c.body.data.feeYuan).toBeNull();
  });
  it('refuses a number sent as text in a body, naming the field, and writes nothing', async () => {
    const before = await count();
    const r = await env.admin.req('POST', '/api/legal/contracts', contract({ feeYuan: '100' }));
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('feeYuan');
    expect(await count()).toBe(before);
  });
  it('still reads numbers from a query string', async () => {
    const r = await env.admin.req('GET', '/api/legal/documents?year=2022');
    expect(r.status).toBe(200);
    expect(r.body.data.length).toBeGreaterThan(0);
  });
});
