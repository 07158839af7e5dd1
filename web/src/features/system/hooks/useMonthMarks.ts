import { useMemo } from 'react';
import type { Dayjs } from 'dayjs';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import type { DeadlineExplanation } from '../../../api/types';

/** A day marked on the month calendar. */
export interface DayMark {
  kind: 'holiday' | 'makeup';
  name?: string;
}

/** The 42 days a month panel shows (6 weeks from the locale's week start). */
export function visibleRange(month: Dayjs): { first: Dayjs; days: number } {
  return { first: month.startOf('month').startOf('week'), days: 42 };
}

/**
 * Statutory holidays and make-up working days of the days a month panel shows,
 * in one request: the server's explanation of a calendar-day period spanning the
 * panel lists every holiday and make-up day it meets. (A dedicated month route
 * would be cleaner; this avoids 42 `GET /api/calendar/day/:date` calls.)
 */
export function useMonthMarks(month: Dayjs) {
  const { first, days } = visibleRange(month);
  const start = first.subtract(1, 'day').format('YYYY-MM-DD');
  const res = useApi<DeadlineExplanation>(`/api/calendar/explain${qs({ start, n: days, unit: 'day', source: '日历' })}`);
  const marks = useMemo(() => {
    const m = new Map<string, DayMark>();
    for (const d of res.data?.holidaysMet ?? []) m.set(d.date, { kind: 'holiday', name: d.name });
    for (const d of res.data?.makeupDaysMet ?? []) m.set(d.date, { kind: 'makeup', name: d.name });
    return m;
  }, [res.data]);
  return { ...res, marks };
}
