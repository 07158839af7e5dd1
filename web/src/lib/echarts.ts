// ECharts with only what the app draws — line, bar and scatter series on a grid (time, value or
// category axes), legend, tooltip, threshold lines — so a page with a chart stays small. A page that
// needs another series or component registers it here.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
export type ChartInstance = ReturnType<typeof echarts.init>;
export type ChartOption = echarts.EChartsCoreOption;
