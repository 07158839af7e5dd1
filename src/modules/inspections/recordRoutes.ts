import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { Data, DataList, OneOf } from '../../core/schemas.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import { listEnforcementItems, listEnforcementOfficers } from '../enforcement/index.js';
import {
  countRecords,
  entityCountsOfYear,
  getAnnualPlan,
  getRecord,
  listAnnualEntries,
  listAnnualPlans,
  listItems,
  listRecords,
  pageRecords,
  RECORD_SORTABLE,
  type RecordFilter,
} from './repository.js';
import { inspectionRecordsLedger } from './ledgers.js';
import { presentAnnualPlan, presentRecord } from './presenters.js';
import {
  AnnualEntriesBody,
  AnnualPlanBody,
  addAnnualEntries,
  applyRecordEvent,
  capWarningOf,
  createAnnualPlan,
  RegisterRecordBody,
  registerRecord,
} from './records.js';
import { RECORD_EVENT_COMMANDS } from './recordEvents.js';
import { FOLLOW_UPS, RECORD_KINDS, RECORD_RULES, SOURCES } from './rules.js';
import { type RecordEvent, recordWho } from './workflow.js';
import { AnnualPlanDetailView, AnnualPlanView, RecordOptionsView, RecordView } from './schemas.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const SUMMARIES: Record<RecordEvent, string> = {
  order: '责令整改（整改期限）',
  rectified: '登记整改完成',
  escalate: '整改未完成：移送线索或立案',
  close: '办结检查记录',
};

/** Where a record stands (the list's 状态 filter): done, rectifying or closed. */
const RecordStage = OneOf(['done', 'rectifying', 'closed']);

/** The record list's filters (the query string's): kind, unit, year, entity, stage, text. */
const RecordListFilters = {
  kind: Type.Optional(OneOf(RECORD_KINDS)),
  orgId: Type.Optional(Type.String({ format: 'uuid' })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  entityId: Type.Optional(Type.String({ format: 'uuid' })),
  stage: Type.Optional(RecordStage),
  q: Type.Optional(Type.String({ maxLength: 50, description: '检查编号、检查对象名称、统一社会信用代码' })),
};
const recordListQuery = listExportQuerySchema(RecordListFilters, RECORD_SORTABLE);
/** A record list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function recordFilterOf(q: Static<typeof recordListQuery>): RecordFilter {
  return {
    kind: q.kind,
    orgId: q.orgId,
    year: q.year,
    entityId: q.entityId,
    stage: q.stage,
    q: q.q?.trim() || undefined,
    sort: sortOf(RECORD_SORTABLE, q),
  };
}

/** 行政检查 routes: the records (list, options, register, page, events) and the annual inspection plans. */
export async function recordRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['行政检查'];
  const sys = () => ({ calendar: root.sys.calendar });

  app.get(
    '/inspections/records',
    {
      schema: {
        tags,
        summary: '行政检查记录',
        querystring: Type.Object({
          kind: Type.Optional(Type.String({ maxLength: 20 })),
          orgId: Type.Optional(Type.String({ format: 'uuid' })),
          year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
          entityId: Type.Optional(Type.String({ format: 'uuid' })),
          stage: Type.Optional(RecordStage),
        }),
        response: { 200: DataList(RecordView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'inspections.read');
      const who = recordWho(ctx.actor);
      return { data: (await listRecords(ctx, req.query)).map((r) => presentRecord(r, who)) };
    },
  );
  // The record list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/inspections/records',
    title: '行政检查记录',
    unit: '条',
    permission: 'inspections.read',
    tags,
    filters: RecordListFilters,
    sortable: RECORD_SORTABLE,
    filterOf: recordFilterOf,
    page: pageRecords,
    view: RecordView,
    present: (ctx, rows) => {
      const who = recordWho(ctx.actor);
      return rows.map((r) => presentRecord(r, who));
    },
    export: ledgerExport(inspectionRecordsLedger, countRecords),
  });
  app.get('/inspections/records/options', { schema: { tags, summary: '登记行政检查的选项', response: { 200: Data(RecordOptionsView) } } }, async (req) => {
    const ctx = authorize(req, 'inspections.read');
    const [items, catalogue, officers] = await Promise.all([
      listItems(ctx),
      listEnforcementItems(ctx.db, ctx.actor.tenantId),
      listEnforcementOfficers(ctx.db, ctx.actor),
    ]);
    return {
      data: {
        kinds: [...RECORD_KINDS],
        followUps: [...FOLLOW_UPS],
        items: items.map((i) => ({ id: i.id, name: i.name })),
        catalogue: catalogue.map((i) => ({ id: i.id, code: i.code, name: i.name })),
        officers: officers
          .filter((o) => o.active)
          .map((o) => ({ id: o.id, name: o.name, orgName: o.org_name, certNo: o.cert_no, certValidUntil: o.cert_valid_until })),
        rules: RECORD_RULES.map((r) => ({ key: r.key, rule: r.rule, source: r.source })),
      },
    };
  });
  app.post(
    '/inspections/records',
    { schema: { tags, summary: '登记行政检查', body: RegisterRecordBody, response: { 201: Data(RecordView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'inspections.write');
      const { row, warnings } = await registerRecord(ctx, sys(), req.body);
      return reply.code(201).send({ data: presentRecord(row, recordWho(ctx.actor), warnings) });
    },
  );
  app.get('/inspections/records/:id', { schema: { tags, summary: '行政检查记录', params: Id, response: { 200: Data(RecordView) } } }, async (req) => {
    const ctx = authorize(req, 'inspections.read');
    const r = await getRecord(ctx.db, ctx, req.params.id);
    if (!r) throw errors.notFound('检查记录');
    return { data: presentRecord(r, recordWho(ctx.actor), await capWarningOf(ctx, r)) };
  });
  // One route per event of the record workflow, its body the event's own closed schema.
  for (const event of Object.keys(RECORD_EVENT_COMMANDS) as RecordEvent[]) {
    app.post(
      `/inspections/records/:id/${event}`,
      { schema: { tags, summary: SUMMARIES[event], params: Id, body: RECORD_EVENT_COMMANDS[event].input, response: { 200: Data(RecordView) } } },
      async (req) => {
        const ctx = authorize(req, 'inspections.write');
        const r = await applyRecordEvent(ctx, sys(), { id: req.params.id, event }, req.body);
        return { data: presentRecord(r, recordWho(ctx.actor)) };
      },
    );
  }

  app.get(
    '/inspections/annual-plans',
    {
      schema: {
        tags,
        summary: '年度检查计划',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }),
        response: { 200: DataList(AnnualPlanView) },
      },
    },
    async (req) => ({ data: (await listAnnualPlans(authorize(req, 'inspections.read'), { year: req.query.year })).map(presentAnnualPlan) }),
  );
  app.post(
    '/inspections/annual-plans',
    { schema: { tags, summary: '新建年度检查计划', body: AnnualPlanBody, response: { 201: Data(AnnualPlanView) } } },
    async (req, reply) => reply.code(201).send({ data: presentAnnualPlan(await createAnnualPlan(authorize(req, 'inspections.manage'), req.body)) }),
  );
  app.get(
    '/inspections/annual-plans/:id',
    { schema: { tags, summary: '年度检查计划及执行', params: Id, response: { 200: Data(AnnualPlanDetailView) } } },
    async (req) => {
      const ctx = authorize(req, 'inspections.read');
      const p = await getAnnualPlan(ctx.db, ctx, req.params.id);
      if (!p) throw errors.notFound('年度检查计划');
      const [entries, counts] = await Promise.all([
        listAnnualEntries(ctx.db, ctx.actor.tenantId, p.id),
        entityCountsOfYear(ctx.db, { tenantId: ctx.actor.tenantId, orgId: p.org_id, year: p.year }),
      ]);
      return {
        data: {
          plan: presentAnnualPlan({ ...p, entries: entries.length }),
          entries: entries.map((e) => ({
            id: e.id,
            entityId: e.entity_id,
            entityName: e.entity_name,
            entityUscc: e.entity_uscc,
            kind: e.kind,
            month: e.month,
            note: e.note,
          })),
          counts: counts
            .map((c) => ({ entityId: c.entity_id, entityName: c.entity_name, inspections: Number(c.n), overCap: Number(c.n) > p.entity_cap }))
            .sort((a, b) => b.inspections - a.inspections || a.entityName.localeCompare(b.entityName)),
          source: SOURCES.cap,
        },
      };
    },
  );
  app.post(
    '/inspections/annual-plans/:id/entries',
    { schema: { tags, summary: '添加计划检查', params: Id, body: AnnualEntriesBody, response: { 201: Data(AnnualPlanView) } } },
    async (req, reply) => {
      const ctx = authorize(req, 'inspections.manage');
      await addAnnualEntries(ctx, req.params.id, req.body);
      const [p] = await listAnnualPlans(ctx, { id: req.params.id });
      return reply.code(201).send({ data: presentAnnualPlan(p!) });
    },
  );
}
