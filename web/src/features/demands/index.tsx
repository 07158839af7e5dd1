import { ScheduleOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const QueuePage = lazyNamed(() => import('./components/QueuePage'), 'QueuePage');
const OverviewPage = lazyNamed(() => import('./components/OverviewPage'), 'OverviewPage');

/** 诉求办理 — the work queue across 12345, petitions, proposals and disclosure, and the leader's overview. */
export const demandsFeature = defineFeature({
  key: 'demands',
  title: '诉求办理',
  icon: <ScheduleOutlined />,
  menu: [
    { path: '/demands/queue', label: '诉求待办', permission: 'demands.queue' },
    { path: '/demands/overview', label: '督办总览', permission: 'demands.overview' },
  ],
  routes: [
    { path: '/demands/queue', element: <QueuePage />, permission: 'demands.queue' },
    { path: '/demands/overview', element: <OverviewPage />, permission: 'demands.overview' },
  ],
});
