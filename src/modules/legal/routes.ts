import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { ADVICE_KINDS, DOCUMENT_KINDS } from './schema.js';
import { getAdvice, getAppraisal, getContract, getDocument, listAdvice, listAppraisals, listContracts, listDocuments } from './repository.js';
import { presentAdvice, presentAppraisal, presentContract, presentDocument } from './presenters.js';
import * as cmd from './commands.js';
import { GRADE_THRESHOLDS, REVIEW_SOURCES } from './rules.js';
import { Data } from '../../core/schemas.js';
import { AdvicePage, AdviceView, AppraisalsView, AppraisalView, ContractView, DataList, DocumentDetailView, DocumentView } from './schemas.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Opt = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

/** 法律顾问 routes: contracts, work records, documents under legality review, appraisals. */
export async function legalRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['法律顾问'];

  app.get('/legal/contracts', { schema: { tags, summary: '常年法律顾问合同', response: { 200: DataList(ContractView) } } }, async (req) => ({
    data: (await listContracts(authorize(req, 'legal.read'))).map(presentContract),
  }));
  const ContractBody = Type.Object({
    firm: Type.String({ maxLength: 200 }),
    contractNo: Type.String({ maxLength: 100 }),
    startOn: IsoDate,
    endOn: IsoDate,
    feeYuan: Type.Optional(Type.Union([Type.Number(), Type.Null()])),
    lawyers: Opt(500),
    procurement: Opt(500),
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

  app.get(
    '/legal/advice',
    {
      schema: {
        tags,
        summary: '法律顾问工作记录',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          kind: Type.Optional(lit(ADVICE_KINDS)),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
          pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: AdvicePage },
      },
    },
    async (req) => {
      const size = req.query.pageSize ?? 20;
      const r = await listAdvice(authorize(req, 'legal.read'), {
        ...req.query,
        limit: size,
        offset: ((req.query.page ?? 1) - 1) * size,
      });
      return { data: { items: r.rows.map(presentAdvice), total: r.total, byKind: r.byKind } };
    },
  );
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
          kind: lit(ADVICE_KINDS),
          title: Type.String({ maxLength: 300 }),
          firm: Opt(200),
          handler: Opt(100),
          opinion: Opt(4000),
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
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), kind: Type.Optional(lit(DOCUMENT_KINDS)) }),
        response: { 200: DataList(DocumentView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'legal.read');
      return { data: (await listDocuments(ctx, req.query)).map((r) => presentDocument(r, ctx.actor.roles)) };
    },
  );
  app.get('/legal/documents/:id', { schema: { tags, summary: '文件及其合法性审查', params: Id, response: { 200: Data(DocumentDetailView) } } }, async (req) => {
    const ctx = authorize(req, 'legal.read');
    const r = await getDocument(ctx.db, ctx, req.params.id);
    if (!r) throw errors.notFound('文件');
    return { data: { ...presentDocument(r, ctx.actor.roles), reviewSource: REVIEW_SOURCES[r.kind] } };
  });
  app.post(
    '/legal/documents',
    {
      schema: {
        tags,
        summary: '送审',
        body: Type.Object({
          kind: lit(DOCUMENT_KINDS),
          title: Type.String({ maxLength: 300 }),
          submittedOn: IsoDate,
          orgId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
        }),
        response: { 201: Data(DocumentView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.submitDocument(authorize(req, 'legal.write'), req.body) }),
  );
  app.post(
    '/legal/documents/:id/review',
    {
      schema: {
        tags,
        summary: '合法性审查意见',
        params: Id,
        body: Type.Object({
          reviewedOn: IsoDate,
          result: lit(['同意', '存在问题']),
          opinion: Type.String({ maxLength: 4000 }),
          reviewer: Opt(100),
          version: Type.Integer(),
        }),
        response: { 200: Data(DocumentView) },
      },
    },
    async (req) => {
      const { version, ...b } = req.body;
      return { data: await cmd.reviewDocument(authorize(req, 'legal.review'), req.params.id, version, b) };
    },
  );
  app.post(
    '/legal/documents/:id/issue',
    {
      schema: {
        tags,
        summary: '印发 / 提交决策（须经合法性审查同意）',
        params: Id,
        body: Type.Object({ issuedOn: IsoDate, docNo: Opt(100), version: Type.Integer() }),
        response: { 200: Data(DocumentView) },
      },
    },
    async (req) => {
      const { version, ...b } = req.body;
      return { data: await cmd.issueDocument(authorize(req, 'legal.documents.issue'), req.params.id, version, b) };
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
          suggestions: Opt(4000),
        }),
        response: { 201: Data(AppraisalView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.createAppraisal(authorize(req, 'legal.manage'), req.body) }),
  );
}
