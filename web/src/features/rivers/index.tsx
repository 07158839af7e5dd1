import { riversLabels } from '../../../../src/modules/rivers/labels';
import { ExperimentOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

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
    'rivers.river': { ...riversLabels['rivers.river'], link: (id) => `/rivers/${id}` },
    'rivers.sample': { ...riversLabels['rivers.sample'], link: (id) => `/rivers/samples/${id}` },
    'rivers.alert': { ...riversLabels['rivers.alert'], link: () => '/rivers/alerts' },
  },
});
