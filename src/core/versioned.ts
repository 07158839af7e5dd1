/**
 * The one versioned update: every edit of a record a user can change goes through
 * `updateVersioned` instead of writing the optimistic-version block by hand.
 *
 * Inside the caller's write scope it
 * 1. locks the stored row (`SELECT * … FOR UPDATE`) and reads it — through the caller's
 *    `load` when the caller needs a joined or scoped view; absent or out of scope → 404;
 * 2. compares the row's `version` with the client's (409 `CONFLICT`, the usual Chinese
 *    message; no check when `version` is undefined: a historical import carries none);
 * 3. lets the caller check the row and build the patch (`patch` may be a function of it);
 * 4. writes the patch with `version = version + 1` and `updated_at = now()` where the
 *    table has those columns, `WHERE version = <read>` (a lost update is impossible);
 * 5. records the audit event after the write (the event stores the record's state after
 *    the change, `audit/records.ts`) with the field-level diff of the audit view;
 * 6. returns the rows before and after.
 *
 * A patch that changes no column is neither written nor audited (`changed: false`),
 * unless `ifUnchanged: 'write'` (an edit that has always bumped the version).
 */
import { sql } from 'kysely';
import type { AnyDb } from './db/types.js';
import type { AuditInput, WriteScope } from './audit/audit.js';
import { errors } from './errors.js';
import { changedColumns, type AnyRow } from './persist.js';

/** 409 when the stored version is not the one the client read (undefined: no check). */
export function checkVersion(row: { version?: unknown }, expected: number | undefined, message?: string): void {
  if (expected !== undefined && Number(row.version) !== expected) throw errors.conflict(message);
}

export interface VersionedAudit<V, P> {
  /** `module.entity`, e.g. `legal.contract`. */
  entity: string;
  /** Verb: `updated`, or the step's name. */
  action: string;
  /** The event's entity id (default: the record's id). */
  entityId?: string;
  /** The event's org (default: the stored row's `org_id` after the change, else before). */
  orgId?: string | null | ((before: V, after: AnyRow) => string | null);
  /**
   * What the event shows of a record (decrypted, masked, renamed fields). Default: the
   * patch's columns. `before` gets the loaded view, `after` the stored row after the write.
   */
  view?: (row: AnyRow, patch: P) => Record<string, unknown>;
  /** The before side when it is read differently (e.g. from the loaded view). */
  before?: (before: V, patch: P) => Record<string, unknown>;
  /** The after side when it is not the view of the stored row (it may re-read the record). */
  after?: (after: AnyRow, patch: P, before: V) => Record<string, unknown> | Promise<Record<string, unknown>>;
  note?: Record<string, unknown> | ((before: V, after: AnyRow) => Record<string, unknown> | undefined);
}

export interface VersionedUpdate<V, P extends Record<string, unknown>> {
  table: string;
  tenantId: string;
  id: string;
  /** The key column when it is not `id`. */
  key?: string;
  /** The version the client read; undefined: no check (a historical import). */
  version: number | undefined;
  /** The record's name in the 404 message (`errors.notFound(label)`). */
  label: string;
  /** Reads the record as the caller sees it (joined, decrypted, scoped); undefined → 404. Default: the locked row. */
  load?: (tx: AnyDb, row: AnyRow) => Promise<V | undefined> | V | undefined;
  /** A scope predicate on the loaded record; false → 404. */
  inScope?: (v: V) => boolean;
  /** Runs after the version check and before the patch (gates that the version must precede). */
  check?: (v: V) => void | Promise<void>;
  /** The column values to write, or a function of the loaded record (it may throw a gate). */
  patch: P | ((v: V, w: WriteScope) => P | Promise<P>);
  /** The audit event, or false for none (an import's provenance instead). */
  audit: VersionedAudit<V, P> | false;
  /** `write`: bump the version and audit even when no column changes (default `skip`). */
  ifUnchanged?: 'skip' | 'write';
  /** A custom conflict message. */
  conflictMessage?: string;
}

export interface Versioned<V> {
  /** The record as loaded before the change. */
  before: V;
  /** The stored row before the change. */
  old: AnyRow;
  /** The stored row after the change (the old row when unchanged). */
  row: AnyRow;
  /** False when the patch changed no column and nothing was written. */
  changed: boolean;
}

/** Locks, checks, writes and audits one edit of a versioned record (see the file's comment). */
export async function updateVersioned<V = AnyRow, P extends Record<string, unknown> = Record<string, unknown>>(
  w: WriteScope,
  u: VersionedUpdate<V, P>,
): Promise<Versioned<V>> {
  const tx = w.tx as unknown as AnyDb;
  const key = u.key ?? 'id';
  const locked = await sql<AnyRow>`SELECT * FROM ${sql.table(u.table)} WHERE tenant_id = ${u.tenantId} AND ${sql.ref(key)} = ${u.id} FOR UPDATE`.execute(tx);
  const old = locked.rows[0];
  if (!old) throw errors.notFound(u.label);
  const before = (u.load ? await u.load(tx, old) : old) as V | undefined;
  if (!before || (u.inScope && !u.inScope(before))) throw errors.notFound(u.label);
  checkVersion(old, u.version, u.conflictMessage);
  if (u.check) await u.check(before);
  const patch = typeof u.patch === 'function' ? await (u.patch as (v: V, w: WriteScope) => P | Promise<P>)(before, w) : u.patch;
  const hasVersion = 'version' in old;
  if ((u.ifUnchanged ?? 'skip') === 'skip' && !changedColumns(old, patch).length) return { before, old, row: old, changed: false };
  const set: AnyRow = { ...patch };
  if (hasVersion) set.version = Number(old.version) + 1;
  if ('updated_at' in old) set.updated_at = new Date();
  let q = tx.updateTable(u.table).set(set).where('tenant_id', '=', u.tenantId).where(key, '=', u.id);
  if (hasVersion) q = q.where('version', '=', old.version);
  const row = (await q.returningAll().executeTakeFirst()) as AnyRow | undefined;
  if (!row) throw errors.conflict(u.conflictMessage);
  if (u.audit) {
    const a = u.audit;
    const pick = (r: AnyRow) => Object.fromEntries(Object.keys(patch).map((k) => [k, r[k]]));
    const view = a.view ?? ((r: AnyRow) => pick(r));
    const orgId = typeof a.orgId === 'function' ? a.orgId(before, row) : a.orgId !== undefined ? a.orgId : (row.org_id ?? old.org_id ?? null);
    const note = typeof a.note === 'function' ? a.note(before, row) : a.note;
    const ev: AuditInput = {
      entity: a.entity,
      entityId: a.entityId ?? String(old[key] ?? u.id),
      action: a.action,
      orgId,
      before: a.before ? a.before(before, patch) : view(u.load ? (before as AnyRow) : old, patch),
      after: a.after ? await a.after(row, patch, before) : view(row, patch),
      ...(note ? { note } : {}),
    };
    await w.audit(ev);
  }
  return { before, old, row, changed: true };
}
