import { SettingOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { ORG_FIELD_LABELS, USER_FIELD_LABELS } from './labels';

const OrgsPage = lazyNamed(() => import('./components/OrgsPage'), 'OrgsPage');
const UsersPage = lazyNamed(() => import('./components/UsersPage'), 'UsersPage');
const AuditPage = lazyNamed(() => import('./components/AuditPage'), 'AuditPage');
const LoginLogPage = lazyNamed(() => import('./components/LoginLogPage'), 'LoginLogPage');
const CalendarPage = lazyNamed(() => import('./components/CalendarPage'), 'CalendarPage');
const ApiKeysPage = lazyNamed(() => import('./components/ApiKeysPage'), 'ApiKeysPage');
const SettingsPage = lazyNamed(() => import('./components/SettingsPage'), 'SettingsPage');

/** 系统管理 — orgs, users, the audit log, the working-day calendar, API keys (server module `system`). */
export const systemFeature = defineFeature({
  key: 'system',
  title: '系统管理',
  icon: <SettingOutlined />,
  menu: [
    { path: '/system/orgs', label: '单位管理', permission: 'system.orgs.read' },
    { path: '/system/users', label: '用户管理', permission: 'system.users.read' },
    { path: '/system/calendar', label: '工作日历', permission: 'system.calendar.read' },
    { path: '/system/audit', label: '审计日志', permission: 'system.audit.read' },
    { path: '/system/logins', label: '登录日志', permission: 'system.audit.read' },
    { path: '/system/api-keys', label: '接口密钥', permission: 'system.apikeys.manage' },
    { path: '/system/settings', label: '系统设置', permission: 'system.settings.manage' },
  ],
  routes: [
    // The optional :id opens a record's history drawer (links from the audit log and metric drill-downs).
    { path: '/system/orgs/:id?', element: <OrgsPage />, permission: 'system.orgs.read' },
    { path: '/system/users/:id?', element: <UsersPage />, permission: 'system.users.read' },
    { path: '/system/calendar', element: <CalendarPage />, permission: 'system.calendar.read' },
    { path: '/system/audit', element: <AuditPage />, permission: 'system.audit.read' },
    { path: '/system/logins', element: <LoginLogPage />, permission: 'system.audit.read' },
    { path: '/system/api-keys', element: <ApiKeysPage />, permission: 'system.apikeys.manage' },
    { path: '/system/settings', element: <SettingsPage />, permission: 'system.settings.manage' },
  ],
  entities: {
    org: { label: '单位', link: (id) => `/system/orgs/${id}`, fields: ORG_FIELD_LABELS },
    user: {
      label: '用户',
      link: (id) => `/system/users/${id}`,
      fields: USER_FIELD_LABELS,
      actions: { logout: '退出登录', session_revoked: '注销会话', other_sessions_revoked: '退出其他设备' },
      notes: { ip: '登录地址', userAgent: '浏览器', session: '会话编号', sessions: '注销会话数' },
    },
    tenant: { label: '本局', fields: { name: '名称', divisionCode: '行政区划代码', uscc: '统一社会信用代码', watermark: '屏幕水印' } },
    'calendar.override': { label: '节假日调整', fields: { date: '日期', kind: '类型', name: '名称', note: '备注' } },
    api_key: {
      label: '接口密钥',
      fields: { name: '接入方', permissions: '接口权限', expiresOn: '有效期至' },
      actions: { created: '创建密钥', revoked: '吊销密钥', used: '接口调用' },
      notes: { method: '方法', route: '接口', status: '结果状态' },
    },
  },
});
