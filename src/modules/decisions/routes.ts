import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { Data, DataList } from '../../core/schemas.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { listTenants } from '../../core/tenant.js';
import {
  applyDecisionEvent,
  CatalogueBody,
  CatalogueUpdateBody,
  createCatalogueItem,
  deleteCatalogueItem,
  publishCatalogue,
  registerDecision,
  RegisterBody,
  updateCatalogueItem,
} from './commands.js';
import { DECISION_EVENTS, type DecisionEventName } from './events.js';
import { presentCatalogueItem, presentDecision, presentPublicCatalogue } from './presenters.js';
import {
  countDecisions,
  DECISION_SORTABLE,
  type DecisionFilter,
  getDecision,
  listCatalogue,
  listDecisions,
  publicCatalogue,
  type DecisionWithOrg,
} from './repository.js';
import { majorDecisionsLedger } from './ledgers.js';
import { DECISION_RULES, STATUTE_NOTE } from './rules.js';
import type { DecisionStatus } from './schema.js';
import { CatalogueItemView, DecisionView, PublicCatalogueView, RulesView, StatusView } from './schemas.js';
import { decisionWho, EVENT_LABELS } from './workflow.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/** The decision list's filters (the query string's): year, status, unit, text. */
const DecisionListFilters = {
  year: Type.Optional(Year),
  status: Type.Optional(StatusView),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '决策事项、分管领导或决策内容' })),
};
const decisionListQuery = listExportQuerySchema(DecisionListFilters, DECISION_SORTABLE);
/** A decision list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function decisionFilterOf(q: Static<typeof decisionListQuery>): DecisionFilter {
  return {
    year: q.year,
    status: q.status as DecisionStatus | undefined,
    orgId: q.orgId,
    q: q.q?.trim() || undefined,
    sort: sortOf(DECISION_SORTABLE, q),
  };
}

/** The events the legal office records (`decisions.review`); the others need `decisions.write`. */
const REVIEW_EVENTS: ReadonlySet<DecisionEventName> = new Set(['review_pass', 'review_fail']);

/** 重大行政决策 routes: rules, the catalogue (and its public page), decisions and each workflow event. */
export async function decisionsRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['重大行政决策'];
  const sys = () => root.sys;
  const view = (ctx: Ctx, r: DecisionWithOrg, full = true) =>
    presentDecision(r, { cal: sys().calendar.current, today: ctx.clock.today(), who: decisionWho(ctx.actor), full });

  app.get('/decisions/rules', { schema: { tags, summary: '决策程序规则及其依据', response: { 200: RulesView } } }, async (req) => {
    authorize(req, 'decisions.read');
    return { data: { note: STATUTE_NOTE, rules: DECISION_RULES.map((r) => ({ ...r })) } };
  });

  app.get(
    '/decisions/catalogue',
    {
      schema: {
        tags,
        summary: '年度重大行政决策事项目录',
        querystring: Type.Object({ year: Type.Optional(Year) }),
        response: { 200: DataList(CatalogueItemView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'decisions.read');
      return { data: (await listCatalogue(ctx, req.query.year)).map(presentCatalogueItem) };
    },
  );
  app.post(
    '/decisions/catalogue',
    { schema: { tags, summary: '登记目录事项', body: CatalogueBody, response: { 201: Data(CatalogueItemView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'decisions.write');
      return reply.code(201).send({ data: presentCatalogueItem(await createCatalogueItem(ctx, req.body)) });
    },
  );
  app.put(
    '/decisions/catalogue/:id',
    {
      schema: {
        tags,
        summary: '修改目录事项（目录公布前；公布后须按原程序调整，第三条第三款）',
        params: Id,
        body: CatalogueUpdateBody,
        response: { 200: Data(CatalogueItemView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'decisions.write');
      return { data: presentCatalogueItem(await updateCatalogueItem(ctx, req.params.id, req.body)) };
    },
  );
  app.delete(
    '/decisions/catalogue/:id',
    {
      schema: {
        tags,
        summary: '删除目录事项（目录公布前，且该事项下没有决策），返回该年度目录',
        params: Id,
        querystring: Type.Object({ version: Type.Integer({ minimum: 1 }) }),
        response: { 200: DataList(CatalogueItemView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'decisions.write');
      const { year } = await deleteCatalogueItem(ctx, req.params.id, req.query.version);
      return { data: (await listCatalogue(ctx, year)).map(presentCatalogueItem) };
    },
  );
  app.post(
    '/decisions/catalogue/publish',
    {
      schema: {
        tags,
        summary: '公布年度目录（第三条第三款）',
        body: Type.Object({ year: Year, publishedOn: Type.String({ maxLength: 10 }) }, { additionalProperties: false }),
        response: { 200: DataList(CatalogueItemView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'decisions.write');
      return { data: (await publishCatalogue(ctx, req.body)).map(presentCatalogueItem) };
    },
  );

  // The decision list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/decisions',
    listPath: '/decisions',
    title: '重大行政决策',
    unit: '项',
    permission: 'decisions.read',
    tags,
    filters: DecisionListFilters,
    sortable: DECISION_SORTABLE,
    pageSize: 20,
    filterOf: (q) => decisionFilterOf(q),
    page: listDecisions,
    view: DecisionView,
    present: (ctx, rows) => rows.map((r) => view(ctx, r, false)),
    export: ledgerExport(majorDecisionsLedger, countDecisions),
  });
  app.get(
    '/decisions/:id',
    { schema: { tags, summary: '决策详情（含程序环节、期限与可办理操作）', params: Id, response: { 200: Data(DecisionView) } } },
    async (req) => {
      const ctx = authorize(req, 'decisions.read');
      const r = await getDecision(ctx.db, ctx, req.params.id);
      if (!r) throw errors.notFound('重大行政决策');
      return { data: view(ctx, r) };
    },
  );
  app.post(
    '/decisions',
    { schema: { tags, summary: '登记重大行政决策（决策草案拟定）', body: RegisterBody, response: { 201: Data(DecisionView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'decisions.write');
      return reply.code(201).send({ data: view(ctx, await registerDecision(ctx, sys(), req.body)) });
    },
  );

  for (const event of Object.keys(DECISION_EVENTS) as DecisionEventName[]) {
    app.post(
      `/decisions/:id/${event}`,
      { schema: { tags, summary: EVENT_LABELS[event], params: Id, body: DECISION_EVENTS[event].input, response: { 200: Data(DecisionView) } } },
      async (req) => {
        const ctx = authorize(req, REVIEW_EVENTS.has(event) ? 'decisions.review' : 'decisions.write');
        const body = req.body as Record<string, unknown> & { version: number; on: string };
        return { data: view(ctx, await applyDecisionEvent(ctx, sys(), { id: req.params.id, event, body })) };
      },
    );
  }

  // The public catalogue (no login): every published item by year.
  app.get(
    '/public/major-decisions',
    {
      schema: {
        tags: ['公示（公开）'],
        summary: '年度重大行政决策事项目录（无需登录）',
        querystring: Type.Object({ tenant: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: Data(PublicCatalogueView) },
      },
    },
    async (req) => {
      const tenants = await listTenants(req.server.sys.db);
      const tenant = req.query.tenant ? tenants.find((x) => x.id === req.query.tenant) : tenants.length === 1 ? tenants[0] : undefined;
      if (!tenant) throw errors.notFound('单位');
      const rows = await publicCatalogue(req.server.sys.db, tenant.id);
      return {
        data: presentPublicCatalogue(
          tenant.name,
          rows.map((r) => ({ ...r, decisions: Number(r.decisions ?? 0) })),
        ),
      };
    },
  );
}
