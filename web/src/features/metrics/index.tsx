import { BarChartOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const MetricsPage = lazyNamed(() => import('./components/MetricsPage'), 'MetricsPage');

/** 统计指标 — the metric registry with drill-down (kernel routes /api/metrics). */
export const metricsFeature = defineFeature({
  key: 'metrics',
  title: '统计指标',
  icon: <BarChartOutlined />,
  menu: [{ path: '/metrics', label: '统计指标', permission: 'system.metrics.read' }],
  routes: [{ path: '/metrics', element: <MetricsPage />, permission: 'system.metrics.read' }],
});
