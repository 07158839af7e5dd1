/** All SQL of the shared demand record; every list and get applies the data scope. */
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Instant, KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import {
  containsPattern,
  countRows,
  type Keyset,
  keysetPage,
  keysetQuery,
  type ListSort,
  orderByKeyset,
  sortKeyset,
  type SortWhitelist,
} from '../../core/lists.js';
import type { DemandKind, DemandsTables, DemandStatus } from './schema.js';
import type { DemandKindDef } from './kinds.js';
import { isUuid } from '../../core/ids.js';
import { piiIndex } from '../../core/crypto/pii.js';
import type { OnlineStore } from './online.js';

/** The demand tables (this module's own code only: other modules read through the functions below and write through the service). */
export const dm = (db: Kysely<KernelDB>) => db.withTables<DemandsTables>();

/** A stored demand with its unit's and assignee's names. */
export type ItemRow = Selectable<DemandsTables['dm_item']> & { org_name: string; assignee_name: string | null };

function base(db: Kysely<KernelDB>) {
  return dm(db)
    .selectFrom('dm_item')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'dm_item.tenant_id').onRef('org.id', '=', 'dm_item.org_id'))
    .leftJoin('app_user', (j) => j.onRef('app_user.tenant_id', '=', 'dm_item.tenant_id').onRef('app_user.id', '=', 'dm_item.assignee_id'))
    .selectAll('dm_item')
    .select(['org.name as org_name', 'app_user.display_name as assignee_name']);
}

export interface ListFilters {
  /** The kinds listed (their clocks say whether the reply or the closure stops them). */
  kinds: readonly DemandKindDef[];
  status?: DemandStatus | 'open' | 'overdue';
  orgId?: string;
  assigneeId?: string;
  /** Free text (number, matter, content, place), or a phone number: then only the phone's blind index is searched. */
  q?: string;
  year?: number;
  /** 诉求类型/类别/申请人类型 (the kind's own list), exactly. */
  demandType?: string;
  /** A column of {@link SORTABLE} and the direction; absent: open ones by due date first, then the newest. */
  sort?: ListSort<SortColumn>;
  /** For `overdue`: the business date to compare due dates with. */
  today?: string;
  limit?: number;
  offset?: number;
  /** A cursor of the list's order (a page's `cursor`): the rows after its row. */
  after?: string;
}

/** The columns a demand list may be sorted on (each served by an index of `dm_item`): the list's name → the column and its title. */
export const SORTABLE = {
  refNo: { column: 'dm_item.ref_no', label: '编号', type: 'text', notNull: true },
  receivedAt: { column: 'dm_item.received_at', label: '受理时间', type: 'timestamptz', notNull: true },
  dueOn: { column: 'dm_item.due_on', label: '届满日', type: 'date', notNull: true },
  closedAt: { column: 'dm_item.closed_at', label: '办结时间', type: 'timestamptz' },
} as const satisfies SortWhitelist;
export type SortColumn = keyof typeof SORTABLE;

/**
 * The blind-index keys of a phone number typed in a search box, or null when the text is not a
 * phone number: a mobile (11 digits from 1) or a landline with its area code (0 + 9–11 digits),
 * spaces, hyphens and a leading +86 ignored. A landline is matched as stored with or without the
 * hyphen after its 3- or 4-digit area code. The number itself never reaches SQL.
 */
export function phoneSearchKeys(text: string): string[] | null {
  const digits = text.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(digits)) return [piiIndex(digits)!];
  if (/^0\d{9,11}$/.test(digits))
    return [digits, `${digits.slice(0, 3)}-${digits.slice(3)}`, `${digits.slice(0, 4)}-${digits.slice(4)}`].map((d) => piiIndex(d)!);
  return null;
}

/** The clock still runs: not yet replied (kinds stopped by the reply) or not yet closed (the others). */
export function clockRunning(kinds: readonly DemandKindDef[]) {
  const byReply = kinds.filter((k) => k.doneBy === 'reply').map((k) => k.kind);
  // One rule for every kind listed: the plain column test (the open-items index serves `closed_at IS NULL`).
  if (!byReply.length) return sql<boolean>`dm_item.closed_at IS NULL`;
  if (byReply.length === kinds.length) return sql<boolean>`dm_item.replied_at IS NULL`;
  return sql<boolean>`(CASE WHEN dm_item.kind IN (${sql.join(byReply.length ? byReply : ['-'])}) THEN dm_item.replied_at ELSE dm_item.closed_at END) IS NULL`;
}

/** The list's rows in scope and filtered, without the names (what a count reads: the unit is a foreign key, the assignee a left join). */
function matching(ctx: Ctx, f: ListFilters) {
  let q = dm(ctx.db)
    .selectFrom('dm_item')
    .$call(withDataScope(ctx.actor, 'dm_item'))
    .where('dm_item.kind', 'in', f.kinds.length ? f.kinds.map((k) => k.kind) : ['hotline']);
  if (!f.kinds.length) q = q.where(sql<boolean>`false`);
  if (f.status === 'open') q = q.where('dm_item.closed_at', 'is', null);
  else if (f.status === 'overdue') q = q.where(clockRunning(f.kinds)).where('dm_item.due_on', '<', f.today ?? '9999-12-31');
  else if (f.status) q = q.where('dm_item.status', '=', f.status);
  if (f.orgId) q = q.where('dm_item.org_id', '=', f.orgId);
  if (f.assigneeId) q = q.where('dm_item.assignee_id', '=', f.assigneeId);
  if (f.year) q = q.where(sql`extract(year from (dm_item.received_at AT TIME ZONE 'Asia/Shanghai'))`, '=', f.year);
  if (f.demandType) q = q.where('dm_item.demand_type', '=', f.demandType);
  const phone = f.q ? phoneSearchKeys(f.q) : null;
  if (phone) q = q.where('dm_item.person_phone_idx', 'in', phone);
  else if (f.q) {
    // The text is matched as typed: a %, _ or \ in it is a character, not a LIKE wildcard.
    const like = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([eb('dm_item.ref_no', 'like', like), eb('dm_item.title', 'like', like), eb('dm_item.content', 'like', like), eb('dm_item.location', 'like', like)]),
    );
  }
  return q;
}

/** The list's rows with their unit's and assignee's names. */
function filtered(ctx: Ctx, f: ListFilters) {
  return matching(ctx, f)
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'dm_item.tenant_id').onRef('org.id', '=', 'dm_item.org_id'))
    .leftJoin('app_user', (j) => j.onRef('app_user.tenant_id', '=', 'dm_item.tenant_id').onRef('app_user.id', '=', 'dm_item.assignee_id'))
    .selectAll('dm_item')
    .select(['org.name as org_name', 'app_user.display_name as assignee_name']);
}

/** The columns a list row shows (`presentListItem`): not the clock's rule and history, the content, the attributes. */
const LIST_COLUMNS = [
  'dm_item.id',
  'dm_item.kind',
  'dm_item.ref_no',
  'dm_item.title',
  'dm_item.demand_type',
  'dm_item.channel',
  'dm_item.org_id',
  'dm_item.assignee_id',
  'dm_item.status',
  'dm_item.received_at',
  'dm_item.first_due_on',
  'dm_item.first_done_at',
  'dm_item.due_on',
  'dm_item.replied_at',
  'dm_item.closed_at',
  'dm_item.result',
  'dm_item.satisfaction',
  'dm_item.person_name',
  'dm_item.person_phone',
  'dm_item.location',
  'dm_item.version',
] as const;

/** A list's row: the columns it shows, with the unit's and assignee's names. */
export type ListRow = Pick<
  ItemRow,
  | 'id'
  | 'kind'
  | 'ref_no'
  | 'title'
  | 'demand_type'
  | 'channel'
  | 'org_id'
  | 'assignee_id'
  | 'status'
  | 'received_at'
  | 'first_due_on'
  | 'first_done_at'
  | 'due_on'
  | 'replied_at'
  | 'closed_at'
  | 'result'
  | 'satisfaction'
  | 'person_name'
  | 'person_phone'
  | 'location'
  | 'version'
  | 'org_name'
  | 'assignee_name'
>;

/** The list's rows as a page shows them (the list's columns and the names). */
function listed(ctx: Ctx, f: ListFilters) {
  return matching(ctx, f)
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'dm_item.tenant_id').onRef('org.id', '=', 'dm_item.org_id'))
    .leftJoin('app_user', (j) => j.onRef('app_user.tenant_id', '=', 'dm_item.tenant_id').onRef('app_user.id', '=', 'dm_item.assignee_id'))
    .select([...LIST_COLUMNS, 'org.name as org_name', 'app_user.display_name as assignee_name']);
}

/** The list's default order: open ones first by due date, then the newest received, then the id (index dm_item_list_default). */
export const DEFAULT_KEYSET: Keyset = {
  name: 'demands',
  keys: [
    { expr: 'dm_item.closed_at IS NOT NULL', type: 'boolean' },
    { expr: 'dm_item.due_on', type: 'date' },
    { expr: 'dm_item.received_at', type: 'timestamptz', desc: true },
    { expr: 'dm_item.id', type: 'uuid' },
  ],
};

/** The list's order as a keyset: the chosen column (then the id, for a stable page), or the default order. */
export function keysetOf(sort: ListFilters['sort']): Keyset {
  return sort ? sortKeyset(SORTABLE, { name: 'demands', sort, tieBreaker: 'dm_item.id' }) : DEFAULT_KEYSET;
}

/** The list's order: the chosen column (then the id, for a stable page), or open ones by due date first, then the newest. */
function ordered<Q extends ReturnType<typeof filtered>>(q: Q, sort: ListFilters['sort']): Q {
  return orderByKeyset(q, keysetOf(sort));
}

/** The SQL of a list's page (for EXPLAIN: the default order read from its index, a cursor's page a seek on it). */
export function listItemsQuery(ctx: Ctx, f: ListFilters) {
  return keysetQuery(listed(ctx, f), { keyset: keysetOf(f.sort), limit: f.limit ?? 50, offset: f.offset ?? 0, after: f.after }).compile();
}

/**
 * Demands in the actor's scope, open ones by due date first, then the newest: a page by offset or
 * after a cursor, its total counted up to the cap, and the cursor of its last row.
 */
export async function listItems(ctx: Ctx, f: ListFilters): Promise<{ rows: ListRow[]; total: number; totalCapped: boolean; cursor: string | null }> {
  const page = { keyset: keysetOf(f.sort), limit: f.limit ?? 50, offset: f.offset ?? 0, after: f.after };
  return keysetPage<ListRow>(ctx.db, { rows: listed(ctx, f), count: matching(ctx, f) }, page);
}

/** One demand of a kind in the actor's scope (undefined: not found or out of scope). */
export async function getItem(ctx: Ctx, kind: DemandKind, id: string): Promise<ItemRow | undefined> {
  if (!isUuid(id)) return undefined;
  const r = await base(ctx.db).$call(withDataScope(ctx.actor, 'dm_item')).where('dm_item.kind', '=', kind).where('dm_item.id', '=', id).executeTakeFirst();
  return r as unknown as ItemRow | undefined;
}

/** A demand by its number (intake idempotency), ignoring scope: the caller is the intake channel. */
export async function findByRef(db: Kysely<KernelDB>, tenantId: string, kind: DemandKind, refNo: string): Promise<ItemRow | undefined> {
  const r = await base(db).where('dm_item.tenant_id', '=', tenantId).where('dm_item.kind', '=', kind).where('dm_item.ref_no', '=', refNo).executeTakeFirst();
  return r as unknown as ItemRow | undefined;
}

/** The links of a demand (both directions), with the other demand's number, date and title, oldest first. */
export async function linksOf(ctx: Ctx, id: string) {
  return dm(ctx.db)
    .selectFrom('dm_link')
    .innerJoin('dm_item', (j) =>
      j
        .onRef('dm_item.tenant_id', '=', 'dm_link.tenant_id')
        .on(sql<boolean>`dm_item.id = CASE WHEN dm_link.from_id = ${id} THEN dm_link.to_id ELSE dm_link.from_id END`),
    )
    .select(['dm_link.reason', 'dm_item.id', 'dm_item.kind', 'dm_item.ref_no', 'dm_item.received_at', 'dm_item.title', 'dm_item.org_id', 'dm_link.from_id'])
    .where('dm_link.tenant_id', '=', ctx.actor.tenantId)
    .where((eb) => eb.or([eb('dm_link.from_id', '=', id), eb('dm_link.to_id', '=', id)]))
    .$call(withDataScope(ctx.actor, 'dm_item'))
    .orderBy('dm_item.received_at')
    .execute();
}

/** The tenant's bureau (the top unit): its id and name — the issuer of letters and reports. */
export async function bureauOf(db: Kysely<KernelDB>, tenantId: string): Promise<{ id: string; name: string }> {
  return db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'bureau')
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
}

/** The unit owning a demand of a kind (undefined: unknown id), ignoring scope: the kernel's entity look-up. */
export async function demandOwnerOrg(db: Kysely<KernelDB>, tenantId: string, key: { kind: DemandKind; id: string }): Promise<string | undefined> {
  if (!isUuid(key.id)) return undefined;
  const r = await dm(db)
    .selectFrom('dm_item')
    .select('org_id')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', key.kind)
    .where('id', '=', key.id)
    .executeTakeFirst();
  return r?.org_id;
}

/** How many demands a list's filters give (the export's cap is checked on it before any row is read). */
export async function countItems(ctx: Ctx, f: ListFilters): Promise<number> {
  return countRows(matching(ctx, f));
}

/**
 * Every record of a kind in the actor's scope with its unit's name (no assignee name), by receipt and number: the ledger export.
 * With a list's filters: exactly the rows the list shows, in the list's order (its export).
 */
export async function itemsForExport(ctx: Ctx, kind: DemandKind, list?: ListFilters): Promise<ItemRow[]> {
  if (list) return (await ordered(filtered(ctx, list), list.sort).execute()) as unknown as ItemRow[];
  const rows = await dm(ctx.db)
    .selectFrom('dm_item')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'dm_item.tenant_id').onRef('org.id', '=', 'dm_item.org_id'))
    .selectAll('dm_item')
    .select(['org.name as org_name'])
    .$call(withDataScope(ctx.actor, 'dm_item'))
    .where('dm_item.kind', '=', kind)
    .orderBy('dm_item.received_at')
    .orderBy('dm_item.ref_no')
    .execute();
  return rows.map((r) => ({ ...r, assignee_name: null })) as unknown as ItemRow[];
}

/** Deletes the links from or to any of the records (an import's undo, before the records go). */
export async function deleteLinksOf(db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]): Promise<void> {
  const list = JSON.stringify(ids);
  await sql`DELETE FROM dm_link WHERE tenant_id = ${tenantId} AND (from_id::text IN (SELECT jsonb_array_elements_text(${list}::jsonb)) OR to_id::text IN (SELECT jsonb_array_elements_text(${list}::jsonb)))`.execute(
    db,
  );
}

/** The records of a kind bearing one of the numbers (no unit or assignee names), ignoring scope: an import's matching. */
export async function itemsByRefs(db: Kysely<KernelDB>, tenantId: string, kind: DemandKind, refs: readonly string[]): Promise<ItemRow[]> {
  const rows = await dm(db)
    .selectFrom('dm_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where(sql<boolean>`ref_no = ANY(${sql.val(refs)}::text[])`)
    .execute();
  return rows.map((r) => ({ ...r, org_name: '', assignee_name: null })) as unknown as ItemRow[];
}

/** Writes changed columns of a record (the caller has checked and bumped its version). */
export async function setItemColumns(db: Kysely<KernelDB>, tenantId: string, id: string, set: Record<string, unknown>): Promise<void> {
  await dm(db).updateTable('dm_item').set(set).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Whether a unit exists in the tenant. */
export async function orgExists(db: Kysely<KernelDB>, tenantId: string, orgId: string): Promise<boolean> {
  return !!(await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', '=', orgId).executeTakeFirst());
}

/** A user of the tenant with their unit (undefined: unknown). */
export async function userOrg(db: Kysely<KernelDB>, tenantId: string, userId: string) {
  return db.selectFrom('app_user').select(['id', 'org_id']).where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
}

/** The active users of a unit, by name (those a demand may be assigned to). */
export async function activeUsersOf(ctx: Ctx, orgId: string) {
  return ctx.db
    .selectFrom('app_user')
    .select(['id', 'display_name', 'org_id'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('org_id', '=', orgId)
    .where('disabled', '=', false)
    .orderBy('display_name')
    .execute();
}

/**
 * The days an open demand's clock status turns on (the overview's counts): `today` (due before it:
 * overdue) and `soonUntil`, the last due date still "due soon" (due from today up to it).
 */
export interface OverviewDays {
  today: string;
  soonUntil: string;
}

/** The open demands of the kinds in the actor's scope (not closed). */
function openOf(ctx: Ctx, kinds: readonly DemandKindDef[]) {
  return dm(ctx.db)
    .selectFrom('dm_item')
    .$call(withDataScope(ctx.actor, 'dm_item'))
    .where(
      'dm_item.kind',
      'in',
      kinds.map((k) => k.kind),
    )
    .where('dm_item.closed_at', 'is', null);
}

/**
 * Of an open (not closed) demand: its clock runs — always for the kinds stopped by the closure, until
 * the reply for the others. Of a demand row (`dm_item`), or of an open-counts row (`t`: its `replied`).
 */
function openClockRunning(kinds: readonly DemandKindDef[], of: 'dm_item' | 't' = 'dm_item') {
  const byReply = kinds.filter((k) => k.doneBy === 'reply').map((k) => k.kind);
  if (!byReply.length) return sql<boolean>`true`;
  const replied = of === 't' ? sql`t.replied` : sql`dm_item.replied_at IS NOT NULL`;
  return sql<boolean>`(${sql.ref(`${of}.kind`)} NOT IN (${sql.join(byReply)}) OR NOT ${replied})`;
}

/** Of an open demand: the clock runs and is not paused (it can be overdue or due soon). */
function ticking(kinds: readonly DemandKindDef[]) {
  return sql<boolean>`(${openClockRunning(kinds)} AND dm_item.status <> 'paused')`;
}

/** Folds the committed differences of the open counts once a bureau has this many (a read's extra work stays small). */
const TALLY_FOLD_AT = 1000;

/**
 * Counts of open demands per kind and unit (the leader's overview): open, overdue (the clock running,
 * not paused, due before today), due soon (due from today to `soonUntil`) and paused — sums over the
 * open counts dm_item's triggers keep (`dm_open_tally`, migrations/0006_open_tally.sql), a few rows a
 * unit and due date, not the open items. Folds the bureau's differences when they have grown.
 */
export async function openCounts(ctx: Ctx, kinds: readonly DemandKindDef[], days: OverviewDays) {
  if (!kinds.length) return [];
  const running = openClockRunning(kinds, 't');
  const run = sql<boolean>`(${running} AND NOT t.paused)`;
  const counts = dm(ctx.db)
    .selectFrom('dm_open_tally as t')
    .$call(withDataScope(ctx.actor, 't'))
    .where(
      't.kind',
      'in',
      kinds.map((k) => k.kind),
    )
    .select([
      't.tenant_id',
      't.kind',
      't.org_id',
      sql<number>`sum(n)::int`.as('open'),
      sql<number>`(coalesce(sum(n) FILTER (WHERE ${run} AND t.due_on < ${days.today}::date), 0))::int`.as('overdue'),
      sql<number>`(coalesce(sum(n) FILTER (WHERE ${run} AND t.due_on BETWEEN ${days.today}::date AND ${days.soonUntil}::date), 0))::int`.as('due_soon'),
      sql<number>`(coalesce(sum(n) FILTER (WHERE ${running} AND t.paused), 0))::int`.as('paused'),
      sql<number>`(count(*) FILTER (WHERE t.xid <> 0))::int`.as('differences'),
    ])
    .groupBy(['t.tenant_id', 't.kind', 't.org_id']);
  const rows = await ctx.db
    .selectFrom(counts.as('c'))
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'c.tenant_id').onRef('org.id', '=', 'c.org_id'))
    .select(['c.kind', 'c.org_id', 'org.name as org_name', 'c.open', 'c.overdue', 'c.due_soon', 'c.paused', 'c.differences'])
    .execute();
  // The figures are read; folding only makes the next read shorter, so a fold that fails (or finds another
  // fold at work) leaves the differences for a later read.
  if (rows.reduce((n, r) => n + r.differences, 0) >= TALLY_FOLD_AT) await foldOpenTally(ctx.db, ctx.actor.tenantId).catch(() => undefined);
  // A unit whose demands all closed keeps rows summing to 0 until the next fold.
  return rows.filter((r) => r.open !== 0).map(({ differences: _, ...r }) => r);
}

/**
 * Folds a bureau's committed differences of the open counts into their xid = 0 rows and drops the
 * keys left at 0. Only the differences this statement sees (committed) move, so a writer still open
 * keeps its own for a later fold; one fold a bureau at a time (a second one skips).
 */
export async function foldOpenTally(db: Kysely<KernelDB>, tenantId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const lock = await sql<{ got: boolean }>`SELECT pg_try_advisory_xact_lock(hashtext('dm_open_tally'), hashtext(${tenantId})) AS got`.execute(tx);
    if (!lock.rows[0]?.got) return;
    await sql`
      WITH moved AS (
        DELETE FROM dm_open_tally WHERE tenant_id = ${tenantId} AND xid <> 0
        RETURNING tenant_id, kind, org_id, due_on, paused, replied, n
      )
      INSERT INTO dm_open_tally (tenant_id, kind, org_id, due_on, paused, replied, xid, n)
      SELECT tenant_id, kind, org_id, due_on, paused, replied, 0, sum(n)::int FROM moved
      GROUP BY tenant_id, kind, org_id, due_on, paused, replied
      ON CONFLICT (tenant_id, kind, org_id, due_on, paused, replied, xid) DO UPDATE SET n = dm_open_tally.n + EXCLUDED.n`.execute(tx);
    await sql`DELETE FROM dm_open_tally WHERE tenant_id = ${tenantId} AND xid = 0 AND n = 0`.execute(tx);
  });
}

/** The open demands whose running clock falls due in a span (overdue: before today; due soon: today to `soonUntil`), earliest due first, at most `limit`. */
export async function openDueIn(ctx: Ctx, kinds: readonly DemandKindDef[], span: { from?: string; to: string; limit: number }): Promise<ListRow[]> {
  if (!kinds.length) return [];
  // One statement: a branch a kind, each reading the open-items index in due order and stopping at `limit`
  // (one scan over several kinds would fetch and sort every open item of them); the earliest of them all
  // then, and only those named (the unit's and the assignee's names join `limit` rows, not every branch's).
  const branches = kinds.map((k) => {
    let q = openOf(ctx, [k])
      .select(LIST_COLUMNS)
      .where(ticking([k]))
      .where('dm_item.due_on', '<=', span.to);
    if (span.from) q = q.where('dm_item.due_on', '>=', span.from);
    return sql`(${q.orderBy('dm_item.due_on').orderBy('dm_item.received_at').orderBy('dm_item.id').limit(span.limit)})`;
  });
  const due = sql<Omit<ListRow, 'org_name' | 'assignee_name'>>`(${sql.join(branches, sql` UNION ALL `)})`.as('d');
  return (await ctx.db
    .selectFrom(due)
    .innerJoin('org', (j) => j.on('org.tenant_id', '=', ctx.actor.tenantId).onRef('org.id', '=', 'd.org_id'))
    .leftJoin('app_user', (j) => j.on('app_user.tenant_id', '=', ctx.actor.tenantId).onRef('app_user.id', '=', 'd.assignee_id'))
    .selectAll('d')
    .select(['org.name as org_name', 'app_user.display_name as assignee_name'])
    .orderBy('d.due_on')
    .orderBy('d.received_at')
    .orderBy('d.id')
    .limit(span.limit)
    .execute()) as ListRow[];
}

/** The records of a kind received between two business dates (inclusive), but one: the hotline's repeat search. Ignores scope (an intake's own check). */
export async function receivedBetween(db: Kysely<KernelDB>, tenantId: string, kind: DemandKind, span: { from: string; to: string; exceptId: string }) {
  const { from, to, exceptId } = span;
  return dm(db)
    .selectFrom('dm_item')
    .select(['id', 'person_phone_idx', 'location', sql<string>`to_char((received_at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD')`.as('received_on')])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .where('id', '!=', exceptId)
    .where(sql<boolean>`(received_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`)
    .execute();
}

/** Every record of a kind in a tenant, with the facts a report counts (the disclosure annual report). */
export async function reportRows(db: Kysely<KernelDB>, tenantId: string, kind: DemandKind) {
  return dm(db)
    .selectFrom('dm_item')
    .select(['ref_no', 'demand_type', 'received_at', 'replied_at', 'result', 'attrs'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .execute();
}

/** Merges attributes into a record's `attrs` (an intake hook's effect, before the created event). */
export async function mergeAttrs(db: Kysely<KernelDB>, tenantId: string, id: string, attrs: Record<string, unknown>): Promise<void> {
  await dm(db)
    .updateTable('dm_item')
    .set({ attrs: JSON.stringify(attrs) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Links a record to earlier ones (a link already there is kept). */
export async function insertLinks(db: Kysely<KernelDB>, tenantId: string, fromId: string, to: ReadonlyArray<{ id: string; reason: string }>): Promise<void> {
  if (!to.length) return;
  await dm(db)
    .insertInto('dm_link')
    .values(to.map((l) => ({ tenant_id: tenantId, from_id: fromId, to_id: l.id, reason: l.reason })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The columns of a kind module's online receipts table (`disclosure_online`, `petitions_online`: one shape, each module's own migration). */
export interface OnlineReceiptRow {
  tenant_id: string;
  id: Generated<string>;
  receipt_no: string;
  secret_hash: string;
  item_id: string;
  applicant: string | null;
  created_at: Instant;
}

/** The tables of `DB` shaped as {@link OnlineReceiptRow}. */
type ReceiptTableOf<DB> = { [K in keyof DB]: DB[K] extends OnlineReceiptRow ? K : never }[keyof DB] & string;

/**
 * The online store over a kind module's receipts table: the module passes its own table
 * (`onlineReceiptStore<DisclosureTables>('disclosure_online')`), this holds the SQL once.
 */
export function onlineReceiptStore<DB>(table: ReceiptTableOf<DB>): OnlineStore {
  // One alias for every such table: the SQL is the same, only the name differs.
  const r = (db: Kysely<KernelDB>) => db.withTables<{ receipts: OnlineReceiptRow }>();
  const name = table as string as 'receipts';
  return {
    async insert(db, row) {
      await r(db)
        .insertInto(name)
        .values({ tenant_id: row.tenantId, receipt_no: row.receiptNo, secret_hash: row.secretHash, item_id: row.itemId, applicant: row.applicant })
        .execute();
    },
    byReceipt: (db, q) =>
      r(db)
        .selectFrom(name)
        .select(['item_id', 'secret_hash', 'receipt_no'])
        .where('tenant_id', '=', q.tenantId)
        .where('receipt_no', '=', q.receiptNo)
        .executeTakeFirst(),
    byItem: (db, q) =>
      r(db).selectFrom(name).select(['receipt_no', 'applicant']).where('tenant_id', '=', q.tenantId).where('item_id', '=', q.itemId).executeTakeFirst(),
  };
}
