/**
 * Metric builders shared by the four demand modules: counts and rates over
 * `dm_item`, each with a drill-down on exactly the same records, and the overdue
 * and due-soon counts. A module states its keys and definitions; the SQL is here.
 */
import { type RawBuilder, sql } from 'kysely';
import { defineMetric, percent, type DrillResult, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
import { inScope, instantInPeriodSql } from '../../core/metrics/filters.js';
import { allOf, countWhere, type MetricPass } from '../../core/metrics/pass.js';
import { defineMonthlySeries, type MetricMonthlyPart, type MonthlySeries } from '../../core/metrics/monthly.js';
import { joinWorkDay } from '../../core/calendar/workDays.js';
import { DUE_SOON_WORKDAYS } from '../../core/calendar/deadline.js';
import { dm } from './repository.js';
import type { DemandKindDef } from './kinds.js';
import type { DemandKind } from './schema.js';
import { STATUS_LABELS } from './workflow.js';

/** The demands of a kind in the metric's tenant and org scope. */
export function itemsOf(q: MetricQuery, kind: DemandKind) {
  return dm(q.db).selectFrom('dm_item').$call(inScope(q, 'dm_item')).where('dm_item.kind', '=', kind);
}

/** The column that stops the kind's clock. */
export const doneCol = (def: DemandKindDef) => (def.doneBy === 'reply' ? 'dm_item.replied_at' : 'dm_item.closed_at');

/** The Beijing business date of an instant column, in SQL. */
export const bizDateSql = (col: string) => sql<string>`to_char((${sql.ref(col)} AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD')`;

/** The business date figures of open work are judged on: the period's end, or today for a period not yet over. */
export function referenceDate(q: MetricQuery): string {
  const today = q.clock.today();
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
  return q.period.to < today ? q.period.to : today;
}

/** The row a drill shows for a demand. */
export type DrillRow = {
  id: string;
  ref_no: string;
  title: string;
  demand_type: string | null;
  channel: string | null;
  org_name: string;
  received_on: string;
  due_on: string;
  replied_on: string | null;
  closed_on: string | null;
  status: string;
  satisfaction: string | null;
  result: string | null;
  attrs: Record<string, unknown>;
};

/** Extra columns a drill computes in SQL beside the record (e.g. whether the numerator counts it). */
export type DrillExtras = Record<string, RawBuilder<unknown>>;

/** The records of a query with the drill's columns (and any extra columns computed in SQL). */
export async function drillRows(qb: ReturnType<typeof itemsOf>, extras: DrillExtras = {}): Promise<DrillRow[]> {
  const rows = await qb
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'dm_item.tenant_id').onRef('org.id', '=', 'dm_item.org_id'))
    .select([
      'dm_item.id',
      'dm_item.ref_no',
      'dm_item.title',
      'dm_item.demand_type',
      'dm_item.channel',
      'org.name as org_name',
      bizDateSql('dm_item.received_at').as('received_on'),
      'dm_item.due_on',
      bizDateSql('dm_item.replied_at').as('replied_on'),
      bizDateSql('dm_item.closed_at').as('closed_on'),
      'dm_item.status',
      'dm_item.satisfaction',
      'dm_item.result',
      'dm_item.attrs',
    ])
    .$if(Object.keys(extras).length > 0, (qb) => qb.select(Object.entries(extras).map(([k, e]) => e.as(k))))
    .orderBy('dm_item.received_at')
    .orderBy('dm_item.ref_no')
    .execute();
  return rows.map((r) => ({ ...r, status: STATUS_LABELS[r.status as keyof typeof STATUS_LABELS] ?? r.status, attrs: r.attrs as Record<string, unknown> }));
}

const BASE_COLUMNS = (refTitle: string) => [
  { key: 'ref_no', title: refTitle },
  { key: 'title', title: '事项' },
  { key: 'org_name', title: '承办单位' },
  { key: 'received_on', title: '受理日期' },
  { key: 'due_on', title: '届满日' },
];

interface Common {
  key: string;
  title: string;
  definition: string;
  def: DemandKindDef;
  /** Extra drill columns (e.g. 信访形式). */
  columns?: Array<{ key: string; title: string }>;
  /** The monthly series the figure is also read from, when it is additive over months (src/core/metrics/monthly.ts). */
  monthly?: MetricMonthlyPart;
}

/** A predicate over a kind's demands (`dm_item`) for a query: the records a figure counts. */
export type DemandPredicate = (q: MetricQuery) => RawBuilder<boolean>;

const passes = new Map<DemandKind, MetricPass>();

/**
 * The pass over a kind's demands (src/core/metrics/pass.ts): every demand metric of the kind is an
 * aggregate of one statement over its records in the query's tenant and scope, with the working-day
 * rows of their 受理 and 办结 dates joined as `wd_rcv` and `wd_closed` (left joins on the table's key,
 * left out by the planner when no aggregate reads them).
 */
export function demandPass(def: DemandKindDef): MetricPass {
  let p = passes.get(def.kind);
  if (!p) {
    p = {
      id: `dm_item.${def.kind}`,
      source: (q) => withWorkDays(itemsOf(q, def.kind)),
    };
    passes.set(def.kind, p);
  }
  return p;
}

/** A kind's demands with the working-day rows of their 受理 (`wd_rcv`) and 办结 (`wd_closed`) dates, as the pass reads them. */
export function withWorkDays(qb: ReturnType<typeof itemsOf>): ReturnType<typeof itemsOf> {
  return qb
    .$call(joinWorkDay('wd_rcv', sql`(dm_item.received_at AT TIME ZONE 'Asia/Shanghai')::date`))
    .$call(joinWorkDay('wd_closed', sql`(dm_item.closed_at AT TIME ZONE 'Asia/Shanghai')::date`));
}

/**
 * The monthly series of a kind's demands by the Beijing month of their 办结时间 (src/core/metrics/monthly.ts):
 * key `dm_item.<kind>.closed`, the aggregates the kind's additive figures of closed demands need. The demands
 * module's trigger marks its months (migrations/0005_metric_month.sql: 12345 orders so far).
 */
export function closedMonthlySeries(def: DemandKindDef, sums: Record<string, RawBuilder<unknown>>): MonthlySeries {
  return defineMonthlySeries({
    key: `dm_item.${def.kind}.closed`,
    table: 'dm_item',
    where: sql<boolean>`dm_item.kind = ${def.kind}`,
    date: { column: 'dm_item.closed_at', type: 'instant' },
    sums,
  });
}

/** The records of a predicate, for a drill (the same records the figure counts). */
export const recordsOf = (q: MetricQuery, def: DemandKindDef, where: DemandPredicate) => itemsOf(q, def.kind).where(where(q));

/** A count of demands: the figure is `count(*) FILTER (WHERE where)` of the kind's pass, the drill lists the same predicate's records. */
export function countMetric(o: Common & { where: DemandPredicate }): MetricDef {
  return defineMetric({
    key: o.key,
    title: o.title,
    unit: 'count',
    definition: o.definition,
    permission: o.def.permissions.read,
    ...(o.monthly && { monthly: o.monthly }),
    pass: {
      pass: demandPass(o.def),
      rows: o.where,
      aggregates: (q) => ({ n: countWhere(o.where(q)) }),
      value: (r) => Number(r.n ?? 0),
    },
    async drill(q): Promise<DrillResult> {
      const rows = await drillRows(recordsOf(q, o.def, o.where));
      return {
        columns: [...BASE_COLUMNS(o.def.refLabel), ...(o.columns ?? []), { key: 'status', title: '状态' }],
        rows,
        total: rows.length,
        recordRoute: `/${o.def.module}/items/:id`,
      };
    },
  });
}

/**
 * A rate computed in one pass in SQL: of the records of `den`, the share for which the predicate
 * `num` holds (`count(*) FILTER (WHERE den AND num) / count(*) FILTER (WHERE den)` of the kind's
 * pass). The drill lists `den` with a column saying which records the numerator counts, computed by
 * the same predicate, and an optional SQL note.
 */
export function rateMetric(
  o: Common & {
    den: DemandPredicate;
    num: DemandPredicate;
    numTitle: string;
    /** A note per record (SQL text, e.g. '逾期未办结'); empty when NULL. */
    note?: (q: MetricQuery) => RawBuilder<string | null>;
  },
): MetricDef {
  return defineMetric({
    key: o.key,
    title: o.title,
    unit: 'percent',
    definition: o.definition,
    permission: o.def.permissions.read,
    ...(o.monthly && { monthly: o.monthly }),
    pass: {
      pass: demandPass(o.def),
      rows: o.den,
      aggregates: (q) => ({ num: countWhere(allOf(o.den(q), o.num(q))), den: countWhere(o.den(q)) }),
      value: (r) => percent(Number(r.num ?? 0), Number(r.den ?? 0)),
    },
    async drill(q) {
      const rows = await drillRows(recordsOf(q, o.def, o.den), {
        counted: sql<string>`CASE WHEN ${o.num(q)} THEN '是' ELSE '否' END`,
        note: o.note ? sql<string>`coalesce(${o.note(q)}, '')` : sql<string>`''`,
      });
      return {
        columns: [...BASE_COLUMNS(o.def.refLabel), ...(o.columns ?? []), { key: 'counted', title: o.numTitle }, { key: 'note', title: '说明' }],
        rows,
        total: rows.length,
        recordRoute: `/${o.def.module}/items/:id`,
      };
    },
  });
}

/** The business date the kind's clock stopped on, in SQL (the reply — or the closure — for kinds done by the reply). */
export function doneDateSql(def: DemandKindDef) {
  const col = def.doneBy === 'reply' ? sql`coalesce(dm_item.replied_at, dm_item.closed_at)` : sql`dm_item.closed_at`;
  return sql<string>`(${col} AT TIME ZONE 'Asia/Shanghai')::date`;
}

/** Done on or before the due date, in SQL (the stored due date is the clock's under the kind's rules). */
export const doneOnTimeSql = (def: DemandKindDef) => sql<boolean>`${doneDateSql(def)} <= dm_item.due_on`;

/**
 * 按期率 — of the records of `base`, the share done on or before their due date. The stored due date
 * is the clock's under the kind's rules (an extension approved after the period ran out does not move
 * it), so a reply after a late extension counts late.
 */
export function onTimeRateMetric(o: Common & { base: DemandPredicate; numTitle: string; note?: (q: MetricQuery) => RawBuilder<string | null> }): MetricDef {
  return rateMetric({ ...o, den: o.base, num: () => doneOnTimeSql(o.def) });
}

/**
 * Still running at the reference date (received by then, not yet done by then), as a predicate: ranges
 * on the instants (received before the Beijing midnight after the reference date, done — if at all —
 * from that midnight on), which indexes on the columns can serve.
 */
export function runningAtSql(q: MetricQuery, def: DemandKindDef) {
  const after = afterDaySql(referenceDate(q));
  const col = sql.ref(doneCol(def));
  return sql<boolean>`(dm_item.received_at < ${after} AND (${col} IS NULL OR ${col} >= ${after}))`;
}

/** The instant a business date ends: the Beijing midnight after it. */
const afterDaySql = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** Demands whose clock still ran at the reference date (received by then, not yet done by then). */
export function runningAt(q: MetricQuery, def: DemandKindDef) {
  return itemsOf(q, def.kind).where(runningAtSql(q, def));
}

/** 逾期未办结 — still running at the reference date with the due date passed, as a predicate. */
export const overdueSql = (q: MetricQuery, def: DemandKindDef) => allOf(runningAtSql(q, def), sql<boolean>`dm_item.due_on < ${referenceDate(q)}::date`);

/** 逾期未办结 — still running at the reference date with the due date passed. */
export function overdueMetric(def: DemandKindDef, key: string): MetricDef {
  return countMetric({
    key,
    title: `${def.label}逾期未办数`,
    definition: `统计期末（当年未结束时为今日）仍未${def.doneBy === 'reply' ? '答复' : '办结'}且已超过届满日的${def.label}数`,
    def,
    where: (q) => overdueSql(q, def),
  });
}

/**
 * 即将到期 — still running at the reference date and due within 3 working days of it (inclusive):
 * `workdaysBetween(ref, due) <= 3` is `due` before the 4th working day after `ref` (the count never
 * falls as `due` moves on), a date bound from the query's calendar that the open-items index serves.
 */
export function dueSoonMetric(def: DemandKindDef, key: string): MetricDef {
  const where = (q: MetricQuery) => {
    const ref = referenceDate(q);
    const bound = q.calendar.addWorkdays(ref, DUE_SOON_WORKDAYS + 1);
    return allOf(runningAtSql(q, def), sql<boolean>`dm_item.due_on >= ${ref}::date`, sql<boolean>`dm_item.due_on < ${bound}::date`);
  };
  return countMetric({
    key,
    title: `${def.label}即将到期数`,
    definition: `统计期末（当年未结束时为今日）仍在办理、届满日在3个工作日内（含当日）的${def.label}数`,
    def,
    where,
  });
}

/** The records of a kind whose clock stopped in the period, as a predicate. */
export const doneInPeriodSql = (q: MetricQuery, def: DemandKindDef) => instantInPeriodSql(q, doneCol(def));

/** The records of a kind whose clock stopped in the period. */
export function doneInPeriod(q: MetricQuery, def: DemandKindDef) {
  return itemsOf(q, def.kind).where(doneInPeriodSql(q, def));
}
