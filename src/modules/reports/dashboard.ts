import type { Ctx } from '../../core/context.js';
import type { System } from '../../core/system.js';
import { monthPeriod, yearPeriod, type MetricDef, type MetricQuery, metricQuery } from '../../core/metrics/registry.js';
import { monthlyValues } from '../../core/metrics/monthly.js';
import { yoyPhrase, formatOf } from './figures.js';
import { streetsInScope } from './repository.js';
import type { DashboardFigure, DashboardView } from './schemas.js';

/** The year's key figures on the leaders' home page, by module (those not installed are skipped). */
export const KEY_FIGURES = [
  'enforcement.bureau.filed',
  'enforcement.bureau.penalty_yuan',
  'enforcement.streets.filed',
  'hotline.closed',
  'hotline.on_time_rate',
  'hotline.satisfaction_rate',
  'petitions.closed',
  'proposals.on_time_rate',
  'licensing.drainage.closed',
  'licensing.compression_rate',
  'legal.contracts_reviewed',
  'flood.person_times',
  'flood.risk_points.remediated',
  'rivers.not_black_odorous',
  'disclosure.credit_items',
  'litigation.received',
  'litigation.correction_rate',
  'decisions.made',
  'inspections.random_share',
] as const;

/** Monthly trend lines. */
export const TREND_METRICS = [
  'enforcement.bureau.filed',
  'enforcement.streets.filed',
  'hotline.closed',
  'petitions.closed',
  'licensing.drainage.closed',
] as const;

/** The streets compared on these figures. */
export const STREET_METRICS = ['enforcement.streets.filed', 'enforcement.streets.closed', 'enforcement.streets.penalty_yuan'] as const;

/** Dashboard metric keys of installed modules that no module registers (checked at start-up). */
export function unknownDashboardMetrics(metrics: { resolve(key: string): unknown }, moduleKeys: readonly string[]): string[] {
  const keys = new Set<string>([...KEY_FIGURES, ...TREND_METRICS, ...STREET_METRICS]);
  return [...keys].filter((k) => !metrics.resolve(k) && moduleKeys.includes(k.split('.')[0] ?? ''));
}

/**
 * The leaders' dashboard for a year, in the actor's data scope: key figures with
 * last year's values, monthly trends, open deadlines across modules, the streets
 * compared. Every number comes from the metric registry (drill: key + period + org).
 */
export async function dashboard(sys: System, ctx: Ctx, year: number): Promise<DashboardView> {
  const orgIds = ctx.actor.scope.all ? null : ctx.actor.scope.orgIds;
  const base: MetricQuery = metricQuery(ctx, yearPeriod(year), orgIds);
  const visible = new Map<string, MetricDef>(sys.registry.metrics.visibleTo(ctx.actor).map((d) => [d.key, d]));
  const pick = (keys: readonly string[]) => keys.map((k) => visible.get(k)).filter((d): d is MetricDef => !!d);

  // The figures additive over months — this year's, last year's (for the change) and the trends' twelve months —
  // are read from the monthly aggregates by one call (each series refreshed once, on the primary ctx.db); the
  // others are computed by the registry on the lag-tolerant reader.
  const keyDefs = pick(KEY_FIGURES);
  const trendDefs = pick(TREND_METRICS);
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const monthRanges = months.map((mth) => {
    const p = monthPeriod(year, mth);
    return { from: p.from, to: p.from };
  });
  const yearRange = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-01` });
  const fromMonths = await monthlyValues(
    ctx.db,
    { tenantIds: [ctx.actor.tenantId], orgIds },
    [...new Set([...keyDefs, ...trendDefs])],
    [yearRange(year), yearRange(year - 1), ...monthRanges],
  );
  const liveKeys = keyDefs.filter((d) => !fromMonths[d.key]);
  const [liveCur, livePrev] = await Promise.all([
    sys.registry.metrics.computeAll(base, liveKeys),
    sys.registry.metrics.computeAll({ ...base, period: yearPeriod(year - 1) }, liveKeys),
  ]);
  const figures: DashboardFigure[] = keyDefs.map((d) => {
    const monthly = fromMonths[d.key];
    const value = (monthly ? monthly[0] : liveCur[d.key]) ?? null;
    const previous = (monthly ? monthly[1] : livePrev[d.key]) ?? null;
    return { key: d.key, title: d.title, unit: d.unit, value, previous, change: yoyPhrase(value, previous, formatOf(d.unit)) };
  });

  // A trend with a monthly series: its 12 values from the same read; the others month by month.
  const trends = [];
  for (const d of trendDefs) {
    let values = fromMonths[d.key]?.slice(2);
    if (!values) {
      values = [];
      for (const mth of months) values.push(await d.query({ ...base, period: monthPeriod(year, mth) }));
    }
    trends.push({ key: d.key, title: d.title, values });
  }

  // Open deadlines counted in SQL (by module, overdue by unit) and the most pressing twenty.
  const open = await sys.calendar.openSummary(ctx, { urgent: 20 });
  const moduleTitles = new Map(sys.registry.modules.map((m) => [m.key, m.title]));

  const streets = await streetsInScope(ctx);
  const streetDefs = pick(STREET_METRICS);
  // A street's figures by the registry (metrics sharing a pass read their table once), the streets side by side.
  const comparison = await Promise.all(
    streets.map(async (s) => ({
      orgId: s.id,
      name: s.name,
      values: await sys.registry.metrics.computeAll({ ...base, orgIds: [s.id] }, streetDefs),
      overdue: open.overdueByOrg.get(s.id) ?? 0,
    })),
  );

  return {
    year,
    figures,
    trends: { months, series: trends },
    deadlines: {
      byModule: open.byModule.map((m) => ({ ...m, title: moduleTitles.get(m.module) ?? m.module })),
      urgent: open.urgent,
    },
    streets: { metrics: streetDefs.map((d) => ({ key: d.key, title: d.title, unit: d.unit })), rows: comparison },
  };
}
