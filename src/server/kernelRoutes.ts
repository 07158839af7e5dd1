import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize, ctxOf, sendFile } from '../core/http.js';
import { AppError, errors } from '../core/errors.js';
import { assertCleanText, IsoDate } from '../core/input.js';
import { history } from '../core/audit/audit.js';
import { lagTolerantDb } from '../core/context.js';
import { inScope } from '../core/scope.js';
import { addAttachment, listAttachments, readAttachment } from '../core/files/attachments.js';
import { importLedger, importTrace, recordFindings } from '../core/ledger/ledger.js';
import { getImport, importFile, listImports, undoImport } from '../core/ledger/imports.js';
import { templateXlsx, writeCsv, writeXlsx } from '../core/ledger/write.js';
import { matrixMarkdown, matrixRows } from '../core/workflow/index.js';
import { metricQuery as metricQueryOf, UNIT_LABELS, monthPeriod, yearPeriod, type MetricQuery } from '../core/metrics/registry.js';

import { Data, FileDownload } from '../core/schemas.js';
import { AuditEventList, auditEventView } from '../core/audit/schemas.js';
import {
  CalendarMonthView,
  DayInfoView,
  DeadlineExplanationView,
  ExplainedDeadlineView,
  MyDeadlinesView,
  TrackedDeadlineList,
} from '../core/calendar/schemas.js';
import {
  AttachmentList,
  AttachmentView,
  ImportDetailView,
  ImportPageView,
  ImportResultView,
  importView,
  LedgerList,
  MetricDrillView,
  MetricList,
  RecordFindingList,
  UndoImportView,
  WorkflowMatrixView,
  WorkflowSummaryList,
} from './kernelSchemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes every module shares: record history, attachments, ledgers, metrics, deadlines, the calendar. */
export async function kernelRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const sys = root.sys;

  /** The caller may read this record: its entity's read permission, and its owning org in scope (else 404). */
  const readableRecord = async (req: Parameters<typeof ctxOf>[0], entity: string, id: string) => {
    const ctx = ctxOf(req);
    const def = sys.registry.entities.get(entity);
    if (!def) throw errors.notFound('记录类型');
    if (!ctx.actor.permissions.has(def.readPermission)) throw errors.forbidden();
    const org = await def.ownerOrg(ctx.db, ctx.actor.tenantId, id);
    if (!org || !inScope(ctx.actor, org)) throw errors.notFound(def.label);
    return ctx;
  };

  // ── Workflows (the lifecycle matrices, for the legal office to review) ──
  app.get('/workflows', { schema: { tags: ['流程'], summary: '可查看的流程（每类记录一个）', response: { 200: Data(WorkflowSummaryList) } } }, async (req) => {
    const ctx = ctxOf(req);
    const data = [...sys.registry.workflows.values()]
      .filter((w) => ctx.actor.permissions.has(sys.registry.entities.get(w.key)?.readPermission ?? ''))
      .map((w) => ({ key: w.key, label: w.label, module: w.module, stages: w.stages, events: w.events }));
    return { data };
  });
  app.get(
    '/workflows/:key',
    {
      schema: {
        tags: ['流程'],
        summary: '流程矩阵（角色 × 阶段 × 环节 → 转入阶段、前置条件）',
        params: Type.Object({ key: Type.String({ maxLength: 100 }) }),
        response: { 200: Data(WorkflowMatrixView) },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const w = sys.registry.workflows.get(req.params.key);
      const entity = sys.registry.entities.get(req.params.key);
      if (!w || !entity) throw errors.notFound('流程');
      if (!ctx.actor.permissions.has(entity.readPermission)) throw errors.forbidden();
      return { data: { key: w.key, label: w.label, stages: w.stages, events: w.events, initial: w.initial, rows: matrixRows(w), markdown: matrixMarkdown(w) } };
    },
  );

  // ── Record history (the audit events of one record) ──
  app.get(
    '/history/:entity/:id',
    {
      schema: {
        tags: ['审计'],
        summary: '记录的变更历史',
        params: Type.Object({ entity: Type.String(), id: Type.String() }),
        response: { 200: Data(AuditEventList) },
      },
    },
    async (req) => {
      const ctx = await readableRecord(req, req.params.entity, req.params.id);
      const [events, imported] = await Promise.all([
        history(ctx.db, ctx.actor.tenantId, req.params.entity, req.params.id),
        importTrace(ctx.db, ctx.actor.tenantId, req.params.entity, req.params.id),
      ]);
      // Records taken in by a ledger import carry provenance rows instead of one event each.
      return { data: [...imported, ...events].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq).map(auditEventView) };
    },
  );
  app.get(
    '/findings/:entity/:id',
    {
      schema: {
        tags: ['审计'],
        summary: '记录的历史问题（导入时发现的违反规则之处）',
        params: Type.Object({ entity: Type.String({ maxLength: 100 }), id: Type.String({ maxLength: 100 }) }),
        response: { 200: Data(RecordFindingList) },
      },
    },
    async (req) => {
      const ctx = await readableRecord(req, req.params.entity, req.params.id);
      const findings = await recordFindings(ctx.db, ctx.actor.tenantId, req.params.entity, req.params.id);
      return { data: findings.map((f) => ({ ...f, at: new Date(f.at).toISOString() })) };
    },
  );

  // ── Attachments ──
  app.get(
    '/attachments',
    {
      schema: {
        tags: ['附件'],
        summary: '记录的附件',
        querystring: Type.Object({ entity: Type.String({ maxLength: 64 }), entityId: Type.String({ maxLength: 100 }) }),
        response: { 200: Data(AttachmentList) },
      },
    },
    async (req) => ({ data: await listAttachments(sys, ctxOf(req), req.query.entity, req.query.entityId) }),
  );
  app.post(
    '/attachments',
    {
      schema: {
        tags: ['附件'],
        summary: '上传附件（multipart: entity, entityId, file）',
        consumes: ['multipart/form-data'],
        response: { 201: Data(AttachmentView) },
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const part = await req.file();
      if (!part) throw errors.validation('file', '请选择要上传的文件');
      const data = await part.toBuffer();
      const field = (n: string) => {
        const f = part.fields[n] as { value?: unknown; valueTruncated?: boolean } | undefined;
        // The upload parser cuts a field at MULTIPART_FIELD_BYTES; a cut value is refused, never used.
        if (f?.valueTruncated) throw new AppError('TOO_LARGE', `字段“${n}”过长`, 413, { field: n });
        const v = typeof f?.value === 'string' ? f.value : '';
        assertCleanText(v, n);
        return v;
      };
      assertCleanText(part.filename, 'file');
      const a = await addAttachment(sys, ctx, { entity: field('entity'), entityId: field('entityId'), filename: part.filename, mime: part.mimetype, data });
      return reply.code(201).send({ data: a });
    },
  );
  app.get(
    '/attachments/:id/content',
    {
      schema: {
        tags: ['附件'],
        summary: '下载附件（仅限数据范围内）',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const { meta, data } = await readAttachment(sys, ctxOf(req), req.params.id);
      return sendFile(reply, data, meta.filename, meta.mime);
    },
  );

  // ── Ledgers (台账) ──
  app.get('/ledgers', { schema: { tags: ['台账'], summary: '可用的台账及其列', response: { 200: Data(LedgerList) } } }, async (req) => {
    const ctx = ctxOf(req);
    return {
      data: [...sys.registry.ledgers.values()]
        .filter((l) => ctx.actor.permissions.has(l.readPermission))
        .map((l) => ({
          key: l.spec.key,
          title: l.spec.title,
          module: l.module,
          canImport: ctx.actor.permissions.has(l.writePermission),
          columns: l.spec.columns.map((c) => ({ header: c.header, type: c.type, required: !!c.required, enum: c.enum ? [...c.enum] : null })),
        })),
    };
  });
  const ledgerOf = (key: string, need: 'read' | 'write', req: Parameters<typeof ctxOf>[0]) => {
    const def = sys.registry.ledgers.get(key);
    if (!def) throw errors.notFound('台账');
    const ctx = authorize(req, need === 'read' ? def.readPermission : def.writePermission);
    return { def, ctx };
  };
  app.get(
    '/ledgers/:key/template',
    { schema: { tags: ['台账'], summary: '空白模板（xlsx）', params: Type.Object({ key: Type.String() }), response: { 200: FileDownload } } },
    async (req, reply) => {
      const { def } = ledgerOf(req.params.key, 'read', req);
      return sendFile(reply, await templateXlsx(def.spec), `${def.spec.title}台账模板.xlsx`, XLSX);
    },
  );
  app.get(
    '/ledgers/:key/export',
    {
      schema: {
        tags: ['台账'],
        summary: '导出台账（xlsx 或 csv）',
        params: Type.Object({ key: Type.String() }),
        querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv'), Type.Literal('csv-gb18030')])) }),
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const { def, ctx } = ledgerOf(req.params.key, 'read', req);
      // An export tolerates replication lag: it reads the replica when there is one.
      const rows = (await def.exportRows({ ...ctx, db: lagTolerantDb(ctx) })) as Record<string, unknown>[];
      const fmt = req.query.format ?? 'xlsx';
      if (fmt === 'xlsx') return sendFile(reply, await writeXlsx(def.spec, rows), `${def.spec.title}台账.xlsx`, XLSX);
      return sendFile(reply, writeCsv(def.spec, rows, { encoding: fmt === 'csv' ? 'utf8-bom' : 'gb18030' }), `${def.spec.title}台账.csv`, 'text/csv');
    },
  );
  app.post(
    '/ledgers/:key/import',
    {
      schema: {
        tags: ['台账'],
        summary: '导入台账：dryRun=true 只预检（写入后回滚），否则全部成功才提交',
        params: Type.Object({ key: Type.String() }),
        querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean()) }),
        consumes: ['multipart/form-data'],
        response: { 200: Data(ImportResultView) },
      },
    },
    async (req) => {
      const { def, ctx } = ledgerOf(req.params.key, 'write', req);
      const part = await req.file();
      if (!part) throw errors.validation('file', '请选择要导入的文件');
      assertCleanText(part.filename, 'file');
      const data = await part.toBuffer();
      return { data: await importLedger(sys, ctx, def, { file: { data, filename: part.filename }, dryRun: req.query.dryRun, ownRequests: 1 }) };
    },
  );

  // ── Import history (导入记录) ──
  const readableLedgers = (req: Parameters<typeof ctxOf>[0]) => {
    const ctx = ctxOf(req);
    return { ctx, keys: [...sys.registry.ledgers.values()].filter((l) => ctx.actor.permissions.has(l.readPermission)).map((l) => l.spec.key) };
  };
  const ImportId = Type.Object({ id: Type.String({ format: 'uuid' }) });
  app.get(
    '/imports',
    {
      schema: {
        tags: ['台账'],
        summary: '导入记录（最新在前，按 before 翻页）',
        querystring: Type.Object({
          ledger: Type.Optional(Type.String({ maxLength: 64 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          beforeAt: Type.Optional(Type.String({ format: 'date-time' })),
          beforeId: Type.Optional(Type.String({ format: 'uuid' })),
        }),
        response: { 200: Data(ImportPageView) },
      },
    },
    async (req) => {
      const { ctx, keys } = readableLedgers(req);
      const q = req.query;
      const items = await listImports(ctx, keys, {
        ledger: q.ledger,
        limit: q.limit,
        before: q.beforeAt && q.beforeId ? { at: q.beforeAt, id: q.beforeId } : undefined,
      });
      const titles = new Map([...sys.registry.ledgers.values()].map((l) => [l.spec.key, l.spec.title]));
      return {
        data: {
          items: items.map((i) => {
            const def = sys.registry.ledgers.get(i.ledger);
            return importView(i, { ledgerTitle: titles.get(i.ledger) ?? i.ledger, canUndo: !!def?.undo && ctx.actor.permissions.has(def.writePermission) });
          }),
          next: items.length === (q.limit ?? 50) ? { beforeAt: items.at(-1)!.at.toISOString(), beforeId: items.at(-1)!.id } : null,
        },
      };
    },
  );
  const importOf = async (req: Parameters<typeof ctxOf>[0], id: string) => {
    const { ctx, keys } = readableLedgers(req);
    const r = await getImport(ctx, id);
    if (!keys.includes(r.ledger)) throw errors.notFound('导入记录');
    return { ctx, r };
  };
  app.get(
    '/imports/:id',
    { schema: { tags: ['台账'], summary: '一次导入：计数、历史问题、忽略的行', params: ImportId, response: { 200: Data(ImportDetailView) } } },
    async (req) => {
      const { ctx, r } = await importOf(req, req.params.id);
      const def = sys.registry.ledgers.get(r.ledger);
      return { data: importView(r, { ledgerTitle: def?.spec.title ?? r.ledger, canUndo: !!def?.undo && ctx.actor.permissions.has(def.writePermission) }) };
    },
  );
  app.get(
    '/imports/:id/file',
    { schema: { tags: ['台账'], summary: '下载导入的原始文件', params: ImportId, response: { 200: FileDownload } } },
    async (req, reply) => {
      const { ctx } = await importOf(req, req.params.id);
      const f = await importFile(ctx, sys.files, req.params.id);
      const mime = /\.csv$/i.test(f.filename) ? 'text/csv' : XLSX;
      return sendFile(reply, f.data, f.filename, mime);
    },
  );
  app.post(
    '/imports/:id/undo',
    {
      schema: {
        tags: ['台账'],
        summary: '撤销该台账最近一次导入（导入后无人在其记录上继续工作时）',
        params: ImportId,
        response: { 200: Data(UndoImportView) },
      },
    },
    async (req) => {
      const { ctx, r } = await importOf(req, req.params.id);
      const def = sys.registry.ledgers.get(r.ledger);
      if (!def) throw errors.notFound('台账');
      return { data: await undoImport(ctx, def, req.params.id) };
    },
  );

  // ── Metrics ──
  /** The first year the latest-year look-up goes back to (the product's earliest ledgers). */
  const FIRST_DATA_YEAR = 2018;
  const MetricQs = Type.Object({
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    month: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    orgId: Type.Optional(Type.String({ format: 'uuid' })),
  });
  const metricQuery = (req: Parameters<typeof ctxOf>[0], q: { year: number; month?: number; orgId?: string }): MetricQuery => {
    const ctx = authorize(req, 'system.metrics.read');
    let orgIds: readonly string[] | null = ctx.actor.scope.all ? null : ctx.actor.scope.orgIds;
    if (q.orgId) {
      if (!inScope(ctx.actor, q.orgId)) throw errors.notFound('单位');
      orgIds = [q.orgId];
    }
    return metricQueryOf(ctx, q.month ? monthPeriod(q.year, q.month) : yearPeriod(q.year), orgIds);
  };
  app.get(
    '/metrics',
    { schema: { tags: ['指标'], summary: '全部指标的值、定义与单位', querystring: MetricQs, response: { 200: Data(MetricList) } } },
    async (req) => {
      const q = metricQuery(req, req.query);
      const defs = await sys.registry.metrics.expand(q, ctxOf(req).actor);
      const values = await sys.registry.metrics.computeAll(q, defs);
      return {
        data: defs.map((d) => ({
          key: d.key,
          title: d.title,
          unit: d.unit,
          unitLabel: UNIT_LABELS[d.unit],
          definition: d.definition,
          value: values[d.key] ?? null,
        })),
      };
    },
  );
  app.get(
    '/metrics/latest-year',
    {
      schema: {
        tags: ['指标'],
        summary: `最近有数据的年份：某模块（缺省：全部模块）有当年记录的最近一年（计数指标不为零，登记簿、积压等明年也不为零的计数不算），自今年往前找到${FIRST_DATA_YEAR}年；没有则为空`,
        querystring: Type.Object({ module: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z0-9_]+$' })) }),
        response: { 200: Data(Type.Object({ year: Type.Union([Type.Integer(), Type.Null()]), current: Type.Integer() })) },
      },
    },
    async (req) => {
      const actor = ctxOf(req).actor;
      const current = Number(ctxOf(req).clock.today().slice(0, 4));
      const prefix = req.query.module ? `${req.query.module}.` : '';
      const counted = async (year: number) => {
        const q = metricQuery(req, { year });
        const defs = (await sys.registry.metrics.expand(q, actor)).filter((d) => d.unit === 'count' && d.key.startsWith(prefix));
        const values = await sys.registry.metrics.computeAll(q, defs);
        return new Set(Object.keys(values).filter((k) => typeof values[k] === 'number' && (values[k] as number) > 0));
      };
      // What a count shows even for next year (registers, the open backlog) is standing, not the year's records.
      const standing = await counted(current + 1);
      for (let year = current; year >= FIRST_DATA_YEAR; year--) {
        if ([...(await counted(year))].some((k) => !standing.has(k))) return { data: { year, current } };
      }
      return { data: { year: null, current } };
    },
  );
  app.get(
    '/metrics/:key/drill',
    {
      schema: {
        tags: ['指标'],
        summary: '指标的明细记录（下钻）',
        params: Type.Object({ key: Type.String() }),
        querystring: MetricQs,
        response: { 200: Data(MetricDrillView) },
      },
    },
    async (req) => {
      const def = sys.registry.metrics.resolve(req.params.key);
      if (!def) throw errors.notFound('指标');
      if (def.permission) authorize(req, def.permission);
      const q = metricQuery(req, req.query);
      const [value, drill] = await Promise.all([def.query(q), def.drill(q)]);
      return { data: { key: def.key, title: def.title, unit: def.unit, unitLabel: UNIT_LABELS[def.unit], definition: def.definition, value, ...drill } };
    },
  );

  // ── Deadlines and the calendar ──
  app.get(
    '/deadlines',
    {
      schema: {
        tags: ['期限'],
        summary: '未完成的期限（最早到期在前）',
        querystring: Type.Object({ module: Type.Optional(Type.String()) }),
        response: { 200: Data(TrackedDeadlineList) },
      },
    },
    async (req) => ({
      data: await sys.calendar.listOpen(ctxOf(req), { module: req.query.module }),
    }),
  );
  app.get(
    '/deadlines/mine',
    {
      schema: {
        tags: ['期限'],
        summary: '我的待办：本人承办的期限在前，其次本单位的（最早到期在前），以及已逾期和3个工作日内到期的件数',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }),
        response: { 200: Data(MyDeadlinesView) },
      },
    },
    async (req) => ({ data: await sys.calendar.listMine(ctxOf(req), { limit: req.query.limit }) }),
  );
  app.get(
    '/deadlines/:id',
    {
      schema: {
        tags: ['期限'],
        summary: '期限及其计算说明',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Data(ExplainedDeadlineView) },
      },
    },
    async (req) => ({
      data: await sys.calendar.explainTracked(ctxOf(req), req.params.id),
    }),
  );
  app.get(
    '/calendar/day/:date',
    { schema: { tags: ['期限'], summary: '某日是否工作日', params: Type.Object({ date: IsoDate }), response: { 200: Data(DayInfoView) } } },
    async (req) => {
      authorize(req, 'system.calendar.read');
      return { data: sys.calendar.current.dayInfo(req.params.date) };
    },
  );
  app.get(
    '/calendar/month/:month',
    {
      schema: {
        tags: ['期限'],
        summary: '某月每日的工作日信息（节假日、调休）',
        params: Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' }) }),
        response: { 200: Data(CalendarMonthView) },
      },
    },
    async (req) => {
      authorize(req, 'system.calendar.read');
      const [y, m] = req.params.month.split('-').map(Number) as [number, number];
      const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const cal = sys.calendar.current;
      return {
        data: {
          covered: cal.isCovered(y),
          days: Array.from({ length: days }, (_, i) => cal.dayInfo(`${req.params.month}-${String(i + 1).padStart(2, '0')}`)),
        },
      };
    },
  );
  app.get(
    '/calendar/explain',
    {
      schema: {
        tags: ['期限'],
        summary: '按规则推算期限并说明（工作日/自然日/月）',
        querystring: Type.Object({
          start: IsoDate,
          n: Type.Integer({ minimum: 0, maximum: 3650 }),
          unit: Type.Union([Type.Literal('workday'), Type.Literal('day'), Type.Literal('month')]),
          source: Type.Optional(Type.String()),
        }),
        response: { 200: Data(DeadlineExplanationView) },
      },
    },
    async (req) => {
      authorize(req, 'system.calendar.read');
      const { start, n, unit, source } = req.query;
      return {
        data: sys.calendar.explain({
          start,
          rule: { key: 'adhoc', label: '试算', unit, n, source: source ?? (unit === 'workday' ? '行政处罚法第八十五条' : '民事诉讼法第八十五条') },
        }),
      };
    },
  );
}
