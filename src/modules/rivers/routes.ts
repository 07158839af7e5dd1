import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Ctx } from '../../core/context.js';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { orgNames } from './input.js';
import * as repo from './repository.js';
import * as cmd from './commands.js';
import { readFieldSample, recordFieldSample } from './fieldSample.js';
import { presentAlert, presentRiver, presentSample } from './presenters.js';
import {
  BLACK_THRESHOLDS,
  CLASSES,
  DEFAULT_PERIOD_CLASS_METHOD,
  GB3838_LAKE_LIMITS,
  GB3838_LIMITS,
  PERIOD_CLASS_METHOD_KEYS,
  PERIOD_CLASS_METHODS,
  periodClass,
  WATER_TYPES,
  type PeriodClassMethod,
} from './rules.js';
import type { BlackGrade } from './rules.js';
import { Data } from '../../core/schemas.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { alertListRow, alertListSpec } from './alertExport.js';
import { samplesLedger } from './ledgers.js';
import {
  FieldSampleView,
  AlertListItemView,
  AlertView,
  RiverDetailView,
  RiverListItemView,
  RiverView,
  RulesView,
  SampleView,
  SampleWithAlertView,
} from './schemas.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Body = Type.Record(Type.String(), Type.Unknown());
const Versioned = Type.Object({ version: Type.Integer() }, { additionalProperties: true });
const Year = Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 }));
const tags = ['河涌水质'];

async function lookups(ctx: Ctx) {
  const [names, rivers, sections] = await Promise.all([orgNames(ctx.db, ctx.actor.tenantId), repo.listRivers(ctx), repo.listSections(ctx)]);
  return {
    names,
    rivers: new Map(rivers.map((r) => [r.id, r.name])),
    sections: new Map(sections.map((s) => [s.id, s.name])),
    types: new Map(rivers.map((r) => [r.id, r.water_type])),
    riverRows: rivers,
    sectionRows: sections,
  };
}

/** The sample list's filters (the query string's): river, year, 黑臭分级, 水质类别. */
const SampleListFilters = {
  riverId: Type.Optional(Type.String({ format: 'uuid' })),
  year: Year,
  grade: Type.Optional(Type.Union(['none', 'light', 'severe', 'black'].map((g) => Type.Literal(g)))),
  gbClass: Type.Optional(Type.Union(CLASSES.map((c) => Type.Literal(c)))),
};
const sampleListQuery = listExportQuerySchema(SampleListFilters, repo.SAMPLE_SORTABLE);
/** A sample list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function sampleFilterOf(q: Static<typeof sampleListQuery>): repo.SampleFilter {
  const y = q.year;
  return {
    riverId: q.riverId,
    grade: q.grade as BlackGrade | 'black' | undefined,
    gbClass: q.gbClass,
    ...(y ? { from: `${y}-01-01`, to: `${y}-12-31` } : {}),
    sort: sortOf(repo.SAMPLE_SORTABLE, q),
  };
}

/** The alert list's filters (the query string's): status, grade, river, unit, year, text. */
const AlertListFilters = {
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('handled')])),
  grade: Type.Optional(Type.Union([Type.Literal('light'), Type.Literal('severe')])),
  riverId: Type.Optional(Type.String({ format: 'uuid' })),
  orgId: Type.Optional(Type.String({ format: 'uuid', description: '责任单位' })),
  year: Year,
  q: Type.Optional(Type.String({ maxLength: 50, description: '预警内容（含河涌、断面、日期）' })),
};
const alertListQuery = listExportQuerySchema(AlertListFilters, repo.ALERT_SORTABLE);
/** An alert list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function alertFilterOf(q: Static<typeof alertListQuery>): repo.AlertFilter {
  return {
    status: q.status,
    grade: q.grade,
    riverId: q.riverId,
    orgId: q.orgId,
    year: q.year,
    q: q.q?.trim() || undefined,
    sort: sortOf(repo.ALERT_SORTABLE, q),
  };
}

/** 河涌水质 routes. */
export async function riversRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/rivers/rules',
    { schema: { tags, summary: '分类与黑臭判定标准（GB 3838-2002；2015年黑臭水体整治工作指南）', response: { 200: Data(RulesView) } } },
    async (req) => {
      authorize(req, 'rivers.read');
      return {
        data: {
          gb3838: GB3838_LIMITS,
          gb3838Lake: GB3838_LAKE_LIMITS,
          waterTypes: [...WATER_TYPES],
          periodClassMethods: PERIOD_CLASS_METHODS,
          blackOdour: BLACK_THRESHOLDS,
        },
      };
    },
  );

  app.get(
    '/rivers',
    {
      schema: {
        tags,
        summary: '河涌名录（含断面、当年黑臭次数与最近一次监测）',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 50 })), orgId: Type.Optional(Type.String({ format: 'uuid' })), year: Year }),
        response: { 200: Data(Type.Array(RiverListItemView)) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'rivers.read');
      const { names, riverRows, sectionRows } = await lookups(ctx);
      const rows = req.query.q || req.query.orgId ? await repo.listRivers(ctx, { q: req.query.q, orgId: req.query.orgId }) : riverRows;
      const year = req.query.year;
      const samples = await repo.listSamples(ctx, year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {});
      const open = await repo.listAlerts(ctx, { status: 'open' });
      return {
        data: rows.map((r) => {
          const mine = samples.filter((s) => s.river_id === r.id);
          return {
            ...presentRiver(r, names, sectionRows),
            samples: mine.length,
            blackSamples: mine.filter((s) => s.black_grade === 'light' || s.black_grade === 'severe').length,
            latest: mine[0] ? { sampledOn: mine[0].sampled_on, gbClass: mine[0].gb_class, blackGrade: mine[0].black_grade } : null,
            openAlerts: open.filter((a) => a.river_id === r.id).length,
          };
        }),
      };
    },
  );

  app.get(
    '/rivers/:id',
    {
      schema: {
        tags,
        summary: '河涌：断面、监测记录、趋势、断面时段类别（classMethod：worst_month 月均值最差月份法，默认；period_mean 时段均值法）、预警',
        params: Id,
        querystring: Type.Object({
          year: Year,
          classMethod: Type.Optional(Type.Union(PERIOD_CLASS_METHOD_KEYS.map((k) => Type.Literal(k)))),
        }),
        response: { 200: Data(RiverDetailView) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'rivers.read');
      const r = await repo.getRiver(ctx, req.params.id);
      if (!r) throw errors.notFound('河涌');
      const look = await lookups(ctx);
      const { names, rivers, sectionRows } = look;
      const year = req.query.year;
      const method = (req.query.classMethod ?? DEFAULT_PERIOD_CLASS_METHOD) as PeriodClassMethod;
      const samples = await repo.listSamples(ctx, { riverId: r.id, ...(year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {}) });
      const alerts = await repo.listAlerts(ctx, { riverId: r.id });
      const river = presentRiver(r, names, sectionRows);
      const n = (v: unknown) => (v == null ? null : Number(v));
      const sectionClasses = river.sections.map((s) => {
        const pc = periodClass(
          samples
            .filter((x) => x.section_id === s.id)
            .map((x) => ({
              sampledOn: x.sampled_on,
              do: n(x.do_mgl),
              codmn: n(x.codmn_mgl),
              cod: n(x.cod_mgl),
              bod5: n(x.bod5_mgl),
              nh3n: n(x.nh3n_mgl),
              tp: n(x.tp_mgl),
              tn: n(x.tn_mgl),
            })),
          { method, waterType: r.water_type },
        );
        return { sectionId: s.id, section: s.name, ...pc };
      });
      const can = (p: string) => ctx.actor.permissions.has(p);
      return {
        data: {
          ...river,
          samples: samples.map((s) => presentSample(s, look)),
          sectionClasses,
          alerts: alerts.map((a) => presentAlert(a, names, rivers)),
          actions: { edit: can('rivers.write'), sample: can('rivers.samples') },
        },
      };
    },
  );
  app.post('/rivers', { schema: { tags, summary: '新增河涌', body: Body, response: { 201: Data(RiverView) } } }, async (req, reply) => {
    const ctx = authorize(req, 'rivers.write');
    const row = await cmd.createRiver(ctx, req.body as cmd.RiverInput);
    const { names, sectionRows } = await lookups(ctx);
    return reply.code(201).send({ data: presentRiver(row, names, sectionRows) });
  });
  app.patch(
    '/rivers/:id',
    { schema: { tags, summary: '修改河涌（带 version）', params: Id, body: Versioned, response: { 200: Data(RiverView) } } },
    async (req) => {
      const ctx = authorize(req, 'rivers.write');
      const row = await cmd.updateRiver(ctx, req.params.id, req.body.version, req.body as cmd.RiverInput);
      const { names, sectionRows } = await lookups(ctx);
      return { data: presentRiver(row, names, sectionRows) };
    },
  );

  // ── 水质监测 ──
  app.get(
    '/water-samples',
    {
      schema: {
        tags,
        summary: '水质监测记录',
        querystring: Type.Object({
          riverId: Type.Optional(Type.String({ format: 'uuid' })),
          year: Year,
          grade: Type.Optional(Type.Union([Type.Literal('none'), Type.Literal('light'), Type.Literal('severe'), Type.Literal('black')])),
        }),
        response: { 200: Data(Type.Array(SampleView)) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'rivers.read');
      const look = await lookups(ctx);
      const y = req.query.year;
      const rows = await repo.listSamples(ctx, {
        riverId: req.query.riverId,
        grade: req.query.grade as BlackGrade | 'black',
        ...(y ? { from: `${y}-01-01`, to: `${y}-12-31` } : {}),
      });
      return { data: rows.map((s) => presentSample(s, look)) };
    },
  );
  // The sample list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/water-samples',
    title: '水质监测',
    unit: '次',
    permission: 'rivers.read',
    tags,
    filters: SampleListFilters,
    sortable: repo.SAMPLE_SORTABLE,
    filterOf: sampleFilterOf,
    page: repo.pageSamples,
    view: SampleView,
    present: async (ctx, rows) => {
      const look = await lookups(ctx);
      return rows.map((s) => presentSample(s, look));
    },
    export: ledgerExport(samplesLedger, repo.countSamples),
  });
  app.get(
    '/water-samples/:id',
    { schema: { tags, summary: '监测记录及其判定依据、预警', params: Id, response: { 200: Data(SampleWithAlertView) } } },
    async (req) => {
      const ctx = authorize(req, 'rivers.read');
      const s = await repo.getSample(ctx, req.params.id);
      if (!s) throw errors.notFound('监测记录');
      const look = await lookups(ctx);
      const { names, rivers } = look;
      const alerts = await repo.listAlerts(ctx, { sampleId: s.id });
      return { data: { ...presentSample(s, look), alert: alerts[0] ? presentAlert(alerts[0], names, rivers) : null } };
    },
  );
  app.post(
    '/water-samples',
    {
      schema: {
        tags,
        summary: '录入水质监测：按GB 3838-2002分类、按黑臭指南分级；黑臭即向河涌责任单位发出预警',
        body: Body,
        response: { 201: Data(SampleWithAlertView) },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'rivers.samples');
      const r = await cmd.recordSample(ctx, req.body as cmd.SampleInput);
      const look = await lookups(ctx);
      const { names, rivers } = look;
      return reply.code(201).send({ data: { ...presentSample(r.sample, look), alert: r.alert ? presentAlert(r.alert, names, rivers) : null } });
    },
  );

  app.post(
    '/water-samples/field',
    {
      schema: {
        tags,
        summary:
          '外勤水质采样：读数与一张照片（multipart：先 meta JSON {key, sha256, capturedAt, lat?, lng?, accuracy?, sample:{riverId, …}}，后 file）；照片摘要不符 400，同一 key 重试返回首次记录（200）',
        consumes: ['multipart/form-data'],
        response: { 200: Data(FieldSampleView), 201: Data(FieldSampleView) },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'rivers.samples');
      const { view, created } = await recordFieldSample(req.server.sys, ctx, await readFieldSample(req));
      return reply.code(created ? 201 : 200).send({ data: view });
    },
  );

  // ── 黑臭预警 ──
  app.get(
    '/river-alerts',
    {
      schema: {
        tags,
        summary: '黑臭预警（责任单位只见本单位的）',
        querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('handled')])) }),
        response: { 200: Data(Type.Array(AlertListItemView)) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'rivers.read');
      const { names, rivers } = await lookups(ctx);
      const can = ctx.actor.permissions.has('rivers.alerts');
      return {
        data: (await repo.listAlerts(ctx, { status: req.query.status })).map((a) => ({
          ...presentAlert(a, names, rivers),
          actions: { handle: can && a.status === 'open' },
        })),
      };
    },
  );
  // The alert list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/river-alerts',
    title: '黑臭预警',
    unit: '条',
    permission: 'rivers.read',
    tags,
    filters: AlertListFilters,
    sortable: repo.ALERT_SORTABLE,
    pageSize: 20,
    filterOf: (q) => alertFilterOf(q),
    page: repo.pageAlerts,
    view: AlertListItemView,
    present: async (ctx, rows) => {
      const { names, rivers } = await lookups(ctx);
      const can = ctx.actor.permissions.has('rivers.alerts');
      return rows.map((a) => ({ ...presentAlert(a, names, rivers), actions: { handle: can && a.status === 'open' } }));
    },
    export: {
      spec: alertListSpec,
      count: repo.countAlerts,
      rows: async (ctx, f) => {
        const { names, rivers } = await lookups(ctx);
        return (await repo.listAlerts(ctx, f)).map((a) => alertListRow(presentAlert(a, names, rivers)));
      },
    },
  });
  app.post(
    '/river-alerts/:id/handle',
    { schema: { tags, summary: '登记预警处置情况（带 version）', params: Id, body: Versioned, response: { 200: Data(AlertView) } } },
    async (req) => {
      const ctx = authorize(req, 'rivers.alerts');
      const row = await cmd.handleAlert(ctx, req.params.id, req.body.version, req.body as { note?: string });
      const { names, rivers } = await lookups(ctx);
      return { data: presentAlert(row, names, rivers) };
    },
  );
}
