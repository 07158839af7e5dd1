import { TeamOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { proposalsLabels } from '../../../../src/modules/proposals/labels';

const ProposalListPage = lazyNamed(() => import('./components/Pages'), 'ProposalListPage');
const ProposalIntakePage = lazyNamed(() => import('./components/Pages'), 'ProposalIntakePage');
const ProposalRecordPage = lazyNamed(() => import('./components/Pages'), 'ProposalRecordPage');

/** 建议提案 — deputies' suggestions and CPPCC proposals. */
export const proposalsFeature = defineFeature({
  key: 'proposals',
  title: '建议提案',
  icon: <TeamOutlined />,
  menu: [{ path: '/proposals', label: '人大建议政协提案', permission: 'proposals.read' }],
  routes: [
    { path: '/proposals', element: <ProposalListPage />, permission: 'proposals.read' },
    { path: '/proposals/new', element: <ProposalIntakePage />, permission: 'proposals.write' },
    { path: '/proposals/items/:id', element: <ProposalRecordPage />, permission: 'proposals.read' },
  ],
  entities: { 'proposals.proposal': { ...proposalsLabels['proposals.proposal'], link: (id) => `/proposals/items/${id}` } },
});
