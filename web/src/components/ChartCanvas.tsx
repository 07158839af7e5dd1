import { useEffect, useRef } from 'react';
import { echarts } from '../lib/echarts';

/** An ECharts chart in a div; re-renders when `option` changes and follows the container's size. */
export function ChartCanvas({
  option,
  height = 420,
  testId,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  testId?: string;
  onClick?: (params: echarts.ECElementEvent) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current);
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    if (!onClick || !chart.current) return;
    chart.current.on('click', onClick);
    return () => {
      chart.current?.off('click', onClick);
    };
  }, [onClick]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}
