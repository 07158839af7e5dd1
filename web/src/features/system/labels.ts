import type { OrgKind } from './api';

/** 单位类型 in Chinese (the ledger's words). */
export const ORG_KIND_LABELS: Record<OrgKind, string> = { bureau: '局', department: '科室', street: '街道', other: '其他' };

export const ORG_KIND_COLORS: Record<OrgKind, string> = { bureau: 'geekblue', department: 'blue', street: 'green', other: 'default' };

/** Field names of an org's audit events (service: camelCase; ledger import: snake_case). */
export const ORG_FIELD_LABELS: Record<string, string> = {
  id: '单位ID',
  name: '单位名称',
  kind: '单位类型',
  parentId: '上级单位',
  parent_id: '上级单位',
  uscc: '统一社会信用代码',
  divisionCode: '行政区划代码',
  division_code: '行政区划代码',
  sort: '排序',
};

/** Field names of a user's audit events. */
export const USER_FIELD_LABELS: Record<string, string> = {
  id: '用户ID',
  username: '用户名',
  displayName: '姓名',
  orgId: '所属单位',
  roles: '角色',
  disabled: '已停用',
  mustChangePassword: '须修改密码',
  lockedUntil: '锁定至',
};

/** 节假日调整的类型. */
export const OVERRIDE_KIND_LABELS = { holiday: '放假', workday: '上班' } as const;

/** The audit verbs of the 登录日志: sign-ins, failures, lockouts, sign-outs and sessions ended by their owner. */
export const SIGN_IN_ACTIONS = ['login', 'login_failed', 'locked', 'logout', 'session_revoked', 'other_sessions_revoked'] as const;

const BROWSERS: ReadonlyArray<[RegExp, string]> = [
  [/Edg\/(\d+)/, 'Edge'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];
const SYSTEMS: ReadonlyArray<[RegExp, string]> = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad/, 'iOS'],
  [/Mac OS X/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A user agent in a few words: the browser and its major version, and the system ('Chrome 120 · Windows'). */
export function browserOf(ua: string | null | undefined): string {
  if (!ua) return '—';
  const b = BROWSERS.map(([re, name]) => [re.exec(ua), name] as const).find(([m]) => m);
  const os = SYSTEMS.find(([re]) => re.test(ua))?.[1];
  return [b ? `${b[1]} ${b[0]?.[1]}` : null, os].filter(Boolean).join(' · ') || ua.slice(0, 40);
}
