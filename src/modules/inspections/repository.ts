import type { Insertable, Kysely } from 'kysely';
import type { AnyRow } from '../../core/persist.js';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
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
