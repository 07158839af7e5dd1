import { useApi } from '../../api/useApi';
import type { DeadlineExplanation, TrackedDeadline } from '../../api/types';

/** The user's open deadlines (in data scope), soonest first, with the server's status. */
export function useDeadlines() {
  return useApi<TrackedDeadline[]>('/api/deadlines');
}

/** One deadline with its explanation; null id loads nothing. */
export function useDeadlineExplanation(id: string | null) {
  return useApi<TrackedDeadline & { explanation: DeadlineExplanation }>(id ? `/api/deadlines/${id}` : null);
}
