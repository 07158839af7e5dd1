/**
 * What the load benches share (bench/load.ts, bench/province.ts): virtual users driving an HTTP
 * endpoint (keep-alive, node:http, each sending its next request when the last one answered), and
 * a server child process waited for and stopped.
 */
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** One endpoint's measure. */
export interface Stats {
  target: string;
  endpoint: string;
  requests: number;
  errors: number;
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
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return { requests: lat.length, errors, rps: lat.length / elapsed, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99) };
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
