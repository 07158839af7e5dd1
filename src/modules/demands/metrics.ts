/**
 * Metric builders shared by the four demand modules: counts and rates over
 * `dm_item`, each with a drill-down on exactly the same records, and the overdue
 * and due-soon counts. A module states its keys and definitions; the SQL is here.
 */
import { sql } from 'kysely';
import { defineMetric, percent, type DrillResult, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, inScope, instantInPeriod } from '../../core/metrics/filters.js';
import type { WorkCalendar } from '../../core/calendar/index.js';
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

/** Rows of a query for drills and JS-side rates. */
export async function drillRows(qb: ReturnType<typeof itemsOf>): Promise<DrillRow[]> {
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
}

/** A count of demands: the query and its drill share `base`. */
export function countMetric(o: Common & { base: (q: MetricQuery) => ReturnType<typeof itemsOf> }): MetricDef {
  return defineMetric({
    key: o.key,
    title: o.title,
    unit: 'count',
    definition: o.definition,
    permission: o.def.permissions.read,
    query: (q) => countOf(o.base(q)),
    async drill(q): Promise<DrillResult> {
      const rows = await drillRows(o.base(q));
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
 * A rate over the records of `base`: those for which `inDen` holds make the
 * denominator, those for which `inNum` also holds the numerator. The drill lists
 * the denominator with a column saying which count in the numerator.
 */
export function rateMetric(
  o: Common & {
    base: (q: MetricQuery) => ReturnType<typeof itemsOf>;
    /** Extra rows (e.g. open overdue demands for the strict rate), judged with the others. */
    extra?: (q: MetricQuery) => ReturnType<typeof itemsOf>;
    judge: (r: DrillRow, ctx: { cal: WorkCalendar; q: MetricQuery }) => { inDen: boolean; inNum: boolean; note?: string };
    numTitle: string;
  },
): MetricDef {
  async function judged(q: MetricQuery) {
    const cal = q.calendar;
    const rows = [...(await drillRows(o.base(q))), ...(o.extra ? await drillRows(o.extra(q)) : [])];
    return rows.map((r) => ({ r, j: o.judge(r, { cal, q }) })).filter((x) => x.j.inDen);
  }
  return defineMetric({
    key: o.key,
    title: o.title,
    unit: 'percent',
    definition: o.definition,
    permission: o.def.permissions.read,
    async query(q) {
      const rows = await judged(q);
      return percent(rows.filter((x) => x.j.inNum).length, rows.length);
    },
    async drill(q) {
      const rows = await judged(q);
      return {
        columns: [...BASE_COLUMNS(o.def.refLabel), ...(o.columns ?? []), { key: 'counted', title: o.numTitle }, { key: 'note', title: '说明' }],
        rows: rows.map(({ r, j }) => ({ ...r, counted: j.inNum ? '是' : '否', note: j.note ?? '' })),
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

/**
 * 按期率 — of the records of `base`, the share done on or before their due date, counted
 * set-based in SQL. The stored due date is the clock's under the kind's rules (an extension
 * approved after the period ran out does not move it), so a reply after a late extension counts
 * late. The drill lists `base` with a column saying which records the numerator counts.
 */
export function onTimeRateMetric(
  o: Common & { base: (q: MetricQuery) => ReturnType<typeof itemsOf>; numTitle: string; note?: (r: DrillRow) => string | undefined },
): MetricDef {
  const onTime = (q: MetricQuery) => o.base(q).where(sql<boolean>`${doneDateSql(o.def)} <= dm_item.due_on`);
  return defineMetric({
    key: o.key,
    title: o.title,
    unit: 'percent',
    definition: o.definition,
    permission: o.def.permissions.read,
    async query(q) {
      return percent(await countOf(onTime(q)), await countOf(o.base(q)));
    },
    async drill(q) {
      const counted = new Set((await onTime(q).select('dm_item.id').execute()).map((r) => r.id));
      const rows = await drillRows(o.base(q));
      return {
        columns: [...BASE_COLUMNS(o.def.refLabel), ...(o.columns ?? []), { key: 'counted', title: o.numTitle }, { key: 'note', title: '说明' }],
        rows: rows.map((r) => ({ ...r, counted: counted.has(r.id) ? '是' : '否', note: o.note?.(r) ?? '' })),
        total: rows.length,
        recordRoute: `/${o.def.module}/items/:id`,
      };
    },
  });
}

/** Demands whose clock still ran at the reference date (received by then, not yet done by then). */
export function runningAt(q: MetricQuery, def: DemandKindDef) {
  const ref = referenceDate(q);
  const col = doneCol(def);
  return itemsOf(q, def.kind)
    .where(sql<boolean>`(dm_item.received_at AT TIME ZONE 'Asia/Shanghai')::date <= ${ref}::date`)
    .where((eb) => eb.or([eb(col, 'is', null), eb(sql`(${sql.ref(col)} AT TIME ZONE 'Asia/Shanghai')::date`, '>', sql`${ref}::date`)]));
}

/** 逾期未办结 — still running at the reference date with the due date passed. */
export function overdueMetric(def: DemandKindDef, key: string): MetricDef {
  return countMetric({
    key,
    title: `${def.label}逾期未办数`,
    definition: `统计期末（当年未结束时为今日）仍未${def.doneBy === 'reply' ? '答复' : '办结'}且已超过届满日的${def.label}数`,
    def,
    base: (q) => runningAt(q, def).where('dm_item.due_on', '<', referenceDate(q)),
  });
}

/** 即将到期 — still running at the reference date and due within 3 working days of it (inclusive). */
export function dueSoonMetric(def: DemandKindDef, key: string): MetricDef {
  const base = (q: MetricQuery) => runningAt(q, def).where('dm_item.due_on', '>=', referenceDate(q));
  return rateless(def, {
    key,
    title: `${def.label}即将到期数`,
    definition: `统计期末（当年未结束时为今日）仍在办理、届满日在3个工作日内（含当日）的${def.label}数`,
    base,
    keep: (r, cal, ref) => cal.workdaysBetween(ref, r.due_on) <= 3,
  });
}

/** A count decided row by row in JS (needs the calendar), drillable to the same rows. */
function rateless(
  def: DemandKindDef,
  m: {
    key: string;
    title: string;
    definition: string;
    base: (q: MetricQuery) => ReturnType<typeof itemsOf>;
    keep: (r: DrillRow, cal: WorkCalendar, ref: string) => boolean;
  },
): MetricDef {
  const { key, title, definition, base, keep } = m;
  const rows = async (q: MetricQuery) => {
    const cal = q.calendar;
    return (await drillRows(base(q))).filter((r) => keep(r, cal, referenceDate(q)));
  };
  return defineMetric({
    key,
    title,
    unit: 'count',
    definition,
    permission: def.permissions.read,
    query: async (q) => (await rows(q)).length,
    async drill(q) {
      const r = await rows(q);
      return { columns: [...BASE_COLUMNS(def.refLabel), { key: 'status', title: '状态' }], rows: r, total: r.length, recordRoute: `/${def.module}/items/:id` };
    },
  });
}

/** Done on or before the due date. */
export const doneOnTime = (r: DrillRow, def: DemandKindDef) => {
  const done = def.doneBy === 'reply' ? (r.replied_on ?? r.closed_on) : r.closed_on;
  return !!done && done <= r.due_on;
};

/** The records of a kind whose clock stopped in the period. */
export function doneInPeriod(q: MetricQuery, def: DemandKindDef) {
  return itemsOf(q, def.kind).$call(instantInPeriod(q, doneCol(def)));
}
