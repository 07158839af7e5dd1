import { sql, type Kysely } from 'kysely';
import type { Actor, Ctx } from './context.js';
import type { AnySelect, KernelDB } from './db/types.js';
import { errors } from './errors.js';
import { isUuid } from './ids.js';

/**
 * 数据范围 in the repository layer: restricts a query to the actor's tenant and,
 * for street users, to their own org. Apply with `$call(withDataScope(actor))` on
 * every list and get; a record outside the scope is then simply not found (404).
 */
export function withDataScope(actor: Actor, table?: string) {
  const col = (c: string) => (table ? `${table}.${c}` : c);
  return <QB extends AnySelect>(qb: QB): QB => {
    let q = qb.where(col('tenant_id'), '=', actor.tenantId);
    if (!actor.scope.all) {
      const ids = actor.scope.orgIds;
      q = ids.length ? q.where(col('org_id'), 'in', ids as string[]) : q.where(sql<boolean>`false`);
    }
    return q as QB;
  };
}

/** True when the actor may see or change records of this org. */
export function inScope(actor: Actor, orgId: string | null | undefined): boolean {
  if (actor.scope.all) return true;
  return !!orgId && actor.scope.orgIds.includes(orgId);
}

/** Throws 404 (not 403, so existence does not leak) when the org is outside the actor's scope. */
export function assertInScope(actor: Actor, orgId: string | null | undefined, what?: string): void {
  if (!inScope(actor, orgId)) throw errors.notFound(what);
}

/** The tenant's bureau (局): the root org of kind `bureau`. Throws 404 when the tenant has none. */
export async function bureauOrgId(db: Kysely<KernelDB>, tenantId: string): Promise<string> {
  const b = await db
    .selectFrom('org')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'bureau')
    // The root bureau first (a department may, in some data, be recorded as a bureau too).
    .orderBy(sql`parent_id IS NULL`, 'desc')
    .orderBy('created_at')
    .executeTakeFirst();
  if (!b) throw errors.notFound('本局单位');
  return b.id;
}

/**
 * 数据范围 on create — the owner org (`org_id`) of a new record, the one rule every
 * create (and every update that moves a record to another org) goes through:
 *
 * - a requested org must exist in the actor's tenant and lie within the actor's
 *   scope, else 404 naming `what` (as {@link assertInScope}: existence does not leak);
 * - none requested: a street user's own org (the record is theirs, and they can read
 *   it back); a bureau-wide user's own org; the tenant's bureau for the system actor
 *   (CLI, demo loader), which belongs to no org.
 *
 * `ctx.db` may be the write's transaction (`{ ...ctx, db: w.tx }`).
 */
export async function ownerOrgForCreate(ctx: Pick<Ctx, 'db' | 'actor'>, requested?: string | null, what = '单位'): Promise<string> {
  const { actor, db } = ctx;
  if (requested) {
    if (!isUuid(requested) || !inScope(actor, requested)) throw errors.notFound(what);
    const o = await db.selectFrom('org').select('id').where('tenant_id', '=', actor.tenantId).where('id', '=', requested).executeTakeFirst();
    if (!o) throw errors.notFound(what);
    return o.id;
  }
  if (!actor.scope.all) {
    const own = actor.orgId && actor.scope.orgIds.includes(actor.orgId) ? actor.orgId : actor.scope.orgIds[0];
    if (!own) throw errors.notFound(what);
    return own;
  }
  return actor.orgId ?? (await bureauOrgId(db, actor.tenantId));
}

/** Throws 403 when the actor lacks a permission. */
export function requirePermission(actor: Actor, permission: string): void {
  if (!actor.permissions.has(permission)) throw errors.forbidden();
}
