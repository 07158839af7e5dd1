import { GlobalOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const PortalHome = lazyNamed(() => import('./components/PortalHome'), 'PortalHome');
const ApplyPage = lazyNamed(() => import('./components/ApplyPage'), 'ApplyPage');
const StatusPage = lazyNamed(() => import('./components/StatusPage'), 'StatusPage');

/** 网上服务 — the citizens' portal (no login): the public pages, online disclosure requests and petitions, status by receipt. */
export const portalFeature = defineFeature({
  key: 'portal',
  title: '网上服务',
  icon: <GlobalOutlined />,
  menu: [],
  routes: [],
  publicRoutes: [
    { path: '/public', element: <PortalHome /> },
    { path: '/public/disclosure/apply', element: <ApplyPage kind="disclosure" /> },
    { path: '/public/petitions/apply', element: <ApplyPage kind="petitions" /> },
    { path: '/public/status', element: <StatusPage /> },
  ],
});
