import { ExperimentOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';
import { RIVER_FIELDS } from './api';

const RiversPage = lazyNamed(() => import('./components/RiversPage'), 'RiversPage');
const RiverPage = lazyNamed(() => import('./components/RiverPage'), 'RiverPage');
const SamplesPage = lazyNamed(() => import('./components/SamplesPage'), 'SamplesPage');
const SamplePage = lazyNamed(() => import('./components/SamplePage'), 'SamplePage');
const AlertsPage = lazyNamed(() => import('./components/AlertsPage'), 'AlertsPage');

const R = 'rivers.read';

/** 河涌水质 — the river register, water samples with their class and grade, black-odour alerts, trends. */
export const riversFeature = defineFeature({
  key: 'rivers',
  title: '河涌水质',
  icon: <ExperimentOutlined />,
  menu: [
    { path: '/rivers', label: '河涌名录', permission: R },
    { path: '/rivers/samples', label: '水质监测', permission: R },
    { path: '/rivers/alerts', label: '黑臭预警', permission: R },
  ],
  routes: [
    { path: '/rivers', element: <RiversPage />, permission: R },
    { path: '/rivers/samples', element: <SamplesPage />, permission: R },
    { path: '/rivers/samples/:id', element: <SamplePage />, permission: R },
    { path: '/rivers/alerts', element: <AlertsPage />, permission: R },
    { path: '/rivers/:id', element: <RiverPage />, permission: R },
  ],
  entities: {
    'rivers.river': { label: '河涌', link: (id) => `/rivers/${id}`, fields: RIVER_FIELDS },
    'rivers.sample': {
      label: '水质监测记录',
      link: (id) => `/rivers/samples/${id}`,
      fields: RIVER_FIELDS,
      actions: { recorded: '录入', field_recorded: '外勤采样' },
      notes: { capturedAt: '采样时间（设备）', location: '采样位置', receivedAt: '接收时间（服务器）', sha256: '照片 SHA-256', via: '来源' },
    },
    'rivers.alert': {
      label: '黑臭预警',
      link: () => '/rivers/alerts',
      fields: RIVER_FIELDS,
      actions: { raised: '发出预警', handled: '处置预警' },
      notes: { sampleId: '水样' },
    },
  },
});
