import { useMemo, useState } from 'react';
import { Empty, Segmented } from 'antd';
import { useNavigate } from 'react-router-dom';
import { drillPath } from '../../metrics/api';
import { chartValue, figureText, type Dashboard, type DeadlineFilter } from '../api';
import { PALETTE, STATUS_COLORS } from '../../../lib/chartColors';
import type { ChartInstance, ChartOption } from '../../../lib/echarts';
import { Chart } from './Chart';

type Streets = Dashboard['streets'];

/** Axis labels drop the common suffix: 五山街道 → 五山 (the tooltip keeps the full name). */
const short = (name: string) => name.replace(/街道$/, '');

/**
 * 街道对比 — the streets side by side on one street metric (chosen above the chart),
 * with each street's overdue deadlines; a click on a street's bar opens that
 * metric's records for the street, a click on its overdue mark lists those deadlines.
 */
export function StreetsChart({ streets, year, onOpenDeadlines }: { streets: Streets; year: number; onOpenDeadlines: (f: DeadlineFilter) => void }) {
  const navigate = useNavigate();
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const metric = streets.metrics.find((m) => m.key === picked) ?? streets.metrics[0];
  const rows = useMemo(
    () =>
      metric
        ? [...streets.rows].sort(
            (a, b) => chartValue(b.values[metric.key] ?? null, metric.unit) - chartValue(a.values[metric.key] ?? null, metric.unit) || b.overdue - a.overdue,
          )
        : streets.rows,
    [streets.rows, metric],
  );
  const unitName = metric ? figureText(0, metric.unit).suffix : '';

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        confine: true,
        formatter: (ps: Array<{ dataIndex: number; marker: string; seriesName: string; value: number }>) => {
          const r = rows[ps[0]?.dataIndex ?? -1];
          if (!r) return '';
          return [`<b>${r.name}</b>`, ...ps.map((p) => `${p.marker}${p.seriesName}：${p.value.toLocaleString('zh-CN')}`)].join('<br/>');
        },
      },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: rows.map((r) => short(r.name)), axisLabel: { interval: 0, rotate: rows.length > 14 ? 30 : 0, fontSize: 12 } },
      yAxis: [
        { type: 'value', name: unitName || undefined, minInterval: unitName ? undefined : 1, splitLine: { lineStyle: { color: '#eef0f3' } } },
        { type: 'value', name: '逾期（件）', minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        ...(metric
          ? [
              {
                name: metric.title + (unitName ? `（${unitName}）` : ''),
                type: 'bar',
                barMaxWidth: 28,
                color: PALETTE[0],
                data: rows.map((r) => chartValue(r.values[metric.key] ?? null, metric.unit)),
              },
            ]
          : []),
        {
          name: '逾期期限',
          type: 'line',
          yAxisIndex: 1,
          symbol: 'diamond',
          // A mark only where a street has overdue deadlines.
          symbolSize: (v: number) => (v > 0 ? 11 : 0),
          lineStyle: { width: 0 },
          color: STATUS_COLORS.overdue,
          data: rows.map((r) => r.overdue),
        },
      ],
    }),
    [rows, metric, unitName],
  );

  if (!streets.rows.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="数据范围内没有街道" style={{ padding: '48px 0' }} />;

  const onPlotClick = (chart: ChartInstance, [x, y]: [number, number]) => {
    const [idx] = chart.convertFromPixel({ gridIndex: 0 }, [x, y]) as number[];
    const i = Math.round(idx ?? -1);
    const row = rows[i];
    if (!row) return;
    const overdueSeries = metric ? 1 : 0;
    const mark = chart.convertToPixel({ seriesIndex: overdueSeries }, [i, row.overdue]) as number[];
    const nearMark = row.overdue > 0 && Math.abs((mark[1] ?? -99) - y) <= 10;
    if (nearMark || !metric) return onOpenDeadlines({ orgId: row.orgId, status: 'overdue', title: `${row.name} · 已逾期` });
    navigate(drillPath(metric.key, year, { orgId: row.orgId }));
  };

  return (
    <>
      {streets.metrics.length > 1 ? (
        // On a phone the choices are wider than the card: they scroll sideways inside it, the page does not.
        <div className="no-print-controls" style={{ overflowX: 'auto', maxWidth: '100%', marginBottom: 8 }}>
          <Segmented
            size="small"
            value={metric?.key}
            onChange={(v) => setPicked(String(v))}
            options={streets.metrics.map((m) => ({ value: m.key, label: m.title }))}
            data-testid="streets-metric"
          />
        </div>
      ) : null}
      <Chart
        option={option}
        height={320}
        onPlotClick={onPlotClick}
        label={`各街道${metric?.title ?? ''}对比柱状图，点击查看该街道的明细`}
        testId="streets-chart"
      />
    </>
  );
}
