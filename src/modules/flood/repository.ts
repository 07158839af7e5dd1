import { type Insertable, type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, countRows, type ListSort, orderBySort, type SortWhitelist } from '../../core/lists.js';
import type { FloodTables, ProjectKind, RiskLevel, RiskStatus } from './schema.js';

/** All SQL of the flood module. Every list and get applies the actor's data scope. */
export const t = (db: Kysely<KernelDB>) => db.withTables<FloodTables>();

export interface RiskPointFilter {
  orgId?: string;
  status?: RiskStatus;
  level?: RiskLevel;
  /** 编号 or 名称, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link RISK_POINT_SORTABLE} and the direction; absent: by number. */
  sort?: ListSort<keyof typeof RISK_POINT_SORTABLE>;
}

/** The columns the risk point list may be sorted on, each served by an index of `flood_risk_point`. */
export const RISK_POINT_SORTABLE = {
  code: { column: 'code', label: '编号' },
  registeredOn: { column: 'registered_on', label: '纳入台账日期' },
  completedOn: { column: 'completed_on', label: '完成日期' },
} as const satisfies SortWhitelist;

/** Risk points in the actor's scope matching a list's filters (unordered). */
function filteredRiskPoints(ctx: Ctx, f: RiskPointFilter) {
  return t(ctx.db)
    .selectFrom('flood_risk_point')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!))
    .$if(!!f.level, (q) => q.where('risk_level', '=', f.level!))
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('name', 'like', containsPattern(f.q!)), eb('code', 'like', containsPattern(f.q!))])));
}

/** The risk point list's order: the chosen column, or by number. */
function orderedRiskPoints(q: ReturnType<typeof filteredRiskPoints>, sort: RiskPointFilter['sort']) {
  return sort ? orderBySort(q, RISK_POINT_SORTABLE, { sort, tieBreaker: 'id' }) : q.orderBy('code');
}

/** Every risk point in scope matching the filters, in the list's order (the map, the ledger and the list's export). */
export function listRiskPoints(ctx: Ctx, f: RiskPointFilter = {}) {
  return orderedRiskPoints(filteredRiskPoints(ctx, f), f.sort).execute();
}

/** A page of the risk point list and the filtered total. */
export async function pageRiskPoints(ctx: Ctx, f: RiskPointFilter & { limit: number; offset: number }) {
  const q = filteredRiskPoints(ctx, f);
  const [rows, total] = await Promise.all([orderedRiskPoints(q, f.sort).limit(f.limit).offset(f.offset).execute(), countRows(q)]);
  return { rows, total };
}

/** How many risk points a list's filters give. */
export function countRiskPoints(ctx: Ctx, f: RiskPointFilter): Promise<number> {
  return countRows(filteredRiskPoints(ctx, f));
}

export function getRiskPoint(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_risk_point').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listProgress(ctx: Ctx, pointId: string) {
  return t(ctx.db)
    .selectFrom('flood_risk_progress')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .where('point_id', '=', pointId)
    .orderBy('on_date')
    .orderBy('created_at')
    .execute();
}

/** Every progress update in scope (the 整治进度 ledger). */
export function listAllProgress(ctx: Ctx) {
  return t(ctx.db)
    .selectFrom('flood_risk_progress as p')
    .innerJoin('flood_risk_point as r', (j) => j.onRef('r.tenant_id', '=', 'p.tenant_id').onRef('r.id', '=', 'p.point_id'))
    .select(['p.id', 'p.on_date', 'p.status', 'p.note', 'p.created_by', 'r.code', 'r.name', 'r.org_id'])
    .$call(withDataScope(ctx.actor, 'p'))
    .orderBy('r.code')
    .orderBy('p.on_date')
    .execute();
}

export function listProjects(ctx: Ctx, f: { kind?: ProjectKind; year?: number; orgId?: string } = {}) {
  return t(ctx.db)
    .selectFrom('flood_project')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.kind, (q) => q.where('kind', '=', f.kind!))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.year, (q) =>
      q.where((eb) =>
        eb.or([
          eb.and([eb('started_on', '>=', `${f.year}-01-01`), eb('started_on', '<=', `${f.year}-12-31`)]),
          eb.and([eb('completed_on', '>=', `${f.year}-01-01`), eb('completed_on', '<=', `${f.year}-12-31`)]),
        ]),
      ),
    )
    .orderBy('kind')
    .orderBy('started_on', 'desc')
    .orderBy('name')
    .execute();
}

export function getProject(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_project').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listDeployments(ctx: Ctx, f: { year?: number } = {}) {
  return t(ctx.db)
    .selectFrom('flood_deployment')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.year, (q) => q.where('on_date', '>=', `${f.year}-01-01`).where('on_date', '<=', `${f.year}-12-31`))
    .orderBy('on_date', 'desc')
    .orderBy('event')
    .execute();
}

export function getDeployment(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_deployment').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listDuty(ctx: Ctx, f: { from: string; to: string }) {
  return t(ctx.db)
    .selectFrom('flood_duty')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .where('duty_date', '>=', f.from)
    .where('duty_date', '<=', f.to)
    .orderBy('duty_date')
    .orderBy('shift')
    .orderBy('role')
    .execute();
}

export function listWarnings(ctx: Ctx) {
  return t(ctx.db).selectFrom('flood_drought_warning').selectAll().$call(withDataScope(ctx.actor)).orderBy('starts_on', 'desc').execute();
}

export function getWarning(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_drought_warning').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listDispatches(ctx: Ctx, warningId: string) {
  return t(ctx.db).selectFrom('flood_dispatch').selectAll().$call(withDataScope(ctx.actor)).where('warning_id', '=', warningId).orderBy('on_date').execute();
}

export function listWorks(ctx: Ctx) {
  return t(ctx.db).selectFrom('flood_work').selectAll().$call(withDataScope(ctx.actor)).orderBy('kind').orderBy('name').execute();
}

export function getWork(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_work').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listDisclosures(ctx: Ctx) {
  return t(ctx.db)
    .selectFrom('flood_disclosure')
    .select(['year', 'org_id', 'published_on', 'note', 'created_at'])
    .$call(withDataScope(ctx.actor))
    .orderBy('year', 'desc')
    .execute();
}

/** The public page's data: a tenant's published list of a year, and the current works (no scope: public). */
export async function publicDisclosure(db: Kysely<KernelDB>, tenantId: string, year: number) {
  const d = await t(db).selectFrom('flood_disclosure').selectAll().where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst();
  const years = await t(db).selectFrom('flood_disclosure').select('year').where('tenant_id', '=', tenantId).orderBy('year', 'desc').execute();
  const works = await t(db).selectFrom('flood_work').selectAll().where('tenant_id', '=', tenantId).orderBy('kind').orderBy('name').execute();
  return { disclosure: d, years: years.map((y) => y.year), works };
}

// ─────────────── Writes' and imports' look-ups (by tenant, in the caller's transaction) ───────────────

type Db = Kysely<KernelDB>;
const anyOf = (col: string, xs: readonly string[], type: 'uuid' | 'text' | 'date') =>
  sql<boolean>`${sql.ref(col)} = ANY(${sql.val([...xs])}::${sql.raw(type)}[])`;

/** The ids of the tenant's streets. */
export async function streetIds(db: Db, tenantId: string): Promise<Set<string>> {
  return new Set((await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'street').execute()).map((o) => o.id));
}

/** The unit owning a record of a flood table, by its key (id, duty date or year). */
export async function ownerOrgOf(db: Db, rec: { table: string; key: 'id' | 'duty_date' | 'year'; tenantId: string; id: string }) {
  const r = await t(db)
    .selectFrom(rec.table as 'flood_risk_point')
    .select('org_id')
    .where('tenant_id', '=', rec.tenantId)
    .where(sql.ref(rec.key), '=', rec.key === 'year' ? Number(rec.id) : rec.id)
    .limit(1)
    .executeTakeFirst();
  return r?.org_id;
}

/** The tenant's risk points named by 编号. */
export function pointIdsByCode(db: Db, tenantId: string, codes: readonly string[]) {
  return t(db)
    .selectFrom('flood_risk_point')
    .select(['id', 'code'])
    .where('tenant_id', '=', tenantId)
    .where(anyOf('code', codes, 'text'))
    .execute();
}

/** The stored phones of the works named (an import keeps a masked phone as the stored one). */
export function workPhonesByName(db: Db, tenantId: string, names: readonly string[]) {
  return t(db)
    .selectFrom('flood_work')
    .select(['name', 'admin_phone', 'tech_phone', 'patrol_phone'])
    .where('tenant_id', '=', tenantId)
    .where(anyOf('name', names, 'text'))
    .execute();
}

/** The rows an import updated (records it replaced), in row order. */
export function updatedImportRows(db: Db, tenantId: string, importId: string) {
  return db
    .selectFrom('ledger_import_row')
    .select(['entity_id', 'row_number'])
    .where('tenant_id', '=', tenantId)
    .where('import_id', '=', importId)
    .where('action', '=', 'updated')
    .orderBy('row_number')
    .execute();
}

/** The progress entries an import recorded go (its undo). */
export async function deleteImportedProgress(db: Db, tenantId: string, importId: string) {
  await t(db).deleteFrom('flood_risk_progress').where('tenant_id', '=', tenantId).where('import_id', '=', importId).execute();
}

/** The roster lines of the given duty days go. */
export async function deleteDutyLines(db: Db, tenantId: string, days: readonly string[]) {
  await t(db)
    .deleteFrom('flood_duty')
    .where('tenant_id', '=', tenantId)
    .where(anyOf('duty_date', days, 'date'))
    .execute();
}

/** Ids or natural keys of the records a save touches. */
const byIdOr = (col: string, type: 'text' | 'date', f: { ids: readonly string[]; keys: readonly string[] }) =>
  sql<boolean>`(${anyOf('id', f.ids, 'uuid')} OR ${anyOf(col, f.keys, type)})`;

/** Risk points by id or 编号, locked for the save that changes them. */
export function riskPointsForUpdate(db: Db, tenantId: string, f: { ids: readonly string[]; codes: readonly string[] }) {
  return t(db)
    .selectFrom('flood_risk_point')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(byIdOr('code', 'text', { ids: f.ids, keys: f.codes }))
    .forUpdate()
    .execute();
}

/** Risk points by id, locked for the progress reports that move them. */
export function riskPointsByIdForUpdate(db: Db, tenantId: string, ids: readonly string[]) {
  return t(db)
    .selectFrom('flood_risk_point')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('id', ids, 'uuid'))
    .forUpdate()
    .execute();
}

/** The progress reports of the given points (what a report must not repeat). */
export function progressOfPoints(db: Db, tenantId: string, pointIds: readonly string[]) {
  return t(db)
    .selectFrom('flood_risk_progress')
    .select(['point_id', 'on_date', 'status', 'note'])
    .where('tenant_id', '=', tenantId)
    .where(anyOf('point_id', pointIds, 'uuid'))
    .execute();
}

/** Projects by id or name, locked for the save. */
export function projectsForUpdate(db: Db, tenantId: string, f: { ids: readonly string[]; names: readonly string[] }) {
  return t(db)
    .selectFrom('flood_project')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(byIdOr('name', 'text', { ids: f.ids, keys: f.names }))
    .forUpdate()
    .execute();
}

/** Deployments by id or date, locked for the save. */
export function deploymentsForUpdate(db: Db, tenantId: string, f: { ids: readonly string[]; dates: readonly string[] }) {
  return t(db)
    .selectFrom('flood_deployment')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(byIdOr('on_date', 'date', { ids: f.ids, keys: f.dates }))
    .forUpdate()
    .execute();
}

/** Works by id or name, locked for the save. */
export function worksForUpdate(db: Db, tenantId: string, f: { ids: readonly string[]; names: readonly string[] }) {
  return t(db)
    .selectFrom('flood_work')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(byIdOr('name', 'text', { ids: f.ids, keys: f.names }))
    .forUpdate()
    .execute();
}

/** The roster lines between two dates (inclusive). */
export function dutyLinesBetween(db: Db, tenantId: string, f: { from: string; to: string }) {
  return t(db).selectFrom('flood_duty').selectAll().where('tenant_id', '=', tenantId).where('duty_date', '>=', f.from).where('duty_date', '<=', f.to).execute();
}

export function insertWarning(db: Db, values: Insertable<FloodTables['flood_drought_warning']>) {
  return t(db).insertInto('flood_drought_warning').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A warning by id (no scope: the caller checks its unit). */
export function warningById(db: Db, tenantId: string, id: string) {
  return t(db).selectFrom('flood_drought_warning').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** The first dispatch of a warning outside a period (a warning's period must keep its dispatches). */
export function firstDispatchOutside(db: Db, tenantId: string, f: { warningId: string; startsOn: string; endsOn: string | null }) {
  const endsOn = f.endsOn;
  return t(db)
    .selectFrom('flood_dispatch')
    .select('on_date')
    .where('tenant_id', '=', tenantId)
    .where('warning_id', '=', f.warningId)
    .where((eb) => eb.or([eb('on_date', '<', f.startsOn), ...(endsOn ? [eb('on_date', '>', endsOn)] : [])]))
    .orderBy('on_date')
    .executeTakeFirst();
}

/** A warning's dispatch of a day, if any. */
export function dispatchOn(db: Db, tenantId: string, f: { warningId: string; onDate: string }) {
  return t(db)
    .selectFrom('flood_dispatch')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('warning_id', '=', f.warningId)
    .where('on_date', '=', f.onDate)
    .executeTakeFirst();
}

export function insertDispatch(db: Db, values: Insertable<FloodTables['flood_dispatch']>) {
  return t(db).insertInto('flood_dispatch').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Whether the list of a year was published. */
export function disclosureOfYear(db: Db, tenantId: string, year: number) {
  return t(db).selectFrom('flood_disclosure').select('year').where('tenant_id', '=', tenantId).where('year', '=', year).executeTakeFirst();
}

/** All works of the tenant, by kind and name (the list as published). */
export function allWorks(db: Db, tenantId: string) {
  return t(db).selectFrom('flood_work').selectAll().where('tenant_id', '=', tenantId).orderBy('kind').orderBy('name').execute();
}

export async function insertDisclosure(db: Db, values: Insertable<FloodTables['flood_disclosure']>) {
  await t(db).insertInto('flood_disclosure').values(values).execute();
}

// ── 巡查打卡 (patrol check-ins from the field app) ──

const checkinColumns = [
  'c.id',
  'c.key',
  'c.org_id',
  'c.point_id',
  'c.checked_at',
  'c.received_at',
  'c.lat',
  'c.lng',
  'c.accuracy_m',
  'c.note',
  'c.sha256',
  'c.created_by_name',
  'p.code as point_code',
  'p.name as point_name',
] as const;

function checkinRows(db: Db, tenantId: string) {
  return t(db)
    .selectFrom('flood_patrol_checkin as c')
    .innerJoin('flood_risk_point as p', (j) => j.onRef('p.tenant_id', '=', 'c.tenant_id').onRef('p.id', '=', 'c.point_id'))
    .select([...checkinColumns])
    .where('c.tenant_id', '=', tenantId);
}

/** A check-in by its client idempotency key. */
export function checkinByKey(db: Db, tenantId: string, key: string) {
  return checkinRows(db, tenantId).where('c.key', '=', key).executeTakeFirst();
}

/** Check-ins in the actor's scope, newest first: of one point, or received on one day (Beijing). */
export function listCheckins(ctx: Ctx, f: { pointId?: string; on?: string }) {
  return checkinRows(ctx.db, ctx.actor.tenantId)
    .$call(withDataScope(ctx.actor, 'c'))
    .$if(!!f.pointId, (q) => q.where('c.point_id', '=', f.pointId!))
    .$if(!!f.on, (q) => q.where(sql<string>`(c.checked_at AT TIME ZONE 'Asia/Shanghai')::date`, '=', f.on!))
    .orderBy('c.checked_at', 'desc')
    .execute();
}

/** Records a check-in; its id. */
export async function insertCheckin(db: Db, values: Insertable<FloodTables['flood_patrol_checkin']>): Promise<string> {
  return (await t(db).insertInto('flood_patrol_checkin').values(values).returning('id').executeTakeFirstOrThrow()).id;
}
