/**
 * Undoing an enforcement ledger import: what the import made besides its records' own
 * rows. Called by the kernel's undo (`LedgerUndo.beforeDelete`) after it has checked
 * that nothing was recorded on those records since.
 */
import type { Ctx } from '../../core/context.js';
import type { WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { CalendarService, forgetTracked } from '../../core/calendar/service.js';
import { forgetDecisions, recordDecision } from '../publicity/index.js';
import { caseTracks, PUBLICATION_COLUMNS, publicationOf, type CaseRow } from './commands/caseCommands.js';
import type { RestoredRecord } from '../../core/ledger/ledger.js';
import { caseNosReferring, casesWithOrgByIds, reviewedCaseNos } from './repository.js';

const names = (rows: ReadonlyArray<{ case_no: string }>) =>
  `${rows
    .slice(0, 5)
    .map((r) => `“${r.case_no}”`)
    .join('、')}${rows.length > 5 ? '等' : ''}`;

/**
 * penalty-cases: a created case's 双公示 entry goes with it; a case drawn into a 案卷评查
 * since blocks the undo (naming it); a case the import updated gets its deadlines and its
 * publication entry back as they were (the kernel restores the case's columns from `restored`).
 */
export async function undoCaseImport(w: WriteScope, ctx: Ctx, createdIds: readonly string[], restored: readonly RestoredRecord[]): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const reviewed = await reviewedCaseNos(w.tx, tenantId, createdIds);
  if (reviewed.length) throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入的案件${names(reviewed)}已被抽入案卷评查`);
  await forgetDecisions(w.tx, { tenantId, entity: 'enforcement.case', ids: createdIds });
  if (!restored.length) return;
  const beforeById = new Map(restored.map((r) => [r.id, r.before]));
  const cases = (await casesWithOrgByIds(w.tx, tenantId, [...beforeById.keys()])).map(
    (r) => ({ ...r, ...beforeById.get(r.id) }) as CaseRow & { org_name: string },
  );
  // The deadlines the cases had before the import, on the calendar of this context (the admin's overrides included).
  const calendar = CalendarService.over(w.tx, ctx.calendar);
  await forgetTracked(w.tx, { tenantId, module: 'enforcement', entity: 'enforcement.case', ids: cases.map((r) => r.id) });
  await calendar.trackMany(
    w,
    ctx.actor,
    cases.flatMap((r) => caseTracks(calendar.current, ctx.clock.today(), r)),
  );
  // Publication entries of the cases whose decision the import changed.
  for (const r of cases) {
    if (!PUBLICATION_COLUMNS.some((k) => k in beforeById.get(r.id)!)) continue;
    if (r.decided_on && r.decision_no) await recordDecision(w, calendar, publicationOf(r, r.org_name));
    else await forgetDecisions(w.tx, { tenantId, entity: 'enforcement.case', ids: [r.id], deadlines: true });
  }
}

/** enforcement-items / officers: a record a case refers to cannot be undone (there is no foreign key: the cases are named). */
export function refuseIfUsedByCases(column: 'item_id' | 'officer_ids', what: string) {
  return async (w: WriteScope, ctx: Ctx, createdIds: readonly string[]): Promise<void> => {
    const used = await caseNosReferring(w.tx, ctx.actor.tenantId, { column, ids: createdIds });
    if (used.length) throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入的${what}已被案件${names(used)}引用`);
  };
}
