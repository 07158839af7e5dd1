/** All SQL of the hotline's own tables: the clue outbox and the district average. Lists apply the data scope. */
import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import type { HotlineTables } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<HotlineTables>();

/** Clue requests in the actor's scope, oldest first. */
export async function clueRequests(ctx: Ctx, status: 'pending' | 'consumed' | 'all') {
  return t(ctx.db)
    .selectFrom('hotline_clue_request')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(status !== 'all', (q) => q.where('status', '=', status as 'pending' | 'consumed'))
    .orderBy('requested_at')
    .execute();
}

/** One clue request in the actor's scope (undefined: not found or out of scope). */
export async function clueRequestById(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('hotline_clue_request').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

/** Marks a clue request consumed, with the clue's reference. */
export async function markConsumed(db: Kysely<KernelDB>, tenantId: string, id: string, clueRef: string): Promise<void> {
  await t(db)
    .updateTable('hotline_clue_request')
    .set({ status: 'consumed', consumed_at: new Date(), clue_ref: clueRef })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** The clue request of an order, if one was made. */
export async function clueRequestOfOrder(db: Kysely<KernelDB>, tenantId: string, orderId: string) {
  return t(db).selectFrom('hotline_clue_request').select('id').where('tenant_id', '=', tenantId).where('order_id', '=', orderId).executeTakeFirst();
}

/** Records a clue request; returns its id. */
export async function insertClueRequest(
  db: Kysely<KernelDB>,
  row: { tenantId: string; orderId: string; orgId: string; facts: unknown; reason: string; requestedBy: string },
): Promise<string> {
  const r = await t(db)
    .insertInto('hotline_clue_request')
    .values({
      tenant_id: row.tenantId,
      order_id: row.orderId,
      org_id: row.orgId,
      facts: JSON.stringify(row.facts),
      reason: row.reason,
      requested_by: row.requestedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The district averages entered, by year. */
export async function districtAverages(db: Kysely<KernelDB>, tenantId: string) {
  return t(db).selectFrom('hotline_district_avg').selectAll().where('tenant_id', '=', tenantId).orderBy('year').execute();
}

/** The district average of a year, if entered. */
export async function districtAverageOf(db: Kysely<KernelDB>, tenantId: string, year: number) {
  return t(db).selectFrom('hotline_district_avg').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst();
}

/** Enters (or replaces) the district average of a year, in hundredths of a working day. */
export async function upsertDistrictAverage(db: Kysely<KernelDB>, row: { tenantId: string; year: number; centi: number; note: string | null }): Promise<void> {
  await t(db)
    .insertInto('hotline_district_avg')
    .values({ tenant_id: row.tenantId, year: row.year, avg_centi: row.centi, note: row.note })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doUpdateSet({ avg_centi: row.centi, note: row.note, updated_at: new Date() }))
    .execute();
}

// ── The demo bureau's loads (demo.ts) ──

/** The id and unit of the tenant's user of a username, if any. */
export function userByUsername(db: Kysely<KernelDB>, tenantId: string, username: string) {
  return db.selectFrom('app_user').select(['id', 'org_id']).where('tenant_id', '=', tenantId).where('username', '=', username).executeTakeFirst();
}
