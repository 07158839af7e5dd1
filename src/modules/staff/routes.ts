import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@fastify/type-provider-typebox';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { getRecord, listRecords, type StaffTable } from './repository.js';
import { present } from './presenters.js';
import { createRecord } from './commands.js';
import { Data } from '../../core/schemas.js';
import { STAFF_LIST_VIEW, STAFF_VIEW } from './schemas.js';
import { STAFF_BODY } from './bodies.js';

/** URL segment → table and its Chinese name. */
const RESOURCES: Record<string, { table: StaffTable; label: string }> = {
  'study-sessions': { table: 'staff_study_session', label: '学法记录' },
  'exam-results': { table: 'staff_exam_result', label: '考试成绩' },
  trainings: { table: 'staff_training', label: '培训记录' },
  'pufa-duties': { table: 'staff_pufa_duty', label: '普法责任清单' },
  'pufa-activities': { table: 'staff_pufa_activity', label: '普法活动' },
};

/** 学法用法 routes: one list / get / create per record type (each body lists its fields; the commands check them, naming the field). */
export async function staffRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['学法用法'];
  for (const [path, { table, label }] of Object.entries(RESOURCES)) {
    const view: TSchema = STAFF_VIEW[table];
    const list: TSchema = STAFF_LIST_VIEW[table];
    app.get(
      `/staff/${path}`,
      {
        schema: {
          tags,
          summary: `${label}列表`,
          querystring: Type.Object({
            year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
            audience: Type.Optional(Type.String({ maxLength: 10 })),
            exam: Type.Optional(Type.String({ maxLength: 100 })),
          }),
          response: { 200: Data(list) },
        },
      },
      async (req) => ({ data: (await listRecords(authorize(req, 'staff.read'), table, req.query)).map((r) => present(table, r)) }),
    );
    app.get(
      `/staff/${path}/:id`,
      { schema: { tags, summary: label, params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: Data(view) } } },
      async (req) => {
        const ctx = authorize(req, 'staff.read');
        const r = await getRecord(ctx.db, ctx, table, req.params.id);
        if (!r) throw errors.notFound(label);
        return { data: present(table, r) };
      },
    );
    app.post(`/staff/${path}`, { schema: { tags, summary: `登记${label}`, body: STAFF_BODY[table], response: { 201: Data(view) } } }, async (req, reply) =>
      reply.code(201).send({ data: await createRecord(authorize(req, 'staff.write'), table, req.body as Record<string, unknown>) }),
    );
  }
}
