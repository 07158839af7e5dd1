import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listTenants } from '../../core/tenant.js';
import { isoDateInShanghai } from '../../core/calendar/calendar.js';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { IsoDate } from '../../core/input.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { ADVICE_KINDS, DOCUMENT_KINDS } from './schema.js';
import {
  ADVICE_SORTABLE,
  type AdviceFilter,
  cleanupsOf,
  CONTRACT_SORTABLE,
  type ContractFilter,
  type ContractTerm,
  countAdvice,
  countContracts,
  countDocuments,
  DOCUMENT_SORTABLE,
  type DocumentFilter,
  type DocumentStatus,
  getAdvice,
  getAppraisal,
  getContract,
  getDocument,
  listAdvice,
  listAppraisals,
  listContracts,
  listDocuments,
  pageContracts,
  pageDocuments,
  publicNormative,
} from './repository.js';
import { contractExportRows, legalAdviceLedger, legalContractsSpec, normativeDocumentsLedger } from './ledgers.js';
import { presentAdvice, presentAppraisal, presentContract, presentDocument, presentPublicNormative } from './presenters.js';
import * as cmd from './commands.js';
import { DOCUMENT_EVENT_COMMANDS, type DocumentStep } from './events.js';
import { CHECKLIST_SOURCE, GRADE_THRESHOLDS, NORMATIVE_RULES, REVIEW_CHECKLIST, REVIEW_SOURCES } from './rules.js';
import { Data, DataList, OneOf, Opt, OptText, OptUuid } from '../../core/schemas.js';
import {
  AdvicePageExtra,
  AdviceView,
  AppraisalsView,
  AppraisalView,
  ContractView,
  DocumentDetailView,
  DocumentStageView,
  DocumentView,
  PublicNormativeView,
} from './schemas.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The document list's filters (the query string's): year submitted, kind, stage, unit, text. */
const DocumentListFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  kind: Type.Optional(OneOf(DOCUMENT_KINDS)),
  status: Type.Optional(DocumentStageView),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '文号或名称' })),
};
const documentListQuery = listExportQuerySchema(DocumentListFilters, DOCUMENT_SORTABLE);
/** A document list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function documentFilterOf(q: Static<typeof documentListQuery>): DocumentFilter {
  return {
    year: q.year,
    kind: q.kind,
    status: q.status as DocumentStatus | undefined,
    orgId: q.orgId,
    q: q.q?.trim() || undefined,
    sort: sortOf(DOCUMENT_SORTABLE, q),
  };
}

/** The work-record list's filters (the query string's): year, kind, text. */
const AdviceListFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  kind: Type.Optional(OneOf(ADVICE_KINDS)),
  q: Type.Optional(Type.String({ maxLength: 50, description: '事项名称、承办人或顾问单位' })),
};
const adviceListQuery = listExportQuerySchema(AdviceListFilters, ADVICE_SORTABLE);
/** A work-record list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function adviceFilterOf(q: Static<typeof adviceListQuery>): AdviceFilter {
  return { year: q.year, kind: q.kind, q: q.q?.trim() || undefined, sort: sortOf(ADVICE_SORTABLE, q) };
}

const ContractTermView = OneOf<ContractTerm>(['current', 'ended', 'upcoming']);
/** The contract list's filters (the query string's): year begun, where the term stands today, text. */
const ContractListFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  term: Type.Optional(ContractTermView),
  q: Type.Optional(Type.String({ maxLength: 50, description: '顾问单位、合同编号或顾问律师' })),
};
const contractListQuery = listExportQuerySchema(ContractListFilters, CONTRACT_SORTABLE);
/** A contract list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function contractFilterOf(q: Static<typeof contractListQuery>, today: string): ContractFilter {
  return { year: q.year, term: q.term, today, q: q.q?.trim() || undefined, sort: sortOf(CONTRACT_SORTABLE, q) };
}
/** Where a contract's term stands on `today`. */
const termOf = (c: { startOn: string; endOn: string }, today: string): ContractTerm => (c.endOn < today ? 'ended' : c.startOn > today ? 'upcoming' : 'current');

/** Each document step's route: what it does (for the API's description) and who may take it. */
const STEPS: Record<DocumentStep, { summary: string; permission: string }> = {
  review: { summary: '合法性审查意见（规范性文件逐项填写审核要点）', permission: 'legal.review' },
  issue: { summary: '印发 / 提交决策（须经合法性审查同意）', permission: 'legal.documents.issue' },
  comment: { summary: '公开征求意见（期限不少于30日，可配置）', permission: 'legal.write' },
  submit: { summary: '送合法性审核（征求意见期限届满后）', permission: 'legal.write' },
  deliberate: { summary: '集体审议（须经合法性审核同意）', permission: 'legal.documents.issue' },
  publish: { summary: '统一编号公布（统一登记、统一编号、统一印发）', permission: 'legal.documents.issue' },
  file: { summary: '报送区人民政府备案', permission: 'legal.write' },
  clean: { summary: '清理（继续有效 / 修改 / 废止）', permission: 'legal.documents.issue' },
  repeal: { summary: '废止', permission: 'legal.documents.issue' },
};

/** 法律顾问 routes: contracts, work records, documents under legality review, appraisals. */
export async function legalRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['法律顾问'];

  app.get('/legal/contracts', { schema: { tags, summary: '常年法律顾问合同', response: { 200: DataList(ContractView) } } }, async (req) => ({
    data: (await listContracts(authorize(req, 'legal.read'))).map(presentContract),
  }));
  // The contract list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/legal/contracts',
    title: '常年法律顾问合同',
    unit: '份',
    permission: 'legal.read',
    tags,
    filters: ContractListFilters,
    sortable: CONTRACT_SORTABLE,
    pageSize: 20,
    filterOf: (q, ctx) => contractFilterOf(q, ctx.clock.today()),
    page: pageContracts,
    view: ContractView,
    present: (ctx, rows) => rows.map(presentContract).map((c) => ({ ...c, term: termOf(c, ctx.clock.today()) })),
    export: { spec: legalContractsSpec, count: countContracts, rows: contractExportRows },
  });
  const ContractBody = Type.Object({
    firm: Type.String({ maxLength: 200 }),
    contractNo: Type.String({ maxLength: 100 }),
    startOn: IsoDate,
    endOn: IsoDate,
    feeYuan: Opt(Type.Number()),
    lawyers: OptText(500),
    procurement: OptText(500),
  });
  app.post('/legal/contracts', { schema: { tags, summary: '登记顾问合同', body: ContractBody, response: { 201: Data(ContractView) } } }, async (req, reply) =>
    reply.code(201).send({ data: await cmd.createContract(authorize(req, 'legal.manage'), req.body) }),
  );
  app.put(
    '/legal/contracts/:id',
    {
      schema: {
        tags,
        summary: '修改顾问合同（带版本号）',
        params: Id,
        body: Type.Intersect([ContractBody, Type.Object({ version: Type.Integer() })]),
        response: { 200: Data(ContractView) },
      },
    },
    async (req) => {
      const { version, ...body } = req.body;
      return { data: await cmd.updateContract(authorize(req, 'legal.manage'), req.params.id, version, body) };
    },
  );
  app.get('/legal/contracts/:id', { schema: { tags, summary: '顾问合同', params: Id, response: { 200: Data(ContractView) } } }, async (req) => {
    const ctx = authorize(req, 'legal.read');
    const r = await getContract(ctx.db, ctx, req.params.id);
    if (!r) throw errors.notFound('顾问合同');
    return { data: presentContract(r) };
  });

  // The work-record list on the one list component: a page (with the counts by kind of its filter), server-side sort on
  // indexed columns, the export of exactly its rows (the 法律顾问工作台账's headers).
  listRoutes(app, {
    path: '/legal/advice',
    listPath: '/legal/advice',
    title: '法律顾问工作',
    unit: '条',
    permission: 'legal.read',
    tags,
    filters: AdviceListFilters,
    sortable: ADVICE_SORTABLE,
    pageSize: 20,
    filterOf: adviceFilterOf,
    page: listAdvice,
    pageExtra: AdvicePageExtra,
    view: AdviceView,
    present: (_ctx, rows) => rows.map(presentAdvice),
    export: ledgerExport(legalAdviceLedger, countAdvice),
  });
  app.get('/legal/advice/:id', { schema: { tags, summary: '工作记录', params: Id, response: { 200: Data(AdviceView) } } }, async (req) => {
    const ctx = authorize(req, 'legal.read');
    const r = await getAdvice(ctx.db, ctx, req.params.id);
    if (!r) throw errors.notFound('工作记录');
    return { data: presentAdvice(r) };
  });
  app.post(
    '/legal/advice',
    {
      schema: {
        tags,
        summary: '登记工作记录（审查的文件、出具的意见作为附件上传）',
        body: Type.Object({
          date: IsoDate,
          kind: OneOf(ADVICE_KINDS),
          title: Type.String({ maxLength: 300 }),
          firm: OptText(200),
          handler: OptText(100),
          opinion: OptText(4000),
        }),
        response: { 201: Data(AdviceView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.createAdvice(authorize(req, 'legal.write'), req.body) }),
  );

  app.get(
    '/legal/documents',
    {
      schema: {
        tags,
        summary: '规范性文件、重大行政决策与“三重一大”事项',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), kind: Type.Optional(OneOf(DOCUMENT_KINDS)) }),
        response: { 200: DataList(DocumentView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'legal.read');
      const lens = { roles: ctx.actor.roles, today: ctx.clock.today(), calendar: ctx.calendar };
      return { data: (await listDocuments(ctx, req.query)).map((r) => presentDocument(r, lens)) };
    },
  );
  // The document list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/legal/documents',
    title: '规范性文件与合法性审查',
    unit: '件',
    permission: 'legal.read',
    tags,
    filters: DocumentListFilters,
    sortable: DOCUMENT_SORTABLE,
    pageSize: 20,
    filterOf: (q) => documentFilterOf(q),
    page: pageDocuments,
    view: DocumentView,
    present: (ctx, rows) => rows.map((r) => presentDocument(r, { roles: ctx.actor.roles, today: ctx.clock.today(), calendar: ctx.calendar })),
    export: ledgerExport(normativeDocumentsLedger, countDocuments),
  });
  app.get('/legal/documents/:id', { schema: { tags, summary: '文件及其合法性审查', params: Id, response: { 200: Data(DocumentDetailView) } } }, async (req) => {
    const ctx = authorize(req, 'legal.read');
    const r = await getDocument(ctx.db, ctx, req.params.id);
    if (!r) throw errors.notFound('文件');
    const cleanups = await cleanupsOf(ctx.db, ctx.actor.tenantId, r.id);
    return {
      data: {
        ...presentDocument(r, { roles: ctx.actor.roles, today: ctx.clock.today(), calendar: ctx.calendar }),
        reviewSource: REVIEW_SOURCES[r.kind],
        checklist: REVIEW_CHECKLIST.map((c) => ({ key: c.key, label: c.label })),
        checklistSource: CHECKLIST_SOURCE,
        terms: Object.values(NORMATIVE_RULES).map((t) => ({ key: t.key, label: t.label, n: t.n, unit: t.unit, source: t.source })),
        cleanups: cleanups.map((c) => ({ id: c.id, cleanedOn: c.cleaned_on, outcome: c.outcome, reason: c.reason })),
      },
    };
  });
  app.post(
    '/legal/documents',
    {
      schema: {
        tags,
        summary: '送审（重大行政决策、“三重一大”事项）或起草登记（行政规范性文件：日期为起草日期）',
        body: Type.Object({
          kind: OneOf(DOCUMENT_KINDS),
          title: Type.String({ maxLength: 300 }),
          submittedOn: IsoDate,
          orgId: OptUuid(),
        }),
        response: { 201: Data(DocumentView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.submitDocument(authorize(req, 'legal.write'), req.body) }),
  );
  // One route per step of a document, its body validated by the step's own schema (no other property).
  for (const step of Object.keys(DOCUMENT_EVENT_COMMANDS) as DocumentStep[]) {
    const s = STEPS[step];
    app.post(
      `/legal/documents/:id/${step}`,
      { schema: { tags, summary: s.summary, params: Id, body: DOCUMENT_EVENT_COMMANDS[step].input, response: { 200: Data(DocumentView) } } },
      async (req) => ({ data: await cmd.applyDocumentEvent(authorize(req, s.permission), { id: req.params.id, step }, req.body) }),
    );
  }

  // The public list (no login): every published normative document with its number, date and status.
  app.get(
    '/public/legal/normative-documents',
    {
      schema: {
        tags: ['公示（公开）'],
        summary: '行政规范性文件目录（无需登录）：文号、公布日期、现行有效 / 已废止 / 已失效',
        querystring: Type.Object({ tenant: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: Data(PublicNormativeView) },
      },
    },
    async (req) => {
      const tenants = await listTenants(req.server.sys.db);
      const tenant = req.query.tenant ? tenants.find((x) => x.id === req.query.tenant) : tenants.length === 1 ? tenants[0] : undefined;
      if (!tenant) throw errors.notFound('单位');
      const today = isoDateInShanghai(new Date());
      const rows = await publicNormative(req.server.sys.db, tenant.id);
      return { data: { bureau: tenant.name, items: rows.map((r) => presentPublicNormative(r, today)) } };
    },
  );

  app.get('/legal/appraisals', { schema: { tags, summary: '法律顾问年度考核', response: { 200: AppraisalsView } } }, async (req) => ({
    data: { items: (await listAppraisals(authorize(req, 'legal.read'))).map(presentAppraisal), grades: [...GRADE_THRESHOLDS] },
  }));
  app.get('/legal/appraisals/:id', { schema: { tags, summary: '年度考核', params: Id, response: { 200: Data(AppraisalView) } } }, async (req) => {
    const ctx = authorize(req, 'legal.read');
    const r = await getAppraisal(ctx.db, ctx, req.params.id);
    if (!r) throw errors.notFound('年度考核');
    return { data: presentAppraisal(r) };
  });
  app.post(
    '/legal/appraisals',
    {
      schema: {
        tags,
        summary: '登记年度考核（自查、评分、改进建议）',
        body: Type.Object({
          year: Type.Integer({ minimum: 2000, maximum: 2100 }),
          appraisedOn: IsoDate,
          selfCheck: Type.String({ maxLength: 8000 }),
          criteria: Type.Array(Type.Object({ name: Type.String({ maxLength: 100 }), max: Type.Number(), score: Type.Number() }), { maxItems: 50 }),
          suggestions: OptText(4000),
        }),
        response: { 201: Data(AppraisalView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.createAppraisal(authorize(req, 'legal.manage'), req.body) }),
  );
}
