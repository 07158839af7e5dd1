import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AnyDb } from './types.js';
import { AppError } from '../errors.js';
import type { Migration } from '../module.js';
import { SCRIPT_MARKER } from './connect.js';

export const checksum = (m: Migration) => crypto.createHash('sha256').update(m.sql.replace(/\r\n/g, '\n')).digest('hex');

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

async function ensureTable(db: AnyDb) {
  await sql`CREATE TABLE IF NOT EXISTS fazhi_migration (
    id text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
}

/**
 * Compares the database with the code's migrations. Refuses (throws) when the
 * database holds a migration the code does not know (schema newer than the code)
 * or one whose text was edited after it was applied.
 */
export async function checkMigrations(db: AnyDb, migrations: readonly Migration[]): Promise<MigrationStatus> {
  await ensureTable(db);
  const rows = await db.selectFrom('fazhi_migration').select(['id', 'checksum']).execute();
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const r of rows as Array<{ id: string; checksum: string }>) {
    const m = known.get(r.id);
    if (!m) {
      throw new AppError('SCHEMA_NEWER', `数据库中的迁移 ${r.id} 不在本程序中：数据库结构比程序新，请升级程序后再启动`, 500);
    }
    if (checksum(m) !== r.checksum) {
      throw new AppError('MIGRATION_EDITED', `已执行的迁移 ${r.id} 被修改过（校验和不一致）：迁移一经执行不得修改，请新增迁移`, 500);
    }
  }
  const applied = new Set((rows as Array<{ id: string }>).map((r) => r.id));
  return { applied: [...applied], pending: migrations.filter((m) => !applied.has(m.id)).map((m) => m.id) };
}

/** Applies pending migrations in order, each in its own transaction with its checksum. */
export async function migrate(db: AnyDb, migrations: readonly Migration[]): Promise<string[]> {
  const status = await checkMigrations(db, migrations);
  const done: string[] = [];
  for (const id of status.pending) {
    const m = migrations.find((x) => x.id === id)!;
    await db.transaction().execute(async (tx) => {
      await sql.raw(SCRIPT_MARKER + m.sql).execute(tx);
      await tx
        .insertInto('fazhi_migration')
        .values({ id: m.id, checksum: checksum(m) })
        .execute();
    });
    done.push(id);
  }
  return done;
}
