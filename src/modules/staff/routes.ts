import type { FastifyInstance } from 'fastify';
import { type TProperties, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from '@fastify/type-provider-typebox';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { countRecords, getRecord, listRecords, pageRecords, STAFF_SORTABLE, type StaffFilter, type StaffTable } from './repository.js';
import { sortOf } from '../../core/lists.js';
import { listRoutes } from '../../core/listRoutes.js';
import { STAFF_LIST_EXPORT } from './ledgers.js';
import { AUDIENCES, MODES, STUDY_FORMS } from './schema.js';
import { present } from './presenters.js';
import { createRecord } from './commands.js';
import { Data, OneOf } from '../../core/schemas.js';
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

/** The text search's columns by their Chinese names (a route's description). */
const TEXT_LABEL: Record<StaffTable, string> = {
  staff_study_session: '主题、主持/组织',
  staff_exam_result: '姓名、考试名称',
  staff_training: '主题、主讲、地点',
  staff_pufa_duty: '法律法规、普法内容',
  staff_pufa_activity: '活动名称、宣传法规、地点',
};

/** A register list's filters (the query string's): year, unit, text, and the table's own. */
function listFilters(table: StaffTable): TProperties {
  const own: Record<StaffTable, TProperties> = {
    staff_study_session: { form: Type.Optional(OneOf(STUDY_FORMS)) },
    staff_exam_result: { exam: Type.Optional(Type.String({ maxLength: 100, description: '考试名称（完全一致）' })) },
    staff_training: { audience: Type.Optional(OneOf(AUDIENCES)), mode: Type.Optional(OneOf(MODES)) },
    staff_pufa_duty: {},
    staff_pufa_activity: {},
  };
  return {
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
    orgId: Type.Optional(Type.String({ format: 'uuid', description: '单位' })),
    q: Type.Optional(Type.String({ maxLength: 50, description: TEXT_LABEL[table] })),
    ...own[table],
  };
}

/** A register list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function filterOf(table: StaffTable, q: Record<string, unknown>): StaffFilter {
  const text = typeof q.q === 'string' ? q.q.trim() : '';
  return {
    year: q.year as number | undefined,
    orgId: q.orgId as string | undefined,
    q: text || undefined,
    form: q.form as string | undefined,
    audience: q.audience as string | undefined,
    mode: q.mode as string | undefined,
    exam: q.exam as string | undefined,
    sort: sortOf(STAFF_SORTABLE[table], q as { sort?: string; order?: 'asc' | 'desc' }),
  };
}

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
    // The register on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
    listRoutes(app, {
      path: `/staff/${path}`,
      title: label,
      unit: '条',
      permission: 'staff.read',
      tags,
      filters: listFilters(table),
      sortable: STAFF_SORTABLE[table],
      pageSize: 20,
      filterOf: (q) => filterOf(table, q),
      page: (ctx, f) => pageRecords(ctx, table, f),
      view,
      present: (_ctx, rows) => rows.map((r) => present(table, r)),
      export: { ...STAFF_LIST_EXPORT[table], count: (ctx, f) => countRecords(ctx, table, f) },
    });
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
