import { type Insertable, type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { DutyRole, FloodTables, ProjectKind, RiskLevel, RiskStatus, WarningLevel } from './schema.js';

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

/**
 * The risk point list, by number unless sorted: every point matching the filters (the map, the ledger and the
 * list's export), a page and the filtered total, how many.
 */
export const {
  rows: listRiskPoints,
  page: pageRiskPoints,
  count: countRiskPoints,
} = listQueries({ filtered: filteredRiskPoints, sortable: RISK_POINT_SORTABLE, tieBreaker: 'id', order: (q) => q.orderBy('code') });

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

/** The 内涝治理项目 list's filters: type, owning unit, 所在街道, status, year (started or completed in it), name. */
export interface ProjectFilter {
  kind?: ProjectKind;
  year?: number;
  orgId?: string;
  streetOrgId?: string;
  status?: string;
  /** 名称, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link PROJECT_SORTABLE} and the direction; absent: by type, newest started, name. */
  sort?: ListSort<keyof typeof PROJECT_SORTABLE>;
}

/** The columns the project list may be sorted on, each served by an index of `flood_project` (0006). */
export const PROJECT_SORTABLE = {
  name: { column: 'name', label: '名称' },
  startedOn: { column: 'started_on', label: '开始日期' },
  completedOn: { column: 'completed_on', label: '完成日期' },
} as const satisfies SortWhitelist;

const inYear = (col: string, year: number) => sql<boolean>`${sql.ref(col)} >= ${`${year}-01-01`}::date AND ${sql.ref(col)} <= ${`${year}-12-31`}::date`;

/** Projects in the actor's scope matching a list's filters (unordered). */
function filteredProjects(ctx: Ctx, f: ProjectFilter) {
  return t(ctx.db)
    .selectFrom('flood_project')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.kind, (q) => q.where('kind', '=', f.kind!))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.streetOrgId, (q) => q.where('street_org_id', '=', f.streetOrgId!))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!))
    .$if(!!f.year, (q) => q.where((eb) => eb.or([inYear('started_on', f.year!), inYear('completed_on', f.year!)])))
    .$if(!!f.q, (q) => q.where('name', 'like', containsPattern(f.q!)));
}

/**
 * The project list, by type, newest started and name unless sorted: every project matching the filters (the old
 * unpaged list, the ledger and the list's export), a page and the filtered total, how many.
 */
export const {
  rows: listProjects,
  page: pageProjects,
  count: countProjects,
} = listQueries({
  filtered: filteredProjects,
  sortable: PROJECT_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('kind').orderBy('started_on', 'desc').orderBy('name').orderBy('id'),
});

export function getProject(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_project').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

/** The 抢险投入 list's filters: year, unit, event text. */
export interface DeploymentFilter {
  year?: number;
  orgId?: string;
  /** 事件 or 备注, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link DEPLOYMENT_SORTABLE} and the direction; absent: newest first. */
  sort?: ListSort<keyof typeof DEPLOYMENT_SORTABLE>;
}

/** The columns the deployment list may be sorted on, each served by an index of `flood_deployment` (0001, 0006). */
export const DEPLOYMENT_SORTABLE = {
  onDate: { column: 'on_date', label: '日期' },
  event: { column: 'event', label: '事件' },
} as const satisfies SortWhitelist;

/** Deployments in the actor's scope matching a list's filters (unordered). */
function filteredDeployments(ctx: Ctx, f: DeploymentFilter) {
  return t(ctx.db)
    .selectFrom('flood_deployment')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.year, (q) => q.where(inYear('on_date', f.year!)))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.q, (q) => q.where((eb) => eb.or([eb('event', 'like', containsPattern(f.q!)), eb('note', 'like', containsPattern(f.q!))])));
}

/**
 * The deployment list, newest first unless sorted: every deployment matching the filters (the year's totals, the
 * ledger and the list's export), a page and the filtered total, how many.
 */
export const {
  rows: listDeployments,
  page: pageDeployments,
  count: countDeployments,
} = listQueries({
  filtered: filteredDeployments,
  sortable: DEPLOYMENT_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('on_date', 'desc').orderBy('event').orderBy('id'),
});

/** The filtered deployments' totals (persons, pumps, vehicles), summed in SQL. */
export async function deploymentTotals(ctx: Ctx, f: DeploymentFilter) {
  const r = await filteredDeployments(ctx, f)
    .clearSelect()
    .select((eb) => [
      eb.fn.countAll<number>().as('events'),
      eb.fn.coalesce(eb.fn.sum<number>('persons'), sql<number>`0`).as('persons'),
      eb.fn.coalesce(eb.fn.sum<number>('pumps'), sql<number>`0`).as('pumps'),
      eb.fn.coalesce(eb.fn.sum<number>('vehicles'), sql<number>`0`).as('vehicles'),
    ])
    .executeTakeFirstOrThrow();
  return { events: Number(r.events), persons: Number(r.persons), pumps: Number(r.pumps), vehicles: Number(r.vehicles) };
}

export function getDeployment(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_deployment').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

/** The 值班 list's filters: a date range or a year, role, shift, the person's name. */
export interface DutyFilter {
  from?: string;
  to?: string;
  year?: number;
  orgId?: string;
  role?: DutyRole;
  shift?: string;
  /** 姓名, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link DUTY_SORTABLE} and the direction; absent: by date, shift, role. */
  sort?: ListSort<keyof typeof DUTY_SORTABLE>;
}

/** The columns the duty list may be sorted on, each served by an index of `flood_duty` (0001, 0006). */
export const DUTY_SORTABLE = {
  date: { column: 'duty_date', label: '日期' },
  person: { column: 'person', label: '姓名' },
} as const satisfies SortWhitelist;

/** Duty lines in the actor's scope matching a list's filters (unordered). */
function filteredDuty(ctx: Ctx, f: DutyFilter) {
  return t(ctx.db)
    .selectFrom('flood_duty')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.from, (q) => q.where('duty_date', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('duty_date', '<=', f.to!))
    .$if(!!f.year, (q) => q.where(inYear('duty_date', f.year!)))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.role, (q) => q.where('role', '=', f.role!))
    .$if(!!f.shift, (q) => q.where('shift', '=', f.shift!))
    .$if(!!f.q, (q) => q.where('person', 'like', containsPattern(f.q!)));
}

/**
 * The duty list, by date, shift and role unless sorted: every line matching the filters (a month's roster, the
 * ledger, the list's export), a page and the filtered total, how many.
 */
export const {
  rows: listDuty,
  page: pageDuty,
  count: countDuty,
} = listQueries({
  filtered: filteredDuty,
  sortable: DUTY_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('duty_date').orderBy('shift').orderBy('role').orderBy('id'),
});

/** The 抗旱防咸预警 list's filters: year (the warning's period overlaps it), level, title. */
export interface WarningFilter {
  year?: number;
  orgId?: string;
  level?: WarningLevel;
  /** 标题, anywhere in it, as typed. */
  q?: string;
  /** A column of {@link WARNING_SORTABLE} and the direction; absent: the newest first. */
  sort?: ListSort<keyof typeof WARNING_SORTABLE>;
}

/** The columns the warning list may be sorted on, each served by an index of `flood_drought_warning` (0006). */
export const WARNING_SORTABLE = {
  startsOn: { column: 'starts_on', label: '开始日期' },
  endsOn: { column: 'ends_on', label: '解除日期' },
} as const satisfies SortWhitelist;

/** Warnings in the actor's scope matching a list's filters (unordered). */
function filteredWarnings(ctx: Ctx, f: WarningFilter) {
  return t(ctx.db)
    .selectFrom('flood_drought_warning')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.year, (q) =>
      q.where('starts_on', '<=', `${f.year}-12-31`).where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', `${f.year}-01-01`)])),
    )
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.level, (q) => q.where('level', '=', f.level!))
    .$if(!!f.q, (q) => q.where('title', 'like', containsPattern(f.q!)));
}

/** The warning list, newest first unless sorted: every warning matching the filters, and a page with the filtered total. */
export const { rows: listWarnings, page: pageWarnings } = listQueries({
  filtered: filteredWarnings,
  sortable: WARNING_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('starts_on', 'desc').orderBy('id'),
});

export function getWarning(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('flood_drought_warning').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listDispatches(ctx: Ctx, warningId: string) {
  return t(ctx.db).selectFrom('flood_dispatch').selectAll().$call(withDataScope(ctx.actor)).where('warning_id', '=', warningId).orderBy('on_date').execute();
}

/** The 水利工程 list's filters: type, unit, text (name, location or a responsible person's name). */
export interface WorkFilter {
  kind?: string;
  orgId?: string;
  q?: string;
  /** A column of {@link WORK_SORTABLE} and the direction; absent: by type and name. */
  sort?: ListSort<keyof typeof WORK_SORTABLE>;
}

/** The columns the works list may be sorted on, each served by an index of `flood_work` (0001 UNIQUE, 0006). */
export const WORK_SORTABLE = {
  name: { column: 'name', label: '工程名称' },
  kind: { column: 'kind', label: '工程类型' },
} as const satisfies SortWhitelist;

/** Works in the actor's scope matching a list's filters (unordered). */
function filteredWorks(ctx: Ctx, f: WorkFilter) {
  return t(ctx.db)
    .selectFrom('flood_work')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.kind, (q) => q.where('kind', '=', f.kind!))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) =>
        eb.or([
          eb('name', 'like', like),
          eb('location', 'like', like),
          eb('admin_name', 'like', like),
          eb('tech_name', 'like', like),
          eb('patrol_name', 'like', like),
        ]),
      );
    });
}

/**
 * The works list, by type and name unless sorted: every work matching the filters (the page, the ledger, the
 * list's export), a page and the filtered total, how many.
 */
export const {
  rows: listWorks,
  page: pageWorks,
  count: countWorks,
} = listQueries({ filtered: filteredWorks, sortable: WORK_SORTABLE, tieBreaker: 'id', order: (q) => q.orderBy('kind').orderBy('name') });

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

// ── The demo bureau's bulk loads (demo.ts) ──

/** Inserts risk points; the inserted rows. */
export function insertRiskPoints(db: Db, rows: Insertable<FloodTables['flood_risk_point']>[]) {
  return t(db).insertInto('flood_risk_point').values(rows).returningAll().execute();
}

/** Inserts risk points' progress records. */
export async function insertRiskProgress(db: Db, rows: Insertable<FloodTables['flood_risk_progress']>[]): Promise<void> {
  await t(db).insertInto('flood_risk_progress').values(rows).execute();
}

/** Inserts projects; the inserted rows. */
export function insertProjects(db: Db, rows: Insertable<FloodTables['flood_project']>[]) {
  return t(db).insertInto('flood_project').values(rows).returningAll().execute();
}

/** Inserts 抢险投入 records; the inserted rows. */
export function insertDeployments(db: Db, rows: Insertable<FloodTables['flood_deployment']>[]) {
  return t(db).insertInto('flood_deployment').values(rows).returningAll().execute();
}

/** Inserts roster lines (phones already sealed). */
export async function insertDutyLines(db: Db, rows: Insertable<FloodTables['flood_duty']>[]): Promise<void> {
  await t(db).insertInto('flood_duty').values(rows).execute();
}

/** Inserts a warning's dispatches. */
export async function insertDispatches(db: Db, rows: Insertable<FloodTables['flood_dispatch']>[]): Promise<void> {
  await t(db).insertInto('flood_dispatch').values(rows).execute();
}

/** Inserts works (phones already sealed); the inserted rows. */
export function insertWorks(db: Db, rows: Insertable<FloodTables['flood_work']>[]) {
  return t(db).insertInto('flood_work').values(rows).returningAll().execute();
}

/** The tenant's first work by name. */
export function firstWorkByName(db: Db, tenantId: string) {
  return t(db).selectFrom('flood_work').selectAll().where('tenant_id', '=', tenantId).orderBy('name').limit(1).executeTakeFirstOrThrow();
}
