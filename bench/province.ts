/**
 * `npm run bench -- province` — a province on one PostgreSQL server (issue #17 item 5, docs/benchmark.md,
 * docs/scale.md): N bureaus (default 150) holding M 12345 orders (default 10,000,000) and K penalty cases
 * (default 1,000,000) of one year, with an audit event for each record; then
 *   1. every bureau's year metrics — the whole registry (`computeAll`, as `/api/metrics` and the report
 *      do) for each bureau in turn: the time per bureau (median, p95, max) and the total;
 *   2. the province roll-up of the report's headline 12345 and case figures (closed orders, on-time,
 *      reply and satisfaction rates; cases filed, closed, closed with a warning, with a fine, the fines)
 *      from the monthly aggregates (src/core/metrics/monthly.ts: built on the first read, then brought up
 *      to date from the months the writes marked — measured as is and after a write in every bureau), and,
 *      for comparison, by one statement over all bureaus' records (median of 3 each), both checked against
 *      the sum of the bureaus' registry figures (the counts must be equal);
 *   3. the 12345 list's p95 for one bureau (the demo bureau, its leader signed in) while the others hold
 *      their data: `fazhi serve` on the database and `--users` virtual users on its list and filters
 *      (bench/drive.ts, as bench/load.ts drives them).
 *
 * Bureau 1 is the demo bureau (its users, units and catalogue); the others are a bureau with 8
 * departments and 12 streets each. Each bureau's rows are generated in the server by one INSERT … SELECT
 * over generate_series a table (bench/orders.ts's shape: received dates over the year, limits of
 * 5/10/15 working days with due dates on the working-day table, 95 % closed, 90 % replied); cases 80 %
 * closed, half of those with a fine; one `created` audit event a record (continuing each bureau's seq;
 * their hashes are placeholders — the bench never verifies the chain).
 *
 *   npm run bench -- province                                   # full scale (hours on 2 shared cores)
 *   npm run bench -- province --bureaus 150 --orders 1500000 --cases 150000
 *   npm run bench -- province --bureaus 5 --orders 20000 --cases 2000 --seconds 3   # a quick check
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { type Kysely, sql } from 'kysely';
import { modules } from '../src/modules/index.js';
import type { KernelDB } from '../src/core/db/types.js';
import { systemActor, type Clock } from '../src/core/context.js';
import { createTenant, listTenants } from '../src/core/tenant.js';
import { loadDemo } from '../src/cli/demo.js';
import { metricQuery, yearPeriod, type MetricDef, type MetricValue } from '../src/core/metrics/registry.js';
import { monthlyValues } from '../src/core/metrics/monthly.js';
import { findPgServer, openPostgresEngine } from './engines.js';
import { drive, type Stats, serveFazhi, stop } from './drive.js';
import { generateHotlineOrders } from './orders.js';

const log = (m: string) => console.error(m);
const YEAR = 2023;
const PORT = 3413;

/** The registry figures the roll-up restates (the report's headline 12345 and case counts). */
const COUNT_KEYS = [
  'hotline.closed',
  'enforcement.bureau.filed',
  'enforcement.streets.filed',
  'enforcement.bureau.closed',
  'enforcement.streets.closed',
  'enforcement.bureau.closed_warning',
  'enforcement.streets.closed_warning',
  'enforcement.bureau.closed_fine',
  'enforcement.streets.closed_fine',
  'enforcement.bureau.penalty_yuan',
  'enforcement.streets.penalty_yuan',
] as const;

/** A bureau besides the demo one: the bureau, 8 departments and 12 streets. */
async function addBureau(db: Kysely<KernelDB>, i: number): Promise<string> {
  const { tenantId, bureauId } = await createTenant(db, { name: `基准第${String(i).padStart(3, '0')}水务局` });
  await sql`
    INSERT INTO org (tenant_id, name, kind, parent_id, sort)
    SELECT ${tenantId}, CASE WHEN n <= 8 THEN '科室' || n ELSE '街道' || (n - 8) END, CASE WHEN n <= 8 THEN 'department' ELSE 'street' END, ${bureauId}, n
    FROM generate_series(1, 20) AS n`.execute(db);
  return tenantId;
}

/** `rows` penalty cases filed in YEAR: 80 % closed (45 days after filing), half of those fined, the rest warned. */
async function generateCases(db: Kysely<KernelDB>, tenantId: string, rows: number): Promise<void> {
  await sql`
    WITH orgs AS (SELECT array_agg(id ORDER BY name) AS ids FROM org WHERE tenant_id = ${tenantId} AND kind IN ('bureau', 'department', 'street')),
    g AS (
      SELECT i, (${`${YEAR}-01-02`}::date + (i::bigint * 7919 % 355)::int) AS filed, (i::bigint * 104729 % 100)::int AS r
      FROM generate_series(1, ${rows}) AS i
    )
    INSERT INTO enf_case (tenant_id, org_id, case_no, stage, cause, party_type, party_name, filed_on, decided_on, decision_no,
                          penalty_kinds, fine_fen, closed_on)
    SELECT ${tenantId}, (SELECT ids[1 + g.i % array_length(ids, 1)] FROM orgs), 'PROV-C-' || lpad(g.i::text, 8, '0'),
           CASE WHEN g.r < 80 THEN 'closed' ELSE 'investigation' END, '未经批准擅自取水', 'organisation', '某建设公司', g.filed,
           CASE WHEN g.r < 80 THEN g.filed + 30 END, CASE WHEN g.r < 80 THEN '罚字〔' || ${YEAR} || '〕' || g.i || '号' END,
           CASE WHEN g.r < 40 THEN ARRAY['罚款'] WHEN g.r < 80 THEN ARRAY['警告'] ELSE '{}'::text[] END,
           CASE WHEN g.r < 40 THEN 100000 * (1 + g.i % 50) ELSE 0 END,
           CASE WHEN g.r < 80 THEN g.filed + 45 END
    FROM g`.execute(db);
}

/** A `created` audit event for each generated record of a bureau, continuing its chain's seq. */
async function generateAudit(db: Kysely<KernelDB>, tenantId: string): Promise<void> {
  await sql`
    WITH base AS (SELECT coalesce(max(seq), 0) AS s FROM audit_event WHERE tenant_id = ${tenantId}),
    recs AS (
      SELECT 'hotline.order' AS entity, id::text AS entity_id, org_id, received_at AS at FROM dm_item WHERE tenant_id = ${tenantId} AND ref_no LIKE 'PROV-%'
      UNION ALL
      SELECT 'enforcement.case', id::text, org_id, filed_on::timestamp AT TIME ZONE 'Asia/Shanghai' FROM enf_case WHERE tenant_id = ${tenantId} AND case_no LIKE 'PROV-C-%'
    )
    INSERT INTO audit_event (tenant_id, seq, at, actor_id, actor_name, org_id, entity, entity_id, action, changes, prev_hash, hash)
    SELECT ${tenantId}, (SELECT s FROM base) + row_number() OVER (ORDER BY at, entity_id), at, NULL, '基准导入', org_id, entity, entity_id, 'created',
           '{}'::jsonb, 'bench', 'bench'
    FROM recs`.execute(db);
}

/** The roll-up's figures that have a monthly series: all of `ROLL_UP_KEYS`, read from the aggregates. */
const ROLL_UP_KEYS = [...COUNT_KEYS, 'hotline.on_time_rate', 'hotline.reply_rate', 'hotline.satisfaction_rate'] as const;

/**
 * The province roll-up from the monthly aggregates: every bureau's series brought up to date (rebuilt on the
 * first read, then the marked months), then the year's sums over every bureau and unit, one read a series.
 */
async function rollUpFromAggregates(db: Kysely<KernelDB>, defs: readonly MetricDef[]): Promise<Record<string, MetricValue>> {
  const v = await monthlyValues(db, { tenantIds: null, orgIds: null }, defs, [{ from: `${YEAR}-01-01`, to: `${YEAR}-12-01` }]);
  return Object.fromEntries(defs.map((d) => [d.key, v[d.key]?.[0] ?? null]));
}

/** The province roll-up: the headline figures over every bureau, one statement over the records (the comparison). */
async function rollUp(db: Kysely<KernelDB>) {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const start = sql`${from}::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const end = sql`${`${YEAR + 1}-01-01`}::timestamp AT TIME ZONE 'Asia/Shanghai'`;
  const r = await sql<Record<string, number | string | null>>`
    WITH h AS (
      SELECT count(*) AS closed,
             count(*) FILTER (WHERE (closed_at AT TIME ZONE 'Asia/Shanghai')::date <= due_on) AS on_time,
             count(*) FILTER (WHERE replied_at IS NOT NULL) AS replied,
             count(*) FILTER (WHERE satisfaction IN ('满意', '基本满意')) AS satisfied,
             count(*) FILTER (WHERE satisfaction IN ('满意', '基本满意', '不满意')) AS rated
      FROM dm_item WHERE kind = 'hotline' AND closed_at >= ${start} AND closed_at < ${end}
    ),
    c AS (
      SELECT (o.kind = 'street') AS street,
             e.filed_on BETWEEN ${from}::date AND ${to}::date AS filed,
             e.closed_on BETWEEN ${from}::date AND ${to}::date AND e.revoked_on IS NULL AS closed,
             (e.fine_fen + e.confiscation_fen > 0 OR e.penalty_kinds && ARRAY['罚款', '没收违法所得', '没收非法财物']) AS money,
             '警告' = ANY(e.penalty_kinds) AS warned, e.fine_fen + e.confiscation_fen AS fen
      FROM enf_case e JOIN org o ON o.tenant_id = e.tenant_id AND o.id = e.org_id
      WHERE e.filed_on BETWEEN ${from}::date AND ${to}::date OR e.closed_on BETWEEN ${from}::date AND ${to}::date
    ),
    e AS (
      SELECT count(*) FILTER (WHERE filed AND NOT street) AS bureau_filed, count(*) FILTER (WHERE filed AND street) AS streets_filed,
             count(*) FILTER (WHERE closed AND NOT street) AS bureau_closed, count(*) FILTER (WHERE closed AND street) AS streets_closed,
             count(*) FILTER (WHERE closed AND NOT street AND warned AND NOT money) AS bureau_closed_warning,
             count(*) FILTER (WHERE closed AND street AND warned AND NOT money) AS streets_closed_warning,
             count(*) FILTER (WHERE closed AND NOT street AND money) AS bureau_closed_fine,
             count(*) FILTER (WHERE closed AND street AND money) AS streets_closed_fine,
             coalesce(sum(fen) FILTER (WHERE closed AND NOT street), 0) AS bureau_fen,
             coalesce(sum(fen) FILTER (WHERE closed AND street), 0) AS streets_fen
      FROM c
    )
    SELECT * FROM h, e`.execute(db);
  const v = r.rows[0]!;
  const n = (k: string) => Number(v[k] ?? 0);
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 100 : null);
  return {
    'hotline.closed': n('closed'),
    'hotline.on_time_rate': pct(n('on_time'), n('closed')),
    'hotline.reply_rate': pct(n('replied'), n('closed')),
    'hotline.satisfaction_rate': pct(n('satisfied'), n('rated')),
    'enforcement.bureau.filed': n('bureau_filed'),
    'enforcement.streets.filed': n('streets_filed'),
    'enforcement.bureau.closed': n('bureau_closed'),
    'enforcement.streets.closed': n('streets_closed'),
    'enforcement.bureau.closed_warning': n('bureau_closed_warning'),
    'enforcement.streets.closed_warning': n('streets_closed_warning'),
    'enforcement.bureau.closed_fine': n('bureau_closed_fine'),
    'enforcement.streets.closed_fine': n('streets_closed_fine'),
    'enforcement.bureau.penalty_yuan': n('bureau_fen') / 100,
    'enforcement.streets.penalty_yuan': n('streets_fen') / 100,
  } as Record<string, MetricValue>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pctl = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

async function main() {
  const o = new Command()
    .option('--bureaus <n>', '区局数（第 1 个是演示局）', '150')
    .option('--orders <n>', '全省 12345 工单总数（平均分给各局）', '10000000')
    .option('--cases <n>', '全省行政处罚案件总数（平均分给各局）', '1000000')
    .option('--users <n>', '列表测量的并发用户数', '50')
    .option('--seconds <n>', '每个列表接口的测量秒数', '10')
    .option('--out <file>', '结果 JSON', 'bench/results/province.json')
    .parse()
    .opts();
  const bureaus = Number(o.bureaus);
  const ordersEach = Math.floor(Number(o.orders) / bureaus);
  const casesEach = Math.floor(Number(o.cases) / bureaus);
  const users = Number(o.users);
  const seconds = Number(o.seconds);
  const server = await findPgServer();
  if (typeof server === 'string') throw new Error(server);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-province-'));
  const engine = await openPostgresEngine(modules, server, dir);
  const db = engine.sys.db;
  const children: ChildProcess[] = [];
  const loadAtStart = os.loadavg()[0]!;
  try {
    log(`[province] ${engine.where}；载入演示局…`);
    await loadDemo(engine.sys, { log: () => {} });
    const demoTenant = (await listTenants(db))[0]!.id;
    const tenants = [demoTenant];
    const g0 = performance.now();
    for (let i = 2; i <= bureaus; i++) tenants.push(await addBureau(db, i));
    log(`[province] 生成 ${bureaus} 个局，每局 ${ordersEach} 张工单、${casesEach} 件案件及其审计事件…`);
    for (const [i, t] of tenants.entries()) {
      await generateHotlineOrders(db, { tenantId: t, rows: ordersEach, year: YEAR, refPrefix: 'PROV-' });
      await generateCases(db, t, casesEach);
      await generateAudit(db, t);
      if ((i + 1) % 10 === 0 || i + 1 === tenants.length) log(`[province]   ${i + 1}/${tenants.length} 局（${secs(performance.now() - g0)}）`);
    }
    await sql`VACUUM ANALYZE dm_item`.execute(db);
    await sql`VACUUM ANALYZE enf_case`.execute(db);
    await sql`VACUUM ANALYZE audit_event`.execute(db);
    const generateMs = performance.now() - g0;
    const counts = (
      await sql<{ orders: number; cases: number; events: number; bytes: number }>`
        SELECT (SELECT count(*) FROM dm_item WHERE kind = 'hotline')::int AS orders, (SELECT count(*) FROM enf_case)::int AS cases,
               (SELECT count(*) FROM audit_event)::int AS events, pg_database_size(current_database())::bigint AS bytes`.execute(db)
    ).rows[0]!;
    log(
      `[province] ${counts.orders} 张工单、${counts.cases} 件案件、${counts.events} 条审计事件，库 ${(Number(counts.bytes) / 2 ** 30).toFixed(2)} GB（生成 ${secs(generateMs)}）`,
    );

    // 1. Every bureau's year metrics: the whole registry, as /api/metrics computes it.
    const clock: Clock = { now: () => new Date(`${YEAR + 1}-02-01T00:00:00Z`), today: () => `${YEAR + 1}-02-01` };
    const perBureau: number[] = [];
    const sums: Record<string, number> = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0]));
    const metricCounts: number[] = [];
    const m0 = performance.now();
    for (const [i, t] of tenants.entries()) {
      const q = metricQuery(engine.sys.ctx(systemActor(t), { clock }), yearPeriod(YEAR));
      const t0 = performance.now();
      const values = await engine.sys.registry.metrics.computeAll(q);
      perBureau.push(performance.now() - t0);
      metricCounts.push(Object.keys(values).length);
      for (const k of COUNT_KEYS) sums[k]! += Number(values[k] ?? 0);
      if ((i + 1) % 25 === 0) log(`[province]   指标 ${i + 1}/${tenants.length} 局（${secs(performance.now() - m0)}）`);
    }
    const metricsTotalMs = performance.now() - m0;
    const lo = Math.min(...metricCounts);
    const hi = Math.max(...metricCounts);
    const metricCount = lo === hi ? String(lo) : `${lo}–${hi}`;
    log(`[province] 各局全年指标（${metricCount} 项）：合计 ${secs(metricsTotalMs)}，每局中位 ${secs(median(perBureau))}，p95 ${secs(pctl(perBureau, 95))}`);

    // 2. The province roll-up from the monthly aggregates: the first read builds them; then as they are, and
    // after a write in every bureau (one closed order's month marked each), median of 3.
    const rollDefs = ROLL_UP_KEYS.map((k) => engine.sys.registry.metrics.get(k)!);
    const b0 = performance.now();
    let fromAggregates = await rollUpFromAggregates(db, rollDefs);
    const buildMs = performance.now() - b0;
    const aggMs: number[] = [];
    const aggAfterWriteMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      let t0 = performance.now();
      fromAggregates = await rollUpFromAggregates(db, rollDefs);
      aggMs.push(performance.now() - t0);
      await sql`UPDATE dm_item SET updated_at = now() WHERE (tenant_id, id) IN (
                  SELECT DISTINCT ON (tenant_id) tenant_id, id FROM dm_item WHERE kind = 'hotline' AND closed_at IS NOT NULL ORDER BY tenant_id, ref_no)`.execute(
        db,
      );
      t0 = performance.now();
      fromAggregates = await rollUpFromAggregates(db, rollDefs);
      aggAfterWriteMs.push(performance.now() - t0);
    }
    log(
      `[province] 全省汇总（月度汇总）：首次读取建立 ${secs(buildMs)}，其后 ${secs(median(aggMs))}，各局各写一笔后 ${secs(median(aggAfterWriteMs))}；${JSON.stringify(fromAggregates)}`,
    );

    // The same roll-up by one statement over all bureaus' records (median of 3 after a warm-up).
    await rollUp(db);
    const rollMs: number[] = [];
    let province: Record<string, MetricValue> = {};
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      province = await rollUp(db);
      rollMs.push(performance.now() - t0);
    }
    const mismatches = COUNT_KEYS.flatMap((k) => [
      ...(Math.abs(Number(province[k]) - sums[k]!) > 0.005 ? [`${k}: 汇总 ${String(province[k])} ≠ 各局之和 ${sums[k]}`] : []),
      ...(Math.abs(Number(fromAggregates[k]) - sums[k]!) > 0.005 ? [`${k}: 月度汇总 ${String(fromAggregates[k])} ≠ 各局之和 ${sums[k]}`] : []),
    ]);
    for (const m of mismatches) log(`[province] ⚠ ${m}`);
    log(`[province] 全省汇总（一条语句）：${secs(median(rollMs))}；${JSON.stringify(province)}`);

    // 3. One bureau's 12345 list while the others hold their data.
    const dbName = String((await sql<{ d: string }>`SELECT current_database() AS d`.execute(db)).rows[0]!.d);
    const u = new URL(server.url);
    u.pathname = `/${dbName}`;
    const { child: fazhi, base, cookie } = await serveFazhi(u.toString(), PORT, children);
    let r = 0;
    const filters = ['status=open', 'demandType=%E6%8A%95%E8%AF%89', 'status=overdue', `year=${YEAR}&sort=receivedAt&order=desc`];
    const lists: Stats[] = [];
    for (const [endpoint, paths] of [
      ['list', () => '/api/hotline/items?pageSize=20'],
      ['filter', () => `/api/hotline/items?pageSize=20&${filters[r++ % filters.length]}`],
    ] as Array<[string, () => string]>) {
      // One user alone first (the request's own time), then the crowd.
      const alone = await drive(base, paths, { users: 1, seconds: 3, cookie });
      lists.push({ target: 'one user', endpoint, ...alone });
      log(`[province] 演示局 ${endpoint}，单个用户: p50 ${alone.p50.toFixed(1)} ms, p95 ${alone.p95.toFixed(1)} ms`);
      await drive(base, paths, { users, seconds: 2, cookie });
      const s = await drive(base, paths, { users, seconds, cookie });
      lists.push({ target: `${users} users`, endpoint, ...s });
      log(
        `[province] 演示局 ${endpoint}: ${s.rps.toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms${s.errors ? `，${s.errors} 次失败 ⚠` : ''}`,
      );
    }
    await stop(fazhi);

    const scale = `${bureaus} 个局，${counts.orders.toLocaleString('en-US')} 张工单，${counts.cases.toLocaleString('en-US')} 件案件，${counts.events.toLocaleString('en-US')} 条审计事件`;
    const full = bureaus >= 150 && counts.orders >= 10_000_000;
    const table = [
      '| 项目 | 实测 | 目标 |',
      '|---|---:|---|',
      `| 生成（INSERT … SELECT，含审计事件，VACUUM ANALYZE） | ${secs(generateMs)} | — |`,
      `| 各局全年指标（${metricCount} 项），合计 | ${secs(metricsTotalMs)} | —（issue：约 640 s，每局 4.3 s） |`,
      `| 各局全年指标，每局中位 / p95 / 最长 | ${secs(median(perBureau))} / ${secs(pctl(perBureau, 95))} / ${secs(Math.max(...perBureau))} | — |`,
      `| 全省汇总（12345 与案件的报告首要数字），读月度汇总 | ${secs(median(aggMs))} | ≤ 10 s（全量）${full ? (median(aggMs) <= 10_000 ? ' ✓' : ' ✗') : ''} |`,
      `| 全省汇总，读月度汇总，各局各写一笔之后（先重算被标记的月份） | ${secs(median(aggAfterWriteMs))} | ≤ 10 s（全量）${full ? (median(aggAfterWriteMs) <= 10_000 ? ' ✓' : ' ✗') : ''} |`,
      `| 建立月度汇总（首次读取，全部记录） | ${secs(buildMs)} | — |`,
      `| 全省汇总，一条语句读全部记录（对照） | ${secs(median(rollMs))} | — |`,
      `| 全省汇总与各局指标之和一致 | ${mismatches.length ? `否（${mismatches.length} 项）` : '是'} | 是 |`,
      ...lists.map((s) =>
        s.target === 'one user'
          ? `| 演示局 12345 ${s.endpoint === 'list' ? '列表首页' : '筛选'}，单个用户：p50 / p95 | ${s.p50.toFixed(1)} ms / ${s.p95.toFixed(1)} ms | — |`
          : `| 演示局 12345 ${s.endpoint === 'list' ? '列表首页' : '筛选'}，${users} 个并发用户：p95（req/s） | ${s.p95.toFixed(1)} ms（${s.rps.toFixed(0)}） | p95 < 50 ms |`,
      ),
    ].join('\n');
    console.log(`\n${scale}（${engine.where}；1 分钟负载 ${loadAtStart.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}）\n`);
    console.log(table);
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(
      o.out,
      `${JSON.stringify(
        {
          at: new Date().toISOString(),
          where: engine.where,
          scale: { bureaus, ordersEach, casesEach, ...counts },
          load: { start: loadAtStart, end: os.loadavg()[0] },
          generateMs,
          metrics: { counts: metricCounts, totalMs: metricsTotalMs, perBureauMs: perBureau },
          rollUp: {
            ms: rollMs,
            values: province,
            fromAggregates: { buildMs, ms: aggMs, afterWriteMs: aggAfterWriteMs, values: fromAggregates },
            sumsOfBureaus: sums,
            mismatches,
          },
          lists,
        },
        null,
        2,
      )}\n`,
    );
    if (mismatches.length) process.exitCode = 1;
  } finally {
    for (const c of children) await stop(c).catch(() => {});
    await engine.close();
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
