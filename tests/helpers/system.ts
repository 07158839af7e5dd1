import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';
import { verifyRecords } from '../../src/core/audit/records.js';
import { kyselyOverPglite, openDatabase, openPglite, type Database } from '../../src/core/db/connect.js';
import { openSystem, type System } from '../../src/core/system.js';
import { modules as productModules } from '../../src/modules/index.js';
import type { ModuleDef } from '../../src/core/module.js';
import { templateDir, adminUrl, pgTemplateName } from './paths.js';

export const dbKind = (process.env.FAZHI_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A fresh database cloned from a template (`empty`: schema only; `demo`: the demo
 * bureau), on the engine this test project runs against.
 */
export async function cloneDatabase(which: 'empty' | 'demo'): Promise<Database> {
  if (dbKind === 'pglite') {
    const tar = fs.readFileSync(path.join(templateDir(), `${which}.tar`));
    const pglite = await openPglite(null, new Blob([tar]));
    const db = kyselyOverPglite(pglite);
    return { db, target: { kind: 'pglite', dataDir: null }, pglite, close: () => db.destroy() };
  }
  const name = `fazhi_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName(which)}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: adminUrl(name) });
  return {
    ...database,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** A running system on a cloned database, with its own attachment folder. */
/**
 * Files whose tests change the database directly on purpose (tampering, SQL fixtures, cleanup):
 * every other test database must still verify with `verify --records` when it closes — each
 * change the test made through the application recorded its event, after the change.
 */
const WRITES_PAST_THE_APPLICATION = [
  'tests/kernel/audit.test.ts',
  'tests/kernel/checkpoint.test.ts',
  'tests/kernel/records.test.ts',
  'tests/kernel/scopeOnCreate.test.ts',
  'tests/kernel/ownerOrgForCreate.test.ts',
  'tests/modules/disclosure/disclosure.test.ts',
  'tests/modules/flood/phones.test.ts',
  'tests/modules/hotline/hotline.test.ts',
  'tests/modules/inspections/inspections.test.ts',
  // SQL writes on purpose: the open counts' triggers must follow any statement, whatever the write path.
  'tests/modules/demands/openTally.test.ts',
];

export async function testSystem(which: 'empty' | 'demo' = 'demo', modules: readonly ModuleDef[] = productModules): Promise<System> {
  const database = await cloneDatabase(which);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-files-'));
  // Its own key folder too (audit key, checkpoint sink): clones share the template's tenant id,
  // so a shared sink would mix their checkpoints; and nothing is written into the repository.
  const keyDir = `${filesDir}.keys`;
  const sys = await openSystem({ modules, database, filesDir, keyDir });
  const close = sys.close;
  return {
    ...sys,
    async close() {
      const file = path.relative(process.cwd(), expect.getState().testPath ?? '');
      let problems: string[] = [];
      if (!WRITES_PAST_THE_APPLICATION.includes(file)) {
        for (const t of await sys.db.selectFrom('tenant').select('id').execute()) {
          const r = await verifyRecords(sys.db, t.id, { limit: 5 });
          problems = problems.concat(
            r.problems.map((p) => `${p.kind} ${p.entity} ${p.entityId}`),
            r.tamperedImports.map((i) => `import ${i.importId}`),
          );
        }
      }
      await close();
      fs.rmSync(filesDir, { recursive: true, force: true });
      fs.rmSync(keyDir, { recursive: true, force: true });
      if (problems.length)
        throw new Error(
          `records inconsistent with their audit trail when the test database closed (a write without its event, or an event before its change): ${problems.join('; ')}`,
        );
    },
  };
}
