import { FileSearchOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { disclosureLabels } from '../../../../src/modules/disclosure/labels';

const RequestListPage = lazyNamed(() => import('./components/Pages'), 'RequestListPage');
const RequestIntakePage = lazyNamed(() => import('./components/Pages'), 'RequestIntakePage');
const RequestRecordPage = lazyNamed(() => import('./components/Pages'), 'RequestRecordPage');
const AnnualReportPage = lazyNamed(() => import('./components/Pages'), 'AnnualReportPage');

/** 政府信息公开 — requests and the annual report. */
export const disclosureFeature = defineFeature({
  key: 'disclosure',
  title: '政府信息公开',
  icon: <FileSearchOutlined />,
  menu: [
    { path: '/disclosure', label: '依申请公开', permission: 'disclosure.read' },
    { path: '/disclosure/report', label: '公开工作年度报告', permission: 'disclosure.report' },
  ],
  routes: [
    { path: '/disclosure', element: <RequestListPage />, permission: 'disclosure.read' },
    { path: '/disclosure/new', element: <RequestIntakePage />, permission: 'disclosure.write' },
    { path: '/disclosure/items/:id', element: <RequestRecordPage />, permission: 'disclosure.read' },
    { path: '/disclosure/report', element: <AnnualReportPage />, permission: 'disclosure.report' },
  ],
  entities: {
    'disclosure.request': { ...disclosureLabels['disclosure.request'], link: (id) => `/disclosure/items/${id}` },
    'disclosure.proactive': disclosureLabels['disclosure.proactive'],
  },
});
