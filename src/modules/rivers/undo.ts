/**
 * Undoing a rivers ledger import: what the import made besides its records' own rows.
 * Called by the kernel's undo (`LedgerUndo.beforeDelete`) after it has checked that
 * nothing was recorded on those records since.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../core/context.js';
import type { WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { lastImport } from '../../core/persist.js';

/** The alerts raised by the imported samples go with them (an alert handled since has blocked the undo already). */
export async function dropAlerts(w: WriteScope, ctx: Ctx, createdIds: readonly string[]): Promise<void> {
  await sql`DELETE FROM river_alert WHERE tenant_id = ${ctx.actor.tenantId} AND sample_id = ANY(${sql.val([...createdIds])}::uuid[])`.execute(w.tx);
}

/**
 * The sections the import added (to the rivers it created or updated) go with it —
 * unless a sample has been recorded on one since, which blocks the undo.
 */
export async function dropImportedSections(w: WriteScope, ctx: Ctx, createdIds: readonly string[]): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const last = await lastImport(w, tenantId, 'rivers');
  if (!last) return;
  const touched = await w.tx.selectFrom('ledger_import_row').select('entity_id').where('tenant_id', '=', tenantId).where('import_id', '=', last.id).execute();
  const riverIds = [...new Set([...createdIds, ...touched.map((r) => r.entity_id)])];
  // Sections written in the import's transaction carry its start time (now()); a later one would have blocked the undo.
  const where = sql`tenant_id = ${tenantId} AND river_id = ANY(${sql.val(riverIds)}::uuid[]) AND (created_at >= ${last.at} OR river_id = ANY(${sql.val([...createdIds])}::uuid[]))`;
  const used = await sql<{
    name: string;
  }>`SELECT s.name FROM river_section s WHERE ${where} AND EXISTS (SELECT 1 FROM water_sample x WHERE x.tenant_id = s.tenant_id AND x.section_id = s.id) LIMIT 5`.execute(
    w.tx,
  );
  if (used.rows.length) throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入的监测断面（${used.rows.map((r) => r.name).join('、')}）已有监测记录`);
  await sql`DELETE FROM river_section WHERE ${where}`.execute(w.tx);
}
