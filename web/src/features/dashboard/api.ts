import type { TrackedDeadline } from '../../api/types';
import type { MetricUnit } from '../metrics/api';

type Value = number | string | null;

/** A key figure of the year with last year's value (`GET /api/dashboard?year=`). */
export interface DashboardFigure {
  key: string;
  title: string;
  unit: MetricUnit;
  value: Value;
  previous: Value;
  /** '同比增长12.5%', '较上年提高2个百分点', '与上年持平'; null: nothing to compare. */
  change: string | null;
}

/** Open deadlines of one module by the server's status. */
export interface ModuleDeadlines {
  module: string;
  title: string;
  overdue: number;
  dueSoon: number;
  ok: number;
}

/** A street with its values on the street metrics and its overdue deadlines. */
export interface StreetRow {
  orgId: string;
  name: string;
  values: Record<string, Value>;
  overdue: number;
}

/** The leaders' dashboard of a year, in the user's data scope (src/modules/reports/dashboard.ts). */
export interface Dashboard {
  year: number;
  figures: DashboardFigure[];
  trends: { months: number[]; series: Array<{ key: string; title: string; values: Value[] }> };
  deadlines: { byModule: ModuleDeadlines[]; urgent: TrackedDeadline[] };
  streets: { metrics: Array<{ key: string; title: string; unit: MetricUnit }>; rows: StreetRow[] };
}

/** Which open deadlines a list shows: one module and/or one org, one status or all. */
export interface DeadlineFilter {
  module?: string;
  orgId?: string;
  status?: TrackedDeadline['status'];
  /** Heading of the list, e.g. '行政执法 · 已逾期'. */
  title: string;
}

/** A figure as a number with its unit for the cards and charts: yuan in 万元, percentages with %. */
export function figureText(v: Value, unit: MetricUnit): { value: string; suffix: string } {
  if (v === null || v === undefined || v === '') return { value: '—', suffix: '' };
  if (typeof v === 'string') return { value: v, suffix: unit === 'class' ? '类' : '' };
  switch (unit) {
    case 'yuan':
      return { value: (v / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 2 }), suffix: '万元' };
    case 'percent':
      return { value: v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }), suffix: '%' };
    case 'days':
      return { value: v.toLocaleString('zh-CN', { maximumFractionDigits: 1 }), suffix: '个工作日' };
    case 'score':
      return { value: v.toLocaleString('zh-CN', { maximumFractionDigits: 2 }), suffix: '分' };
    default:
      return { value: v.toLocaleString('zh-CN'), suffix: '' };
  }
}

/** A chart value: numbers only (yuan in 万元), anything else as 0. */
export function chartValue(v: Value, unit: MetricUnit): number {
  if (typeof v !== 'number') return 0;
  return unit === 'yuan' ? Math.round(v / 100) / 100 : v;
}
