import { useMemo } from 'react';
import { useApi } from '../api/useApi';

/**
 * Renders a value of an audit field as text, org ids (orgId, streetOrgId, streetOrgIds: any field
 * named with “org”) as the orgs' names — for a record history whose fields hold units.
 */
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
