/**
 * `npm run bench -- load` — the 12345 list, its filters, its cursor pages and the overview's counts under
 * 100 concurrent users on N orders, beside a bare Fastify route doing one indexed query on the same
 * table, in the same run (issue #17 item 2, docs/benchmark.md).
 *
 * On PostgreSQL (FAZHI_BENCH_PG_URL / DATABASE_URL, else a throwaway cluster — bench/engines.ts): a
 * scratch database gets the demo bureau and N 12345 orders of 2023 (one INSERT … SELECT over
 * generate_series, as bench/metrics.ts makes them: 95 % closed, due dates on the working-day table),
 * VACUUM ANALYZEd. The plans of the list's first page, of a cursor page half-way down and of the capped count
 * are printed (EXPLAIN ANALYZE: the index used, the time). Then two servers, one after the other,
 * each in its own process:
 *   - bare: bench/bareListServer.mjs — Fastify + pg, `GET /list` = the list's first page by its index;
 *   - Fazhi: `fazhi serve` (the compiled server) on the same database, signed in as the leader;
 * and `--users` virtual users (keep-alive HTTP, each sending its next request when the last one
 * answered) drive each endpoint for `--seconds` after a warm-up: p50/p95/p99, req/s, errors.
 *
 *   npm run bench -- load --rows 100000
 *   npm run bench -- load --rows 1000000 --seconds 15
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { CompiledQuery, sql } from 'kysely';
import { modules } from '../src/modules/index.js';
import { systemActor } from '../src/core/context.js';
import { listTenants } from '../src/core/tenant.js';
import { loadDemo } from '../src/cli/demo.js';
import { encodeCursor } from '../src/core/lists.js';
import { demandKindsOf } from '../src/modules/demands/kinds.js';
import { DEFAULT_KEYSET, listItemsQuery } from '../src/modules/demands/repository.js';
import { findPgServer, openPostgresEngine, type Engine } from './engines.js';
import { generateHotlineOrders } from './orders.js';
import { drive, type Stats, serveFazhi, stop, waitUp } from './drive.js';

const log = (m: string) => console.error(m);
const root = path.resolve(import.meta.dirname, '..');
const YEAR = 2023;

/** N orders of YEAR for the bureau's units (bench/orders.ts, the metrics bench's generator). */
async function generate(engine: Engine, tenantId: string, rows: number): Promise<void> {
  await generateHotlineOrders(engine.sys.db, { tenantId, rows, year: YEAR });
  // The steady state autovacuum reaches: statistics, and the visibility map (index-only scans).
  await sql`VACUUM ANALYZE dm_item`.execute(engine.sys.db);
}

/** EXPLAIN ANALYZE of a compiled query: the first line's time and the indexes it used. */
async function plan(engine: Engine, c: CompiledQuery): Promise<string> {
  const r = await engine.sys.db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS OFF) ${c.sql}`, [...c.parameters]));
  const lines = r.rows.map((x) => x['QUERY PLAN']);
  const idx = [...new Set(lines.flatMap((l) => [...l.matchAll(/using (\w+)/gi)].map((m) => m[1])))];
  const sort = lines.some((l) => /\bSort\b/.test(l)) ? '，有排序' : '，无排序';
  const time = lines.find((l) => l.startsWith('Execution Time'))?.replace('Execution Time: ', '') ?? '';
  return `${time}，索引 ${idx.join('、') || '无'}${sort}`;
}

async function main() {
  const o = new Command()
    .option('--rows <n>', '生成的 12345 工单数', '100000')
    .option('--users <n>', '并发用户数', '100')
    .option('--seconds <n>', '每个接口的测量秒数', '10')
    .option('--warmup <n>', '每个接口测量前的预热秒数', '2')
    .option('--out <file>', '结果 JSON', 'bench/results/load-latest.json')
    .option('--keep', '生成后保留数据库并打印其地址（不测量；用于手工 EXPLAIN 或剖析）')
    .parse()
    .opts();
  const rows = Number(o.rows);
  const users = Number(o.users);
  const seconds = Number(o.seconds);
  const warmup = Number(o.warmup);
  const server = await findPgServer();
  if (typeof server === 'string') throw new Error(server);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-load-'));
  const engine = await openPostgresEngine(modules, server, dir);
  const children: ChildProcess[] = [];
  const results: Stats[] = [];
  const plans: Record<string, string> = {};
  let keep = false;
  try {
    log(`[load] ${engine.where}；载入演示局…`);
    await loadDemo(engine.sys, { log: () => {} });
    const tenantId = (await listTenants(engine.sys.db))[0]!.id;
    const t0 = performance.now();
    log(`[load] 生成 ${rows} 张 ${YEAR} 年工单…`);
    await generate(engine, tenantId, rows);
    const total = Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM dm_item WHERE kind = 'hotline'`.execute(engine.sys.db)).rows[0]!.n);
    log(`[load] ${total} 张 12345 工单（${((performance.now() - t0) / 1000).toFixed(1)} s）`);

    // Cursors half-way down the default order (and around it), read as the list reads them.
    const ctx = engine.sys.ctx(systemActor(tenantId));
    const hotline = demandKindsOf(engine.sys.registry).find((k) => k.kind === 'hotline')!;
    const cursors: string[] = [];
    for (const f of [0.25, 0.5, 0.75, 0.9]) {
      const c = listItemsQuery(ctx, { kinds: [hotline], limit: 0, offset: Math.floor(total * f) });
      const r = await engine.sys.db.executeQuery<Record<string, unknown>>(c);
      cursors.push(encodeCursor(DEFAULT_KEYSET, r.rows[0]!));
    }
    plans['列表首页（默认排序）'] = await plan(engine, listItemsQuery(ctx, { kinds: [hotline], limit: 20, offset: 0 }));
    plans['游标翻页（第 50% 行之后）'] = await plan(engine, listItemsQuery(ctx, { kinds: [hotline], limit: 20, offset: 0, after: cursors[1]! }));
    plans['在办筛选（status=open）'] = await plan(engine, listItemsQuery(ctx, { kinds: [hotline], limit: 20, offset: 0, status: 'open' }));
    for (const [k, v] of Object.entries(plans)) log(`[load] EXPLAIN ${k}：${v}`);

    const dbName = String((await sql<{ d: string }>`SELECT current_database() AS d`.execute(engine.sys.db)).rows[0]!.d);
    const u = new URL(server.url);
    u.pathname = `/${dbName}`;
    const url = u.toString();
    if (o.keep) {
      console.log(url);
      keep = true;
      return;
    }
    const orgs = (
      await sql<{ id: string }>`SELECT id FROM org WHERE tenant_id = ${tenantId} AND kind = 'street' ORDER BY name`.execute(engine.sys.db)
    ).rows.map((r) => r.id);
    const run = async (target: string, endpoint: string, base: string, paths: () => string, cookie?: string) => {
      if (warmup > 0) await drive(base, paths, { users, seconds: warmup, cookie });
      const s = await drive(base, paths, { users, seconds, cookie });
      results.push({ target, endpoint, ...s });
      log(
        `[load] ${target} ${endpoint}: ${s.rps.toFixed(0)} req/s, p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, ${s.requests} 次${s.errors ? `，${s.errors} 次失败 ⚠` : ''}`,
      );
    };

    // The steady state again (a VACUUM while another transaction of the database was open leaves pages
    // not all-visible, and the counts' index-only scans would read the heap).
    await sql`VACUUM ANALYZE dm_item`.execute(engine.sys.db);
    const vis = (await sql<{ p: number; v: number }>`SELECT relpages AS p, relallvisible AS v FROM pg_class WHERE relname = 'dm_item'`.execute(engine.sys.db))
      .rows[0]!;
    log(`[load] dm_item：${vis.v}/${vis.p} 页全部可见`);

    // The bare route.
    const barePort = 3400 + crypto.randomInt(200);
    const bare = spawn(process.execPath, ['bench/bareListServer.mjs', url, String(barePort), tenantId], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(bare);
    await waitUp(bare, `http://127.0.0.1:${barePort}/healthz`);
    await run('bare', 'list', `http://127.0.0.1:${barePort}`, () => '/list');
    await stop(bare);

    // The product.
    const { child: fazhi, base, cookie } = await serveFazhi(url, 3600 + crypto.randomInt(200), children);
    let i = 0;
    const rot = <T>(xs: readonly T[]) => xs[i++ % xs.length]!;
    const filters = ['status=open', 'demandType=%E6%8A%95%E8%AF%89', `orgId=${orgs[0]}`, 'status=overdue', `year=${YEAR}&sort=receivedAt&order=desc`];
    await run('fazhi', 'list', base, () => '/api/hotline/items?pageSize=20', cookie);
    await run('fazhi', 'filter', base, () => `/api/hotline/items?pageSize=20&${rot(filters)}`, cookie);
    await run('fazhi', 'cursor', base, () => `/api/hotline/items?pageSize=20&after=${rot(cursors)}`, cookie);
    await run('fazhi', 'count (overview)', base, () => '/api/demands/overview', cookie);
    await stop(fazhi);

    const bareRps = results.find((r) => r.target === 'bare')!.rps;
    const table = [
      `| 服务 | 接口 | req/s | p50 | p95 | p99 | 请求数（失败） | 相对裸路由 |`,
      '|---|---|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.target} | ${r.endpoint} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.requests}（${r.errors}） | ${((r.rps / bareRps) * 100).toFixed(0)} % |`,
      ),
    ].join('\n');
    console.log(`\n${total} 张 12345 工单，${users} 个并发用户，每个接口 ${seconds} s（${engine.where}）\n`);
    console.log(table);
    console.log(
      `\n${Object.entries(plans)
        .map(([k, v]) => `- ${k}：${v}`)
        .join('\n')}`,
    );
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, `${JSON.stringify({ at: new Date().toISOString(), rows: total, users, seconds, where: engine.where, plans, results }, null, 2)}\n`);
  } finally {
    for (const c of children) await stop(c).catch(() => {});
    if (keep) await engine.sys.close();
    else await engine.close();
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
