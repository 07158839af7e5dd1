import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, sendFile } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { listTenants } from '../../core/tenant.js';
import { writeXlsx } from '../../core/ledger/write.js';
import type { LedgerSpec } from '../../core/ledger/spec.js';
import { Data, FileDownload } from '../../core/schemas.js';
import { listRoutes } from '../../core/listRoutes.js';
import { assertExportable, LIST_EXPORT_CAP, listExportQuerySchema, sendListExport, sortOf } from '../../core/lists.js';
import { bureauOf, countDecisions, listDecisions, pageDecisions, publicDecisions, REGISTER_SORTABLE, type RegisterFilter } from './repository.js';
import { presentPublicDecision, presentRegisterEntry } from './presenters.js';
import { DecisionRegisterList, DecisionRegisterView, PublicDecisionsView } from './schemas.js';
import { creditRows, penaltyCreditSpec, permitCreditSpec } from './creditExport.js';

const Kind = Type.Union([Type.Literal('penalty'), Type.Literal('permit')]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });

/** The register list's filters (the query string's): kind, year, status, unit, text. */
const RegisterListFilters = {
  kind: Type.Optional(Kind),
  year: Type.Optional(Year),
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('published'), Type.Literal('withdrawn')], { description: '待公示、已公示、已撤回' })),
  orgId: Type.Optional(Type.String({ format: 'uuid', description: '承办单位' })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '决定文书号、事项或当事人' })),
};
const registerListQuery = listExportQuerySchema(RegisterListFilters, REGISTER_SORTABLE);
/** A register list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function registerFilterOf(q: Static<typeof registerListQuery>): RegisterFilter {
  return { kind: q.kind, year: q.year, status: q.status, orgId: q.orgId, q: q.q?.trim() || undefined, sort: sortOf(REGISTER_SORTABLE, q) };
}
/** The credit platform's layout of each kind (信用中国 双公示). */
const CREDIT_SPEC = { penalty: penaltyCreditSpec, permit: permitCreditSpec } as const;

/** 双公示 routes: the public page's data (no login) and the staff's list and export. */
export async function publicityRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/public/decisions',
    {
      schema: {
        tags: ['公示（公开）'],
        summary: '已公示的行政处罚、行政许可决定（无需登录；自然人姓名与证件号已脱敏）',
        querystring: Type.Object({
          tenant: Type.Optional(Type.String({ format: 'uuid' })),
          kind: Type.Optional(Kind),
          q: Type.Optional(Type.String({ maxLength: 50 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
        }),
        response: { 200: Data(PublicDecisionsView) },
      },
    },
    async (req) => {
      const tenants = await listTenants(req.server.sys.db);
      const tenant = req.query.tenant ? tenants.find((t) => t.id === req.query.tenant) : tenants.length === 1 ? tenants[0] : undefined;
      if (!tenant) throw errors.notFound('单位');
      const size = 20;
      const rows = await publicDecisions(req.server.sys.db, tenant.id, {
        kind: req.query.kind,
        q: req.query.q,
        limit: size,
        offset: ((req.query.page ?? 1) - 1) * size,
      });
      return { data: { bureau: tenant.name, items: rows.map(presentPublicDecision) } };
    },
  );

  app.get(
    '/publicity/decisions',
    {
      schema: {
        tags: ['公示'],
        summary: '公示台账（含待公示、已撤回）',
        querystring: Type.Object({ kind: Type.Optional(Kind), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: Data(DecisionRegisterList) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'publicity.read');
      const rows = await listDecisions(ctx, req.query);
      return { data: rows.map(presentRegisterEntry) };
    },
  );

  // The register on the one list component: a page, server-side sort on indexed columns. Its export is its own (below): it
  // needs its own permission and a kind, whose credit platform layout it is written in.
  listRoutes(app, {
    path: '/publicity/decisions',
    title: '公示台账',
    unit: '条',
    permission: 'publicity.read',
    tags: ['公示'],
    filters: RegisterListFilters,
    sortable: REGISTER_SORTABLE,
    pageSize: 20,
    filterOf: registerFilterOf,
    page: pageDecisions,
    view: DecisionRegisterView,
    present: (_ctx, rows) => rows.map(presentRegisterEntry),
  });
  app.get(
    '/publicity/decisions/export',
    {
      schema: {
        tags: ['公示'],
        summary: `导出公示台账列表的筛选结果（与列表同样的筛选和排序；须选类别 kind：行政处罚、行政许可各按信用平台“双公示”格式；至多 ${LIST_EXPORT_CAP} 条）`,
        querystring: registerListQuery,
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'publicity.export');
      const f = registerFilterOf(req.query);
      if (!f.kind) throw errors.validation('kind', '请选择类别（行政处罚或行政许可）：两类决定的“双公示”导出格式不同');
      assertExportable(await countDecisions(ctx, f));
      const [rows, bureau] = await Promise.all([listDecisions(ctx, f), bureauOf(ctx)]);
      const spec = CREDIT_SPEC[f.kind];
      return sendListExport(reply, {
        spec: spec as LedgerSpec,
        rows: creditRows(f.kind, rows, bureau),
        title: spec.title,
        today: ctx.clock.today(),
        format: req.query.format,
      });
    },
  );

  app.get(
    '/publicity/export',
    {
      schema: {
        tags: ['公示'],
        summary: '导出信用平台“双公示”格式（xlsx）',
        querystring: Type.Object({ kind: Kind, year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'publicity.export');
      const rows = (await listDecisions(ctx, req.query)).filter((r) => r.published_on);
      const bureau = await bureauOf(ctx);
      const spec = req.query.kind === 'penalty' ? penaltyCreditSpec : permitCreditSpec;
      const data = await writeXlsx(spec as LedgerSpec, creditRows(req.query.kind, rows, bureau));
      return sendFile(reply, data, `${spec.title}${req.query.year ?? ''}.xlsx`, XLSX);
    },
  );
}
