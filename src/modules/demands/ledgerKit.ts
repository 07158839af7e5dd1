/** Helpers the demand modules' ledgers share: org names, instants in the ledger's format, bulk import. */
import type { Ctx } from '../../core/context.js';
import type { WorkCalendar } from '../../core/calendar/index.js';
import type { Finding, ImportScope, LedgerUndo, RowError } from '../../core/ledger/ledger.js';
import { orgsByName } from '../../core/orgs.js';
import type { DemandKindDef } from './kinds.js';
import { deleteLinksOf, itemsForExport, type ItemRow, type ListFilters } from './repository.js';
import { saveDemands, type DemandFacts, type SavedDemand } from './service.js';

/** An instant as the ledgers write it: `YYYY-MM-DDTHH:mm:00+08:00` (Beijing time). */
export function ledgerDateTime(d: Date | string | null | undefined): string | null {
  if (d == null) return null;
  const t = new Date(new Date(d).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 16)}:00+08:00`;
}

/** A ledger date (`YYYY-MM-DD`) as the instant of its Beijing midnight. */
export const dateInstant = (d: string | null | undefined) => (d ? new Date(`${d}T00:00:00+08:00`) : null);
/** A ledger datetime (`…+08:00`) as an instant. */
export const dateTimeInstant = (d: string | null | undefined) => (d ? new Date(d) : null);

/** Every record of a kind in the actor's scope, with its unit's name, for export; with a list's filters (its export), exactly the list's rows. */
export async function exportItems(ctx: Ctx, def: DemandKindDef, filter?: unknown): Promise<ItemRow[]> {
  return itemsForExport(ctx, def.kind, isListFilters(filter) ? { ...filter, kinds: [def], limit: undefined, offset: undefined } : undefined);
}

/** A list's filters as the demand list export route passes them through the ledger. */
function isListFilters(x: unknown): x is ListFilters {
  return typeof x === 'object' && x !== null && Array.isArray((x as ListFilters).kinds);
}

/**
 * Commits ledger rows through the kind's one write path ({@link saveDemands}, historical):
 * rows are matched on the record number — new numbers created, known ones updated where
 * a fact differs, the rest unchanged. Only what cannot be a record (an unknown unit, a
 * unit outside the importer's scope, a number twice in the file) is a row error.
 */
export async function importDemandRows<Row>(
  imp: ImportScope,
  def: DemandKindDef,
  rows: ReadonlyArray<{ rowNumber: number; value: Row }>,
  opts: {
    refOf: (r: Row) => string;
    orgNameOf: (r: Row) => string | null;
    orgHeader: string;
    refHeader: string;
    /** The record a row states (`cal`: the import's working-day calendar, for rules that count days). */
    toItem: (r: Row, orgId: string | null, cal: WorkCalendar) => DemandFacts;
    /** The ledger's header of each fact a finding may name (e.g. closedAt → 办结时间). */
    headers?: Partial<Record<string, string>>;
  },
) {
  const { ctx, w } = imp;
  const errors: RowError[] = [];
  const orgs = await orgsByName(w.tx, ctx.actor.tenantId);
  const seen = new Map<string, number>();
  const records: DemandFacts[] = [];
  for (const { rowNumber, value } of rows) {
    const ref = opts.refOf(value);
    const prev = seen.get(ref);
    if (prev) errors.push({ row: rowNumber, column: opts.refHeader, message: `与第${prev}行重复`, value: ref });
    seen.set(ref, rowNumber);
    const orgName = opts.orgNameOf(value);
    const org = orgName ? orgs.get(orgName) : null;
    if (orgName && !org) {
      errors.push({ row: rowNumber, column: opts.orgHeader, message: `单位“${orgName}”不存在，请先在单位台账中添加`, value: orgName });
      continue;
    }
    if (org && !ctx.actor.scope.all && !ctx.actor.scope.orgIds.includes(org.id)) {
      errors.push({ row: rowNumber, column: opts.orgHeader, message: `无权导入单位“${orgName}”的记录`, value: orgName ?? '' });
      continue;
    }
    // Ledgers without a unit column: a new record goes to the bureau, a known one keeps its unit.
    records.push({ ...opts.toItem(value, org?.id ?? null, imp.calendar.current), ...(orgName ? {} : { bureauHandles: true }), row: rowNumber });
  }
  if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
  // Findings name the ledger's own column.
  const located: ImportScope = {
    ...imp,
    finding: (f) =>
      imp.finding(
        (Array.isArray(f) ? f : [f]).map((x: Finding) => ({
          ...x,
          column: x.column ?? (x.field ? opts.headers?.[x.field] : undefined),
        })),
      ),
  };
  const saved = await saveDemands({ calendar: imp.calendar }, w, def, { records, origin: { mode: 'historical', imp: located } });
  const count = (a: SavedDemand['action']) => saved.filter((s) => s.action === a).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: [] };
}

/** Undo of a demand ledger's import: the records live in `dm_item`; their links go with them. */
export const demandUndo: LedgerUndo = {
  table: 'dm_item',
  async beforeDelete(w, ctx, ids) {
    await deleteLinksOf(w.tx, ctx.actor.tenantId, ids);
  },
};
