import { SettingOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const OrgsPage = lazyNamed(() => import('./components/OrgsPage'), 'OrgsPage');
const UsersPage = lazyNamed(() => import('./components/UsersPage'), 'UsersPage');
const AuditPage = lazyNamed(() => import('./components/AuditPage'), 'AuditPage');
const CalendarPage = lazyNamed(() => import('./components/CalendarPage'), 'CalendarPage');

/** 系统管理 — orgs, users, the audit log, the working-day calendar (server module `system`). */
export const systemFeature = defineFeature({
  key: 'system',
  title: '系统管理',
  icon: <SettingOutlined />,
  menu: [
    { path: '/system/orgs', label: '单位管理', permission: 'system.orgs.read' },
    { path: '/system/users', label: '用户管理', permission: 'system.users.read' },
    { path: '/system/calendar', label: '工作日历', permission: 'system.calendar.read' },
    { path: '/system/audit', label: '审计日志', permission: 'system.audit.read' },
  ],
  routes: [
    { path: '/system/orgs', element: <OrgsPage />, permission: 'system.orgs.read' },
    { path: '/system/users', element: <UsersPage />, permission: 'system.users.read' },
    { path: '/system/calendar', element: <CalendarPage />, permission: 'system.calendar.read' },
    { path: '/system/audit', element: <AuditPage />, permission: 'system.audit.read' },
  ],
  entities: {
    org: { label: '单位', link: (id) => `/system/orgs?history=${id}` },
    user: { label: '用户', link: (id) => `/system/users?history=${id}` },
    tenant: { label: '本局' },
    'calendar.override': { label: '节假日调整' },
  },
});
