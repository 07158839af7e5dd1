/**
 * `npm run bench -- audit` — the audit chain's verification beside reading the same rows, in the same run
 * (issue #17 item 4, docs/benchmark.md).
 *
 * For each engine (PGlite in a temp folder, PostgreSQL — bench/engines.ts): one bureau, then N audit events
 * appended to its chain with COPY in chunks (the real hash chain, computed by the kernel's `eventHash`, so
 * the verify passes). The events are a 12345 order's life as the modules write it, on the bench's
 * generated orders (bench/generate.ts): imported (every field, the file's row), assigned (unit and status),
 * replied, closed (time, satisfaction, status), each with the record's state hash. Then, median of 3,
 * alternating:
 *   (a) reading the rows in seq order: a keyset loop fetching the columns the hash needs, nothing else;
 *   (b) a full `verifyChain`;
 * then a signed checkpoint at the head, 1 % new events appended, and
 *   (c) `verifyIncremental` from that checkpoint — the rows it reads from audit_event are counted (a Kysely
 *       plugin on the connection) and must be the new events only (plus the checkpointed event and the head);
 *   (d) the process's RSS: when the measured runs began and its peak during each (sampled every 50 ms).
 * Prints (b)/(a) against the target ≤ 2× and writes bench/results/audit.json.
 *
 *   npm run bench -- audit --events 100000
 *   npm run bench -- audit --events 1000000 --engines postgres
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { Command } from 'commander';
import {
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  RawNode,
  SelectQueryNode,
  TableNode,
  sql,
} from 'kysely';
import { systemModule } from '../src/modules/system/module.js';
import { createTenant } from '../src/core/tenant.js';
import { diffFields, eventHash, GENESIS, verifyChain, type AuditEvent } from '../src/core/audit/audit.js';
import { verifyIncremental } from '../src/core/audit/checkpoint.js';
import { EngineRun, type Engine, type EngineName } from './engines.js';
import { BENCH_BUREAU, generateLedger } from './generate.js';
import type { HotlineRow } from './hotlineBenchModule.js';

const log = (m: string) => console.error(m);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number) => n / 2 ** 20;
/** Events per COPY (one CSV file each): the generator's memory stays flat. */
const COPY_CHUNK = 50_000;
/** The columns of audit_event in table order (COPY without a column list). */
const COLUMNS = [
  'tenant_id',
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'org_id',
  'entity',
  'entity_id',
  'action',
  'changes',
  'request_id',
  'prev_hash',
  'hash',
  'state_hash',
];

// ---------------------------------------------------------------------------
// Generating the chain

const csvCell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return `"${s.replace(/"/g, '""')}"`;
};

const STAFF = ['王立新', '陈晓燕', '李志强', '张敏', '刘建国', '黄丽娟', '周海涛', '吴静', '郑伟', '何嘉欣'];

/** An order's life as the 12345 module writes it: imported, assigned, replied, closed. */
function* orderEvents(
  v: HotlineRow,
  row: number,
  ids: { orgs: string[]; actors: string[] },
): Generator<Omit<AuditEvent, 'tenantId' | 'seq' | 'prevHash' | 'hash' | 'at'>> {
  const entityId = crypto.randomUUID();
  const org = ids.orgs[row % ids.orgs.length]!;
  const actor = row % ids.actors.length;
  const state = () => crypto.randomBytes(32).toString('hex');
  const base = { entity: 'hotline.order', entityId, actorId: ids.actors[actor]!, actorName: STAFF[actor % STAFF.length]!, orgId: org };
  const after = {
    ref_no: v.orderNo,
    received_at: v.receivedAt,
    demand_type: v.type,
    content: v.content,
    channel: '12345热线',
    org_id: ids.orgs[0],
    time_limit: v.timeLimit,
    status: 'registered',
    closed_at: null,
    replied_at: null,
    satisfaction: null,
  };
  const req = () => `req-${crypto.randomBytes(6).toString('hex')}`;
  yield {
    ...base,
    action: 'imported',
    changes: { fields: diffFields(null, after), note: { via: 'ledger:hotline-orders', row: row + 2 } },
    requestId: req(),
    stateHash: state(),
  };
  yield {
    ...base,
    action: 'assign',
    changes: {
      fields: [
        { field: 'org_id', before: ids.orgs[0], after: org },
        { field: 'status', before: 'registered', after: 'handling' },
      ],
      note: { reason: '按属地转办承办单位' },
    },
    requestId: req(),
    stateHash: state(),
  };
  if (v.repliedAt)
    yield { ...base, action: 'reply', changes: { fields: [{ field: 'replied_at', before: null, after: v.repliedAt }] }, requestId: req(), stateHash: state() };
  if (v.closedAt)
    yield {
      ...base,
      action: 'close',
      changes: {
        fields: [
          { field: 'closed_at', before: null, after: v.closedAt },
          { field: 'satisfaction', before: null, after: v.satisfaction },
          { field: 'status', before: 'handling', after: 'closed' },
        ],
        note: { result: '已办结，已回复市民' },
      },
      requestId: req(),
      stateHash: state(),
    };
}

/** Appends `n` events to the tenant's chain after its head, with COPY in chunks of CSV files. */
async function appendEvents(engine: Engine, tenantId: string, o: { n: number; dir: string; seed: number }): Promise<number> {
  const db = engine.sys.db;
  const head = await db.selectFrom('audit_event').select(['seq', 'hash']).where('tenant_id', '=', tenantId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = Number(head?.seq ?? 0);
  let prev = head?.hash ?? GENESIS;
  const ids = { orgs: Array.from({ length: 30 }, () => crypto.randomUUID()), actors: Array.from({ length: 40 }, () => crypto.randomUUID()) };
  let at = Date.parse('2023-01-03T01:30:00Z');
  let written = 0;
  let chunk = 0;
  let orders = 0;
  while (written < o.n) {
    const want = Math.min(COPY_CHUNK, o.n - written);
    // ~3.8 events an order: enough orders for the chunk (cut off at `want`).
    const ledger = generateLedger({ rows: Math.ceil(want / 3.5), seed: o.seed + chunk, year: 2023 });
    const lines: string[] = [COLUMNS.join(',')];
    let k = 0;
    outer: for (const v of ledger.rows) {
      for (const e of orderEvents(v, orders++, ids)) {
        if (k >= want) break outer;
        at += 1000 + (k % 7) * 137;
        seq++;
        const ev: Omit<AuditEvent, 'hash'> = { ...e, tenantId, seq, at: new Date(at), prevHash: prev };
        const hash = eventHash(ev);
        lines.push(
          [
            tenantId,
            seq,
            ev.at.toISOString(),
            ev.actorId,
            ev.actorName,
            ev.orgId,
            ev.entity,
            ev.entityId,
            ev.action,
            JSON.stringify(ev.changes),
            ev.requestId,
            prev,
            hash,
            ev.stateHash,
          ]
            .map(csvCell)
            .join(','),
        );
        prev = hash;
        k++;
      }
    }
    const file = path.join(o.dir, `audit-${chunk}.csv`);
    const csv = Buffer.from(`${lines.join('\n')}\n`);
    fs.writeFileSync(file, csv);
    await engine.rawCopy(file, csv, 'audit_event');
    fs.rmSync(file);
    written += k;
    chunk++;
    if (chunk % 4 === 0) log(`[${engine.name}]   ${written} / ${o.n}`);
  }
  return written;
}

// ---------------------------------------------------------------------------
// Measuring

/** Counts the rows queries of audit_event return (the incremental verify must read only the new events). */
class AuditRowCounter implements KyselyPlugin {
  rows = 0;
  private readonly ofAudit = new WeakSet<object>();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const n = args.node;
    const fromAudit =
      (SelectQueryNode.is(n) && (n.from?.froms ?? []).some((f) => TableNode.is(f) && f.table.identifier.name === 'audit_event')) ||
      (RawNode.is(n) && n.sqlFragments.join(' ').includes('audit_event'));
    if (fromAudit) this.ofAudit.add(args.queryId);
    return n;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (this.ofAudit.has(args.queryId)) this.rows += args.result.rows.length;
    return args.result;
  }
}

/** (a): the rows in seq order, the columns the hash needs, by a keyset loop of `batch` rows. */
async function readRows(engine: Engine, tenantId: string, batch = 5000): Promise<number> {
  let after = 0;
  let n = 0;
  for (;;) {
    const r = await sql<{
      seq: string;
    }>`SELECT seq, at, actor_id, actor_name, org_id, entity, entity_id, action, changes, request_id, state_hash, prev_hash, hash
      FROM audit_event WHERE tenant_id = ${tenantId} AND seq > ${after} ORDER BY seq LIMIT ${batch}`.execute(engine.sys.db);
    if (!r.rows.length) return n;
    n += r.rows.length;
    after = Number(r.rows[r.rows.length - 1]!.seq);
  }
}

/** Times `f` while sampling the RSS every 50 ms. */
async function measured<T>(f: () => Promise<T>): Promise<{ ms: number; cpuMs: number; peakRssMb: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const value = await f();
    const ms = performance.now() - t0;
    const c = process.cpuUsage(c0);
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ms, cpuMs: (c.user + c.system) / 1000, peakRssMb: mb(peak), value };
  } finally {
    clearInterval(sampler);
  }
}

/** `--profile <dir>`: a CPU profile of `f` (the first full verify of each engine), for Chrome DevTools or speedscope. */
async function profiled<T>(file: string | undefined, f: () => Promise<T>): Promise<T> {
  if (!file) return f();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await f();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    log(`CPU profile: ${file}`);
  }
}

export interface AuditLine {
  engine: EngineName;
  where: string;
  events: number;
  generateMs: number;
  readMs: number;
  verifyMs: number;
  ratio: number;
  incremental: { newEvents: number; ms: number; checked: number; rowsRead: number };
  rss: { startMb: number; readPeakMb: number; verifyPeakMb: number; incrementalPeakMb: number };
  runs: { readMs: number[]; verifyMs: number[]; incrementalMs: number[] };
  /** This process's CPU time (medians): the JS side of each — the driver's decoding, and for (b) the hashing; PGlite's engine runs in it too. */
  cpu: { readMs: number; verifyMs: number };
  dbMb: number;
}

async function runOne(engine: Engine, o: { events: number; runs: number; dir: string; profile?: string }): Promise<AuditLine> {
  const db = engine.sys.db;
  const { tenantId } = await createTenant(db, { name: BENCH_BUREAU, divisionCode: '440106' });
  log(`[${engine.name}] 生成 ${o.events} 条审计事件（COPY，每批 ${COPY_CHUNK} 条）…`);
  const t0 = performance.now();
  await appendEvents(engine, tenantId, { n: o.events, dir: o.dir, seed: 2023 });
  const generateMs = performance.now() - t0;
  await sql`VACUUM ANALYZE audit_event`.execute(db);
  const total = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM audit_event WHERE tenant_id = ${tenantId}`.execute(db)).rows[0]!.n);
  const startMb = mb(process.memoryUsage().rss);
  // Warm-up: the table's pages into the cache, the code paths compiled.
  await readRows(engine, tenantId);
  const read: number[] = [];
  const verify: number[] = [];
  const readCpu: number[] = [];
  const verifyCpu: number[] = [];
  let readPeak = 0;
  let verifyPeak = 0;
  for (let i = 0; i < o.runs; i++) {
    // Alternate which goes first, so neither always gets the warmer cache.
    const a = async () => {
      const r = await measured(() => readRows(engine, tenantId));
      if (r.value !== total) throw new Error(`读取 ${r.value} 行，应为 ${total} 行`);
      read.push(r.ms);
      readCpu.push(r.cpuMs);
      readPeak = Math.max(readPeak, r.peakRssMb);
    };
    const b = async () => {
      const file = i === 0 && o.profile ? path.join(o.profile, `verify-${engine.name}.cpuprofile`) : undefined;
      const r = await measured(() => profiled(file, () => verifyChain(db, tenantId)));
      if (!r.value.ok) throw new Error(`审计链校验失败：${r.value.reason}`);
      if (r.value.events !== total) throw new Error(`校验 ${r.value.events} 条，应为 ${total} 条`);
      verify.push(r.ms);
      verifyCpu.push(r.cpuMs);
      verifyPeak = Math.max(verifyPeak, r.peakRssMb);
    };
    if (i % 2) {
      await b();
      await a();
    } else {
      await a();
      await b();
    }
    log(`[${engine.name}]   第 ${i + 1} 轮：读取 ${read.at(-1)!.toFixed(0)} ms，校验 ${verify.at(-1)!.toFixed(0)} ms`);
  }
  // (c) A checkpoint at the head, 1 % new events, then the incremental verify.
  const cp = await verifyIncremental(db, tenantId, engine.sys.auditKey, { write: true });
  if (!cp.ok || cp.checkpoint !== total) throw new Error(`检查点未能签署：${JSON.stringify(cp)}`);
  const newEvents = Math.max(1, Math.round(total / 100));
  await appendEvents(engine, tenantId, { n: newEvents, dir: o.dir, seed: 9001 });
  await sql`ANALYZE audit_event`.execute(db);
  const counter = new AuditRowCounter();
  const counted = db.withPlugin(counter);
  const inc: number[] = [];
  let incPeak = 0;
  let checked = 0;
  let rowsRead = 0;
  for (let i = 0; i < o.runs; i++) {
    counter.rows = 0;
    const r = await measured(() => verifyIncremental(counted, tenantId, engine.sys.auditKey, { write: false }));
    if (!r.value.ok) throw new Error(`增量校验失败：${r.value.reason}`);
    checked = r.value.checked;
    rowsRead = counter.rows;
    // The new events, the checkpointed event (its content is re-checked) and the head look-up: nothing older.
    if (checked !== newEvents || rowsRead > newEvents + 3) throw new Error(`增量校验读取了 ${rowsRead} 行（校验 ${checked} 条），应只读新增的 ${newEvents} 条`);
    inc.push(r.ms);
    incPeak = Math.max(incPeak, r.peakRssMb);
  }
  const readMs = median(read);
  const verifyMs = median(verify);
  return {
    engine: engine.name,
    where: engine.where,
    events: total,
    generateMs,
    readMs,
    verifyMs,
    ratio: verifyMs / readMs,
    incremental: { newEvents, ms: median(inc), checked, rowsRead },
    rss: { startMb, readPeakMb: readPeak, verifyPeakMb: verifyPeak, incrementalPeakMb: incPeak },
    runs: { readMs: read, verifyMs: verify, incrementalMs: inc },
    cpu: { readMs: median(readCpu), verifyMs: median(verifyCpu) },
    dbMb: mb(await engine.size()),
  };
}

async function main() {
  const program = new Command()
    .option('--events <n>', '审计事件数', '1000000')
    .option('--engines <list>', 'pglite,postgres', 'pglite,postgres')
    .option('--runs <n>', '每项测量的次数（取中位数）', '3')
    .option('--out <file>', '结果 JSON', 'bench/results/audit.json')
    .option('--profile <dir>', '把每个引擎第一次全量校验的 CPU 剖析写入此目录（.cpuprofile）')
    .parse();
  const p = program.opts();
  const engines = String(p.engines).split(',') as EngineName[];
  const events = Number(p.events);
  const runs = Number(p.runs);
  if (!Number.isSafeInteger(events) || events < 100) throw new Error('--events 应为不小于 100 的整数');
  const loadAtStart = os.loadavg()[0]!;
  const lines: AuditLine[] = [];
  const run = new EngineRun([systemModule], 'fazhi-bench-audit-', log);
  try {
    for (const name of engines) {
      const opened = await run.open(name);
      if (!opened) continue;
      const { engine, dir } = opened;
      try {
        const l = await runOne(engine, { events, runs, dir, profile: p.profile ? path.resolve(String(p.profile)) : undefined });
        lines.push(l);
        log(
          `[${name}] ${l.events} 条：读取 ${(l.readMs / 1000).toFixed(2)} s，全量校验 ${(l.verifyMs / 1000).toFixed(2)} s，${l.ratio.toFixed(2)}×（目标 ≤ 2×）；增量 ${l.incremental.newEvents} 条 ${(l.incremental.ms / 1000).toFixed(2)} s`,
        );
      } finally {
        await engine.close();
      }
    }
  } finally {
    run.close();
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const table = [
    '| 引擎 | 事件数 | (a) 按序读取 | (b) 全量校验 | (b)/(a)（目标 ≤ 2×） | 本进程 CPU (a) / (b) | (c) 检查点后新增 1 % 的增量校验 | 增量读取的行 | RSS 起点 → 峰值（读取 / 校验 / 增量） |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...lines.map(
      (l) =>
        `| ${l.engine} | ${l.events} | ${s(l.readMs)} | ${s(l.verifyMs)} | ${l.ratio.toFixed(2)}× ${l.ratio <= 2 ? '✓' : '✗'} | ${s(l.cpu.readMs)} / ${s(l.cpu.verifyMs)} | ${s(l.incremental.ms)}（${l.incremental.newEvents} 条） | ${l.incremental.rowsRead} | ${l.rss.startMb.toFixed(0)} → ${l.rss.readPeakMb.toFixed(0)} / ${l.rss.verifyPeakMb.toFixed(0)} / ${l.rss.incrementalPeakMb.toFixed(0)} MB |`,
    ),
  ].join('\n');
  console.log(table);
  console.log(
    `load average (1 min): ${loadAtStart.toFixed(2)} at start, ${os.loadavg()[0]!.toFixed(2)} at end; ${os.cpus().length} CPUs, Node ${process.version}`,
  );
  fs.mkdirSync(path.dirname(p.out), { recursive: true });
  fs.writeFileSync(
    p.out,
    `${JSON.stringify({ at: new Date().toISOString(), events, runs, loadAverage1m: { start: loadAtStart, end: os.loadavg()[0] }, cpus: os.cpus().length, node: process.version, lines }, null, 2)}\n`,
  );
  if (lines.some((l) => l.ratio > 2)) process.exitCode = 1;
}

await main();
