import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { modules } from '../modules/index.js';
import { openSystem } from '../core/system.js';
import { resolveTarget } from '../core/db/connect.js';
import { listTenants } from '../core/tenant.js';
import { buildServer } from '../server/app.js';
import { scheduleCheckpoints } from '../core/audit/checkpoint.js';
import { projectRoot } from '../core/paths.js';
import { DEMO_TENANT, demoAccountsText } from './demo.js';

const webRoot = `${path.join(projectRoot, 'web')}/`;

/** Runs a node script as a child process sharing this terminal; refuses when it fails. */
function runNode(script: string, args: string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit', env: process.env });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${what}失败（${signal ?? `退出码 ${code}`}）`))));
  });
}

/** Builds the web app when its build is missing or older than its sources (npm start on a fresh clone). */
export async function ensureWebBuild(log: (m: string) => void): Promise<void> {
  const index = `${webRoot}dist/index.html`;
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((t, e) => {
      const p = `${dir}/${e.name}`;
      return Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }, 0);
  // The sources, the page, the static files and the build's own configuration all make a new build.
  const sources = Math.max(
    newest(`${webRoot}src`),
    newest(`${webRoot}public`),
    fs.statSync(`${webRoot}index.html`).mtimeMs,
    fs.statSync(`${webRoot}vite.config.ts`).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log('正在构建前端（首次启动约需半分钟）…');
  // In a child process: what the bundler allocates (much of it native memory that a process keeps)
  // goes with it instead of staying in the server for its whole life.
  const vitePkg = createRequire(import.meta.url).resolve('vite/package.json');
  const bin = (JSON.parse(fs.readFileSync(vitePkg, 'utf8')) as { bin: { vite: string } }).bin.vite;
  await runNode(path.join(path.dirname(vitePkg), bin), ['build', webRoot, '--logLevel', 'warn'], '构建前端');
}

/** `fazhi serve` / `npm start`: migrate, optionally load the demo into an empty database, listen. */
export async function serve(opts: { data?: string; port: number; host: string; demoIfEmpty: boolean; buildWeb?: boolean }) {
  const log = (m: string) => console.log(m);
  if (opts.buildWeb) await ensureWebBuild(log);
  const target = resolveTarget({ data: opts.data });
  // The demo loads in a child process (`fazhi demo`), and the server opens the database after it: what
  // loading grows — the embedded database's WASM heap, which never shrinks, and the JS heap — leaves
  // with the child. A new embedded folder (no PG_VERSION yet) is known empty without opening it here
  // (creating and migrating it in this process would grow the heap the same way); otherwise the
  // database is opened and asked.
  const loadDemo = () => runNode(path.join(projectRoot, 'bin', 'fazhi.js'), [...(opts.data ? ['--data', opts.data] : []), 'demo'], '载入演示局');
  const newFolder = target.kind === 'pglite' && !!target.dataDir && !fs.existsSync(path.join(target.dataDir, 'PG_VERSION'));
  let demo = false;
  if (opts.demoIfEmpty && newFolder) {
    log('数据库为空，正在载入演示局…');
    await loadDemo();
    demo = true;
  }
  let sys = await openSystem({ modules, target, data: opts.data });
  if (opts.demoIfEmpty && !demo && !(await listTenants(sys.db)).length) {
    log('数据库为空，正在载入演示局…');
    await sys.close();
    await loadDemo();
    sys = await openSystem({ modules, target, data: opts.data });
    demo = true;
  }
  const app = await buildServer(sys, { logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  // Signed checkpoints of the audit chain every hour (FAZHI_CHECKPOINT_MINUTES; 0 turns it off).
  const minutes = Number(process.env.FAZHI_CHECKPOINT_MINUTES ?? 60);
  const stopCheckpoints = scheduleCheckpoints(sys.db, sys.auditKey, sys.keys.sink, {
    minutes: Number.isFinite(minutes) ? minutes : 60,
    log: { info: (m) => app.log.info(m), error: (m) => app.log.error(m) },
  });
  const close = async () => {
    stopCheckpoints();
    await app.close();
    await sys.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);
  await app.listen({ port: opts.port, host: opts.host });
  const where = target.kind === 'pglite' ? `嵌入式数据库 ${target.dataDir}` : 'PostgreSQL 服务器（DATABASE_URL）';
  log(`\n法治水务已启动：http://${opts.host === '0.0.0.0' ? 'localhost' : opts.host}:${opts.port}/  （${where}；接口文档 /api/docs）`);
  if (demo || (await listTenants(sys.db)).some((t) => t.name === DEMO_TENANT.name)) log(demoAccountsText());
}
