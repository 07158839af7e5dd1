import { systemLabels } from '../../../../src/modules/system/labels';
import { KERNEL_LABELS } from '../../../../src/core/labels';
import { SettingOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

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
    org: { ...systemLabels.org, link: (id) => `/system/orgs/${id}` },
    user: { ...systemLabels.user, link: (id) => `/system/users/${id}` },
    tenant: KERNEL_LABELS.tenant,
    'calendar.override': KERNEL_LABELS['calendar.override'],
    api_key: { ...systemLabels.api_key },
  },
});
