import { licensingLabels } from '../../../../src/modules/licensing/labels';
import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const PermitListPage = lazyNamed(() => import('./components/PermitListPage'), 'PermitListPage');
const PermitPage = lazyNamed(() => import('./components/PermitPage'), 'PermitPage');
const ItemsPage = lazyNamed(() => import('./components/ItemsPage'), 'ItemsPage');

/** 行政许可 — permit cases with their statutory clocks, and the permit-item catalogue (server module `licensing`). */
export const licensingFeature = defineFeature({
  key: 'licensing',
  title: '行政许可',
  icon: <AuditOutlined />,
  menu: [
    { path: '/licensing/permits', label: '许可办件', permission: 'licensing.read' },
    { path: '/licensing/items', label: '许可事项目录', permission: 'licensing.read' },
  ],
  routes: [
    { path: '/licensing/permits', element: <PermitListPage />, permission: 'licensing.read' },
    { path: '/licensing/permits/:id', element: <PermitPage />, permission: 'licensing.read' },
    { path: '/licensing/items/:id?', element: <ItemsPage />, permission: 'licensing.read' },
  ],
  entities: {
    'licensing.permit': { ...licensingLabels['licensing.permit'], link: (id) => `/licensing/permits/${id}` },
    'licensing.item': { ...licensingLabels['licensing.item'], link: (id) => `/licensing/items/${id}` },
  },
});
