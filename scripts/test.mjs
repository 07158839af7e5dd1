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
// With no arguments, two vitest runs one after the other: the database projects (two workers that keep their
// imported modules from file to file), then the browser project (its files one at a time, on a machine the
// database tests no longer load: side by side they were 6 minutes quicker, but a select's pick under that load
// failed now and then). Both run even when the first fails, so one run shows every failure. Arguments (a file,
// -t, --project) make it one run.
const args = process.argv.slice(2);
const runs = args.length
  ? [args]
  : [
      ['--project', 'pglite', ...(env.FAZHI_TEST_PG_URL ? ['--project', 'postgres'] : [])],
      ['--project', 'browser'],
    ];
let status = 1;
try {
  const codes = runs.map((argv) => spawnSync('npx', ['vitest', 'run', ...argv], { stdio: 'inherit', env }).status ?? 1);
  if (runs.length > 1) console.log(`数据库测试：${codes[0] === 0 ? '通过' : '未通过'}；浏览器测试：${codes[1] === 0 ? '通过' : '未通过'}`);
  status = codes.find((c) => c !== 0) ?? 0;
} finally {
  cluster?.stop();
}
process.exit(status);
