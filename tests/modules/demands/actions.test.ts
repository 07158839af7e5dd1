// The action routes of a demand kind: one route per action, its body validated by the action's own
// schema — an extra property, a misspelt field or an unknown action is a 400 naming it and changes
// nothing; the record's version and history stay as they were.
import { describe, expect, it } from 'vitest';
import { history } from '../../../src/core/audit/audit.js';
import { orgsByName } from '../../../src/core/orgs.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ clerk: 'clerk' });

describe('a demand action’s body is the action’s own', () => {
  it.each<[string, string, Record<string, unknown>, string]>([
    ['a reply carrying an evaluation', 'reply', { content: '已答复', result: '予以公开', satisfaction: '满意' }, 'satisfaction'],
    ['a pause carrying a status', 'pause', { reason: '征求第三方意见', status: 'closed' }, 'status'],
    ['an extension with a misspelt field', 'extend', { n: 5, approvedBy: '王主任', reasons: '需调取档案' }, 'reasons'],
    ['a close carrying a reply', 'close', { content: '已答复' }, 'content'],
  ])('refuses %s (400 naming the field), changing nothing', async (_n, action, body, field) => {
    const created = await env.clerk.req('POST', '/api/disclosure/items', {
      refNo: `GK-A-${action}-${field}`,
      receivedAt: '2023-05-04',
      demandType: '自然人',
      channel: '网络',
      title: '申请公开排水设施信息',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const r = created.body.data;
    const res = await env.clerk.req('POST', `/api/disclosure/items/${r.id}/${action}`, { version: r.version, ...body });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    const after = (await env.clerk.req('GET', `/api/disclosure/items/${r.id}`)).body.data;
    expect(after).toMatchObject({ version: r.version, status: r.status, reply: null });
    expect((await history(env.sys.db, env.tenantId, 'disclosure.request', r.id)).map((e) => e.action)).toEqual(['created']);
  });

  it('refuses an unknown action, naming it', async () => {
    const list = (await env.clerk.req('GET', '/api/disclosure/items?pageSize=1')).body.data.items[0];
    const res = await env.clerk.req('POST', `/api/disclosure/items/${list.id}/approve`, { version: list.version });
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('action');
  });

  it('takes the action with its own fields: 派单, a pause, then its resumption', async () => {
    const r = (
      await env.clerk.req('POST', '/api/disclosure/items', {
        refNo: 'GK-A-OK',
        receivedAt: '2023-05-04',
        demandType: '自然人',
        channel: '网络',
        title: '申请公开排水设施信息',
      })
    ).body.data;
    const unit = (await orgsByName(env.sys.db, env.tenantId)).get('排水管理科')!.id;
    const assigned = await env.clerk.req('POST', `/api/disclosure/items/${r.id}/assign`, { version: r.version, orgId: unit, reason: '属本科职责' });
    expect(assigned.body.data).toMatchObject({ status: 'handling', orgId: unit, version: r.version + 1 });
    const paused = await env.clerk.req('POST', `/api/disclosure/items/${r.id}/pause`, { version: r.version + 1, reason: '征求第三方意见', at: '2023-05-08' });
    expect(paused.status, JSON.stringify(paused.body)).toBe(200);
    expect(paused.body.data).toMatchObject({ status: 'paused', version: r.version + 2 });
    const resumed = await env.clerk.req('POST', `/api/disclosure/items/${r.id}/resume`, { version: paused.body.data.version, at: '2023-05-10' });
    expect(resumed.body.data).toMatchObject({ status: 'handling', clock: { pauses: [{ from: '2023-05-08', to: '2023-05-10', reason: '征求第三方意见' }] } });
    expect((await history(env.sys.db, env.tenantId, 'disclosure.request', r.id)).map((e) => e.action)).toEqual(['created', 'assigned', 'paused', 'resumed']);
  });
});
