import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Actor } from './context.js';
import { errors } from './errors.js';

/**
 * 数据范围 in the repository layer: restricts a query to the actor's tenant and,
 * for street users, to their own org. Apply with `$call(withDataScope(actor))` on
 * every list and get; a record outside the scope is then simply not found (404).
 */
export function withDataScope(actor: Actor, table?: string) {
  const col = (c: string) => (table ? `${table}.${c}` : c);
  return <QB extends SelectQueryBuilder<any, any, any>>(qb: QB): QB => {
    let q = qb.where(col('tenant_id') as any, '=', actor.tenantId);
    if (!actor.scope.all) {
      const ids = actor.scope.orgIds;
      q = ids.length ? q.where(col('org_id') as any, 'in', ids as string[]) : q.where((eb: ExpressionBuilder<any, any>) => eb.val(false));
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

/** Throws 403 when the actor lacks a permission. */
export function requirePermission(actor: Actor, permission: string): void {
  if (!actor.permissions.has(permission)) throw errors.forbidden();
}
