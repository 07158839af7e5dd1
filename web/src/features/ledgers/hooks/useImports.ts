import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import { ledgersApi, type ImportPage, type ImportRecord } from '../api';

const PAGE = 30;

/** The import history of one ledger (or all), newest first, with 加载更多 paging by the server's `next`. */
export function useImports(ledger: string | undefined) {
  const [items, setItems] = useState<ImportRecord[]>([]);
  const [next, setNext] = useState<ImportPage['next']>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const call = useRef(0);

  const load = useCallback(
    async (before: ImportPage['next']) => {
      const mine = ++call.current;
      setLoading(true);
      try {
        const page = await ledgersApi.listImports({ ledger, limit: PAGE, before });
        if (mine !== call.current) return;
        setItems((old) => (before ? [...old, ...page.items] : page.items));
        setNext(page.next);
        setError(undefined);
      } catch (e) {
        if (mine !== call.current) return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'CLIENT', String(e)));
      } finally {
        if (mine === call.current) setLoading(false);
      }
    },
    [ledger],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return {
    items,
    loading,
    error,
    hasMore: next !== null,
    loadMore: () => void load(next),
    /** From the newest again (after an undo). */
    reload: () => void load(null),
  };
}
