import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize } from '../../core/http.js';
import { DataList, DemandRecordView, demandRoutes, recordView } from '../demands/index.js';
import { hotlineKind } from './kind.js';
import { receivePush, requestClue, setDistrictAverage } from './commands.js';
import { listClueRequests } from './clues.js';
import { districtAverages } from './repository.js';
import { ClueRequestView, DistrictAverageSetView, DistrictAverageView, PushResultView } from './schemas.js';
import { Data, OptText } from '../../core/schemas.js';

/** 12345 routes: the shared lifecycle, the platform's push, clue requests, the district average. */
export async function hotlineRoutes(root: FastifyInstance) {
  await demandRoutes(hotlineKind)(root);
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['12345工单'];

  app.post(
    '/hotline/push',
    {
      schema: {
        tags,
        summary: '12345平台推送工单（按工单编号幂等：重复推送不产生重复工单）',
        description:
          '字段：orderNo 工单编号、receivedAt 受理时间（2022-03-01 09:30）、demandType 诉求类型、title、content 诉求内容、callerName、callerPhone、location 地点、unitName 承办单位名称、timeLimit 办理时限（工作日，缺省按诉求类型）。字段错误逐项返回（details.fields）。',
        // Checked field by field in Chinese by the command, not by the schema.
        body: Type.Object({}, { additionalProperties: true }),
        response: { 200: Data(PushResultView), 201: Data(PushResultView) },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'hotline.push');
      const { created, order } = await receivePush(req.server.sys, ctx, req.body as Record<string, unknown>);
      return reply.code(created ? 201 : 200).send({ data: { created, id: order.id, orderNo: order.ref_no } });
    },
  );

  app.post(
    '/hotline/items/:id/clue',
    {
      schema: {
        tags,
        summary: '移送执法线索（记录到线索移送箱，由执法模块接收）',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object({ reason: Type.String({ maxLength: 1000 }) }),
        response: { 201: Data(DemandRecordView) },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'hotline.write');
      await requestClue(ctx, req.params.id, req.body.reason);
      return reply.code(201).send({ data: await recordView(ctx, hotlineKind, req.params.id) });
    },
  );

  app.get(
    '/hotline/clue-requests',
    {
      schema: {
        tags,
        summary: '执法线索移送请求',
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('consumed'), Type.Literal('all')])) }),
        response: { 200: DataList(ClueRequestView) },
      },
    },
    async (req) => ({ data: await listClueRequests(authorize(req, 'hotline.read'), { status: req.query.status }) }),
  );

  app.get(
    '/hotline/district-average',
    { schema: { tags, summary: '全区平均办理时长（按年度，用户录入）', response: { 200: DataList(DistrictAverageView) } } },
    async (req) => {
      const ctx = authorize(req, 'hotline.read');
      const rows = await districtAverages(ctx.db, ctx.actor.tenantId);
      return { data: rows.map((r) => ({ year: r.year, avg: r.avg_centi / 100, note: r.note })) };
    },
  );

  app.put(
    '/hotline/district-average/:year',
    {
      schema: {
        tags,
        summary: '录入某年度全区平均办理时长',
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: Type.Object({ avg: Type.Number(), note: OptText(200) }),
        response: { 200: Data(DistrictAverageSetView) },
      },
    },
    async (req) => {
      await setDistrictAverage(authorize(req, 'hotline.settings'), req.params.year, req.body.avg, req.body.note);
      return { data: { year: req.params.year, avg: req.body.avg } };
    },
  );
}
