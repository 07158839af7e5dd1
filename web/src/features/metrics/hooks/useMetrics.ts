import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import type { Metric, MetricDrill } from '../api';

/** Every metric the user may see, computed for a year in the user's data scope. */
export function useMetrics(year: number) {
  return useApi<Metric[]>(`/api/metrics?year=${year}`);
}

/** Narrows a drill-down to one month and/or one org (a street, a department). */
export interface DrillFilter {
  month?: number;
  orgId?: string;
}

/** The records behind one metric for a year, optionally one month and one org (null key: nothing open). */
export function useMetricDrill(key: string | null, year: number, filter: DrillFilter = {}) {
  return useApi<MetricDrill>(key ? `/api/metrics/${encodeURIComponent(key)}/drill${qs({ year, month: filter.month, orgId: filter.orgId })}` : null);
}
