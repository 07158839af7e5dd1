import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Client } from '../helpers/http.js';
import { orgsByName } from '../../src/core/orgs.js';
import { serverSuite } from '../helpers/server.js';
import { eventsAfter, lastSeq } from '../helpers/auditTrail.js';

/**
 * 数据范围 on create, the one route `tests/kernel/scopeOnCreate.test.ts` runs without
 * effect: `POST /api/enforcement/clues/from-hotline` takes the pending 12345 clue
 * requests in the actor's scope and registers each as a clue (the demo has none for
 * 五山街道). Here a 12345 order of 五山街道 is first flagged as a clue (`POST
 * /api/hotline/items/:id/clue`, the 12345 side), then taken by the street user
 * `wushan` (with the product's permissions: the street role flags orders and
 * registers clues); an order of 员村街道 is neither flagged nor taken by wushan.
 */

let OWN = '';
let OTHER = '';
let n = 0;
const orderNo = () => `SCC${Date.now().toString(36)}${++n}`;

const env = serverSuite({ wushan: 'wushan', yuancun: 'yuancun' });
beforeAll(async () => {
  const tenantId = env.tenantId;
  const orgs = await orgsByName(env.sys.db, tenantId);
  OWN = orgs.get('五山街道')!.id;
  OTHER = orgs.get('员村街道')!.id;
});

/** A 12345 order taken in by a street user (it lands in their street). */
async function intake(c: Client, refNo: string): Promise<{ id: string; orgId: string }> {
  const r = await c.req('POST', '/api/hotline/items', {
    refNo,
    receivedAt: '2024-03-01T09:00:00+08:00',
    title: '偷排污水',
    content: '举报偷排污水入河涌（范围测试）',
    location: '范围测试路1号',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data;
}
const requests = async () =>
  (
    await sql<{
      order_id: string;
      org_id: string;
      status: string;
      clue_ref: string | null;
    }>`SELECT order_id, org_id, status, clue_ref FROM hotline_clue_request ORDER BY requested_at`.execute(env.sys.db)
  ).rows;
const cluesOf = async (ref: string) =>
  (
    await sql<{
      id: string;
      org_id: string;
      clue_no: string;
      source: string;
    }>`SELECT id, org_id, clue_no, source FROM enf_clue WHERE source_ref = ${ref}`.execute(env.sys.db)
  ).rows;

describe('scope on create: a 12345 order becomes an enforcement clue of its own street', () => {
  it('a flagged order of 五山街道 becomes a clue of 五山街道, readable by wushan; 员村街道’s order is neither flagged nor taken by wushan', async () => {
    const ownNo = orderNo();
    const otherNo = orderNo();
    const own = await intake(env.wushan, ownNo);
    const other = await intake(env.yuancun, otherNo);
    expect([own.orgId, other.orgId]).toEqual([OWN, OTHER]);

    // wushan cannot flag another street's order: 404, nothing queued, no event.
    let seq = await lastSeq(env.sys.db);
    const before = await requests();
    const refused = await env.wushan.req('POST', `/api/hotline/items/${other.id}/clue`, { reason: '涉嫌违法排水' });
    expect(refused.status).toBe(404);
    expect(await requests()).toEqual(before);
    expect(await eventsAfter(env.sys.db, seq)).toEqual([]);

    // Each street flags its own order (the 12345 side of the outbox).
    for (const [c, o] of [
      [env.wushan, own],
      [env.yuancun, other],
    ] as const) {
      const r = await c.req('POST', `/api/hotline/items/${o.id}/clue`, { reason: '涉嫌违法排水' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    const pendingElsewhere = (await requests()).filter((r) => r.status === 'pending' && r.org_id !== OWN);
    expect(pendingElsewhere.map((r) => r.order_id)).toContain(other.id);

    // wushan takes the requests in scope: exactly the own order's, as a clue of 五山街道.
    seq = await lastSeq(env.sys.db);
    const taken = await env.wushan.req('POST', '/api/enforcement/clues/from-hotline', {});
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body.data).toEqual([{ clueNo: expect.any(String), orderNo: ownNo }]);
    const [clue] = await cluesOf(ownNo);
    expect(clue).toMatchObject({ org_id: OWN, source: '12345', clue_no: taken.body.data[0].clueNo });
    const events = await eventsAfter(env.sys.db, seq);
    expect(events.map((e) => `${e.entity}.${e.action}`).sort()).toEqual(['enforcement.clue.created', 'hotline.order.clue_consumed']);
    expect(events.every((e) => e.org_id === OWN)).toBe(true);
    // Readable by wushan: in the clue list and in its history.
    const list = (await env.wushan.req('GET', '/api/enforcement/clues?source=12345')).body.data as Array<{ id: string }>;
    expect(list.map((c) => c.id)).toContain(clue!.id);
    expect((await env.wushan.req('GET', `/api/history/enforcement.clue/${clue!.id}`)).status).toBe(200);

    // The other street's request, and every other unit's, stays pending; no clue of it.
    const after = await requests();
    for (const r of pendingElsewhere) expect(after.find((x) => x.order_id === r.order_id)).toMatchObject({ status: 'pending', clue_ref: null });
    expect(await cluesOf(otherNo)).toEqual([]);
    // A second run takes nothing more.
    expect((await env.wushan.req('POST', '/api/enforcement/clues/from-hotline', {})).body.data).toEqual([]);

    // 员村街道 takes its own: a clue of 员村街道, which wushan cannot read.
    const theirs = await env.yuancun.req('POST', '/api/enforcement/clues/from-hotline', {});
    expect(theirs.body.data).toEqual([{ clueNo: expect.any(String), orderNo: otherNo }]);
    const [otherClue] = await cluesOf(otherNo);
    expect(otherClue!.org_id).toBe(OTHER);
    expect((await env.wushan.req('GET', `/api/history/enforcement.clue/${otherClue!.id}`)).status).toBe(404);
  });
});
