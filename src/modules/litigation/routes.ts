import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { Data, DataList, OneOf } from '../../core/schemas.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { applyCaseEvent, registerCase, RegisterBody } from './commands.js';
import { CASE_EVENTS, type CaseEventName } from './events.js';
import { presentCase } from './presenters.js';
import { CASE_SORTABLE, type CaseFilter, countCases, getCase, hearingsOf, listCases, type CaseWithOrg } from './repository.js';
import { litigationCasesLedger } from './ledgers.js';
import { LITIGATION_OUTCOMES, LITIGATION_RULES, RECONSIDERATION_OUTCOMES } from './rules.js';
import { ACT_KINDS, CASE_KINDS, type ActKind, type CaseKind, type CaseStatus } from './schema.js';
import { ActRecordView, CaseView, OutcomeCategoryView, RuleView, StatusView } from './schemas.js';
import { caseWho } from './workflow.js';
import { requirePermission } from '../../core/scope.js';
import { ACT_LOOKUPS } from './actRecords.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The case list's filters (the query string's): year received, kind, the challenged act's kind, status, unit, text. */
const CaseListFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  kind: Type.Optional(OneOf(CASE_KINDS)),
  actKind: Type.Optional(OneOf(ACT_KINDS)),
  status: Type.Optional(StatusView),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '案号、被申请（被诉）行为、复议机关或法院' })),
};
const caseListQuery = listExportQuerySchema(CaseListFilters, CASE_SORTABLE);
/** A case list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function caseFilterOf(q: Static<typeof caseListQuery>): CaseFilter {
  return {
    year: q.year,
    kind: q.kind as CaseKind | undefined,
    actKind: q.actKind as ActKind | undefined,
    status: q.status as CaseStatus | undefined,
    orgId: q.orgId,
    q: q.q?.trim() || undefined,
    sort: sortOf(CASE_SORTABLE, q),
  };
}

/** 行政复议与行政诉讼 routes: rules, outcome categories, cases and each workflow event of a case. */
export async function litigationRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['行政复议与行政诉讼'];
  const sys = () => root.sys;
  const full = async (ctx: Ctx, r: CaseWithOrg) =>
    presentCase(r, {
      cal: sys().calendar.current,
      today: ctx.clock.today(),
      who: caseWho(ctx.actor),
      hearings: await hearingsOf(ctx.db, ctx.actor.tenantId, r.id),
      full: true,
    });

  app.get('/litigation/rules', { schema: { tags, summary: '期限与认定规则及其法律依据', response: { 200: DataList(RuleView) } } }, async (req) => {
    authorize(req, 'litigation.read');
    return { data: LITIGATION_RULES.map((r) => ({ ...r })) };
  });
  app.get(
    '/litigation/outcomes',
    { schema: { tags, summary: '复议决定、裁判结果类别（纠错、败诉认定）', response: { 200: DataList(OutcomeCategoryView) } } },
    async (req) => {
      authorize(req, 'litigation.read');
      const rows = (kind: CaseKind, all: Record<string, { label: string; form: string; counts: string; source: string }>) =>
        Object.entries(all).map(([value, d]) => ({ kind, value, label: d.label, form: d.form, counts: d.counts, source: d.source }));
      return { data: [...rows('复议', RECONSIDERATION_OUTCOMES), ...rows('诉讼', LITIGATION_OUTCOMES)] };
    },
  );

  // The case list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/litigation/cases',
    listPath: '/litigation/cases',
    title: '行政复议行政诉讼案件',
    unit: '件',
    permission: 'litigation.read',
    tags,
    filters: CaseListFilters,
    sortable: CASE_SORTABLE,
    pageSize: 20,
    filterOf: (q) => caseFilterOf(q),
    page: listCases,
    view: CaseView,
    present: (ctx, rows) => {
      const today = ctx.clock.today();
      return rows.map((r) => presentCase(r, { cal: sys().calendar.current, today, who: caseWho(ctx.actor) }));
    },
    export: ledgerExport(litigationCasesLedger, countCases),
  });
  app.get(
    '/litigation/act-records',
    {
      schema: {
        tags,
        summary: '查找被申请（被诉）行为所涉记录（按编号、当事人或事由，限本人数据范围）',
        querystring: Type.Object({ actKind: OneOf(ACT_KINDS), q: Type.Optional(Type.String({ maxLength: 50 })) }, { additionalProperties: false }),
        response: { 200: DataList(ActRecordView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'litigation.write');
      const lookup = ACT_LOOKUPS[req.query.actKind as ActKind];
      if (!lookup) return { data: [] };
      const q = (req.query.q ?? '').trim();
      if (q.includes('\u0000')) throw errors.validation('q', '查找内容含有不可见的控制字符');
      requirePermission(ctx.actor, lookup.permission);
      return { data: await lookup.search(ctx, q, 20) };
    },
  );
  app.get(
    '/litigation/cases/:id',
    { schema: { tags, summary: '案件详情（含期限、开庭记录与可办理操作）', params: Id, response: { 200: Data(CaseView) } } },
    async (req) => {
      const ctx = authorize(req, 'litigation.read');
      const r = await getCase(ctx.db, ctx, req.params.id);
      if (!r) throw errors.notFound('案件');
      return { data: await full(ctx, r) };
    },
  );
  app.post(
    '/litigation/cases',
    { schema: { tags, summary: '收案登记（收到申请书副本或起诉状副本）', body: RegisterBody, response: { 201: Data(CaseView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'litigation.write');
      const r = await registerCase(ctx, sys(), req.body);
      return reply.code(201).send({ data: await full(ctx, r) });
    },
  );

  const SUMMARIES: Record<CaseEventName, string> = {
    reply: '提交答复（答辩）及证据、依据',
    hearing: '登记开庭（听证）及负责人出庭情况',
    conclude: '登记复议决定或裁判结果',
    serve: '登记决定书（裁判文书）送达日期',
    appeal: '登记上诉',
    rectify: '登记整改落实情况',
    close: '结案',
  };
  for (const event of Object.keys(CASE_EVENTS) as CaseEventName[]) {
    app.post(
      `/litigation/cases/:id/${event}`,
      { schema: { tags, summary: SUMMARIES[event], params: Id, body: CASE_EVENTS[event].input, response: { 200: Data(CaseView) } } },
      async (req) => {
        const ctx = authorize(req, 'litigation.write');
        const body = req.body as Record<string, unknown> & { version: number; on: string };
        const r = await applyCaseEvent(ctx, sys(), { id: req.params.id, event, body });
        return { data: await full(ctx, r) };
      },
    );
  }
}
