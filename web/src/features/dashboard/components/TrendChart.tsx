import { useMemo } from 'react';
import { Empty } from 'antd';
import { useNavigate } from 'react-router-dom';
import { drillPath } from '../../metrics/api';
import type { Dashboard } from '../api';
import { PALETTE } from '../../../lib/chartColors';
import type { ChartInstance, ChartOption } from '../../../lib/echarts';
import { Chart } from './Chart';

type Trends = Dashboard['trends'];

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/**
 * Series far smaller than the largest (e.g. cases a month beside hotline orders a
 * month) go on a right-hand axis, so their trend does not flatten at the bottom.
 */
function axisOf(trends: Trends): number[] {
  const maxes = trends.series.map((s) => Math.max(0, ...s.values.map(num)));
  const top = Math.max(1, ...maxes);
  const anyLarge = maxes.some((m) => m >= top / 6);
  return maxes.map((m) => (anyLarge && m < top / 6 ? 1 : 0));
}

/** 月度趋势 — one line per trend metric; a click near a point opens that metric's records of that month. */
export function TrendChart({ trends, year }: { trends: Trends; year: number }) {
  const navigate = useNavigate();
  const axes = useMemo(() => axisOf(trends), [trends]);
  const dual = axes.includes(1);
  const option = useMemo<ChartOption>(
    () => ({
      color: PALETTE,
      tooltip: { trigger: 'axis', confine: true },
      legend: { top: 0, data: trends.series.map((s, i) => ({ name: s.title + (dual && axes[i] ? '（右轴）' : '') })) },
      // Up to three names fit on one legend line; more wrap to a second.
      grid: { left: 40, right: dual ? 40 : 16, top: trends.series.length > 3 ? 64 : 40, bottom: 28 },
      xAxis: { type: 'category', boundaryGap: false, data: trends.months.map((m) => `${m}月`) },
      yAxis: [
        { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
        ...(dual ? [{ type: 'value', minInterval: 1, splitLine: { show: false } }] : []),
      ],
      series: trends.series.map((s, i) => ({
        name: s.title + (dual && axes[i] ? '（右轴）' : ''),
        type: 'line',
        yAxisIndex: dual ? axes[i] : 0,
        smooth: 0.2,
        symbol: 'circle',
        symbolSize: 7,
        data: s.values.map(num),
        emphasis: { focus: 'series' },
      })),
    }),
    [trends, axes, dual],
  );

  if (!trends.series.length) return <Empty description="暂无可显示的趋势指标" />;

  /** The month under the click, and the visible series whose point there is nearest to it. */
  const onPlotClick = (chart: ChartInstance, [x, y]: [number, number]) => {
    const [idx] = chart.convertFromPixel({ gridIndex: 0 }, [x, y]) as number[];
    const month = Math.round(idx ?? -1);
    if (month < 0 || month >= trends.months.length) return;
    const selected = ((chart.getOption().legend as Array<{ selected?: Record<string, boolean> }>)[0]?.selected ?? {}) as Record<string, boolean>;
    let best: { key: string; d: number } | null = null;
    trends.series.forEach((s, i) => {
      const name = s.title + (dual && axes[i] ? '（右轴）' : '');
      if (selected[name] === false) return;
      const p = chart.convertToPixel({ seriesIndex: i }, [month, num(s.values[month])]) as number[];
      const d = Math.abs((p[1] ?? 0) - y);
      if (!best || d < best.d) best = { key: s.key, d };
    });
    const hit = best as { key: string; d: number } | null;
    if (hit) navigate(drillPath(hit.key, year, { month: trends.months[month] }));
  };

  return <Chart option={option} height={300} onPlotClick={onPlotClick} label={`${year}年月度趋势折线图，点击数据点查看当月明细`} testId="trend-chart" />;
}
