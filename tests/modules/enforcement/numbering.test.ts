/**
 * 立案 and 线索 numbers when several people save at once: each gets the next number of the unit's series
 * (`nextSerial` holds a transaction lock on the series), none is refused for a number another took.
 * On PostgreSQL the requests run in parallel transactions; on PGlite they queue on its one connection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { isoDateInShanghai } from '../../../src/core/calendar/calendar.js';
import { serverSuite } from '../../helpers/server.js';
import { squadOf } from '../../helpers/enforcementSquad.js';

let squadId: string;
let officerIds: string[];
const today = isoDateInShanghai(new Date());
const env = serverSuite({ enforcer: 'enforcer' });

beforeAll(async () => {
  const squad = await squadOf(env.enforcer);
  squadId = squad.squadId;
  officerIds = squad.officers.slice(0, 2).map((o) => o.id);
});

/** The serial of a number: its last run of digits. */
const serialOf = (no: string) => Number(/(\d+)号?$/.exec(no)?.[1]);

describe('numbers of a series taken at the same moment', () => {
  it('six cases filed at once in one unit: all filed, six consecutive numbers after the last one', async () => {
    const file = (i: number) =>
      env.enforcer.req('POST', '/api/enforcement/cases', {
        orgId: squadId,
        cause: `在河道管理范围内倾倒渣土（并发编号${i}）`,
        partyType: '法人',
        partyName: `广州市并发编号测试${i}有限公司`,
        filedOn: today,
        officerIds,
      });
    const first = await file(0);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const start = serialOf(first.body.data.caseNo);
    const rest = await Promise.all([1, 2, 3, 4, 5, 6].map(file));
    for (const r of rest) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const serials = rest.map((r) => serialOf(r.body.data.caseNo)).sort((a, b) => a - b);
    expect(serials).toEqual([1, 2, 3, 4, 5, 6].map((i) => start + i));
    for (const r of rest) expect(r.body.data.caseNo.replace(/\d+号$/, '')).toBe(first.body.data.caseNo.replace(/\d+号$/, ''));
  });

  it('six clues registered at once: six different consecutive numbers', async () => {
    const register = (i: number) =>
      env.enforcer.req('POST', '/api/enforcement/clues', { orgId: squadId, source: '巡查发现', receivedOn: today, summary: `并发线索编号${i}` });
    const all = await Promise.all([0, 1, 2, 3, 4, 5].map(register));
    for (const r of all) expect(r.status, JSON.stringify(r.body)).toBe(201);
    const serials = all.map((r) => serialOf(r.body.data.clueNo)).sort((a, b) => a - b);
    expect(serials).toEqual(serials.map((_, i) => serials[0]! + i));
  });
});
