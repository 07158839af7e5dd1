import { enforcementLabels } from '../../../../src/modules/enforcement/labels';
import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const CaseListPage = lazyNamed(() => import('./components/CaseListPage'), 'CaseListPage');
const CasePage = lazyNamed(() => import('./components/CasePage'), 'CasePage');
const CluesPage = lazyNamed(() => import('./components/CluesPage'), 'CluesPage');
const OfficersPage = lazyNamed(() => import('./components/OfficersPage'), 'OfficersPage');
const ItemsPage = lazyNamed(() => import('./components/ItemsPage'), 'ItemsPage');
const SupervisionPage = lazyNamed(() => import('./components/SupervisionPage'), 'SupervisionPage');
const WorkflowPage = lazyNamed(() => import('./components/WorkflowPage'), 'WorkflowPage');
const PublicDisclosurePage = lazyNamed(() => import('./components/PublicDisclosurePage'), 'PublicDisclosurePage');

/** 行政执法 — cases from clue to archive, officers, the item catalogue, and the supervision of the streets (server module `enforcement`). */
export const enforcementFeature = defineFeature({
  key: 'enforcement',
  title: '行政执法',
  icon: <AuditOutlined />,
  menu: [
    { path: '/enforcement/cases', label: '行政处罚案件', permission: 'enforcement.case.read' },
    { path: '/enforcement/clues', label: '案件线索', permission: 'enforcement.clue.read' },
    { path: '/enforcement/supervision', label: '街道执法监督', permission: 'enforcement.review.read' },
    { path: '/enforcement/officers', label: '执法人员', permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/items', label: '执法事项目录', permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/workflow', label: '流程矩阵与期限', permission: 'enforcement.case.read' },
  ],
  routes: [
    { path: '/enforcement/cases', element: <CaseListPage />, permission: 'enforcement.case.read' },
    { path: '/enforcement/cases/:id', element: <CasePage />, permission: 'enforcement.case.read' },
    { path: '/enforcement/clues', element: <CluesPage />, permission: 'enforcement.clue.read' },
    { path: '/enforcement/supervision', element: <SupervisionPage />, permission: 'enforcement.review.read' },
    { path: '/enforcement/officers', element: <OfficersPage />, permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/items', element: <ItemsPage />, permission: 'enforcement.catalogue.read' },
    { path: '/enforcement/workflow', element: <WorkflowPage />, permission: 'enforcement.case.read' },
  ],
  publicRoutes: [{ path: '/public/enforcement', element: <PublicDisclosurePage /> }],
  entities: {
    'enforcement.case': { ...enforcementLabels['enforcement.case'], link: (id) => `/enforcement/cases/${id}` },
    'enforcement.clue': { ...enforcementLabels['enforcement.clue'], link: () => '/enforcement/clues' },
    'enforcement.item': { ...enforcementLabels['enforcement.item'], link: () => '/enforcement/items' },
    'enforcement.officer': { ...enforcementLabels['enforcement.officer'], link: () => '/enforcement/officers' },
    'enforcement.review': { ...enforcementLabels['enforcement.review'], link: () => '/enforcement/supervision' },
    'enforcement.legal_reviewer': { ...enforcementLabels['enforcement.legal_reviewer'], link: () => '/enforcement/officers' },
    'enforcement.payment_place': { ...enforcementLabels['enforcement.payment_place'], link: () => '/enforcement/items' },
  },
});
