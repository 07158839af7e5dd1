/**
 * Set-based writes for many rows at once (ledger imports, the demo): rows travel as
 * one JSON parameter and the database expands them with `jsonb_populate_recordset`
 * against the table's own row type. One statement per chunk, a single bind
 * parameter whatever the row count — no bind-parameter limit (PGlite 32,767,
 * PostgreSQL 65,535) and no per-row round trip; columns left out of the rows take
 * their defaults. Identical on PGlite and PostgreSQL.
 *
 * Values are JSON: `Date` → ISO instant, arrays → SQL arrays for array columns,
 * objects/arrays → jsonb for jsonb columns (pass them as values, not as strings).
 */
import { sql } from 'kysely';
import type { AnyDb } from './types.js';

/** Rows per statement: large enough to amortise the round trip, small enough to keep one JSON parameter modest. */
const CHUNK = 5000;

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`bulk: bad identifier ${name}`);
  return `"${name}"`;
}

function jsonValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' && v.startsWith('\u0000')) throw new Error('bulk: NUL in value');
  return v === undefined ? null : v;
}

/**
 * Inserts `rows` into `table` (columns: the keys of the first row; every row must
 * have the same keys) and returns the `returning` columns of the inserted rows.
 * Callers that must pair returned rows with their input give the ids themselves
 * (`crypto.randomUUID()`) rather than rely on the order of RETURNING.
 */
export async function insertMany<R extends Record<string, unknown> = Record<string, unknown>>(
  db: AnyDb,
  table: string,
  rows: ReadonlyArray<Record<string, unknown>>,
  opts: { returning?: readonly string[]; onConflictDoNothing?: readonly string[] } = {},
): Promise<R[]> {
  if (!rows.length) return [];
  const columns = Object.keys(rows[0]!);
  const cols = columns.map(ident).join(', ');
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const json = JSON.stringify(chunk.map((r) => Object.fromEntries(columns.map((c) => [c, jsonValue(r[c])]))));
    const conflict = opts.onConflictDoNothing ? sql.raw(` ON CONFLICT (${opts.onConflictDoNothing.map(ident).join(', ')}) DO NOTHING`) : sql``;
    const returning = opts.returning?.length ? sql.raw(` RETURNING ${opts.returning.map(ident).join(', ')}`) : sql``;
    // WITH ORDINALITY: rows are inserted in file order (ids drawn from sequences follow it).
    const q = sql<R>`INSERT INTO ${sql.raw(ident(table))} (${sql.raw(cols)})
      SELECT ${sql.raw(columns.map((c) => `x.${ident(c)}`).join(', '))}
      FROM jsonb_populate_recordset(NULL::${sql.raw(ident(table))}, ${json}::jsonb) WITH ORDINALITY AS x
      ORDER BY x.ordinality${conflict}${returning}`;
    const res = await q.execute(db);
    out.push(...res.rows);
  }
  return out;
}

/**
 * Updates many rows by key in one statement per chunk: `keys` identify the row,
 * the other keys of each row are the new values. Every row must have the same keys.
 */
export async function updateMany(db: AnyDb, table: string, keys: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): Promise<number> {
  if (!rows.length) return 0;
  const columns = Object.keys(rows[0]!);
  const sets = columns.filter((c) => !keys.includes(c));
  if (!sets.length) return 0;
  let n = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK).map((r) => Object.fromEntries(columns.map((c) => [c, jsonValue(r[c])]))));
    const t = ident(table);
    const res = await sql`UPDATE ${sql.raw(t)} AS t SET ${sql.raw(sets.map((c) => `${ident(c)} = x.${ident(c)}`).join(', '))}
      FROM jsonb_populate_recordset(NULL::${sql.raw(t)}, ${json}::jsonb) AS x
      WHERE ${sql.raw(keys.map((k) => `t.${ident(k)} = x.${ident(k)}`).join(' AND '))}`.execute(db);
    n += Number(res.numAffectedRows ?? 0);
  }
  return n;
}
