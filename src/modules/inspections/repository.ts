import type { Kysely } from 'kysely';
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
