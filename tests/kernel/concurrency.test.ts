/**
 * Concurrent writers: 50 requests at once, each inserting business rows and appending to the
 * tenant's audit chain, all succeed (no deadlock) and the chain stays one unbroken sequence.
 * On PostgreSQL the writers really run in parallel; PGlite serialises them.
 */
import { describe, expect, it } from 'vitest';
import { verifyChain, write } from '../../src/core/audit/audit.js';
import { systemActor } from '../../src/core/context.js';
import { dbKind } from '../helpers/system.js';
import { sql } from 'kysely';
import { serverSuite } from '../helpers/server.js';

const env = serverSuite({ admin: 'admin', clerk: 'clerk', legal: 'legal' });

describe('concurrent writers', () => {
  it('50 simultaneous writes of three kinds all succeed, and the audit chain holds', async () => {
    const bureau = (await env.admin.req('GET', '/api/orgs')).body.data.find((o: { kind: string }) => o.kind === 'bureau');
    const unit = (await env.admin.req('GET', '/api/orgs')).body.data.find((o: { name: string }) => o.name === '排水管理科');
    const writes = Array.from({ length: 50 }, (_, i) =>
      i % 3 === 0
        ? env.admin.req('POST', '/api/orgs', { name: `并发科${i}`, kind: 'department', parentId: bureau.id })
        : i % 3 === 1
          ? env.clerk.req('POST', '/api/hotline/items', {
              refNo: `GZ-CONC-${i}`,
              receivedAt: '2026-03-02 09:00',
              demandType: '咨询',
              title: '并发',
              content: '并发写入',
              orgId: unit.id,
              timeLimit: 1,
            })
          : env.legal.req('POST', '/api/legal/advice', { date: '2026-03-02', kind: '会议', title: `并发会议${i}` }),
    );
    const results = await Promise.all(writes);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => s === 201 || s === 200)).toBe(true);
    const chain = await verifyChain(env.sys.db, env.tenantId);
    expect(chain.ok).toBe(true);
  });

  it('a transaction PostgreSQL picks as a deadlock victim is run again by the kernel, so both writers succeed', async () => {
    const tenantId = env.tenantId;
    const [a, b] = (
      await sql<{ id: string }>`SELECT id FROM org WHERE tenant_id = ${tenantId} AND kind = 'street' ORDER BY name LIMIT 2`.execute(env.sys.db)
    ).rows.map((r) => r.id);
    let attempts = 0;
    let firstDone = 0;
    let release!: () => void;
    const bothLocked = new Promise<void>((r) => (release = r));
    // Each locks one org row, waits until the other has locked its own, then wants the other's:
    // on PostgreSQL a deadlock, whose victim the kernel runs again (PGlite runs them one after the other).
    const writer = (first: string, second: string) =>
      write(env.sys.ctx(systemActor(tenantId, '并发测试')), async (w) => {
        attempts++;
        await sql`UPDATE org SET sort = sort WHERE id = ${first}`.execute(w.tx);
        if (++firstDone === 2) release();
        await Promise.race([bothLocked, new Promise((r) => setTimeout(r, dbKind === 'postgres' ? 5000 : 50))]);
        await sql`UPDATE org SET sort = sort WHERE id = ${second}`.execute(w.tx);
        return 'ok';
      });
    const results = await Promise.allSettled([writer(a!, b!), writer(b!, a!)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    if (dbKind === 'postgres') expect(attempts).toBe(3); // one of the two ran twice
  });
});
