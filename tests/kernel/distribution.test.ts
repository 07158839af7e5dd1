/**
 * Distribution-ready (issue #17 item 6; docs/scale.md): the schema keeps Citus's rules, so a province
 * can run `create_distributed_table(t, 'tenant_id')` on every business table without reshaping it.
 * Every table is either
 *   - tenant-distributed: it has `tenant_id`, which leads its primary key, every unique constraint and
 *     every foreign key (a row's keys and references never cross into another bureau's shard), or
 *   - a small reference table, replicated to every node, listed below with why — and then none of its
 *     foreign keys points at a distributed table (Citus refuses that).
 * A new table that is neither fails here, naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { cloneDatabase } from '../helpers/system.js';
import type { Database } from '../../src/core/db/connect.js';

/** The reference tables, each small and read by every bureau (or before the bureau is known). */
const REFERENCE: Record<string, string> = {
  tenant: 'the bureaus themselves (a few hundred rows in a province)',
  org: "units: tens a bureau, read by every scope check and every list's unit name",
  app_user: 'accounts: a login finds its account by user name before the bureau is known',
  app_session: 'sessions: a request finds its session by the cookie before the bureau is known',
  api_key: 'machine keys: a request finds its key by the bearer token before the bureau is known',
  calendar_override: 'the working-day calendar the administrator adjusts, the same for every bureau',
  work_day: "the working-day table (one row a day, ~26,000), joined by every bureau's metrics",
  work_day_state: "the working-day table's fingerprint (one row)",
  fazhi_migration: 'the applied migrations (one row a migration)',
};

interface Constraint {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'f';
  cols: string[];
  /** A foreign key's referenced table. */
  ref: string | null;
}

let database: Database;
let tables: Array<{ table: string; hasTenant: boolean }>;
let constraints: Constraint[];

beforeAll(async () => {
  database = await cloneDatabase('empty');
  tables = (
    await sql<{ table: string; has_tenant: boolean }>`
      SELECT c.relname AS table,
        EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS has_tenant
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
      ORDER BY 1`.execute(database.db)
  ).rows.map((r) => ({ table: r.table, hasTenant: r.has_tenant }));
  constraints = (
    await sql<{ table: string; name: string; kind: 'p' | 'u' | 'f'; cols: string[]; ref: string | null }>`
      SELECT c.relname AS table, con.conname AS name, con.contype AS kind, r.relname AS ref,
        (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS cols
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class r ON r.oid = con.confrelid
      WHERE n.nspname = current_schema() AND con.contype IN ('p', 'u', 'f')
      ORDER BY 1, 2`.execute(database.db)
  ).rows;
  // Unique indexes that are not constraints (CREATE UNIQUE INDEX) bind the shards the same way.
  const indexes = await sql<{ table: string; name: string; cols: string[] }>`
    SELECT c.relname AS table, i.relname AS name,
      (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) AS cols
    FROM pg_index x
    JOIN pg_class c ON c.oid = x.indrelid
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid)`.execute(
    database.db,
  );
  for (const i of indexes.rows) constraints.push({ ...i, cols: i.cols ?? [], kind: 'u', ref: null });
}, 120_000);
afterAll(async () => {
  await database?.close();
});

describe('the schema is ready for distribution by tenant', () => {
  it('knows every table: each has tenant_id or is a listed reference table', () => {
    expect(tables.length).toBeGreaterThan(40);
    const unknown = tables.filter((t) => !t.hasTenant && !(t.table in REFERENCE)).map((t) => t.table);
    expect(unknown).toEqual([]);
    // The list names no table that is gone.
    expect(Object.keys(REFERENCE).filter((r) => !tables.some((t) => t.table === r))).toEqual([]);
  });

  it('leads every key of a distributed table with tenant_id: the primary key, each unique constraint or index, each foreign key', () => {
    const distributed = new Set(tables.filter((t) => !(t.table in REFERENCE)).map((t) => t.table));
    const broken = constraints.filter((c) => distributed.has(c.table) && c.cols[0] !== 'tenant_id').map((c) => `${c.table}: ${c.name} (${c.cols.join(', ')})`);
    expect(broken).toEqual([]);
    // Every distributed table has a primary key to lead.
    const withoutKey = [...distributed].filter((t) => !constraints.some((c) => c.table === t && c.kind === 'p'));
    expect(withoutKey).toEqual([]);
  });

  it('points no foreign key of a reference table at a distributed table', () => {
    const wrong = constraints
      .filter((c) => c.kind === 'f' && c.table in REFERENCE && c.ref !== null && !(c.ref in REFERENCE))
      .map((c) => `${c.table}.${c.name} → ${c.ref}`);
    expect(wrong).toEqual([]);
  });
});
