import type { MetricUnit } from '../metrics/api';
import type { ComposedFigure, FigureFormat, Rounding } from './api';

/** The report's format of a metric unit (as the server's `formatOf`). */
export function formatOfUnit(unit: MetricUnit | undefined): FigureFormat | undefined {
  if (!unit) return undefined;
  return unit === 'percent' ? 'percent' : unit === 'yuan' ? 'wan' : unit === 'class' ? 'class' : unit === 'score' ? 'score' : 'count';
}

/** The figure's format: as the server sends it, else from the metric's unit. */
export function figureFormat(f: ComposedFigure, unit: MetricUnit | undefined): FigureFormat | undefined {
  return f.format ?? formatOfUnit(unit);
}

const trim = (n: number, decimals: number) => n.toFixed(decimals).replace(/\.?0+$/, '');

/** A raw metric value written with its unit for the editor's tooltip: 701100 yuan → '70.11万元', 85.7 → '85.7%'. */
export function figureWithUnit(v: number | string | null | undefined, format: FigureFormat | undefined): string {
  if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) return '无数据';
  if (typeof v === 'string') return format === 'class' ? `${v}类` : v;
  switch (format) {
    case 'percent':
      return `${trim(v, 2)}%`;
    case 'wan':
      return `${trim(v / 10000, 4)}万元`;
    case 'score':
      return `${trim(v, 2)}分`;
    default:
      return v.toLocaleString('zh-CN');
  }
}

/**
 * The bureau's rounding choice for a figure: as the server sends it, else read back
 * from the text ('200余' over 292 → yu100; '逾200' → yu_over100); 'exact' otherwise.
 */
export function figureRounding(f: ComposedFigure): Rounding {
  if (f.rounding) return f.rounding;
  if (!f.approx || typeof f.value !== 'number') return 'exact';
  const over = f.text.startsWith('逾');
  const shown = Number(f.text.replace(/[逾余]/g, ''));
  const steps = over ? ([10, 100] as const) : ([10, 100, 1000] as const);
  const step = steps.find((s) => Math.floor((f.value as number) / s) * s === shown);
  if (!step) return 'exact';
  return over ? (`yu_over${step}` as Rounding) : (`yu${step}` as Rounding);
}

/** Whether the bureau asked for the change on last year in the text. */
export function figureStatesYoy(f: ComposedFigure): boolean {
  return f.stateYoy ?? f.yoy !== null;
}
