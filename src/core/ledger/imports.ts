/**
 * Import history (导入记录): who imported which file when, what it did, its findings,
 * the original file — and undo of the last import of a ledger while nothing has been
 * built on its rows.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.js';
import { write } from '../audit/audit.js';
import { errors } from '../errors.js';
import type { BlobStore } from '../files/store.js';
import type { LedgerDef } from './ledger.js';

export interface ImportRecord {
  id: string;
  ledger: string;
  filename: string;
  sha256: string;
  size: number;
  actorName: string;
  at: Date;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  findings: number;
  ignoredRows: Array<{ row: number; reason: string }>;
  undoneAt: Date | null;
  undoneBy: string | null;
}

function present(r: any): ImportRecord {
  return {
    id: r.id,
    ledger: r.ledger,
    filename: r.filename,
    sha256: r.file_sha256,
    size: Number(r.file_size),
    actorName: r.actor_name,
    at: r.at instanceof Date ? r.at : new Date(r.at),
    rows: r.row_count,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    findings: r.finding_count,
    ignoredRows: (typeof r.ignored_rows === 'string' ? JSON.parse(r.ignored_rows) : r.ignored_rows) ?? [],
    undoneAt: r.undone_at ? new Date(r.undone_at) : null,
    undoneBy: r.undone_by,
  };
}

/**
 * Imports of the tenant, newest first, keyset-paginated by (at, id); only ledgers the
 * actor may read. A street user sees the imports that touched a record of its scope
 * or that it made itself.
 */
export async function listImports(
  ctx: Ctx,
  readable: readonly string[],
  opts: { ledger?: string; limit?: number; before?: { at: string; id: string } } = {},
): Promise<ImportRecord[]> {
  if (!readable.length) return [];
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  let q = ctx.db
    .selectFrom('ledger_import')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where(sql<boolean>`ledger = ANY(${sql.val([...readable])}::text[])`);
  if (opts.ledger) q = q.where('ledger', '=', opts.ledger);
  if (opts.before) q = q.where(sql<boolean>`(at, id) < (${opts.before.at}::timestamptz, ${opts.before.id}::uuid)`);
  if (!ctx.actor.scope.all) {
    const orgIds = [...ctx.actor.scope.orgIds];
    q = q.where((eb) =>
      eb.or([
        eb('actor_id', '=', ctx.actor.userId),
        eb.exists(
          eb
            .selectFrom('ledger_import_row as r')
            .select(sql`1`.as('one'))
            .whereRef('r.tenant_id', '=', 'ledger_import.tenant_id')
            .whereRef('r.import_id', '=', 'ledger_import.id')
            .where(sql<boolean>`r.org_id = ANY(${sql.val(orgIds)}::uuid[])`),
        ),
      ]),
    );
  }
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(present);
}

/** One import with its findings (first `limit`). */
export async function getImport(ctx: Ctx, id: string, opts: { findingsLimit?: number } = {}) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw errors.notFound('导入记录');
  const r = await ctx.db.selectFrom('ledger_import').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
  if (!r) throw errors.notFound('导入记录');
  const findings = await ctx.db
    .selectFrom('record_finding')
    .select(['row_number as row', 'field as column', 'rule', 'statute', 'message', 'entity', 'entity_id as entityId'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('import_id', '=', id)
    .$if(!ctx.actor.scope.all, (q) => q.where(sql<boolean>`org_id = ANY(${sql.val(ctx.actor.scope.all ? [] : [...ctx.actor.scope.orgIds])}::uuid[])`))
    .orderBy('row_number')
    .limit(opts.findingsLimit ?? 1000)
    .execute();
  return { ...present(r), findingList: findings };
}

/** The original file of an import. */
export async function importFile(ctx: Ctx, files: BlobStore, id: string): Promise<{ filename: string; data: Buffer }> {
  const r = await getImport(ctx, id, { findingsLimit: 0 });
  const data = await files.get(r.sha256);
  if (!data) throw errors.notFound('导入的原始文件');
  return { filename: r.filename, data };
}

/** What stops an undo: a record changed after the import, or touched by a later import. */
export interface UndoBlocker {
  entity: string;
  entityId: string;
  row: number;
  reason: string;
}

/**
 * Undoes the last (not yet undone) import of a ledger: deletes the records it created,
 * restores the records it updated, removes its findings, provenance and tracked
 * deadlines, and records one audit event. Refused, naming the records, when anything
 * has been built on its rows since (a later event on one of its records, a later
 * import touching them, or a dependent row the ledger's cleanup reports).
 */
export async function undoImport(ctx: Ctx, def: LedgerDef<unknown>, id: string): Promise<{ deleted: number; restored: number }> {
  if (!ctx.actor.permissions.has(def.writePermission)) throw errors.forbidden();
  if (!def.undo) throw errors.gate('IMPORT_UNDO_UNSUPPORTED', `“${def.spec.title}”台账不支持撤销导入`);
  const undo = def.undo;
  return write(ctx, async (w) => {
    const tenantId = ctx.actor.tenantId;
    const imp = await w.tx.selectFrom('ledger_import').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!imp || imp.ledger !== def.spec.key) throw errors.notFound('导入记录');
    if (imp.undone_at) throw errors.gate('IMPORT_ALREADY_UNDONE', '该次导入已撤销');
    const last = await w.tx
      .selectFrom('ledger_import')
      .select(['id', 'at'])
      .where('tenant_id', '=', tenantId)
      .where('ledger', '=', imp.ledger)
      .where('undone_at', 'is', null)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.id !== id) throw errors.gate('IMPORT_NOT_LAST', '只能撤销该台账最近一次导入');
    if (!ctx.actor.scope.all && imp.actor_id !== ctx.actor.userId) throw errors.forbidden('只能撤销本人导入的记录');
    const seq = Number(imp.audit_seq ?? 0);
    // Anything recorded on these records after the import: an audit event, or a later import.
    const later = await sql<{ entity: string; entity_id: string; row_number: number; reason: string }>`
      SELECT r.entity, r.entity_id, r.row_number, '导入后被修改（' || e.action || '，' || e.actor_name || '）' AS reason
      FROM ledger_import_row r
      JOIN audit_event e ON e.tenant_id = r.tenant_id AND e.entity = r.entity AND e.entity_id = r.entity_id AND e.seq > ${seq}
      WHERE r.tenant_id = ${tenantId} AND r.import_id = ${id}
      UNION ALL
      SELECT r.entity, r.entity_id, r.row_number, '已被之后的导入更新（' || i.filename || '）'
      FROM ledger_import_row r
      JOIN ledger_import_row r2 ON r2.tenant_id = r.tenant_id AND r2.entity = r.entity AND r2.entity_id = r.entity_id AND r2.import_id <> r.import_id
      JOIN ledger_import i ON i.tenant_id = r2.tenant_id AND i.id = r2.import_id AND i.at > ${imp.at} AND i.undone_at IS NULL
      WHERE r.tenant_id = ${tenantId} AND r.import_id = ${id}
      ORDER BY 3 LIMIT 20`.execute(w.tx);
    if (later.rows.length) {
      const list = later.rows.slice(0, 5).map((b) => `第${b.row_number}行的记录${b.reason}`).join('；');
      throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入之后已有工作建立在这些记录上——${list}${later.rows.length > 5 ? '等' : ''}`);
    }
    const created = await w.tx.selectFrom('ledger_import_row').select(['entity_id']).where('tenant_id', '=', tenantId).where('import_id', '=', id).where('action', '=', 'created').execute();
    const createdIds = created.map((r) => r.entity_id);
    await undo.beforeDelete?.(w, ctx, createdIds);
    const t = sql.table(undo.table);
    // Records it updated get their previous columns back.
    const updated = await w.tx.selectFrom('ledger_import_row').select(['entity_id', 'before']).where('tenant_id', '=', tenantId).where('import_id', '=', id).where('action', '=', 'updated').execute();
    for (const u of updated) {
      const before = (typeof u.before === 'string' ? JSON.parse(u.before) : u.before) as Record<string, unknown> | null;
      if (!before || !Object.keys(before).length) continue;
      await sql`UPDATE ${t} AS t SET ${sql.join(Object.keys(before).map((c) => sql`${sql.ref(c)} = x.${sql.ref(c)}`))}
        FROM jsonb_populate_record(NULL::${t}, ${JSON.stringify(before)}::jsonb) AS x
        WHERE t.tenant_id = ${tenantId} AND t.id = ${u.entity_id}::uuid`.execute(w.tx);
    }
    const ids = JSON.stringify(createdIds);
    await sql`DELETE FROM tracked_deadline WHERE tenant_id = ${tenantId} AND entity_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`.execute(w.tx);
    await w.tx.deleteFrom('record_finding').where('tenant_id', '=', tenantId).where('import_id', '=', id).execute();
    try {
      await sql`DELETE FROM ${t} WHERE tenant_id = ${tenantId} AND id::text IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`.execute(w.tx);
    } catch (e) {
      if ((e as { code?: string }).code === '23503') throw errors.gate('IMPORT_UNDO_BLOCKED', '无法撤销：导入的记录已被其他记录引用（如已据此立案或关联），请先处理这些记录');
      throw e;
    }
    await w.tx.updateTable('ledger_import').set({ undone_at: new Date(), undone_by: ctx.actor.name }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
    await w.audit({ entity: 'ledger.import', entityId: id, action: 'undone', note: { ledger: imp.ledger, filename: imp.filename, deleted: createdIds.length, restored: updated.length } });
    return { deleted: createdIds.length, restored: updated.length };
  });
}
