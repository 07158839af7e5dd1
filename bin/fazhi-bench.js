#!/usr/bin/env node
// `npm run bench`: ledger imports on the product's own ledgers (bench/imports.ts, docs/benchmark.md).
// `npm run bench -- metrics`: a district-year's 12345 figures by the registry beside hand-written SQL (bench/metrics.ts).
// `npm run bench -- start`: `fazhi serve`'s cold start and idle memory beside a bare Fastify + PGlite server (bench/start.ts).
// `npm run bench -- load`: the 12345 list, filters, cursor pages and overview counts under 100 users beside a bare Fastify route (bench/load.ts).
// `npm run bench -- audit`: the audit chain's full and incremental verify beside reading the same rows (bench/audit.ts).
// `npm run bench -- province`: N bureaus on one PostgreSQL — every bureau's metrics, the province roll-up, one bureau's list p95 (bench/province.ts).
// `npm run bench:legacy`: the first harness (a stand-in 12345 module, metrics, audit verification).
import { register } from 'tsx/esm/api';

register();
if (process.argv[2] === 'legacy') {
  process.argv.splice(2, 1);
  await import('../bench/main.ts');
} else if (process.argv[2] === 'metrics') {
  process.argv.splice(2, 1);
  await import('../bench/metrics.ts');
} else if (process.argv[2] === 'load') {
  process.argv.splice(2, 1);
  await import('../bench/load.ts');
} else if (process.argv[2] === 'audit') {
  process.argv.splice(2, 1);
  await import('../bench/audit.ts');
} else if (process.argv[2] === 'province') {
  process.argv.splice(2, 1);
  await import('../bench/province.ts');
} else if (process.argv[2] === 'start') {
  process.argv.splice(2, 1);
  await import('../bench/start.ts');
} else {
  await import('../bench/imports.ts');
}
