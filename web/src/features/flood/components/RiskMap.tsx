import { useMemo } from 'react';
import { Chart } from '../../../components/Chart';
import { RISK_STATUSES, STATUS_COLORS, type RiskPoint } from '../api';

/** The convex hull of the points (Andrew's monotone chain): the district outline drawn from the data itself. */
function hull(pts: Array<[number, number]>): Array<[number, number]> {
  const p = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: number[], a: number[], b: number[]) => (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const lower: Array<[number, number]> = [];
  for (const x of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, x) <= 0) lower.pop();
    lower.push(x);
  }
  const upper: Array<[number, number]> = [];
  for (const x of [...p].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, x) <= 0) upper.pop();
    upper.push(x);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** The risk point a chart item stands for (the status series carry it as `data.point`). */
const pointOf = (p: { data?: unknown }): RiskPoint | undefined => (p.data as { point?: RiskPoint } | null | undefined)?.point;

/**
 * 风险点分布图 — the points on a plain lng/lat plane (no online tiles), coloured by
 * status, each street's points labelled by street in the tooltip; the outline is the
 * convex hull of all points, padded a little.
 */
export function RiskMap({ points, onOpen }: { points: RiskPoint[]; onOpen: (id: string) => void }) {
  const option = useMemo(() => {
    const located = points.filter((p) => p.lng != null && p.lat != null);
    const h = hull(located.map((p) => [p.lng!, p.lat!]));
    const cx = h.reduce((a, x) => a + x[0], 0) / (h.length || 1);
    const cy = h.reduce((a, x) => a + x[1], 0) / (h.length || 1);
    const outline = h.map(([x, y]) => [cx + (x - cx) * 1.08, cy + (y - cy) * 1.08]);
    // Street labels at the mean position of each street's points.
    const streets = new Map<string, number[][]>();
    for (const p of located) streets.set(p.street, [...(streets.get(p.street) ?? []), [p.lng!, p.lat!]]);
    const labels = [...streets].map(([name, xs]) => ({
      name: name.replace(/街道$/, ''),
      value: [xs.reduce((a, x) => a + x[0]!, 0) / xs.length, xs.reduce((a, x) => a + x[1]!, 0) / xs.length],
    }));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: unknown; name?: string }) => {
          const pt = pointOf(p);
          return pt ? `${pt.code} ${pt.name}<br/>${pt.street} · ${pt.status}${pt.riskLevel ? ` · 风险${pt.riskLevel}` : ''}` : p.name;
        },
      },
      legend: { top: 0, data: RISK_STATUSES },
      grid: { left: 60, right: 30, top: 40, bottom: 40 },
      xAxis: {
        type: 'value',
        name: '经度',
        scale: true,
        axisLabel: { formatter: (v: number) => v.toFixed(2) },
        splitLine: { lineStyle: { type: 'dashed', color: '#eee' } },
      },
      yAxis: {
        type: 'value',
        name: '纬度',
        scale: true,
        axisLabel: { formatter: (v: number) => v.toFixed(2) },
        splitLine: { lineStyle: { type: 'dashed', color: '#eee' } },
      },
      series: [
        {
          name: '辖区范围（按风险点外包络绘制）',
          type: 'line',
          data: [...outline, outline[0]].filter(Boolean),
          symbol: 'none',
          lineStyle: { color: '#8c8c8c', type: 'dashed' },
          areaStyle: { color: 'rgba(24,144,255,0.04)' },
          silent: true,
          z: 1,
        },
        {
          name: '街道',
          type: 'scatter',
          data: labels,
          symbolSize: 0,
          label: { show: true, formatter: '{b}', color: '#8c8c8c', fontSize: 11 },
          silent: true,
          z: 2,
        },
        ...RISK_STATUSES.map((s) => ({
          name: s,
          type: 'scatter',
          symbolSize: 12,
          itemStyle: { color: STATUS_COLORS[s], borderColor: '#fff', borderWidth: 1 },
          data: located.filter((p) => p.status === s).map((p) => ({ name: p.name, value: [p.lng, p.lat], point: p })),
          z: 3,
        })),
      ],
    };
  }, [points]);
  return (
    <Chart
      option={option}
      height={560}
      testId="risk-map"
      onClick={(p) => {
        const pt = pointOf(p);
        if (pt) onOpen(pt.id);
      }}
    />
  );
}
