#!/usr/bin/env node
// `npm test`: the lint (Biome), the types (tsc), then the whole suite — unit and integration tests on the embedded
// PGlite and on a real PostgreSQL server, then the browser tests.
// A server comes from FAZHI_TEST_PG_URL, or a throwaway cluster is started from
// the machine's PostgreSQL binaries. Extra arguments go to vitest.
import { spawn, spawnSync } from 'node:child_process';
import { startCluster } from './pg-cluster.mjs';

// Formatted and lint-clean first (Biome, a second or two): a style error fails the suite.
{
  const lint = spawnSync('npx', ['biome', 'ci', '.', '--reporter=summary'], { stdio: 'inherit' });
  if (lint.status !== 0) {
    console.error('代码格式或静态检查未通过：运行 npm run lint 查看，npm run format 自动排版。');
    process.exit(lint.status ?? 1);
  }
}
// Then the types (tsc, server and web, side by side, about half a minute): vitest strips types without
// checking them, so a type error in a test or a page would otherwise pass the suite.
{
  const check = (project) =>
    new Promise((resolve) => spawn('npx', ['tsc', '-p', project, '--noEmit'], { stdio: 'inherit' }).on('close', (code) => resolve({ project, code })));
  for (const { project, code } of await Promise.all(['.', 'web'].map(check))) {
    if (code !== 0) {
      console.error(`类型检查未通过（tsc -p ${project}）：运行 npm run typecheck 查看。`);
      process.exit(code ?? 1);
    }
  }
}

let cluster = null;
const env = { ...process.env };
if (!env.FAZHI_TEST_PG_URL) {
  cluster = await startCluster().catch((e) => {
    console.error(`无法启动临时 PostgreSQL：${e.message}`);
    return null;
  });
  if (cluster) env.FAZHI_TEST_PG_URL = cluster.url;
}
if (!env.FAZHI_TEST_PG_URL) {
  console.error('找不到 PostgreSQL（initdb）：本次只在嵌入式 PGlite 上运行测试。安装 Debian 的 postgresql 包，或设置 FAZHI_TEST_PG_URL。');
  if (env.CI) process.exit(1);
}
// The database tests (both engines, in parallel workers) and the browser tests (one file at a time: they share one
// demo server) run side by side as two vitest processes: a browser test mostly waits on the page, so its lane fills
// the cores the database tests leave idle. Extra arguments naming a project or files run one vitest, as given.
const extra = process.argv.slice(2);
const vitest = (args, opts = {}) =>
  new Promise((resolve) => {
    const child = spawn('npx', ['vitest', 'run', ...args], { stdio: opts.prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', env });
    if (opts.prefix) {
      // Each line of the browser lane said with its prefix, so the two lanes' output can be told apart.
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        let rest = '';
        from.setEncoding('utf8');
        from.on('data', (chunk) => {
          const lines = (rest + chunk).split('\n');
          rest = lines.pop() ?? '';
          for (const l of lines) to.write(`${opts.prefix}${l}\n`);
        });
        from.on('end', () => rest && to.write(`${opts.prefix}${rest}\n`));
      }
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
let status = 1;
try {
  if (extra.length) status = await vitest(extra);
  else {
    const dbProjects = ['--project', 'pglite', ...(env.FAZHI_TEST_PG_URL ? ['--project', 'postgres'] : [])];
    const [db, browser] = await Promise.all([vitest(dbProjects), vitest(['--project', 'browser'], { prefix: '[browser] ' })]);
    if (db !== 0) console.error('数据库测试未通过（见上方输出）。');
    if (browser !== 0) console.error('浏览器测试未通过（见上方 [browser] 开头的输出）。');
    status = db || browser;
  }
} finally {
  cluster?.stop();
}
process.exit(status);
