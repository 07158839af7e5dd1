import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, qs } from '../../../api/client';
import type { AuditEvent } from '../../../api/types';

const PAGE = 50;

/**
 * The audit log's search as `GET /api/audit` takes it: 记录类型, 动作 (several comma-separated),
 * 记录编号, 操作人 and 起止日期 (the bureau's days, inclusive).
 */
export interface AuditSearch {
  entity?: string | undefined;
  action?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The search's query string (empty values left out): the list's and the export's. */
export const auditQuery = (s: AuditSearch) => qs({ entity: s.entity, action: s.action, entityId: s.entityId, actorId: s.actorId, from: s.from, to: s.to });

/** The audit log matching a search, newest first; `loadMore` pages back with `beforeSeq`. */
export function useAuditEvents(search: AuditSearch) {
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [done, setDone] = useState(false);
  const query = auditQuery(search);

  const load = useCallback(
    async (beforeSeq?: number) => {
      setLoading(true);
      try {
        const sep = query ? '&' : '?';
        const page = await api.get<AuditEvent[]>(`/api/audit${query}${sep}${qs({ limit: PAGE, beforeSeq }).slice(1)}`);
        setEvents((prev) => (beforeSeq ? [...prev, ...page] : page));
        setDone(page.length < PAGE);
        setError(undefined);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
      } finally {
        setLoading(false);
      }
    },
    [query],
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
