import { TeamOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { DEMAND_ACTION_LABELS, DEMAND_FIELD_LABELS } from '../demands/api';

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
  entities: { 'proposals.proposal': { label: '建议提案', link: (id) => `/proposals/items/${id}`, fields: DEMAND_FIELD_LABELS, actions: DEMAND_ACTION_LABELS } },
});
