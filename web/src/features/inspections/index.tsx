import { inspectionsLabels } from '../../../../src/modules/inspections/labels';
import { ScheduleOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const PlansPage = lazyNamed(() => import('./components/PlansPage'), 'PlansPage');
const PlanPage = lazyNamed(() => import('./components/PlanPage'), 'PlanPage');
const RegistersPage = lazyNamed(() => import('./components/RegistersPage'), 'RegistersPage');
const RecordsPage = lazyNamed(() => import('./components/RecordsPage'), 'RecordsPage');
const RecordPage = lazyNamed(() => import('./components/RecordPage'), 'RecordPage');
const AnnualPlansPage = lazyNamed(() => import('./components/AnnualPlansPage'), 'AnnualPlansPage');

/** 行政检查 and 双随机、一公开 — the inspection records and annual plans; plans, the reproducible draw, results and their publication; the registers (server module `inspections`). */
export const inspectionsFeature = defineFeature({
  key: 'inspections',
  title: '行政检查',
  icon: <ScheduleOutlined />,
  menu: [
    { path: '/inspections/records', label: '行政检查', permission: 'inspections.read' },
    { path: '/inspections/annual-plans', label: '年度检查计划', permission: 'inspections.read' },
    { path: '/inspections/plans', label: '双随机抽查计划', permission: 'inspections.read' },
    { path: '/inspections/registers', label: '抽查名录', permission: 'inspections.read' },
  ],
  routes: [
    { path: '/inspections/records', element: <RecordsPage />, permission: 'inspections.read' },
    { path: '/inspections/records/:id', element: <RecordPage />, permission: 'inspections.read' },
    { path: '/inspections/annual-plans', element: <AnnualPlansPage />, permission: 'inspections.read' },
    { path: '/inspections/plans', element: <PlansPage />, permission: 'inspections.read' },
    { path: '/inspections/plans/:id', element: <PlanPage />, permission: 'inspections.read' },
    { path: '/inspections/registers', element: <RegistersPage />, permission: 'inspections.read' },
    { path: '/inspections/registers/:tab', element: <RegistersPage />, permission: 'inspections.read' },
  ],
  entities: {
    'inspections.plan': { ...inspectionsLabels['inspections.plan'], link: (id) => `/inspections/plans/${id}` },
    'inspections.task': { ...inspectionsLabels['inspections.task'] },
    'inspections.record': { ...inspectionsLabels['inspections.record'], link: (id) => `/inspections/records/${id}` },
    'inspections.annual_plan': { ...inspectionsLabels['inspections.annual_plan'], link: () => '/inspections/annual-plans' },
    'inspections.item': { ...inspectionsLabels['inspections.item'], link: () => '/inspections/registers/items' },
    'inspections.entity': { ...inspectionsLabels['inspections.entity'], link: () => '/inspections/registers/entities' },
    'inspections.inspector': { ...inspectionsLabels['inspections.inspector'], link: () => '/inspections/registers/inspectors' },
  },
});
