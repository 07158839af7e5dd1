import { useMemo } from 'react';
import { useApi } from '../../../api/useApi';
import type { Org } from '../api';

/** A node of the org tree (Table tree data / TreeSelect). */
export interface OrgNode extends Org {
  children?: OrgNode[];
}

/** Orgs in the user's data scope, with a by-id map and the tree (roots: orgs whose parent is not visible). */
export function useOrgs() {
  const res = useApi<Org[]>('/api/orgs');
  const derived = useMemo(() => {
    const list = res.data ?? [];
    const byId = new Map(list.map((o) => [o.id, o]));
    const nodes = new Map<string, OrgNode>(list.map((o) => [o.id, { ...o }]));
    const roots: OrgNode[] = [];
    for (const n of nodes.values()) {
      const parent = n.parentId ? nodes.get(n.parentId) : undefined;
      if (parent) {
        parent.children ??= [];
        parent.children.push(n);
      } else roots.push(n);
    }
    return { byId, tree: roots };
  }, [res.data]);
  return { ...res, ...derived };
}

export interface OrgTreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: OrgTreeOption[];
}

/** TreeSelect data of the org tree; `disabledId` (an org being edited) cannot be its own parent. */
export function toTreeSelect(nodes: OrgNode[], disabledId?: string): OrgTreeOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: n.id === disabledId,
    children: n.children ? toTreeSelect(n.children, disabledId) : undefined,
  }));
}
