/**
 * Monthly aggregates (issue #17 item 1; docs/architecture.md, “Figures”): a module declares a **monthly
 * series** — its rows (a table and a predicate), the date that buckets a row into a Beijing calendar month,
 * and additive aggregates over a month's rows (`count(*) FILTER (WHERE …)`, `sum(…)`) — and the kernel keeps
 * one row a bureau × unit × month × series in `metric_month` (kernel migration 0013).
 *
 * Maintained incrementally: a statement trigger of the module owning the table (with its transition tables,
 * so every write path — forms, imports, undo, the demo — is caught) marks the months its rows were or are
 * dated in (`metric_month_dirty`); a read first recomputes the marked months set-based, one statement a series
 * (`refreshMonthly`), and a bureau never built, or built by another definition of the series, whole. A metric
 * that is a function of a series' sums over the months of its period (counts and sums of rows dated in the
 * period, and ratios of them) declares its `monthly` part; the dashboard's trends and year-over-year figures
 * and the province roll-up read it from the aggregates (`monthlyValues`). A figure of
 * open work at a reference date is not additive over months and has no series.
 */
import crypto from 'node:crypto';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { KernelDB, OrgKind } from '../db/types.js';
import type { MetricDef, MetricValue, Period } from './registry.js';

/** A monthly series: additive aggregates of a table's rows by bureau, unit and the Beijing month of a date. */
export interface MonthlySeries {
  /** The key the aggregates and the dirty marks are stored under (the owning module's trigger writes it), e.g. `enf_case.filed`. */
  key: string;
  /** The rows' table; its `tenant_id` and `org_id` key the aggregates. */
  table: string;
  /** The series' rows among the table's (e.g. one kind of a shared table); omitted: all. */
  where?: RawBuilder<boolean>;
  /** The column dating a row into its month: a `timestamptz` (its Beijing date) or a `date`. A row whose date is NULL is in no month. */
  date: { column: string; type: 'instant' | 'date' };
  /** Additive aggregates by name over a month's rows (`count(*) FILTER (WHERE …)`, `sum(…)`); names are lower-case identifiers. */
  sums: Record<string, RawBuilder<unknown>>;
}

/** A metric read from a series: its value from the series' sums over the period's months and the query's units. */
export interface MetricMonthlyPart {
  series: MonthlySeries;
  /** Only the units of these kinds (a figure of the bureau's own side, or of the streets'); omitted: every unit. */
  orgKinds?: readonly OrgKind[];
  /** The metric's value from the summed aggregates (by the series' names; 0 where no row). */
  value(s: Readonly<Record<string, number>>): MetricValue;
}

/** Declares a series (checks its key and names). */
export function defineMonthlySeries(s: MonthlySeries): MonthlySeries {
  if (!/^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(s.key)) throw new Error(`monthly series key ${s.key} is not dotted lower-case`);
  for (const n of Object.keys(s.sums)) if (!/^[a-z][a-z0-9_]*$/.test(n)) throw new Error(`monthly series ${s.key}: aggregate name ${n} is not an identifier`);
  return s;
}

/** The first days of the months a period covers, when it is made of whole calendar months; null otherwise. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): string[] | null {
  if (!period.from.endsWith('-01')) return null;
  const [y, m, d] = period.to.split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(y, m, 0)).getUTCDate() !== d) return null;
  const out: string[] = [];
  for (let cur = period.from; cur <= period.to; ) {
    out.push(cur);
    const [cy, cm] = cur.split('-').map(Number) as [number, number];
    cur = cm === 12 ? `${cy + 1}-01-01` : `${cy}-${String(cm + 1).padStart(2, '0')}-01`;
  }
  return out;
}

/** The Beijing month (its first day) of a series' row, in SQL. */
function monthOfRow(s: MonthlySeries) {
  const c = sql.ref(s.date.column);
  return s.date.type === 'instant' ? sql<string>`date_trunc('month', ${c} AT TIME ZONE 'Asia/Shanghai')::date` : sql<string>`date_trunc('month', ${c})::date`;
}

/** The series' rows dated in the month `m` (a date column of the statement), as a range on the column an index can serve. */
function inMonth(s: MonthlySeries, m: RawBuilder<unknown>) {
  const c = sql.ref(s.date.column);
  return s.date.type === 'instant'
    ? sql<boolean>`${c} >= (${m}::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${c} < ((${m} + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai')`
    : sql<boolean>`${c} >= ${m} AND ${c} < (${m} + interval '1 month')::date`;
}

/** `jsonb_build_object('name', coalesce(agg, 0), …)` of the series' aggregates. */
function sumsObject(s: MonthlySeries) {
  return sql`jsonb_build_object(${sql.join(Object.entries(s.sums).map(([n, e]) => sql`${sql.lit(n)}, coalesce(${e}, 0)`))})`;
}

const rowsWhere = (s: MonthlySeries) => s.where ?? sql<boolean>`true`;

/** The definition's fingerprint: a change of its SQL rebuilds every bureau's rows of the series. */
function versionOf(db: Kysely<KernelDB>, s: MonthlySeries): string {
  const c = sql`${sql.lit(s.table)} ${rowsWhere(s)} ${monthOfRow(s)} ${sumsObject(s)}`.compile(db);
  return crypto
    .createHash('sha256')
    .update(`${c.sql}\u0000${JSON.stringify(c.parameters)}`)
    .digest('hex')
    .slice(0, 16);
}

const tenantFilter = (col: string, tenantIds: readonly string[] | null) =>
  tenantIds ? sql`${sql.ref(col)} = ANY(${sql.val([...tenantIds])}::uuid[])` : sql`true`;

/**
 * Brings a series' aggregates up to date for some bureaus (null: every bureau): rebuilds the bureaus never
 * built (or built by another definition) from all their rows, then recomputes the months marked since, one
 * statement for all of them. Refreshes of a series and bureau are serialized by an advisory lock, so an older
 * refresh cannot overwrite a newer one. Writes: give it the primary database (or the caller's transaction),
 * never a replica.
 */
export async function refreshMonthly(db: Kysely<KernelDB>, s: MonthlySeries, tenantIds: readonly string[] | null): Promise<void> {
  if (tenantIds && tenantIds.length === 0) return;
  const version = versionOf(db, s);
  const check = await sql<{ unbuilt: string[] | null; dirty: boolean }>`
    SELECT (SELECT array_agg(t.id) FROM tenant t
             LEFT JOIN metric_month_state st ON st.tenant_id = t.id AND st.series = ${s.key}
             WHERE ${tenantFilter('t.id', tenantIds)} AND st.version IS DISTINCT FROM ${version}) AS unbuilt,
           EXISTS (SELECT 1 FROM metric_month_dirty d WHERE d.series = ${s.key} AND ${tenantFilter('d.tenant_id', tenantIds)}) AS dirty`.execute(db);
  const { unbuilt, dirty } = check.rows[0] ?? { unbuilt: null, dirty: false };
  if (!unbuilt?.length && !dirty) return;
  const run = async (tx: Kysely<KernelDB>) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${s.key}), hashtext(t::text))
              FROM (SELECT id AS t FROM tenant WHERE ${tenantFilter('id', tenantIds)} ORDER BY id) AS ts`.execute(tx);
    if (unbuilt?.length) await rebuild(tx, s, unbuilt, version);
    await refreshDirty(tx, s, tenantIds);
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
}

/** Rebuilds whole bureaus' rows of a series, and records the definition they were built with. */
async function rebuild(tx: Kysely<KernelDB>, s: MonthlySeries, tenantIds: readonly string[], version: string): Promise<void> {
  const t = sql.ref(`${s.table}.tenant_id`);
  // Marks committed before this point are covered by the rebuild below (a later statement, a later snapshot).
  await sql`DELETE FROM metric_month_dirty WHERE series = ${s.key} AND ${tenantFilter('tenant_id', tenantIds)}`.execute(tx);
  await sql`DELETE FROM metric_month WHERE series = ${s.key} AND ${tenantFilter('tenant_id', tenantIds)}`.execute(tx);
  await sql`
    INSERT INTO metric_month (tenant_id, series, org_id, month, sums)
    SELECT ${t}, ${s.key}, ${sql.ref(`${s.table}.org_id`)}, ${monthOfRow(s)}, ${sumsObject(s)}
    FROM ${sql.table(s.table)}
    WHERE ${tenantFilter(`${s.table}.tenant_id`, tenantIds)} AND ${sql.ref(s.date.column)} IS NOT NULL AND ${rowsWhere(s)}
    GROUP BY 1, 3, 4`.execute(tx);
  await sql`
    INSERT INTO metric_month_state (tenant_id, series, version, built_at)
    SELECT t, ${s.key}, ${version}, now() FROM unnest(${sql.val([...tenantIds])}::uuid[]) AS t
    ON CONFLICT (tenant_id, series) DO UPDATE SET version = excluded.version, built_at = excluded.built_at`.execute(tx);
}

/**
 * Recomputes the marked months of a series by one statement: it removes the marks it sees (committed before
 * it began, so it sees their rows too), computes those months' aggregates by unit, upserts them and deletes
 * the units' rows of those months that no longer have any row.
 */
async function refreshDirty(tx: Kysely<KernelDB>, s: MonthlySeries, tenantIds: readonly string[] | null): Promise<void> {
  const t = sql.ref(`${s.table}.tenant_id`);
  await sql`
    WITH d AS (DELETE FROM metric_month_dirty WHERE series = ${s.key} AND ${tenantFilter('tenant_id', tenantIds)} RETURNING tenant_id, month),
    m AS (SELECT DISTINCT tenant_id, month FROM d),
    fresh AS (
      SELECT m.tenant_id, x.org_id, m.month, x.sums
      FROM m CROSS JOIN LATERAL (
        -- A month of a bureau at a time (LATERAL): the range on the date column its index serves, never a scan of the table.
        SELECT ${sql.ref(`${s.table}.org_id`)} AS org_id, ${sumsObject(s)} AS sums
        FROM ${sql.table(s.table)}
        WHERE ${t} = m.tenant_id AND ${inMonth(s, sql`m.month`)} AND ${rowsWhere(s)}
        GROUP BY 1
      ) AS x
    ),
    gone AS (
      DELETE FROM metric_month mm USING m
      WHERE mm.tenant_id = m.tenant_id AND mm.series = ${s.key} AND mm.month = m.month
        AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.tenant_id = mm.tenant_id AND f.org_id = mm.org_id AND f.month = mm.month)
    )
    INSERT INTO metric_month (tenant_id, series, org_id, month, sums)
    SELECT tenant_id, ${s.key}, org_id, month, sums FROM fresh
    ON CONFLICT (tenant_id, series, month, org_id) DO UPDATE SET sums = excluded.sums`.execute(tx);
}

/** A series' sums by month and unit kind, over some bureaus (null: all), months and units (null: all). */
export async function readMonthly(
  db: Kysely<KernelDB>,
  s: MonthlySeries,
  o: { tenantIds: readonly string[] | null; from: string; to: string; orgIds: readonly string[] | null },
): Promise<Array<{ month: string; kind: OrgKind; sums: Record<string, number> }>> {
  const names = Object.keys(s.sums);
  const r = await sql<Record<string, unknown>>`
    SELECT to_char(mm.month, 'YYYY-MM-DD') AS month, o.kind,
           ${sql.join(names.map((n) => sql`sum((mm.sums ->> ${n})::numeric) AS ${sql.id(n)}`))}
    FROM metric_month mm JOIN org o ON o.tenant_id = mm.tenant_id AND o.id = mm.org_id
    WHERE mm.series = ${s.key} AND ${tenantFilter('mm.tenant_id', o.tenantIds)} AND mm.month >= ${o.from}::date AND mm.month <= ${o.to}::date
      ${o.orgIds ? sql`AND mm.org_id = ANY(${sql.val([...o.orgIds])}::uuid[])` : sql``}
    GROUP BY 1, 2`.execute(db);
  return r.rows.map((row) => ({
    month: String(row.month),
    kind: row.kind as OrgKind,
    sums: Object.fromEntries(names.map((n) => [n, Number(row[n] ?? 0)])),
  }));
}

/** A metric with a monthly part. */
type MonthlyMetric = MetricDef & { monthly: MetricMonthlyPart };

/** The metrics of a list that have a monthly part. */
export const withMonthly = (defs: readonly MetricDef[]): MonthlyMetric[] => defs.filter((d): d is MonthlyMetric => !!d.monthly);

/**
 * The values of metrics with a monthly part over each of some month ranges (first days, inclusive), in some
 * bureaus (null: every bureau) and units (null: all), from the aggregates: each series refreshed, then read by
 * one statement over all the ranges. `db` is where the refresh writes (the primary, or the caller's
 * transaction). `{ key: [value per range] }`.
 */
export async function monthlyValues(
  db: Kysely<KernelDB>,
  scope: { tenantIds: readonly string[] | null; orgIds: readonly string[] | null },
  defs: readonly MetricDef[],
  ranges: ReadonlyArray<{ from: string; to: string }>,
): Promise<Record<string, MetricValue[]>> {
  const parts = withMonthly(defs);
  const out: Record<string, MetricValue[]> = {};
  if (!parts.length || !ranges.length) return out;
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
  const from = ranges.reduce((a, r) => (r.from < a ? r.from : a), ranges[0]!.from);
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
  const to = ranges.reduce((a, r) => (r.to > a ? r.to : a), ranges[0]!.to);
  const bySeries = new Map<string, Awaited<ReturnType<typeof readMonthly>>>();
  for (const d of parts) {
    const s = d.monthly.series;
    if (bySeries.has(s.key)) continue;
    await refreshMonthly(db, s, scope.tenantIds);
    bySeries.set(s.key, await readMonthly(db, s, { ...scope, from, to }));
  }
  for (const d of parts) {
    const rows = bySeries.get(d.monthly.series.key)!;
    const kinds = d.monthly.orgKinds;
    out[d.key] = ranges.map((g) => {
      const acc: Record<string, number> = Object.fromEntries(Object.keys(d.monthly.series.sums).map((n) => [n, 0]));
      for (const r of rows) {
        if (r.month < g.from || r.month > g.to || (kinds && !kinds.includes(r.kind))) continue;
        for (const [k, v] of Object.entries(r.sums)) acc[k] = (acc[k] ?? 0) + v;
      }
      return d.monthly.value(acc);
    });
  }
  return out;
}
