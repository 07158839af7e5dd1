/**
 * Undoing a rivers ledger import: what the import made besides its records' own rows.
 * Called by the kernel's undo (`LedgerUndo.beforeDelete`) after it has checked that
 * nothing was recorded on those records since.
 */
import type { Ctx } from '../../core/context.js';
import type { WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { lastImport } from '../../core/persist.js';
import { deleteAddedSections, deleteAlertsOfSamples, importedEntityIds, usedAddedSections } from './repository.js';

/** The alerts raised by the imported samples go with them (an alert handled since has blocked the undo already). */
export async function dropAlerts(w: WriteScope, ctx: Ctx, createdIds: readonly string[]): Promise<void> {
  await deleteAlertsOfSamples(w.tx, ctx.actor.tenantId, createdIds);
}

/**
 * The sections the import added (to the rivers it created or updated) go with it —
 * unless a sample has been recorded on one since, which blocks the undo.
 */
export async function dropImportedSections(w: WriteScope, ctx: Ctx, createdIds: readonly string[]): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const last = await lastImport(w, tenantId, 'rivers');
  if (!last) return;
  const touched = await importedEntityIds(w.tx, tenantId, last.id);
  const riverIds = [...new Set([...createdIds, ...touched])];
  // Sections written in the import's transaction carry its start time (now()); a later one would have blocked the undo.
  const added = { tenantId, riverIds, createdIds, since: last.at };
  const used = await usedAddedSections(w.tx, added);
  if (used.length) throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入的监测断面（${used.join('、')}）已有监测记录`);
  await deleteAddedSections(w.tx, added);
}
