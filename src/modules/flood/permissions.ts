import { ROLE_KEYS } from '../../core/auth/roles.js';
import type { PermissionDef } from '../../core/module.js';

/**
 * 防汛 permissions. Everyone reads (a street sees its own street's points and
 * projects); the flood-control office writes; streets also report the
 * remediation progress of their own points.
 */
export const floodPermissions = {
  'flood.read': { label: '查看防汛台账', roles: ROLE_KEYS },
  'flood.write': { label: '维护防汛台账、值班与责任人', roles: ['admin', 'flood'] },
  'flood.progress': { label: '填报风险点整治进度', roles: ['admin', 'flood', 'street'] },
} as const satisfies Record<string, PermissionDef>;
