import { ROLE_KEYS } from '../../core/auth/roles.js';
import type { PermissionDef } from '../../core/module.js';

/** 系统管理 permissions. Every role reads orgs and the calendar; only admins change them. */
export const permissions = {
  'system.orgs.read': { label: '查看单位', roles: ROLE_KEYS },
  'system.orgs.manage': { label: '管理单位', roles: ['admin'] },
  'system.users.read': { label: '查看用户', roles: ['admin', 'leader'] },
  'system.users.manage': { label: '管理用户', roles: ['admin'] },
  'system.apikeys.manage': { label: '管理接口密钥', roles: ['admin'] },
  'system.audit.read': { label: '查看审计日志', roles: ['admin', 'leader', 'legal'] },
  'system.calendar.read': { label: '查看工作日历', roles: ROLE_KEYS },
  'system.calendar.manage': { label: '维护节假日调整', roles: ['admin'] },
  'system.metrics.read': { label: '查看统计指标', roles: ROLE_KEYS },
  'system.settings.manage': { label: '修改系统设置', roles: ['admin'] },
} as const satisfies Record<string, PermissionDef>;

export type SystemPermission = keyof typeof permissions;
