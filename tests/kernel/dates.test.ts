/**
 * One date validator: every route that takes a date refuses an impossible one (2023-02-30)
 * with a 400 naming the field — the kernel's `isIsoDate`, whether the date comes in the path,
 * the query (format `iso-date`) or the body (`check.date`) — and takes the real date next to it.
 */
import { describe, expect, it } from 'vitest';
import { serverSuite } from '../helpers/server.js';

const env = serverSuite({ admin: 'admin', flood: 'flood', legal: 'legal' });

interface Route {
  name: string;
  user: 'admin' | 'flood' | 'legal';
  method: 'GET' | 'PUT' | 'DELETE' | 'POST';
  /** `{d}` stands for the date. */
  url: string;
  body?: (d: string) => unknown;
  field: string;
}

const ROUTES: Route[] = [
  { name: 'a day of the calendar (path)', user: 'admin', method: 'GET', url: '/api/calendar/day/{d}', field: 'date' },
  { name: 'a deadline worked out (query)', user: 'admin', method: 'GET', url: '/api/calendar/explain?start={d}&n=3&unit=workday', field: 'start' },
  {
    name: 'an override of the calendar set (path)',
    user: 'admin',
    method: 'PUT',
    url: '/api/calendar/overrides/{d}',
    body: () => ({ kind: 'holiday', name: '测试' }),
    field: 'date',
  },
  { name: 'an override of the calendar removed (path)', user: 'admin', method: 'DELETE', url: '/api/calendar/overrides/{d}', field: 'date' },
  { name: 'the duty roster up to a day (query)', user: 'flood', method: 'GET', url: '/api/flood/duty?from=2023-02-01&to={d}', field: 'to' },
  {
    name: 'a study session (body)',
    user: 'legal',
    method: 'POST',
    url: '/api/staff/study-sessions',
    body: (d) => ({ date: d, form: '理论学习中心组', topic: '学习行政处罚法' }),
    field: 'date',
  },
];

describe('an impossible date', () => {
  it.each(ROUTES)('$name: 2023-02-30 is refused with 400 naming $field, and 2023-02-28 is taken', async ({ user, method, url, body, field }) => {
    const bad = await env[user].req(method, url.replace('{d}', '2023-02-30'), body?.('2023-02-30'));
    expect([bad.status, bad.body.code, bad.body.field]).toEqual([400, 'VALIDATION', field]);
    const good = await env[user].req(method, url.replace('{d}', '2023-02-28'), body?.('2023-02-28'));
    expect(good.status).toBeLessThan(300);
  });

  it('names no record: the history of a duty day 2023-02-30 is not found, and never reaches SQL', async () => {
    const r = await env.flood.req('GET', '/api/history/flood.duty/2023-02-30');
    expect([r.status, r.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});
