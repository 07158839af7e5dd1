import { useMemo } from 'react';
import { useApi } from '../../../api/useApi';
import type { Role, User } from '../api';

/** Users in the user's data scope. */
export function useUsers() {
  return useApi<User[]>('/api/users');
}

/** The roles with their Chinese labels, and a key → label map. */
export function useRoles() {
  const res = useApi<Role[]>('/api/roles');
  const labels = useMemo(() => new Map((res.data ?? []).map((r) => [r.key, r.label])), [res.data]);
  return { ...res, labels };
}
