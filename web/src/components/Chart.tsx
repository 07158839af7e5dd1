import { Suspense, type ComponentProps } from 'react';
import { lazyNamed } from '../lib/lazyNamed';

const ChartCanvas = lazyNamed(() => import('./ChartCanvas'), 'ChartCanvas');

/**
 * An ECharts chart (ChartCanvas), loaded after the page: ECharts is the heaviest library the app
 * uses, so a page with a chart shows its tables at once and draws the chart when it has arrived.
 */
export function Chart(props: ComponentProps<typeof ChartCanvas>) {
  return (
    <Suspense fallback={<div style={{ width: '100%', height: props.height ?? 420 }} data-testid={props.testId} aria-busy="true" />}>
      <ChartCanvas {...props} />
    </Suspense>
  );
}
