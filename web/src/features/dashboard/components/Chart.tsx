import { Suspense } from 'react';
import { lazyNamed } from '../../../lib/lazyNamed';
import type { PlotProps } from './PlotCanvas';

const PlotCanvas = lazyNamed(() => import('./PlotCanvas'), 'PlotCanvas');

/** One dashboard chart (PlotCanvas), loaded after the page so its figures show before ECharts arrives. */
export function Chart(props: PlotProps) {
  return (
    <Suspense fallback={<div role="img" aria-label={props.label} aria-busy="true" className="dashboard-chart" style={{ height: props.height }} />}>
      <PlotCanvas {...props} />
    </Suspense>
  );
}
