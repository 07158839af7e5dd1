import { useCallback, useEffect, useRef } from 'react';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts, type ChartInstance, type ChartOption } from '../../../lib/echarts';

export interface PlotProps {
  option: ChartOption;
  height: number;
  /**
   * A click anywhere in the plot area (not only on a bar or a point): the chart and
   * the clicked pixel, so the caller finds the category, the series and the value.
   */
  onPlotClick?: (chart: ChartInstance, pixel: [number, number]) => void;
  /** Names the chart for tests and assistive technology. */
  label: string;
  testId?: string;
}

/** One ECharts chart on canvas; clickable plots show a hand cursor and answer clicks anywhere in the plot. */
export function PlotCanvas({ option, height, onPlotClick, label, testId }: PlotProps) {
  const handler = useRef(onPlotClick);
  useEffect(() => {
    handler.current = onPlotClick;
  }, [onPlotClick]);

  const ready = useCallback((chart: ChartInstance) => {
    const zr = chart.getZr();
    const inPlot = (x: number, y: number) => chart.containPixel('grid', [x, y]);
    zr.on('click', (e: { offsetX: number; offsetY: number }) => {
      if (handler.current && inPlot(e.offsetX, e.offsetY)) handler.current(chart, [e.offsetX, e.offsetY]);
    });
    zr.on('mousemove', (e: { offsetX: number; offsetY: number }) => {
      if (handler.current && inPlot(e.offsetX, e.offsetY)) zr.setCursorStyle('pointer');
    });
  }, []);

  return (
    <div role="img" aria-label={label} data-testid={testId} className="dashboard-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} onChartReady={ready} opts={{ renderer: 'canvas' }} />
    </div>
  );
}
