import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, sendFile } from '../../core/http.js';
import { Data, FileDownload, Opt } from '../../core/schemas.js';
import { DataList, DemandRecordView, demandRoutes, recordView } from '../demands/index.js';
import { disclosureKind } from './kind.js';
import { addProactive, recordRemedy, setReportText } from './commands.js';
import { buildDisclosureReport, renderDisclosureReport, type ReportFormat } from './report.js';
import { REMEDY_KINDS, REMEDY_RESULTS } from './rules.js';
import { listProactive } from './repository.js';
import { CreatedView, DisclosureReportView, OkView, ProactiveView } from './schemas.js';
import { IsoDate } from '../../core/input.js';

/** 政府信息公开 routes: requests (shared lifecycle), remedies, proactive disclosures, the annual report. */
export async function disclosureRoutes(root: FastifyInstance) {
  await demandRoutes(disclosureKind)(root);
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['政府信息公开'];
  const Year = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });

  app.post(
    '/disclosure/items/:id/remedy',
    {
      schema: {
        tags,
        summary: '登记行政复议或行政诉讼',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({
          kind: Type.Union(REMEDY_KINDS.map((k) => Type.Literal(k))),
          result: Type.Union(REMEDY_RESULTS.map((k) => Type.Literal(k))),
          filedOn: IsoDate,
        }),
        response: { 200: Data(DemandRecordView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'disclosure.write');
      await recordRemedy(ctx, req.params.id, req.body);
      return { data: await recordView(ctx, disclosureKind, req.params.id) };
    },
  );

  app.get(
    '/disclosure/proactive',
    {
      schema: {
        tags,
        summary: '主动公开信息',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: DataList(ProactiveView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'disclosure.read');
      const rows = await listProactive(ctx, req.query.year);
      return { data: rows.map((r) => ({ id: r.id, date: r.published_on, section: r.section, title: r.title, platform: r.platform })) };
    },
  );
  app.post(
    '/disclosure/proactive',
    {
      schema: {
        tags,
        summary: '登记主动公开信息',
        body: Type.Object({
          date: IsoDate,
          section: Type.String({ maxLength: 100 }),
          title: Type.String({ maxLength: 500 }),
          platform: Opt(Type.String()),
        }),
        response: { 201: Data(CreatedView) },
      },
    },
    async (req, reply) => {
      const id = await addProactive(authorize(req, 'disclosure.write'), req.body);
      return reply.code(201).send({ data: { id } });
    },
  );

  app.get(
    '/disclosure/report/:year',
    { schema: { tags, summary: '政府信息公开工作年度报告的表格与勾稽校验', params: Year, response: { 200: Data(DisclosureReportView) } } },
    async (req) => {
      const ctx = authorize(req, 'disclosure.report');
      return { data: await buildDisclosureReport(req.server.sys, ctx.actor.tenantId, req.params.year) };
    },
  );
  app.get(
    '/disclosure/report/:year/file',
    {
      schema: {
        tags,
        summary: '下载年度报告（docx / html / xlsx）',
        params: Year,
        querystring: Type.Object({ format: Type.Union([Type.Literal('docx'), Type.Literal('html'), Type.Literal('xlsx')]) }),
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'disclosure.report');
      const r = await renderDisclosureReport(req.server.sys, ctx.actor.tenantId, req.params.year, req.query.format as ReportFormat);
      return sendFile(reply, r.data, r.filename, r.mime);
    },
  );
  app.put(
    '/disclosure/report/:year/text',
    {
      schema: {
        tags,
        summary: '填写年度报告的文字部分',
        params: Year,
        body: Type.Object({ section: Type.String(), body: Type.String({ maxLength: 20000 }) }),
        response: { 200: Data(OkView) },
      },
    },
    async (req) => {
      await setReportText(authorize(req, 'disclosure.report'), req.params.year, req.body.section, req.body.body);
      return { data: { ok: true as const } };
    },
  );
}
