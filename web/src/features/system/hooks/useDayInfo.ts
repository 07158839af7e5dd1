import { useApi } from '../../../api/useApi';
import type { DayInfo } from '../api';

/** What the calendar says about one day (null: nothing selected). */
export function useDayInfo(date: string | null) {
  return useApi<DayInfo>(date ? `/api/calendar/day/${date}` : null);
}
