import type { FastifyInstance } from 'fastify';
import { type Static, type TObject, type TSchema, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { IsoDate } from '../../core/input.js';
import { listTenants } from '../../core/tenant.js';
import { orgNames } from './input.js';
import * as repo from './repository.js';
import * as cmd from './commands.js';
import * as p from './presenters.js';
import { disclosureOnTime, missingDispatchDays, SHIFTS } from './rules.js';
import type { DutyRole, ProjectKind, RiskLevel, RiskStatus, WarningLevel } from './schema.js';
import { Data } from '../../core/schemas.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import { deploymentsLedger, dutyLedger, projectsLedger, riskPointsLedger, worksLedger } from './ledgers.js';
import * as v from './schemas.js';
import * as b from './bodies.js';
import { checkIn, presentCheckin, readCheckin } from './fieldCheckin.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const tags = ['防汛'];

/** The risk point list's filters (the query string's): street, status, level, text. */
const RiskPointListFilters = {
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(Type.Union(['未整治', '整治中', '已完成'].map((s) => Type.Literal(s)))),
  level: Type.Optional(Type.Union(['高', '中', '低'].map((s) => Type.Literal(s)))),
  q: Type.Optional(Type.String({ maxLength: 50, description: '编号或名称' })),
};
const riskPointListQuery = listExportQuerySchema(RiskPointListFilters, repo.RISK_POINT_SORTABLE);
/** A risk point list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function riskPointFilterOf(q: Static<typeof riskPointListQuery>): repo.RiskPointFilter {
  return {
    orgId: q.orgId,
    status: q.status as RiskStatus | undefined,
    level: q.level as RiskLevel | undefined,
    q: q.q?.trim() || undefined,
    sort: sortOf(repo.RISK_POINT_SORTABLE, q),
  };
}

const Year = Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 }));
const Uuid = Type.Optional(Type.String({ format: 'uuid' }));
const text = (description: string) => Type.Optional(Type.String({ maxLength: 50, description }));
const trimmed = (q: string | undefined) => q?.trim() || undefined;

/** The 内涝治理项目 list's filters: type, year (started or completed), owning unit, 所在街道, status, name. */
const ProjectListFilters = {
  kind: Type.Optional(Type.Union(['内涝治理项目', '零星排水改造应急工程'].map((s) => Type.Literal(s)))),
  year: Year,
  orgId: Uuid,
  streetOrgId: Uuid,
  status: Type.Optional(Type.String({ maxLength: 20 })),
  q: text('名称'),
};
/** The 抢险投入 list's filters: year, unit, event. */
const DeploymentListFilters = { year: Year, orgId: Uuid, q: text('事件或备注') };
/** The 值班 list's filters: year, role, shift, person. */
const DutyListFilters = {
  year: Year,
  orgId: Uuid,
  role: Type.Optional(Type.Union([Type.Literal('A角'), Type.Literal('B角')])),
  shift: Type.Optional(Type.String({ maxLength: 20 })),
  q: text('姓名'),
};
/** The 抗旱防咸预警 list's filters: year (the period overlaps it), level, title. */
const WarningListFilters = {
  year: Year,
  orgId: Uuid,
  level: Type.Optional(Type.Union(['蓝色', '黄色', '橙色', '红色'].map((s) => Type.Literal(s)))),
  q: text('标题'),
};
/** The 水利工程 list's filters: type, unit, text. */
const WorkListFilters = { kind: Type.Optional(Type.String({ maxLength: 20 })), orgId: Uuid, q: text('工程名称、位置或责任人姓名') };

/** The registers' lists (risk points have their own routes above the map's). */
function registerLists(root: FastifyInstance) {
  const base = { permission: 'flood.read', tags };
  const named = async (ctx: Ctx) => orgNames(ctx.db, ctx.actor.tenantId);
  listRoutes(root, {
    ...base,
    path: '/flood/projects',
    title: '内涝治理项目',
    unit: '项',
    filters: ProjectListFilters,
    sortable: repo.PROJECT_SORTABLE,
    filterOf: (q) => ({
      kind: q.kind as ProjectKind | undefined,
      year: q.year,
      orgId: q.orgId,
      streetOrgId: q.streetOrgId,
      status: trimmed(q.status),
      q: trimmed(q.q),
      sort: sortOf(repo.PROJECT_SORTABLE, q),
    }),
    page: repo.pageProjects,
    view: v.ProjectView,
    present: async (ctx, rows) => {
      const names = await named(ctx);
      return rows.map((r) => p.presentProject(r, names));
    },
    export: ledgerExport(projectsLedger, repo.countProjects),
  });
  listRoutes(root, {
    ...base,
    path: '/flood/deployments',
    title: '抢险投入记录',
    unit: '条',
    filters: DeploymentListFilters,
    sortable: repo.DEPLOYMENT_SORTABLE,
    filterOf: (q) => ({ year: q.year, orgId: q.orgId, q: trimmed(q.q), sort: sortOf(repo.DEPLOYMENT_SORTABLE, q) }),
    page: repo.pageDeployments,
    view: v.DeploymentView,
    present: async (_ctx, rows) => rows.map(p.presentDeployment),
    export: ledgerExport(deploymentsLedger, repo.countDeployments),
  });
  listRoutes(root, {
    ...base,
    path: '/flood/duty',
    title: '值班表',
    unit: '条',
    filters: DutyListFilters,
    sortable: repo.DUTY_SORTABLE,
    filterOf: (q) => ({
      year: q.year,
      orgId: q.orgId,
      role: q.role as DutyRole | undefined,
      shift: trimmed(q.shift),
      q: trimmed(q.q),
      sort: sortOf(repo.DUTY_SORTABLE, q),
    }),
    page: repo.pageDuty,
    view: v.DutyView,
    // The flood office sees the phones in full, others masked (as the roster).
    present: async (ctx, rows) => rows.map((r) => p.presentDuty(r, { fullPhone: ctx.actor.permissions.has('flood.write') })),
    export: ledgerExport(dutyLedger, repo.countDuty),
  });
  listRoutes(root, {
    ...base,
    path: '/flood/warnings',
    title: '抗旱防咸预警',
    unit: '次',
    filters: WarningListFilters,
    sortable: repo.WARNING_SORTABLE,
    filterOf: (q) => ({ year: q.year, orgId: q.orgId, level: q.level as WarningLevel | undefined, q: trimmed(q.q), sort: sortOf(repo.WARNING_SORTABLE, q) }),
    page: repo.pageWarnings,
    view: v.WarningView,
    present: async (_ctx, rows) => rows.map(p.presentWarning),
  });
  listRoutes(root, {
    ...base,
    path: '/flood/works',
    title: '水利工程防汛责任人',
    unit: '处',
    filters: WorkListFilters,
    sortable: repo.WORK_SORTABLE,
    filterOf: (q) => ({ kind: trimmed(q.kind), orgId: q.orgId, q: trimmed(q.q), sort: sortOf(repo.WORK_SORTABLE, q) }),
    page: repo.pageWorks,
    view: v.WorkView,
    present: async (ctx, rows) => {
      const names = await named(ctx);
      const fullPhone = ctx.actor.permissions.has('flood.write');
      return rows.map((r) => p.presentWork(r, names, { fullPhone }));
    },
    export: ledgerExport(worksLedger, repo.countWorks),
  });
}

/** 防汛 routes: schema → authorize → command/repository (scope, audit) → present. */
export async function floodRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const names = (ctx: Ctx) => orgNames(ctx.db, ctx.actor.tenantId);
  registerLists(root);

  // ── 新建与修改: each register's two write routes ──
  const named =
    <R>(present: (r: R, names: Map<string, string>) => unknown) =>
    async (ctx: Ctx, r: R) =>
      present(r, await names(ctx));
  recordRoutes(root, 'riskPoints', { create: cmd.createRiskPoint, update: cmd.updateRiskPoint, present: named(p.presentRiskPoint) });
  recordRoutes(root, 'projects', { create: cmd.createProject, update: cmd.updateProject, present: named(p.presentProject) });
  recordRoutes(root, 'deployments', { create: cmd.createDeployment, update: cmd.updateDeployment, present: async (_ctx, r) => p.presentDeployment(r) });
  recordRoutes(root, 'warnings', { create: cmd.createWarning, update: cmd.updateWarning, present: async (_ctx, r) => p.presentWarning(r) });
  // The flood office sees the phones in full.
  recordRoutes(root, 'works', {
    create: cmd.createWork,
    update: cmd.updateWork,
    present: async (ctx, r) => p.presentWork(r, await names(ctx), { fullPhone: true }),
  });

  // ── 水浸风险点 ──
  app.get(
    '/flood/risk-points',
    {
      schema: {
        tags,
        summary: '水浸风险点（按街道、状态、风险等级筛选）',
        querystring: Type.Object({
          orgId: Type.Optional(Type.String({ format: 'uuid' })),
          status: Type.Optional(Type.String()),
          level: Type.Optional(Type.String()),
          q: Type.Optional(Type.String({ maxLength: 50 })),
        }),
        response: { 200: Data(Type.Array(v.RiskPointView)) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      const names = await orgNames(ctx.db, ctx.actor.tenantId);
      const rows = await repo.listRiskPoints(ctx, {
        orgId: req.query.orgId,
        status: req.query.status as RiskStatus,
        level: req.query.level as RiskLevel,
        q: req.query.q,
      });
      return { data: rows.map((r) => p.presentRiskPoint(r, names)) };
    },
  );
  // The risk point list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(root, {
    path: '/flood/risk-points',
    title: '水浸风险点',
    unit: '处',
    permission: 'flood.read',
    tags,
    filters: RiskPointListFilters,
    sortable: repo.RISK_POINT_SORTABLE,
    filterOf: riskPointFilterOf,
    page: repo.pageRiskPoints,
    view: v.RiskPointView,
    present: async (ctx, rows) => {
      const all = await names(ctx);
      return rows.map((r) => p.presentRiskPoint(r, all));
    },
    export: ledgerExport(riskPointsLedger, repo.countRiskPoints),
  });
  app.get(
    '/flood/risk-points/:id',
    { schema: { tags, summary: '风险点及其整治进度', params: Id, response: { 200: Data(v.RiskPointDetailView) } } },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      const r = await repo.getRiskPoint(ctx, req.params.id);
      if (!r) throw errors.notFound('风险点');
      const names = await orgNames(ctx.db, ctx.actor.tenantId);
      const progress = await repo.listProgress(ctx, r.id);
      const can = (perm: string) => ctx.actor.permissions.has(perm);
      return {
        data: {
          ...p.presentRiskPoint(r, names),
          progress: progress.map(p.presentProgress),
          actions: { edit: can('flood.write'), progress: can('flood.progress') && r.status !== '已完成' },
        },
      };
    },
  );
  app.post(
    '/flood/risk-points/:id/progress',
    { schema: { tags, summary: '填报整治进度', params: Id, body: b.ProgressBody, response: { 201: Data(v.ProgressAddedView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'flood.progress');
      const r = await cmd.addProgress(ctx, req.params.id, req.body);
      return reply
        .code(201)
        .send({ data: { point: p.presentRiskPoint(r.point, await orgNames(ctx.db, ctx.actor.tenantId)), progress: p.presentProgress(r.progress) } });
    },
  );

  // ── 巡查打卡 (field app) ──
  app.post(
    '/flood/risk-points/:id/checkins',
    {
      schema: {
        tags,
        summary:
          '巡查打卡：一张现场照片与巡查情况（multipart：先 meta JSON {key, sha256, capturedAt, lat?, lng?, accuracy?, note?}，后 file）；照片摘要不符 400，同一 key 重试返回首次记录（200）',
        consumes: ['multipart/form-data'],
        params: Id,
        response: { 200: Data(v.CheckinView), 201: Data(v.CheckinView) },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'flood.progress');
      const { view, created } = await checkIn(req.server.sys, ctx, req.params.id, await readCheckin(req));
      return reply.code(created ? 201 : 200).send({ data: view });
    },
  );
  app.get(
    '/flood/checkins',
    {
      schema: {
        tags,
        summary: '巡查打卡记录（按数据范围；可按风险点、打卡日期筛选），新的在前',
        querystring: Type.Object({ pointId: Type.Optional(Type.String({ format: 'uuid' })), on: Type.Optional(IsoDate) }),
        response: { 200: Data(Type.Array(v.CheckinView)) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      return { data: (await repo.listCheckins(ctx, req.query)).map(presentCheckin) };
    },
  );

  // ── 内涝治理项目 ──
  app.get(
    '/flood/projects',
    {
      schema: {
        tags,
        summary: '内涝治理项目与零星排水改造应急工程',
        querystring: Type.Object({
          kind: Type.Optional(Type.String()),
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          orgId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Data(Type.Array(v.ProjectView)) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      const names = await orgNames(ctx.db, ctx.actor.tenantId);
      return {
        data: (await repo.listProjects(ctx, { kind: req.query.kind as ProjectKind, year: req.query.year, orgId: req.query.orgId })).map((r) =>
          p.presentProject(r, names),
        ),
      };
    },
  );
  app.get('/flood/projects/:id', { schema: { tags, summary: '项目', params: Id, response: { 200: Data(v.ProjectDetailView) } } }, async (req) => {
    const ctx = authorize(req, 'flood.read');
    const r = await repo.getProject(ctx, req.params.id);
    if (!r) throw errors.notFound('项目');
    return { data: { ...p.presentProject(r, await orgNames(ctx.db, ctx.actor.tenantId)), actions: { edit: ctx.actor.permissions.has('flood.write') } } };
  });

  // ── 抢险投入 ──
  app.get(
    '/flood/deployments',
    {
      schema: {
        tags,
        summary: '抢险投入记录',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: Data(Type.Array(v.DeploymentView)) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      return { data: (await repo.listDeployments(ctx, { year: req.query.year })).map(p.presentDeployment) };
    },
  );
  app.get(
    '/flood/deployments/totals',
    {
      schema: {
        tags,
        summary: '抢险投入列表筛选结果的合计（事件数、投入人员、抽水泵、车辆）',
        querystring: Type.Object(DeploymentListFilters),
        response: { 200: Data(Type.Object({ events: Type.Integer(), persons: Type.Integer(), pumps: Type.Integer(), vehicles: Type.Integer() })) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      return { data: await repo.deploymentTotals(ctx, { year: req.query.year, orgId: req.query.orgId, q: trimmed(req.query.q) }) };
    },
  );
  app.get('/flood/deployments/:id', { schema: { tags, summary: '抢险投入记录', params: Id, response: { 200: Data(v.DeploymentDetailView) } } }, async (req) => {
    const ctx = authorize(req, 'flood.read');
    const r = await repo.getDeployment(ctx, req.params.id);
    if (!r) throw errors.notFound('投入记录');
    return { data: { ...p.presentDeployment(r), actions: { edit: ctx.actor.permissions.has('flood.write') } } };
  });

  // ── 值班表 ──
  app.get(
    '/flood/duty',
    { schema: { tags, summary: '值班表（日期区间）', querystring: Type.Object({ from: IsoDate, to: IsoDate }), response: { 200: Data(v.RosterView) } } },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      const fullPhone = ctx.actor.permissions.has('flood.write');
      return { data: { shifts: SHIFTS, entries: (await repo.listDuty(ctx, req.query)).map((r) => p.presentDuty(r, { fullPhone })) } };
    },
  );
  app.put(
    '/flood/duty',
    {
      schema: {
        tags,
        summary: '排班：以所列日期（首日至末日）的值班替换原有安排；每天须有A角和B角，同一人不得同时值两个重叠的班次',
        body: b.RosterBody,
        response: { 200: Data(v.RosterSavedView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'flood.write');
      return { data: await cmd.saveRoster(ctx, req.body.entries as cmd.DutyInput[]) };
    },
  );

  // ── 抗旱防咸 ──
  app.get('/flood/warnings', { schema: { tags, summary: '抗旱防咸预警', response: { 200: Data(Type.Array(v.WarningView)) } } }, async (req) => {
    const ctx = authorize(req, 'flood.read');
    return { data: (await repo.listWarnings(ctx, {})).map(p.presentWarning) };
  });
  app.get(
    '/flood/warnings/:id',
    { schema: { tags, summary: '预警及其每日调度记录、缺报日期', params: Id, response: { 200: Data(v.WarningDetailView) } } },
    async (req) => {
      const ctx = authorize(req, 'flood.read');
      const w = await repo.getWarning(ctx, req.params.id);
      if (!w) throw errors.notFound('预警');
      const d = await repo.listDispatches(ctx, w.id);
      const missing = missingDispatchDays(
        { startsOn: w.starts_on, endsOn: w.ends_on },
        d.map((x) => x.on_date),
        ctx.clock.today(),
      );
      const can = ctx.actor.permissions.has('flood.write');
      return { data: { ...p.presentWarning(w), dispatches: d.map(p.presentDispatch), missingDays: missing, actions: { edit: can, dispatch: can } } };
    },
  );
  app.post(
    '/flood/warnings/:id/dispatches',
    { schema: { tags, summary: '填报当日调度记录（一天一调度）', params: Id, body: b.DispatchBody, response: { 201: Data(v.DispatchView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'flood.write');
      return reply.code(201).send({ data: p.presentDispatch(await cmd.addDispatch(ctx, req.params.id, req.body)) });
    },
  );

  // ── 水利工程三个责任人 ──
  app.get('/flood/works', { schema: { tags, summary: '水利工程及其行政、技术、巡查责任人', response: { 200: Data(v.WorksView) } } }, async (req) => {
    const ctx = authorize(req, 'flood.read');
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    const fullPhone = ctx.actor.permissions.has('flood.write');
    const disclosures = await repo.listDisclosures(ctx);
    return {
      data: {
        works: (await repo.listWorks(ctx, {})).map((r) => p.presentWork(r, names, { fullPhone })),
        disclosures: disclosures.map((d) => ({ year: d.year, publishedOn: d.published_on, note: d.note, ...disclosureOnTime(d.year, d.published_on) })),
        actions: { edit: fullPhone, publish: fullPhone },
      },
    };
  });
  app.post(
    '/flood/disclosures',
    { schema: { tags, summary: '公示本年度防汛责任人名单（汛前）', body: b.DisclosureBody, response: { 201: Data(v.DisclosurePublishedView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'flood.write');
      const r = await cmd.publishDisclosure(ctx, req.body);
      return reply.code(201).send({ data: { ...r, ...disclosureOnTime(r.year, r.publishedOn) } });
    },
  );

  // ── 公开：防汛责任人名单（无需登录，电话脱敏） ──
  app.get(
    '/public/flood/responsible-persons',
    {
      schema: {
        tags: ['公示（公开）'],
        summary: '水利工程防汛责任人名单公示（无需登录；电话已脱敏）',
        querystring: Type.Object({
          tenant: Type.Optional(Type.String({ format: 'uuid' })),
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
        }),
        response: { 200: Data(v.PublicListView) },
      },
    },
    async (req) => {
      const tenants = await listTenants(req.server.sys.db);
      const tenant = req.query.tenant ? tenants.find((x) => x.id === req.query.tenant) : tenants.length === 1 ? tenants[0] : undefined;
      if (!tenant) throw errors.notFound('单位');
      const db = req.server.sys.db;
      const first = await repo.publicDisclosure(db, tenant.id, req.query.year ?? 0);
      const year = req.query.year ?? first.years[0];
      if (!year) return { data: { bureau: tenant.name, years: [], year: null, publishedOn: null, works: [], changes: [] } };
      const { disclosure, years, works } = req.query.year ? first : await repo.publicDisclosure(db, tenant.id, year);
      if (!disclosure) throw errors.notFound(`${year}年度的防汛责任人名单公示`);
      const names = await orgNames(db, tenant.id);
      const published = (typeof disclosure.snapshot === 'string' ? JSON.parse(disclosure.snapshot) : disclosure.snapshot) as p.PublicWork[];
      const current = works.map((w) => p.publicWork(w, names));
      return { data: { bureau: tenant.name, years, year, publishedOn: disclosure.published_on, works: published, changes: listChanges(published, current) } };
    },
  );
}

/** Each register with write routes: its path, its answer and its two bodies (create, change). */
const REGISTERS = {
  riskPoints: { path: '/flood/risk-points', view: v.RiskPointView, create: b.RiskPointBody, update: b.RiskPointPatch },
  projects: { path: '/flood/projects', view: v.ProjectView, create: b.ProjectBody, update: b.ProjectPatch },
  deployments: { path: '/flood/deployments', view: v.DeploymentView, create: b.DeploymentBody, update: b.DeploymentPatch },
  warnings: { path: '/flood/warnings', view: v.WarningView, create: b.WarningBody, update: b.WarningPatch },
  works: { path: '/flood/works', view: v.WorkView, create: b.WorkBody, update: b.WorkPatch },
};

type Registers = typeof REGISTERS;

/** What the OpenAPI description says of each register's create and change. */
const SUMMARIES: Record<keyof Registers, readonly [string, string]> = {
  riskPoints: ['登记风险点（所在街道：街道用户不填即本街道）', '修改风险点（带 version）'],
  projects: ['新建项目（所在街道：街道用户不填即本街道；局内用户不填即属水旱灾害防御科）', '修改项目（带 version）'],
  deployments: ['记录抢险投入', '修改抢险投入（带 version）'],
  warnings: ['发布预警', '调整或解除预警（带 version）'],
  works: ['新增水利工程及责任人（所在街道：街道用户不填即本街道；局内用户不填即属水旱灾害防御科）', '变更责任人（带 version，可填变更原因）'],
};

/** A register's commands: create from a body, change a record at its version, present what they return. */
interface RecordCommands<C extends TObject, U extends TObject, R> {
  create(ctx: Ctx, body: Static<C>): Promise<R>;
  update(ctx: Ctx, id: string, version: number, body: Static<U>): Promise<R>;
  present(ctx: Ctx, r: R): Promise<unknown>;
}

/** POST `path` (201) and PATCH `path/:id` (with `version`): authorize flood.write → the command → the record as presented. */
function recordRoutes<K extends keyof Registers, R>(root: FastifyInstance, key: K, run: RecordCommands<Registers[K]['create'], Registers[K]['update'], R>) {
  type C = Registers[K]['create'];
  type U = Registers[K]['update'];
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const reg: { path: string; view: TSchema; create: C; update: U } = REGISTERS[key];
  const [created, changed] = SUMMARIES[key];
  app.post(reg.path, { schema: { tags, summary: created, body: reg.create, response: { 201: Data(reg.view) } } }, async (req, reply) => {
    const ctx = authorize(req, 'flood.write');
    return reply.code(201).send({ data: await run.present(ctx, await run.create(ctx, req.body as Static<C>)) });
  });
  app.patch(`${reg.path}/:id`, { schema: { tags, summary: changed, params: Id, body: reg.update, response: { 200: Data(reg.view) } } }, async (req) => {
    const ctx = authorize(req, 'flood.write');
    const body = req.body as Static<U> & { version: number };
    return { data: await run.present(ctx, await run.update(ctx, req.params.id, body.version, body)) };
  });
}

/** 名单调整 — what changed in the list since it was published (new works, replaced persons). */
function listChanges(published: p.PublicWork[], current: p.PublicWork[]) {
  const before = new Map(published.map((w) => [w.name, w]));
  const out: Array<{ work: string; change: string; now: p.PublicWork }> = [];
  const roles = [
    ['admin', '行政责任人'],
    ['tech', '技术责任人'],
    ['patrol', '巡查责任人'],
  ] as const;
  for (const w of current) {
    const b = before.get(w.name);
    if (!b) {
      out.push({ work: w.name, change: '新增工程', now: w });
      continue;
    }
    const parts = roles
      .filter(([k]) => b[k].name !== w[k].name || b[k].phone !== w[k].phone)
      .map(([k, label]) => (b[k].name !== w[k].name ? `${label}由${b[k].name}变更为${w[k].name}` : `${label}联系电话变更`));
    if (parts.length) out.push({ work: w.name, change: parts.join('；'), now: w });
  }
  return out;
}
