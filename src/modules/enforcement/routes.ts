/** 行政执法 HTTP routes (mounted under /api). Shape: schema → authorize → load (scoped) → command → present. */
import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, sendFile } from '../../core/http.js';
import { IsoDate } from '../../core/input.js';
import { errors } from '../../core/errors.js';
import { type Ctx, systemClock } from '../../core/context.js';
import { listTenants } from '../../core/tenant.js';
import { caseView, applyCaseEvent, fileCase } from './commands/caseCommands.js';
import { CASE_EVENTS } from './commands/caseEvents.js';
import {
  CaptureView,
  CaseSummaryView,
  CaseView,
  LegalReviewerView,
  ClueView,
  ComparisonRowView,
  DiscretionView,
  HotlineImportView,
  IdView,
  ItemView,
  MetaView,
  OfficerView,
  PaymentPlaceView,
  PublicDisclosureView,
  ReviewSummaryView,
  ReviewView,
  ScoreView,
  WorkflowMatrixView,
} from './responses.js';
import { Data, DataList, FileDownload, Opt, OptDay, OptText, OptUuid } from '../../core/schemas.js';
import { closeClue, createClue, feedbackClue, importHotlineClues, receiveClue, transferClue } from './commands/clueCommands.js';
import { paymentPlace, savePaymentPlace } from './commands/paymentPlace.js';
import { saveItem, saveOfficer } from './commands/catalogueCommands.js';
import { drawReview, scoreReviewItem } from './commands/reviewCommands.js';
import { legalReviewers, saveLegalReviewer } from './commands/reviewerCommands.js';
import {
  CASE_SORTABLE,
  CLUE_SORTABLE,
  cluesForExport,
  countCases,
  countClues,
  getClue,
  getItem,
  getReview,
  listCases,
  listClues,
  pageCases,
  pageClues,
  type CaseFilter,
  type ClueFilter,
  listItems,
  listOfficers,
  countOfficers,
  OFFICER_SORTABLE,
  pageOfficers,
  type OfficerFilter,
  listReviews,
  publicOfficers,
  reviewItems,
  reviewScoresOfYear,
  streetsInScope,
} from './repository.js';
import { type ClueRow, presentCaseSummary, presentClue, presentItem, presentOfficer } from './presenters.js';
import { EVENTS, STAGES, workflowMatrix, caseWorkflow, type CaseEvent } from './workflow.js';
import { matrixRows } from '../../core/workflow/index.js';
import { RULES } from './deadlines.js';
import { CASE_SOURCES, CERT_WARN_DAYS, discretionCheck, EVIDENCE_KINDS, PENALTY_KINDS, REVIEW_CHECKLIST, certValidOn } from './rules.js';
import { addDays } from '../../core/calendar/calendar.js';
import { caseArchive, decisionDocx } from './documents.js';
import { captureCaseEvidence, listCaseCaptures, readCapture } from './fieldEvidence.js';
import type { DiscretionLevel, ChecklistItem } from './schema.js';
import { type DeadlineBounds, deadlineBounds } from '../../core/calendar/trackedSql.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { officersLedger, penaltyCasesLedger } from './ledgers.js';
import { clueListRow, clueListSpec } from './clueExport.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The case list's filters (the query string's): stage, unit, side, year, text, open, source. */
const CaseListFilters = {
  stage: Type.Optional(Type.String({ maxLength: 30 })),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  side: Type.Optional(Type.Union([Type.Literal('bureau'), Type.Literal('streets')])),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '案件编号、案由、当事人' })),
  open: Type.Optional(Type.Boolean()),
  source: Type.Optional(Type.String({ maxLength: 20, description: '案件来源（精确）' })),
  deadline: Type.Optional(
    Type.Union([Type.Literal('overdue'), Type.Literal('due_soon')], { description: '期限：已逾期 / 即将到期（作出决定、送达、缴纳罚款）' }),
  ),
};
const caseListQuery = listExportQuerySchema(CaseListFilters, CASE_SORTABLE);
/** A case list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function caseFilterOf(q: Static<typeof caseListQuery>, bounds: DeadlineBounds): CaseFilter {
  return {
    deadline: q.deadline ? { state: q.deadline, bounds } : undefined,
    stage: q.stage || undefined,
    orgId: q.orgId,
    side: q.side,
    year: q.year,
    q: q.q?.trim() || undefined,
    open: q.open,
    source: q.source || undefined,
    sort: sortOf(CASE_SORTABLE, q),
  };
}

/** The clue list's filters: status, source, unit, year, text. */
const ClueListFilters = {
  status: Type.Optional(Type.Union(['open', 'transferred', 'case', 'closed'].map((s) => Type.Literal(s)))),
  source: Type.Optional(Type.String({ maxLength: 20, description: '来源（精确）' })),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '线索编号、内容、地点、涉嫌当事人' })),
};
const clueListQuery = listExportQuerySchema(ClueListFilters, CLUE_SORTABLE);
/** A clue list's query as the repository's filters. */
function clueFilterOf(q: Static<typeof clueListQuery>): ClueFilter {
  return {
    status: q.status,
    source: q.source || undefined,
    orgId: q.orgId,
    year: q.year,
    q: q.q?.trim() || undefined,
    sort: sortOf(CLUE_SORTABLE, q),
  };
}

/** The officer list's filters: unit, in service, the certificate's state (today), text. */
const OfficerListFilters = {
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  active: Type.Optional(Type.Boolean({ description: 'true：在岗；false：已停用' })),
  cert: Type.Optional(
    Type.Union(
      ['valid', 'expiring', 'expired', 'none'].map((s) => Type.Literal(s)),
      {
        description: `证件状态（按今日）：valid 有效、expiring ${CERT_WARN_DAYS}日内到期、expired 已过期、none 无执法证`,
      },
    ),
  ),
  q: Type.Optional(Type.String({ maxLength: 50, description: '姓名或执法证号' })),
};
const officerListQuery = listExportQuerySchema(OfficerListFilters, OFFICER_SORTABLE);
/** An officer list's query as the repository's filters, the certificate's state judged on `today`. */
function officerFilterOf(q: Static<typeof officerListQuery>, today: string): OfficerFilter {
  return {
    orgId: q.orgId,
    active: q.active,
    cert: q.cert ? { status: q.cert as NonNullable<OfficerFilter['cert']>['status'], today, warnUntil: addDays(today, CERT_WARN_DAYS) } : undefined,
    q: q.q?.trim() || undefined,
    sort: sortOf(OFFICER_SORTABLE, q),
  };
}

export async function enforcementRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const sys = root.sys;
  const tags = ['行政执法'];

  // ── Reference: stages, events, rules, the workflow matrix ──
  app.get(
    '/enforcement/meta',
    { schema: { tags, summary: '阶段、环节、处罚种类、来源、期限规则（含依据）', response: { 200: Data(MetaView) } } },
    async (req) => {
      // Read by every role that uses an enforcement form or list (案件线索's clerk, the catalogue's readers).
      authorize(req, 'enforcement.catalogue.read');
      return {
        data: {
          stages: STAGES,
          events: EVENTS,
          penaltyKinds: [...PENALTY_KINDS],
          sources: [...CASE_SOURCES],
          evidenceKinds: EVIDENCE_KINDS,
          reviewChecklist: [...REVIEW_CHECKLIST],
          rules: Object.values(RULES).map((r) => ({ key: r.key, label: r.label, unit: r.unit, n: r.n, source: r.source })),
        },
      };
    },
  );
  app.get(
    '/enforcement/workflow',
    { schema: { tags, summary: '流程矩阵（角色 × 阶段 × 环节），供法制部门审阅', response: { 200: Data(WorkflowMatrixView) } } },
    async (req) => {
      authorize(req, 'enforcement.case.read');
      const rows = matrixRows(caseWorkflow).map((r) => ({ role: r.who, stage: r.stage, event: r.event, to: r.to }));
      return { data: { markdown: workflowMatrix(), rows } };
    },
  );

  // ── Cases ──
  app.get(
    '/enforcement/cases',
    {
      schema: {
        tags,
        summary: '案件列表（按数据范围；带期限标记）',
        response: { 200: DataList(CaseSummaryView) },
        querystring: Type.Object({
          stage: Type.Optional(Type.String()),
          orgId: Type.Optional(Type.String({ format: 'uuid' })),
          side: Type.Optional(Type.Union([Type.Literal('bureau'), Type.Literal('streets')])),
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          deadline: Type.Optional(Type.Union([Type.Literal('overdue'), Type.Literal('due_soon')])),
          open: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (req) => {
      const ctx = authorize(req, 'enforcement.case.read');
      const t = ctx.clock.today();
      const { deadline, ...f } = req.query;
      const rows = await listCases(ctx.db, ctx.actor, {
        ...f,
        deadline: deadline ? { state: deadline, bounds: deadlineBounds(sys.calendar.current, t) } : undefined,
      });
      return { data: rows.map((c) => presentCaseSummary(c, sys.calendar.current, t)) };
    },
  );
  // The case list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/enforcement/cases',
    title: '行政处罚案件',
    unit: '件',
    permission: 'enforcement.case.read',
    tags,
    filters: CaseListFilters,
    sortable: CASE_SORTABLE,
    filterOf: (q, ctx) => caseFilterOf(q, deadlineBounds(sys.calendar.current, ctx.clock.today())),
    page: pageCases,
    view: CaseSummaryView,
    present: (ctx, rows) => {
      const t = ctx.clock.today();
      return rows.map((c) => presentCaseSummary(c, sys.calendar.current, t));
    },
    export: ledgerExport(penaltyCasesLedger, countCases),
  });
  app.post(
    '/enforcement/cases',
    {
      schema: {
        tags,
        summary: '立案',
        response: { 201: Data(CaseView) },
        body: Type.Object({
          orgId: OptUuid(),
          clueId: OptUuid(),
          source: Opt(Type.String()),
          sourceRef: Opt(Type.String()),
          itemId: OptUuid(),
          cause: Type.String(),
          partyType: Type.String(),
          partyName: Type.String(),
          partyIdNo: Opt(Type.String()),
          filedOn: IsoDate,
          major: Type.Optional(Type.Boolean()),
          officerIds: Type.Array(Type.String({ format: 'uuid' })),
          partyAddress: OptText(200),
          violationOn: OptDay(),
          violationEndedOn: OptDay(),
          limitationSerious: Type.Optional(Type.Boolean()),
          limitationOverride: OptText(500),
        }),
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'enforcement.case.write');
      const row = await fileCase(sys, ctx, req.body);
      return reply.code(201).send({ data: await caseView(sys, ctx, row.id) });
    },
  );
  app.get(
    '/enforcement/cases/:id',
    {
      schema: {
        tags,
        summary: '案件详情：期限、证据、承办人、裁量基准，以及当前可办理的环节和其他环节不可办理的原因',
        response: { 200: Data(CaseView) },
        params: Id,
      },
    },
    async (req) => ({
      data: await caseView(sys, authorize(req, 'enforcement.case.read'), req.params.id),
    }),
  );
  // One route per workflow event, its body validated by the event's own schema (no other property).
  for (const event of Object.keys(CASE_EVENTS) as CaseEvent[]) {
    app.post(
      `/enforcement/cases/:id/events/${event}`,
      {
        schema: {
          tags,
          summary: `办理环节：${EVENTS[event]}（流程矩阵校验角色、阶段和前置条件）`,
          response: { 200: Data(CaseView) },
          params: Id,
          body: CASE_EVENTS[event].input,
        },
      },
      async (req) => {
        const ctx = authorize(req, 'enforcement.case.act');
        await applyCaseEvent(sys, ctx, { id: req.params.id, event }, req.body);
        return { data: await caseView(sys, ctx, req.params.id) };
      },
    );
  }
  app.post(
    '/enforcement/cases/:id/events/:event',
    {
      schema: {
        tags,
        summary: '未知的办案环节（400）',
        response: { 200: Data(CaseView) },
        params: Type.Object({ id: Type.String({ format: 'uuid' }), event: Type.String() }),
      },
    },
    async (req) => {
      authorize(req, 'enforcement.case.act');
      throw errors.validation('event', `未知的办案环节：${req.params.event}`);
    },
  );
  // ── 现场取证 (field app) ──
  app.get(
    '/enforcement/cases/:id/field-evidence',
    {
      schema: { tags, summary: '现场取证记录（按拍摄顺序：设备时间、位置、接收时间、SHA-256）', response: { 200: Data(Type.Array(CaptureView)) }, params: Id },
    },
    async (req) => ({ data: await listCaseCaptures(authorize(req, 'enforcement.case.read'), req.params.id) }),
  );
  app.post(
    '/enforcement/cases/:id/field-evidence',
    {
      schema: {
        tags,
        summary:
          '现场取证：上传一张照片或一段视频（multipart：先 meta JSON {key, sha256, capturedAt, lat?, lng?, accuracy?, title?, note?}，后 file）；摘要不符 400，同一 key 重试返回首次记录（200）',
        consumes: ['multipart/form-data'],
        params: Id,
        response: { 200: Data(CaptureView), 201: Data(CaptureView) },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'enforcement.case.act');
      const { view, created } = await captureCaseEvidence(sys, ctx, req.params.id, await readCapture(req));
      return reply.code(created ? 201 : 200).send({ data: view });
    },
  );
  app.get(
    '/enforcement/cases/:id/decision.docx',
    { schema: { tags, summary: '行政处罚决定书（DOCX）', response: { 200: FileDownload }, params: Id } },
    async (req, reply) => {
      const f = await decisionDocx(sys, authorize(req, 'enforcement.case.read'), req.params.id);
      return sendFile(reply, f.data, f.filename, DOCX);
    },
  );
  app.get(
    '/enforcement/cases/:id/archive.zip',
    { schema: { tags, summary: '导出案卷（ZIP：目录、文书、全过程记录、证据、附件）', response: { 200: FileDownload }, params: Id } },
    async (req, reply) => {
      const f = await caseArchive(sys, authorize(req, 'enforcement.case.read'), req.params.id);
      return sendFile(reply, f.data, f.filename, 'application/zip');
    },
  );

  // ── Discretion calculator ──
  app.post(
    '/enforcement/discretion',
    {
      schema: {
        tags,
        summary: '裁量计算器：情节对应的罚款幅度与所拟金额的校验（按违法所得/货值金额倍数计罚的，须填基数 baseFen，单位分）',
        response: { 200: Data(DiscretionView) },
        body: Type.Object({
          itemId: Type.String({ format: 'uuid' }),
          level: Opt(Type.String()),
          fineYuan: Type.Optional(Type.Number({ minimum: 0 })),
          firstViolation: Type.Optional(Type.Boolean()),
          kinds: Type.Optional(Type.Array(Type.String())),
          baseFen: Opt(Type.Integer({ minimum: 0 })),
        }),
      },
    },
    async (req) => {
      const ctx = authorize(req, 'enforcement.catalogue.read');
      const item = await getItem(ctx.db, ctx.actor.tenantId, req.body.itemId);
      if (!item) throw errors.notFound('执法事项');
      const r = discretionCheck(item.discretion as DiscretionLevel[], {
        level: req.body.level ?? null,
        fineFen: Math.round((req.body.fineYuan ?? 0) * 100),
        firstViolation: !!req.body.firstViolation,
        kinds: req.body.kinds ?? ['罚款'],
        baseFen: req.body.baseFen ?? null,
        text: item.discretion_text,
      });
      const bounds = r.bounds ? { ...r.bounds, minYuan: r.bounds.minFen / 100, maxYuan: r.bounds.maxFen === null ? null : r.bounds.maxFen / 100 } : null;
      return {
        data: {
          item: presentItem(item),
          range: r.range ? { ...r.range, minYuan: r.range.minFen / 100, maxYuan: r.range.maxFen === null ? null : r.range.maxFen / 100 } : null,
          bounds,
          waiverAllowed: r.waiverAllowed,
          problems: r.problems,
          notices: r.notices,
        },
      };
    },
  );

  // ── Clues ──
  app.get(
    '/enforcement/clues',
    {
      schema: {
        tags,
        summary: '线索列表',
        response: { 200: DataList(ClueView) },
        querystring: Type.Object({ status: Type.Optional(Type.String()), source: Type.Optional(Type.String()) }),
      },
    },
    async (req) => {
      const ctx = authorize(req, 'enforcement.clue.read');
      const t = ctx.clock.today();
      return { data: (await listClues(ctx, req.query)).map((c) => presentClue(c, sys.calendar.current, t, ctx.actor.roles)) };
    },
  );
  // The clue list on the one list component; its export has the columns the list shows (clues have no ledger).
  const presentClues = (ctx: Ctx, rows: readonly ClueRow[]) => {
    const t = ctx.clock.today();
    return rows.map((c) => presentClue(c, sys.calendar.current, t, ctx.actor.roles));
  };
  listRoutes(app, {
    path: '/enforcement/clues',
    title: '案件线索',
    unit: '条',
    permission: 'enforcement.clue.read',
    tags,
    filters: ClueListFilters,
    sortable: CLUE_SORTABLE,
    filterOf: clueFilterOf,
    page: pageClues,
    view: ClueView,
    present: presentClues,
    export: { spec: clueListSpec, count: countClues, rows: async (ctx, f) => presentClues(ctx, await cluesForExport(ctx, f)).map(clueListRow) },
  });
  app.post(
    '/enforcement/clues',
    {
      schema: {
        tags,
        summary: '登记线索',
        response: { 201: Data(ClueView) },
        body: Type.Object({
          orgId: OptUuid(),
          source: Type.String(),
          sourceRef: Opt(Type.String()),
          receivedOn: IsoDate,
          summary: Type.String(),
          location: Opt(Type.String()),
          partyName: Opt(Type.String()),
          partyAddress: OptText(200),
          violationOn: OptDay(),
          violationEndedOn: OptDay(),
          limitationSerious: Type.Optional(Type.Boolean()),
        }),
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'enforcement.clue.write');
      const row = await createClue(ctx, req.body);
      return reply.code(201).send({ data: presentClue((await getClue(ctx.db, ctx.actor, row.id))!, ctx.calendar, ctx.clock.today(), ctx.actor.roles) });
    },
  );
  app.get(
    '/enforcement/payment-place',
    { schema: { tags, summary: '罚没款缴纳地点（开户银行、户名、账号；未设置时为null）', response: { 200: Data(PaymentPlaceView) } } },
    // Shown on 执法事项目录 to everyone who may read the catalogue; it is printed on every decision anyway.
    async (req) => ({ data: await paymentPlace(authorize(req, 'enforcement.catalogue.read')) }),
  );
  app.put(
    '/enforcement/payment-place',
    {
      schema: {
        tags,
        summary: '设置罚没款缴纳地点（印入行政处罚决定书，行政处罚法第五十九条、第六十七条；修改时带版本号）',
        response: { 200: Data(PaymentPlaceView) },
        body: Type.Object(
          { bank: Type.String(), accountName: Type.String(), accountNo: Type.String(), version: Opt(Type.Integer()) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => ({ data: await savePaymentPlace(authorize(req, 'enforcement.catalogue.manage'), req.body) }),
  );
  app.post(
    '/enforcement/clues/from-hotline',
    { schema: { tags, summary: '接收12345转来的执法线索（逐条登记为线索，来源12345）', response: { 200: Data(HotlineImportView) } } },
    async (req) => {
      const ctx = authorize(req, 'enforcement.clue.write');
      return { data: await importHotlineClues(ctx) };
    },
  );
  const ClueAct = Type.Object({
    version: Type.Integer(),
    on: OptDay(),
    toOrgId: Type.Optional(Type.String({ format: 'uuid' })),
    feedback: Type.Optional(Type.String()),
    reason: Type.Optional(Type.String()),
  });
  app.post(
    '/enforcement/clues/:id/:action',
    {
      schema: {
        tags,
        summary: '线索移送、签收、反馈、办结',
        response: { 200: Data(ClueView) },
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          action: Type.Union([Type.Literal('transfer'), Type.Literal('receive'), Type.Literal('feedback'), Type.Literal('close')]),
        }),
        body: ClueAct,
      },
    },
    async (req) => {
      const ctx = authorize(req, 'enforcement.clue.write');
      const { version, on, toOrgId, feedback, reason } = req.body;
      const o = on ?? undefined;
      const id = req.params.id;
      const row =
        req.params.action === 'transfer'
          ? await transferClue(sys, ctx, id, { version, toOrgId: toOrgId ?? '', on: o })
          : req.params.action === 'receive'
            ? await receiveClue(ctx, id, { version, on: o })
            : req.params.action === 'feedback'
              ? await feedbackClue(sys, ctx, id, { version, feedback: feedback ?? '', on: o })
              : await closeClue(ctx, id, { version, reason: reason ?? '', on: o });
      return { data: presentClue((await getClue(ctx.db, ctx.actor, row.id)) ?? row, ctx.calendar, ctx.clock.today(), ctx.actor.roles) };
    },
  );

  // ── Catalogue and officers ──
  app.get('/enforcement/items', { schema: { tags, summary: '执法事项目录（含裁量基准）', response: { 200: DataList(ItemView) } } }, async (req) => {
    const ctx = authorize(req, 'enforcement.catalogue.read');
    return { data: (await listItems(ctx.db, ctx.actor.tenantId)).map(presentItem) };
  });
  const ItemBody = Type.Object({
    code: Type.String({ minLength: 1, maxLength: 50 }),
    name: Type.String({ maxLength: 200 }),
    legalBasis: Type.String({ maxLength: 5000 }),
    penaltyBasis: Opt(Type.String()),
    discretionText: Opt(Type.String()),
    delegated: Type.Optional(Type.Boolean()),
  });
  app.post('/enforcement/items', { schema: { tags, summary: '新增执法事项', response: { 201: Data(ItemView) }, body: ItemBody } }, async (req, reply) =>
    reply.code(201).send({ data: presentItem(await saveItem(authorize(req, 'enforcement.catalogue.manage'), null, null, req.body)) }),
  );
  app.patch(
    '/enforcement/items/:id',
    {
      schema: {
        tags,
        summary: '修改执法事项',
        response: { 200: Data(ItemView) },
        params: Id,
        body: Type.Intersect([ItemBody, Type.Object({ version: Type.Integer() })]),
      },
    },
    async (req) => ({
      data: presentItem(await saveItem(authorize(req, 'enforcement.catalogue.manage'), req.params.id, req.body.version, req.body)),
    }),
  );
  app.get(
    '/enforcement/officers',
    {
      schema: {
        tags,
        summary: '执法人员（证件状态：有效/30日内到期/已过期）',
        response: { 200: DataList(OfficerView) },
        querystring: Type.Object({ orgId: Type.Optional(Type.String({ format: 'uuid' })) }),
      },
    },
    async (req) => {
      const ctx = authorize(req, 'enforcement.catalogue.read');
      const t = ctx.clock.today();
      return { data: (await listOfficers(ctx.db, ctx.actor, req.query)).map((o) => presentOfficer(o, t)) };
    },
  );
  // The officer list on the one list component: a page, sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/enforcement/officers',
    title: '执法人员',
    unit: '人',
    permission: 'enforcement.catalogue.read',
    tags,
    filters: OfficerListFilters,
    sortable: OFFICER_SORTABLE,
    filterOf: (q, ctx) => officerFilterOf(q, ctx.clock.today()),
    page: pageOfficers,
    view: OfficerView,
    present: (ctx, rows) => rows.map((o) => presentOfficer(o, ctx.clock.today())),
    export: ledgerExport(officersLedger, countOfficers),
  });
  // A new officer without a unit belongs to the actor's own; a change names the unit.
  const OfficerFields = Type.Object({
    name: Type.String({ maxLength: 50 }),
    certNo: OptText(50),
    certIssuedOn: OptDay(),
    certValidUntil: OptDay(),
    examScore: Opt(Type.Number()),
    active: Type.Optional(Type.Boolean()),
  });
  const OfficerBody = Type.Intersect([OfficerFields, Type.Object({ orgId: OptUuid() })]);
  app.post(
    '/enforcement/officers',
    { schema: { tags, summary: '新增执法人员', response: { 201: Data(OfficerView) }, body: OfficerBody } },
    async (req, reply) => {
      const ctx = authorize(req, 'enforcement.catalogue.manage');
      return reply.code(201).send({ data: presentOfficer(await saveOfficer(ctx, null, null, req.body), ctx.clock.today()) });
    },
  );
  app.patch(
    '/enforcement/officers/:id',
    {
      schema: {
        tags,
        summary: '修改执法人员',
        response: { 200: Data(OfficerView) },
        params: Id,
        body: Type.Intersect([OfficerFields, Type.Object({ orgId: Type.String({ format: 'uuid' }), version: Type.Integer() })]),
      },
    },
    async (req) => {
      const ctx = authorize(req, 'enforcement.catalogue.manage');
      return { data: presentOfficer(await saveOfficer(ctx, req.params.id, req.body.version, req.body), ctx.clock.today()) };
    },
  );

  // ── 法制审核人员 (行政处罚法第五十八条第二款: a first-time reviewer holds the 法律职业资格) ──
  app.get(
    '/enforcement/legal-reviewers',
    { schema: { tags, summary: '法制审核人员及其法律职业资格（行政处罚法第五十八条第二款）', response: { 200: DataList(LegalReviewerView) } } },
    async (req) => ({ data: await legalReviewers(authorize(req, 'enforcement.catalogue.read')) }),
  );
  app.put(
    '/enforcement/legal-reviewers/:userId',
    {
      schema: {
        tags,
        summary: '登记法制审核人员的法律职业资格',
        response: { 200: Data(LegalReviewerView) },
        params: Type.Object({ userId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ qualificationNo: OptText(50), qualifiedOn: Opt(Type.String()), version: Opt(Type.Integer()) }, { additionalProperties: false }),
      },
    },
    async (req) => ({ data: await saveLegalReviewer(authorize(req, 'enforcement.catalogue.manage'), req.params.userId, req.body) }),
  );

  // ── 行政执法公示（事前公开）: public, no login ──
  app.get(
    '/public/enforcement',
    {
      schema: {
        tags: ['公示（公开）'],
        summary: '行政执法事前公开：执法主体、人员及证号、事项与依据、程序、救济途径（无需登录）',
        response: { 200: Data(PublicDisclosureView) },
        querystring: Type.Object({ tenant: Type.Optional(Type.String({ format: 'uuid' })) }),
      },
    },
    async (req) => {
      const tenants = await listTenants(sys.db);
      const tenant = req.query.tenant ? tenants.find((t) => t.id === req.query.tenant) : tenants.length === 1 ? tenants[0] : undefined;
      if (!tenant) throw errors.notFound('单位');
      // Public: no signed-in actor, the system's clock.
      const t = systemClock.today();
      const officers = await publicOfficers(sys.db, tenant.id);
      const items = await listItems(sys.db, tenant.id);
      return {
        data: {
          agency: tenant.name,
          duties: '依法查处辖区内违反水法律法规的行为；部分水务执法事项依法下放街道综合行政执法机构实施，由本局指导监督。',
          officers: officers
            .filter((o) => certValidOn({ name: o.name, certNo: o.cert_no, certValidUntil: o.cert_valid_until }, t))
            .map((o) => ({ name: o.name, certNo: o.cert_no, unit: o.org_name })),
          items: items.map((i) => ({
            code: i.code,
            name: i.name,
            legalBasis: i.legal_basis,
            penaltyBasis: i.penalty_basis,
            discretion: i.discretion_text,
            delegated: i.delegated,
          })),
          procedure: [
            '立案',
            '调查取证',
            '告知拟处罚及陈述、申辩、听证权利',
            '法制审核（重大案件）',
            '集体讨论（重大案件）',
            '作出决定',
            '送达',
            '执行',
            '结案归档',
          ],
          remedies: '当事人对行政处罚决定不服的，可自收到决定书之日起六十日内申请行政复议，或六个月内提起行政诉讼。',
        },
      };
    },
  );

  // ── 案卷评查 and the comparison of streets ──
  app.get('/enforcement/reviews', { schema: { tags, summary: '案卷评查列表', response: { 200: DataList(ReviewSummaryView) } } }, async (req) => {
    const ctx = authorize(req, 'enforcement.review.read');
    const rows = await listReviews(ctx.db, ctx.actor);
    return {
      data: rows.map((r) => ({
        id: r.id,
        orgId: r.org_id,
        orgName: r.org_name,
        title: r.title,
        year: r.year,
        seed: Number(r.seed),
        algorithm: r.algorithm,
        sampleSize: r.sample_size,
        population: r.population,
        drawnOn: r.drawn_on,
      })),
    };
  });
  app.post(
    '/enforcement/reviews',
    {
      schema: {
        tags,
        summary: '抽取评查案卷（记录随机种子，可复现）',
        response: { 201: Data(IdView) },
        body: Type.Object({
          orgId: Type.String({ format: 'uuid' }),
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          sampleSize: Type.Integer(),
          seed: Opt(Type.Integer({ minimum: 0, maximum: 4294967295 })),
          title: Opt(Type.String()),
          on: OptDay(),
        }),
      },
    },
    async (req, reply) => {
      const r = await drawReview(authorize(req, 'enforcement.review.manage'), req.body);
      return reply.code(201).send({ data: { id: r.id } });
    },
  );
  app.get(
    '/enforcement/reviews/:id',
    { schema: { tags, summary: '评查详情：抽中的案卷、评分、问题与整改', response: { 200: Data(ReviewView) }, params: Id } },
    async (req) => {
      const ctx = authorize(req, 'enforcement.review.read');
      const r = await getReview(ctx.db, ctx.actor, req.params.id);
      if (!r) throw errors.notFound('案卷评查');
      const items = await reviewItems(ctx.db, ctx.actor.tenantId, r.id);
      return {
        data: {
          id: r.id,
          orgId: r.org_id,
          orgName: r.org_name,
          title: r.title,
          year: r.year,
          seed: Number(r.seed),
          algorithm: r.algorithm,
          sampleSize: r.sample_size,
          population: r.population,
          drawnOn: r.drawn_on,
          checklist: r.checklist as ChecklistItem[],
          items: items.map((i) => ({
            id: i.id,
            caseId: i.case_id,
            caseNo: i.case_no,
            cause: i.cause,
            closedOn: i.closed_on,
            scores: i.scores,
            score: i.score === null ? null : Number(i.score),
            findings: i.findings,
            rectification: i.rectification,
            rectifiedOn: i.rectified_on,
            scoredOn: i.scored_on,
            version: i.version,
          })),
        },
      };
    },
  );
  app.post(
    '/enforcement/reviews/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: '评查评分、问题与整改',
        response: { 200: Data(ScoreView) },
        params: Type.Object({ id: Type.String({ format: 'uuid' }), itemId: Type.String({ format: 'uuid' }) }),
        body: Type.Object({
          version: Type.Integer(),
          scores: Type.Record(Type.String(), Type.Number()),
          findings: Opt(Type.String()),
          rectification: Opt(Type.String()),
          rectifiedOn: OptDay(),
          on: OptDay(),
        }),
      },
    },
    async (req) => {
      const row = await scoreReviewItem(authorize(req, 'enforcement.review.manage'), req.params.id, req.params.itemId, req.body);
      return { data: { id: row.id, score: row.score === null ? null : Number(row.score), version: row.version } };
    },
  );
  app.get(
    '/enforcement/comparison',
    {
      schema: {
        tags,
        summary: '街道对比：立案、结案、超期、评查得分',
        response: { 200: DataList(ComparisonRowView) },
        querystring: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
      },
    },
    async (req) => {
      const ctx = authorize(req, 'enforcement.review.read');
      const y = req.query.year;
      const t = ctx.clock.today();
      const orgs = await streetsInScope(ctx.db, ctx.actor);
      const cases = (await listCases(ctx.db, ctx.actor, { side: 'streets' })).map((c) => ({ c, s: presentCaseSummary(c, sys.calendar.current, t) }));
      const scores = await reviewScoresOfYear(ctx.db, ctx.actor, y);
      const inYear = (d: string | null) => !!d && d.startsWith(String(y));
      return {
        data: orgs.map((o) => {
          const mine = cases.filter((x) => x.c.org_id === o.id);
          const sc = scores.filter((s) => s.org_id === o.id).map((s) => Number(s.score));
          return {
            orgId: o.id,
            orgName: o.name,
            filed: mine.filter((x) => inYear(x.c.filed_on)).length,
            closed: mine.filter((x) => inYear(x.c.closed_on) && !x.c.revoked_on).length,
            penaltyYuan:
              mine.filter((x) => inYear(x.c.closed_on) && !x.c.revoked_on).reduce((s, x) => s + Number(x.c.fine_fen) + Number(x.c.confiscation_fen), 0) / 100,
            open: mine.filter((x) => !['closed', 'archived', 'revoked'].includes(x.c.stage)).length,
            overdue: mine.filter((x) => x.s.deadline?.status === 'overdue').length,
            reviewed: sc.length,
            avgScore: sc.length ? Math.round((sc.reduce((a, b) => a + b, 0) / sc.length) * 10) / 10 : null,
          };
        }),
      };
    },
  );
}
