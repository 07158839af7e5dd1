import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './client';

/** The state of one GET: its data, the error, whether it is loading, and a way to reload. */
export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Loads `path` with GET whenever it changes (null: do not load). Stale answers of a
 * previous path are dropped. Feature hooks wrap it (`useOrgs`, `useUsers` …).
 */
export function useApi<T>(path: string | null): ApiResource<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is reload()'s trigger — a new value loads the path again
  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    const call = ++latest.current;
    setLoading(true);
    api
      .get<T>(path)
      .then((d) => {
        if (call !== latest.current) return;
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (call !== latest.current) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
      })
      .finally(() => {
        if (call === latest.current) setLoading(false);
      });
  }, [path, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
