import type { FastifyInstance } from 'fastify';
import { Type } from '@fastify/type-provider-typebox';
import { authorize, sendFile } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { bizDate, bureauOf, demandRoutes, getItem, officialDocx } from '../demands/index.js';
import { FileDownload } from '../../core/schemas.js';
import { proposalKind } from './kind.js';
import { RESULT_LABELS } from './rules.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** 建议提案 routes: the shared lifecycle and the reply letter. */
export async function proposalRoutes(app: FastifyInstance) {
  await demandRoutes(proposalKind)(app);
  app.get(
    '/proposals/items/:id/reply.docx',
    {
      schema: { tags: ['建议提案'], summary: '答复函（DOCX）', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: FileDownload } },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'proposals.read');
      const r = await getItem(ctx, 'proposal', (req.params as { id: string }).id);
      if (!r) throw errors.notFound('建议提案');
      if (!r.replied_at || !r.reply) throw errors.gate('NO_REPLY', '尚未答复');
      const bureau = await bureauOf(ctx.db, ctx.actor.tenantId);
      const kind = r.demand_type === '政协提案' ? '提案' : '建议';
      const data = await officialDocx({
        title: `${bureau.name}关于${kind}${r.ref_no}的答复`,
        addressee: `尊敬的${r.person_name ?? '代表（委员）'}`,
        blocks: [
          { kind: 'para', text: `您提出的《${r.title}》（${r.ref_no}）收悉，本局作为${r.channel ?? '主办'}单位认真研究办理，现答复如下：` },
          { kind: 'para', text: r.reply },
          {
            kind: 'para',
            text: `办理结果：${r.result ?? '—'}类（${RESULT_LABELS[r.result as keyof typeof RESULT_LABELS] ?? ''}）。感谢您对水务工作的关心和支持，欢迎继续提出宝贵意见。`,
          },
        ],
        issuer: bureau.name,
        date: bizDate(r.replied_at)!,
      });
      return sendFile(reply, data, `答复函-${r.ref_no}.docx`, DOCX);
    },
  );
}
