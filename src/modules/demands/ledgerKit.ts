/** Helpers the demand modules' ledgers share: org names, instants in the ledger's format, bulk import. */
import type { Ctx } from '../../core/context.js';
import type { WriteScope } from '../../core/audit/audit.js';
import type { RowError } from '../../core/ledger/ledger.js';
import { orgsByName } from '../../core/orgs.js';
import { withDataScope } from '../../core/scope.js';
import type { DemandKindDef } from './kinds.js';
import { dm, type ItemRow } from './repository.js';
import { calendarOn, loadItems, updateLoaded, type LoadedItem } from './service.js';

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

/** Every record of a kind in the actor's scope, with its unit's name, for export. */
export async function exportItems(ctx: Ctx, def: DemandKindDef): Promise<ItemRow[]> {
  const rows = await dm(ctx.db)
    .selectFrom('dm_item')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'dm_item.tenant_id').onRef('org.id', '=', 'dm_item.org_id'))
    .selectAll('dm_item')
    .select(['org.name as org_name'])
    .$call(withDataScope(ctx.actor, 'dm_item'))
    .where('dm_item.kind', '=', def.kind)
    .orderBy('dm_item.received_at')
    .orderBy('dm_item.ref_no')
    .execute();
  return rows.map((r) => ({ ...r, assignee_name: null })) as unknown as ItemRow[];
}

/**
 * Imports ledger rows matched on the record number: new numbers are loaded in
 * bulk, known ones updated where a field differs (audited), the rest unchanged.
 * `toItem` maps a row (with the org resolved) or returns row errors.
 */
export async function importDemandRows<Row>(
  ctx: Ctx,
  w: WriteScope,
  def: DemandKindDef,
  rows: ReadonlyArray<{ rowNumber: number; value: Row }>,
  opts: { ledger: string; refOf: (r: Row) => string; orgNameOf: (r: Row) => string | null; orgHeader: string; refHeader: string; toItem: (r: Row, orgId: string) => LoadedItem },
) {
  const errors: RowError[] = [];
  const orgs = await orgsByName(w.tx, ctx.actor.tenantId);
  const bureau = [...orgs.values()].find((o) => o.kind === 'bureau' && !o.parentId);
  const existing = new Map(
    (await dm(w.tx).selectFrom('dm_item').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', def.kind).execute()).map((r) => [r.ref_no, { ...r, org_name: '', assignee_name: null } as unknown as ItemRow]),
  );
  const seen = new Map<string, number>();
  const fresh: LoadedItem[] = [];
  const updates: Array<{ row: ItemRow; item: LoadedItem }> = [];
  for (const { rowNumber, value } of rows) {
    const ref = opts.refOf(value);
    const prev = seen.get(ref);
    if (prev) errors.push({ row: rowNumber, column: opts.refHeader, message: `与第${prev}行重复`, value: ref });
    seen.set(ref, rowNumber);
    const orgName = opts.orgNameOf(value);
    const org = orgName ? orgs.get(orgName) : bureau;
    if (!org) {
      errors.push({ row: rowNumber, column: opts.orgHeader, message: `单位“${orgName}”不存在，请先在单位台账中添加`, value: orgName ?? '' });
      continue;
    }
    if (!ctx.actor.scope.all && !ctx.actor.scope.orgIds.includes(org.id)) {
      errors.push({ row: rowNumber, column: opts.orgHeader, message: `无权导入单位“${orgName}”的记录`, value: orgName ?? '' });
      continue;
    }
    const old = existing.get(ref);
    // Ledgers without a unit column keep a known record's unit; new ones go to the bureau.
    const item = opts.toItem(value, old && !orgName ? old.org_id : org.id);
    if (old) updates.push({ row: old, item });
    else fresh.push(item);
  }
  if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
  const sys = await calendarOn(w.tx);
  const via = `ledger:${opts.ledger}`;
  await loadItems(sys, w, ctx.actor, def, fresh, { via });
  let updated = 0;
  for (const u of updates) if (await updateLoaded(sys, w, ctx.actor, def, u.row, u.item, { via })) updated++;
  return { created: fresh.length, updated, unchanged: updates.length - updated, errors: [] };
}
