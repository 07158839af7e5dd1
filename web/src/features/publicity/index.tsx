import { NotificationOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const RegisterPage = lazyNamed(() => import('./components/RegisterPage'), 'RegisterPage');
const PublicDecisionsPage = lazyNamed(() => import('./components/PublicDecisionsPage'), 'PublicDecisionsPage');

/** 双公示 — the publication register for staff, and the public page (no login). */
export const publicityFeature = defineFeature({
  key: 'publicity',
  title: '双公示',
  icon: <NotificationOutlined />,
  menu: [{ path: '/publicity', label: '双公示台账', permission: 'publicity.read' }],
  routes: [{ path: '/publicity', element: <RegisterPage />, permission: 'publicity.read' }],
  publicRoutes: [{ path: '/public/decisions', element: <PublicDecisionsPage /> }],
});
