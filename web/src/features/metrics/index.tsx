import { BarChartOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const MetricsPage = lazyNamed(() => import('./components/MetricsPage'), 'MetricsPage');
const MetricDrillPage = lazyNamed(() => import('./components/MetricDrillPage'), 'MetricDrillPage');

/** 统计指标 — the metric registry with drill-down (kernel routes /api/metrics); `/metrics/drill/:key` is where every figure link lands. */
export const metricsFeature = defineFeature({
  key: 'metrics',
  title: '统计指标',
  icon: <BarChartOutlined />,
  menu: [{ path: '/metrics', label: '统计指标', permission: 'system.metrics.read' }],
  routes: [
    { path: '/metrics', element: <MetricsPage />, permission: 'system.metrics.read' },
    { path: '/metrics/drill/:key', element: <MetricDrillPage />, permission: 'system.metrics.read' },
  ],
});
