import { defineMetric, percent, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import type { InspectionTables } from './schema.js';

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

export const inspectionMetrics: MetricDef[] = [
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
