import { qs } from '../../api/client';

/** A metric as `GET /api/metrics?year=` lists it. */
export interface Metric {
  key: string;
  title: string;
  unit: MetricUnit;
  definition: string;
  value: number | string | null;
}

export type MetricUnit = 'count' | 'percent' | 'yuan' | 'days' | 'class' | 'score';

/** `GET /api/metrics/:key/drill?year=` — the records behind a figure. */
export interface MetricDrill extends Metric {
  columns: Array<{ key: string; title: string }>;
  rows: Array<Record<string, unknown>>;
  total: number;
  /** A record page with `:id`, when the module has one. */
  recordRoute?: string;
}

/** How a unit reads after the figure. */
export const UNIT_SUFFIX: Record<MetricUnit, string> = { count: '', percent: '%', yuan: '元', days: '个工作日', class: '', score: '分' };

/** A figure with its unit; no value (e.g. a rate without a denominator) reads 无数据. */
export function formatMetric(m: Pick<Metric, 'value' | 'unit'>): string {
  if (m.value === null || m.value === undefined || m.value === '') return '无数据';
  const v = typeof m.value === 'number' ? m.value.toLocaleString('zh-CN') : m.value;
  return `${v}${UNIT_SUFFIX[m.unit] ?? ''}`;
}

/**
 * The drill-down page of a figure: `/metrics/drill/<key>?year=…[&month=…][&orgId=…]`.
 * The HTML report's figure links and every dashboard chart point here.
 */
export function drillPath(key: string, year: number, filter: { month?: number; orgId?: string } = {}): string {
  return `/metrics/drill/${encodeURIComponent(key)}${qs({ year, month: filter.month, orgId: filter.orgId })}`;
}
