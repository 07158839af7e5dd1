import { PhoneOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { hotlineLabels } from '../../../../src/modules/hotline/labels';

const HotlineListPage = lazyNamed(() => import('./components/Pages'), 'HotlineListPage');
const HotlineIntakePage = lazyNamed(() => import('./components/Pages'), 'HotlineIntakePage');
const HotlineRecordPage = lazyNamed(() => import('./components/Pages'), 'HotlineRecordPage');

/** 12345热线 — orders: list, intake, record page with clock, actions and history. */
export const hotlineFeature = defineFeature({
  key: 'hotline',
  title: '12345热线',
  icon: <PhoneOutlined />,
  menu: [{ path: '/hotline', label: '12345工单', permission: 'hotline.read' }],
  routes: [
    { path: '/hotline', element: <HotlineListPage />, permission: 'hotline.read' },
    { path: '/hotline/new', element: <HotlineIntakePage />, permission: 'hotline.write' },
    { path: '/hotline/items/:id', element: <HotlineRecordPage />, permission: 'hotline.read' },
  ],
  entities: {
    'hotline.order': { ...hotlineLabels['hotline.order'], link: (id) => `/hotline/items/${id}` },
    'hotline.district_avg': hotlineLabels['hotline.district_avg'],
  },
});
