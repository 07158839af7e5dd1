/**
 * Undoing an enforcement ledger import: what the import made besides its records' own
 * rows. Called by the kernel's undo (`LedgerUndo.beforeDelete`) after it has checked
 * that nothing was recorded on those records since.
 */
import { sql } from 'kysely';
import type { Ctx } from '../../core/context.js';
import type { WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { CalendarService, forgetTracked } from '../../core/calendar/service.js';
import { forgetDecisions, recordDecision } from '../publicity/index.js';
import { caseTracks, PUBLICATION_COLUMNS, publicationOf, type CaseRow } from './commands/caseCommands.js';
import { enf } from './repository.js';

const names = (rows: ReadonlyArray<{ case_no: string }>) =>
  `${rows
    .slice(0, 5)
    .map((r) => `“${r.case_no}”`)
    .join('、')}${rows.length > 5 ? '等' : ''}`;

/**
 * penalty-cases: a created case's 双公示 entry goes with it; a case drawn into a 案卷评查
 * since blocks the undo (naming it); a case the import updated gets its publication
 * entry back as it was (the kernel restores the case's columns).
 */
export async function undoCaseImport(w: WriteScope, ctx: Ctx, createdIds: readonly string[], restoredIds: readonly string[]): Promise<void> {
  const tenantId = ctx.actor.tenantId;
  const reviewed = await sql<{
    case_no: string;
  }>`SELECT DISTINCT c.case_no FROM enf_review_item r JOIN enf_case c ON c.tenant_id = r.tenant_id AND c.id = r.case_id
    WHERE r.tenant_id = ${tenantId} AND r.case_id = ANY(${sql.val([...createdIds])}::uuid[]) ORDER BY 1 LIMIT 6`.execute(w.tx);
  if (reviewed.rows.length) throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入的案件${names(reviewed.rows)}已被抽入案卷评查`);
  await forgetDecisions(w.tx, { tenantId, entity: 'enforcement.case', ids: createdIds });

  // Updated cases whose decision changed: their publication entry as it was before the import.
  const last = await w.tx
    .selectFrom('ledger_import')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('ledger', '=', 'penalty-cases')
    .where('undone_at', 'is', null)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Only the cases the kernel restores in this call (a compensation goes batch by batch and leaves out cases changed since).
  if (!last || !restoredIds.length) return;
  const updated = await w.tx
    .selectFrom('ledger_import_row')
    .select(['entity_id', 'before'])
    .where('tenant_id', '=', tenantId)
    .where('import_id', '=', last.id)
    .where('action', '=', 'updated')
    .where('entity_id', 'in', [...restoredIds])
    .execute();
  if (!updated.length) return;
  const beforeOf = (v: unknown) => ((typeof v === 'string' ? JSON.parse(v) : v) ?? {}) as Record<string, unknown>;
  const rows = await enf(w.tx)
    .selectFrom('enf_case')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'enf_case.tenant_id').onRef('org.id', '=', 'enf_case.org_id'))
    .selectAll('enf_case')
    .select('org.name as org_name')
    .where('enf_case.tenant_id', '=', tenantId)
    .where(sql<boolean>`enf_case.id = ANY(${sql.val(updated.map((t) => t.entity_id))}::uuid[])`)
    .execute();
  const calendar = new CalendarService(w.tx);
  await calendar.load();
  const restored = rows.map((r) => ({ ...r, ...beforeOf(updated.find((t) => t.entity_id === r.id)!.before) }) as CaseRow & { org_name: string });
  // The deadlines the case had before the import (the kernel restores its columns next).
  await forgetTracked(w.tx, { tenantId, module: 'enforcement', entity: 'enforcement.case', ids: restored.map((r) => r.id) });
  await calendar.trackMany(
    w,
    ctx.actor,
    restored.flatMap((r) => caseTracks(calendar.current, ctx.clock.today(), r)),
  );
  for (const r of restored) {
    const b = beforeOf(updated.find((t) => t.entity_id === r.id)!.before);
    if (!PUBLICATION_COLUMNS.some((k) => k in b)) continue;
    if (r.decided_on && r.decision_no) await recordDecision(w, calendar, publicationOf(r, r.org_name));
    else {
      await forgetDecisions(w.tx, { tenantId, entity: 'enforcement.case', ids: [r.id], deadlines: true });
    }
  }
}

/** enforcement-items / officers: a record a case refers to cannot be undone (there is no foreign key: the cases are named). */
export function refuseIfUsedByCases(column: 'item_id' | 'officer_ids', what: string) {
  return async (w: WriteScope, ctx: Ctx, createdIds: readonly string[]): Promise<void> => {
    const ids = sql.val([...createdIds]);
    const cond = column === 'item_id' ? sql`item_id = ANY(${ids}::uuid[])` : sql`officer_ids && ${ids}::uuid[]`;
    const used = await sql<{
      case_no: string;
    }>`SELECT case_no FROM enf_case WHERE tenant_id = ${ctx.actor.tenantId} AND ${cond} ORDER BY case_no LIMIT 6`.execute(w.tx);
    if (used.rows.length) throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入的${what}已被案件${names(used.rows)}引用`);
  };
}
