/**
 * Undoing a flood ledger import: what the import made besides its records' own rows
 * (progress entries, the lines of a duty day). Called by the kernel's undo
 * (`LedgerUndo.beforeDelete`) after it has checked that nothing was recorded on
 * those records since.
 */
import type { Ctx } from '../../core/context.js';
import type { WriteScope } from '../../core/audit/audit.js';
import { lastImport } from '../../core/persist.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { deleteDutyLines, deleteImportedProgress } from './repository.js';

/** Removes the progress entries the import being undone recorded (for points it created or updated). */
export function dropImportedProgress(ledger: string) {
  return async (w: WriteScope, ctx: Ctx): Promise<void> => {
    const last = await lastImport(w, ctx.actor.tenantId, ledger);
    if (!last) return;
    await deleteImportedProgress(w.tx, ctx.actor.tenantId, last.id);
  };
}

/** Removes the roster lines of duty days (ids = the dates). */
export async function deleteDutyDays(w: WriteScope, tenantId: string, dates: readonly string[]): Promise<void> {
  const days = dates.filter((d) => isIsoDate(d));
  if (!days.length) return;
  await deleteDutyLines(w.tx, tenantId, days);
}
