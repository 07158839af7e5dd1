import { beforeAll, describe, expect, it } from 'vitest';
import { orgsByName } from '../../src/core/orgs.js';
import { systemActor } from '../../src/core/context.js';
import { write } from '../../src/core/audit/audit.js';
import { serverSuite } from '../helpers/server.js';

let deadlineId: string;
let otherStreetDeadline: string;

const env = serverSuite({ admin: 'admin', wushan: 'wushan' });
beforeAll(async () => {
  const tenantId = env.tenantId;
  const orgs = await orgsByName(env.sys.db, tenantId);
  const actor = systemActor(tenantId);
  // Two open deadlines (a module would track them): 10 working days from 2031-04-28,
  // a year whose holiday notice is not yet in chinese-days.
  await write(env.sys.ctx(actor), async (w) => {
    // The street's own unit stands for the record the deadline is of.
    const rectify = async (street: string) => {
      const unit = orgs.get(street)!.id;
      const d = await env.sys.calendar.track(w, actor, {
        module: 'test',
        entity: 'org',
        entityId: unit,
        orgId: unit,
        title: '整改期限',
        rule: { key: 'rectify', label: '整改期限', unit: 'workday', n: 10, source: '测试规则' },
        start: '2031-04-28',
      });
      return d.id;
    };
    deadlineId = await rectify('五山街道');
    otherStreetDeadline = await rectify('员村街道');
  });
});

describe('calendar overrides and tracked deadlines', () => {
  it('counts the statutory holidays and Mon–Fri in an uncovered year and says so', async () => {
    const res = await env.admin.req('GET', `/api/deadlines/${deadlineId}`);
    expect(res.status).toBe(200);
    // 2031-04-28 (Mon) + 10 working days; 劳动节 1–2 May hold by statute (全国年节及纪念日放假办法 art. 2),
    // no 调休 is known: 4-29, 4-30, 5-5 … 5-9, 5-12 … 5-14.
    expect(res.body.data.due).toBe('2031-05-14');
    expect(res.body.data.explanation.holidaysMet).toEqual([
      { date: '2031-05-01', name: '劳动节' },
      { date: '2031-05-02', name: '劳动节' },
    ]);
    expect(res.body.data.explanation.warnings.join()).toMatch(/2031年的节假日调休安排尚未录入/);
    expect((await env.admin.req('GET', '/api/calendar/day/2031-05-01')).body.data).toEqual({
      date: '2031-05-01',
      workday: false,
      kind: 'holiday',
      name: '劳动节',
      source: 'statute',
    });
  });

  it('recomputes open deadlines when an admin adds the May Day holidays (a bridging day moves it), and lists the changes', async () => {
    let changes: any[] = [];
    for (const date of ['2031-05-01', '2031-05-02', '2031-05-05']) {
      const res = await env.admin.req('PUT', `/api/calendar/overrides/${date}`, { kind: 'holiday', name: '劳动节' });
      expect(res.status).toBe(200);
      changes = changes.concat(res.body.data.changes);
    }
    const mine = changes.filter((c) => c.id === deadlineId);
    expect(mine.at(-1)).toMatchObject({ title: '整改期限', after: '2031-05-15' });
    // 1 and 2 May were holidays already: only the bridging Monday 5 May moves the due date.
    expect(mine).toHaveLength(1);
    expect(mine[0].before).toBe('2031-05-14');
    const res = await env.admin.req('GET', `/api/deadlines/${deadlineId}`);
    expect(res.body.data.due).toBe('2031-05-15');
    expect(res.body.data.explanation.holidaysMet.map((h: any) => h.date)).toEqual(['2031-05-01', '2031-05-02', '2031-05-05']);
    const hist = await env.admin.req('GET', `/api/history/org/${res.body.data.entityId}`);
    expect(hist.body.data.some((e: any) => e.action === 'deadline_recomputed')).toBe(true);
  });

  it('a make-up working day added by override shortens the period again', async () => {
    const res = await env.admin.req('PUT', '/api/calendar/overrides/2031-05-10', { kind: 'workday', name: '劳动节调休上班' });
    expect(res.body.data.changes.find((c: any) => c.id === deadlineId)).toMatchObject({ before: '2031-05-15', after: '2031-05-14' });
    expect((await env.admin.req('GET', '/api/calendar/day/2031-05-10')).body.data).toMatchObject({ workday: true, source: 'override' });
  });

  it('only an admin edits the override table, and bad input names the field', async () => {
    expect((await env.wushan.req('PUT', '/api/calendar/overrides/2031-06-02', { kind: 'holiday' })).status).toBe(403);
    const bad = await env.admin.req('PUT', '/api/calendar/overrides/2031-02-30', { kind: 'holiday' });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('date');
  });

  it("hides another street's deadline (404) and lists only the user's own", async () => {
    expect((await env.wushan.req('GET', `/api/deadlines/${otherStreetDeadline}`)).status).toBe(404);
    const list = (await env.wushan.req('GET', '/api/deadlines?module=test')).body.data;
    expect(list.map((d: any) => d.id)).toEqual([deadlineId]);
    const all = (await env.wushan.req('GET', '/api/deadlines')).body.data;
    expect(all.map((d: any) => d.id)).not.toContain(otherStreetDeadline);
    expect(new Set(all.map((d: any) => d.orgId))).toEqual(new Set([all[0].orgId]));
  });

  it('explains an ad-hoc deadline across Spring Festival 2025 with the make-up Sunday', async () => {
    const res = await env.wushan.req('GET', '/api/calendar/explain?start=2025-01-20&n=10&unit=workday');
    expect(res.body.data.due).toBe('2025-02-08');
    expect(res.body.data.makeupDaysMet.map((d: any) => d.date)).toEqual(['2025-01-26', '2025-02-08']);
  });

  it('counts across the year-end holiday: 2 working days after 2024-12-30 is 2025-01-02', async () => {
    const res = await env.wushan.req('GET', '/api/calendar/explain?start=2024-12-30&n=2&unit=workday');
    expect(res.body.data.due).toBe('2025-01-02');
    expect(res.body.data.holidaysMet.map((d: any) => d.date)).toEqual(['2025-01-01']);
  });

  it('rolls a 15-day period that ends in the National Day holidays to the next working day', async () => {
    // 2024-09-18 + 15 days = 2024-10-03 (holiday) → 2024-10-08.
    const res = await env.wushan.req('GET', '/api/calendar/explain?start=2024-09-18&n=15&unit=day');
    expect(res.body.data.due).toBe('2024-10-08');
    expect(res.body.data.rolledFrom).toBe('2024-10-03');
  });
});
