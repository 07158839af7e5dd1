import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import {
  ENTITY_SORTABLE,
  entityFacets,
  getDrawOfPlan,
  getPlan,
  INSPECTOR_SORTABLE,
  listConflictsNamed,
  listEntities,
  listInspectors,
  listItems,
  listPlans,
  listTasksOfDraw,
  pageEntities,
  pageInspectors,
  pagePlans,
  PLAN_SORTABLE,
} from './repository.js';
import { sortOf } from '../../core/lists.js';
import { listRoutes } from '../../core/listRoutes.js';
import { presentConflict, presentDraw, presentEntity, presentInspector, presentItem, presentPlan, presentTask } from './presenters.js';
import * as cmd from './commands.js';
import { type PlanEvent, planWho, type TaskEvent, taskWho } from './workflow.js';
import { PLAN_EVENT_COMMANDS, TASK_EVENT_COMMANDS } from './events.js';
import { DRAW_ALGORITHM, DRAW_SOURCE } from './draw.js';
import { recordRoutes } from './recordRoutes.js';
import { RESULTS } from './schema.js';
import { Data, DataList } from '../../core/schemas.js';
import {
  ConflictView,
  DrawView,
  EntityFacetsView,
  EntityView,
  InspectorListView,
  InspectorView,
  ItemView,
  PlanDetailView,
  PlanView,
  TaskView,
  VerifyView,
} from './schemas.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Any = Type.Record(Type.String(), Type.Unknown());

/** What each event's route says it does (OpenAPI). */
const PLAN_SUMMARIES: Record<PlanEvent, string> = { draw: '随机抽取（记录种子与算法）' };
const TASK_SUMMARIES: Record<TaskEvent, string> = { result: '登记检查结果', publish: '公示检查结果（20个工作日内）' };

const Text = (description: string) => Type.Optional(Type.String({ maxLength: 50, description }));
const Active = Type.Optional(Type.Boolean({ description: 'true：在册；false：已停用' }));
/** The entity list's filters (the query string's): kind, street, active, text. */
const EntityListFilters = {
  kind: Type.Optional(Type.String({ maxLength: 50 })),
  street: Type.Optional(Type.String({ maxLength: 50 })),
  active: Active,
  q: Text('编码、名称、统一社会信用代码'),
};
/** The inspector list's filters: unit, active, text. */
const InspectorListFilters = { orgId: Type.Optional(Type.String({ format: 'uuid' })), active: Active, q: Text('编码、姓名、执法证号') };
/** The plan list's filters: year, item, text. */
const PlanListFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  itemId: Type.Optional(Type.String({ format: 'uuid' })),
  q: Text('计划名称、抽查事项'),
};
const textOf = (q: { q?: string }) => q.q?.trim() || undefined;

/** 双随机、一公开 routes: registers, plans, the draw and its verification, results and publication. */
export async function inspectionRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['双随机、一公开'];
  const cal = () => root.sys.calendar;

  app.get('/inspections/items', { schema: { tags, summary: '随机抽查事项清单', response: { 200: DataList(ItemView) } } }, async (req) => ({
    data: (await listItems(authorize(req, 'inspections.read'))).map(presentItem),
  }));
  app.get(
    '/inspections/entities',
    {
      schema: {
        tags,
        summary: '检查对象名录',
        querystring: Type.Object({ kind: Type.Optional(Type.String({ maxLength: 50 })) }),
        response: { 200: DataList(EntityView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'inspections.read');
      return { data: (await listEntities(ctx.db, ctx, req.query.kind)).map(presentEntity) };
    },
  );
  // The registers on the one list component: a page, server-side sort on indexed columns (none has a ledger: no export).
  listRoutes(app, {
    path: '/inspections/entities',
    title: '检查对象名录',
    unit: '户',
    permission: 'inspections.read',
    tags,
    filters: EntityListFilters,
    sortable: ENTITY_SORTABLE,
    filterOf: (q) => ({ kind: q.kind, street: q.street, active: q.active, q: textOf(q), sort: sortOf(ENTITY_SORTABLE, q) }),
    page: pageEntities,
    view: EntityView,
    present: (_ctx, rows) => rows.map(presentEntity),
  });
  app.get(
    '/inspections/entities/facets',
    { schema: { tags, summary: '检查对象名录的类别与街道（列表的筛选项）', response: { 200: Data(EntityFacetsView) } } },
    async (req) => ({ data: await entityFacets(authorize(req, 'inspections.read')) }),
  );
  listRoutes(app, {
    path: '/inspections/inspectors',
    title: '执法检查人员名录',
    unit: '人',
    permission: 'inspections.read',
    tags,
    filters: InspectorListFilters,
    sortable: INSPECTOR_SORTABLE,
    filterOf: (q) => ({ orgId: q.orgId, active: q.active, q: textOf(q), sort: sortOf(INSPECTOR_SORTABLE, q) }),
    page: pageInspectors,
    view: InspectorListView,
    present: (_ctx, rows) => rows.map((r) => ({ ...presentInspector(r), orgName: r.org_name })),
  });
  app.get('/inspections/inspectors', { schema: { tags, summary: '执法检查人员名录', response: { 200: DataList(InspectorView) } } }, async (req) => {
    const ctx = authorize(req, 'inspections.read');
    return { data: (await listInspectors(ctx.db, ctx)).map(presentInspector) };
  });
  app.get('/inspections/conflicts', { schema: { tags, summary: '回避关系', response: { 200: DataList(ConflictView) } } }, async (req) => {
    const ctx = authorize(req, 'inspections.read');
    return { data: (await listConflictsNamed(ctx)).map(presentConflict) };
  });
  for (const [path, reg, label, view] of [
    ['items', 'insp_item', '抽查事项', ItemView],
    ['entities', 'insp_entity', '检查对象', EntityView],
    ['inspectors', 'insp_inspector', '执法检查人员', InspectorView],
  ] as const) {
    app.post(`/inspections/${path}`, { schema: { tags, summary: `登记${label}`, body: Any, response: { 201: Data(view) } } }, async (req, reply) =>
      reply.code(201).send({ data: await cmd.addToRegister(authorize(req, 'inspections.manage'), reg, req.body) }),
    );
  }
  app.post(
    '/inspections/conflicts',
    {
      schema: {
        tags,
        summary: '登记回避关系',
        body: Type.Object({ inspectorId: Type.String({ format: 'uuid' }), entityId: Type.String({ format: 'uuid' }), reason: Type.String({ maxLength: 500 }) }),
        response: { 201: Data(ConflictView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.addConflict(authorize(req, 'inspections.manage'), req.body) }),
  );

  app.get(
    '/inspections/plans',
    {
      schema: {
        tags,
        summary: '年度抽查计划',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: DataList(PlanView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'inspections.read');
      return { data: (await listPlans(ctx, req.query.year)).map((p) => presentPlan(p, planWho(ctx.actor))) };
    },
  );
  listRoutes(app, {
    path: '/inspections/plans',
    title: '抽查计划',
    unit: '个',
    permission: 'inspections.read',
    tags,
    filters: PlanListFilters,
    sortable: PLAN_SORTABLE,
    filterOf: (q) => ({ year: q.year, itemId: q.itemId, q: textOf(q), sort: sortOf(PLAN_SORTABLE, q) }),
    page: pagePlans,
    view: PlanView,
    present: (ctx, rows) => {
      const who = planWho(ctx.actor);
      return rows.map((p) => presentPlan(p, who));
    },
  });
  app.post(
    '/inspections/plans',
    {
      schema: {
        tags,
        summary: '新建抽查计划',
        body: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          title: Type.String({ maxLength: 200 }),
          itemId: Type.String({ format: 'uuid' }),
          ratioPercent: Type.Number(),
          perEntity: Type.Optional(Type.Integer()),
          windowFrom: IsoDate,
          windowTo: IsoDate,
        }),
        response: { 201: Data(PlanView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.createPlan(authorize(req, 'inspections.manage'), req.body) }),
  );
  app.get(
    '/inspections/plans/:id',
    { schema: { tags, summary: '抽查计划、抽取记录与抽查任务', params: Id, response: { 200: Data(PlanDetailView) } } },
    async (req) => {
      const ctx = authorize(req, 'inspections.read');
      const p = await getPlan(ctx.db, ctx, req.params.id);
      if (!p) throw errors.notFound('抽查计划');
      const d = await getDrawOfPlan(ctx.db, ctx, p.id);
      const names = new Map((await listInspectors(ctx.db, ctx)).map((i) => [i.id, i.name]));
      const tasks = d ? await listTasksOfDraw(ctx.db, ctx, d.id) : [];
      return {
        data: {
          plan: presentPlan({ ...p, draw_id: d?.id, drawn_on: d?.drawn_on }, planWho(ctx.actor)),
          draw: d ? presentDraw(d) : null,
          tasks: tasks.map((t) => presentTask(t, names, taskWho(ctx.actor))),
          algorithm: DRAW_ALGORITHM,
          source: DRAW_SOURCE,
          results: [...RESULTS],
        },
      };
    },
  );
  // One route per event of the plan workflow (摇号), its body validated by the event's own schema (no other property).
  for (const event of Object.keys(PLAN_EVENT_COMMANDS) as PlanEvent[]) {
    app.post(
      `/inspections/plans/:id/${event}`,
      {
        schema: { tags, summary: PLAN_SUMMARIES[event], params: Id, body: PLAN_EVENT_COMMANDS[event].input, response: { 201: Data(DrawView) } },
      },
      async (req, reply) =>
        reply.code(201).send({ data: await cmd.applyPlanEvent(authorize(req, 'inspections.manage'), { id: req.params.id, event }, req.body) }),
    );
  }
  app.post(
    '/inspections/draws/:id/verify',
    { schema: { tags, summary: '以记录的种子重新抽取并比对', params: Id, response: { 200: Data(VerifyView) } } },
    async (req) => ({
      data: await cmd.verifyRecordedDraw(authorize(req, 'inspections.read'), req.params.id),
    }),
  );
  // One route per event of the task workflow, its body validated by the event's own schema (no other property).
  for (const event of Object.keys(TASK_EVENT_COMMANDS) as TaskEvent[]) {
    app.post(
      `/inspections/tasks/:id/${event}`,
      { schema: { tags, summary: TASK_SUMMARIES[event], params: Id, body: TASK_EVENT_COMMANDS[event].input, response: { 200: Data(TaskView) } } },
      async (req) => ({ data: await cmd.applyTaskEvent(authorize(req, 'inspections.write'), cal(), { id: req.params.id, event }, req.body) }),
    );
  }
  await recordRoutes(root);
}
