import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cloneDatabase } from '../helpers/system.js';
import { checkMigrations, checksum, migrate } from '../../src/core/db/migrate.js';
import { allMigrations } from '../../src/core/system.js';
import { modules } from '../../src/modules/index.js';
import type { Database } from '../../src/core/db/connect.js';
import type { Migration } from '../../src/core/module.js';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

describe('migrations', () => {
  it('records every applied migration with its checksum', async () => {
    database = await cloneDatabase('empty');
    const rows = await database.db.selectFrom('fazhi_migration').selectAll().orderBy('id').execute();
    const code = allMigrations(modules);
    expect(rows.map((r) => r.id).sort()).toEqual(code.map((m) => m.id).sort());
    for (const m of code) expect(rows.find((r) => r.id === m.id)?.checksum).toBe(checksum(m));
  });

  it('refuses a database whose schema is newer than the code', async () => {
    database = await cloneDatabase('empty');
    await database.db.insertInto('fazhi_migration').values({ id: 'enforcement/0099_future.sql', checksum: 'x' }).execute();
    await expect(checkMigrations(database.db, allMigrations(modules))).rejects.toMatchObject({ code: 'SCHEMA_NEWER' });
  });

  it('refuses a database whose applied migration was edited', async () => {
    database = await cloneDatabase('empty');
    const edited = allMigrations(modules).map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(migrate(database.db, edited)).rejects.toMatchObject({ code: 'MIGRATION_EDITED' });
  });

  it('applies a new migration in order and a failing one leaves nothing behind', async () => {
    database = await cloneDatabase('empty');
    const ok: Migration = { id: 'zz/0001_ok.sql', sql: 'CREATE TABLE zz_ok (id int);\nINSERT INTO zz_ok VALUES (1);' };
    const bad: Migration = { id: 'zz/0002_bad.sql', sql: 'CREATE TABLE zz_bad (id int);\nSELECT no_such_function();' };
    await expect(migrate(database.db, [...allMigrations(modules), ok, bad])).rejects.toThrow();
    const applied = await database.db.selectFrom('fazhi_migration').select('id').where('id', 'like', 'zz/%').execute();
    expect(applied.map((r) => r.id)).toEqual(['zz/0001_ok.sql']);
    const exists = await sql<{ t: string | null }>`SELECT to_regclass('zz_bad')::text AS t`.execute(database.db);
    expect(exists.rows[0]?.t).toBeNull();
  });
});
