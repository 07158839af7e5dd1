import { sql } from 'kysely';
/** disclosure.* of METRICS.md (disclosure.credit_items belongs to the publicity module), plus overdue / due-soon. */
import type { MetricQuery } from '../../core/metrics/registry.js';
import { defineMetric } from '../../core/metrics/registry.js';
import { countOf, dateInPeriod, inScope } from '../../core/metrics/filters.js';
import { allOf } from '../../core/metrics/pass.js';
import { countMetric, doneInPeriodSql, dueSoonMetric, onTimeRateMetric, overdueMetric } from '../demands/index.js';
import { disclosureKind as def } from './kind.js';
import type { DisclosureTables } from './schema.js';

const replied = (q: MetricQuery) => doneInPeriodSql(q, def);
const COLS = [
  { key: 'demand_type', title: '申请人类型' },
  { key: 'channel', title: '申请方式' },
  { key: 'result', title: '处理结果' },
];
const proactive = (q: MetricQuery) =>
  q.db.withTables<DisclosureTables>().selectFrom('disclosure_proactive').$call(inScope(q)).$call(dateInPeriod(q, 'published_on'));

export const disclosureMetrics = [
  countMetric({
    key: 'disclosure.requests.closed',
    title: '办结依申请公开件数',
    definition: '答复日期在统计期内的政府信息公开申请数',
    def,
    where: replied,
    columns: COLS,
  }),
  countMetric({
    key: 'disclosure.requests.online',
    title: '其中线上申请',
    definition: '统计期内答复、申请方式为“网络”的申请数',
    def,
    where: (q) => allOf(replied(q), sql<boolean>`dm_item.channel = '网络'`),
    columns: COLS,
  }),
  countMetric({
    key: 'disclosure.requests.offline',
    title: '其中线下申请',
    definition: '统计期内答复、申请方式为当面、邮寄、传真或其他的申请数',
    def,
    where: (q) => allOf(replied(q), sql<boolean>`dm_item.channel <> '网络'`),
    columns: COLS,
  }),
  onTimeRateMetric({
    key: 'disclosure.requests.on_time_rate',
    title: '依申请公开按期答复率',
    definition:
      '统计期内答复的申请中，在答复期限内答复的比例：收到申请后20个工作日；期限内经批准延长的加延长期（期限届满后批准的延长不计）；收到申请后7个工作日内首次告知补正的，自收到补正之日起重新起算（逾期或再次告知补正的不重新起算）；征求意见时间不计（征求第三方意见最多扣除15个工作日）',
    def,
    base: replied,
    columns: COLS,
    numTitle: '按期答复',
  }),
  overdueMetric(def, 'disclosure.requests.overdue'),
  dueSoonMetric(def, 'disclosure.requests.due_soon'),
  defineMetric({
    key: 'disclosure.proactive_items',
    title: '主动公开信息条数',
    unit: 'count',
    definition: '发布日期在统计期内的主动公开信息条数',
    permission: 'disclosure.read',
    query: (q) => countOf(proactive(q)),
    async drill(q) {
      const rows = await proactive(q).select(['id', 'published_on', 'section', 'title', 'platform']).orderBy('published_on').execute();
      return {
        columns: [
          { key: 'published_on', title: '日期' },
          { key: 'section', title: '栏目' },
          { key: 'title', title: '标题' },
          { key: 'platform', title: '发布平台' },
        ],
        rows,
        total: rows.length,
      };
    },
  }),
];
