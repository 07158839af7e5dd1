/**
 * Metric passes: metrics that read the same table declare the same pass, and the registry computes
 * them together by one statement — one scan of the table for the period, each metric's figure an
 * aggregate of it (`count(*) FILTER (WHERE …)`, `avg(…) FILTER (WHERE …)`) — instead of one statement
 * a metric, each reading the period's rows again (docs/architecture.md, “Metrics”).
 *
 * A metric of a pass states the rows it reads as a predicate over the pass's source (the statement
 * reads the union of its members' rows) and its aggregates; its drill lists the same predicate's rows,
 * so the figure and the records behind it cannot drift apart.
 */
import { type RawBuilder, sql } from 'kysely';
import type { AnySelect } from '../db/types.js';
import type { MetricQuery, MetricValue } from './registry.js';

/** A statement several metrics share: one pass over `source`'s rows computes all of them. */
export interface MetricPass {
  /** Metrics naming the same pass id are computed by one statement (e.g. `dm_item.hotline`). */
  id: string;
  /**
   * The rows the pass reads for a query, without a select: the table in the query's tenant and
   * scope, with any left joins its members' aggregates use (a join no aggregate uses is left out by
   * the planner when its key is unique).
   */
  source(q: MetricQuery): AnySelect;
}

/** A metric's share of a pass: the rows it reads, its aggregates over them and its value from their results. */
export interface MetricPassPart {
  pass: MetricPass;
  /** The rows the metric reads, as a predicate over the source (the statement reads the union of its members'); omitted: all of them. */
  rows?(q: MetricQuery): RawBuilder<boolean>;
  /** Aggregates by name, each restricting itself to the metric's rows (`count(*) FILTER (WHERE …)`). */
  aggregates(q: MetricQuery): Record<string, RawBuilder<unknown>>;
  /** The metric's value from its aggregates' results (by the same names; numbers come back as strings or numbers). */
  value(r: Readonly<Record<string, unknown>>, q: MetricQuery): MetricValue;
  /** Work before the statement (e.g. making sure the working-day table holds the query's calendar). */
  prepare?(q: MetricQuery): Promise<unknown>;
}

/** A member of a pass: the metric's key and its part. */
export interface PassMember {
  key: string;
  pass: MetricPassPart;
}

/** `((a) AND (b) AND …)` of predicates, as one predicate. */
export function allOf(...preds: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(
    preds.map((p) => sql`(${p})`),
    sql` AND `,
  )})`;
}

/** `((a) OR (b) OR …)` of predicates, as one predicate. */
export function anyOf(...preds: RawBuilder<boolean>[]): RawBuilder<boolean> {
  return sql<boolean>`(${sql.join(
    preds.map((p) => sql`(${p})`),
    sql` OR `,
  )})`;
}

/** `count(*) FILTER (WHERE pred)`: how many of the pass's rows satisfy the predicate. */
export const countWhere = (pred: RawBuilder<boolean>) => sql<string>`count(*) FILTER (WHERE ${pred})`;

/**
 * Computes the members of one pass (all declaring `pass`) for a query by one statement: the source's
 * rows matching any member's predicate, every member's aggregates (an aggregate two members share —
 * the same SQL with the same values — computed once), each member's value from them. `{ key: value }`.
 */
export async function computePass(q: MetricQuery, pass: MetricPass, members: readonly PassMember[]): Promise<Record<string, MetricValue>> {
  for (const m of members) {
    if (m.pass.pass.id !== pass.id) throw new Error(`metric ${m.key} is not of pass ${pass.id}`);
  }
  const prepared = new Set<unknown>();
  for (const m of members) {
    if (m.pass.prepare && !prepared.has(m.pass.prepare)) {
      prepared.add(m.pass.prepare);
      await m.pass.prepare(q);
    }
  }
  // Aggregates by identity (their compiled SQL and parameters): a shared one is selected once.
  const columns = new Map<string, { alias: string; expr: RawBuilder<unknown> }>();
  const named = members.map((m) => {
    const names: Record<string, string> = {};
    for (const [name, expr] of Object.entries(m.pass.aggregates(q))) {
      const c = expr.compile(q.db);
      const id = `${c.sql}\u0000${JSON.stringify(c.parameters)}`;
      let col = columns.get(id);
      if (!col) {
        col = { alias: `a${columns.size}`, expr };
        columns.set(id, col);
      }
      names[name] = col.alias;
    }
    return names;
  });
  const rows = members.map((m) => m.pass.rows?.(q));
  let qb = pass.source(q);
  if (rows.every((r) => r !== undefined)) qb = qb.where(anyOf(...uniqueSql(q, rows as RawBuilder<boolean>[]))) as AnySelect;
  const r = ((await qb.select([...columns.values()].map((c) => c.expr.as(c.alias))).executeTakeFirst()) ?? {}) as Record<string, unknown>;
  const out: Record<string, MetricValue> = {};
  members.forEach((m, i) => {
    const mine: Record<string, unknown> = {};
    for (const [name, alias] of Object.entries(named[i]!)) mine[name] = r[alias] ?? null;
    out[m.key] = m.pass.value(mine, q);
  });
  return out;
}

/** The predicates without repeats (the same SQL with the same values). */
function uniqueSql(q: MetricQuery, preds: RawBuilder<boolean>[]): RawBuilder<boolean>[] {
  const seen = new Map<string, RawBuilder<boolean>>();
  for (const p of preds) {
    const c = p.compile(q.db);
    seen.set(`${c.sql}\u0000${JSON.stringify(c.parameters)}`, p);
  }
  return [...seen.values()];
}
