import type { MetricUnit, MetricValue } from '../../core/metrics/registry.js';
import type { Rounding } from './schema.js';

/** How a figure is written in the report's text. */
export type FigureFormat = 'count' | 'percent' | 'wan' | 'class' | 'score';

export interface FormattedFigure {
  /** The text as it stands in the sentence, e.g. '981', '85.7', '70.11', '50余', '逾200'. */
  text: string;
  /** True when the text rounds the value down and says so (余 / 逾). */
  approx: boolean;
  /** True when there is no value to state (no records): the sentence is flagged, never invented. */
  missing: boolean;
}

const STEP: Record<Rounding, number> = { exact: 1, yu10: 10, yu100: 100, yu1000: 1000, yu_over10: 10, yu_over100: 100 };

/** Trims a decimal's trailing zeros: 70.1100 → 70.11, 12.4360 → 12.436, 100.00 → 100. */
function trim(n: number, decimals: number): string {
  return n.toFixed(decimals).replace(/\.?0+$/, '');
}

/**
 * Writes a figure as the bureau's reports do: counts as integers; percentages with
 * up to two decimals and no trailing zeros (85.70 → 85.7); money in 万元 with up to
 * four decimals (701100.00 yuan → 70.11); a rounded count as 'N余' or '逾N' when the
 * bureau chose so and the value is above the round number (an exact round number is
 * stated exactly — '200余' would then be untrue).
 */
export function formatFigure(value: MetricValue | undefined, format: FigureFormat, rounding: Rounding = 'exact'): FormattedFigure {
  if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))) return { text: '（无数据）', approx: false, missing: true };
  if (format === 'class' || typeof value === 'string') return { text: String(value), approx: false, missing: false };
  switch (format) {
    case 'percent':
    case 'score':
      return { text: trim(value, 2), approx: false, missing: false };
    case 'wan':
      return { text: trim(value / 10000, 4), approx: false, missing: false };
    case 'count': {
      const step = STEP[rounding];
      const floor = Math.floor(value / step) * step;
      if (step === 1 || floor === value || floor === 0) return { text: String(value), approx: false, missing: false };
      return { text: rounding.startsWith('yu_over') ? `逾${floor}` : `${floor}余`, approx: true, missing: false };
    }
  }
}

/** The default format of a metric unit. */
export function formatOf(unit: MetricUnit): FigureFormat {
  return unit === 'percent' ? 'percent' : unit === 'yuan' ? 'wan' : unit === 'class' ? 'class' : unit === 'score' ? 'score' : 'count';
}

/** Year-over-year change of a number, as the report states it: '同比增长12.5%' / '同比下降3%' / '与上年持平'. */
export function yoyPhrase(current: MetricValue | undefined, previous: MetricValue | undefined, format: FigureFormat): string | null {
  if (typeof current !== 'number' || typeof previous !== 'number') return null;
  if (format === 'percent') {
    const d = Math.round((current - previous) * 100) / 100;
    return d === 0 ? '与上年持平' : `较上年${d > 0 ? '提高' : '下降'}${trim(Math.abs(d), 2)}个百分点`;
  }
  if (previous === 0) return current === 0 ? '与上年持平' : null;
  const pct = Math.round(((current - previous) / previous) * 1000) / 10;
  return pct === 0 ? '与上年持平' : `同比${pct > 0 ? '增长' : '下降'}${trim(Math.abs(pct), 1)}%`;
}
