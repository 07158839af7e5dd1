import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, sendFile } from '../../core/http.js';
import { DemandRecordView, demandRoutes, recordView } from '../demands/index.js';
import { Data, FileDownload } from '../../core/schemas.js';
import { petitionKind } from './kind.js';
import { answerReview, opinionDocx, requestReview } from './commands.js';
import { IsoDate } from '../../core/input.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const Stage = Type.Union([Type.Literal('复查'), Type.Literal('复核')]);
const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** 信访 routes: the shared lifecycle, 复查/复核, the handling opinion document. */
export async function petitionRoutes(root: FastifyInstance) {
  await demandRoutes(petitionKind)(root);
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['信访件'];
  app.post(
    '/petitions/items/:id/review',
    {
      schema: {
        tags,
        summary: '登记复查或复核申请（30日内答复）',
        params: Id,
        body: Type.Object({ stage: Stage, appliedOn: IsoDate }),
        response: { 200: Data(DemandRecordView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'petitions.write');
      await requestReview(req.server.sys, ctx, req.params.id, req.body);
      return { data: await recordView(ctx, petitionKind, req.params.id) };
    },
  );
  app.post(
    '/petitions/items/:id/review/answer',
    {
      schema: {
        tags,
        summary: '登记复查或复核意见',
        params: Id,
        body: Type.Object({ stage: Stage, answeredOn: IsoDate, result: Type.String({ maxLength: 2000 }) }),
        response: { 200: Data(DemandRecordView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'petitions.write');
      await answerReview(req.server.sys, ctx, req.params.id, req.body);
      return { data: await recordView(ctx, petitionKind, req.params.id) };
    },
  );
  app.get(
    '/petitions/items/:id/opinion.docx',
    { schema: { tags, summary: '信访事项处理意见书（DOCX）', params: Id, response: { 200: FileDownload } } },
    async (req, reply) => {
      const { data, filename } = await opinionDocx(authorize(req, 'petitions.read'), req.params.id);
      return sendFile(reply, data, filename, DOCX);
    },
  );
}
