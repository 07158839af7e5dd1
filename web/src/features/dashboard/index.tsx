import { DashboardOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const DashboardPage = lazyNamed(() => import('./components/DashboardPage'), 'DashboardPage');

/** The dashboard for the home page of users holding `reports.dashboard` (loaded on first use: it brings ECharts). */
export const HomeDashboard = lazyNamed(() => import('./components/Dashboard'), 'Dashboard');

/** 领导驾驶舱 — key figures, monthly trends, deadlines across modules, the streets compared; every chart opens its records. */
export const dashboardFeature = defineFeature({
  key: 'dashboard',
  title: '领导驾驶舱',
  icon: <DashboardOutlined />,
  menu: [{ path: '/dashboard', label: '领导驾驶舱', permission: 'reports.dashboard' }],
  routes: [{ path: '/dashboard', element: <DashboardPage />, permission: 'reports.dashboard' }],
});
