import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { currentStates, recordStateOf, sealUntraced, verifyRecords, type RecordProblem } from '../../src/core/audit/records.js';
import { verifyIncremental } from '../../src/core/audit/checkpoint.js';
import { write } from '../../src/core/audit/audit.js';
import { systemActor } from '../../src/core/context.js';
import { createOrg, updateOrg } from '../../src/core/orgs.js';
import { importLedger } from '../../src/core/ledger/ledger.js';
import { undoImport } from '../../src/core/ledger/imports.js';

// `fazhi audit verify --records`: every business record compared with the state its last
// audit event (or import) recorded; rows changed, deleted or inserted in the database directly
// are named.
describe('record states (verify --records)', () => {
  let sys: System;
  let tenantId: string;
  const problems = async () =>
    (await verifyRecords(sys.db, tenantId, { limit: 1000 })).problems.map((p: RecordProblem) => `${p.kind} ${p.entity} ${p.entityId}`);

  beforeAll(async () => {
    sys = await testSystem('demo');
    tenantId = (await sys.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => sys.close());

  it('the demo bureau verifies clean', async () => {
    const r = await verifyRecords(sys.db, tenantId);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    // Every stateful entity of the modules is compared, and the demo's records are counted.
    expect(r.entities.map((e) => e.entity)).toEqual(expect.arrayContaining(['enforcement.case', 'hotline.order', 'legal.advice', 'flood.duty', 'org']));
    expect(r.entities.find((e) => e.entity === 'enforcement.case')!.records).toBeGreaterThan(0);
  });

  describe('tampering', () => {
    beforeEach(async () => {
      expect(await problems()).toEqual([]);
    });

    it('changes made through the application stay consistent', async () => {
      const ctx = sys.ctx(systemActor(tenantId, '测试'));
      const org = await createOrg(ctx, { name: '状态测试单位', kind: 'street' });
      await updateOrg(ctx, { id: org.id, version: org.version }, { name: '状态测试单位（改）' });
      expect(await problems()).toEqual([]);
    });

    it('a business row changed in the database is named (enf_case.fine_fen)', async () => {
      const c = await sql<{ id: string }>`SELECT id FROM enf_case WHERE tenant_id = ${tenantId} ORDER BY id LIMIT 1`.execute(sys.db);
      const id = c.rows[0]!.id;
      await sql`UPDATE enf_case SET fine_fen = fine_fen + 100 WHERE id = ${id}`.execute(sys.db);
      expect(await problems()).toEqual([`changed enforcement.case ${id}`]);
      await sql`UPDATE enf_case SET fine_fen = fine_fen - 100 WHERE id = ${id}`.execute(sys.db);
    });

    it('a row deleted in the database is named', async () => {
      const r = await sql<{ id: string }>`SELECT id FROM legal_advice WHERE tenant_id = ${tenantId} ORDER BY id LIMIT 1`.execute(sys.db);
      const id = r.rows[0]!.id;
      // Kept aside in SQL (not through JavaScript, whose dates drop the microseconds).
      await sql`CREATE TABLE kept_advice AS SELECT * FROM legal_advice WHERE id = ${id}`.execute(sys.db);
      await sql`DELETE FROM legal_advice WHERE id = ${id}`.execute(sys.db);
      expect(await problems()).toEqual([`deleted legal.advice ${id}`]);
      // Put back exactly as it was: consistent again.
      await sql`INSERT INTO legal_advice SELECT * FROM kept_advice`.execute(sys.db);
      await sql`DROP TABLE kept_advice`.execute(sys.db);
      expect(await problems()).toEqual([]);
    });

    it('a row inserted in the database is named; a baseline seals it, never a changed row', async () => {
      const id = '00000000-0000-4000-8000-00000000abcd';
      await sql`INSERT INTO legal_advice SELECT (jsonb_populate_record(NULL::legal_advice, to_jsonb(a) || jsonb_build_object('id', ${id}::text))).* FROM legal_advice a WHERE tenant_id = ${tenantId} ORDER BY id LIMIT 1`.execute(
        sys.db,
      );
      const c = await sql<{ id: string }>`SELECT id FROM enf_case WHERE tenant_id = ${tenantId} ORDER BY id DESC LIMIT 1`.execute(sys.db);
      await sql`UPDATE enf_case SET party_name = party_name || '·' WHERE id = ${c.rows[0]!.id}`.execute(sys.db);
      expect((await problems()).sort()).toEqual([`changed enforcement.case ${c.rows[0]!.id}`, `untraced legal.advice ${id}`].sort());
      const sealed = await write(sys.ctx(systemActor(tenantId, '完整性基线')), (w) => sealUntraced(w.tx, tenantId, (inputs) => w.auditMany(inputs)));
      expect(sealed).toBe(1);
      expect(await problems()).toEqual([`changed enforcement.case ${c.rows[0]!.id}`]);
      await sql`UPDATE enf_case SET party_name = left(party_name, -1) WHERE id = ${c.rows[0]!.id}`.execute(sys.db);
      await sql`DELETE FROM legal_advice WHERE id = ${id}`.execute(sys.db);
      // Deleted after its baseline: now reported as deleted; recorded through the app it would not be.
      expect(await problems()).toEqual([`deleted legal.advice ${id}`]);
      await write(sys.ctx(systemActor(tenantId, '测试')), (w) => w.audit({ entity: 'legal.advice', entityId: id, action: 'deleted' }));
      expect(await problems()).toEqual([]);
    });

    it('imported records: states kept in the provenance rows, their digest in the import event; undo restores consistency', async () => {
      const ctx = sys.ctx(systemActor(tenantId, '测试'));
      const def = sys.registry.ledgers.get('legal-advice')!;
      const existing = await sql<{
        date: string;
        kind: string;
        title: string;
      }>`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, title FROM legal_advice WHERE tenant_id = ${tenantId} ORDER BY id LIMIT 1`.execute(sys.db);
      const e = existing.rows[0]!;
      const rows = ['日期,类型,事项名称,顾问单位,承办人', `${e.date},${e.kind},${e.title},,状态测试律师`];
      for (let i = 0; i < 25; i++) rows.push(`2023-06-${String(1 + (i % 28)).padStart(2, '0')},会议,状态测试会议${i},,张律师`);
      // Chunks of 10 rows: the digest runs across chunks.
      const res = await importLedger(sys, ctx, def, { file: { data: Buffer.from(`${rows.join('\n')}\n`), filename: '状态测试.csv' }, chunkRows: 10 });
      expect(res).toMatchObject({ ok: true, created: 25, updated: 1 });
      if (!res.ok) return;
      expect(await problems()).toEqual([]);
      const imp = await sys.db.selectFrom('ledger_import').select(['audit_seq']).where('id', '=', res.importId!).executeTakeFirstOrThrow();
      const rec = (
        await sql<{
          entity_id: string;
        }>`SELECT entity_id FROM ledger_import_row WHERE import_id = ${res.importId} AND action = 'created' ORDER BY row_number LIMIT 1`.execute(sys.db)
      ).rows[0]!.entity_id;
      // A direct change to an imported record names the import's event as the last known state.
      await sql`UPDATE legal_advice SET handler = '篡改者' WHERE id = ${rec}`.execute(sys.db);
      const coverWithState = async (importId: string, id: string) => {
        const h = (await currentStates(sys.db, tenantId, recordStateOf('legal.advice')!, [id])).get(id)!;
        await sql`UPDATE ledger_import_row SET state_hash = ${h} WHERE import_id = ${importId} AND entity_id = ${id}`.execute(sys.db);
      };
      const r = await verifyRecords(sys.db, tenantId);
      expect(r.problems).toEqual([{ entity: 'legal.advice', entityId: rec, kind: 'changed', seq: Number(imp.audit_seq) }]);
      // Covering it by rewriting the provenance row's state breaks the import's digest.
      await coverWithState(res.importId!, rec);
      const r2 = await verifyRecords(sys.db, tenantId);
      expect(r2.problems).toEqual([]);
      expect(r2.tamperedImports).toEqual([{ importId: res.importId, seq: Number(imp.audit_seq) }]);
      expect(r2.ok).toBe(false);
      await sql`UPDATE legal_advice SET handler = '张律师' WHERE id = ${rec}`.execute(sys.db);
      await coverWithState(res.importId!, rec);
      expect((await verifyRecords(sys.db, tenantId)).ok).toBe(true);
      // Undone: created records gone, the updated one restored — consistent with the events before the import.
      expect(await undoImport(ctx, def, res.importId!)).toEqual({ deleted: 25, restored: 1 });
      expect(await problems()).toEqual([]);
    });

    it("an event's recorded state cannot be rewritten unseen: the chain breaks", async () => {
      const ev = await sql<{
        seq: number;
      }>`SELECT seq FROM audit_event WHERE tenant_id = ${tenantId} AND state_hash IS NOT NULL ORDER BY seq DESC LIMIT 1`.execute(sys.db);
      const seq = Number(ev.rows[0]!.seq);
      await sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update`.execute(sys.db);
      try {
        await sql`UPDATE audit_event SET state_hash = repeat('0', 64) WHERE tenant_id = ${tenantId} AND seq = ${seq}`.execute(sys.db);
        const r = await verifyIncremental(sys.db, tenantId, sys.auditKey, { full: true, write: false });
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.brokenAt).toBe(seq);
      } finally {
        await sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update`.execute(sys.db);
      }
    });
  });
});
