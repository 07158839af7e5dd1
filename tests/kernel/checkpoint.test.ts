/**
 * Signed checkpoints of the audit chain: a re-verification reads only the events since the
 * newest checkpoint, and the attacks the hash chain alone cannot see — deleting the newest
 * events, truncating, rewriting with recomputed hashes, forging a checkpoint — are caught.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  SelectQueryNode,
  sql,
  TableNode,
  type UnknownRow,
} from 'kysely';
import { testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { listTenants } from '../../src/core/tenant.js';
import { systemActor } from '../../src/core/context.js';
import { createOrg } from '../../src/core/orgs.js';
import { eventHash, GENESIS, type AuditEvent } from '../../src/core/audit/audit.js';
import { readSink, scheduleCheckpoints, verifyIncremental } from '../../src/core/audit/checkpoint.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let sys: System;
let tenantId: string;
beforeEach(async () => {
  sys = await testSystem('demo');
  tenantId = (await listTenants(sys.db))[0]!.id;
});
afterEach(() => sys.close());

const ctx = () => sys.ctx(systemActor(tenantId, '测试员'));
const unguard = () => sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(sys.db);

/** Counts the rows that queries of audit_event return on a connection, and the seqs among them. */
class AuditRows implements KyselyPlugin {
  rows = 0;
  seqs: (number | undefined)[] = [];
  private readonly ofAudit = new WeakSet<object>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const n = args.node;
    if (SelectQueryNode.is(n) && (n.from?.froms ?? []).some((f) => TableNode.is(f) && f.table.identifier.name === 'audit_event'))
      this.ofAudit.add(args.queryId);
    return n;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.ofAudit.has(args.queryId)) {
      this.rows += args.result.rows.length;
      for (const r of args.result.rows) this.seqs.push(r.seq === undefined ? undefined : Number(r.seq));
    }
    return args.result;
  }
}

describe('signed checkpoints of the audit chain', () => {
  it('re-verifies only the events recorded since the last checkpoint', async () => {
    const full = await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true });
    expect(full).toMatchObject({ ok: true, fromSeq: 0 });
    expect(full.checked).toBe(full.events);
    expect(full.checkpoint).toBe(full.events);
    await createOrg(ctx(), { name: '检查点一科', kind: 'department' });
    await createOrg(ctx(), { name: '检查点二科', kind: 'department' });
    const again = await verifyIncremental(sys.db, tenantId, sys.auditKey);
    expect(again).toMatchObject({ ok: true, fromSeq: full.events, checked: 2, checkpoint: full.events + 2 });
    const nothingNew = await verifyIncremental(sys.db, tenantId, sys.auditKey);
    expect(nothingNew).toMatchObject({ ok: true, checked: 0, checkpoint: null });
  });

  it('reads only the events after the newest checkpoint (the rows counted on the connection)', async () => {
    await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true });
    for (const name of ['读取一科', '读取二科', '读取三科']) await createOrg(ctx(), { name, kind: 'department' });
    const cp = await verifyIncremental(sys.db, tenantId, sys.auditKey);
    await createOrg(ctx(), { name: '读取四科', kind: 'department' });
    await createOrg(ctx(), { name: '读取五科', kind: 'department' });
    const reader = new AuditRows();
    const r = await verifyIncremental(sys.db.withPlugin(reader), tenantId, sys.auditKey, { write: false });
    expect(r).toMatchObject({ ok: true, fromSeq: cp.checkpoint, checked: 2 });
    // The walk: the checkpointed event (its content re-checked) and the two new ones; besides, the head's seq and the checkpointed event's hash.
    expect(reader.seqs.filter((s) => s !== undefined).every((s) => s >= cp.checkpoint!)).toBe(true);
    expect(reader.rows).toBe(2 + 1 + 2);
  });

  it('catches a change to the first event after the checkpoint, and to the checkpointed event itself', async () => {
    const cp = await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true });
    await createOrg(ctx(), { name: '检查点后一科', kind: 'department' });
    await createOrg(ctx(), { name: '检查点后二科', kind: 'department' });
    await unguard();
    await sql`UPDATE audit_event SET actor_name = '篡改者' WHERE tenant_id = ${tenantId} AND seq = ${cp.checkpoint! + 1}`.execute(sys.db);
    expect(await verifyIncremental(sys.db, tenantId, sys.auditKey, { write: false })).toMatchObject({
      ok: false,
      brokenAt: cp.checkpoint! + 1,
      fromSeq: cp.checkpoint,
    });
    await sql`UPDATE audit_event SET actor_name = '测试员' WHERE tenant_id = ${tenantId} AND seq = ${cp.checkpoint! + 1}`.execute(sys.db);
    expect((await verifyIncremental(sys.db, tenantId, sys.auditKey, { write: false })).ok).toBe(true);
    // The checkpointed event's content changed, its hash left as it was: the checkpoint still matches the hash, the walk does not.
    await sql`UPDATE audit_event SET action = 'deleted' WHERE tenant_id = ${tenantId} AND seq = ${cp.checkpoint!}`.execute(sys.db);
    expect(await verifyIncremental(sys.db, tenantId, sys.auditKey, { write: false })).toMatchObject({ ok: false, brokenAt: cp.checkpoint });
  });

  it('catches the newest events deleted, which the chain alone cannot see', async () => {
    await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true });
    const head = Number((await sql<{ n: number }>`SELECT max(seq)::int AS n FROM audit_event WHERE tenant_id = ${tenantId}`.execute(sys.db)).rows[0]!.n);
    await unguard();
    await sql`DELETE FROM audit_event WHERE tenant_id = ${tenantId} AND seq > ${head - 3}`.execute(sys.db);
    const r = await verifyIncremental(sys.db, tenantId, sys.auditKey);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('末尾的事件被删除');
  });

  it('refuses TRUNCATE of the chain and of its checkpoints', async () => {
    await expect(sql`TRUNCATE audit_event`.execute(sys.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_checkpoint`.execute(sys.db)).rejects.toThrow(/append-only/);
  });

  it('catches a truncated chain', async () => {
    await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true });
    await unguard();
    await sql`DELETE FROM audit_event WHERE tenant_id = ${tenantId}`.execute(sys.db);
    expect((await verifyIncremental(sys.db, tenantId, sys.auditKey)).ok).toBe(false);
  });

  it('catches a rewrite whose later hashes were all recomputed', async () => {
    await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true });
    await unguard();
    // Change event 5 and recompute every hash after it, as an attacker with sha256 would.
    const rows = (await sql<any>`SELECT * FROM audit_event WHERE tenant_id = ${tenantId} AND seq >= 5 ORDER BY seq`.execute(sys.db)).rows;
    let prev = (await sql<{ hash: string }>`SELECT hash FROM audit_event WHERE tenant_id = ${tenantId} AND seq = 4`.execute(sys.db)).rows[0]?.hash ?? GENESIS;
    for (const r of rows) {
      const changes = typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes;
      const ev: Omit<AuditEvent, 'hash'> = {
        tenantId,
        seq: Number(r.seq),
        at: new Date(r.at),
        actorId: r.actor_id,
        actorName: Number(r.seq) === 5 ? '篡改者' : r.actor_name,
        orgId: r.org_id,
        entity: r.entity,
        entityId: r.entity_id,
        action: r.action,
        changes,
        requestId: r.request_id,
        prevHash: prev,
      };
      const hash = eventHash(ev);
      await sql`UPDATE audit_event SET actor_name = ${ev.actorName}, prev_hash = ${prev}, hash = ${hash} WHERE tenant_id = ${tenantId} AND seq = ${r.seq}`.execute(
        sys.db,
      );
      prev = hash;
    }
    const r = await verifyIncremental(sys.db, tenantId, sys.auditKey);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('检查点不符');
    expect((await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true })).ok).toBe(false);
  });

  it('refuses a checkpoint not signed with the key', async () => {
    await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true });
    await createOrg(ctx(), { name: '伪造检查点科', kind: 'department' });
    const head = (
      await sql<{ seq: number; hash: string }>`SELECT seq::int AS seq, hash FROM audit_event WHERE tenant_id = ${tenantId} ORDER BY seq DESC LIMIT 1`.execute(
        sys.db,
      )
    ).rows[0]!;
    await sql`INSERT INTO audit_checkpoint (tenant_id, seq, hash, at, mac) VALUES (${tenantId}, ${head.seq}, ${head.hash}, now(), ${'ab'.repeat(32)})`.execute(
      sys.db,
    );
    const r = await verifyIncremental(sys.db, tenantId, sys.auditKey);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('签名无效');
  });

  describe('the sink outside the database', () => {
    let dir: string;
    let sink: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-sink-'));
      sink = path.join(dir, 'audit-checkpoints.jsonl');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
    const unguardCheckpoints = () => sql`ALTER TABLE audit_checkpoint DISABLE TRIGGER USER`.execute(sys.db);

    it('copies each checkpoint to the sink, which then agrees with the database', async () => {
      const r = await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true, sink });
      expect(r.ok).toBe(true);
      expect(readSink(sink, tenantId)).toMatchObject([{ seq: r.events }]);
      await createOrg(ctx(), { name: '外部检查点科', kind: 'department' });
      expect(await verifyIncremental(sys.db, tenantId, sys.auditKey, { sink })).toMatchObject({ ok: true, checked: 1 });
      expect(readSink(sink, tenantId).map((c) => c.seq)).toEqual([r.events + 1, r.events]);
    });

    it('catches the chain and the checkpoint table emptied together, which the database alone cannot see', async () => {
      await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true, sink });
      await unguard();
      await unguardCheckpoints();
      await sql`DELETE FROM audit_event WHERE tenant_id = ${tenantId}`.execute(sys.db);
      await sql`DELETE FROM audit_checkpoint WHERE tenant_id = ${tenantId}`.execute(sys.db);
      // Without the sink the empty chain looks intact…
      expect((await verifyIncremental(sys.db, tenantId, sys.auditKey, { write: false })).ok).toBe(true);
      // …the sink contradicts it.
      const r = await verifyIncremental(sys.db, tenantId, sys.auditKey, { sink });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toContain('外部检查点文件');
    });

    it('catches a checkpoint row removed from the database, and a forged line in the sink', async () => {
      await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true, sink });
      await createOrg(ctx(), { name: '删检查点科', kind: 'department' });
      const second = await verifyIncremental(sys.db, tenantId, sys.auditKey, { sink });
      await unguardCheckpoints();
      await sql`DELETE FROM audit_checkpoint WHERE tenant_id = ${tenantId} AND seq = ${second.checkpoint}`.execute(sys.db);
      const r = await verifyIncremental(sys.db, tenantId, sys.auditKey, { sink, write: false });
      expect(!r.ok && r.reason).toContain('检查点被删除或改动');
      const forged = readSink(sink, tenantId)[0]!;
      fs.appendFileSync(sink, `${JSON.stringify({ ...forged, seq: forged.seq + 1 })}\n`);
      const r2 = await verifyIncremental(sys.db, tenantId, sys.auditKey, { sink, write: false });
      expect(!r2.ok && r2.reason).toContain('签名无效');
    });

    it('the server signs checkpoints on a schedule and reports a broken chain instead of signing past it', async () => {
      const logged: string[] = [];
      const log = { info: (m: string) => logged.push(`info ${m}`), error: (m: string) => logged.push(`error ${m}`) };
      const until = async (ok: () => boolean) => {
        for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 50));
      };
      const stop = scheduleCheckpoints(sys.db, sys.auditKey, sink, { minutes: 0.001, log });
      try {
        await until(() => readSink(sink, tenantId).length > 0);
        expect(readSink(sink, tenantId).length).toBeGreaterThan(0);
        await unguard();
        await sql`UPDATE audit_event SET actor_name = '篡改者' WHERE tenant_id = ${tenantId} AND seq = (SELECT max(seq) FROM audit_event WHERE tenant_id = ${tenantId})`.execute(
          sys.db,
        );
        await createOrg(ctx(), { name: '定时检查点科', kind: 'department' });
        await until(() => logged.some((l) => l.startsWith('error')));
      } finally {
        stop();
      }
      expect(logged.find((l) => l.startsWith('error'))).toMatch(/审计链校验失败/);
      const head = Number((await sql<{ n: number }>`SELECT max(seq)::int AS n FROM audit_event WHERE tenant_id = ${tenantId}`.execute(sys.db)).rows[0]!.n);
      expect(readSink(sink, tenantId)[0]!.seq).toBeLessThan(head);
    });
  });
});
