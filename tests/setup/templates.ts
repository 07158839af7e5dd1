// Global setup: builds two migrated template databases once per run — `empty`
// (schema only) and `demo` (the demo bureau loaded) — so each test file starts
// from a cheap clone instead of a fresh migration.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPglite, kyselyOverPglite, openDatabase } from '../../src/core/db/connect.js';
import { openSystem } from '../../src/core/system.js';
import { modules } from '../../src/modules/index.js';
import { loadDemo } from '../../src/cli/demo.js';
import type { TestProject } from 'vitest/node';
import { ensureServerBuild } from '../../scripts/build-server.mjs';
import { templateDir, pgTemplateName, adminUrl } from '../helpers/paths.js';

export default async function setup(project: TestProject) {
  // The compiled server the CLI tests spawn (bin/fazhi.js), made once here rather than by the first spawns at once.
  await ensureServerBuild();
  const kind = String(project.config.env?.FAZHI_TEST_DB ?? 'pglite');
  const TEMPLATE_DIR = templateDir(kind);
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  for (const which of ['empty', 'demo'] as const) {
    if (kind === 'pglite') {
      const pglite = await openPglite(null);
      const db = kyselyOverPglite(pglite);
      const sys = await openSystem({
        modules,
        database: { db, target: { kind: 'pglite', dataDir: null }, pglite, close: () => db.destroy() },
        filesDir: path.join(TEMPLATE_DIR, 'files'),
        keyDir: path.join(TEMPLATE_DIR, 'keys'),
      });
      if (which === 'demo') await loadDemo(sys, { log: () => {} });
      const dump = await pglite.dumpDataDir('none');
      fs.writeFileSync(path.join(TEMPLATE_DIR, `${which}.tar`), Buffer.from(await dump.arrayBuffer()));
      await sys.close();
    } else {
      const name = pgTemplateName(which);
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = adminUrl(name);
      const sys = await openSystem({
        modules,
        database: await openDatabase({ kind: 'postgres', url }),
        filesDir: path.join(TEMPLATE_DIR, 'files'),
        keyDir: path.join(TEMPLATE_DIR, 'keys'),
      });
      if (which === 'demo') await loadDemo(sys, { log: () => {} });
      await sys.close();
    }
  }
  return () => fs.rmSync(TEMPLATE_DIR, { recursive: true, force: true });
}
