import { litigationLabels } from '../../../../src/modules/litigation/labels';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const CaseListPage = lazyNamed(() => import('./components/CaseListPage'), 'CaseListPage');
const CasePage = lazyNamed(() => import('./components/CasePage'), 'CasePage');

/** 行政复议与行政诉讼 — cases in which the bureau is 被申请人 or 被告 (server module `litigation`). */
export const litigationFeature = defineFeature({
  key: 'litigation',
  title: '复议与应诉',
  icon: <SafetyCertificateOutlined />,
  menu: [{ path: '/litigation/cases', label: '行政复议、行政诉讼案件', permission: 'litigation.read' }],
  routes: [
    { path: '/litigation/cases', element: <CaseListPage />, permission: 'litigation.read' },
    { path: '/litigation/cases/:id', element: <CasePage />, permission: 'litigation.read' },
  ],
  entities: {
    'litigation.case': { ...litigationLabels['litigation.case'], link: (id) => `/litigation/cases/${id}` },
  },
});
