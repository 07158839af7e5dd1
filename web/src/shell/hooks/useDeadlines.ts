import { useApi } from '../../api/useApi';
import type { DeadlineExplanation, MyDeadlines, TrackedDeadline } from '../../api/types';

/** 我的待办: the deadlines assigned to me, then my unit's, soonest first, with the overdue and due-soon counts. */
export function useMyDeadlines() {
  return useApi<MyDeadlines>('/api/deadlines/mine');
}

/** One deadline with its explanation; null id loads nothing. */
export function useDeadlineExplanation(id: string | null) {
  return useApi<TrackedDeadline & { explanation: DeadlineExplanation }>(id ? `/api/deadlines/${id}` : null);
}
