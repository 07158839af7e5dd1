/**
 * HTTP routes of the shared demand lifecycle. `demandRoutes(def)` mounts one
 * kind's list, record page, intake and actions under `/api/<module>/items`;
 * `sharedRoutes` serves the cross-module work queue and the leader's overview.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, ctxOf } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { inScope } from '../../core/scope.js';
import type { Ctx } from '../../core/context.js';
import { demandKindsOf, type DemandKindDef } from './kinds.js';
import { activeUsersOf, getItem, linksOf, listItems, openByUnit } from './repository.js';
import { presentItem, presentLink, presentListItem } from './presenters.js';
import { AssigneeView, DataList, DemandListItemView, DemandOverviewView, DemandRecordView } from './schemas.js';
import { Data, Page } from '../../core/schemas.js';
import { applyDemandEvent, intake } from './service.js';
import { DEMAND_EVENTS } from './events.js';
import { ACTIONS, type DemandAction } from './workflow.js';
import type { DemandKind, DemandStatus } from './schema.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Status = Type.Union(['received', 'assigned', 'handling', 'paused', 'replied', 'closed', 'open', 'overdue'].map((s) => Type.Literal(s)));
const Opt = <T extends Parameters<typeof Type.Optional>[0]>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

export const ListQuery = Type.Object({
  status: Type.Optional(Status),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  mine: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 50 })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const IntakeBody = Type.Object({
  refNo: Type.String(),
  orgId: Opt(Type.String({ format: 'uuid' })),
  assigneeId: Opt(Type.String({ format: 'uuid' })),
  receivedAt: Type.String(),
  title: Opt(Type.String({ maxLength: 200 })),
  content: Opt(Type.String({ maxLength: 10000 })),
  demandType: Opt(Type.String()),
  channel: Opt(Type.String()),
  personName: Opt(Type.String({ maxLength: 100 })),
  personPhone: Opt(Type.String({ maxLength: 30 })),
  personIdNo: Opt(Type.String({ maxLength: 30 })),
  location: Opt(Type.String({ maxLength: 200 })),
  timeLimit: Opt(Type.Integer()),
  attrs: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

/** What each action's route does, for the API's description. */
const ACTION_SUMMARIES: Record<DemandAction, string> = {
  assign: '派单/重新派单（承办单位须在本人数据范围内）',
  sign: '签收/受理',
  return: '退回（须填写理由）',
  pause: '中止计时（本类事项的中止事由）',
  resume: '恢复计时',
  extend: '延期（批准人、批准日期、理由；不超过本类事项的上限）',
  reply: '答复',
  close: '办结',
  evaluate: '评价/回访',
};

/** The record page of a demand (404 outside scope). */
export async function recordView(ctx: Ctx, def: DemandKindDef, id: string): Promise<DemandRecordView> {
  const r = await getItem(ctx, def.kind, id);
  if (!r) throw errors.notFound(def.label);
  const p = ctx.actor.permissions;
  const view = presentItem(def, r, ctx.calendar, {
    today: ctx.clock.today(),
    showPersonal: p.has(def.permissions.personal),
    canWrite: p.has(def.permissions.write),
  });
  return { ...view, links: (await linksOf(ctx, id)).map((l) => presentLink(l, id)) };
}

/** Mounts one kind's routes under `/<module>/items`. */
export function demandRoutes(def: DemandKindDef) {
  return async (root: FastifyInstance) => {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const tags = [def.label];
    const base = `/${def.module}/items`;

    app.get(
      base,
      { schema: { tags, summary: `${def.label}列表（按数据范围；电话已脱敏）`, querystring: ListQuery, response: { 200: Page(DemandListItemView) } } },
      async (req) => {
        const ctx = authorize(req, def.permissions.read);
        const q = req.query;
        const size = q.pageSize ?? 50;
        const { rows, total } = await listItems(ctx, {
          kinds: [def],
          status: q.status as DemandStatus | 'open' | 'overdue' | undefined,
          orgId: q.orgId,
          assigneeId: q.mine ? (ctx.actor.userId ?? undefined) : undefined,
          q: q.q,
          year: q.year,
          today: ctx.clock.today(),
          limit: size,
          offset: ((q.page ?? 1) - 1) * size,
        });
        return { data: { total, items: rows.map((r) => presentListItem(def, r, ctx.calendar, ctx.clock.today())) } };
      },
    );

    app.get(
      `${base}/:id`,
      {
        schema: { tags, summary: `${def.label}详情：时限及其说明、可办操作、关联、历史见 /api/history`, params: Id, response: { 200: Data(DemandRecordView) } },
      },
      async (req) => {
        const ctx = authorize(req, def.permissions.read);
        return { data: await recordView(ctx, def, req.params.id) };
      },
    );

    app.post(base, { schema: { tags, summary: `登记${def.label}`, body: IntakeBody, response: { 201: Data(DemandRecordView) } } }, async (req, reply) => {
      const ctx = authorize(req, def.permissions.write);
      const row = await intake(req.server.sys, ctx, def, { input: { ...req.body, attrs: req.body.attrs ?? {} } });
      return reply.code(201).send({ data: await recordView(ctx, def, row.id) });
    });

    // One route per action, its body validated by the action's own schema (no other property).
    for (const action of ACTIONS) {
      app.post(
        `${base}/:id/${action}`,
        {
          schema: {
            tags,
            summary: `${def.label}办理操作：${ACTION_SUMMARIES[action]}（带版本号；流程校验阶段）`,
            params: Id,
            body: DEMAND_EVENTS[action].input,
            response: { 200: Data(DemandRecordView) },
          },
        },
        async (req) => {
          const ctx = authorize(req, def.permissions.write);
          await applyDemandEvent(req.server.sys, ctx, def, { id: req.params.id, action, input: req.body });
          return { data: await recordView(ctx, def, req.params.id) };
        },
      );
    }
    app.post(
      `${base}/:id/:action`,
      {
        schema: {
          tags,
          summary: `未知的${def.label}办理操作（400）`,
          params: Type.Object({ id: Type.String({ format: 'uuid' }), action: Type.String({ maxLength: 50 }) }),
          response: { 200: Data(DemandRecordView) },
        },
      },
      async (req) => {
        authorize(req, def.permissions.write);
        throw errors.validation('action', `未知的办理操作：${req.params.action}（应为${ACTIONS.join('、')}之一）`);
      },
    );
  };
}

/** The kinds the modules contribute whose records the actor may read. */
function readableKinds(req: { server: FastifyInstance }, ctx: Ctx): DemandKindDef[] {
  return demandKindsOf(req.server.sys.registry).filter((d) => ctx.actor.permissions.has(d.permissions.read));
}

/** A row's kind among the kinds listed (the list was filtered on them). */
function kindOfRow(kinds: readonly DemandKindDef[], kind: DemandKind): DemandKindDef {
  const d = kinds.find((k) => k.kind === kind);
  if (!d) throw new Error(`demand kind ${kind} is not contributed`);
  return d;
}

/** 工作台 and 督办总览: the work queue across the four kinds, and the overdue overview. */
export async function sharedRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['诉求办理'];

  app.get(
    '/demands/queue',
    {
      schema: {
        tags,
        summary: '待办队列：本人或某单位未办结的诉求（12345、信访、建议提案、依申请公开），按届满日排序',
        querystring: Type.Object({
          scope: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('unit')])),
          orgId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: DataList(DemandListItemView) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const kinds = readableKinds(req, ctx);
      if (!kinds.length) throw errors.forbidden();
      const mine = (req.query.scope ?? 'mine') === 'mine';
      const orgId = mine ? undefined : (req.query.orgId ?? ctx.actor.orgId ?? undefined);
      if (orgId && !inScope(ctx.actor, orgId)) throw errors.notFound('单位');
      const { rows } = await listItems(ctx, {
        kinds,
        status: 'open',
        assigneeId: mine ? (ctx.actor.userId ?? '00000000-0000-0000-0000-000000000000') : undefined,
        orgId,
        limit: 500,
      });
      const today = ctx.clock.today();
      return { data: rows.map((r) => presentListItem(kindOfRow(kinds, r.kind), r, ctx.calendar, today)) };
    },
  );

  app.get(
    '/demands/overview',
    { schema: { tags, summary: '督办总览：四类诉求的逾期、即将到期与在办数（按类别和承办单位）', response: { 200: Data(DemandOverviewView) } } },
    async (req) => {
      const ctx = authorize(req, 'demands.overview');
      const kinds = readableKinds(req, ctx);
      const rows = await openByUnit(
        ctx,
        kinds.map((k) => k.kind),
      );
      const t = ctx.clock.today();
      const items = rows.map((r) => presentListItem(kindOfRow(kinds, r.kind), r, ctx.calendar, t));
      const byKind = kinds.map((k) => {
        const mine = items.filter((i) => i.kind === k.kind);
        return {
          kind: k.kind,
          module: k.module,
          label: k.label,
          open: mine.length,
          overdue: mine.filter((i) => i.clockStatus === 'overdue').length,
          dueSoon: mine.filter((i) => i.clockStatus === 'due_soon').length,
          paused: mine.filter((i) => i.clockStatus === 'paused').length,
        };
      });
      const units = new Map<string, { orgId: string; orgName: string; open: number; overdue: number; dueSoon: number }>();
      for (const i of items) {
        const u = units.get(i.orgId) ?? { orgId: i.orgId, orgName: i.orgName, open: 0, overdue: 0, dueSoon: 0 };
        u.open++;
        if (i.clockStatus === 'overdue') u.overdue++;
        if (i.clockStatus === 'due_soon') u.dueSoon++;
        units.set(i.orgId, u);
      }
      return {
        data: {
          today: t,
          byKind,
          byUnit: [...units.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
          overdue: items.filter((i) => i.clockStatus === 'overdue'),
          dueSoon: items.filter((i) => i.clockStatus === 'due_soon'),
        },
      };
    },
  );

  app.get(
    '/demands/assignees',
    {
      schema: {
        tags,
        summary: '可派单的承办人（某单位的在职用户）',
        querystring: Type.Object({ orgId: Type.String({ format: 'uuid' }) }),
        response: { 200: DataList(AssigneeView) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      if (!readableKinds(req, ctx).length) throw errors.forbidden();
      if (!inScope(ctx.actor, req.query.orgId)) throw errors.notFound('单位');
      const users = await activeUsersOf(ctx, req.query.orgId);
      return { data: users.map((u) => ({ id: u.id, name: u.display_name, orgId: u.org_id })) };
    },
  );
}
