import { useApi } from '../../../api/useApi';
import type { Metric, MetricDrill } from '../api';

/** Every metric the user may see, computed for a year in the user's data scope. */
export function useMetrics(year: number) {
  return useApi<Metric[]>(`/api/metrics?year=${year}`);
}

/** The records behind one metric (null key: nothing open). */
export function useMetricDrill(key: string | null, year: number) {
  return useApi<MetricDrill>(key ? `/api/metrics/${encodeURIComponent(key)}/drill?year=${year}` : null);
}
