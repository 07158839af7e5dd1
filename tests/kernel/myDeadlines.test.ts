/**
 * 我的待办 (GET /api/deadlines/mine): the deadlines assigned to the signed-in person first, then the
 * rest of their unit's, soonest first in each, each naming its record; the bell's counts of what
 * is overdue and what falls due within 3 working days; nothing of another unit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { orgsByName } from '../../src/core/orgs.js';
import { systemActor } from '../../src/core/context.js';
import { write } from '../../src/core/audit/audit.js';
import { isoDateInShanghai } from '../../src/core/calendar/calendar.js';
import { serverSuite } from '../helpers/server.js';

let me: { userId: string };
const rule = (n: number) => ({ key: 'test', label: '测试期限', unit: 'workday' as const, n, source: '测试规则' });

const env = serverSuite({ yuancun: 'yuancun', wushan: 'wushan' });
beforeAll(async () => {
  me = (await env.yuancun.req('GET', '/api/auth/me')).body.data;
  const tenantId = env.tenantId;
  const orgs = await orgsByName(env.sys.db, tenantId);
  const unit = orgs.get('员村街道')!.id;
  const other = orgs.get('五山街道')!.id;
  const today = isoDateInShanghai(new Date());
  const actor = systemActor(tenantId);
  const track = (w: Parameters<Parameters<typeof write>[1]>[0], x: { id: string; org: string; start: string; n: number; assignee?: string; label?: string }) =>
    env.sys.calendar.track(w, actor, {
      module: 'test',
      entity: 'test.record',
      entityId: x.id,
      orgId: x.org,
      title: '测试期限',
      rule: rule(x.n),
      start: x.start,
      assigneeId: x.assignee ?? null,
      label: x.label ?? null,
    });
  await write(env.sys.ctx(actor), async (w) => {
    // Mine: one due later, one already overdue, one due in 2 working days (due soon).
    await track(w, { id: 'mine-later', org: unit, start: today, n: 20, assignee: me.userId, label: '员村〔测试〕1号' });
    await track(w, { id: 'mine-overdue', org: unit, start: '2026-01-05', n: 1, assignee: me.userId, label: '员村〔测试〕2号' });
    await track(w, { id: 'mine-soon', org: unit, start: today, n: 2, assignee: me.userId, label: '员村〔测试〕3号' });
    // The unit's, nobody's in particular, due soonest of all.
    await track(w, { id: 'unit-soon', org: unit, start: today, n: 1, label: '员村〔测试〕4号' });
    // Another street's, assigned to nobody here.
    await track(w, { id: 'other', org: other, start: today, n: 1, label: '五山〔测试〕1号' });
  });
});

describe('我的待办', () => {
  it('lists my own deadlines first (soonest first), then the rest of my unit, each naming its record', async () => {
    const r = await env.yuancun.req('GET', '/api/deadlines/mine');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const test = r.body.data.items.filter((d: { module: string }) => d.module === 'test');
    expect(test.map((d: { entityId: string }) => d.entityId)).toEqual(['mine-overdue', 'mine-soon', 'mine-later', 'unit-soon']);
    expect(test.map((d: { mine: boolean }) => d.mine)).toEqual([true, true, true, false]);
    expect(test[0]).toMatchObject({ label: '员村〔测试〕2号', status: 'overdue' });
    expect(test[1]).toMatchObject({ status: 'due_soon' });
    expect(test[2]).toMatchObject({ status: 'ok' });
  });
  it('counts what is overdue and what falls due within 3 working days (the bell), mine and my unit’s', async () => {
    const d = (await env.yuancun.req('GET', '/api/deadlines/mine')).body.data;
    const items = d.items as Array<{ status: string }>;
    // Every item is listed (fewer than the page), so the counts agree with the statuses shown.
    expect(items.length).toBeLessThan(50);
    expect(d.overdue).toBe(items.filter((x) => x.status === 'overdue').length);
    expect(d.dueSoon).toBe(items.filter((x) => x.status === 'due_soon').length);
    expect(d.overdue).toBeGreaterThanOrEqual(1);
    expect(d.dueSoon).toBeGreaterThanOrEqual(2);
  });
  it('shows another street nothing of mine, and me nothing of theirs', async () => {
    const mine = (await env.yuancun.req('GET', '/api/deadlines/mine')).body.data.items.map((d: { entityId: string }) => d.entityId);
    expect(mine).not.toContain('other');
    const theirs = (await env.wushan.req('GET', '/api/deadlines/mine')).body.data.items.map((d: { entityId: string }) => d.entityId);
    expect(theirs).toContain('other');
    expect(theirs).not.toContain('mine-soon');
    expect(theirs).not.toContain('unit-soon');
  });
  it('refuses a page size out of range, naming it', async () => {
    const r = await env.yuancun.req('GET', '/api/deadlines/mine?limit=0');
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('limit');
  });
});
