import { MobileOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const FieldHomePage = lazyNamed(() => import('./components/FieldHomePage'), 'FieldHomePage');
const MyCasesPage = lazyNamed(() => import('./components/MyCasesPage'), 'MyCasesPage');
const CaseCapturePage = lazyNamed(() => import('./components/CaseCapturePage'), 'CaseCapturePage');
const SamplePage = lazyNamed(() => import('./components/SamplePage'), 'SamplePage');
const PatrolPage = lazyNamed(() => import('./components/PatrolPage'), 'PatrolPage');
const OutboxPage = lazyNamed(() => import('./components/OutboxPage'), 'OutboxPage');

/**
 * 外勤 — the field app on a phone (docs/field-app.md): evidence on a case, water samples and
 * patrol check-ins with the device's time, location and hash, kept on the phone while offline.
 */
export const fieldFeature = defineFeature({
  key: 'field',
  title: '外勤',
  icon: <MobileOutlined />,
  menu: [
    { path: '/field/cases', label: '我的案件', permission: 'enforcement.case.write' },
    { path: '/field/sample', label: '水质采样', permission: 'rivers.samples' },
    { path: '/field/patrol', label: '巡查打卡', permission: 'flood.progress' },
  ],
  routes: [
    { path: '/field', element: <FieldHomePage /> },
    { path: '/field/cases', element: <MyCasesPage />, permission: 'enforcement.case.write' },
    { path: '/field/cases/:id', element: <CaseCapturePage />, permission: 'enforcement.case.write' },
    { path: '/field/sample', element: <SamplePage />, permission: 'rivers.samples' },
    { path: '/field/patrol', element: <PatrolPage />, permission: 'flood.progress' },
    { path: '/field/outbox', element: <OutboxPage /> },
  ],
});
