import { reportsLabels } from '../../../../src/modules/reports/labels';
import { FileTextOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const ReportPage = lazyNamed(() => import('./components/ReportPage'), 'ReportPage');
const ReportIndexRedirect = lazyNamed(() => import('./components/ReportPage'), 'ReportIndexRedirect');

/** Narratives and figure options are keyed `rule-of-law:<year>:<section or metric>`: named and linked by their report's year. */
const reportYear = (id: string) => /^rule-of-law:(\d{4}):/.exec(id)?.[1];
const reportRecord = {
  recordLabel: (id: string) => (reportYear(id) ? `${reportYear(id)}年法治建设年度报告` : '法治建设年度报告'),
  link: (id: string) => `/reports/rule-of-law${reportYear(id) ? `/${reportYear(id)}` : ''}`,
};

/** 年度报告 — the annual rule-of-law report: narratives edited in the browser, figures from the records, Word / HTML / PDF. */
export const reportsFeature = defineFeature({
  key: 'reports',
  title: '年度报告',
  icon: <FileTextOutlined />,
  menu: [{ path: '/reports/rule-of-law', label: '法治建设年度报告', permission: 'reports.read' }],
  routes: [
    { path: '/reports/rule-of-law', element: <ReportIndexRedirect />, permission: 'reports.read' },
    { path: '/reports/rule-of-law/:year', element: <ReportPage />, permission: 'reports.read' },
  ],
  entities: {
    'reports.narrative': { ...reportsLabels['reports.narrative'], ...reportRecord },
    'reports.figure_option': { ...reportsLabels['reports.figure_option'], ...reportRecord },
  },
});
