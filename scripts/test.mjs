#!/usr/bin/env node
// `npm test`: the whole suite — unit and integration tests on the embedded
// PGlite and on a real PostgreSQL server, then the browser tests.
// A server comes from FAZHI_TEST_PG_URL, or a throwaway cluster is started from
// the machine's PostgreSQL binaries. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { startCluster } from './pg-cluster.mjs';

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
let status = 1;
try {
  const r = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
  status = r.status ?? 1;
} finally {
  cluster?.stop();
}
process.exit(status);
