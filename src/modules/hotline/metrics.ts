/** hotline.* of METRICS.md, plus the strict on-time rate, the district average and overdue / due-soon counts. */
import { defineMetric, type MetricQuery } from '../../core/metrics/registry.js';
import { countMetric, doneInPeriod, doneOnTime, drillRows, dueSoonMetric, overdueMetric, rateMetric, referenceDate, runningAt } from '../demands/index.js';
import { hotlineKind as def } from './kind.js';
import { RATED, SATISFIED } from './rules.js';
import type { HotlineTables } from './schema.js';

const closed = (q: MetricQuery) => doneInPeriod(q, def);

export const hotlineClosed = countMetric({ key: 'hotline.closed', title: '办结12345工单数', definition: '办结时间在统计期内的12345工单数', def, base: closed });

export const hotlineOnTimeRate = rateMetric({
  key: 'hotline.on_time_rate',
  title: '12345工单按时办结率',
  definition: '统计期内办结的工单中，在届满日（受理日期后第“办理时限”个工作日，受理当日不计；经批准延期的顺延）当日或之前办结的比例',
  def,
  base: closed,
  numTitle: '按时办结',
  judge: (r) => ({ inDen: true, inNum: doneOnTime(r, def) }),
});

export const hotlineStrictOnTimeRate = rateMetric({
  key: 'hotline.strict_on_time_rate',
  title: '12345工单按时办结率（严格口径）',
  definition:
    '分母为统计期内办结的工单加上统计期末（当年未结束时为今日）仍未办结且已逾期的工单，分子为按时办结的工单：逾期未办的工单计为超时，不能藏在“未办结”里',
  def,
  base: closed,
  extra: (q) => runningAt(q, def).where('dm_item.due_on', '<', referenceDate(q)),
  numTitle: '按时办结',
  // Rows of `extra` were not closed by the reference date: late by definition.
  judge: (r, { q }) =>
    r.closed_on && r.closed_on <= referenceDate(q) ? { inDen: true, inNum: doneOnTime(r, def) } : { inDen: true, inNum: false, note: '逾期未办结' },
});

export const hotlineReplyRate = rateMetric({
  key: 'hotline.reply_rate',
  title: '12345工单回复诉求人率',
  definition: '统计期内办结的工单中，记录了回复时间的比例',
  def,
  base: closed,
  numTitle: '已回复',
  judge: (r) => ({ inDen: true, inNum: !!r.replied_on }),
});

export const hotlineSatisfactionRate = rateMetric({
  key: 'hotline.satisfaction_rate',
  title: '12345工单市民满意率',
  definition: '统计期内办结的工单中，（满意＋基本满意）÷（满意＋基本满意＋不满意）；未评价和空白不计',
  def,
  base: closed,
  columns: [{ key: 'satisfaction', title: '满意度' }],
  numTitle: '满意或基本满意',
  judge: (r) => ({
    inDen: (RATED as readonly (string | null)[]).includes(r.satisfaction),
    inNum: (SATISFIED as readonly (string | null)[]).includes(r.satisfaction),
  }),
});

/** Each closed order's handling working days: after the 受理 date up to and including the 办结 date. */
async function handlingRows(q: MetricQuery) {
  const cal = q.calendar;
  return (await drillRows(closed(q))).map((r) => ({ ...r, workdays: cal.workdaysBetween(r.received_on, r.closed_on!) }));
}

export const hotlineAvgHandling = defineMetric({
  key: 'hotline.avg_handling_workdays',
  title: '12345工单平均办理时长',
  unit: 'days',
  definition: '统计期内办结的工单，自受理日期次日起至办结日期（含）的工作日数的平均值，保留两位小数',
  permission: def.permissions.read,
  async query(q) {
    const rows = await handlingRows(q);
    if (!rows.length) return null;
    return Math.round((rows.reduce((s, r) => s + r.workdays, 0) / rows.length) * 100) / 100;
  },
  async drill(q) {
    const rows = await handlingRows(q);
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
