import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import type { LicensingTables, PermitCategory, PermitStatus } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<LicensingTables>();

/** The catalogue in the actor's scope, by code. */
export function listItems(ctx: Ctx) {
  return t(ctx.db).selectFrom('lic_item').selectAll().$call(withDataScope(ctx.actor)).orderBy('code').execute();
}

export function getItem(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('lic_item').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export interface PermitFilter {
  year?: number;
  category?: PermitCategory;
  status?: PermitStatus;
  itemId?: string;
  q?: string;
  limit?: number;
  offset?: number;
}

/** Permit cases with their item, in the actor's scope; by received date, newest first. */
export function permitQuery(db: Kysely<KernelDB>, ctx: Ctx) {
  return t(db)
    .selectFrom('lic_permit as p')
    .innerJoin('lic_item as i', (j) => j.onRef('i.tenant_id', '=', 'p.tenant_id').onRef('i.id', '=', 'p.item_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.org_id'))
    .selectAll('p')
    .select(['i.code as item_code', 'i.name as item_name', 'i.category as category', 'i.committed_days', 'i.statutory_days', 'o.name as org_name'])
    .$call(withDataScope(ctx.actor, 'p'));
}

export async function listPermits(ctx: Ctx, f: PermitFilter) {
  let q = permitQuery(ctx.db, ctx);
  if (f.year) q = q.where('p.received_on', '>=', `${f.year}-01-01`).where('p.received_on', '<=', `${f.year}-12-31`);
  if (f.category) q = q.where('i.category', '=', f.category);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.itemId) q = q.where('p.item_id', '=', f.itemId);
  if (f.q) q = q.where((eb) => eb.or([eb('p.case_no', 'like', `%${f.q}%`), eb('p.applicant', 'like', `%${f.q}%`), eb('p.decision_no', 'like', `%${f.q}%`)]));
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await q
    .orderBy('p.received_on', 'desc')
    .orderBy('p.case_no', 'desc')
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  return { rows, total: Number(total.n) };
}

export function getPermit(db: Kysely<KernelDB>, ctx: Ctx, id: string) {
  return permitQuery(db, ctx).where('p.id', '=', id).executeTakeFirst();
}
