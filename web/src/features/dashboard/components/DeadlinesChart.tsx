import { useMemo } from 'react';
import { Empty } from 'antd';
import type { DeadlineFilter, ModuleDeadlines } from '../api';
import { STATUS_COLORS } from '../../../lib/chartColors';
import type { ChartInstance, ChartOption } from '../../../lib/echarts';
import { Chart } from './Chart';

const STATES = [
  { key: 'overdue', label: '已逾期', status: 'overdue' },
  { key: 'dueSoon', label: '即将到期', status: 'due_soon' },
  { key: 'ok', label: '期限内', status: 'ok' },
] as const;

/** 期限 — open deadlines by module, stacked by status; a click on a segment lists those deadlines (beside the bar: all of the module's). */
export function DeadlinesChart({ byModule, onOpen }: { byModule: ModuleDeadlines[]; onOpen: (f: DeadlineFilter) => void }) {
  const rows = useMemo(() => [...byModule].sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.ok - a.ok), [byModule]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { top: 0 },
      grid: { left: 88, right: 24, top: 36, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.title), axisLabel: { width: 80, overflow: 'truncate' } },
      series: STATES.map((s) => ({
        name: s.label,
        type: 'bar',
        stack: 'status',
        barMaxWidth: 26,
        color: STATUS_COLORS[s.key],
        label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : ''), color: '#fff', fontSize: 11 },
        data: rows.map((r) => r[s.key]),
      })),
    }),
    [rows],
  );
  if (!rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无未完成的期限" style={{ padding: '48px 0' }} />;

  const onPlotClick = (chart: ChartInstance, pixel: [number, number]) => {
    const [x, idx] = chart.convertFromPixel({ gridIndex: 0 }, pixel) as number[];
    const row = rows[Math.round(idx ?? -1)];
    if (!row || x === undefined) return;
    // Which stacked segment the click fell in; past the end of the bar: the module's whole list.
    let end = 0;
    for (const s of STATES) {
      end += row[s.key];
      if (x <= end && row[s.key] > 0) return onOpen({ module: row.module, status: s.status, title: `${row.title} · ${s.label}` });
    }
    onOpen({ module: row.module, title: `${row.title} · 全部未完成期限` });
  };

  return (
    <Chart
      option={option}
      height={Math.max(180, 60 + rows.length * 40)}
      onPlotClick={onPlotClick}
      label="各业务未完成期限堆叠柱状图，点击查看期限清单"
      testId="deadlines-chart"
    />
  );
}
