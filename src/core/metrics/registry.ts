import type { Kysely } from 'kysely';
import type { KernelDB } from '../db/types.js';
import type { Actor } from '../context.js';

/** A period: inclusive ISO dates, by default a calendar year in Asia/Shanghai. */
export interface Period {
  from: string;
  to: string;
  label: string;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
}

/** What a metric is computed for: a tenant, a period and an org scope (null = every org of the tenant). */
export interface MetricQuery {
  db: Kysely<KernelDB>;
  tenantId: string;
  period: Period;
  /** Restrict to these orgs (a street user's scope, or `--org`); null for the whole bureau with its streets. */
  orgIds: readonly string[] | null;
}

export type MetricUnit = 'count' | 'percent' | 'yuan' | 'days' | 'class' | 'score';

export const UNIT_LABELS: Record<MetricUnit, string> = { count: '', percent: '%', yuan: '元', days: '个工作日', class: '', score: '分' };

export type MetricValue = number | string | null;

/** A drill-down: the records behind the figure, with columns to show them. */
export interface DrillResult {
  columns: Array<{ key: string; title: string }>;
  rows: Array<Record<string, unknown>>;
  /** How many records make up the figure (the drill's own count; equals the value for counts). */
  total: number;
  /** Where the UI can open a record: a route with `:id` (e.g. `/enforcement/cases/:id`). */
  recordRoute?: string;
}

/**
 * A metric: a named, documented statistic computed by one query for a period and
 * scope, with a drill-down returning the records behind it (METRICS.md is the catalogue).
 */
export interface MetricDef {
  key: string;
  title: string;
  unit: MetricUnit;
  /** The definition in words, as METRICS.md states it. */
  definition: string;
  /** Permission needed to read the metric and its records. */
  permission?: string;
  query(q: MetricQuery): Promise<MetricValue>;
  drill(q: MetricQuery): Promise<DrillResult>;
}

/** Declares a metric (typed identity; the registry checks keys are unique). */
export function defineMetric(def: MetricDef): MetricDef {
  if (!/^[a-z0-9_]+(\.[a-z0-9_<>\u4e00-\u9fa5]+)+$/.test(def.key)) throw new Error(`metric key ${def.key} is not dotted lower-case`);
  return def;
}

/** Rounds a percentage to two decimals; null when there is no denominator. */
export function percent(num: number, den: number): number | null {
  if (!den) return null;
  return Math.round((num / den) * 10000) / 100;
}

/** Fen → yuan with two decimals. */
export const fenToYuan = (fen: number) => Math.round(fen) / 100;

/** The registry: all metrics from all manifests, by key. */
export class MetricRegistry {
  private readonly byKey = new Map<string, MetricDef>();

  constructor(defs: readonly MetricDef[]) {
    for (const d of defs) {
      if (this.byKey.has(d.key)) throw new Error(`metric ${d.key} declared twice`);
      this.byKey.set(d.key, d);
    }
  }

  list(): MetricDef[] {
    return [...this.byKey.values()];
  }

  get(key: string): MetricDef | undefined {
    return this.byKey.get(key);
  }

  /** Metrics visible to an actor (those without a permission are visible to every signed-in user). */
  visibleTo(actor: Actor): MetricDef[] {
    return this.list().filter((m) => !m.permission || actor.permissions.has(m.permission));
  }

  /** Computes every metric (or the given ones) for a query: `{ key: value }`. */
  async computeAll(q: MetricQuery, defs: readonly MetricDef[] = this.list()): Promise<Record<string, MetricValue>> {
    const out: Record<string, MetricValue> = {};
    for (const d of defs) out[d.key] = await d.query(q);
    return out;
  }
}
