/**
 * 立案 from a clue goes through the kernel's versioned update (`updateVersioned`): the clue becomes
 * `case` at version + 1 with one `filed_as_case` event, and a clue is never filed twice — a second
 * filing, sequential or at the same moment, is refused and writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { history } from '../../../src/core/audit/audit.js';
import { verifyRecords } from '../../../src/core/audit/records.js';
import { isoDateInShanghai } from '../../../src/core/calendar/calendar.js';
import type { EnfTables } from '../../../src/modules/enforcement/schema.js';
import { serverSuite } from '../../helpers/server.js';
import { squadOf } from '../../helpers/enforcementSquad.js';

let squadId: string;
let officerIds: string[];
let tenantId: string;
const today = isoDateInShanghai(new Date());

const env = serverSuite({ enforcer: 'enforcer' });
beforeAll(async () => {
  const squad = await squadOf(env.enforcer);
  squadId = squad.squadId;
  officerIds = squad.officers.slice(0, 2).map((o) => o.id);
  tenantId = (await env.sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id;
});

const newClue = async (summary: string) => {
  const r = await env.enforcer.req('POST', '/api/enforcement/clues', { orgId: squadId, source: '巡查发现', receivedOn: today, summary });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data as { id: string; version: number };
};
const fileFrom = (clueId: string) =>
  env.enforcer.req('POST', '/api/enforcement/cases', {
    orgId: squadId,
    clueId,
    cause: '在河道管理范围内倾倒渣土',
    partyType: '法人',
    partyName: '广州市立案测试有限公司',
    filedOn: today,
    officerIds,
  });
const db = () => env.sys.db.withTables<EnfTables>();
const clueOf = (id: string) => db().selectFrom('enf_clue').select(['status', 'version', 'case_id']).where('id', '=', id).executeTakeFirstOrThrow();
const casesOf = async (clueId: string) => (await db().selectFrom('enf_case').select('id').where('clue_id', '=', clueId).execute()).length;

describe('立案 from a clue (the versioned update)', () => {
  it('files the clue once: version + 1, status case, one filed_as_case event with what it changed', async () => {
    const c = await newClue('单次立案测试');
    const r = await fileFrom(c.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(await clueOf(c.id)).toMatchObject({ status: 'case', version: c.version + 1, case_id: r.body.data.id });
    const events = (await history(env.sys.db, tenantId, 'enforcement.clue', c.id)).filter((e) => e.action === 'filed_as_case');
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.changes)).toContain(r.body.data.caseNo);
    expect((await verifyRecords(env.sys.db, tenantId, { entities: ['enforcement.clue', 'enforcement.case'] })).problems).toEqual([]);
  });

  it('refuses a second filing of a filed clue and writes nothing', async () => {
    const c = await newClue('重复立案测试');
    expect((await fileFrom(c.id)).status).toBe(201);
    const filed = await clueOf(c.id);
    const again = await fileFrom(c.id);
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('CLUE_NOT_OPEN');
    expect(await clueOf(c.id)).toEqual(filed);
    expect(await casesOf(c.id)).toBe(1);
  });

  it('two filings of one clue at the same moment: one case, the other refused (409 or, when serialised, 422), one event', async () => {
    const c = await newClue('同时立案测试');
    const both = await Promise.all([0, 1].map(() => fileFrom(c.id)));
    const statuses = both.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    expect(await casesOf(c.id)).toBe(1);
    expect(await clueOf(c.id)).toMatchObject({ status: 'case', version: c.version + 1 });
    expect((await history(env.sys.db, tenantId, 'enforcement.clue', c.id)).filter((e) => e.action === 'filed_as_case')).toHaveLength(1);
  });
});
