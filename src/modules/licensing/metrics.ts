import { defineMetric, percent, type MetricDef, type MetricQuery } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import type { LicensingTables, PermitCategory } from './schema.js';
import { compressionRate } from './rules.js';

const PERMISSION = 'licensing.read';
const ROUTE = '/licensing/permits/:id';

/** Permit cases decided (办结日期) in the period, with their item. */
const decided = (q: MetricQuery) =>
  q.db
    .withTables<LicensingTables>()
    .selectFrom('lic_permit as p')
    .innerJoin('lic_item as i', (j) => j.onRef('i.tenant_id', '=', 'p.tenant_id').onRef('i.id', '=', 'p.item_id'))
    .$call(inScope(q, 'p'))
    .$call(dateInPeriod(q, 'p.decided_on'));

const permitColumns = [
  { key: 'case_no', title: '办件编号' },
  { key: 'item_name', title: '许可事项' },
  { key: 'category', title: '类别' },
  { key: 'applicant', title: '申请人' },
  { key: 'accepted_on', title: '受理日期' },
  { key: 'decided_on', title: '办结日期' },
  { key: 'result', title: '办理结果' },
];

const permitRows = (qb: ReturnType<typeof decided>) =>
  qb
    .select([
      'p.id',
      'p.case_no',
      'i.name as item_name',
      'i.category',
      'p.applicant',
      'p.accepted_on',
      'p.decided_on',
      'p.due_on',
      'p.result',
      'p.visits',
      'p.channel',
    ])
    .orderBy('p.decided_on')
    .orderBy('p.case_no')
    .execute();

function closedBy(key: string, category: PermitCategory): MetricDef {
  const base = (q: MetricQuery) => decided(q).where('i.category', '=', category);
  return defineMetric({
    key,
    title: `${category}类行政许可办结数`,
    unit: 'count',
    definition: `办结日期在统计期内、事项类别为“${category}”的行政许可办件数`,
    permission: PERMISSION,
    query: (q) => countOf(base(q)),
    async drill(q) {
      const rows = await permitRows(base(q));
      return { columns: permitColumns, rows, total: rows.length, recordRoute: ROUTE };
    },
  });
}

/** Catalogue items in scope. */
const items = (q: MetricQuery) => q.db.withTables<LicensingTables>().selectFrom('lic_item').$call(inScope(q));
const itemRows = (q: MetricQuery) =>
  items(q).select(['id', 'code', 'name', 'category', 'statutory_days', 'committed_days', 'cloud_window']).orderBy('code').execute();
const itemColumns = [
  { key: 'code', title: '事项编码' },
  { key: 'name', title: '事项名称' },
  { key: 'category', title: '类别' },
  { key: 'statutory_days', title: '法定时限（工作日）' },
  { key: 'committed_days', title: '承诺时限（工作日）' },
  { key: 'cloud_window_label', title: '纳入政务云窗' },
];

export const licensingMetrics: MetricDef[] = [
  closedBy('licensing.water.closed', '水利'),
  closedBy('licensing.drainage.closed', '排水'),
  closedBy('licensing.construction.closed', '工程建设'),
  defineMetric({
    key: 'licensing.compression_rate',
    title: '行政许可事项办理时限压缩率',
    unit: 'percent',
    definition: '1 − Σ承诺时限 / Σ法定时限，按行政许可事项目录计算',
    permission: PERMISSION,
    async query(q) {
      return compressionRate((await itemRows(q)).map((r) => ({ statutoryDays: r.statutory_days, committedDays: r.committed_days })));
    },
    async drill(q) {
      const rows = await itemRows(q);
      return { columns: itemColumns, rows: rows.map((r) => ({ ...r, cloud_window_label: r.cloud_window ? '是' : '否' })), total: rows.length };
    },
  }),
  defineMetric({
    key: 'licensing.no_visit_rate',
    title: '办事不用跑率',
    unit: 'percent',
    definition: '办结日期在统计期内的行政许可办件中，跑动次数为0的比例',
    permission: PERMISSION,
    async query(q) {
      const all = await countOf(decided(q));
      const zero = await countOf(decided(q).where('p.visits', '=', 0));
      return percent(zero, all);
    },
    async drill(q) {
      const rows = await permitRows(decided(q));
      return {
        columns: [...permitColumns, { key: 'channel', title: '申请渠道' }, { key: 'visits', title: '跑动次数' }, { key: 'no_visit', title: '不用跑' }],
        rows: rows.map((r) => ({ ...r, no_visit: r.visits === 0 ? '是' : '否' })),
        total: rows.length,
        recordRoute: ROUTE,
      };
    },
  }),
  defineMetric({
    key: 'licensing.cloud_window_share',
    title: '纳入“政务云窗”事项占比',
    unit: 'percent',
    definition: '行政许可事项目录中纳入政务云窗的事项数 / 事项总数',
    permission: PERMISSION,
    async query(q) {
      const rows = await itemRows(q);
      return percent(rows.filter((r) => r.cloud_window).length, rows.length);
    },
    async drill(q) {
      const rows = await itemRows(q);
      return { columns: itemColumns, rows: rows.map((r) => ({ ...r, cloud_window_label: r.cloud_window ? '是' : '否' })), total: rows.length };
    },
  }),
  defineMetric({
    key: 'licensing.on_time_rate',
    title: '行政许可按承诺时限办结率',
    unit: 'percent',
    definition:
      '办结日期在统计期内的行政许可办件中，办结日期不晚于承诺期限（受理日起按工作日计承诺时限，扣除听证、检测、专家评审等期间，加经批准的延长）的比例',
    permission: PERMISSION,
    async query(q) {
      const all = await countOf(decided(q));
      const onTime = await countOf(decided(q).whereRef('p.decided_on', '<=', 'p.due_on'));
      return percent(onTime, all);
    },
    async drill(q) {
      const rows = await permitRows(decided(q));
      return {
        columns: [...permitColumns, { key: 'due_on', title: '承诺期限' }, { key: 'on_time', title: '按期办结' }],
        rows: rows.map((r) => ({ ...r, on_time: r.due_on && r.decided_on! <= r.due_on ? '是' : '否' })),
        total: rows.length,
        recordRoute: ROUTE,
      };
    },
  }),
];
