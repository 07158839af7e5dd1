import { useEffect, useRef } from 'react';
import { Tooltip, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useCan } from '../api/session';

export interface LatestYear {
  /** The latest year with records (null: none, or not yet known). */
  year: number | null;
  /** The current year (Beijing). */
  current: number | null;
  loading: boolean;
}

/**
 * The latest year with records of a module (or of all modules): year pickers open on it when
 * the current year has none (GET /api/metrics/latest-year; needs the metrics permission — without
 * it the picker keeps the current year).
 */
export function useLatestYear(module?: string): LatestYear {
  const can = useCan();
  const res = useApi<{ year: number | null; current: number }>(
    can('system.metrics.read') ? `/api/metrics/latest-year${module ? `?module=${module}` : ''}` : null,
  );
  return { year: res.data?.year ?? null, current: res.data?.current ?? null, loading: res.loading };
}

/**
 * Moves a year picker to the latest year with records once it is known — only while the user has
 * not chosen a year (`untouched`) and the current year has none. Runs once per page.
 */
export function useDefaultToLatestYear(latest: LatestYear, opts: { untouched: boolean; setYear: (y: number) => void }): void {
  const done = useRef(false);
  const { untouched, setYear } = opts;
  useEffect(() => {
    if (done.current || latest.loading || latest.year === null || latest.current === null) return;
    done.current = true;
    if (untouched && latest.year !== latest.current) setYear(latest.year);
  }, [latest, untouched, setYear]);
}

/** "最近有数据的年份" beside a picker showing that year while the current year has no records. */
export function LatestYearHint({ latest, year }: { latest: LatestYear; year: number }) {
  if (latest.year === null || latest.current === null || latest.year === latest.current || year !== latest.year) return null;
  return (
    <Tooltip title={`${latest.current}年尚无记录，已显示最近有数据的年份`}>
      <Typography.Text type="secondary" data-testid="latest-year-hint" style={{ whiteSpace: 'nowrap' }}>
        最近有数据的年份
      </Typography.Text>
    </Tooltip>
  );
}
