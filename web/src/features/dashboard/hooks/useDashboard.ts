import { useSearchParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import type { TrackedDeadline } from '../../../api/types';
import { todayShanghai } from '../../../lib/format';
import type { Dashboard } from '../api';

/** The leaders' dashboard of a year. */
export function useDashboard(year: number) {
  return useApi<Dashboard>(`/api/dashboard?year=${year}`);
}

/** Open deadlines (all modules, or one), soonest first; null: nothing loaded. */
export function useOpenDeadlines(module: string | undefined, load: boolean) {
  return useApi<TrackedDeadline[]>(load ? `/api/deadlines${module ? `?module=${encodeURIComponent(module)}` : ''}` : null);
}

/** The dashboard's year from `?year=` (this year by default), and a setter that keeps it in the address. */
export function useYearParam(): [number, (year: number) => void, boolean] {
  const [params, setParams] = useSearchParams();
  const current = Number(todayShanghai().slice(0, 4));
  const y = Number(params.get('year'));
  const chosen = params.has('year') && Number.isInteger(y) && y >= 2000 && y <= current + 1;
  const year = chosen ? y : current;
  const setYear = (next: number) =>
    setParams(
      (p) => {
        const q = new URLSearchParams(p);
        q.set('year', String(next));
        return q;
      },
      { replace: true },
    );
  return [year, setYear, chosen];
}
