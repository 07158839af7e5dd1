import { useApi } from '../../../api/useApi';
import type { CalendarOverride } from '../api';

/** The override table (节假日调整表), by date. */
export function useCalendarOverrides() {
  return useApi<CalendarOverride[]>('/api/calendar/overrides');
}
