import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, qs } from '../../../api/client';
import type { AuditEvent } from '../../../api/types';

const PAGE = 50;

/** The audit log, newest first, for an optional entity; `loadMore` pages back with `beforeSeq`. */
export function useAuditEvents(entity: string | undefined) {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);

  const load = useCallback(
    async (beforeSeq?: number) => {
      setLoading(true);
      try {
        const page = await api.get<AuditEvent[]>(`/api/audit${qs({ limit: PAGE, beforeSeq, entity })}`);
        setEvents((prev) => (beforeSeq ? [...prev, ...page] : page));
        setDone(page.length < PAGE);
        setError(undefined);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
      } finally {
        setLoading(false);
      }
    },
    [entity],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const last = events[events.length - 1];
  return {
    events,
    loading,
    error,
    done,
    reload: () => void load(),
    loadMore: () => (last ? void load(last.seq) : undefined),
  };
}
