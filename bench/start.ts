/**
 * `npm run bench -- start` — how fast `fazhi serve` answers after a start and how much memory it
 * holds idle, beside a bare Fastify route over embedded PGlite on the same data folder (bench/bareServer.mjs)
 * in the same run (issue #17 item 3; docs/benchmark.md).
 *
 * The demo bureau is loaded once into a temp folder (`fazhi demo`, a child process). Then, alternately
 * and `--runs` times each (median): the server is started as a child process, /healthz polled every 10 ms
 * until it answers 200 (the cold start), its RSS read from /proc after `--settle` ms idle, then after
 * `--requests` sequential API reads by a signed-in user (the product only), then its peak RSS (sampled every
 * 50 ms) while `--users` virtual users read the same pages for `--seconds` (the product only; issue #17's
 * ≤ 500 MB under load, on the embedded database), and the process stopped.
 * The compiled server is made before the first run (bin/fazhi.js does it when the sources change), so
 * the runs measure starts, not compiles.
 *
 *   npm run bench -- start --runs 3
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { ensureServerBuild } from '../scripts/build-server.mjs';
import { drive, signIn } from './drive.js';

const root = path.resolve(import.meta.dirname, '..');
const log = (m: string) => console.error(m);

const o = new Command()
  .option('--runs <n>', 'runs of each server', '3')
  .option('--settle <ms>', 'idle time before reading the RSS', '3000')
  .option('--requests <n>', 'API reads after the idle reading (product only)', '200')
  .option('--users <n>', 'virtual users of the load phase (product only; 0: none)', '100')
  .option('--seconds <n>', 'seconds of the load phase', '10')
  .option('--out <file>', 'write the results as JSON')
  .parse(process.argv)
  .opts<{ runs: string; settle: string; requests: string; users: string; seconds: string; out?: string }>();

const rssMb = (pid: number): number => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Run {
  firstOkMs: number;
  idleRssMb: number;
  busyRssMb: number | null;
  /** Peak RSS while the virtual users read, and their rate. */
  loadPeakRssMb: number | null;
  loadRps: number | null;
}

async function measure(args: string[], port: number, reads: number): Promise<Run> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, LOG_LEVEL: 'warn' } });
  const base = `http://127.0.0.1:${port}`;
  let firstOkMs = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      firstOkMs = performance.now() - t0;
      break;
    }
    await sleep(10);
  }
  await sleep(Number(o.settle));
  const idleRssMb = rssMb(child.pid!);
  let busyRssMb: number | null = null;
  let loadPeakRssMb: number | null = null;
  let loadRps: number | null = null;
  if (reads > 0) {
    const cookie = await signIn(base);
    const paths = ['/api/auth/me', '/api/hotline/items?year=2022', '/api/enforcement/cases?year=2022', '/api/metrics?year=2022', '/api/deadlines'];
    for (let i = 0; i < reads; i++) {
      const r = await fetch(`${base}${paths[i % paths.length]}`, { headers: { cookie } });
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${paths[i % paths.length]}: ${r.status}`);
    }
    busyRssMb = rssMb(child.pid!);
    if (Number(o.users) > 0) {
      let peak = busyRssMb;
      const sampler = setInterval(() => {
        peak = Math.max(peak, rssMb(child.pid!));
      }, 50);
      let next = 0;
      const stats = await drive(base, () => paths[next++ % paths.length]!, { users: Number(o.users), seconds: Number(o.seconds), cookie });
      clearInterval(sampler);
      if (stats.errors) throw new Error(`${stats.errors} of ${stats.requests} requests of the load phase failed: ${JSON.stringify(stats.statuses)}`);
      loadPeakRssMb = Math.max(peak, rssMb(child.pid!));
      loadRps = Math.round(stats.rps);
    }
  }
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  return { firstOkMs, idleRssMb, busyRssMb, loadPeakRssMb, loadRps };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-start-'));
try {
  await ensureServerBuild({ log });
  log(`载入演示局到 ${dir} …`);
  const demo = spawnSync(process.execPath, ['bin/fazhi.js', '--data', dir, 'demo'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (demo.status !== 0) throw new Error('fazhi demo failed');
  const fazhi: Run[] = [];
  const bare: Run[] = [];
  for (let i = 0; i < Number(o.runs); i++) {
    fazhi.push(await measure(['bin/fazhi.js', '--data', dir, 'serve', '--port', '3391'], 3391, Number(o.requests)));
    bare.push(await measure(['bench/bareServer.mjs', path.join(dir, 'db'), '3392'], 3392, 0));
    log(
      `第 ${i + 1} 轮：fazhi ${Math.round(fazhi[i]!.firstOkMs)} ms / ${fazhi[i]!.idleRssMb} MB，bare ${Math.round(bare[i]!.firstOkMs)} ms / ${bare[i]!.idleRssMb} MB`,
    );
  }
  const line = {
    runs: fazhi.length,
    fazhiFirstOkMs: Math.round(median(fazhi.map((r) => r.firstOkMs))),
    bareFirstOkMs: Math.round(median(bare.map((r) => r.firstOkMs))),
    fazhiIdleRssMb: median(fazhi.map((r) => r.idleRssMb)),
    bareIdleRssMb: median(bare.map((r) => r.idleRssMb)),
    fazhiBusyRssMb: median(fazhi.map((r) => r.busyRssMb ?? 0)),
    fazhiLoadPeakRssMb: median(fazhi.map((r) => r.loadPeakRssMb ?? 0)),
    fazhiLoadRps: median(fazhi.map((r) => r.loadRps ?? 0)),
    users: Number(o.users),
    requests: Number(o.requests),
    loadAverage: os.loadavg()[0]!.toFixed(1),
  };
  const ratio = (line.fazhiFirstOkMs / line.bareFirstOkMs).toFixed(2);
  console.log(
    `| 冷启动到首个 200（fazhi） | 同目录 bare Fastify + PGlite | 比值 | 空闲 RSS（fazhi） | 空闲 RSS（bare） | ${line.requests} 次请求后 RSS | ${line.users} 用户读取时峰值 RSS（req/s） | 负载 |`,
  );
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(
    `| ${line.fazhiFirstOkMs} ms | ${line.bareFirstOkMs} ms | ${ratio}× | ${line.fazhiIdleRssMb} MB | ${line.bareIdleRssMb} MB | ${line.fazhiBusyRssMb} MB | ${line.fazhiLoadPeakRssMb} MB（${line.fazhiLoadRps}） | ${line.loadAverage} |`,
  );
  if (o.out) fs.writeFileSync(o.out, JSON.stringify({ ...line, ratio: Number(ratio) }, null, 2));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
