// ECharts with only what the dashboard draws (line and bar charts on a grid), so the bundle stays small.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type ChartInstance = ReturnType<typeof echarts.init>;
export type ChartOption = echarts.EChartsCoreOption;

/** Colours of the bureau's charts: 政务蓝 first; deadline states as the tags show them. */
export const PALETTE = ['#1f4e8c', '#3a8ee6', '#2fa58c', '#e6a23c', '#8e6cc8', '#d9534f', '#5b7083'];
export const STATUS_COLORS = { overdue: '#d9363e', dueSoon: '#fa8c16', ok: '#3a8ee6' } as const;
