import { type Insertable, type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Actor, Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { LicensingTables, PermitCategory, PermitStatus } from './schema.js';
import { forgetDecisions } from '../publicity/index.js';

const t = (db: Kysely<KernelDB>) => db.withTables<LicensingTables>();

/** The catalogue in the actor's scope, by code. */
export function listItems(ctx: Ctx) {
  return t(ctx.db).selectFrom('lic_item').selectAll().$call(withDataScope(ctx.actor)).orderBy('code').execute();
}

export function getItem(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('lic_item').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export interface PermitFilter {
  year?: number;
  category?: PermitCategory;
  status?: PermitStatus;
  itemId?: string;
  /** An 办件编号, applicant or 决定文书号, anywhere in it (as typed: % and _ are characters). */
  q?: string;
  /** A column of {@link PERMIT_SORTABLE} and the direction; absent: the newest received first. */
  sort?: ListSort<keyof typeof PERMIT_SORTABLE>;
}

/** The columns a permit list may be sorted on, each served by an index of `lic_permit` (0001, 0002). */
export const PERMIT_SORTABLE = {
  caseNo: { column: 'p.case_no', label: '办件编号' },
  receivedOn: { column: 'p.received_on', label: '收件日期' },
  acceptedOn: { column: 'p.accepted_on', label: '受理日期' },
  dueOn: { column: 'p.due_on', label: '承诺期限' },
  decidedOn: { column: 'p.decided_on', label: '决定日期' },
} as const satisfies SortWhitelist;

/** Permit cases with their item, in the actor's scope. */
export function permitQuery(db: Kysely<KernelDB>, ctx: Ctx) {
  return t(db)
    .selectFrom('lic_permit as p')
    .innerJoin('lic_item as i', (j) => j.onRef('i.tenant_id', '=', 'p.tenant_id').onRef('i.id', '=', 'p.item_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'p.tenant_id').onRef('o.id', '=', 'p.org_id'))
    .selectAll('p')
    .select(['i.code as item_code', 'i.name as item_name', 'i.category as category', 'i.committed_days', 'i.statutory_days', 'o.name as org_name'])
    .$call(withDataScope(ctx.actor, 'p'));
}

/** Permit cases in the actor's scope matching a list's filters (unordered). */
const filteredPermits = (ctx: Ctx, f: PermitFilter) =>
  permitQuery(ctx.db, ctx)
    .$if(!!f.year, (q) => q.where('p.received_on', '>=', `${f.year}-01-01`).where('p.received_on', '<=', `${f.year}-12-31`))
    .$if(!!f.category, (q) => q.where('i.category', '=', f.category!))
    .$if(!!f.status, (q) => q.where('p.status', '=', f.status!))
    .$if(!!f.itemId, (q) => q.where('p.item_id', '=', f.itemId!))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('p.case_no', 'ilike', like), eb('p.applicant', 'ilike', like), eb('p.decision_no', 'ilike', like)]));
    });

/** The permit list, the newest received first unless sorted. */
const permitList = listQueries({
  filtered: filteredPermits,
  sortable: PERMIT_SORTABLE,
  tieBreaker: 'p.id',
  order: (q) => q.orderBy('p.received_on', 'desc').orderBy('p.case_no', 'desc'),
});

/** A page of the permit cases in the actor's scope (newest received first unless sorted, 50 from the first by default), with the filtered total. */
export const listPermits = (ctx: Ctx, f: PermitFilter & { limit?: number; offset?: number }) =>
  permitList.page(ctx, { ...f, limit: f.limit ?? 50, offset: f.offset ?? 0 });

/** How many permit cases a list's filters give (the export's cap is checked on it before any row is read). */
export const countPermits = permitList.count;

export function getPermit(db: Kysely<KernelDB>, ctx: Ctx, id: string) {
  return permitQuery(db, ctx).where('p.id', '=', id).executeTakeFirst();
}
/** A permit case as loaded: its columns, its item's code, name, category and terms, its unit's name. */
export type PermitRow = NonNullable<Awaited<ReturnType<typeof getPermit>>>;

// ── Look-ups and writes of the commands and the ledgers (issue 12: SQL lives here) ──

/** Catalogue items by id or code, locked for the write that reads them. */
export const lockItems = (db: Kysely<KernelDB>, tenantId: string, k: { ids: readonly string[]; codes: readonly string[] }) =>
  t(db)
    .selectFrom('lic_item')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`(id = ANY(${sql.val(k.ids)}::uuid[]) OR code = ANY(${sql.val(k.codes)}::text[]))`)
    .forUpdate()
    .execute();
/** Catalogue items by id, in the actor's scope. */
export const itemsInScope = (db: Kysely<KernelDB>, actor: Actor, ids: readonly string[]) =>
  t(db)
    .selectFrom('lic_item')
    .selectAll()
    .$call(withDataScope(actor))
    .where(sql<boolean>`id = ANY(${sql.val(ids)}::uuid[])`)
    .execute();
/** The ids of the catalogue items with these codes (the ledgers match on 事项编码). */
export const itemIdsByCode = (db: Kysely<KernelDB>, tenantId: string, codes: readonly string[]) =>
  t(db)
    .selectFrom('lic_item')
    .select(['id', 'code'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`code = ANY(${sql.val(codes)}::text[])`)
    .execute();

/** Permit cases by id or case number, locked for the write that reads them. */
export const lockPermits = (db: Kysely<KernelDB>, tenantId: string, k: { ids: readonly string[]; caseNos: readonly string[] }) =>
  t(db)
    .selectFrom('lic_permit')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`(id = ANY(${sql.val(k.ids)}::uuid[]) OR case_no = ANY(${sql.val(k.caseNos)}::text[]))`)
    .forUpdate()
    .execute();
/** The permit cases with these case numbers (the permits ledger matches on 办件编号). */
export const permitsByCaseNo = (db: Kysely<KernelDB>, tenantId: string, caseNos: readonly string[]) =>
  t(db)
    .selectFrom('lic_permit')
    .select(['id', 'case_no', 'received_on', 'accepted_on'])
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`case_no = ANY(${sql.val(caseNos)}::text[])`)
    .execute();
/** The greatest case number with this prefix (`XK2023…`), if any. */
export async function maxCaseNo(db: Kysely<KernelDB>, tenantId: string, prefix: string): Promise<string | null> {
  const r = await t(db)
    .selectFrom('lic_permit')
    .select((eb) => eb.fn.max('case_no').as('m'))
    .where('tenant_id', '=', tenantId)
    .where('case_no', 'like', `${prefix}%`)
    .executeTakeFirst();
  return r?.m ? String(r.m) : null;
}
/** How many permits were decided in a year. */
export async function decidedInYear(db: Kysely<KernelDB>, tenantId: string, year: string): Promise<number> {
  const r = await t(db)
    .selectFrom('lic_permit')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('decided_on', '>=', `${year}-01-01`)
    .where('decided_on', '<=', `${year}-12-31`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Removes the 双公示 register entries of some permits (undo of an import of cases), through the publicity module. */
export async function deletePublicationsOf(db: Kysely<KernelDB>, tenantId: string, permitIds: readonly string[]): Promise<void> {
  await forgetDecisions(db, { tenantId, entity: 'licensing.permit', ids: permitIds });
}
/**
 * The ledger's export: the permit cases in the actor's scope in the ledger's order (by received date,
 * then case number); with a list's filters (the list's export), exactly the list's rows in its order.
 */
export const permitsForExport = (ctx: Ctx, f?: PermitFilter) =>
  f ? permitList.rows(ctx, f) : permitQuery(ctx.db, ctx).orderBy('p.received_on').orderBy('p.case_no').execute();

// ── The demo bureau's bulk loads (demo.ts) ──

/** Inserts catalogue items; the inserted rows. */
export function insertItems(db: Kysely<KernelDB>, rows: Insertable<LicensingTables['lic_item']>[]) {
  return t(db).insertInto('lic_item').values(rows).returningAll().execute();
}

/** Inserts permits in one statement; their ids. */
export function insertPermits(db: Kysely<KernelDB>, rows: Insertable<LicensingTables['lic_permit']>[]) {
  return t(db).insertInto('lic_permit').values(rows).returning('id').execute();
}
