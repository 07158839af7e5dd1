import { sql } from 'kysely';
import { defineMetric, defineMetricFamily, percent, type MetricDef, type MetricFamilyDef, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import type { InspectionTables } from './schema.js';
import { DEFAULT_ENTITY_CAP, RECORD_KINDS } from './rules.js';

/** Inspections done (检查日期) in the period. */
const done = (q: MetricQuery) =>
  q.db
    .withTables<InspectionTables>()
    .selectFrom('insp_task as k')
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'k.tenant_id').onRef('e.id', '=', 'k.entity_id'))
    .$call(inScope(q, 'k'))
    .$call(dateInPeriod(q, 'k.inspected_on'));
const columns = [
  { key: 'entity_name', title: '检查对象' },
  { key: 'inspected_on', title: '检查日期' },
  { key: 'result', title: '检查结果' },
  { key: 'publish_due_on', title: '公示期限' },
  { key: 'published_on', title: '公示日期' },
];
const rows = (q: MetricQuery) =>
  done(q).select(['k.id', 'e.name as entity_name', 'k.inspected_on', 'k.result', 'k.publish_due_on', 'k.published_on']).orderBy('k.inspected_on').execute();

const taskMetrics: MetricDef[] = [
  defineMetric({
    key: 'inspections.inspected',
    title: '“双随机”抽查检查户次',
    unit: 'count',
    definition: '检查日期在统计期内的随机抽查任务数',
    permission: 'inspections.read',
    query: (q) => countOf(done(q)),
    async drill(q) {
      const r = await rows(q);
      return { columns, rows: r, total: r.length };
    },
  }),
  defineMetric({
    key: 'inspections.published_on_time_rate',
    title: '抽查结果按时公示率',
    unit: 'percent',
    definition: '检查日期在统计期内的随机抽查任务中，检查后20个工作日内公示结果的比例',
    permission: 'inspections.read',
    async query(q) {
      return percent(await countOf(done(q).whereRef('k.published_on', '<=', 'k.publish_due_on')), await countOf(done(q)));
    },
    async drill(q) {
      const r = await rows(q);
      return {
        columns: [...columns, { key: 'on_time', title: '按时公示' }],
        rows: r.map((x) => ({ ...x, on_time: x.published_on && x.publish_due_on && x.published_on <= x.publish_due_on ? '是' : '否' })),
        total: r.length,
      };
    },
  }),
];

// ── 行政检查记录 (every inspection, the 双随机 results included) ──

const ROUTE = '/inspections/records/:id';
/** Inspection records with 检查日期 in the period, in scope. */
const records = (q: MetricQuery) =>
  q.db
    .withTables<InspectionTables>()
    .selectFrom('insp_record as r')
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'r.tenant_id').onRef('e.id', '=', 'r.entity_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.org_id'))
    .$call(inScope(q, 'r'))
    .$call(dateInPeriod(q, 'r.inspected_on'));
type RecordQuery = ReturnType<typeof records>;
const recordColumns = [
  { key: 'record_no', title: '检查编号' },
  { key: 'inspected_on', title: '检查日期' },
  { key: 'entity_name', title: '检查对象' },
  { key: 'kind', title: '检查类别' },
  { key: 'org_name', title: '检查单位' },
  { key: 'follow_up', title: '处理结果' },
  { key: 'follow_ref', title: '关联线索或案件' },
];
const recordRows = (qb: RecordQuery) =>
  qb
    .select(['r.id', 'r.record_no', 'r.inspected_on', 'e.name as entity_name', 'r.kind', 'o.name as org_name', 'r.follow_up', 'r.follow_ref'])
    .orderBy('r.inspected_on')
    .orderBy('r.record_no')
    .execute();
const drillOf = (base: (q: MetricQuery) => RecordQuery) => async (q: MetricQuery) => {
  const rows = await recordRows(base(q));
  return { columns: recordColumns, rows, total: rows.length, recordRoute: ROUTE };
};
const P = 'inspections.read';

/**
 * Each enterprise inspected by a unit in a year (of the period) more often than the unit's yearly cap
 * (its annual plan's `entity_cap`, else 2): one row per unit, enterprise and year, set-based.
 */
const overCap = (q: MetricQuery) =>
  q.db
    .withTables<InspectionTables>()
    .selectFrom('insp_record as r')
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'r.tenant_id').onRef('e.id', '=', 'r.entity_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.org_id'))
    .leftJoin('insp_annual_plan as a', (j) =>
      j.onRef('a.tenant_id', '=', 'r.tenant_id').onRef('a.org_id', '=', 'r.org_id').on('a.year', '=', sql<number>`extract(year from r.inspected_on)::int`),
    )
    .$call(inScope(q, 'r'))
    .$call(dateInPeriod(q, 'r.inspected_on'))
    .where('r.enterprise', '=', true)
    .select([
      'r.entity_id',
      'e.name as entity_name',
      'o.name as org_name',
      sql<number>`extract(year from r.inspected_on)::int`.as('year'),
      sql<number>`coalesce(max(a.entity_cap), ${DEFAULT_ENTITY_CAP})`.as('cap'),
      sql<string>`count(*)`.as('inspections'),
    ])
    .groupBy(['r.entity_id', 'e.name', 'o.name', 'r.org_id', sql`extract(year from r.inspected_on)`])
    .having(sql<boolean>`count(*) > coalesce(max(a.entity_cap), ${DEFAULT_ENTITY_CAP})`);

function recordMetrics(): MetricDef[] {
  const count = (key: string, title: string, definition: string, base: (q: MetricQuery) => RecordQuery) =>
    defineMetric({ key, title, unit: 'count', definition, permission: P, query: (q) => countOf(base(q)), drill: drillOf(base) });
  return [
    count('inspections.records', '行政检查次数', '检查日期在统计期内的行政检查记录数（含“双随机”抽查结果）', records),
    count('inspections.records_to_case', '行政检查发现问题立案查处次数', '检查日期在统计期内、处理结果为立案的行政检查记录数', (q) =>
      records(q).where('r.follow_up', '=', '立案'),
    ),
    defineMetric({
      key: 'inspections.enterprises_inspected',
      title: '接受行政检查的企业数',
      unit: 'count',
      definition: '检查日期在统计期内的入企检查涉及的企业数（同一企业多次检查计一户）',
      permission: P,
      async query(q) {
        const r = await records(q).where('r.enterprise', '=', true).select(sql<string>`count(distinct r.entity_id)`.as('n')).executeTakeFirst();
        return Number(r?.n ?? 0);
      },
      // One row per enterprise (the figure counts enterprises, not inspections), with its inspections.
      async drill(q) {
        const rows = await records(q)
          .where('r.enterprise', '=', true)
          .groupBy(['r.entity_id', 'e.name', 'e.uscc'])
          .select([
            'r.entity_id as id',
            'e.name as entity_name',
            'e.uscc as entity_code',
            sql<number>`count(*)::int`.as('inspections'),
            sql<string>`min(r.inspected_on)::text`.as('first_on'),
            sql<string>`max(r.inspected_on)::text`.as('last_on'),
          ])
          .orderBy('e.name')
          .execute();
        return {
          columns: [
            { key: 'entity_name', title: '企业' },
            { key: 'entity_code', title: '统一社会信用代码' },
            { key: 'inspections', title: '检查次数' },
            { key: 'first_on', title: '首次检查' },
            { key: 'last_on', title: '最近检查' },
          ],
          rows,
          total: rows.length,
        };
      },
    }),
    defineMetric({
      key: 'inspections.random_share',
      title: '“双随机”方式检查占比',
      unit: 'percent',
      definition: '检查日期在统计期内的行政检查中，类别为“双随机”的检查次数 / 行政检查次数（优化营商环境条例第五十九条）',
      permission: P,
      async query(q) {
        return percent(await countOf(records(q).where('r.kind', '=', '双随机')), await countOf(records(q)));
      },
      drill: drillOf(records),
    }),
    defineMetric({
      key: 'inspections.over_cap_enterprises',
      title: '超过年度检查次数上限的企业数',
      unit: 'count',
      definition: '统计期内被同一检查单位在同一年度检查次数超过该单位年度检查计划所定上限（未定的按2次）的企业数（按单位、企业、年度计）',
      permission: P,
      async query(q) {
        const r = await q.db.selectFrom(overCap(q).as('x')).select(sql<string>`count(*)`.as('n')).executeTakeFirst();
        return Number(r?.n ?? 0);
      },
      async drill(q) {
        const rows = await overCap(q).orderBy('inspections', 'desc').execute();
        return {
          columns: [
            { key: 'entity_name', title: '企业' },
            { key: 'org_name', title: '检查单位' },
            { key: 'year', title: '年度' },
            { key: 'inspections', title: '检查次数' },
            { key: 'cap', title: '年度上限' },
          ],
          rows: rows.map((r) => ({ ...r, inspections: Number(r.inspections), cap: Number(r.cap) })),
          total: rows.length,
        };
      },
    }),
  ];
}

export const inspectionMetrics: MetricDef[] = [...taskMetrics, ...recordMetrics()];

/** 行政检查次数 by kind and by unit (the members the data names). */
export const inspectionMetricFamilies: MetricFamilyDef[] = [
  defineMetricFamily({
    prefix: 'inspections.records_by_kind',
    title: '行政检查次数（按检查类别）',
    unit: 'count',
    definition: '检查日期在统计期内的行政检查记录数，按检查类别（双随机、专项、投诉举报、上级交办、回访）分列',
    permission: P,
    async members(q) {
      const rows = await records(q).select('r.kind as m').distinct().execute();
      const names = rows.map((r) => String(r.m));
      return RECORD_KINDS.filter((k) => names.includes(k));
    },
    query: (q, m) => countOf(records(q).where('r.kind', '=', m as never)),
    drill: async (q, m) => drillOf((x) => records(x).where('r.kind', '=', m as never))(q),
  }),
  defineMetricFamily({
    prefix: 'inspections.records_by_unit',
    title: '行政检查次数（按检查单位）',
    unit: 'count',
    definition: '检查日期在统计期内的行政检查记录数，按检查单位分列',
    permission: P,
    async members(q) {
      const rows = await records(q).select('o.name as m').distinct().execute();
      return rows.map((r) => String(r.m)).sort();
    },
    query: (q, m) => countOf(records(q).where('o.name', '=', m)),
    drill: async (q, m) => drillOf((x) => records(x).where('o.name', '=', m))(q),
  }),
];
