import type { Kysely } from 'kysely';
import type { KernelDB } from '../db/types.js';
import { lagTolerantDb, type Actor, type Clock, type Ctx } from '../context.js';
import type { WorkCalendar } from '../calendar/calendar.js';
import { computePass, type MetricPass, type MetricPassPart, type PassMember } from './pass.js';
import type { MetricMonthlyPart } from './monthly.js';

/** A period: inclusive ISO dates, by default a calendar year in Asia/Shanghai. */
export interface Period {
  from: string;
  to: string;
  label: string;
}

export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
}

/** A calendar month (1–12) of a year. */
export function monthPeriod(year: number, month: number): Period {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}`, label: `${year}年${month}月` };
}

/** What a metric is computed for: a tenant, a period and an org scope (null = every org of the tenant). */
export interface MetricQuery {
  db: Kysely<KernelDB>;
  tenantId: string;
  period: Period;
  /** Restrict to these orgs (a street user's scope, or `--org`); null for the whole bureau with its streets. */
  orgIds: readonly string[] | null;
  /** The working-day calendar with the admin's overrides (working-day comparisons). */
  calendar: WorkCalendar;
  /** The clock: figures of open work are judged on today for a period not yet over. */
  clock: Clock;
}

/**
 * The query of a context's tenant for a period (and an org scope; null = the whole bureau). Figures
 * tolerate replication lag: they read the replica when there is one (`lagTolerantDb`), the
 * transaction when the context is inside one.
 */
export function metricQuery(ctx: Ctx, period: Period, orgIds: readonly string[] | null = null): MetricQuery {
  return { db: lagTolerantDb(ctx), tenantId: ctx.actor.tenantId, period, orgIds, calendar: ctx.calendar, clock: ctx.clock };
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
  /**
   * For a figure that sums a column over its records (person-times, pump uses):
   * the column whose sum over `rows` equals the figure.
   */
  sumOf?: string;
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
  /**
   * The pass the metric belongs to (src/core/metrics/pass.ts): metrics of the same pass are computed
   * by one statement when the registry computes several at once; `query` computes the metric alone.
   */
  pass?: MetricPassPart;
  /**
   * For a figure additive over months (counts and sums of rows dated in the period, ratios of them): the
   * monthly series it is read from by the dashboard's trends, the year-over-year figures and the province
   * roll-up (src/core/metrics/monthly.ts); `query` still computes it from the records.
   */
  monthly?: MetricMonthlyPart;
}

/** A metric computed by a pass: `query` is the pass's statement for this metric alone. */
export type PassMetricDef = Omit<MetricDef, 'query' | 'pass'> & { pass: MetricPassPart };

/**
 * A metric family: one metric per member that the data names — e.g.
 * `rivers.section_class.<section>`, one key per monitoring section in the
 * register. `members` lists the suffixes for a query; `member(suffix)` gives the
 * metric for one of them.
 */
export interface MetricFamilyDef {
  /** The common prefix, e.g. `rivers.section_class`; member keys are `${prefix}.${suffix}`. */
  prefix: string;
  title: string;
  unit: MetricUnit;
  definition: string;
  permission?: string;
  members(q: MetricQuery): Promise<string[]>;
  query(q: MetricQuery, member: string): Promise<MetricValue>;
  drill(q: MetricQuery, member: string): Promise<DrillResult>;
}

export function defineMetricFamily(def: MetricFamilyDef): MetricFamilyDef {
  if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(def.prefix)) throw new Error(`metric family prefix ${def.prefix} is not dotted lower-case`);
  return def;
}

/** The metric of one family member (title `${family title}：${member}`). */
export function familyMember(f: MetricFamilyDef, member: string): MetricDef {
  return {
    key: `${f.prefix}.${member}`,
    title: `${f.title}：${member}`,
    unit: f.unit,
    definition: f.definition,
    permission: f.permission,
    query: (q) => f.query(q, member),
    drill: (q) => f.drill(q, member),
  };
}

/**
 * Declares a metric (typed identity; the registry checks keys are unique). A metric of a pass gives
 * no `query`: its query is the pass's statement with it as the only member.
 */
export function defineMetric(def: MetricDef | PassMetricDef): MetricDef {
  if (!/^[a-z0-9_]+(\.[a-z0-9_<>\u4e00-\u9fa5]+)+$/.test(def.key)) throw new Error(`metric key ${def.key} is not dotted lower-case`);
  if ('query' in def) return def;
  const { key, pass } = def;
  return { ...def, query: async (q) => (await computePass(q, pass.pass, [{ key, pass }]))[key] ?? null };
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
  private readonly families = new Map<string, MetricFamilyDef>();

  constructor(defs: readonly MetricDef[], families: readonly MetricFamilyDef[] = []) {
    for (const d of defs) {
      if (this.byKey.has(d.key)) throw new Error(`metric ${d.key} declared twice`);
      this.byKey.set(d.key, d);
    }
    for (const f of families) {
      if (this.families.has(f.prefix)) throw new Error(`metric family ${f.prefix} declared twice`);
      this.families.set(f.prefix, f);
    }
  }

  /** The declared families. */
  familyList(): MetricFamilyDef[] {
    return [...this.families.values()];
  }

  /** The static metrics plus every family's members for this query (members depend on the data). */
  async expand(q: MetricQuery, actor?: Actor): Promise<MetricDef[]> {
    const out = actor ? this.visibleTo(actor) : this.list();
    for (const f of this.families.values()) {
      if (actor && f.permission && !actor.permissions.has(f.permission)) continue;
      for (const m of await f.members(q)) out.push(familyMember(f, m));
    }
    return out;
  }

  /** A metric by key: a static one, or a family member (`prefix.member`). */
  resolve(key: string): MetricDef | undefined {
    const d = this.byKey.get(key);
    if (d) return d;
    for (const f of this.families.values()) {
      if (key.startsWith(`${f.prefix}.`) && key.length > f.prefix.length + 1) return familyMember(f, key.slice(f.prefix.length + 1));
    }
    return undefined;
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

  /**
   * Computes every metric (static and family members, or the given ones) for a query: `{ key: value }`,
   * in the order given. The metrics of a pass are computed together, one statement a pass (each table
   * read once for the period); the others one by one.
   */
  async computeAll(q: MetricQuery, defs?: readonly MetricDef[]): Promise<Record<string, MetricValue>> {
    defs ??= await this.expand(q);
    const passes = new Map<string, { pass: MetricPass; members: PassMember[] }>();
    for (const d of defs) {
      if (!d.pass) continue;
      const g = passes.get(d.pass.pass.id) ?? { pass: d.pass.pass, members: [] };
      g.members.push({ key: d.key, pass: d.pass });
      passes.set(d.pass.pass.id, g);
    }
    const byPass: Record<string, MetricValue> = {};
    for (const g of passes.values()) Object.assign(byPass, await computePass(q, g.pass, g.members));
    const out: Record<string, MetricValue> = {};
    for (const d of defs) out[d.key] = d.pass ? (byPass[d.key] ?? null) : await d.query(q);
    return out;
  }
}
