import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, sendFile } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { listTenants } from '../../core/tenant.js';
import { writeXlsx } from '../../core/ledger/write.js';
import type { LedgerSpec } from '../../core/ledger/spec.js';
import { Data, FileDownload } from '../../core/schemas.js';
import { bureauOf, listDecisions, publicDecisions } from './repository.js';
import { presentPublicDecision, presentRegisterEntry } from './presenters.js';
import { DecisionRegisterList, PublicDecisionsView } from './schemas.js';
import { creditRows, penaltyCreditSpec, permitCreditSpec } from './creditExport.js';

const Kind = Type.Union([Type.Literal('penalty'), Type.Literal('permit')]);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
