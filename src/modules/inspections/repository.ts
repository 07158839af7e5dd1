import type { Insertable, Kysely } from 'kysely';
import type { AnyRow } from '../../core/persist.js';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { InspectionTables } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<InspectionTables>();

export const listItems = (ctx: Ctx) => t(ctx.db).selectFrom('insp_item').selectAll().$call(withDataScope(ctx.actor)).orderBy('code').execute();
export const listEntities = (db: Kysely<KernelDB>, ctx: Ctx, kind?: string) =>
  t(db)
    .selectFrom('insp_entity')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!kind, (q) => q.where('kind', '=', kind!))
    .orderBy('code')
    .execute();
export const listInspectors = (db: Kysely<KernelDB>, ctx: Ctx) =>
  t(db).selectFrom('insp_inspector').selectAll().$call(withDataScope(ctx.actor)).orderBy('code').execute();
export const listConflicts = (db: Kysely<KernelDB>, ctx: Ctx) => t(db).selectFrom('insp_conflict').selectAll().$call(withDataScope(ctx.actor)).execute();
/** Conflicts in the actor's scope with the inspector's and the entity's names (the register's tab: no register read whole to name them). */
export const listConflictsNamed = (ctx: Ctx) =>
  t(ctx.db)
    .selectFrom('insp_conflict as c')
    .innerJoin('insp_inspector as i', (j) => j.onRef('i.tenant_id', '=', 'c.tenant_id').onRef('i.id', '=', 'c.inspector_id'))
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'c.tenant_id').onRef('e.id', '=', 'c.entity_id'))
    .selectAll('c')
    .select(['i.name as inspector_name', 'e.name as entity_name'])
    .$call(withDataScope(ctx.actor, 'c'))
    .orderBy('i.code')
    .orderBy('e.code')
    .execute();

export const listPlans = (ctx: Ctx, year?: number) =>
  t(ctx.db)
    .selectFrom('insp_plan as p')
    .innerJoin('insp_item as i', (j) => j.onRef('i.tenant_id', '=', 'p.tenant_id').onRef('i.id', '=', 'p.item_id'))
    .leftJoin('insp_draw as d', (j) => j.onRef('d.tenant_id', '=', 'p.tenant_id').onRef('d.plan_id', '=', 'p.id'))
    .selectAll('p')
    .select(['i.name as item_name', 'i.entity_kind', 'd.id as draw_id', 'd.drawn_on', 'd.seed'])
    .$call(withDataScope(ctx.actor, 'p'))
    .$if(!!year, (q) => q.where('p.year', '=', year!))
    .orderBy('p.year', 'desc')
    .orderBy('p.window_from')
    .execute();

export const getPlan = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db)
    .selectFrom('insp_plan as p')
    .innerJoin('insp_item as i', (j) => j.onRef('i.tenant_id', '=', 'p.tenant_id').onRef('i.id', '=', 'p.item_id'))
    .selectAll('p')
    .select(['i.name as item_name', 'i.entity_kind', 'i.code as item_code'])
    .$call(withDataScope(ctx.actor, 'p'))
    .where('p.id', '=', id)
    .executeTakeFirst();

/** A plan as loaded: its columns and its item's name, kind and code. */
export type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export const getDrawOfPlan = (db: Kysely<KernelDB>, ctx: Ctx, planId: string) =>
  t(db).selectFrom('insp_draw').selectAll().$call(withDataScope(ctx.actor)).where('plan_id', '=', planId).executeTakeFirst();
export const getDraw = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db).selectFrom('insp_draw').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();

export const tasksQuery = (db: Kysely<KernelDB>, ctx: Ctx) =>
  t(db)
    .selectFrom('insp_task as k')
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'k.tenant_id').onRef('e.id', '=', 'k.entity_id'))
    .selectAll('k')
    .select(['e.name as entity_name', 'e.code as entity_code', 'e.street'])
    .$call(withDataScope(ctx.actor, 'k'));
export const getTask = (db: Kysely<KernelDB>, ctx: Ctx, id: string) => tasksQuery(db, ctx).where('k.id', '=', id).executeTakeFirst();
/** A task as loaded: its columns and its entity's name, code and street. */
export type TaskRow = NonNullable<Awaited<ReturnType<typeof getTask>>>;
/** The tasks of a draw in the actor's scope, by entity code. */
export const listTasksOfDraw = (db: Kysely<KernelDB>, ctx: Ctx, drawId: string) =>
  tasksQuery(db, ctx).where('k.draw_id', '=', drawId).orderBy('e.code').execute();

// ── Writes and look-ups of the commands (issue 12: SQL lives here) ──
type New<T extends keyof InspectionTables> = Insertable<InspectionTables[T]>;
export type Register = 'insp_item' | 'insp_entity' | 'insp_inspector';

// One pair of helpers over three register tables whose columns differ: the register's own `values` built the row.
// biome-ignore lint/suspicious/noExplicitAny: a table chosen at run time among three with different columns
const register = (db: Kysely<KernelDB>) => t(db) as any;
export const registerCodeTaken = async (db: Kysely<KernelDB>, reg: Register, tenantId: string, code: unknown): Promise<boolean> =>
  !!(await register(db).selectFrom(reg).select('id').where('tenant_id', '=', tenantId).where('code', '=', code).executeTakeFirst());
export const insertRegisterRow = (db: Kysely<KernelDB>, reg: Register, row: Record<string, unknown>): Promise<AnyRow> =>
  register(db).insertInto(reg).values(row).returningAll().executeTakeFirstOrThrow();

/** An inspector or an entity of the tenant by id (the conflict's two sides). */
export const inspectorById = (db: Kysely<KernelDB>, tenantId: string, id: string) =>
  t(db).selectFrom('insp_inspector').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const entityById = (db: Kysely<KernelDB>, tenantId: string, id: string) =>
  t(db).selectFrom('insp_entity').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
/** Which of the given entity ids are of the tenant's register (one query; the caller bounds the list). */
export const knownEntityIds = async (db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) =>
  new Set(
    ids.length
      ? (
          await t(db)
            .selectFrom('insp_entity')
            .select('id')
            .where('tenant_id', '=', tenantId)
            .where('id', 'in', [...new Set(ids)])
            .execute()
        ).map((r) => r.id)
      : [],
  );
export const conflictExists = async (db: Kysely<KernelDB>, c: { tenantId: string; inspectorId: string; entityId: string }) =>
  !!(await t(db)
    .selectFrom('insp_conflict')
    .select('id')
    .where('tenant_id', '=', c.tenantId)
    .where('inspector_id', '=', c.inspectorId)
    .where('entity_id', '=', c.entityId)
    .executeTakeFirst());
export const insertConflict = (db: Kysely<KernelDB>, row: New<'insp_conflict'>) =>
  t(db).insertInto('insp_conflict').values(row).returningAll().executeTakeFirstOrThrow();

export const itemExists = async (db: Kysely<KernelDB>, tenantId: string, id: string) =>
  !!(await t(db).selectFrom('insp_item').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst());
export const insertPlan = (db: Kysely<KernelDB>, row: New<'insp_plan'>) => t(db).insertInto('insp_plan').values(row).returning('id').executeTakeFirstOrThrow();

export const insertDraw = (db: Kysely<KernelDB>, row: New<'insp_draw'>) => t(db).insertInto('insp_draw').values(row).returningAll().executeTakeFirstOrThrow();
export const insertTasks = (db: Kysely<KernelDB>, rows: readonly New<'insp_task'>[]) =>
  t(db)
    .insertInto('insp_task')
    .values([...rows])
    .returning(['id', 'entity_id'])
    .execute();
/** The picks a draw's tasks record (entity and inspectors), whatever the actor's scope: the verification compares all of them. */
export const taskPicksOfDraw = (db: Kysely<KernelDB>, tenantId: string, drawId: string) =>
  t(db).selectFrom('insp_task').select(['entity_id', 'inspector_ids']).where('tenant_id', '=', tenantId).where('draw_id', '=', drawId).execute();

// ── 行政检查记录 (inspection records) and the annual inspection plan ──

/** Records in the actor's scope with their entity and unit. */
export const recordsQuery = (db: Kysely<KernelDB>, ctx: Ctx) =>
  t(db)
    .selectFrom('insp_record as r')
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'r.tenant_id').onRef('e.id', '=', 'r.entity_id'))
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.org_id'))
    .selectAll('r')
    .select(['e.name as entity_name', 'e.code as entity_code', 'e.uscc as entity_uscc', 'e.kind as entity_kind', 'o.name as org_name'])
    .$call(withDataScope(ctx.actor, 'r'));
export type RecordRow = NonNullable<Awaited<ReturnType<typeof getRecord>>>;

export interface RecordFilter {
  kind?: string;
  orgId?: string;
  year?: number;
  entityId?: string;
  stage?: 'done' | 'rectifying' | 'closed';
  /** A record number, the entity's name or its 统一社会信用代码, anywhere in it. */
  q?: string;
  /** At most this many rows (2,000 when not given; `listRecords` only). */
  limit?: number;
  /** A column of {@link RECORD_SORTABLE} and the direction; absent: the newest inspected first. */
  sort?: ListSort<keyof typeof RECORD_SORTABLE>;
}

/** The columns a record list may be sorted on, each served by an index of `insp_record` (0002, 0003). */
export const RECORD_SORTABLE = {
  recordNo: { column: 'r.record_no', label: '检查编号' },
  inspectedOn: { column: 'r.inspected_on', label: '检查日期' },
  rectifyDueOn: { column: 'r.rectify_due_on', label: '整改期限' },
  closedOn: { column: 'r.closed_on', label: '办结日期' },
} as const satisfies SortWhitelist;

/** Records in the actor's scope matching a list's filters (unordered). */
const filteredRecords = (ctx: Ctx, f: RecordFilter) =>
  recordsQuery(ctx.db, ctx)
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('r.record_no', 'ilike', like), eb('e.name', 'ilike', like), eb('e.uscc', 'ilike', like)]));
    })
    .$if(!!f.kind, (q) => q.where('r.kind', '=', f.kind as never))
    .$if(!!f.orgId, (q) => q.where('r.org_id', '=', f.orgId!))
    .$if(!!f.entityId, (q) => q.where('r.entity_id', '=', f.entityId!))
    .$if(!!f.year, (q) => q.where('r.inspected_on', '>=', `${f.year}-01-01`).where('r.inspected_on', '<=', `${f.year}-12-31`))
    .$if(f.stage === 'closed', (q) => q.where('r.closed_on', 'is not', null))
    .$if(f.stage === 'rectifying', (q) => q.where('r.closed_on', 'is', null).where('r.follow_up', '=', '责令整改').where('r.rectified_on', 'is', null))
    .$if(f.stage === 'done', (q) =>
      q.where('r.closed_on', 'is', null).where((eb) => eb.or([eb('r.follow_up', '<>', '责令整改'), eb('r.rectified_on', 'is not', null)])),
    );

/** The record list, the newest inspected first unless sorted. */
const recordList = listQueries({
  filtered: filteredRecords,
  sortable: RECORD_SORTABLE,
  tieBreaker: 'r.id',
  order: (q) => q.orderBy('r.inspected_on', 'desc').orderBy('r.record_no', 'desc'),
});

/** Records in the actor's scope in the list's order (at most `f.limit`, 2,000 by default: the pickers' list). */
export const listRecords = (ctx: Ctx, f: RecordFilter) => recordList.list(ctx, f, f.limit);

/** A page of the record list and the filtered total; how many records a list's filters give (the export's cap is checked on it). */
export const { page: pageRecords, count: countRecords } = recordList;

export const getRecord = (db: Kysely<KernelDB>, ctx: Ctx, id: string) => recordsQuery(db, ctx).where('r.id', '=', id).executeTakeFirst();
/**
 * The ledger's export: every record in the actor's scope, oldest first; with a list's filters (the
 * list's export), exactly the list's rows in its order.
 */
export const recordsForExport = (ctx: Ctx, f?: RecordFilter) =>
  f ? recordList.rows(ctx, f) : recordsQuery(ctx.db, ctx).orderBy('r.inspected_on').orderBy('r.record_no').execute();

/** Stored records of the tenant by 检查编号 (whatever the scope: a number is unique in the tenant). */
export const recordsByNo = (db: Kysely<KernelDB>, tenantId: string, nos: readonly string[]) =>
  nos.length
    ? t(db)
        .selectFrom('insp_record')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('record_no', 'in', [...nos])
        .execute()
    : Promise.resolve([]);
/** The highest sequence of the numbers `${year}-${infix}-NNNN` used in the tenant (0: none). */
export async function lastRecordSeq(db: Kysely<KernelDB>, tenantId: string, prefix: string): Promise<number> {
  const r = await t(db)
    .selectFrom('insp_record')
    .select((eb) => eb.fn.max('record_no').as('no'))
    .where('tenant_id', '=', tenantId)
    .where('record_no', 'like', `${prefix}%`)
    .executeTakeFirst();
  const n = Number(String(r?.no ?? '').slice(prefix.length));
  return Number.isFinite(n) ? n : 0;
}
/** How many inspections of an entity by a unit in a year, leaving out the given records. */
export async function entityYearCount(db: Kysely<KernelDB>, k: { tenantId: string; orgId: string; entityId: string; year: number; except: readonly string[] }) {
  const r = await t(db)
    .selectFrom('insp_record')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', k.tenantId)
    .where('org_id', '=', k.orgId)
    .where('entity_id', '=', k.entityId)
    .where('inspected_on', '>=', `${k.year}-01-01`)
    .where('inspected_on', '<=', `${k.year}-12-31`)
    .$if(k.except.length > 0, (q) => q.where('id', 'not in', [...k.except]))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export const entityByUscc = (db: Kysely<KernelDB>, tenantId: string, uscc: string) =>
  t(db).selectFrom('insp_entity').selectAll().where('tenant_id', '=', tenantId).where('uscc', '=', uscc).orderBy('code').executeTakeFirst();
export const entitiesByName = (db: Kysely<KernelDB>, tenantId: string, name: string) =>
  t(db).selectFrom('insp_entity').selectAll().where('tenant_id', '=', tenantId).where('name', '=', name).execute();
export const itemById = (db: Kysely<KernelDB>, tenantId: string, id: string) =>
  t(db).selectFrom('insp_item').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
export const itemsByName = (db: Kysely<KernelDB>, tenantId: string, name: string) =>
  t(db).selectFrom('insp_item').selectAll().where('tenant_id', '=', tenantId).where('name', '=', name).execute();
/** The number of entity codes `${prefix}NNNN` used (new entities registered from an inspection). */
export const entityCodeCount = async (db: Kysely<KernelDB>, tenantId: string, prefix: string) =>
  Number(
    (
      await t(db)
        .selectFrom('insp_entity')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('tenant_id', '=', tenantId)
        .where('code', 'like', `${prefix}%`)
        .executeTakeFirst()
    )?.n ?? 0,
  );
export const insertEntity = (db: Kysely<KernelDB>, row: New<'insp_entity'>) =>
  t(db).insertInto('insp_entity').values(row).returningAll().executeTakeFirstOrThrow();
/** The draw's inspectors of a task (names and certificates, copied onto its record). */
export const inspectorsByIds = (db: Kysely<KernelDB>, tenantId: string, ids: readonly string[]) =>
  ids.length
    ? t(db)
        .selectFrom('insp_inspector')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', [...ids])
        .execute()
    : Promise.resolve([]);

// Annual inspection plans (年度检查计划)
/** Annual plans in the actor's scope with their entry counts (of a year, or the one plan `id`). */
export const listAnnualPlans = (ctx: Ctx, f: { year?: number; id?: string } = {}) =>
  t(ctx.db)
    .selectFrom('insp_annual_plan as a')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'a.tenant_id').onRef('o.id', '=', 'a.org_id'))
    .selectAll('a')
    .select(['o.name as org_name'])
    .select((eb) =>
      eb
        .selectFrom('insp_annual_entry as x')
        .select((e2) => e2.fn.countAll<string>().as('n'))
        .whereRef('x.tenant_id', '=', 'a.tenant_id')
        .whereRef('x.plan_id', '=', 'a.id')
        .as('entries'),
    )
    .$call(withDataScope(ctx.actor, 'a'))
    .$if(!!f.year, (q) => q.where('a.year', '=', f.year!))
    .$if(!!f.id, (q) => q.where('a.id', '=', f.id!))
    .orderBy('a.year', 'desc')
    .orderBy('o.sort')
    .execute();
export const getAnnualPlan = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db)
    .selectFrom('insp_annual_plan as a')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'a.tenant_id').onRef('o.id', '=', 'a.org_id'))
    .selectAll('a')
    .select(['o.name as org_name'])
    .$call(withDataScope(ctx.actor, 'a'))
    .where('a.id', '=', id)
    .executeTakeFirst();
/** A unit's plan of a year, whatever the actor's scope (the record's own unit decides). */
export const annualPlanOf = (db: Kysely<KernelDB>, k: { tenantId: string; orgId: string; year: number }) =>
  t(db)
    .selectFrom('insp_annual_plan')
    .selectAll()
    .where('tenant_id', '=', k.tenantId)
    .where('org_id', '=', k.orgId)
    .where('year', '=', k.year)
    .executeTakeFirst();
export const insertAnnualPlan = (db: Kysely<KernelDB>, row: New<'insp_annual_plan'>) =>
  t(db).insertInto('insp_annual_plan').values(row).returningAll().executeTakeFirstOrThrow();
export const listAnnualEntries = (db: Kysely<KernelDB>, tenantId: string, planId: string) =>
  t(db)
    .selectFrom('insp_annual_entry as x')
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'x.tenant_id').onRef('e.id', '=', 'x.entity_id'))
    .selectAll('x')
    .select(['e.name as entity_name', 'e.uscc as entity_uscc'])
    .where('x.tenant_id', '=', tenantId)
    .where('x.plan_id', '=', planId)
    .orderBy('x.month')
    .orderBy('e.code')
    .execute();
export const insertAnnualEntries = (db: Kysely<KernelDB>, rows: readonly New<'insp_annual_entry'>[]) =>
  rows.length
    ? t(db)
        .insertInto('insp_annual_entry')
        .values([...rows])
        .returningAll()
        .execute()
    : Promise.resolve([]);
/** The plan entry an inspection matches: same plan, entity and kind, the month of the inspection. */
export const matchingEntry = (db: Kysely<KernelDB>, k: { tenantId: string; planId: string; entityId: string; kind: string; month: number }) =>
  t(db)
    .selectFrom('insp_annual_entry')
    .select('id')
    .where('tenant_id', '=', k.tenantId)
    .where('plan_id', '=', k.planId)
    .where('entity_id', '=', k.entityId)
    .where('kind', '=', k.kind)
    .where('month', '=', k.month)
    .executeTakeFirst();
/** How many inspections each entity of a plan's unit had in the plan's year (the plan page's counts against the cap). */
export const entityCountsOfYear = (db: Kysely<KernelDB>, k: { tenantId: string; orgId: string; year: number }) =>
  t(db)
    .selectFrom('insp_record as r')
    .innerJoin('insp_entity as e', (j) => j.onRef('e.tenant_id', '=', 'r.tenant_id').onRef('e.id', '=', 'r.entity_id'))
    .select(['r.entity_id', 'e.name as entity_name'])
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('r.tenant_id', '=', k.tenantId)
    .where('r.org_id', '=', k.orgId)
    .where('r.inspected_on', '>=', `${k.year}-01-01`)
    .where('r.inspected_on', '<=', `${k.year}-12-31`)
    .groupBy(['r.entity_id', 'e.name'])
    .execute();

// ── The registers' lists (issue 14 item 4): 检查对象, 执法检查人员 and 抽查计划 on the one list component ──

/** The columns the entity list may be sorted on, each served by an index of `insp_entity` (0001's UNIQUE code, 0004). */
export const ENTITY_SORTABLE = {
  code: { column: 'e.code', label: '编码' },
  name: { column: 'e.name', label: '名称' },
  kind: { column: 'e.kind', label: '类别' },
  street: { column: 'e.street', label: '街道' },
} as const satisfies SortWhitelist;

export interface EntityFilter {
  kind?: string;
  street?: string;
  active?: boolean;
  /** The entity's code, name or 统一社会信用代码, anywhere in it. */
  q?: string;
  /** A column of {@link ENTITY_SORTABLE} and the direction; absent: by code. */
  sort?: ListSort<keyof typeof ENTITY_SORTABLE>;
}

/** Entities in the actor's scope matching a list's filters (unordered). */
const filteredEntities = (ctx: Ctx, f: EntityFilter) =>
  t(ctx.db)
    .selectFrom('insp_entity as e')
    .selectAll('e')
    .$call(withDataScope(ctx.actor, 'e'))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('e.code', 'ilike', like), eb('e.name', 'ilike', like), eb('e.uscc', 'ilike', like)]));
    })
    .$if(!!f.kind, (q) => q.where('e.kind', '=', f.kind!))
    .$if(!!f.street, (q) => q.where('e.street', '=', f.street!))
    .$if(f.active !== undefined, (q) => q.where('e.active', '=', f.active!));

/** A page of the entity register and the filtered total (the chosen sort then the id, else by code). */
export const { page: pageEntities } = listQueries({
  filtered: filteredEntities,
  sortable: ENTITY_SORTABLE,
  tieBreaker: 'e.id',
  order: (q) => q.orderBy('e.code'),
});

/** The distinct streets and kinds of the entities in the actor's scope (the list's column filters). */
export async function entityFacets(ctx: Ctx) {
  const base = t(ctx.db).selectFrom('insp_entity as e').$call(withDataScope(ctx.actor, 'e'));
  const [kinds, streets] = await Promise.all([
    base.select('e.kind as v').distinct().orderBy('e.kind').execute(),
    base.select('e.street as v').distinct().where('e.street', 'is not', null).orderBy('e.street').execute(),
  ]);
  return { kinds: kinds.map((r) => r.v), streets: streets.map((r) => r.v as string) };
}

/** The columns the inspector list may be sorted on, each served by an index of `insp_inspector` (0001's UNIQUE code, 0004). */
export const INSPECTOR_SORTABLE = {
  code: { column: 'i.code', label: '编码' },
  name: { column: 'i.name', label: '姓名' },
  certNo: { column: 'i.cert_no', label: '执法证号' },
} as const satisfies SortWhitelist;

export interface InspectorFilter {
  orgId?: string;
  active?: boolean;
  /** The inspector's code, name or 执法证号, anywhere in it. */
  q?: string;
  sort?: ListSort<keyof typeof INSPECTOR_SORTABLE>;
}

/** Inspectors in the actor's scope with their unit, matching a list's filters (unordered). */
const filteredInspectors = (ctx: Ctx, f: InspectorFilter) =>
  t(ctx.db)
    .selectFrom('insp_inspector as i')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'i.tenant_id').onRef('o.id', '=', 'i.org_id'))
    .selectAll('i')
    .select('o.name as org_name')
    .$call(withDataScope(ctx.actor, 'i'))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('i.code', 'ilike', like), eb('i.name', 'ilike', like), eb('i.cert_no', 'ilike', like)]));
    })
    .$if(!!f.orgId, (q) => q.where('i.org_id', '=', f.orgId!))
    .$if(f.active !== undefined, (q) => q.where('i.active', '=', f.active!));

/** A page of the inspector register and the filtered total (the chosen sort then the id, else by code). */
export const { page: pageInspectors } = listQueries({
  filtered: filteredInspectors,
  sortable: INSPECTOR_SORTABLE,
  tieBreaker: 'i.id',
  order: (q) => q.orderBy('i.code'),
});

/** The columns the plan list may be sorted on, each served by an index of `insp_plan` (0004). */
export const PLAN_SORTABLE = {
  year: { column: 'p.year', label: '年度' },
  title: { column: 'p.title', label: '计划名称' },
  windowFrom: { column: 'p.window_from', label: '检查开始日期' },
} as const satisfies SortWhitelist;

export interface PlanFilter {
  year?: number;
  itemId?: string;
  /** The plan's title or its item's name, anywhere in it. */
  q?: string;
  sort?: ListSort<keyof typeof PLAN_SORTABLE>;
}

/** Plans in the actor's scope with their item and draw, matching a list's filters (unordered). */
const filteredPlans = (ctx: Ctx, f: PlanFilter) =>
  t(ctx.db)
    .selectFrom('insp_plan as p')
    .innerJoin('insp_item as i', (j) => j.onRef('i.tenant_id', '=', 'p.tenant_id').onRef('i.id', '=', 'p.item_id'))
    .leftJoin('insp_draw as d', (j) => j.onRef('d.tenant_id', '=', 'p.tenant_id').onRef('d.plan_id', '=', 'p.id'))
    .selectAll('p')
    .select(['i.name as item_name', 'i.entity_kind', 'd.id as draw_id', 'd.drawn_on', 'd.seed'])
    .$call(withDataScope(ctx.actor, 'p'))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('p.title', 'ilike', like), eb('i.name', 'ilike', like)]));
    })
    .$if(!!f.year, (q) => q.where('p.year', '=', f.year!))
    .$if(!!f.itemId, (q) => q.where('p.item_id', '=', f.itemId!));

/** A page of the plans and the filtered total (the chosen sort then the id, else the newest year first, by window). */
export const { page: pagePlans } = listQueries({
  filtered: filteredPlans,
  sortable: PLAN_SORTABLE,
  tieBreaker: 'p.id',
  order: (q) => q.orderBy('p.year', 'desc').orderBy('p.window_from').orderBy('p.id'),
});

// ── The demo bureau's bulk loads (demo.ts) ──
/** Inserts inspection items; the inserted rows. */
export const insertItems = (db: Kysely<KernelDB>, rows: New<'insp_item'>[]) => t(db).insertInto('insp_item').values(rows).returningAll().execute();
/** Inserts entities; the inserted rows. */
export const insertEntities = (db: Kysely<KernelDB>, rows: New<'insp_entity'>[]) => t(db).insertInto('insp_entity').values(rows).returningAll().execute();
/** Inserts inspectors; the inserted rows. */
export const insertInspectors = (db: Kysely<KernelDB>, rows: New<'insp_inspector'>[]) =>
  t(db).insertInto('insp_inspector').values(rows).returningAll().execute();
/** Inserts conflicts of interest. */
export const insertConflicts = async (db: Kysely<KernelDB>, rows: New<'insp_conflict'>[]): Promise<void> => {
  await t(db).insertInto('insp_conflict').values(rows).execute();
};
/** The ids and versions of a draw's tasks, whatever the actor's scope. */
export const taskVersionsOfDraw = (db: Kysely<KernelDB>, tenantId: string, drawId: string) =>
  t(db).selectFrom('insp_task').select(['id', 'version']).where('tenant_id', '=', tenantId).where('draw_id', '=', drawId).execute();
