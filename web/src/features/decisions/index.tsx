import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { decisionsLabels, STEP_COLUMNS } from '../../../../src/modules/decisions/labels';

const DecisionListPage = lazyNamed(() => import('./components/DecisionListPage'), 'DecisionListPage');
const DecisionPage = lazyNamed(() => import('./components/DecisionPage'), 'DecisionPage');
const CataloguePage = lazyNamed(() => import('./components/CataloguePage'), 'CataloguePage');
const PublicCataloguePage = lazyNamed(() => import('./components/PublicCataloguePage'), 'PublicCataloguePage');

/** 重大行政决策 — the annual catalogue and each decision with its procedural steps (server module `decisions`). */
export const decisionsFeature = defineFeature({
  key: 'decisions',
  title: '重大行政决策',
  icon: <AuditOutlined />,
  menu: [
    { path: '/decisions', label: '重大行政决策', permission: 'decisions.read' },
    { path: '/decisions/catalogue', label: '决策事项目录', permission: 'decisions.read' },
  ],
  routes: [
    { path: '/decisions', element: <DecisionListPage />, permission: 'decisions.read' },
    { path: '/decisions/catalogue', element: <CataloguePage />, permission: 'decisions.read' },
    { path: '/decisions/:id', element: <DecisionPage />, permission: 'decisions.read' },
  ],
  publicRoutes: [{ path: '/public/major-decisions', element: <PublicCataloguePage /> }],
  entities: {
    'decisions.decision': { ...decisionsLabels['decisions.decision'], link: (id) => `/decisions/${id}` },
    'decisions.step': {
      ...decisionsLabels['decisions.step'],
      link: (id) => `/decisions/${id.split(':')[0]}`,
      recordLabel: (id) => {
        const step = id.split(':')[1] ?? '';
        return STEP_COLUMNS[step] ?? step;
      },
    },
    'decisions.catalogue_item': { ...decisionsLabels['decisions.catalogue_item'], link: () => '/decisions/catalogue' },
  },
});
