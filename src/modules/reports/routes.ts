import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, sendFile } from '../../core/http.js';
import { composeRuleOfLawReport } from './compose.js';
import { saveNarrative, setFigureOption } from './commands.js';
import { narrativeVersions } from './repository.js';
import { renderDocument, FORMATS } from './document.js';
import { metricsWorkbook } from './metricsXlsx.js';
import { dashboard } from './dashboard.js';
import { Data, FileDownload } from '../../core/schemas.js';
import { ComposedReportView, DashboardView, NarrativeVersionList, OkView, SavedNarrativeView } from './schemas.js';

const Year = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 年度报告 routes: compose, edit narratives (versioned), figure options, render; the leaders' dashboard. */
export async function reportRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['年度报告'];
  const sys = root.sys;

  app.get(
    '/reports/rule-of-law/:year',
    { schema: { tags, summary: '法治政府建设年度报告（结构、叙述、由指标生成的数字句）', params: Year, response: { 200: Data(ComposedReportView) } } },
    async (req) => {
      const ctx = authorize(req, 'reports.read');
      return { data: await composeRuleOfLawReport(sys, ctx.actor.tenantId, req.params.year) };
    },
  );

  app.put(
    '/reports/rule-of-law/:year/narratives/:section',
    {
      schema: {
        tags,
        summary: '保存章节叙述（生成新版本；baseVersion 过期返回409）',
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), section: Type.String() }),
        body: Type.Object({ body: Type.String({ maxLength: 20000 }), baseVersion: Type.Union([Type.Integer(), Type.Null()]) }),
        response: { 200: Data(SavedNarrativeView) },
      },
    },
    async (req) => ({ data: await saveNarrative(authorize(req, 'reports.edit'), { year: req.params.year, section: req.params.section, ...req.body }) }),
  );

  app.get(
    '/reports/rule-of-law/:year/narratives/:section/versions',
    {
      schema: {
        tags,
        summary: '章节叙述的历史版本',
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), section: Type.String() }),
        response: { 200: Data(NarrativeVersionList) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'reports.read');
      const rows = await narrativeVersions(ctx.db, { tenantId: ctx.actor.tenantId, report: 'rule-of-law', year: req.params.year, section: req.params.section });
      return { data: rows.map((r) => ({ ...r, created_at: new Date(r.created_at).toISOString() })) };
    },
  );

  app.put(
    '/reports/rule-of-law/:year/figures/:metric',
    {
      schema: {
        tags,
        summary: '设置数字的表述：取整为“余/逾”、是否写明同比；同类指标（如各断面水质）是否写入报告',
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }), metric: Type.String() }),
        body: Type.Object({
          rounding: Type.Union(['exact', 'yu10', 'yu100', 'yu1000', 'yu_over10', 'yu_over100'].map((r) => Type.Literal(r))),
          stateYoy: Type.Boolean(),
          include: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Data(OkView) },
      },
    },
    async (req) => {
      await setFigureOption(authorize(req, 'reports.edit'), {
        year: req.params.year,
        metric: req.params.metric,
        rounding: req.body.rounding as never,
        stateYoy: req.body.stateYoy,
        include: req.body.include,
      });
      return { data: { ok: true as const } };
    },
  );

  app.get(
    '/reports/rule-of-law/:year/document',
    {
      schema: {
        tags,
        summary: '生成报告文件：docx（GB/T 9704 公文格式）、html（每个数字可下钻）或 pdf',
        params: Year,
        querystring: Type.Object({ format: Type.Union(FORMATS.map((f) => Type.Literal(f))) }),
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'reports.read');
      const doc = await renderDocument(sys, ctx.actor.tenantId, req.params.year, req.query.format);
      return sendFile(reply, doc.data, doc.filename, doc.mime);
    },
  );

  app.get(
    '/reports/metrics/:year',
    { schema: { tags, summary: '导出某年度全部指标（xlsx，含上年值）', params: Year, response: { 200: FileDownload } } },
    async (req, reply) => {
      const ctx = authorize(req, 'reports.read');
      return sendFile(reply, await metricsWorkbook(sys, ctx.actor.tenantId, req.params.year), `${req.params.year}年度指标.xlsx`, XLSX);
    },
  );

  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['领导驾驶舱'],
        summary: '领导驾驶舱：年度关键指标、月度趋势、期限、街道对比',
        querystring: Year,
        response: { 200: Data(DashboardView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'reports.dashboard');
      return { data: await dashboard(sys, ctx, req.query.year) };
    },
  );
}
