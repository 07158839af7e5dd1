import type { OrgKind } from './api';
export { ORG_FIELD_LABELS, USER_FIELD_LABELS } from '../../../../src/modules/system/labels';

/** 单位类型 in Chinese (the ledger's words). */
export const ORG_KIND_LABELS: Record<OrgKind, string> = { bureau: '局', department: '科室', street: '街道', other: '其他' };

export const ORG_KIND_COLORS: Record<OrgKind, string> = { bureau: 'geekblue', department: 'blue', street: 'green', other: 'default' };

/** 节假日调整的类型. */
export const OVERRIDE_KIND_LABELS = { holiday: '放假', workday: '上班' } as const;

/** The audit verbs of the 登录日志: sign-ins, failures, lockouts, sign-outs and sessions ended by their owner. */
export const SIGN_IN_ACTIONS = ['login', 'login_failed', 'locked', 'login_refused', 'logout', 'session_revoked', 'other_sessions_revoked'] as const;

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
