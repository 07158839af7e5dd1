import crypto from 'node:crypto';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEventTable, KernelDB } from '../db/types.js';
import type { Actor, Ctx } from '../context.js';
import { statesFor } from './records.js';
import { serverUrlOf } from '../db/connect.js';
import { chainBreak } from './chainBreak.js';
import { RANGE_WALK_MIN, rangeWorkers, walkInRanges } from './chainWalk.js';

/** One field's change: value before and after (null when absent). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** What a service says it did; the kernel adds who, when and the chain hashes. */
export interface AuditInput {
  /** `module.entity`, e.g. `enforcement.case`; the event name is `${entity}.${action}`. */
  entity: string;
  entityId: string;
  /** Verb: created, updated, deleted, imported, advanced, ... */
  action: string;
  orgId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Extra facts that are not field changes (reason, attachment ids, ...). */
  note?: Record<string, unknown>;
}

export interface AuditEvent {
  tenantId: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string;
  orgId: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes: { fields: FieldChange[]; note?: Record<string, unknown> };
  requestId: string | null;
  /** The record's state after the change (`records.ts`); null or absent for entities not tracked. */
  stateHash?: string | null;
  prevHash: string;
  hash: string;
}

export const GENESIS = '0'.repeat(64);

/** Fields never copied into the audit log (secrets) or not worth a line (bookkeeping). */
const SKIP = new Set(['password_hash', 'version', 'updated_at', 'created_at', 'tenant_id']);

const norm = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/** Field-level before/after: the fields whose values differ. */
export function diffFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: FieldChange[] = [];
  for (const field of [...keys].sort()) {
    if (SKIP.has(field)) continue;
    const b = norm(before?.[field]);
    const a = norm(after?.[field]);
    if (JSON.stringify(b) !== JSON.stringify(a)) out.push({ field, before: b, after: a });
  }
  return out;
}

/**
 * JSON with sorted keys, so the hash does not depend on key order (jsonb reorders keys). The hash
 * format: existing chains verify only while this gives the same bytes. Written as loops (no
 * `keys.filter().sort().map().join()` arrays and template strings per level: the verify of a
 * large chain spent a third of its time there); the output is byte for byte that of the first
 * version, `[${v.map(canonicalJson).join(',')}]` for arrays (a hole or an `undefined` result is an
 * empty element) and `{"k":…}` over the sorted keys whose value is not undefined for objects —
 * tests/kernel/audit-canonical.test.ts compares the two on varied inputs.
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) {
      if (i) s += ',';
      if (!(i in v)) continue;
      const x: string | undefined = canonicalJson(v[i]);
      if (x !== undefined) s += x;
    }
    return `${s}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length > 1) keys.sort();
  let s = '{';
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = o[k];
    if (x === undefined) continue;
    s += first ? quotedKey(k) : `,${quotedKey(k)}`;
    s += canonicalJson(x);
    first = false;
  }
  return `${s}}`;
}

/**
 * `"key":` for a key, remembered for the first thousand keys met (field names: a small set). With the
 * sort skipped for a single key, canonicalJson of an event's changes took 2 µs of CPU instead of 3.
 */
const QUOTED_KEYS = new Map<string, string>();
function quotedKey(k: string): string {
  let q = QUOTED_KEYS.get(k);
  if (q === undefined) {
    q = `${JSON.stringify(k)}:`;
    if (QUOTED_KEYS.size < 1000) QUOTED_KEYS.set(k, q);
  }
  return q;
}

/** `,"key":value` — one member of the event's body (nothing for an undefined value, as canonicalJson leaves it out). */
const member = (key: string, v: unknown): string => (v === undefined ? '' : `,"${key}":${canonicalJson(v)}`);

/**
 * The canonical body of an event: canonicalJson of `{ tenantId, seq, at, actorId, actorName, orgId,
 * entity, entityId, action, changes, requestId, prevHash, stateHash? }` written member by member in
 * sorted key order (no object built and sorted per event). `stateHash` only when set, so events
 * recorded before state tracking keep their hashes.
 */
export function eventBody(e: Omit<AuditEvent, 'hash'>): string {
  const s =
    member('action', e.action) +
    member('actorId', e.actorId) +
    member('actorName', e.actorName) +
    member('at', e.at.toISOString()) +
    member('changes', e.changes) +
    member('entity', e.entity) +
    member('entityId', e.entityId) +
    member('orgId', e.orgId) +
    member('prevHash', e.prevHash) +
    member('requestId', e.requestId) +
    member('seq', e.seq) +
    member('stateHash', e.stateHash ? e.stateHash : undefined) +
    member('tenantId', e.tenantId);
  return `{${s.slice(1)}}`;
}

/** The hash of an event: sha256 over its canonical content and the previous hash. */
export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  return crypto.hash('sha256', eventBody(e), 'hex');
}

/** The head of a tenant's chain as seen inside one transaction. */
interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Locks the tenant's chain for this transaction and reads its head. `FOR NO KEY UPDATE`, not
 * `FOR UPDATE`: every business insert holds a `FOR KEY SHARE` lock on its tenant row (the
 * foreign key), which `FOR UPDATE` conflicts with — two writers that had both inserted
 * would each wait for the other (a deadlock). `FOR NO KEY UPDATE` still serialises the
 * appenders among themselves and leaves the key-share locks alone.
 */
async function lockHead(tx: Kysely<KernelDB>, tenantId: string): Promise<ChainHead> {
  await sql`SELECT id FROM tenant WHERE id = ${tenantId} FOR NO KEY UPDATE`.execute(tx);
  const last = await tx.selectFrom('audit_event').select(['seq', 'hash']).where('tenant_id', '=', tenantId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS };
}

/**
 * Builds the next event after `head` (pure: no I/O): `stamp` is what every event of a batch
 * shares (who, when, the request), `stateHash` the record's state after the change.
 */
function nextEvent(
  head: ChainHead,
  input: AuditInput,
  { actor, at, requestId }: { actor: Actor; at: Date; requestId: string | undefined },
  stateHash: string | null,
): AuditEvent {
  const fields = diffFields(input.before, input.after);
  const changes: AuditEvent['changes'] = input.note ? { fields, note: input.note } : { fields };
  const base: Omit<AuditEvent, 'hash'> = {
    tenantId: actor.tenantId,
    seq: head.seq + 1,
    at,
    actorId: actor.userId,
    actorName: actor.name,
    orgId: input.orgId ?? null,
    entity: input.entity,
    entityId: input.entityId,
    action: input.action,
    changes: JSON.parse(JSON.stringify(changes)),
    requestId: requestId ?? null,
    stateHash,
    prevHash: head.hash,
  };
  return { ...base, hash: eventHash(base) };
}

async function insertEvents(tx: Kysely<KernelDB>, events: readonly AuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    await tx
      .insertInto('audit_event')
      .values(
        events.slice(i, i + 1000).map((ev) => ({
          tenant_id: ev.tenantId,
          seq: ev.seq,
          at: ev.at,
          actor_id: ev.actorId,
          actor_name: ev.actorName,
          org_id: ev.orgId,
          entity: ev.entity,
          entity_id: ev.entityId,
          action: ev.action,
          changes: JSON.stringify(ev.changes),
          request_id: ev.requestId,
          state_hash: ev.stateHash ?? null,
          prev_hash: ev.prevHash,
          hash: ev.hash,
        })),
      )
      .execute();
  }
}

/**
 * Appends an event to the tenant's chain. Call inside the transaction that makes
 * the change: the tenant row is locked so events are chained one after another.
 */
export async function recordAudit(tx: Kysely<KernelDB>, actor: Actor, input: AuditInput, requestId?: string): Promise<AuditEvent> {
  const [ev] = await recordAuditMany(tx, actor, [input], requestId);
  return ev!;
}

/** Appends several events in order, with one lock and batched inserts (imports). */
export async function recordAuditMany(tx: Kysely<KernelDB>, actor: Actor, inputs: readonly AuditInput[], requestId?: string): Promise<AuditEvent[]> {
  let h = await lockHead(tx, actor.tenantId);
  const at = new Date();
  // The state of each tracked record after the change, as the transaction sees it now.
  const states = await statesFor(tx, actor.tenantId, inputs);
  const stamp = { actor, at, requestId };
  const events = inputs.map((input) => {
    const ev = nextEvent(h, input, stamp, states.get(`${input.entity}\u0000${input.entityId}`) ?? null);
    h = { seq: ev.seq, hash: ev.hash };
    return ev;
  });
  await insertEvents(tx, events);
  return events;
}

/** A write: a transaction plus audit functions bound to it. */
export interface WriteScope {
  tx: Kysely<KernelDB>;
  /** The caller's context bound to this transaction. */
  ctx: Ctx;
  audit(input: AuditInput): Promise<AuditEvent>;
  /** Many events at once (ledger imports): one lock, batched inserts. */
  auditMany(inputs: readonly AuditInput[]): Promise<AuditEvent[]>;
}

function scope(tx: Kysely<KernelDB>, ctx: Ctx): WriteScope {
  // The head is re-read (under the tenant lock) on every call, so events recorded
  // by nested helpers in the same transaction stay in one unbroken sequence.
  const append = (inputs: readonly AuditInput[]) => recordAuditMany(tx, ctx.actor, inputs, ctx.requestId);
  return { tx, ctx: { ...ctx, db: tx }, audit: async (input) => (await append([input]))[0]!, auditMany: append };
}

/**
 * Runs a mutating service call in one transaction; every audit event it records
 * commits or rolls back together with the change.
 */
export async function write<T>(ctx: Ctx, fn: (w: WriteScope) => Promise<T>, opts: { retry?: boolean } = {}): Promise<T> {
  if (ctx.db.isTransaction) return fn(scope(ctx.db, ctx));
  const attempts = opts.retry === false ? 1 : WRITE_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute((tx) => fn(scope(tx, ctx)));
    } catch (e) {
      // PostgreSQL chose this transaction as a deadlock's or a serialisation conflict's victim:
      // it rolled back whole, so it is run again (a few times, after a short random wait). The
      // work inside must not have effects outside the database that a second run would repeat
      // (the file store is content-addressed, so putting a file twice is harmless); work that
      // does — an import consuming its file's stream, counting and digesting as it goes — says
      // `retry: false`.
      if (!RETRIED.has((e as { code?: string }).code ?? '') || attempt >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 50));
    }
  }
}

/** SQLSTATEs of a transaction PostgreSQL rolled back to resolve a conflict: serialization_failure, deadlock_detected. */
const RETRIED = new Set(['40001', '40P01']);
/** How many times a write is tried before its conflict is reported. */
const WRITE_ATTEMPTS = 4;

function rowToEvent(r: Selectable<AuditEventTable>): AuditEvent {
  return eventOfRow(r.tenant_id, r);
}

/** An event from its stored row (the tenant is the caller's): the one reading of the columns the hash covers, the verify's too. */
function eventOfRow(tenantId: string, r: ChainRow): AuditEvent {
  return {
    tenantId,
    seq: Number(r.seq),
    at: r.at instanceof Date ? r.at : new Date(r.at),
    actorId: r.actor_id,
    actorName: r.actor_name,
    orgId: r.org_id,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    changes: typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes,
    requestId: r.request_id,
    stateHash: r.state_hash ?? null,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export type VerifyResult =
  | { ok: true; tenantId: string; events: number; lastHash: string }
  | { ok: false; tenantId: string; events: number; brokenAt: number; reason: string };

/** The columns an event's hash covers (the tenant is the caller's): what the verify reads, nothing else. */
const CHAIN_COLUMNS = [
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'org_id',
  'entity',
  'entity_id',
  'action',
  'changes',
  'request_id',
  'state_hash',
  'prev_hash',
  'hash',
] as const;

/** The next `batch` events after `after` (up to `to`), in seq order (a range of the primary key). */
function chainBatch(db: Kysely<KernelDB>, tenantId: string, { after, batch, to }: { after: number; batch: number; to: number | undefined }) {
  let q = db.selectFrom('audit_event').select(CHAIN_COLUMNS).where('tenant_id', '=', tenantId).where('seq', '>', after);
  if (to !== undefined) q = q.where('seq', '<=', to);
  return q.orderBy('seq').limit(batch).execute();
}
type ChainRow = Awaited<ReturnType<typeof chainBatch>>[number];

/** Events hashed between two turns of the event loop during a walk. */
const HASH_SLICE = 500;

/** The first broken event of a batch, or the head it reaches: `expected` the seq due next, `prev` the hash it must link to. */
function checkBatch(rows: readonly ChainRow[], tenantId: string, head: { expected: number; prev: string }): VerifyResult | null {
  for (const r of rows) {
    const seq = Number(r.seq);
    const { expected, prev } = head;
    if (seq !== expected) return chainBreak.missing(tenantId, expected, seq);
    if (r.prev_hash !== prev) return chainBreak.link(tenantId, seq);
    // The row read as any event is (its stored hash rides along; the hash does not cover itself).
    const e = eventOfRow(tenantId, r);
    if (eventHash(e) !== r.hash) return chainBreak.content(tenantId, seq);
    head.prev = r.hash;
    head.expected = seq + 1;
  }
  return null;
}

/** How a verify walks a chain: `batch` events a query, after `from` (an event and its hash), up to `to`, with `workers` range walkers. */
export interface ChainWalk {
  batch?: number;
  from?: { seq: number; hash: string };
  to?: number;
  workers?: number;
}

/**
 * Walks a tenant's chain in order and names the first broken event: a gap in
 * the sequence, a wrong link to the previous hash, or content that no longer
 * matches its hash. Streamed: `batch` events at a time by a keyset on the primary key, the next
 * batch already on its way while this one is hashed (memory: two batches, whatever the chain's
 * length). `walk.from`: the event the walk starts after (a checkpoint) and its hash; `walk.to`: the last
 * event walked (the chain's end without it).
 *
 * On a PostgreSQL server, a walk of {@link RANGE_WALK_MIN} events or more is cut into ranges walked side
 * by side by worker threads on connections of their own (chainWalk.ts; `walk.workers`: how many, 1 for one
 * walk here; the default one a core) — the result is the same.
 */
export async function verifyChain(db: Kysely<KernelDB>, tenantId: string, walk: ChainWalk = {}): Promise<VerifyResult> {
  const { batch = 5000, from = { seq: 0, hash: GENESIS }, to } = walk;
  const url = to === undefined ? serverUrlOf(db) : undefined;
  const workers = walk.workers ?? rangeWorkers();
  if (url && workers > 1) {
    const last = await db.selectFrom('audit_event').select('seq').where('tenant_id', '=', tenantId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const headSeq = Number(last?.seq ?? 0);
    if (headSeq - from.seq >= (walk.workers === undefined ? RANGE_WALK_MIN : workers)) {
      return walkInRanges({ url, tenantId, batch, from, headSeq, workers });
    }
  }
  const head = { expected: from.seq + 1, prev: from.hash };
  let next: Promise<ChainRow[]> | null = chainBatch(db, tenantId, { after: from.seq, batch, to });
  while (next) {
    const rows: ChainRow[] = await next;
    // A full batch: ask for the next one now, so the database reads it while this one is hashed.
    next = rows.length === batch ? chainBatch(db, tenantId, { after: Number(rows[rows.length - 1]!.seq), batch, to }) : null;
    // Hashed a slice at a time, yielding between slices: the driver takes the next batch's rows off
    // the socket meanwhile, so the server is not held up by a full socket buffer until the batch is done.
    for (let i = 0; i < rows.length; i += HASH_SLICE) {
      if (i) await new Promise<void>((resolve) => setImmediate(resolve));
      const broken = checkBatch(rows.slice(i, i + HASH_SLICE), tenantId, head);
      if (broken) {
        // The batch asked for ahead is still running on the connection: let it finish before the caller goes on.
        await next?.catch(() => undefined);
        return broken;
      }
    }
  }
  return { ok: true, tenantId, events: head.expected - 1, lastHash: head.prev };
}

/** A record's history, oldest first. */
export async function history(db: Kysely<KernelDB>, tenantId: string, entity: string, entityId: string): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_event')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map(rowToEvent);
}

/**
 * What the audit viewer searches by (issue 14 item 6), every filter in SQL and each served by an
 * index (0009_audit_search.sql): the record type, the record (its id, exact), the person, the
 * verbs, and a span of instants (`from` inclusive, `to` exclusive: the route turns the tenant's days
 * into instants); `orgIds` limits to events of those units.
 */
export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  actions?: readonly string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  orgIds?: readonly string[] | undefined;
}

function filteredEvents(db: Kysely<KernelDB>, tenantId: string, f: AuditFilter) {
  let q = db.selectFrom('audit_event').where('tenant_id', '=', tenantId);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.actions?.length) q = q.where('action', 'in', [...f.actions]);
  // A span of instants is also a span of seq — `at` never decreases along a tenant's chain (it is
  // taken under the chain's lock) —, found on (tenant_id, at, seq), so the newest-first scan starts
  // at the span's last event instead of walking back from the newest one.
  if (f.from) {
    const first = sql<string>`(SELECT seq FROM audit_event WHERE tenant_id = ${tenantId} AND at >= ${f.from} ORDER BY at, seq LIMIT 1)`;
    q = q.where('at', '>=', f.from).where('seq', '>=', sql<number>`coalesce(${first}, ${Number.MAX_SAFE_INTEGER})`);
  }
  if (f.to) {
    const last = sql<string>`(SELECT seq FROM audit_event WHERE tenant_id = ${tenantId} AND at < ${f.to} ORDER BY at DESC, seq DESC LIMIT 1)`;
    q = q.where('at', '<', f.to).where('seq', '<=', sql<number>`coalesce(${last}, 0)`);
  }
  if (f.orgIds) q = q.where('org_id', 'in', f.orgIds.length ? [...f.orgIds] : ['00000000-0000-0000-0000-000000000000']);
  return q;
}

/** Recent events of the tenant matching `opts`, newest first, paged by seq (`beforeSeq`: the page after that event). */
export async function recentEvents(
  db: Kysely<KernelDB>,
  tenantId: string,
  opts: AuditFilter & { limit: number; beforeSeq?: number | undefined },
): Promise<AuditEvent[]> {
  let q = filteredEvents(db, tenantId, opts).selectAll();
  if (opts.beforeSeq) q = q.where('seq', '<', opts.beforeSeq);
  const rows = await q.orderBy('seq', 'desc').limit(opts.limit).execute();
  return rows.map(rowToEvent);
}

/** How many events match a filter (the export's cap is checked on it). */
export async function countEvents(db: Kysely<KernelDB>, tenantId: string, f: AuditFilter): Promise<number> {
  const r = await filteredEvents(db, tenantId, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
