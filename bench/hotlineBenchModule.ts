/**
 * A stand-in for the 12345 hotline module, for the benchmark only (`npm run bench`).
 *
 * The real hotline module does not exist yet; this one has its shape: a table
 * `bench_hotline_order`, the `hotline-orders` ledger of LEDGERS.md (same headers, under the
 * key `bench-hotline-orders`) and three of METRICS.md's hotline figures under `bench.hotline.*`.
 * When src/modules/hotline lands, bench/main.ts switches to it with one line (see `SUBJECT`
 * there and docs/benchmark.md) and this file can stay as the reference floor.
 *
 * The import writes rows in multi-row INSERTs (default 1 000 rows a statement) and one audit
 * event per row through `w.auditMany`, and records where its time goes in `profile`.
 */
import crypto from 'node:crypto';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { defineModule, sqlMigrations, type ModuleDef } from '../src/core/module.js';
import type { LedgerDef, RowError } from '../src/core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../src/core/ledger/spec.js';
import { defineMetric, percent, type MetricDef, type MetricQuery } from '../src/core/metrics/registry.js';
import { createCalendar, addDays, type WorkCalendar } from '../src/core/calendar/calendar.js';
import { orgsByName } from '../src/core/orgs.js';
import type { AuditInput } from '../src/core/audit/audit.js';
import type { Ctx } from '../src/core/context.js';

// ---------------------------------------------------------------------------
// The ledger spec: LEDGERS.md `hotline-orders` (12345工单台账)

export const hotlineSpec = defineLedgerSpec({
  key: 'bench-hotline-orders',
  title: '12345工单台账',
  columns: [
    { key: 'orderNo', header: '工单编号', type: 'text', required: true, example: 'GD202203010000123' },
    { key: 'receivedAt', header: '受理时间', type: 'datetime', required: true, example: '2022-03-01 09:12' },
    { key: 'type', header: '诉求类型', type: 'enum', enum: ['投诉', '举报', '求助', '咨询', '建议', '其他'] },
    { key: 'content', header: '诉求内容', type: 'text' },
    { key: 'org', header: '承办单位', type: 'text', required: true, example: '五山街道', note: '填写系统中已有单位的名称' },
    {
      key: 'timeLimit',
      header: '办理时限',
      type: 'int',
      required: true,
      example: '5',
      note: '工作日数',
      validate: (v) => (v < 1 || v > 365 ? '办理时限应为1至365个工作日' : undefined),
    },
    { key: 'closedAt', header: '办结时间', type: 'datetime' },
    { key: 'repliedAt', header: '回复时间', type: 'datetime' },
    { key: 'satisfaction', header: '满意度', type: 'enum', enum: ['满意', '基本满意', '不满意', '未评价'] },
  ],
  // Canonical datetimes share the +08:00 offset, so they compare as strings.
  checkRow: (r) => {
    const issues: Array<{ key: 'closedAt' | 'repliedAt'; message: string }> = [];
    if (r.closedAt !== null && r.closedAt < r.receivedAt) issues.push({ key: 'closedAt', message: '办结时间不能早于受理时间' });
    if (r.repliedAt !== null && r.repliedAt < r.receivedAt) issues.push({ key: 'repliedAt', message: '回复时间不能早于受理时间' });
    return issues;
  },
});

export type HotlineRow = RowOf<typeof hotlineSpec>;

// ---------------------------------------------------------------------------
// Options and the import profile

/**
 * How importRows writes the rows:
 * - `values`: multi-row `INSERT … VALUES ($1,…),(…)` built by hand (one Kysely `CompiledQuery.raw`);
 * - `kysely`: the idiomatic `insertInto(…).values([…])` (Kysely builds and compiles the tree);
 * - `unnest`: `INSERT … SELECT … FROM unnest($2::uuid[], …)`: one array parameter per column.
 */
export type InsertStrategy = 'values' | 'kysely' | 'unnest';
/** How `bench.hotline.on_time_rate` counts: due dates in SQL (calendar passed as arrays) or in JS over fetched dates. */
export type OnTimeStrategy = 'sql' | 'js';

export interface HotlineBenchOptions {
  insert?: InsertStrategy;
  /**
   * Rows per INSERT statement and per `auditMany` call (default 1 000). With `values` and `kysely`
   * a statement carries 10–11 parameters a row: keep it under 32 767 parameters, PGlite's limit.
   */
  batch?: number;
  onTime?: OnTimeStrategy;
  /** Record one audit event per row (default true; false shows what the audit costs). */
  audit?: boolean;
  /**
   * What each row's event carries: `row` (default) the created values as `after` (field-level
   * history, as services record it); `ref` only `note: { via, row }`, leaving the values to the
   * imported file (what a lighter import event would cost).
   */
  auditPayload?: 'row' | 'ref';
}

/** Where importRows spent its time (milliseconds), filled on every import. */
export interface ImportProfile {
  /** performance.now() when the engine called importRows (after reading and parsing the file, inside the transaction). */
  enteredAt: number;
  /** performance.now() when importRows returned (the engine then writes its own event and commits). */
  returnedAt: number;
  /** Org names and existing 工单编号 looked up. */
  lookupMs: number;
  /** Row checks in JS (承办单位 known, 工单编号 unique). */
  checkMs: number;
  /** Building INSERT statements and their parameters (incl. Kysely compile for `kysely`). */
  insertBuildMs: number;
  /** Running the INSERTs. */
  insertExecMs: number;
  /** Building the audit inputs (one per row). */
  auditInputMs: number;
  /** `w.auditMany`: lock, hash chain, batched inserts into audit_event. */
  auditMs: number;
  statements: number;
}

const emptyProfile = (): ImportProfile => ({
  enteredAt: 0,
  returnedAt: 0,
  lookupMs: 0,
  checkMs: 0,
  insertBuildMs: 0,
  insertExecMs: 0,
  auditInputMs: 0,
  auditMs: 0,
  statements: 0,
});

// ---------------------------------------------------------------------------
// Import

const TABLE = 'bench_hotline_order';
const COLUMNS = ['tenant_id', 'id', 'org_id', 'order_no', 'received_at', 'type', 'content', 'time_limit', 'closed_at', 'replied_at', 'satisfaction'] as const;
/** Per-row columns (tenant_id is one shared parameter, $1). */
const ROW_COLUMNS = COLUMNS.length - 1;
const UNNEST_TYPES = ['uuid', 'uuid', 'text', 'timestamptz', 'text', 'text', 'int', 'timestamptz', 'timestamptz', 'text'] as const;

interface Prepared {
  rowNumber: number;
  id: string;
  orgId: string;
  value: HotlineRow;
}

const rowValues = (p: Prepared): unknown[] => {
  const v = p.value;
  return [p.id, p.orgId, v.orderNo, v.receivedAt, v.type, v.content, v.timeLimit, v.closedAt, v.repliedAt, v.satisfaction];
};

/** `($1,$2,…,$11),($1,$12,…)` for n rows; cached per n. */
const valuesText = new Map<number, string>();
function valuesSql(n: number): string {
  let text = valuesText.get(n);
  if (!text) {
    const tuples: string[] = [];
    for (let r = 0; r < n; r++) {
      const ps = Array.from({ length: ROW_COLUMNS }, (_, c) => `$${2 + r * ROW_COLUMNS + c}`);
      tuples.push(`($1,${ps.join(',')})`);
    }
    text = `INSERT INTO ${TABLE} (${COLUMNS.join(',')}) VALUES ${tuples.join(',')}`;
    valuesText.set(n, text);
  }
  return text;
}

const UNNEST_SQL = `INSERT INTO ${TABLE} (${COLUMNS.join(',')}) SELECT $1, u.* FROM unnest(${UNNEST_TYPES.map((t, i) => `$${i + 2}::${t}[]`).join(', ')}) AS u`;

function buildInsert(tx: Kysely<any>, strategy: InsertStrategy, tenantId: string, batch: readonly Prepared[]): CompiledQuery {
  switch (strategy) {
    case 'values': {
      const params: unknown[] = [tenantId];
      for (const p of batch) params.push(...rowValues(p));
      return CompiledQuery.raw(valuesSql(batch.length), params);
    }
    case 'unnest': {
      const cols: unknown[][] = Array.from({ length: ROW_COLUMNS }, () => []);
      for (const p of batch) for (const [i, v] of rowValues(p).entries()) cols[i]!.push(v);
      return CompiledQuery.raw(UNNEST_SQL, [tenantId, ...cols]);
    }
    case 'kysely':
      return tx
        .insertInto(TABLE)
        .values(
          batch.map((p) => {
            const v = p.value;
            return {
              tenant_id: tenantId,
              id: p.id,
              org_id: p.orgId,
              order_no: v.orderNo,
              received_at: v.receivedAt,
              type: v.type,
              content: v.content,
              time_limit: v.timeLimit,
              closed_at: v.closedAt,
              replied_at: v.repliedAt,
              satisfaction: v.satisfaction,
            };
          }),
        )
        .compile();
  }
}

function auditInput(p: Prepared, payload: 'row' | 'ref'): AuditInput {
  const v = p.value;
  const note = { via: `ledger:${hotlineSpec.key}`, row: p.rowNumber };
  if (payload === 'ref') return { entity: 'bench.hotline_order', entityId: p.id, action: 'imported', orgId: p.orgId, note };
  return {
    entity: 'bench.hotline_order',
    entityId: p.id,
    action: 'imported',
    orgId: p.orgId,
    after: {
      order_no: v.orderNo,
      received_at: v.receivedAt,
      type: v.type,
      content: v.content,
      org_id: p.orgId,
      time_limit: v.timeLimit,
      closed_at: v.closedAt,
      replied_at: v.repliedAt,
      satisfaction: v.satisfaction,
    },
    note,
  };
}

function hotlineLedger(opts: Required<HotlineBenchOptions>, profile: ImportProfile): LedgerDef<HotlineRow> {
  return {
    spec: hotlineSpec,
    readPermission: 'bench.hotline.read',
    writePermission: 'bench.hotline.manage',
    async commit({ ctx, w }, rows) {
      Object.assign(profile, emptyProfile(), { enteredAt: performance.now() });
      const tenantId = ctx.actor.tenantId;
      const tx = w.tx as unknown as Kysely<any>; // the module's tables are not in KernelDB
      let t = performance.now();

      const orgs = await orgsByName(w.tx, tenantId);
      const existing = new Set<string>();
      for (let i = 0; i < rows.length; i += 10_000) {
        const nos = rows.slice(i, i + 10_000).map((r) => r.value.orderNo);
        const found = await sql<{
          order_no: string;
        }>`SELECT order_no FROM bench_hotline_order WHERE tenant_id = ${tenantId} AND order_no = ANY(${nos})`.execute(tx);
        for (const r of found.rows) existing.add(r.order_no);
      }
      profile.lookupMs += performance.now() - t;
      t = performance.now();

      const errors: RowError[] = [];
      const seen = new Map<string, number>();
      const prepared: Prepared[] = [];
      for (const { rowNumber, value } of rows) {
        const org = orgs.get(value.org);
        if (!org)
          errors.push({
            row: rowNumber,
            column: '承办单位',
            message: `单位“${value.org}”不存在：请先在单位台账中添加，或改为已有单位的名称`,
            value: value.org,
          });
        const dup = seen.get(value.orderNo);
        if (dup !== undefined) errors.push({ row: rowNumber, column: '工单编号', message: `与第${dup}行重复`, value: value.orderNo });
        else seen.set(value.orderNo, rowNumber);
        if (existing.has(value.orderNo)) errors.push({ row: rowNumber, column: '工单编号', message: '系统中已有此工单编号', value: value.orderNo });
        if (org) prepared.push({ rowNumber, id: crypto.randomUUID(), orgId: org.id, value });
      }
      profile.checkMs += performance.now() - t;
      if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };

      for (let i = 0; i < prepared.length; i += opts.batch) {
        const batch = prepared.slice(i, i + opts.batch);
        t = performance.now();
        const q = buildInsert(tx, opts.insert, tenantId, batch);
        profile.insertBuildMs += performance.now() - t;
        t = performance.now();
        await tx.executeQuery(q);
        profile.insertExecMs += performance.now() - t;
        profile.statements++;
        if (opts.audit) {
          t = performance.now();
          const inputs = batch.map((p) => auditInput(p, opts.auditPayload));
          profile.auditInputMs += performance.now() - t;
          t = performance.now();
          await w.auditMany(inputs);
          profile.auditMs += performance.now() - t;
        }
      }
      profile.returnedAt = performance.now();
      return { created: prepared.length, updated: 0, unchanged: 0, errors: [] };
    },
    async exportRows(ctx: Ctx) {
      const scope = ctx.actor.scope;
      const ts = (col: string) => sql.raw(`to_char(o.${col} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD"T"HH24:MI":00+08:00"')`);
      const r = await sql<HotlineRow>`
        SELECT o.order_no AS "orderNo", ${ts('received_at')} AS "receivedAt", o.type, o.content, g.name AS org,
               o.time_limit AS "timeLimit", ${ts('closed_at')} AS "closedAt", ${ts('replied_at')} AS "repliedAt", o.satisfaction
        FROM bench_hotline_order o JOIN org g ON g.tenant_id = o.tenant_id AND g.id = o.org_id
        WHERE o.tenant_id = ${ctx.actor.tenantId} ${scope.all ? sql`` : sql`AND o.org_id = ANY(${[...scope.orgIds]}::uuid[])`}
        ORDER BY o.received_at, o.order_no`.execute(ctx.db);
      return r.rows;
    },
  };
}

// ---------------------------------------------------------------------------
// Metrics: METRICS.md hotline.closed, hotline.on_time_rate, hotline.reply_rate

/** The period's bounds as instants (Asia/Shanghai): [from 00:00, day after `to` 00:00). */
const bounds = (q: MetricQuery) => ({ from: `${q.period.from}T00:00:00+08:00`, to: `${addDays(q.period.to, 1)}T00:00:00+08:00` });

/** Orders closed in the period, in the query's org scope (`alias`: the table's alias in a join). */
const closedWhere = (q: MetricQuery, alias = '') => {
  const b = bounds(q);
  const c = (name: string) => sql.raw(`${alias ? `${alias}.` : ''}${name}`);
  const scope = q.orgIds ? sql`AND ${c('org_id')} = ANY(${[...q.orgIds]}::uuid[])` : sql``;
  return sql`${c('tenant_id')} = ${q.tenantId} AND ${c('closed_at')} >= ${b.from}::timestamptz AND ${c('closed_at')} < ${b.to}::timestamptz ${scope}`;
};

/**
 * The working-day calendar as the running system sees it: chinese-days plus the override table.
 * (MetricQuery carries no calendar, so the metric rebuilds it; see docs/benchmark.md.)
 */
async function loadCalendar(db: Kysely<any>): Promise<WorkCalendar> {
  const overrides = await sql<{
    date: string;
    kind: 'workday' | 'holiday';
    name: string | null;
  }>`SELECT date::text AS date, kind, name FROM calendar_override`.execute(db);
  return createCalendar({ overrides: overrides.rows.map((o) => ({ date: o.date, kind: o.kind, name: o.name ?? undefined })) });
}

export interface OnTimeCounts {
  closed: number;
  onTime: number;
}

/**
 * On time = closed on or before the 时限-th working day after the 受理 date (that day not counted),
 * both dates in Asia/Shanghai. In SQL: the kernel calendar is passed as three arrays — every day
 * from the earliest 受理 date to the period's end, the number of working days up to each, and
 * the working days in order — so the due date is `workdays[ordinal(受理日) + 时限]`.
 */
export async function onTimeSql(q: MetricQuery): Promise<OnTimeCounts> {
  const db = q.db as unknown as Kysely<any>;
  const first = await sql<{
    d: string | null;
  }>`SELECT min((received_at AT TIME ZONE 'Asia/Shanghai')::date)::text AS d FROM bench_hotline_order WHERE ${closedWhere(q)}`.execute(db);
  const start = first.rows[0]?.d;
  if (!start) return { closed: 0, onTime: 0 };
  const cal = await loadCalendar(db);
  const days: string[] = [];
  const ordinals: number[] = [];
  const workdays: string[] = [];
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, not numbers
  for (let d = start < q.period.from ? start : q.period.from; d <= q.period.to; d = addDays(d, 1)) {
    if (cal.isWorkday(d)) workdays.push(d);
    days.push(d);
    ordinals.push(workdays.length);
  }
  // A due date past the array's end lies after the period's end, so any order closed in the period is on time.
  const r = await sql<{ closed: number; on_time: number }>`
    WITH o AS (
      SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date AS r, (closed_at AT TIME ZONE 'Asia/Shanghai')::date AS c, time_limit
      FROM bench_hotline_order WHERE ${closedWhere(q)}
    ), cal AS (SELECT * FROM unnest(${days}::date[], ${ordinals}::int[]) AS cal(d, n))
    SELECT count(*)::int AS closed,
           count(*) FILTER (WHERE o.c <= coalesce((${workdays}::date[])[cal.n + o.time_limit], 'infinity'::date))::int AS on_time
    FROM o JOIN cal ON cal.d = o.r`.execute(db);
  const row = r.rows[0]!;
  return { closed: Number(row.closed), onTime: Number(row.on_time) };
}

/** The same count in JS: fetch (受理日, 办结日, 时限) of each closed order, compare with `addWorkdays` (memoised). */
export async function onTimeJs(q: MetricQuery): Promise<OnTimeCounts> {
  const db = q.db as unknown as Kysely<any>;
  const cal = await loadCalendar(db);
  const r = await sql<{ r: string; c: string; time_limit: number }>`
    SELECT (received_at AT TIME ZONE 'Asia/Shanghai')::date::text AS r, (closed_at AT TIME ZONE 'Asia/Shanghai')::date::text AS c, time_limit
    FROM bench_hotline_order WHERE ${closedWhere(q)}`.execute(db);
  const due = new Map<string, string>();
  let onTime = 0;
  for (const o of r.rows) {
    const key = `${o.r}+${o.time_limit}`;
    let d = due.get(key);
    if (d === undefined) {
      d = cal.addWorkdays(o.r, Number(o.time_limit));
      due.set(key, d);
    }
    if (o.c <= d) onTime++;
  }
  return { closed: r.rows.length, onTime };
}

const closedDrill = async (q: MetricQuery, extra: ReturnType<typeof sql> = sql``) => {
  const r = await sql<Record<string, unknown>>`
    SELECT o.id, o.order_no, o.received_at, g.name AS org, o.time_limit, o.closed_at, o.replied_at, o.satisfaction
    FROM bench_hotline_order o JOIN org g ON g.tenant_id = o.tenant_id AND g.id = o.org_id
    WHERE ${closedWhere(q, 'o')} ${extra} ORDER BY o.closed_at`.execute(q.db);
  return {
    columns: [
      { key: 'order_no', title: '工单编号' },
      { key: 'received_at', title: '受理时间' },
      { key: 'org', title: '承办单位' },
      { key: 'time_limit', title: '办理时限' },
      { key: 'closed_at', title: '办结时间' },
      { key: 'replied_at', title: '回复时间' },
      { key: 'satisfaction', title: '满意度' },
    ],
    rows: r.rows,
    total: r.rows.length,
  };
};

function hotlineMetrics(opts: Required<HotlineBenchOptions>): MetricDef[] {
  return [
    defineMetric({
      key: 'bench.hotline.closed',
      title: '12345工单办结数',
      unit: 'count',
      definition: '办结时间在统计期内的12345工单数',
      permission: 'bench.hotline.read',
      async query(q) {
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bench_hotline_order WHERE ${closedWhere(q)}`.execute(q.db);
        return Number(r.rows[0]!.n);
      },
      drill: (q) => closedDrill(q),
    }),
    defineMetric({
      key: 'bench.hotline.on_time_rate',
      title: '12345工单按时办结率',
      unit: 'percent',
      definition: '统计期内办结的工单中，在受理之日后第“办理时限”个工作日（受理当日不计）当日或之前办结的比例',
      permission: 'bench.hotline.read',
      async query(q) {
        const c = opts.onTime === 'sql' ? await onTimeSql(q) : await onTimeJs(q);
        return percent(c.onTime, c.closed);
      },
      drill: (q) => closedDrill(q),
    }),
    defineMetric({
      key: 'bench.hotline.reply_rate',
      title: '12345工单回复率',
      unit: 'percent',
      definition: '统计期内办结的工单中，已记录回复时间的比例',
      permission: 'bench.hotline.read',
      async query(q) {
        const r = await sql<{ closed: number; replied: number }>`
          SELECT count(*)::int AS closed, count(replied_at)::int AS replied FROM bench_hotline_order WHERE ${closedWhere(q)}`.execute(q.db);
        const row = r.rows[0]!;
        return percent(Number(row.replied), Number(row.closed));
      },
      drill: (q) => closedDrill(q, sql`AND o.replied_at IS NOT NULL`),
    }),
  ];
}

// ---------------------------------------------------------------------------
// The module

/** Builds the bench module; its ledger records where the import's time goes in the returned `profile`. */
export function createHotlineBenchModule(options: HotlineBenchOptions = {}): { module: ModuleDef; profile: ImportProfile } {
  const opts: Required<HotlineBenchOptions> = { insert: 'values', batch: 1000, onTime: 'sql', audit: true, auditPayload: 'row', ...options };
  const profile = emptyProfile();
  const module = defineModule({
    key: 'bench-hotline',
    title: '12345热线（基准测试）',
    migrations: sqlMigrations('bench-hotline', new URL('./schema/', import.meta.url), ['0001_bench_hotline.sql']),
    permissions: {
      'bench.hotline.read': { label: '查看12345工单（基准测试）', roles: ['admin', 'leader', 'clerk'] },
      'bench.hotline.manage': { label: '导入12345工单（基准测试）', roles: ['admin', 'clerk'] },
    },
    ledgers: [hotlineLedger(opts, profile)],
    metrics: hotlineMetrics(opts),
  });
  return { module, profile };
}
