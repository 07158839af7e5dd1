/**
 * `npm run bench -- metrics` — a district-year's 12345 figures computed by the metric registry, beside
 * the same figures by one hand-written SQL statement, in the same run (docs/benchmark.md, issue #17).
 *
 * For each engine: the demo bureau is loaded, N 12345 orders of 2023 are generated in the database
 * (one INSERT … SELECT over generate_series: received dates over the year, handling limits, 95 %
 * closed, due dates on the working-day table, replies and satisfaction), ANALYZEd; then, three times
 * each (median), after a warm-up:
 *   - Fazhi: the `hotline.*` metrics of the registry for 2023 by `computeAll`, as `/api/metrics` does (they share
 *     the 12345 pass: one statement of aggregates over the period's orders, src/core/metrics/pass.ts);
 *   - hand-written SQL: one statement computing the same figures;
 * the values are compared (the bench fails if they differ), and the ratio, the full registry's time
 * (every module's metrics) and the process's RSS when the measured runs began and its peak during
 * them are printed. `FAZHI_BENCH_TRACE=1` adds each
 * metric's time computed alone (its pass statement with only its aggregates).
 *
 *   npm run bench -- metrics --rows 100000 --engines pglite,postgres
 *   npm run bench -- metrics --rows 1000000 --engines postgres
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { sql } from 'kysely';
import { modules } from '../src/modules/index.js';
import { systemActor } from '../src/core/context.js';
import { listTenants } from '../src/core/tenant.js';
import { loadDemo } from '../src/cli/demo.js';
import { metricQuery, yearPeriod, type MetricValue } from '../src/core/metrics/registry.js';
import { EngineRun, type Engine, type EngineName } from './engines.js';
import { generateHotlineOrders } from './orders.js';

const log = (m: string) => console.error(m);
const YEAR = 2023;

interface Line {
  engine: EngineName;
  rows: number;
  fazhiMs: number;
  handMs: number;
  ratio: number;
  allMs: number;
  metrics: number;
  /** The process's RSS when the measured runs began (after loading and generating). */
  startRssMb: number;
  peakRssMb: number;
  same: boolean;
}

/** N orders of YEAR for the bureau's units, generated in the database (bench/orders.ts). */
async function generate(engine: Engine, tenantId: string, rows: number): Promise<void> {
  await generateHotlineOrders(engine.sys.db, { tenantId, rows, year: YEAR });
  await sql`ANALYZE dm_item`.execute(engine.sys.db);
}

/** The same figures as the registry's `hotline.*`, in one statement. */
async function handWritten(engine: Engine, tenantId: string): Promise<Record<string, MetricValue>> {
  const ref = `${YEAR}-12-31`;
  const r = await sql<Record<string, string | null>>`
    SELECT
      count(*) FILTER (WHERE c) AS closed,
      count(*) FILTER (WHERE c AND cd <= due_on) AS on_time,
      count(*) FILTER (WHERE c AND replied_at IS NOT NULL) AS replied,
      count(*) FILTER (WHERE c AND satisfaction IN ('满意', '基本满意')) AS satisfied,
      count(*) FILTER (WHERE c AND satisfaction IN ('满意', '基本满意', '不满意')) AS rated,
      round(avg(greatest(0, wc.ord - wrc.ord)) FILTER (WHERE c)::numeric, 2) AS avg_days,
      count(*) FILTER (WHERE open_at_ref AND due_on < ${ref}::date) AS overdue,
      count(*) FILTER (WHERE open_at_ref AND due_on >= ${ref}::date AND wd.ord - (SELECT ord FROM work_day WHERE day = ${ref}::date) <= 3) AS due_soon
    FROM (
      SELECT i.*, (i.closed_at AT TIME ZONE 'Asia/Shanghai')::date AS cd, (i.received_at AT TIME ZONE 'Asia/Shanghai')::date AS rd,
             i.closed_at >= ${`${YEAR}-01-01`}::timestamp AT TIME ZONE 'Asia/Shanghai' AND i.closed_at < ${`${YEAR + 1}-01-01`}::timestamp AT TIME ZONE 'Asia/Shanghai' AS c,
             (i.received_at AT TIME ZONE 'Asia/Shanghai')::date <= ${ref}::date
               AND (i.closed_at IS NULL OR (i.closed_at AT TIME ZONE 'Asia/Shanghai')::date > ${ref}::date) AS open_at_ref
      FROM dm_item i WHERE i.tenant_id = ${tenantId} AND i.kind = 'hotline'
    ) x
    LEFT JOIN work_day wc ON wc.day = x.cd
    LEFT JOIN work_day wrc ON wrc.day = x.rd
    LEFT JOIN work_day wd ON wd.day = x.due_on`.execute(engine.sys.db);
  const v = r.rows[0]!;
  const n = (k: string) => Number(v[k] ?? 0);
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 100 : null);
  return {
    'hotline.closed': n('closed'),
    'hotline.on_time_rate': pct(n('on_time'), n('closed')),
    'hotline.strict_on_time_rate': pct(n('on_time'), n('closed') + n('overdue')),
    'hotline.reply_rate': pct(n('replied'), n('closed')),
    'hotline.satisfaction_rate': pct(n('satisfied'), n('rated')),
    'hotline.avg_handling_workdays': v.avg_days == null ? null : Number(v.avg_days),
    'hotline.overdue': n('overdue'),
    'hotline.due_soon': n('due_soon'),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

async function runOne(engine: Engine, rows: number): Promise<Line> {
  const sys = engine.sys;
  const tenantId = (await listTenants(sys.db))[0]!.id;
  log(`[${engine.name}] 生成 ${rows} 张 ${YEAR} 年工单…`);
  await generate(engine, tenantId, rows);
  // A clock after the year: the figures of open work are judged on 31 December.
  const ctx = sys.ctx(systemActor(tenantId), { clock: { now: () => new Date(`${YEAR + 1}-02-01T00:00:00Z`), today: () => `${YEAR + 1}-02-01` } });
  const q = metricQuery(ctx, yearPeriod(YEAR));
  const keys = Object.keys(await handWritten(engine, tenantId));
  const defs = keys.map((k) => sys.registry.metrics.resolve(k)!);
  const fazhi = () => sys.registry.metrics.computeAll(q, defs);
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    await fazhi();
    await handWritten(engine, tenantId);
    const f: number[] = [];
    const h: number[] = [];
    let same = true;
    for (let i = 0; i < 3; i++) {
      const a = await timed(fazhi);
      const b = await timed(() => handWritten(engine, tenantId));
      f.push(a.ms);
      h.push(b.ms);
      for (const k of keys) {
        if (a.value[k] !== b.value[k]) {
          same = false;
          log(`[${engine.name}] ${k}: Fazhi ${a.value[k]} ≠ 手写 SQL ${b.value[k]}`);
        }
      }
    }
    if (process.env.FAZHI_BENCH_TRACE) {
      for (const d of defs) log(`[${engine.name}]   ${d.key}: ${(await timed(() => d.query(q))).ms.toFixed(0)} ms`);
    }
    const all = await timed(() => sys.registry.metrics.computeAll(q));
    const fazhiMs = median(f);
    const handMs = median(h);
    return {
      engine: engine.name,
      rows,
      fazhiMs,
      handMs,
      ratio: fazhiMs / handMs,
      allMs: all.ms,
      metrics: Object.keys(all.value).length,
      startRssMb: start / 2 ** 20,
      peakRssMb: peak / 2 ** 20,
      same,
    };
  } finally {
    clearInterval(sampler);
  }
}

async function main() {
  const program = new Command()
    .option('--rows <n>', '生成的工单数', '100000')
    .option('--engines <list>', 'pglite,postgres', 'pglite,postgres')
    .option('--out <file>', '结果 JSON', 'bench/results/metrics-latest.json')
    .parse();
  const p = program.opts();
  const engines = String(p.engines).split(',') as EngineName[];
  const rows = Number(p.rows);
  const lines: Line[] = [];
  const run = new EngineRun(modules, 'fazhi-bench-metrics-', log);
  try {
    for (const name of engines) {
      const opened = await run.open(name);
      if (!opened) continue;
      const { engine } = opened;
      try {
        log(`[${name}] 载入演示局…`);
        await loadDemo(engine.sys, { log: () => {} });
        const l = await runOne(engine, rows);
        lines.push(l);
        log(
          `[${name}] ${rows} 张：Fazhi ${l.fazhiMs.toFixed(0)} ms，手写 SQL ${l.handMs.toFixed(0)} ms，${l.ratio.toFixed(2)}×；全部 ${l.metrics} 项指标 ${(l.allMs / 1000).toFixed(2)} s；RSS ${l.startRssMb.toFixed(0)} → 峰值 ${l.peakRssMb.toFixed(0)} MB${l.same ? '' : '；数值不一致 ⚠'}`,
        );
      } finally {
        await engine.close();
      }
    }
  } finally {
    run.close();
  }
  const table = [
    '| 引擎 | 工单数 | Fazhi（hotline.* 8 项） | 手写 SQL（一条语句） | 倍数 | 全部指标（项数） | RSS 起点 → 峰值 | 数值一致 |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...lines.map(
      (l) =>
        `| ${l.engine} | ${l.rows} | ${(l.fazhiMs / 1000).toFixed(3)} s | ${(l.handMs / 1000).toFixed(3)} s | ${l.ratio.toFixed(2)}× | ${(l.allMs / 1000).toFixed(2)} s（${l.metrics}） | ${l.startRssMb.toFixed(0)} → ${l.peakRssMb.toFixed(0)} MB | ${l.same ? '是' : '否'} |`,
    ),
  ].join('\n');
  console.log(table);
  fs.mkdirSync(path.dirname(p.out), { recursive: true });
  fs.writeFileSync(p.out, `${JSON.stringify({ at: new Date().toISOString(), lines }, null, 2)}\n`);
  if (lines.some((l) => !l.same)) process.exitCode = 1;
}

await main();
