import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { PERMIT_FIELD_LABELS } from './api';

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
    'licensing.permit': {
      label: '许可办件',
      link: (id) => `/licensing/permits/${id}`,
      fields: PERMIT_FIELD_LABELS,
      actions: {
        received: '收件',
        correction_requested: '告知补正',
        corrected: '收到补正材料',
        accepted: '受理',
        not_accepted: '不予受理',
        paused: '扣除期间',
        extended: '延长期限',
        decided: '作出决定',
        certified: '制发证件',
        publication_dated: '公示',
        publication_recorded: '记录公示',
      },
      notes: { dueOn: '公示期限', decisionNo: '决定文号', publishedOn: '公示日期' },
    },
    'licensing.item': {
      label: '许可事项',
      link: (id) => `/licensing/items/${id}`,
      fields: {
        code: '事项编码',
        name: '事项名称',
        category: '类别',
        statutory_days: '法定时限',
        committed_days: '承诺时限',
        cloud_window: '纳入政务云窗',
        basis: '设定依据',
      },
    },
  },
});
