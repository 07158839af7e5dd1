import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { systemActor } from '../../src/core/context.js';
import { createOrg, updateOrg } from '../../src/core/orgs.js';
import { history, verifyChain } from '../../src/core/audit/audit.js';

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
