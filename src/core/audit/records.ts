/**
 * Record states: the hash of a business record's row after each change the application
 * makes, so that `fazhi audit verify --records` can name records changed, inserted or
 * deleted outside the application (directly in the database).
 *
 * Where the states are kept, and what protects them:
 * - an audit event on a record carries `state_hash`, covered by the event's own hash (and so
 *   by the chain and its signed checkpoints);
 * - a ledger import writes no event per record: each provenance row (`ledger_import_row`)
 *   carries the state of the record it wrote, and the import's one event carries a digest of
 *   those states (`stateDigest`), which verification recomputes.
 *
 * A state is the sha256 of the record's row as `jsonb` text (keys in jsonb's fixed order, the
 * session time zone pinned to UTC by the connection), rows sorted and joined when an entity's
 * key names several rows (a duty day's two roles). `-` stands for "no longer exists".
 */
import crypto from 'node:crypto';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { EntityDef, RecordsDef } from '../module.js';
import type { AnyDb, KernelDB } from '../db/types.js';
import { isUuid } from '../ids.js';
import { isIsoDate } from '../calendar/calendar.js';

/** The state of a record that does not exist (deleted). */
export const ABSENT = '-';

/** The entities whose rows are hashed, by audit entity name (set once by `openSystem`). */
let stateful = new Map<string, RecordStateDef>();

/** Where an entity's records live. */
export interface RecordStateDef extends RecordsDef {
  entity: string;
  key: string;
  label: string;
}

/** Registers the stateful entities of the running system's modules. */
export function configureRecordStates(entities: ReadonlyMap<string, EntityDef>): void {
  const m = new Map<string, RecordStateDef>();
  for (const [entity, def] of entities) if (def.records) m.set(entity, { ...def.records, entity, key: def.records.key ?? 'id', label: def.label });
  stateful = m;
}

/** The stateful entity of an audit entity name, if any. */
export function recordStateOf(entity: string): RecordStateDef | undefined {
  return stateful.get(entity);
}

/** Every stateful entity. */
export function recordStateDefs(): RecordStateDef[] {
  return [...stateful.values()];
}

const keyTypes = new Map<string, string>();

/** The SQL type of an entity's key column (uuid, date, integer…), to compare without casting the column. */
async function keyType(db: AnyDb, def: RecordStateDef): Promise<string> {
  const k = `${def.table}.${def.key}`;
  let t = keyTypes.get(k);
  if (!t) {
    const r = await sql<{
      t: string | null;
    }>`SELECT format_type(a.atttypid, NULL) AS t FROM pg_attribute a WHERE a.attrelid = to_regclass(${def.table}) AND a.attname = ${def.key}`.execute(db);
    t = r.rows[0]?.t ?? undefined;
    if (!t) throw new Error(`record states: ${def.table}.${def.key} does not exist`);
    if (!/^[a-z ]+$/.test(t)) throw new Error(`record states: unexpected key type ${t}`);
    keyTypes.set(k, t);
  }
  return t;
}

/** ` AND t.<column> = <value>` for an entity that shares its table. */
function rowFilter(def: RecordStateDef): RawBuilder<unknown> {
  const f = Object.entries(def.filter ?? {});
  return f.length
    ? sql` AND ${sql.join(
        f.map(([c, v]) => sql`t.${sql.ref(c)} = ${v}`),
        sql` AND `,
      )}`
    : sql``;
}

/** `SELECT k, h` — each record's key (text) and state over the rows `where` selects. */
function statesQuery(def: RecordStateDef, where: RawBuilder<unknown>): RawBuilder<{ k: string; h: string }> {
  const raw = def.exclude?.length ? sql`(to_jsonb(t) - ${sql.val([...def.exclude])}::text[])::text` : sql`to_jsonb(t)::text`;
  // Timestamps to the millisecond: a value that went through JavaScript (an undo restoring a
  // record's previous values) comes back without the microseconds PostgreSQL keeps.
  // Then trailing zeros go (PostgreSQL prints .1 for .100): every instant has one spelling.
  const ms = sql`regexp_replace(${raw}, '(T\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\d+', '\\1', 'g')`;
  const json = sql`regexp_replace(regexp_replace(${ms}, '(T\\d\\d:\\d\\d:\\d\\d\\.\\d*[1-9])0+(?!\\d)', '\\1', 'g'), '(T\\d\\d:\\d\\d:\\d\\d)\\.0+(?!\\d)', '\\1', 'g')`;
  return sql<{ k: string; h: string }>`SELECT s.k, encode(sha256(convert_to(string_agg(s.j, E'\\n' ORDER BY s.j), 'UTF8')), 'hex') AS h
    FROM (SELECT t.${sql.ref(def.key)}::text AS k, ${json} AS j FROM ${sql.table(def.table)} t WHERE ${where}${rowFilter(def)}) s
    GROUP BY s.k`;
}

/** Current states of some records of one entity (`ABSENT` for those that do not exist). */
export async function currentStates(db: AnyDb, tenantId: string, def: RecordStateDef, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>(ids.map((id) => [id, ABSENT]));
  const type = await keyType(db, def);
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = [...new Set(ids.slice(i, i + 5000))];
    const where = sql`t.tenant_id = ${tenantId} AND t.${sql.ref(def.key)} = ANY(${sql.val(chunk)}::${sql.raw(type)}[])`;
    const r = await statesQuery(def, where).execute(db);
    for (const row of r.rows) out.set(row.k, row.h);
  }
  return out;
}

/** True when a string can be a value of the key's type (a malformed id names no record). */
function validKey(type: string, id: string): boolean {
  if (type === 'uuid') return isUuid(id);
  if (type === 'date') return isIsoDate(id);
  if (type === 'integer' || type === 'bigint' || type === 'smallint') return /^-?\d{1,9}$/.test(id);
  return true;
}

/** States for audit inputs after their change: `[entity, id] → hash`; entities not tracked are left out. */
export async function statesFor(db: AnyDb, tenantId: string, inputs: ReadonlyArray<{ entity: string; entityId: string }>): Promise<Map<string, string>> {
  const byEntity = new Map<RecordStateDef, string[]>();
  for (const i of inputs) {
    const def = stateful.get(i.entity);
    if (def) byEntity.set(def, [...(byEntity.get(def) ?? []), i.entityId]);
  }
  const out = new Map<string, string>();
  for (const [def, ids] of byEntity) {
    const type = await keyType(db, def);
    const valid = ids.filter((id) => validKey(type, id));
    const states = await currentStates(db, tenantId, def, valid);
    for (const id of ids) out.set(`${def.entity}\u0000${id}`, states.get(id) ?? ABSENT);
  }
  return out;
}

/** One provenance row's line in an import's state digest. */
export function stateLine(r: { row: number; entity: string; entityId: string; action: string; state: string | null }): string {
  return `${r.row}\t${r.entity}\t${r.entityId}\t${r.action}\t${r.state ?? ''}\n`;
}

/** Orders provenance rows as the digest reads them: by row, then entity and id. */
export function byRowEntityId(a: { row: number; entity: string; entityId: string }, b: { row: number; entity: string; entityId: string }): number {
  return a.row - b.row || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0) || (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0);
}

/**
 * Recomputes an import's state digest from its provenance rows: sha256 over {@link stateLine}s
 * in row order — the order the import computed it in, chunk after chunk — read through a
 * cursor, so memory stays flat at a million rows.
 */
export async function importStateDigest(db: Kysely<KernelDB>, tenantId: string, importId: string): Promise<string> {
  const h = crypto.createHash('sha256');
  const run = async (tx: Kysely<KernelDB>) => {
    await sql`DECLARE fazhi_state_digest NO SCROLL CURSOR FOR
      SELECT row_number, entity, entity_id, action, state_hash FROM ledger_import_row
      WHERE tenant_id = ${tenantId} AND import_id = ${importId}
      ORDER BY row_number, entity COLLATE "C", entity_id COLLATE "C"`.execute(tx);
    for (;;) {
      const page = await sql<{
        row_number: number;
        entity: string;
        entity_id: string;
        action: string;
        state_hash: string | null;
      }>`FETCH 10000 FROM fazhi_state_digest`.execute(tx);
      for (const r of page.rows)
        h.update(stateLine({ row: Number(r.row_number), entity: r.entity, entityId: r.entity_id, action: r.action, state: r.state_hash }));
      if (page.rows.length < 10000) break;
    }
    await sql`CLOSE fazhi_state_digest`.execute(tx);
  };
  if (db.isTransaction) await run(db);
  else await db.transaction().execute(run);
  return h.digest('hex');
}

/** What `verify --records` found wrong with one record. */
export interface RecordProblem {
  entity: string;
  entityId: string;
  /**
   * changed: differs from its last recorded state; deleted: gone though its last state says
   * it exists; inserted: exists though its last state says it was deleted; untraced: exists
   * with no recorded state at all (inserted outside the application, or older than state
   * tracking — `fazhi audit verify --records --seal` records a baseline for those).
   */
  kind: 'changed' | 'deleted' | 'inserted' | 'untraced';
  /** The event (or import's event) that recorded the last known state. */
  seq: number | null;
}

export interface RecordsVerifyResult {
  ok: boolean;
  /** Records compared, per entity. */
  entities: Array<{ entity: string; label: string; records: number; problems: number }>;
  /** Problems, at most `limit` listed (all counted in `entities`). */
  problems: RecordProblem[];
  problemCount: number;
  /** Imports whose provenance states no longer match the digest in their event. */
  tamperedImports: Array<{ importId: string; seq: number }>;
}

/** The newest recorded state of every record of an entity, compared with the rows (set-based). */
function compareQuery(def: RecordStateDef, tenantId: string, untracedOnly = false) {
  return sql<{ entity_id: string; cur: string | null; last: string | null; seq: number | null }>`
    WITH src AS (
      SELECT e.entity_id, e.seq, e.state_hash FROM audit_event e
      WHERE e.tenant_id = ${tenantId} AND e.entity = ${def.entity} AND e.state_hash IS NOT NULL
      UNION ALL
      SELECT r.entity_id, i.audit_seq, r.state_hash FROM ledger_import_row r
      JOIN ledger_import i ON i.tenant_id = r.tenant_id AND i.id = r.import_id
      WHERE r.tenant_id = ${tenantId} AND r.entity = ${def.entity} AND r.state_hash IS NOT NULL AND i.audit_seq IS NOT NULL AND i.undone_at IS NULL
    ), last AS (
      SELECT DISTINCT ON (entity_id) entity_id, seq, state_hash FROM src ORDER BY entity_id, seq DESC
    ), cur AS (${statesQuery(def, sql`t.tenant_id = ${tenantId}`)})
    SELECT coalesce(cur.k, last.entity_id) AS entity_id, cur.h AS cur, last.state_hash AS last, last.seq
    FROM cur FULL JOIN last ON last.entity_id = cur.k
    WHERE ${untracedOnly ? sql`last.entity_id IS NULL` : sql`coalesce(cur.h, ${ABSENT}) IS DISTINCT FROM last.state_hash`}
    ORDER BY 1`;
}

/**
 * Compares every tracked record of a tenant with its newest recorded state and checks each
 * import's provenance states against its event's digest. Relies on the chain itself being
 * intact (run `verifyIncremental` first): the events' states are protected by their hashes.
 */
export async function verifyRecords(
  db: Kysely<KernelDB>,
  tenantId: string,
  opts: { limit?: number; entities?: readonly string[] } = {},
): Promise<RecordsVerifyResult> {
  const limit = opts.limit ?? 100;
  const problems: RecordProblem[] = [];
  let problemCount = 0;
  const entities: RecordsVerifyResult['entities'] = [];
  for (const def of recordStateDefs()) {
    if (opts.entities && !opts.entities.includes(def.entity)) continue;
    const total = await sql<{
      n: number;
    }>`SELECT count(DISTINCT t.${sql.ref(def.key)})::int AS n FROM ${sql.table(def.table)} t WHERE t.tenant_id = ${tenantId}${rowFilter(def)}`.execute(db);
    const rows = (await compareQuery(def, tenantId).execute(db)).rows;
    for (const r of rows) {
      const kind: RecordProblem['kind'] = r.last === null ? 'untraced' : r.cur === null ? 'deleted' : r.last === ABSENT ? 'inserted' : 'changed';
      if (problems.length < limit) problems.push({ entity: def.entity, entityId: r.entity_id, kind, seq: r.seq === null ? null : Number(r.seq) });
    }
    problemCount += rows.length;
    entities.push({ entity: def.entity, label: def.label, records: Number(total.rows[0]?.n ?? 0), problems: rows.length });
  }
  const tamperedImports: RecordsVerifyResult['tamperedImports'] = [];
  if (opts.entities) return { ok: problemCount === 0, entities, problems, problemCount, tamperedImports };
  const imports = await sql<{ id: string; audit_seq: number; digest: string | null }>`
    SELECT i.id, i.audit_seq, e.changes->'note'->>'stateDigest' AS digest FROM ledger_import i
    JOIN audit_event e ON e.tenant_id = i.tenant_id AND e.seq = i.audit_seq
    WHERE i.tenant_id = ${tenantId} AND i.audit_seq IS NOT NULL ORDER BY i.audit_seq`.execute(db);
  for (const i of imports.rows) {
    if (!i.digest) continue; // imported before state tracking
    if ((await importStateDigest(db, tenantId, i.id)) !== i.digest) tamperedImports.push({ importId: i.id, seq: Number(i.audit_seq) });
  }
  return { ok: problemCount === 0 && tamperedImports.length === 0, entities, problems, problemCount, tamperedImports };
}

/**
 * Records a baseline for records that have no recorded state (rows older than state tracking,
 * or loaded by the demo directly): one `sealed` event each, through `auditMany` (the caller's
 * write scope). Returns how many were sealed. Records whose state differs from a recorded
 * one are never sealed over — those stay reported.
 */
export async function sealUntraced(db: Kysely<KernelDB>, tenantId: string, auditMany: AuditMany): Promise<number> {
  return sealRecords(db, tenantId, auditMany, { untraced: true, action: 'sealed', reason: '建立完整性基线' });
}

type AuditMany = (
  inputs: Array<{ entity: string; entityId: string; action: string; orgId?: string | null; note?: Record<string, unknown> }>,
) => Promise<unknown>;

/**
 * Records the current state of the records that differ from their recorded one (`untraced`:
 * those with none), one event each with `action` and `reason`, 1,000 to a batch. Only for a
 * change the application made itself without an event per record (a key rotation re-encrypting
 * every identifier) — after checking that those records were consistent before it.
 */
export async function sealRecords(
  db: Kysely<KernelDB>,
  tenantId: string,
  auditMany: AuditMany,
  opts: { untraced?: boolean; entities?: readonly string[]; action: string; reason: string },
): Promise<number> {
  let n = 0;
  for (const def of recordStateDefs()) {
    if (opts.entities && !opts.entities.includes(def.entity)) continue;
    const rows = (await compareQuery(def, tenantId, !!opts.untraced).execute(db)).rows.filter((r) => r.cur !== null);
    for (let i = 0; i < rows.length; i += 1000) {
      await auditMany(rows.slice(i, i + 1000).map((r) => ({ entity: def.entity, entityId: r.entity_id, action: opts.action, note: { reason: opts.reason } })));
    }
    n += rows.length;
  }
  return n;
}

/** The stateful entities kept in some tables (those a change to these tables touches). */
export function entitiesOfTables(tables: readonly string[]): string[] {
  return recordStateDefs()
    .filter((d) => tables.includes(d.table))
    .map((d) => d.entity);
}
