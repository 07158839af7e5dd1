import { legalLabels } from '../../../../src/modules/legal/labels';
import { SolutionOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const AdvicePage = lazyNamed(() => import('./components/AdvicePage'), 'AdvicePage');
const DocumentsPage = lazyNamed(() => import('./components/DocumentsPage'), 'DocumentsPage');
const ContractsPage = lazyNamed(() => import('./components/ContractsPage'), 'ContractsPage');
const PublicNormativePage = lazyNamed(() => import('./components/PublicNormativePage'), 'PublicNormativePage');

/** 法律顾问 — the advisor's work ledger with attachments, legality review of documents and decisions, the contract and the annual appraisal. */
export const legalFeature = defineFeature({
  key: 'legal',
  title: '法律顾问',
  icon: <SolutionOutlined />,
  menu: [
    { path: '/legal/advice', label: '顾问工作台账', permission: 'legal.read' },
    { path: '/legal/documents', label: '规范性文件与合法性审查', permission: 'legal.read' },
    { path: '/legal/contracts', label: '顾问合同与考核', permission: 'legal.read' },
  ],
  routes: [
    { path: '/legal/advice/:id?', element: <AdvicePage />, permission: 'legal.read' },
    { path: '/legal/documents/:id?', element: <DocumentsPage />, permission: 'legal.read' },
    { path: '/legal/contracts', element: <ContractsPage />, permission: 'legal.read' },
  ],
  publicRoutes: [{ path: '/public/legal/normative-documents', element: <PublicNormativePage /> }],
  entities: {
    'legal.advice': { ...legalLabels['legal.advice'], link: (id) => `/legal/advice/${id}` },
    'legal.document': { ...legalLabels['legal.document'], link: (id) => `/legal/documents/${id}` },
    'legal.contract': { ...legalLabels['legal.contract'], link: () => '/legal/contracts' },
    'legal.appraisal': { ...legalLabels['legal.appraisal'], link: () => '/legal/contracts' },
  },
});
