/** proposals.* of METRICS.md (by 交办日期), plus overdue / due-soon counts. */
import { sql } from 'kysely';
import type { MetricQuery } from '../../core/metrics/registry.js';
import { instantInPeriodSql } from '../../core/metrics/filters.js';
import { allOf } from '../../core/metrics/pass.js';
import { countMetric, dueSoonMetric, onTimeRateMetric, overdueMetric } from '../demands/index.js';
import { proposalKind as def } from './kind.js';

/** Assigned (交办) in the period, as a predicate. */
const assigned = (q: MetricQuery) => instantInPeriodSql(q, 'dm_item.received_at');
const COLS = [
  { key: 'demand_type', title: '类别' },
  { key: 'channel', title: '办理方式' },
];

function family(prefix: 'npc' | 'cppcc', category: '人大代表建议' | '政协提案') {
  const base = (q: MetricQuery) => allOf(assigned(q), sql<boolean>`dm_item.demand_type = ${category}`);
  return [
    countMetric({
      key: `proposals.${prefix}.total`,
      title: `承办${category}数`,
      definition: `交办日期在统计期内的${category}数`,
      def,
      where: base,
      columns: COLS,
    }),
    countMetric({
      key: `proposals.${prefix}.lead`,
      title: `其中主办${category}`,
      definition: `交办日期在统计期内、办理方式为主办的${category}数`,
      def,
      where: (q) => allOf(base(q), sql<boolean>`dm_item.channel = '主办'`),
      columns: COLS,
    }),
    countMetric({
      key: `proposals.${prefix}.co`,
      title: `其中协办${category}`,
      definition: `交办日期在统计期内、办理方式为协办的${category}数`,
      def,
      where: (q) => allOf(base(q), sql<boolean>`dm_item.channel = '协办'`),
      columns: COLS,
    }),
  ];
}

export const proposalMetrics = [
  ...family('npc', '人大代表建议'),
  ...family('cppcc', '政协提案'),
  onTimeRateMetric({
    key: 'proposals.on_time_rate',
    title: '建议提案按期答复率',
    definition:
      '交办日期在统计期内的建议提案中，在办理期限（空白为交办日期后3个月，重大复杂的6个月；含经批准的延期；最长不超过交办之日起6个月）当日或之前答复的比例',
    def,
    base: assigned,
    columns: COLS,
    numTitle: '按期答复',
    note: () => sql<string | null>`CASE WHEN dm_item.replied_at IS NULL THEN '尚未答复' END`,
  }),
  overdueMetric(def, 'proposals.overdue'),
  dueSoonMetric(def, 'proposals.due_soon'),
];
