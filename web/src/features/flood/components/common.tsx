import { useMemo } from 'react';
import type { Dayjs } from 'dayjs';
import { useApi } from '../../../api/useApi';

/** The streets the user may see, as Select options. */
export function useStreets() {
  const res = useApi<Array<{ id: string; name: string; kind: string }>>('/api/orgs');
  return useMemo(() => (res.data ?? []).filter((o) => o.kind === 'street').map((o) => ({ value: o.id, label: o.name })), [res.data]);
}

/** A form's values for a body `T` whose date fields `D` the form holds as dayjs values. */
export type FormOf<T, D extends keyof T = never> = Omit<Partial<T>, D> & { [K in D]?: Dayjs | null };

/** Empty strings from a form become null for the server. */
export function clean<T extends Record<string, unknown>>(v: T): T {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' || x === undefined ? null : x])) as T;
}

/** Renders org ids in audit fields (orgId, streetOrgId) as names. */
export function useOrgValue() {
  const res = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  return useMemo(() => {
    const names = new Map((res.data ?? []).map((o) => [o.id, o.name]));
    return (field: string, v: unknown) => {
      const f = (x: unknown) => (typeof x === 'string' ? (names.get(x) ?? x) : x == null || x === '' ? '（空）' : String(x));
      if (/org/i.test(field)) return Array.isArray(v) ? v.map(f).join('、') : f(v);
      if (v === null || v === undefined || v === '') return '（空）';
      return Array.isArray(v) ? v.join('、') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    };
  }, [res.data]);
}
