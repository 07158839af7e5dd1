import { describe, expect, it } from 'vitest';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ admin: 'admin' });

describe('enforcement certificates', () => {
  it('warns of an expired certificate and records its renewal in the officer’s history', async () => {
    const officers = (await env.admin.req('GET', '/api/enforcement/officers')).body.data;
    const o = officers[0];
    const base = { orgId: o.orgId, name: o.name, examScore: o.examScore, active: o.active };
    const expired = await env.admin.req('PATCH', `/api/enforcement/officers/${o.id}`, {
      ...base,
      version: o.version,
      certNo: o.certNo,
      certIssuedOn: '2015-01-05',
      certValidUntil: '2020-01-04',
    });
    expect(expired.status).toBe(200);
    expect(expired.body.data.certStatus).toBe('expired');
    const renewed = await env.admin.req('PATCH', `/api/enforcement/officers/${o.id}`, {
      ...base,
      version: expired.body.data.version,
      certNo: '44010622099001',
      certIssuedOn: '2026-01-05',
      certValidUntil: '2031-01-04',
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.data).toMatchObject({ certStatus: 'valid', certNo: '44010622099001', certValidUntil: '2031-01-04' });
    const stale = await env.admin.req('PATCH', `/api/enforcement/officers/${o.id}`, {
      ...base,
      version: expired.body.data.version,
      certNo: 'X',
      certIssuedOn: '2026-01-05',
      certValidUntil: '2031-01-04',
    });
    expect(stale.status).toBe(409);
    const hist = (await env.admin.req('GET', `/api/history/enforcement.officer/${o.id}`)).body.data;
    const fields = hist.at(-1).changes.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['cert_no', 'cert_valid_until']));
  });
});
