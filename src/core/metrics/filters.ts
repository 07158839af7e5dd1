import { type ExpressionBuilder, sql } from 'kysely';
import type { AnySelect, KernelDB, OrgKind } from '../db/types.js';
import type { MetricQuery } from './registry.js';

const NIL = '00000000-0000-0000-0000-000000000000';
type QB = AnySelect;

/**
 * Filters shared by metric queries, applied with `$call`. Each keeps a metric's
 * query and its drill-down on exactly the same records.
 */

/** The tenant and the metric's org scope (`orgIds` null = every org of the tenant). */
export function inScope(q: MetricQuery, table?: string) {
  const c = (n: string) => (table ? `${table}.${n}` : n);
  return <T extends QB>(qb: T): T => {
    const t = qb.where(c('tenant_id'), '=', q.tenantId) as T;
    return (q.orgIds ? t.where(c('org_id'), 'in', q.orgIds.length ? [...q.orgIds] : [NIL]) : t) as T;
  };
}

/** The unit kinds of each side: the bureau itself (局, its departments, others) and the street offices. */
export const SIDE_ORG_KINDS: Readonly<Record<'bureau' | 'streets', readonly OrgKind[]>> = {
  bureau: ['bureau', 'department', 'other'],
  streets: ['street'],
};

/** Records owned by the bureau itself (局 and its departments) or by the street offices. */
export function ownedBy(q: MetricQuery, side: 'bureau' | 'streets', column = 'org_id') {
  const kinds = SIDE_ORG_KINDS[side];
  return <T extends QB>(qb: T): T =>
    qb.where(column, 'in', (eb: ExpressionBuilder<KernelDB, never>) =>
      eb.selectFrom('org').select('org.id').where('org.tenant_id', '=', q.tenantId).where('org.kind', 'in', kinds),
    ) as T;
}

/** A `date` column within the period (inclusive). */
export function dateInPeriod(q: MetricQuery, column: string) {
  return <T extends QB>(qb: T): T => qb.where(column, '>=', q.period.from).where(column, '<=', q.period.to) as T;
}

/**
 * A `timestamptz` column whose Beijing-time date falls within the period, as a predicate — a range on
 * the column itself (from the period's first Beijing midnight, before the midnight after its last day),
 * so that an index on the column serves it. NULL (not true) for a NULL instant.
 */
export function instantInPeriodSql(q: MetricQuery, column: string) {
  const c = sql.ref(column);
  return sql<boolean>`(${c} >= (${q.period.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND ${c} < (${q.period.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;
}

/** A `timestamptz` column whose Beijing-time date falls within the period (`instantInPeriodSql`, applied with `$call`). */
export function instantInPeriod(q: MetricQuery, column: string) {
  return <T extends QB>(qb: T): T => qb.where(instantInPeriodSql(q, column)) as T;
}

/** Counts rows of a query (`select count(*)`), as a number. */
export async function countOf(qb: QB): Promise<number> {
  const r = await qb
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number((r as { n?: unknown } | undefined)?.n ?? 0);
}
