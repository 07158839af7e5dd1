import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/** Page sizes a list offers. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;

/** A list's query as the URL carries it: filters by name, and `page`, `pageSize`, `sort`, `order`. */
export type ListQueryValues = Record<string, string>;

export interface ListQuery {
  /** The filters (defaults filled in where the URL has none), page, page size, sort and order. */
  values: ListQueryValues;
  /** The filters' defaults: removing one of these filters sets it empty ("all"), else the default would come back. */
  defaults: ListQueryValues;
  page: number;
  pageSize: number;
  sort: string | undefined;
  order: 'asc' | 'desc' | undefined;
  /** Past the rows page numbers reach: the cursor of the row the page follows (the server's `after`). */
  after: string | undefined;
  /** Changes filters: the page goes back to 1. A value `undefined` removes the filter (its default applies again). */
  setFilters(patch: Record<string, string | undefined>): void;
  setPage(page: number, pageSize: number): void;
  setSort(sort: string | undefined, order: 'asc' | 'desc' | undefined): void;
  /** Pages by cursor: the rows after `after` (undefined: back to page `page`). */
  setAfter(after: string | undefined, page?: number): void;
  /** Back to the defaults (the page size is kept). */
  reset(): void;
}

/**
 * A list's query in the URL (`?status=open&year=2022&sort=dueOn&order=asc&page=2&pageSize=20`), so a
 * list can be bookmarked and shared and the browser's back and forward step through the queries.
 * `defaults`: the filters' values when the URL does not name them (a filter present but empty — `status=`
 * — means "all", not the default). The defaults may arrive later (the latest year with records): the
 * query follows them while the URL does not name the filter.
 */
export function useListQuery(defaults: ListQueryValues = {}, defaultPageSize = 20): ListQuery {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const defaultsKey = JSON.stringify(defaults);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL's text and the defaults' text are the query's identity
  const query = useMemo(() => {
    const values: ListQueryValues = { ...defaults };
    for (const [k, v] of params) values[k] = v;
    const page = Math.max(1, Number(values.page) || 1);
    const size = Number(values.pageSize);
    const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : defaultPageSize;
    const order: 'asc' | 'desc' | undefined = values.order === 'asc' || values.order === 'desc' ? values.order : undefined;
    return { values, defaults, page, pageSize, sort: values.sort || undefined, order, after: values.after || undefined };
  }, [key, defaultsKey]);

  const update = useCallback(
    (patch: Record<string, string | undefined>) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined) next.delete(k);
          else next.set(k, v);
        }
        return next;
      }),
    [setParams],
  );

  return {
    ...query,
    setFilters: useCallback((patch) => update({ ...patch, page: undefined, after: undefined }), [update]),
    setPage: useCallback(
      (page, pageSize) => update({ page: page > 1 && pageSize === query.pageSize ? String(page) : undefined, pageSize: String(pageSize), after: undefined }),
      [update, query.pageSize],
    ),
    setSort: useCallback(
      (sort, order) => update({ sort: order ? sort : undefined, order: order && sort ? order : undefined, page: undefined, after: undefined }),
      [update],
    ),
    setAfter: useCallback((after, page) => update({ after, page: after || !page || page <= 1 ? undefined : String(page) }), [update]),
    reset: useCallback(() => setParams(query.values.pageSize ? { pageSize: query.values.pageSize } : {}), [setParams, query.values.pageSize]),
  };
}

/** The query the server gets: filters, sort and order (and, for a page, page or cursor and page size); empty values kept (`status=` is "all"). */
export function serverQuery(q: ListQuery, opts: { paged: boolean }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q.values)) if (!['page', 'pageSize', 'sort', 'order', 'after'].includes(k) && v !== undefined) p.set(k, v);
  if (q.sort && q.order) {
    p.set('sort', q.sort);
    p.set('order', q.order);
  }
  if (opts.paged) {
    if (q.after) p.set('after', q.after);
    else p.set('page', String(q.page));
    p.set('pageSize', String(q.pageSize));
  }
  // An empty filter is "all": the server takes a missing parameter as all.
  for (const [k, v] of [...p]) if (v === '') p.delete(k);
  const s = p.toString();
  return s ? `?${s}` : '';
}
