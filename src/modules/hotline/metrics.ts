/** hotline.* of METRICS.md, plus the strict on-time rate, the district average and overdue / due-soon counts. */
import { sql } from 'kysely';
import { ensureWorkDays, ordDiffSql } from '../../core/calendar/workDays.js';
import { instantInPeriodSql } from '../../core/metrics/filters.js';
import { allOf, anyOf, countWhere } from '../../core/metrics/pass.js';
import { defineMetric, percent, type MetricQuery } from '../../core/metrics/registry.js';
import {
  closedMonthlySeries,
  countMetric,
  demandPass,
  doneOnTimeSql,
  drillRows,
  dueSoonMetric,
  onTimeRateMetric,
  overdueMetric,
  overdueSql,
  rateMetric,
  recordsOf,
  withWorkDays,
} from '../demands/index.js';
import { hotlineKind as def } from './kind.js';
import type { HotlineTables } from './schema.js';
import { RATED, SATISFIED } from './rules.js';

/** Closed in the period, as a predicate (the kind's clock stops at the closure). */
const closed = (q: MetricQuery) => instantInPeriodSql(q, 'dm_item.closed_at');

/** Orders replied to (a 回复时间 recorded), as a predicate. */
const repliedSql = sql<boolean>`dm_item.replied_at IS NOT NULL`;
/** Orders rated by the caller (满意, 基本满意 or 不满意), as a predicate. */
const ratedSql = sql<boolean>`dm_item.satisfaction IN (${sql.join([...RATED])})`;
/** Orders rated 满意 or 基本满意, as a predicate. */
const satisfiedSql = sql<boolean>`dm_item.satisfaction IN (${sql.join([...SATISFIED])})`;

/**
 * The orders' monthly series (src/core/metrics/monthly.ts), by the month of their 办结时间: the counts behind
 * hotline.closed, on_time_rate, reply_rate and satisfaction_rate, with those figures' predicates.
 */
export const hotlineClosedSeries = closedMonthlySeries(def, {
  closed: sql`count(*)`,
  on_time: countWhere(doneOnTimeSql(def)),
  replied: countWhere(repliedSql),
  rated: countWhere(ratedSql),
  satisfied: countWhere(allOf(ratedSql, satisfiedSql)),
});
const series = hotlineClosedSeries;

export const hotlineClosed = countMetric({
  key: 'hotline.closed',
  title: '办结12345工单数',
  definition: '办结时间在统计期内的12345工单数',
  def,
  where: closed,
  monthly: { series, value: (s) => s.closed ?? 0 },
});

export const hotlineOnTimeRate = onTimeRateMetric({
  key: 'hotline.on_time_rate',
  title: '12345工单按时办结率',
  definition: '统计期内办结的工单中，在届满日（受理日期后第“办理时限”个工作日，受理当日不计；经批准延期的顺延）当日或之前办结的比例',
  def,
  base: closed,
  numTitle: '按时办结',
  monthly: { series, value: (s) => percent(s.on_time ?? 0, s.closed ?? 0) },
});

export const hotlineStrictOnTimeRate = rateMetric({
  key: 'hotline.strict_on_time_rate',
  title: '12345工单按时办结率（严格口径）',
  definition:
    '分母为统计期内办结的工单加上统计期末（当年未结束时为今日）仍未办结且已逾期的工单，分子为按时办结的工单：逾期未办的工单计为超时，不能藏在“未办结”里',
  def,
  // Closed in the period, or still open at the reference date with its due date passed (the records of `hotline.overdue`).
  den: (q) => anyOf(closed(q), overdueSql(q, def)),
  // The open overdue orders were not closed by the reference date: late by definition.
  num: (q) => allOf(closed(q), doneOnTimeSql(def)),
  note: (q) => sql<string | null>`CASE WHEN dm_item.closed_at IS NULL OR NOT ${closed(q)} THEN '逾期未办结' END`,
  numTitle: '按时办结',
});

export const hotlineReplyRate = rateMetric({
  key: 'hotline.reply_rate',
  title: '12345工单回复诉求人率',
  definition: '统计期内办结的工单中，记录了回复时间的比例',
  def,
  den: closed,
  num: () => repliedSql,
  numTitle: '已回复',
  monthly: { series, value: (s) => percent(s.replied ?? 0, s.closed ?? 0) },
});

export const hotlineSatisfactionRate = rateMetric({
  key: 'hotline.satisfaction_rate',
  title: '12345工单市民满意率',
  definition: '统计期内办结的工单中，（满意＋基本满意）÷（满意＋基本满意＋不满意）；未评价和空白不计',
  def,
  den: (q) => allOf(closed(q), ratedSql),
  columns: [{ key: 'satisfaction', title: '满意度' }],
  num: () => satisfiedSql,
  numTitle: '满意或基本满意',
  monthly: { series, value: (s) => percent(s.satisfied ?? 0, s.rated ?? 0) },
});

/** Each closed order's handling working days (after the 受理 date up to and including the 办结 date), over the pass's working-day rows. */
const handlingWorkdays = ordDiffSql('wd_rcv', 'wd_closed');

export const hotlineAvgHandling = defineMetric({
  key: 'hotline.avg_handling_workdays',
  title: '12345工单平均办理时长',
  unit: 'days',
  definition: '统计期内办结的工单，自受理日期次日起至办结日期（含）的工作日数的平均值，保留两位小数',
  permission: def.permissions.read,
  pass: {
    pass: demandPass(def),
    rows: closed,
    aggregates: (q) => ({ avg: sql<string | null>`round((avg(${handlingWorkdays}) FILTER (WHERE ${closed(q)}))::numeric, 2)` }),
    value: (r) => (r.avg == null ? null : Number(r.avg)),
    prepare: (q) => ensureWorkDays(q.db, q.calendar),
  },
  async drill(q) {
    await ensureWorkDays(q.db, q.calendar);
    const rows = await drillRows(withWorkDays(recordsOf(q, def, closed)), { workdays: handlingWorkdays });
    return {
      columns: [
        { key: 'ref_no', title: '工单编号' },
        { key: 'org_name', title: '承办单位' },
        { key: 'received_on', title: '受理日期' },
        { key: 'closed_on', title: '办结日期' },
        { key: 'workdays', title: '办理工作日' },
      ],
      rows,
      total: rows.length,
      recordRoute: '/hotline/items/:id',
    };
  },
});

async function districtRow(q: MetricQuery) {
  const year = Number(q.period.from.slice(0, 4));
  return q.db
    .withTables<HotlineTables>()
    .selectFrom('hotline_district_avg')
    .selectAll()
    .where('tenant_id', '=', q.tenantId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export const hotlineDistrictAvg = defineMetric({
  key: 'hotline.district_avg_workdays',
  title: '全区12345工单平均办理时长（用户录入）',
  unit: 'days',
  definition: '统计期所在年度由本局录入的全区平均办理时长（工作日），用于与本局平均办理时长比较；未录入为空',
  permission: def.permissions.read,
  async query(q) {
    const r = await districtRow(q);
    return r ? r.avg_centi / 100 : null;
  },
  async drill(q) {
    const r = await districtRow(q);
    return {
      columns: [
        { key: 'year', title: '年度' },
        { key: 'avg', title: '全区平均（工作日）' },
        { key: 'note', title: '来源说明' },
      ],
      rows: r ? [{ year: r.year, avg: r.avg_centi / 100, note: r.note }] : [],
      total: r ? 1 : 0,
    };
  },
});

export const hotlineMetrics = [
  hotlineClosed,
  hotlineOnTimeRate,
  hotlineStrictOnTimeRate,
  hotlineReplyRate,
  hotlineSatisfactionRate,
  hotlineAvgHandling,
  hotlineDistrictAvg,
  overdueMetric(def, 'hotline.overdue'),
  dueSoonMetric(def, 'hotline.due_soon'),
];
