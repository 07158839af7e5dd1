import { useMemo } from 'react';
import { useApi } from '../../../api/useApi';
import type { Metric, MetricUnit } from '../../metrics/api';
import { reportsApi, type ComposedReport, type NarrativeVersion } from '../api';

/** The composed annual rule-of-law report of a year (narratives, figure sentences, warnings). */
export function useReport(year: number) {
  return useApi<ComposedReport>(reportsApi.reportPath(year));
}

/** A section's narrative versions, newest first (null section: nothing loaded). */
export function useNarrativeVersions(year: number, section: string | null) {
  return useApi<NarrativeVersion[]>(section ? reportsApi.versionsPath(year, section) : null);
}

/**
 * Metric units by key, to write last year's values with their unit in the editor's
 * tooltips. Only loaded when `needed` (servers that send each figure's format make it unnecessary).
 */
export function useMetricUnits(year: number, needed: boolean): ReadonlyMap<string, MetricUnit> {
  const { data } = useApi<Metric[]>(needed ? `/api/metrics?year=${year}` : null);
  return useMemo(() => new Map((data ?? []).map((m) => [m.key, m.unit])), [data]);
}
