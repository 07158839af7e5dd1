import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { dbKind, testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { systemActor } from '../../src/core/context.js';
import { createOrg, updateOrg } from '../../src/core/orgs.js';
import { history, verifyChain, type VerifyResult } from '../../src/core/audit/audit.js';
import { serverUrlOf } from '../../src/core/db/connect.js';

let sys: System;
let tenantId: string;
beforeAll(async () => {
  sys = await testSystem('demo');
  tenantId = (await listTenants(sys.db))[0]!.id;
});
afterAll(() => sys.close());

describe('audit chain', () => {
  it('writes one event per change, in the same transaction, with field-level before/after', async () => {
    const ctx = sys.ctx(systemActor(tenantId, '测试员'));
    const org = await createOrg(ctx, { name: '测试科', kind: 'department' });
    await updateOrg(ctx, { id: org.id, version: org.version }, { name: '测试二科' });
    const events = await history(sys.db, tenantId, 'org', org.id);
    expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
    expect(events[1]!.actorName).toBe('测试员');
    expect(events[1]!.changes.fields).toEqual([{ field: 'name', before: '测试科', after: '测试二科' }]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
  });

  it('rolls the event back with a failed change', async () => {
    const ctx = sys.ctx(systemActor(tenantId));
    const before = await sys.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(createOrg(ctx, { name: '五山街道', kind: 'street' })).rejects.toMatchObject({ code: 'DUPLICATE', field: 'name' });
    const after = await sys.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses updates and deletes of events (append-only)', async () => {
    await expect(sql`UPDATE audit_event SET actor_name = 'x' WHERE seq = 1`.execute(sys.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_event WHERE seq = 1`.execute(sys.db)).rejects.toThrow(/append-only/);
  });

  it('verifies an intact chain and names the first event a tamperer changed', async () => {
    const ok = await verifyChain(sys.db, tenantId);
    expect(ok.ok).toBe(true);
    // A tamperer with the power to disable the trigger edits event 5's content.
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(sys.db);
    await sql`UPDATE audit_event SET actor_name = '篡改者' WHERE tenant_id = ${tenantId} AND seq = 5`.execute(sys.db);
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`.execute(sys.db);
    const bad = await verifyChain(sys.db, tenantId);
    expect(bad).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('catches a deleted event as a gap', async () => {
    await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(sys.db);
    await sql`DELETE FROM audit_event WHERE tenant_id = ${tenantId} AND seq = 3`.execute(sys.db);
    await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`.execute(sys.db);
    const bad = await verifyChain(sys.db, tenantId);
    expect(bad).toMatchObject({ ok: false, brokenAt: 3 });
  });
});

/**
 * The streamed chain walk (verifyChain reads `batch` events at a time and asks for the next batch
 * while it hashes the current one): the verdict does not depend on the batch size, and a break is
 * named exactly where it is when it falls on a batch boundary — the last event of a batch, the first
 * of the next, a missing event between two batches.
 */
describe('the streamed chain walk', () => {
  // Its own database for each case: the cases tamper with it.
  let ws: System;
  let wt: string;
  let head: number;
  beforeEach(async () => {
    ws = await testSystem('demo');
    wt = (await listTenants(ws.db))[0]!.id;
    head = Number((await sql<{ n: number }>`SELECT max(seq)::int AS n FROM audit_event WHERE tenant_id = ${wt}`.execute(ws.db)).rows[0]!.n);
  });
  afterEach(() => ws.close());

  const unguard = () => sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(ws.db);
  const tamper = async (seq: number) => {
    await unguard();
    await sql`UPDATE audit_event SET actor_name = '篡改者' WHERE tenant_id = ${wt} AND seq = ${seq}`.execute(ws.db);
  };
  const remove = async (seq: number) => {
    await unguard();
    await sql`DELETE FROM audit_event WHERE tenant_id = ${wt} AND seq = ${seq}`.execute(ws.db);
  };

  it('gives the same verdict whatever the batch size, a full last batch included', async () => {
    expect(head).toBeGreaterThan(30);
    const whole = await verifyChain(ws.db, wt);
    expect(whole).toMatchObject({ ok: true, events: head });
    // 3 and 7: many batches; head and head - 1: the first batch exactly full (then an empty one), or one short.
    for (const batch of [3, 7, head, head - 1, head + 1]) expect(await verifyChain(ws.db, wt, { batch: batch }), `batch ${batch}`).toEqual(whole);
  });

  it('names a changed event that is the last of a batch', async () => {
    await tamper(20);
    expect(await verifyChain(ws.db, wt, { batch: 10 })).toMatchObject({
      ok: false,
      brokenAt: 20,
      events: 19,
      reason: expect.stringContaining('内容与其哈希不符'),
    });
  });

  it('names a changed event that is the first of a batch', async () => {
    await tamper(21);
    expect(await verifyChain(ws.db, wt, { batch: 10 })).toMatchObject({
      ok: false,
      brokenAt: 21,
      events: 20,
      reason: expect.stringContaining('内容与其哈希不符'),
    });
  });

  it('names a missing event between two batches', async () => {
    // Event 21 gone: batch one ends at 20, batch two starts at 22.
    await remove(21);
    expect(await verifyChain(ws.db, wt, { batch: 10 })).toMatchObject({
      ok: false,
      brokenAt: 21,
      events: 20,
      reason: expect.stringContaining('缺少第 21 号事件'),
    });
  });

  it('names a missing event that would have ended a batch', async () => {
    await remove(20);
    expect(await verifyChain(ws.db, wt, { batch: 10 })).toMatchObject({ ok: false, brokenAt: 20, events: 19, reason: expect.stringContaining('序号跳至 21') });
  });

  it('names a broken link on the first event of a batch (the previous hash replaced)', async () => {
    await unguard();
    await sql`UPDATE audit_event SET prev_hash = ${'0'.repeat(64)} WHERE tenant_id = ${wt} AND seq = 11`.execute(ws.db);
    expect(await verifyChain(ws.db, wt, { batch: 10 })).toMatchObject({ ok: false, brokenAt: 11, reason: expect.stringContaining('前序哈希') });
  });

  it('leaves the connection usable after a break found while the next batch was being read', async () => {
    await tamper(3);
    const r = await verifyChain(ws.db, wt, { batch: 2 });
    expect(r).toMatchObject({ ok: false, brokenAt: 3 });
    // The batch asked for ahead has finished: the next statements run at once, the database closes cleanly.
    const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${wt}`.execute(ws.db);
    expect(n.rows[0]!.n).toBe(head);
    expect(await verifyChain(ws.db, wt, { batch: 2 })).toEqual(r);
  });

  it('walks from a given event (a checkpoint) and finds a break right after it', async () => {
    const at15 = (await sql<{ hash: string }>`SELECT hash FROM audit_event WHERE tenant_id = ${wt} AND seq = 15`.execute(ws.db)).rows[0]!.hash;
    expect(await verifyChain(ws.db, wt, { batch: 10, from: { seq: 15, hash: at15 } })).toMatchObject({ ok: true, events: head });
    await tamper(16);
    expect(await verifyChain(ws.db, wt, { batch: 10, from: { seq: 15, hash: at15 } })).toMatchObject({ ok: false, brokenAt: 16 });
    // A wrong starting hash: the first event read does not link to it.
    expect(await verifyChain(ws.db, wt, { batch: 10, from: { seq: 15, hash: 'f'.repeat(64) } })).toMatchObject({
      ok: false,
      brokenAt: 16,
      reason: expect.stringContaining('前序哈希'),
    });
  });
});

// A long chain on a PostgreSQL server is walked in ranges by worker threads on connections of their own
// (chainWalk.ts); forced here on the demo's chain (`workers`), each verdict must be the single walk's.
describe.runIf(dbKind === 'postgres')('audit chain walked in ranges (PostgreSQL)', () => {
  let ws: System;
  let wt: string;
  let head: number;
  let size: number;
  const WORKERS = 3;
  beforeEach(async () => {
    ws = await testSystem('demo');
    wt = (await listTenants(ws.db))[0]!.id;
    head = Number((await sql<{ n: number }>`SELECT max(seq)::int AS n FROM audit_event WHERE tenant_id = ${wt}`.execute(ws.db)).rows[0]!.n);
    // The ranges' length: range 2 starts at size + 1, range 3 at 2 * size + 1.
    size = Math.ceil(head / WORKERS);
  });
  afterEach(() => ws.close());

  const unguard = () => sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(ws.db);
  const single = () => verifyChain(ws.db, wt, { batch: 7, workers: 1 });
  const ranges = () => verifyChain(ws.db, wt, { batch: 7, workers: WORKERS });
  const verdict = (r: VerifyResult) => (r.ok ? { ok: true, events: r.events, lastHash: r.lastHash } : { ok: false, events: r.events, brokenAt: r.brokenAt });

  it('the url is the server’s, and an intact chain gives the single walk’s result in 2, 3 or 5 ranges', async () => {
    expect(serverUrlOf(ws.db)).toMatch(/^postgres/);
    expect(head).toBeGreaterThan(30);
    const one = await single();
    expect(one).toMatchObject({ ok: true, events: head });
    for (const workers of [2, WORKERS, 5]) expect(await verifyChain(ws.db, wt, { batch: 7, workers }), `${workers} ranges`).toEqual(one);
  });

  it.each([
    ['inside the second range', () => size + 5],
    ['the first of the second range', () => size + 1],
    ['the last of the first range', () => size],
    ['the first of the chain', () => 1],
    ['the last of the chain', () => head],
  ])('names a changed event %s, as one walk does', async (_, seqOf) => {
    const seq = seqOf();
    await unguard();
    await sql`UPDATE audit_event SET actor_name = '篡改者' WHERE tenant_id = ${wt} AND seq = ${seq}`.execute(ws.db);
    const r = await ranges();
    expect(r).toMatchObject({ ok: false, brokenAt: seq, reason: expect.stringContaining('内容与其哈希不符') });
    expect(verdict(r)).toEqual(verdict(await single()));
  });

  it.each([
    ['the first of the third range', () => 2 * size + 1, '缺少'],
    ['the last of the second range', () => 2 * size, '缺少'],
    ['inside the first range', () => 4, '缺少'],
  ])('names a missing event, %s', async (_, seqOf, words) => {
    const seq = seqOf();
    await unguard();
    await sql`DELETE FROM audit_event WHERE tenant_id = ${wt} AND seq = ${seq}`.execute(ws.db);
    const r = await ranges();
    expect(r).toMatchObject({ ok: false, brokenAt: seq, reason: expect.stringContaining(`${words}第 ${seq} 号事件`) });
    expect(verdict(r)).toEqual(verdict(await single()));
  });

  it('names a broken link where a range begins (its first event’s previous hash replaced)', async () => {
    await unguard();
    await sql`UPDATE audit_event SET prev_hash = ${'0'.repeat(64)} WHERE tenant_id = ${wt} AND seq = ${size + 1}`.execute(ws.db);
    const r = await ranges();
    expect(r).toMatchObject({ ok: false, brokenAt: size + 1, reason: expect.stringContaining('前序哈希') });
    expect(verdict(r)).toEqual(verdict(await single()));
  });

  it('names the first break when two ranges are broken, and walks from a checkpoint in ranges', async () => {
    await unguard();
    await sql`UPDATE audit_event SET actor_name = '篡改者' WHERE tenant_id = ${wt} AND seq IN (${2 * size + 2}, ${size + 3})`.execute(ws.db);
    expect(await ranges()).toMatchObject({ ok: false, brokenAt: size + 3 });
    const at = (await sql<{ hash: string }>`SELECT hash FROM audit_event WHERE tenant_id = ${wt} AND seq = ${size + 3}`.execute(ws.db)).rows[0]!.hash;
    // From the broken event on: the range walk starts after it, so the second break is the first it meets.
    const from = { seq: size + 3, hash: at };
    expect(await verifyChain(ws.db, wt, { batch: 7, workers: WORKERS, from })).toMatchObject({ ok: false, brokenAt: 2 * size + 2 });
    expect(await verifyChain(ws.db, wt, { batch: 7, workers: WORKERS, from: { seq: size + 3, hash: 'f'.repeat(64) } })).toMatchObject({
      ok: false,
      brokenAt: size + 4,
      reason: expect.stringContaining('前序哈希'),
    });
  });
});
