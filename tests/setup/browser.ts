// Global setup of the browser tests: builds the web app when its build is missing
// or older than its sources, opens a demo system on a fresh embedded database in a
// temporary folder, serves it (API + web/dist) on a free local port, and provides
// the base URL to the tests (`inject('baseUrl')`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openSystem } from '../../src/core/system.js';
import { modules } from '../../src/modules/index.js';
import { loadDemo } from '../../src/cli/demo.js';
import { buildServer } from '../../src/server/app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the system under test listens, e.g. http://127.0.0.1:40123 */
    baseUrl: string;
  }
}

const WEB = path.resolve('web');
const DIST_INDEX = path.join(WEB, 'dist', 'index.html');

/** Newest modification time under a file or folder. */
function newest(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

async function ensureWebBuild(): Promise<void> {
  const sources = Math.max(
    newest(path.join(WEB, 'src')),
    newest(path.join(WEB, 'index.html')),
    newest(path.join(WEB, 'vite.config.ts')),
    newest(path.join(WEB, 'public')),
  );
  if (fs.existsSync(DIST_INDEX) && fs.statSync(DIST_INDEX).mtimeMs >= sources) return;
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const env = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: WEB, configFile: path.join(WEB, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
}

export default async function setup(project: TestProject) {
  await ensureWebBuild();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-browser-'));
  const sys = await openSystem({ modules, target: { kind: 'pglite', dataDir: path.join(tmp, 'db') }, data: tmp });
  await loadDemo(sys, { log: () => {} });
  const app = await buildServer(sys, { logger: false, webDist: path.join(WEB, 'dist') });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', url);
  return async () => {
    // The embedded engine resets process.exitCode when it shuts down; keep the
    // test run's verdict (vitest has set it to 1 if anything failed).
    const verdict = process.exitCode;
    await app.close();
    await sys.close();
    process.exitCode = verdict;
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}
