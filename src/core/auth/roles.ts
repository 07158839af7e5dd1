/**
 * The roles of the bureau's staff. Permissions are declared by module manifests
 * (`permissions: { 'enforcement.case.write': { roles: ['enforcement', ...] } }`);
 * a role's data scope is fixed here.
 */
export const ROLES = {
  admin: { label: '系统管理员', scope: 'all' },
  leader: { label: '局领导', scope: 'all' },
  legal: { label: '依法行政办（法制）', scope: 'all' },
  enforcement: { label: '执法人员', scope: 'all' },
  licensing: { label: '审批人员', scope: 'all' },
  clerk: { label: '综合文书（12345/信访/建议提案/公开）', scope: 'all' },
  flood: { label: '防汛人员', scope: 'all' },
  street: { label: '街道执法人员', scope: 'own-org' },
  advisor: { label: '法律顾问', scope: 'all' },
  viewer: { label: '只读用户', scope: 'all' },
} as const satisfies Record<string, { label: string; scope: 'all' | 'own-org' }>;

export type RoleKey = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as RoleKey[];

export function isRoleKey(s: string): s is RoleKey {
  return Object.hasOwn(ROLES, s);
}

/**
 * 数据范围 — the records a user may see. A street officer sees only the records
 * of its own street; a user holding any role with bureau-wide scope sees all.
 */
export type DataScope = { all: true } | { all: false; orgIds: readonly string[] };

export function scopeFor(roles: readonly RoleKey[], orgId: string): DataScope {
  if (roles.some((r) => ROLES[r].scope === 'all')) return { all: true };
  return { all: false, orgIds: [orgId] };
}
