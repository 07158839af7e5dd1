/**
 * `npm run bench` — the benchmark harness (docs/benchmark.md). Not part of `npm test`.
 *
 * 1. generates a synthetic 12345 hotline ledger (CSV, UTF-8 with BOM) from a seed;
 * 2. parses it with the ledger engine (readTable + parseLedger), engine-independent;
 * 3. on each engine (PGlite in a temp folder, PostgreSQL): creates the bureau and its orgs,
 *    imports the file through `importLedger`, computes the year's metrics through
 *    `MetricRegistry.computeAll`, walks the audit chain, and loads the same file with a raw
 *    COPY into a plain table for comparison;
 * 4. prints the table and writes bench/results/latest.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { systemModule } from '../src/modules/system/module.js';
import type { ModuleDef } from '../src/core/module.js';
import type { KernelDB } from '../src/core/db/types.js';
import { createTenant } from '../src/core/tenant.js';
import { systemActor, type Ctx } from '../src/core/context.js';
import { createOrg } from '../src/core/orgs.js';
import { importLedger } from '../src/core/ledger/ledger.js';
import { readTable } from '../src/core/ledger/files.js';
import { formatLedgerErrors, parseLedger } from '../src/core/ledger/parse.js';
import { yearPeriod, type MetricQuery, type MetricValue, metricQuery } from '../src/core/metrics/registry.js';
import { GENESIS, verifyChain } from '../src/core/audit/audit.js';
import { measureAuditJs, type AuditJsCost } from './auditJs.js';
import {
  createHotlineBenchModule,
  onTimeJs,
  onTimeSql,
  hotlineSpec,
  type ImportProfile,
  type InsertStrategy,
  type OnTimeCounts,
  type OnTimeStrategy,
} from './hotlineBenchModule.js';
import { BENCH_BUREAU, BENCH_DEPARTMENTS, BENCH_STREETS, generateLedger, type GeneratedLedger } from './generate.js';
import { findPgServer, openPgliteEngine, openPostgresEngine, type Engine, type EngineName, type PgServer } from './engines.js';

// ---------------------------------------------------------------------------
// What is benchmarked

interface Options {
  rows: number;
  engines: EngineName[];
  seed: number;
  year: number;
  batch: number;
  insert: InsertStrategy;
  onTime: OnTimeStrategy;
  audit: boolean;
  auditPayload: 'row' | 'ref';
  out: string;
  keep: boolean;
}

/** The ledger under test: the modules to load, its key, and the keys of the figures the bench checks. */
interface BenchSubject {
  modules: readonly ModuleDef[];
  ledgerKey: string;
  metricKeys: { closed: string; onTimeRate: string; replyRate: string };
  /** Where importRows spends its time (only the bench module records it). */
  profile?: ImportProfile;
  /** The two ways of counting on-time orders, to time them side by side (bench module only). */
  onTimeVariants?: Record<OnTimeStrategy, (q: MetricQuery) => Promise<OnTimeCounts>>;
}

/**
 * The bench's own stand-in module, with the kernel's system module only (orgs): other modules'
 * work in progress cannot break or slow the bench.
 */
function benchHotlineSubject(o: Options): BenchSubject {
  const bench = createHotlineBenchModule({ insert: o.insert, batch: o.batch, onTime: o.onTime, audit: o.audit, auditPayload: o.auditPayload });
  return {
    modules: [systemModule, bench.module],
    ledgerKey: hotlineSpec.key,
    metricKeys: { closed: 'bench.hotline.closed', onTimeRate: 'bench.hotline.on_time_rate', replyRate: 'bench.hotline.reply_rate' },
    profile: bench.profile,
    onTimeVariants: { sql: onTimeSql, js: onTimeJs },
  };
}

// The ledger under test. When src/modules/hotline is in the product's module list, replace the next line with:
// const SUBJECT = async (_o: Options): Promise<BenchSubject> => ({ modules: (await import('../src/modules/index.js')).modules, ledgerKey: 'hotline-orders', metricKeys: { closed: 'hotline.closed', onTimeRate: 'hotline.on_time_rate', replyRate: 'hotline.reply_rate' } });
const SUBJECT: (o: Options) => BenchSubject | Promise<BenchSubject> = benchHotlineSubject;

// ---------------------------------------------------------------------------
// Results

interface PhaseResult {
  phase: string;
  engine: EngineName | '-';
  ms: number;
  /** CPU time of this Node process over the phase (user + system). The engine's own CPU for PGlite; only the client's share for PostgreSQL. */
  cpuMs?: number;
  rows: number;
  note?: string;
}

interface EngineResult {
  engine: EngineName;
  where: string;
  ok: boolean;
  error?: string;
  importBreakdown?: Record<string, number>;
  metrics?: Record<string, MetricValue>;
  metricMs?: Record<string, number>;
  onTime?: Record<string, { ms: number; closed: number; onTime: number }>;
  auditEvents?: number;
  dbBytes?: number;
  rawCopyWallMs?: number;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const log = (m: string) => process.stderr.write(`${m}\n`);

/** CPU time of this process so far, ms (user + system). */
const cpuNow = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = cpuNow();
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, cpuMs: cpuNow() - c0, value };
}

// ---------------------------------------------------------------------------
// Engine-independent measurements

/** Kysely's cost of building and compiling the audit INSERTs (1 000 rows × 13 columns), no database. */
function measureKyselyCompile(rows: number): number {
  const db = new Kysely<KernelDB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const at = new Date();
  const template = Array.from({ length: 1000 }, (_, i) => ({
    tenant_id: '6f1c1a2e-0000-4000-8000-000000000001',
    seq: i + 1,
    at,
    actor_id: null,
    actor_name: '基准测试',
    org_id: '6f1c1a2e-0000-4000-8000-000000000000',
    entity: 'bench.hotline_order',
    entity_id: crypto.randomUUID(),
    action: 'imported',
    changes: '{"fields":[]}',
    request_id: null,
    prev_hash: GENESIS,
    hash: GENESIS,
  }));
  const t0 = performance.now();
  for (let i = 0; i < rows; i += 1000)
    db.insertInto('audit_event')
      .values(template.slice(0, Math.min(1000, rows - i)))
      .compile();
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------
// One engine

async function setUpBureau(engine: Engine): Promise<Ctx> {
  const { tenantId, bureauId } = await createTenant(engine.sys.db, { name: BENCH_BUREAU, divisionCode: '440106' });
  const ctx: Ctx = engine.sys.ctx(systemActor(tenantId, '基准测试'));
  let sort = 1;
  for (const name of BENCH_DEPARTMENTS) await createOrg(ctx, { name, kind: 'department', parentId: bureauId, sort: sort++ });
  for (const name of BENCH_STREETS) await createOrg(ctx, { name, kind: 'street', parentId: bureauId, sort: 100 + sort++ });
  return ctx;
}

async function runEngine(
  engine: Engine,
  subject: BenchSubject,
  gen: GeneratedLedger,
  csvPath: string,
  o: Options,
  phases: PhaseResult[],
): Promise<EngineResult> {
  const res: EngineResult = { engine: engine.name, where: engine.where, ok: false };
  const ctx = await setUpBureau(engine);
  const def = engine.sys.registry.ledgers.get(subject.ledgerKey);
  if (!def) throw new Error(`ledger ${subject.ledgerKey} is not registered`);

  // Import through the ledger engine: read + parse + one transaction (rows, audit, commit).
  log(`[${engine.name}] 导入 ${o.rows} 行（台账引擎 importLedger）…`);
  const c0 = cpuNow();
  const t0 = performance.now();
  const result = await importLedger(engine.sys, ctx, def, { file: { data: gen.csv, filename: path.basename(csvPath) } });
  const t1 = performance.now();
  const importCpuMs = cpuNow() - c0;
  if (!result.ok) {
    const lines = formatLedgerErrors(result.errors, { limit: 10 });
    throw new Error(`导入失败：\n${lines.join('\n')}`);
  }
  phases.push({ phase: 'import (ledger engine)', engine: engine.name, ms: t1 - t0, cpuMs: importCpuMs, rows: result.rows });
  const p = subject.profile;
  if (p?.enteredAt) {
    const known = p.lookupMs + p.checkMs + p.insertBuildMs + p.insertExecMs + p.auditInputMs + p.auditMs;
    res.importBreakdown = {
      readAndParseMs: p.enteredAt - t0,
      lookupMs: p.lookupMs,
      checkMs: p.checkMs,
      insertBuildMs: p.insertBuildMs,
      insertExecMs: p.insertExecMs,
      auditInputMs: p.auditInputMs,
      auditManyMs: p.auditMs,
      otherInImportRowsMs: p.returnedAt - p.enteredAt - known,
      finalAuditAndCommitMs: t1 - p.returnedAt,
      statements: p.statements,
    };
  }

  // The year's metrics: every registered metric, through the registry.
  log(`[${engine.name}] 计算 ${o.year} 年度指标…`);
  const q: MetricQuery = metricQuery(ctx, yearPeriod(o.year));
  const all = await timed(() => engine.sys.registry.metrics.computeAll(q));
  phases.push({
    phase: 'metrics (computeAll)',
    engine: engine.name,
    ms: all.ms,
    cpuMs: all.cpuMs,
    rows: result.rows,
    note: `${Object.keys(all.value).length} metrics`,
  });
  res.metrics = all.value;
  res.metricMs = {};
  for (const m of engine.sys.registry.metrics.list()) {
    res.metricMs[m.key] = (await timed(() => m.query(q))).ms;
  }
  if (subject.onTimeVariants) {
    res.onTime = {};
    // Best of two rounds, alternating the variants, so neither gets the warmer cache.
    for (let round = 0; round < 2; round++) {
      for (const [k, fn] of Object.entries(subject.onTimeVariants)) {
        const r = await timed(() => fn(q));
        const best = res.onTime[k];
        if (!best || r.ms < best.ms) res.onTime[k] = { ms: r.ms, ...r.value };
      }
    }
  }

  // The audit chain the import extended: walk and re-hash it.
  log(`[${engine.name}] 校验审计链…`);
  const chain = await timed(() => verifyChain(engine.sys.db, ctx.actor.tenantId));
  if (!chain.value.ok) throw new Error(`审计链校验失败：${chain.value.reason}`);
  res.auditEvents = chain.value.events;
  phases.push({ phase: 'verify audit chain', engine: engine.name, ms: chain.ms, cpuMs: chain.cpuMs, rows: chain.value.events, note: 'events' });
  res.dbBytes = await engine.size();

  // The floor: the same file, COPY into a plain table.
  log(`[${engine.name}] COPY 到无约束的普通表…`);
  const copy = await engine.rawCopy(csvPath, gen.csv);
  if (copy.rows !== o.rows) throw new Error(`COPY 载入 ${copy.rows} 行，应为 ${o.rows} 行`);
  phases.push({
    phase: 'raw COPY',
    engine: engine.name,
    ms: copy.ms,
    cpuMs: copy.cpuMs,
    rows: copy.rows,
    note: engine.name === 'postgres' ? `psql \\copy; wall incl. psql start ${Math.round(copy.wallMs)} ms` : "COPY FROM '/dev/blob'",
  });
  res.rawCopyWallMs = copy.wallMs;
  res.ok = true;
  return res;
}

// ---------------------------------------------------------------------------
// Output

/** Display width: CJK and full-width characters count double. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, n: number, right = false) => (right ? ' '.repeat(Math.max(0, n - width(s))) + s : s + ' '.repeat(Math.max(0, n - width(s))));
const int = (n: number) => Math.round(n).toLocaleString('en-US');

function table(head: string[], rows: string[][], rightFrom = 1): string {
  const w = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, w[i]!, i >= rightFrom)).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

/** The 1-minute load average: other processes on the machine skew every number (docs/benchmark.md). */
const load = () => os.loadavg()[0]!.toFixed(2);

function report(o: Options, gen: GeneratedLedger, phases: PhaseResult[], engines: EngineResult[], skipped: string[], extra: Record<string, unknown>): string {
  const out: string[] = [];
  out.push(
    `fazhi bench — ${o.rows.toLocaleString('en-US')} rows, seed ${o.seed}, year ${o.year}, insert=${o.insert}, batch=${o.batch}, audit=${o.audit ? o.auditPayload : 'off'}, on-time=${o.onTime}; ${os.cpus().length} CPUs, Node ${process.version}`,
  );
  out.push(
    `load average (1 min): ${String(extra.loadAtStart)} at start, ${load()} at end${Number(extra.loadAtStart) > os.cpus().length / 2 ? ' — the machine was busy: numbers are inflated' : ''}`,
  );
  out.push(`CSV: ${int(gen.csv.length)} bytes (${(gen.csv.length / 1048576).toFixed(1)} MiB), UTF-8 with BOM`);
  out.push('');
  out.push(
    table(
      ['phase', 'engine', 'ms', 'rows/s', 'node CPU ms', 'note'],
      phases.map((p) => [p.phase, p.engine, int(p.ms), p.ms > 0 ? int((p.rows / p.ms) * 1000) : '-', p.cpuMs === undefined ? '-' : int(p.cpuMs), p.note ?? '']),
      2,
    ),
  );
  out.push('');
  for (const e of engines) {
    if (!e.ok) {
      out.push(`[${e.engine}] failed: ${e.error}`);
      continue;
    }
    const imp = phases.find((p) => p.engine === e.engine && p.phase === 'import (ledger engine)');
    const copy = phases.find((p) => p.engine === e.engine && p.phase === 'raw COPY');
    if (imp && copy)
      out.push(
        `[${e.engine}] ledger-engine import / raw COPY = ${(imp.ms / copy.ms).toFixed(1)}×   (${e.where}; database ${(e.dbBytes! / 1048576).toFixed(0)} MiB after import)`,
      );
  }
  for (const s of skipped) out.push(s);
  const withBreakdown = engines.filter((e) => e.importBreakdown);
  if (withBreakdown.length) {
    out.push('');
    out.push('Where the import goes (ms):');
    const keys = Object.keys(withBreakdown[0]!.importBreakdown!).filter((k) => k !== 'statements');
    out.push(
      table(
        ['step', ...withBreakdown.map((e) => e.engine)],
        keys.map((k) => [k, ...withBreakdown.map((e) => int(e.importBreakdown![k]!))]),
      ),
    );
  }
  const js = extra.auditJs as AuditJsCost | undefined;
  if (js) {
    out.push('');
    out.push(`Audit work in JS for ${int(js.events)} events, no database (recordAuditMany's steps replayed):`);
    out.push(
      table(
        ['step', 'ms', 'µs/event'],
        [
          ['diffFields', js.diffFieldsMs],
          ['JSON clone of changes', js.jsonCloneMs],
          ['canonicalJson (kernel)', js.canonicalJsonMs],
          ['sha256', js.sha256Ms],
          ['Kysely compile of the INSERTs', extra.kyselyCompileAuditMs as number],
          [`canonicalJson, loop version (${js.identical ? 'identical output' : 'OUTPUT DIFFERS'})`, js.canonicalJsonLoopMs],
        ].map(([k, v]) => [k as string, int(v as number), (((v as number) * 1000) / js.events).toFixed(1)]),
      ),
    );
  }
  const withOnTime = engines.filter((e) => e.onTime);
  if (withOnTime.length) {
    out.push('');
    out.push('on_time_rate, two ways (best of 2, ms):');
    out.push(
      table(
        ['engine', 'SQL (calendar as arrays)', 'JS (fetch dates)', 'closed', 'on time'],
        withOnTime.map((e) => [e.engine, int(e.onTime!.sql!.ms), int(e.onTime!.js!.ms), int(e.onTime!.sql!.closed), int(e.onTime!.sql!.onTime)]),
      ),
    );
  }
  out.push('');
  out.push(`Expected (from the generator): closed ${gen.expected.closed}, on_time_rate ${gen.expected.onTimeRate}, reply_rate ${gen.expected.replyRate}`);
  for (const e of engines.filter((x) => x.metrics)) out.push(`[${e.engine}] ${JSON.stringify(e.metrics)}`);
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Main

function positiveInt(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${name} 应为正整数`);
    return n;
  };
}

function parseOptions(argv: string[]): Options {
  const program = new Command()
    .name('fazhi-bench')
    .description('法治水务基准测试：生成12345工单台账，经台账引擎导入 PGlite 与 PostgreSQL，计算指标，并与原始 COPY 对比（docs/benchmark.md）')
    .addOption(new Option('--rows <n>', '行数').default(100_000).argParser(positiveInt('--rows')))
    .addOption(new Option('--engines <list>', '数据库引擎，逗号分隔：pglite,postgres').default('pglite,postgres'))
    .addOption(new Option('--seed <n>', '随机种子').default(2022).argParser(positiveInt('--seed')))
    .addOption(new Option('--year <y>', '数据年度（指标按此年度计算）').default(2022).argParser(positiveInt('--year')))
    .addOption(new Option('--batch <n>', '每条 INSERT 与每次 auditMany 的行数').default(1000).argParser(positiveInt('--batch')))
    .addOption(new Option('--insert <how>', 'INSERT 写法').choices(['values', 'kysely', 'unnest']).default('values'))
    .addOption(new Option('--on-time <how>', '按时办结率的计算方式').choices(['sql', 'js']).default('sql'))
    .addOption(new Option('--no-audit', '不记录逐行审计事件（只用于测量审计的开销）'))
    .addOption(new Option('--audit-payload <what>', '逐行审计事件的内容：row（记录各字段值）或 ref（只记录文件行号）').choices(['row', 'ref']).default('row'))
    .addOption(new Option('--out <file>', '结果 JSON').default(path.join(repoRoot, 'bench', 'results', 'latest.json')))
    .addOption(new Option('--keep', '保留临时目录（CSV 与 PGlite 数据）'))
    .showHelpAfterError();
  program.parse(argv);
  // As commander hands them: the engines still one comma-separated text, --keep absent unless given.
  const r = program.opts<Omit<Options, 'engines' | 'keep'> & { engines: string; keep?: boolean }>();
  const engines = r.engines
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const e of engines) if (e !== 'pglite' && e !== 'postgres') program.error(`未知引擎：${e}（可选 pglite、postgres）`);
  // PGlite 0.4.6 mis-reads a statement with more than 32767 parameters (signed int16 in its protocol
  // parser): it throws, or resolves having written nothing and answers [] from then on. PostgreSQL allows 65535.
  if (r.insert !== 'unnest' && r.batch * 11 > 32_767) program.error('--batch 过大：每条 INSERT 最多 32767 个参数（PGlite 的上限），即不超过 2978 行');
  return { ...r, engines: engines as EngineName[], keep: !!r.keep };
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv);
  const subject = await SUBJECT(o);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-'));
  const phases: PhaseResult[] = [];
  const engines: EngineResult[] = [];
  const skipped: string[] = [];
  const extra: Record<string, unknown> = {};
  let failed = false;
  let server: PgServer | null = null;
  extra.loadAtStart = load();
  // Interrupted (Ctrl-C): stop the throwaway cluster and remove the temp folder, or they outlive the run.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`收到 ${signal}：停止临时 PostgreSQL，删除临时目录…`);
    try {
      server?.stop();
    } finally {
      if (!o.keep) fs.rmSync(tmp, { recursive: true, force: true });
      process.exit(130);
    }
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    // 1. Generate.
    log(`生成 ${o.rows} 行12345工单台账（种子 ${o.seed}）…`);
    const g = await timed(() => generateLedger({ rows: o.rows, seed: o.seed, year: o.year }));
    const gen = g.value;
    const csvPath = path.join(tmp, '12345工单台账.csv');
    fs.writeFileSync(csvPath, gen.csv);
    phases.push({ phase: 'generate', engine: '-', ms: g.ms, cpuMs: g.cpuMs, rows: o.rows, note: `CSV ${(gen.csv.length / 1048576).toFixed(1)} MiB` });

    // 2. Parse (what importLedger does before it opens its transaction).
    log('解析（readTable + parseLedger）…');
    const read = await timed(() => readTable(gen.csv, 'bench.csv', { maxRows: Number.MAX_SAFE_INTEGER }));
    const parsed = await timed(() => parseLedger(hotlineSpec, read.value));
    if (parsed.value.errors.length) throw new Error(`生成的台账有错误：\n${formatLedgerErrors(parsed.value.errors, { limit: 10 }).join('\n')}`);
    phases.push({ phase: 'parse: read CSV', engine: '-', ms: read.ms, cpuMs: read.cpuMs, rows: o.rows, note: 'decode + csv-parse + raw rows' });
    phases.push({ phase: 'parse: cells', engine: '-', ms: parsed.ms, cpuMs: parsed.cpuMs, rows: o.rows, note: 'parseLedger (types, enums, checks)' });
    if (o.rows > 100_000)
      skipped.push(`注意：readTable 默认最多 100000 行（src/core/ledger/files.ts），importLedger 不传 maxRows，${o.rows} 行的文件会被拒绝。`);

    extra.auditJs = measureAuditJs(gen.rows);
    extra.kyselyCompileAuditMs = measureKyselyCompile(o.rows);

    // 3–4. Each engine.
    for (const name of o.engines) {
      let engine: Engine | null = null;
      try {
        if (name === 'pglite') {
          log('[pglite] 打开临时目录中的嵌入式数据库…');
          engine = await openPgliteEngine(subject.modules, path.join(tmp, 'pglite'));
        } else {
          server ??= await findPgServer().then((s) => {
            if (typeof s === 'string') {
              skipped.push(`[postgres] skipped: ${s}`);
              log(s);
              return null;
            }
            return s;
          });
          if (!server) continue;
          log(`[postgres] 连接 ${server.source}，创建临时数据库…`);
          engine = await openPostgresEngine(subject.modules, server, path.join(tmp, 'postgres'));
        }
        engines.push(await runEngine(engine, subject, gen, csvPath, o, phases));
      } catch (e) {
        failed = true;
        engines.push({ engine: name, where: engine?.where ?? '', ok: false, error: (e as Error).stack ?? String(e) });
        log(`[${name}] 失败：${(e as Error).message}`);
      } finally {
        await engine?.close().catch((e: Error) => log(`[${name}] 关闭失败：${e.message}`));
      }
    }

    // Metrics must reproduce the generator's figures on every engine.
    for (const e of engines) {
      if (!e.metrics) continue;
      const k = subject.metricKeys;
      const want: Record<string, number | null> = {
        [k.closed]: gen.expected.closed,
        [k.onTimeRate]: gen.expected.onTimeRate,
        [k.replyRate]: gen.expected.replyRate,
      };
      for (const [key, v] of Object.entries(want)) {
        if (e.metrics[key] !== v) {
          failed = true;
          skipped.push(`[${e.engine}] 指标不符：${key} = ${String(e.metrics[key])}，应为 ${String(v)}`);
        }
      }
      if (e.onTime?.sql && e.onTime.js && (e.onTime.sql.onTime !== e.onTime.js.onTime || e.onTime.sql.closed !== e.onTime.js.closed)) {
        failed = true;
        skipped.push(`[${e.engine}] 按时办结数 SQL 与 JS 两种算法不一致：${JSON.stringify(e.onTime)}`);
      }
    }

    const text = report(o, gen, phases, engines, skipped, extra);
    console.log(text);
    const json = {
      at: new Date().toISOString(),
      options: { ...o, out: undefined },
      loadAverage1m: { start: Number(extra.loadAtStart), end: Number(load()) },
      machine: {
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model ?? '',
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
      },
      csvBytes: gen.csv.length,
      expected: gen.expected,
      phases: phases.map((p) => ({ ...p, ms: Math.round(p.ms * 10) / 10, rowsPerSec: p.ms > 0 ? Math.round((p.rows / p.ms) * 1000) : null })),
      ratios: Object.fromEntries(
        engines
          .filter((e) => e.ok)
          .map((e) => {
            const imp = phases.find((p) => p.engine === e.engine && p.phase === 'import (ledger engine)')!;
            const copy = phases.find((p) => p.engine === e.engine && p.phase === 'raw COPY')!;
            return [e.engine, { importOverCopy: Math.round((imp.ms / copy.ms) * 10) / 10 }];
          }),
      ),
      engines,
      auditJs: extra.auditJs,
      kyselyCompileAuditMs: extra.kyselyCompileAuditMs,
      notes: skipped,
      ok: !failed,
    };
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, `${JSON.stringify(json, null, 2)}\n`);
    log(`结果已写入 ${path.relative(process.cwd(), o.out) || o.out}`);
  } finally {
    server?.stop();
    if (o.keep) log(`临时目录保留在 ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

const code = await main().catch((e: Error) => {
  console.error(e.stack ?? String(e));
  return 1;
});
// Set after the engines closed: the embedded engine resets process.exitCode when it shuts down.
process.exitCode = code;
