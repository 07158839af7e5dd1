import { AuditOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { petitionsLabels } from '../../../../src/modules/petitions/labels';

const PetitionListPage = lazyNamed(() => import('./components/Pages'), 'PetitionListPage');
const PetitionIntakePage = lazyNamed(() => import('./components/Pages'), 'PetitionIntakePage');
const PetitionRecordPage = lazyNamed(() => import('./components/Pages'), 'PetitionRecordPage');

/** 信访 — petitions. */
export const petitionsFeature = defineFeature({
  key: 'petitions',
  title: '信访',
  icon: <AuditOutlined />,
  menu: [{ path: '/petitions', label: '信访件', permission: 'petitions.read' }],
  routes: [
    { path: '/petitions', element: <PetitionListPage />, permission: 'petitions.read' },
    { path: '/petitions/new', element: <PetitionIntakePage />, permission: 'petitions.write' },
    { path: '/petitions/items/:id', element: <PetitionRecordPage />, permission: 'petitions.read' },
  ],
  entities: { 'petitions.petition': { ...petitionsLabels['petitions.petition'], link: (id) => `/petitions/items/${id}` } },
});
