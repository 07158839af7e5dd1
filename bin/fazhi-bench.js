#!/usr/bin/env node
// `npm run bench`: the benchmark harness (docs/benchmark.md). Runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../bench/main.ts');
