/**
 * `npm run bench` — ledger imports on the product's own ledgers (docs/benchmark.md).
 *
 * For each engine (embedded PGlite in a temp folder, a PostgreSQL server) and each
 * ledger (`hotline-orders`, `penalty-cases`): the demo bureau is loaded (its orgs,
 * officers and catalogue are what the rows name), an xlsx of N rows is generated,
 * and in the same run
 *   - the floor: exceljs's streaming reader reading the file into rows (what any import
 *     must do at least; the full load would not hold 1,000,000 rows), plus a raw COPY of
 *     the same rows into a plain table (no constraints, no indexes);
 *   - Fazhi: `importLedger` — streaming read and parse, the domain's own rules (in chunks
 *     for a chunked ledger), provenance, findings, deadlines, one audit event, commit;
 * and the ratio, with the time of each phase of the import. Peak RSS of this process and
 * peak JS heap are sampled during each import; on PGlite the engine's WASM heap (in this
 * process, so inside the RSS) is reported on its own.
 *
 * A second case, `logins`: login latency (`POST /api/auth/login` through the app) while a
 * `hotline-orders` import of N rows runs, beside the same on an idle server.
 *
 *   npm run bench -- --rows 100000 --engines pglite,postgres --ledgers hotline-orders,penalty-cases
 *   npm run bench -- --rows 1000000 --engines postgres --ledgers hotline-orders
 *   npm run bench -- --cases logins --engines pglite,postgres
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { modules } from '../src/modules/index.js';
import { systemActor, type Ctx } from '../src/core/context.js';
import { importLedger } from '../src/core/ledger/ledger.js';
import { listTenants } from '../src/core/tenant.js';
import { loadDemo } from '../src/cli/demo.js';
import { verifyChain } from '../src/core/audit/audit.js';
import { seededRandom } from '../src/core/demo.js';
import { EngineRun, type Engine, type EngineName } from './engines.js';
import { buildServer } from '../src/server/app.js';
import { DEMO_PASSWORD } from '../src/modules/system/demo.js';

interface Options {
  rows: number;
  engines: EngineName[];
  ledgers: string[];
  cases: string[];
  seed: number;
  out: string;
}

const log = (m: string) => console.error(m);

/** The columns of a ledger in file order, and a row generator from what the demo bureau holds. */
interface Generator {
  headers: string[];
  row(i: number): Array<string | number | Date | null>;
}

async function generatorFor(ledger: string, engine: Engine, tenantId: string, seed: number): Promise<Generator> {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const db = engine.sys.db;
  const orgs = (await db.selectFrom('org').select(['name', 'kind']).where('tenant_id', '=', tenantId).execute()) as Array<{ name: string; kind: string }>;
  const depts = orgs.filter((o) => o.kind === 'department').map((o) => o.name);
  const day = (d: number) => new Date(Date.UTC(2023, 0, 3) + d * 86400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  if (ledger === 'hotline-orders') {
    const types = ['投诉', '举报', '求助', '咨询', '建议'];
    const sat = ['满意', '基本满意', '不满意', '未评价'];
    return {
      headers: ['工单编号', '受理时间', '诉求类型', '诉求内容', '承办单位', '办理时限', '办结时间', '回复时间', '满意度'],
      row(i) {
        const d = Math.floor(random() * 330);
        const received = `${iso(day(d))} ${String(8 + Math.floor(random() * 9)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
        const open = random() < 0.05;
        const done = `${iso(day(d + 1 + Math.floor(random() * 12)))} 16:00`;
        return [
          `BENCH-12345-${String(i).padStart(8, '0')}`,
          received,
          pick(types),
          `路面积水第${i}号诉求：雨后排水不畅`,
          pick(depts),
          3 + Math.floor(random() * 10),
          open ? null : done,
          open ? null : done,
          open ? null : pick(sat),
        ];
      },
    };
  }
  if (ledger === 'penalty-cases') {
    const enf = db.withTables<{
      enf_officer: { name: string; cert_no: string | null; org_id: string; tenant_id: string };
      enf_item: { code: string; delegated: boolean; tenant_id: string };
    }>();
    const officers = (
      await enf.selectFrom('enf_officer').select(['name', 'cert_no']).where('tenant_id', '=', tenantId).where('cert_no', 'is not', null).execute()
    ).map((o) => o.name);
    const names = [...new Set(officers)];
    const items = (await enf.selectFrom('enf_item').select(['code']).where('tenant_id', '=', tenantId).execute()).map((i) => i.code);
    const unit = depts.find((d) => d.includes('执法') || d.includes('监察')) ?? depts[0]!;
    return {
      headers: [
        '案件编号',
        '办案单位',
        '案件来源',
        '违法事项编码',
        '案由',
        '当事人类型',
        '当事人名称',
        '证件号码',
        '立案日期',
        '是否重大案件',
        '法制审核日期',
        '集体讨论日期',
        '处罚种类',
        '罚款金额',
        '没收金额',
        '决定日期',
        '决定文书号',
        '送达日期',
        '执行完毕日期',
        '结案日期',
        '公示日期',
        '承办人',
      ],
      row(i) {
        const d = Math.floor(random() * 300);
        const filed = day(d);
        const decided = day(d + 20 + Math.floor(random() * 40));
        const a = pick(names);
        let b = pick(names);
        if (b === a) b = names[(names.indexOf(a) + 1) % names.length]!;
        const open = random() < 0.1;
        return [
          `天水执立〔2023〕B${i}号`,
          unit,
          '巡查发现',
          pick(items),
          '未经批准擅自占用河道',
          '法人',
          `广州某某工程有限公司${i}`,
          null,
          iso(filed),
          '否',
          open ? null : iso(decided),
          null,
          open ? null : '罚款',
          open ? null : 5000 + Math.floor(random() * 50) * 1000,
          null,
          open ? null : iso(decided),
          open ? null : `天水罚决〔2023〕B${i}号`,
          open ? null : iso(day(d + 62)),
          open ? null : iso(day(d + 70)),
          open ? null : iso(day(d + 72)),
          open ? null : iso(day(d + 64)),
          `${a}、${b}`,
        ];
      },
    };
  }
  throw new Error(`no generator for ${ledger}`);
}

/** Writes the xlsx (streaming writer) and the same rows as CSV for the raw COPY. */
async function writeFiles(gen: Generator, rows: number, dir: string, ledger: string): Promise<{ xlsx: string; csv: string }> {
  const xlsx = path.join(dir, `${ledger}-${rows}.xlsx`);
  const csv = path.join(dir, `${ledger}-${rows}.csv`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(gen.headers).commit();
  const out = fs.createWriteStream(csv);
  const q = (v: unknown) => (v === null || v === undefined ? '' : `"${String(v).replace(/"/g, '""')}"`);
  out.write(`${gen.headers.map(q).join(',')}\n`);
  for (let i = 0; i < rows; i++) {
    const r = gen.row(i);
    ws.addRow(r).commit();
    if (!out.write(`${r.map(q).join(',')}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await ws.commit();
  await wb.commit();
  await new Promise<void>((res) => out.end(res));
  return { xlsx, csv };
}

/** exceljs's streaming reader reading the file into arrays of cell values (what any import must do at least). */
async function exceljsRead(file: string): Promise<{ ms: number; rows: number }> {
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let n = 0;
  for await (const ws of reader) {
    for await (const row of ws) {
      const v = row.values;
      if (Array.isArray(v)) n++;
    }
    break;
  }
  return { ms: performance.now() - t0, rows: n - 1 };
}

/** Peaks while `fn` runs (sampled every 50 ms): RSS and JS heap of this process, and PGlite's WASM heap. */
async function withPeaks<T>(wasmBytes: () => number, fn: () => Promise<T>): Promise<{ value: T; peakMb: number; heapMb: number; wasmMb: number }> {
  let peak = process.memoryUsage.rss();
  let heap = process.memoryUsage().heapUsed;
  let wasm = wasmBytes();
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage.rss());
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    wasm = Math.max(wasm, wasmBytes());
  };
  let ticks = 0;
  const timer = setInterval(() => {
    sample();
    // FAZHI_BENCH_TRACE=1: the memory every 5 s, to see what grows.
    if (process.env.FAZHI_BENCH_TRACE && ++ticks % 100 === 0) {
      const m = process.memoryUsage();
      log(
        `  rss ${(m.rss / 1048576).toFixed(0)} MB · heap ${(m.heapUsed / 1048576).toFixed(0)} MB · external ${(m.external / 1048576).toFixed(0)} MB · arrayBuffers ${(m.arrayBuffers / 1048576).toFixed(0)} MB`,
      );
    }
  }, 50);
  try {
    const value = await fn();
    sample();
    return { value, peakMb: peak / 1024 / 1024, heapMb: heap / 1024 / 1024, wasmMb: wasm / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** The size of PGlite's WASM memory (0 on PostgreSQL). */
function wasmHeapOf(engine: Engine): () => number {
  const mod = (engine.sys.database.pglite as unknown as { mod?: { HEAP8?: Int8Array } } | undefined)?.mod;
  return () => mod?.HEAP8?.byteLength ?? 0;
}

/** The phases `importLedger` reports (totals over the import): see `ImportOptions.onPhase`. */
const PHASES = ['read', 'parse', 'commit', 'provenance', 'audit', 'begin'] as const;

interface Line {
  engine: EngineName;
  ledger: string;
  rows: number;
  readMs: number;
  copyMs: number;
  floorMs: number;
  importMs: number;
  ratio: number;
  peakRssMb: number;
  /** Peak JS heap (V8) during the import. */
  peakHeapMb: number;
  /** PGlite: peak size of the engine's WASM memory (part of the RSS); PostgreSQL: 0. */
  wasmMb: number;
  /** RSS before the import started (the loaded demo, the file's bytes, the engine). */
  baseRssMb: number;
  phases: Record<string, number>;
  created: number;
  findings: number;
  verifyNewMs: number;
  ok: boolean;
  note?: string;
}

async function runOne(engine: Engine, ledger: string, o: Options, dir: string): Promise<Line> {
  const tenantId = (await listTenants(engine.sys.db))[0]!.id;
  const ctx: Ctx = engine.sys.ctx(systemActor(tenantId, '基准测试'));
  const gen = await generatorFor(ledger, engine, tenantId, o.seed);
  log(`[${engine.name}] ${ledger}: 生成 ${o.rows} 行 xlsx…`);
  const files = await writeFiles(gen, o.rows, dir, ledger);
  // The floor: exceljs's read of the same file, and a raw COPY of the same rows.
  // FAZHI_BENCH_NO_FLOOR=1 skips the exceljs floor (to look at the import's memory alone).
  const read = process.env.FAZHI_BENCH_NO_FLOOR ? { ms: 1, rows: 0 } : await exceljsRead(files.xlsx);
  const raw = `bench_raw_${ledger.replace(/-/g, '_')}`;
  await sql.raw(`CREATE TABLE ${raw} (${gen.headers.map((_, i) => `c${i} text`).join(', ')})`).execute(engine.sys.db);
  const copy = await engine.rawCopy(files.csv, engine.name === 'pglite' ? fs.readFileSync(files.csv) : Buffer.alloc(0), raw);
  await sql.raw(`DROP TABLE ${raw}`).execute(engine.sys.db);
  const floorMs = read.ms + copy.ms;
  const def = engine.sys.registry.ledgers.get(ledger)!;
  log(`[${engine.name}] ${ledger}: importLedger…`);
  const data = fs.readFileSync(files.xlsx);
  const before = await verifyChain(engine.sys.db, tenantId);
  (globalThis as { gc?: () => void }).gc?.();
  const baseRssMb = process.memoryUsage.rss() / 1024 / 1024;
  const t0 = performance.now();
  const phases: Record<string, number> = {};
  const {
    value: r,
    peakMb,
    heapMb,
    wasmMb,
  } = await withPeaks(wasmHeapOf(engine), () =>
    importLedger(engine.sys, ctx, def, { file: { data, filename: path.basename(files.xlsx) }, onPhase: (p, ms) => (phases[p] = ms) }),
  );
  log(
    `[${engine.name}] ${ledger}: ${Object.entries(phases)
      .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(2)}s`)
      .join(' · ')}`,
  );
  const importMs = performance.now() - t0;
  const v0 = performance.now();
  const after = await verifyChain(engine.sys.db, tenantId);
  const verifyNewMs = performance.now() - v0;
  const common = {
    engine: engine.name,
    ledger,
    rows: o.rows,
    readMs: read.ms,
    copyMs: copy.ms,
    floorMs,
    importMs,
    ratio: importMs / floorMs,
    peakRssMb: peakMb,
    peakHeapMb: heapMb,
    wasmMb,
    baseRssMb,
    phases,
    verifyNewMs,
  };
  if (!r.ok) {
    log(
      r.errors
        .slice(0, 5)
        .map((e) => `第${e.row}行「${e.column}」：${e.message}`)
        .join('\n'),
    );
    return { ...common, created: 0, findings: 0, ok: false, note: `${r.errorCount} 处错误` };
  }
  return { ...common, created: r.created, findings: r.findingCount, ok: after.ok && (after.ok ? after.events : 0) === (before.ok ? before.events : 0) + 1 };
}

/** Login latency while an import runs, and on the idle server (ms). */
interface LoginLine {
  engine: EngineName;
  rows: number;
  mode: string;
  idle: { n: number; p50: number; p95: number; max: number };
  busy: { n: number; p50: number; p95: number; max: number };
  importMs: number;
  ok: boolean;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : 0;
};
const stats = (xs: number[]) => ({ n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: Math.max(0, ...xs) });

/**
 * Logs in (`clerk`, through the app, as the browser would) every 200 ms: 25 times on the idle
 * server, then for as long as an import of `rows` 12345 orders runs (the engine's default
 * commit mode: chunk by chunk on PGlite, one transaction on PostgreSQL).
 */
async function runLogins(engine: Engine, o: Options, dir: string): Promise<LoginLine> {
  const tenantId = (await listTenants(engine.sys.db))[0]!.id;
  const ctx: Ctx = engine.sys.ctx(systemActor(tenantId, '基准测试'));
  const gen = await generatorFor('hotline-orders', engine, tenantId, o.seed);
  log(`[${engine.name}] 登录延迟：生成 ${o.rows} 行 xlsx…`);
  const files = await writeFiles(gen, o.rows, dir, 'hotline-orders-logins');
  const app = await buildServer(engine.sys, { logger: false, webDist: null });
  const pause = () => new Promise((r) => setTimeout(r, 200));
  const loginMs = async () => {
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: DEMO_PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`登录失败：${res.statusCode} ${res.body}`);
    return performance.now() - t0;
  };
  try {
    const idle: number[] = [];
    for (let i = 0; i < 25; i++) {
      idle.push(await loginMs());
      await pause();
    }
    const def = engine.sys.registry.ledgers.get('hotline-orders')!;
    const data = fs.readFileSync(files.xlsx);
    let done = false;
    const t0 = performance.now();
    const imp = importLedger(engine.sys, ctx, def, { file: { data, filename: path.basename(files.xlsx) } }).finally(() => (done = true));
    const busy: number[] = [];
    await pause();
    while (!done) {
      busy.push(await loginMs());
      if (!done) await pause();
    }
    const r = await imp;
    const importMs = performance.now() - t0;
    const mode = engine.name === 'pglite' ? '分块提交' : '单一事务';
    return { engine: engine.name, rows: o.rows, mode, idle: stats(idle), busy: stats(busy), importMs, ok: r.ok && (r.ok ? r.created === o.rows : false) };
  } finally {
    await app.close();
  }
}

async function main() {
  const program = new Command()
    .option('--rows <n>', '每个台账的行数', '100000')
    .option('--engines <list>', 'pglite,postgres', 'pglite,postgres')
    .option('--ledgers <list>', '台账', 'hotline-orders,penalty-cases')
    .option('--cases <list>', 'imports（导入与下限）、logins（导入期间的登录延迟）', 'imports,logins')
    .option('--seed <n>', '随机种子', '2023')
    .option('--out <file>', '结果 JSON', 'bench/results/imports-latest.json')
    .parse();
  const p = program.opts();
  const o: Options = {
    rows: Number(p.rows),
    engines: String(p.engines).split(',') as EngineName[],
    ledgers: String(p.ledgers).split(','),
    cases: String(p.cases).split(','),
    seed: Number(p.seed),
    out: String(p.out),
  };
  const lines: Line[] = [];
  const logins: LoginLine[] = [];
  const run = new EngineRun(modules, 'fazhi-bench-', log);
  try {
    for (const name of o.engines) {
      for (const ledger of o.cases.includes('logins') ? [...o.ledgers, '#logins'] : o.ledgers) {
        if (ledger !== '#logins' && !o.cases.includes('imports')) continue;
        const opened = await run.open(name);
        if (!opened) continue;
        const { engine, dir: edir } = opened;
        try {
          log(`[${name}] 载入演示局…`);
          await loadDemo(engine.sys, { log: () => {} });
          if (ledger === '#logins') {
            const l = await runLogins(engine, o, edir);
            logins.push(l);
            log(
              `[${name}] 导入期间登录 ${l.busy.n} 次：p50 ${l.busy.p50.toFixed(0)} ms，p95 ${l.busy.p95.toFixed(0)} ms，最长 ${l.busy.max.toFixed(0)} ms（空闲时 p95 ${l.idle.p95.toFixed(0)} ms）；导入 ${(l.importMs / 1000).toFixed(2)} s`,
            );
            continue;
          }
          lines.push(await runOne(engine, ledger, o, edir));
          const l = lines.at(-1)!;
          log(
            `[${name}] ${ledger}: 导入 ${(l.importMs / 1000).toFixed(2)} s，下限 ${(l.floorMs / 1000).toFixed(2)} s（读取 ${(l.readMs / 1000).toFixed(2)} + COPY ${(l.copyMs / 1000).toFixed(2)}），${l.ratio.toFixed(2)}×，峰值 RSS ${l.peakRssMb.toFixed(0)} MB（导入前 ${l.baseRssMb.toFixed(0)} MB，JS 堆峰值 ${l.peakHeapMb.toFixed(0)} MB${l.wasmMb ? `，其中 PGlite WASM 堆 ${l.wasmMb.toFixed(0)} MB` : ''}）`,
          );
        } finally {
          await engine.close();
        }
      }
    }
  } finally {
    run.close();
  }
  const table = [
    '| 引擎 | 台账 | 行数 | exceljs 流式读取 | COPY | 下限 | Fazhi 导入 | 倍数 | 峰值 RSS（导入前） | JS 堆峰值 | PGlite WASM 堆 | 新增 | 历史问题 | 导入后复核审计链 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...lines.map(
      (l) =>
        `| ${l.engine} | ${l.ledger} | ${l.rows} | ${(l.readMs / 1000).toFixed(2)} s | ${(l.copyMs / 1000).toFixed(2)} s | ${(l.floorMs / 1000).toFixed(2)} s | ${(l.importMs / 1000).toFixed(2)} s | ${l.ratio.toFixed(2)}× | ${l.peakRssMb.toFixed(0)} MB（${l.baseRssMb.toFixed(0)} MB） | ${l.peakHeapMb.toFixed(0)} MB | ${l.wasmMb ? `${l.wasmMb.toFixed(0)} MB` : '—'} | ${l.created} | ${l.findings} | ${(l.verifyNewMs / 1000).toFixed(2)} s${l.ok ? '' : ' ⚠'} |`,
    ),
    '',
    '导入各阶段（秒）：',
    '',
    `| 引擎 | 台账 | 行数 | ${PHASES.join(' | ')} |`,
    `|---|---|---:|${PHASES.map(() => '---:').join('|')}|`,
    ...lines.map(
      (l) =>
        `| ${l.engine} | ${l.ledger} | ${l.rows} | ${PHASES.map((p) => (l.phases[p] === undefined ? '—' : (l.phases[p]! / 1000).toFixed(2))).join(' | ')} |`,
    ),
  ].join('\n');
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const loginTable = [
    '',
    '导入期间的登录延迟（每 200 ms 登录一次；空闲：同一服务器导入前 25 次）：',
    '',
    '| 引擎 | 提交方式 | 行数 | 导入耗时 | 导入期间登录次数 | p50 | p95 | 最长 | 空闲 p50 | 空闲 p95 | 空闲最长 | p95 倍数 |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...logins.map(
      (l) =>
        `| ${l.engine} | ${l.mode} | ${l.rows} | ${(l.importMs / 1000).toFixed(2)} s | ${l.busy.n} | ${ms(l.busy.p50)} | ${ms(l.busy.p95)} | ${ms(l.busy.max)} | ${ms(l.idle.p50)} | ${ms(l.idle.p95)} | ${ms(l.idle.max)} | ${(l.busy.p95 / l.idle.p95).toFixed(2)}×${l.ok ? '' : ' ⚠'} |`,
    ),
  ].join('\n');
  console.log(lines.length ? table : '');
  if (logins.length) console.log(loginTable);
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, JSON.stringify({ at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, options: o, lines, logins }, null, 2));
  process.exitCode = lines.every((l) => l.ok) && logins.every((l) => l.ok) ? 0 : 1;
}

await main();
