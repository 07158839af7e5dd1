/**
 * What the load benches share (bench/load.ts, bench/province.ts, bench/start.ts): virtual users
 * driving an HTTP endpoint (keep-alive, node:http, each sending its next request when the last one
 * answered), the product started on a database and signed in to, and a server child process waited
 * for and stopped.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureServerBuild } from '../scripts/build-server.mjs';

const root = path.resolve(import.meta.dirname, '..');

/** One endpoint's measure. */
export interface Stats {
  target: string;
  endpoint: string;
  requests: number;
  errors: number;
  /** How many answers had each status (0: no answer, the connection failed). */
  statuses?: Record<number, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/** `users` loops, each GETting the next path when the last answered, for `seconds`: latencies and rate. */
export async function drive(
  base: string,
  paths: () => string,
  o: { users: number; seconds: number; cookie?: string },
): Promise<Omit<Stats, 'target' | 'endpoint'>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.users });
  const lat: number[] = [];
  let errors = 0;
  const statuses: Record<number, number> = {};
  const get = (p: string) =>
    new Promise<number>((resolve) => {
      const req = http.get(`${base}${p}`, { agent, headers: o.cookie ? { cookie: o.cookie } : {} }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
    });
  const t0 = performance.now();
  const end = t0 + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.users }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        const status = await get(paths());
        lat.push(performance.now() - s);
        if (status !== 200) errors++;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { requests: lat.length, errors, statuses, rps: lat.length / elapsed, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99) };
}

export async function waitUp(child: ChildProcess, url: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer`);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Signs in as the demo's leader: the session cookie (`name=value`) to send with each request. */
export async function signIn(base: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'leader', password: 'Fazhi@2022' }),
  });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  return String(login.headers.get('set-cookie')).split(';')[0]!;
}

/**
 * Starts the product (`fazhi serve`, its build made first) on `databaseUrl` and `port`, added to
 * `children` (stopped by the caller), waits until it answers and signs in: its base URL and cookie.
 */
export async function serveFazhi(databaseUrl: string, port: number, children: ChildProcess[]): Promise<{ child: ChildProcess; base: string; cookie: string }> {
  await ensureServerBuild();
  const child = spawn(process.execPath, ['bin/fazhi.js', 'serve', '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitUp(child, `${base}/healthz`);
  return { child, base, cookie: await signIn(base) };
}
