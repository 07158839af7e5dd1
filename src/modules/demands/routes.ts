/**
 * HTTP routes of the shared demand lifecycle. `demandRoutes(def)` mounts one
 * kind's list, record page, intake and actions under `/api/<module>/items`;
 * `sharedRoutes` serves the cross-module work queue and the leader's overview.
 */
import { ownerOrgForCreate } from '../../core/scope.js';
import type { FastifyInstance } from 'fastify';
import { Type, type Static, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, ctxOf } from '../../core/http.js';
import { AppError, errors } from '../../core/errors.js';
import { addDays, deadlineStatus, isoDateInShanghai, type WorkCalendar } from '../../core/calendar/index.js';
import {
  assertExportable,
  keysetPageOf,
  LIST_EXPORT_CAP,
  ListPageExtra,
  listExportQuerySchema,
  listQuerySchema,
  sendListExport,
  sortOf,
} from '../../core/lists.js';
import type { Registry } from '../../core/system.js';
import { inScope } from '../../core/scope.js';
import type { Ctx } from '../../core/context.js';
import { demandKindsOf, type DemandKindDef } from './kinds.js';
import { activeUsersOf, countItems, getItem, linksOf, type ListRow, listItems, openCounts, openDueIn, SORTABLE, type ListFilters } from './repository.js';
import { presentItem, presentLink, presentListItem } from './presenters.js';
import { AssigneeView, DemandListItemView, DemandOverviewView, DemandRecordView } from './schemas.js';
import { Data, DataList, FileDownload, NStr, OneOf, Opt, OptText, OptUuid, Page } from '../../core/schemas.js';
import { applyDemandEvent, intake } from './service.js';
import { DEMAND_EVENTS, parseInstant } from './events.js';
import { ACTIONS, STATUS_LABELS, type DemandAction } from './workflow.js';

import type { DemandKind, DemandStatus } from './schema.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Status = OneOf(['received', 'assigned', 'handling', 'paused', 'replied', 'closed', 'open', 'overdue']);

const FilterFields = {
  status: Type.Optional(Status),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  mine: Type.Optional(Type.Boolean()),
  q: Type.Optional(Type.String({ maxLength: 50, description: '编号、事项、内容、地点；或诉求人电话（按盲索引精确匹配）' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  demandType: Type.Optional(Type.String({ maxLength: 50, description: '诉求类型/类别（精确）' })),
};

export const ListQuery = listQuerySchema(FilterFields, SORTABLE);
const ExportQuery = listExportQuerySchema(FilterFields, SORTABLE);

/** A list's query as the repository's filters (sort refused unless on an indexed column, naming the field). */
export function listFiltersOf(ctx: Ctx, def: DemandKindDef, q: Static<typeof ExportQuery>): ListFilters {
  const sort = sortOf(SORTABLE, q);
  return {
    kinds: [def],
    status: q.status as DemandStatus | 'open' | 'overdue' | undefined,
    orgId: q.orgId,
    assigneeId: q.mine ? (ctx.actor.userId ?? undefined) : undefined,
    q: q.q?.trim() || undefined,
    year: q.year,
    demandType: q.demandType || undefined,
    sort,
    today: ctx.clock.today(),
  };
}

/** The kind's ledger: its module's ledger whose first column is the kind's number (工单编号, 信访编号 …). */
function kindLedger(registry: Registry, def: DemandKindDef) {
  const l = [...registry.ledgers.values()].find((x) => x.module === def.module && x.spec.columns[0]?.header === def.refLabel);
  if (!l) throw new Error(`demand kind ${def.kind} has no ledger keyed by ${def.refLabel}`);
  return l;
}

const BATCH_ACTIONS = ['assign', 'close'] as const;
const BatchBody = Type.Object(
  {
    items: Type.Array(Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer() }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 200,
    }),
    /** 派单: the unit and optionally its person, and a note. */
    orgId: Type.Optional(Type.String({ format: 'uuid' })),
    assigneeId: OptUuid(),
    reason: OptText(1000),
    /** When it happened (date or date-time, Beijing); absent: now. */
    at: OptText(40),
  },
  { additionalProperties: false },
);
const BatchResult = Type.Object({
  done: Type.Integer(),
  failed: Type.Integer(),
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      refNo: NStr,
      ok: Type.Boolean(),
      status: NStr,
      message: NStr,
    }),
  ),
});

export const IntakeBody = Type.Object({
  refNo: Type.String(),
  orgId: OptUuid(),
  assigneeId: OptUuid(),
  receivedAt: Type.String(),
  title: OptText(200),
  content: OptText(10000),
  demandType: Opt(Type.String()),
  channel: Opt(Type.String()),
  personName: OptText(100),
  personPhone: OptText(30),
  personIdNo: OptText(30),
  location: OptText(200),
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
      {
        schema: {
          tags,
          summary: `${def.label}列表（按数据范围；电话已脱敏；总数数到 10,000 为止；page 翻到前 10,000 条，其后用 after=cursor 翻页）`,
          querystring: ListQuery,
          response: { 200: Page(DemandListItemView, ListPageExtra) },
        },
      },
      async (req) => {
        const ctx = authorize(req, def.permissions.read);
        const q = req.query;
        const { rows, total, totalCapped, cursor } = await listItems(ctx, { ...listFiltersOf(ctx, def, q), ...keysetPageOf(q) });
        const today = ctx.clock.today();
        return { data: { total, totalCapped, cursor, items: rows.map((r) => presentListItem(def, r, ctx.calendar, today)) } };
      },
    );

    app.get(
      `${base}/export`,
      {
        schema: {
          tags,
          summary: `导出${def.label}列表的筛选结果（与列表同样的筛选和排序，台账表头；至多 ${LIST_EXPORT_CAP} 条）`,
          querystring: ExportQuery,
          response: { 200: FileDownload },
        },
      },
      async (req, reply) => {
        const ctx = authorize(req, def.permissions.read);
        const filters = listFiltersOf(ctx, def, req.query);
        assertExportable(await countItems(ctx, filters));
        const ledger = kindLedger(req.server.sys.registry, def);
        const rows = (await ledger.exportRows(ctx, filters)) as Record<string, unknown>[];
        const today = isoDateInShanghai(ctx.clock.now());
        return sendListExport(reply, { spec: ledger.spec, rows, title: def.label, today, format: req.query.format });
      },
    );

    app.post(
      `${base}/batch/:action`,
      {
        schema: {
          tags,
          summary: `批量${def.steps.closeLabel}或派单：逐件办理（每件按其版本号和流程判断），逐件返回结果，一件不成不影响其他件`,
          params: Type.Object({ action: OneOf(BATCH_ACTIONS) }),
          body: BatchBody,
          response: { 200: Data(BatchResult) },
        },
      },
      async (req) => {
        const ctx = authorize(req, def.permissions.write);
        const { items, orgId, assigneeId, reason, at } = req.body;
        const action = req.params.action;
        if (action === 'assign' && !orgId) throw errors.validation('orgId', '请选择承办单位');
        // The time is the whole batch's: unreadable, it refuses the request before any item (400 naming it), not each item.
        if (at && !parseInstant(at)) throw errors.validation('at', `时间格式无效：${at}（应为 2022-03-01 或 2022-03-01 14:05）`);
        // The unit is the whole batch's: one outside the user's scope refuses the request before any item (404, as 派单 of one).
        if (action === 'assign') await ownerOrgForCreate(ctx, orgId, '承办单位');
        const results = [];
        // Each item is its own command (its own transaction, version and workflow check): one refused leaves the others done.
        for (const it of items) {
          try {
            const row =
              action === 'assign'
                ? await applyDemandEvent(req.server.sys, ctx, def, {
                    id: it.id,
                    action: 'assign',
                    input: { version: it.version, at, orgId, assigneeId, reason },
                  })
                : await applyDemandEvent(req.server.sys, ctx, def, { id: it.id, action: 'close', input: { version: it.version, at } });
            results.push({ id: it.id, refNo: row.ref_no, ok: true, status: STATUS_LABELS[row.status], message: null });
          } catch (e) {
            if (!(e instanceof AppError)) req.log.error({ err: e, id: it.id }, 'batch demand action failed');
            const row = await getItem(ctx, def.kind, it.id);
            results.push({
              id: it.id,
              refNo: row?.ref_no ?? null,
              ok: false,
              status: row ? STATUS_LABELS[row.status] : null,
              message: e instanceof AppError ? e.message : '处理失败，请稍后重试',
            });
          }
        }
        return { data: { done: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results } };
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

/** Most overdue (and most due-soon) demands the overview lists: the earliest due; the counts cover them all. */
const OVERVIEW_LIST_CAP = 100;

/** The last due date still "due soon" on `today` (the calendar's working-day rule; the status only grows with the due date). */
export function dueSoonUntil(cal: WorkCalendar, today: string): string {
  let d = today;
  for (let i = 0; i < 60 && deadlineStatus({ due: addDays(d, 1), today }, cal) === 'due_soon'; i++) d = addDays(d, 1);
  return d;
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
          scope: Type.Optional(OneOf(['mine', 'unit'])),
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
    {
      schema: {
        tags,
        summary: `督办总览：四类诉求的逾期、即将到期与在办数（按类别和承办单位，数据库中计数）；逾期与即将到期清单各列届满最早的 ${OVERVIEW_LIST_CAP} 件`,
        response: { 200: Data(DemandOverviewView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'demands.overview');
      const kinds = readableKinds(req, ctx);
      const t = ctx.clock.today();
      const days = { today: t, soonUntil: dueSoonUntil(ctx.calendar, t) };
      const [counts, overdueRows, soonRows] = await Promise.all([
        openCounts(ctx, kinds, days),
        openDueIn(ctx, kinds, { to: addDays(t, -1), limit: OVERVIEW_LIST_CAP }),
        openDueIn(ctx, kinds, { from: t, to: days.soonUntil, limit: OVERVIEW_LIST_CAP }),
      ]);
      const byKind = kinds.map((k) => {
        const mine = counts.filter((c) => c.kind === k.kind);
        const sum = (f: (c: (typeof counts)[number]) => number) => mine.reduce((n, c) => n + f(c), 0);
        return {
          kind: k.kind,
          module: k.module,
          label: k.label,
          open: sum((c) => c.open),
          overdue: sum((c) => c.overdue),
          dueSoon: sum((c) => c.due_soon),
          paused: sum((c) => c.paused),
        };
      });
      const units = new Map<string, { orgId: string; orgName: string; open: number; overdue: number; dueSoon: number }>();
      for (const c of counts) {
        const u = units.get(c.org_id) ?? { orgId: c.org_id, orgName: c.org_name, open: 0, overdue: 0, dueSoon: 0 };
        u.open += c.open;
        u.overdue += c.overdue;
        u.dueSoon += c.due_soon;
        units.set(c.org_id, u);
      }
      const present = (r: ListRow) => presentListItem(kindOfRow(kinds, r.kind), r, ctx.calendar, t);
      return {
        data: {
          today: t,
          byKind,
          byUnit: [...units.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.orgName.localeCompare(b.orgName, 'zh-CN')),
          overdue: overdueRows.map(present),
          dueSoon: soonRows.map(present),
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
