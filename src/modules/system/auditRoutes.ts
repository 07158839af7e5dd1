import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { authorize } from '../../core/http.js';
import { listUsers } from '../../core/auth/users.js';
import { type AuditFilter, countEvents, recentEvents } from '../../core/audit/audit.js';
import { AuditEventList, auditEventView } from '../../core/audit/schemas.js';
import { errors } from '../../core/errors.js';
import { IsoDate } from '../../core/input.js';
import { assertExportable, LIST_EXPORT_CAP, sendListExport } from '../../core/lists.js';
import { Data, FileDownload } from '../../core/schemas.js';
import type { System } from '../../core/system.js';
import { type AuditLabels, auditListRow, auditListSpec } from './auditExport.js';
import { type EntityLabels, KERNEL_LABELS, SHARED_ACTION_LABELS } from '../../core/labels.js';

/** The audit log's search (issue 14 item 6): every filter in SQL, on an index (0009_audit_search.sql). */
const AuditFilters = {
  entity: Type.Optional(Type.String({ maxLength: 100, pattern: '^[a-z][a-z_.]*$', description: '记录类型（如 enforcement.case）' })),
  entityId: Type.Optional(Type.String({ maxLength: 200, description: '记录编号（完全一致）' })),
  actorId: Type.Optional(Type.String({ format: 'uuid', description: '操作人（用户ID）' })),
  action: Type.Optional(Type.String({ maxLength: 300, pattern: '^[a-z_]+(,[a-z_]+)*$', description: '动作，多个用逗号分隔（如 login,login_failed）' })),
  from: Type.Optional(IsoDate),
  to: Type.Optional(IsoDate),
};
const AuditQuery = Type.Object(AuditFilters);
type AuditQuery = Static<typeof AuditQuery>;

/** The start of a business day (Asia/Shanghai) as an instant. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** The query's filters: days as the span of instants from the first day's start to the day after the last; `to` before `from` → 400 naming `to`. */
export function auditFilterOf(q: AuditQuery): AuditFilter {
  if (q.from && q.to && q.to < q.from) throw errors.validation('to', '截止日不能早于起始日');
  return {
    entity: q.entity || undefined,
    entityId: q.entityId || undefined,
    actorId: q.actorId || undefined,
    actions: q.action ? q.action.split(',') : undefined,
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined,
  };
}

/**
 * How the export names record types, verbs and fields: the owning module's labels (the kernel's for its
 * own records), then its workflow's event names and the shared verbs; what none names stays as recorded.
 */
function labelsOf(sys: System): AuditLabels {
  const reg = sys.registry;
  const of = (e: string): EntityLabels | undefined => reg.entities.get(e) ?? (KERNEL_LABELS as Record<string, EntityLabels>)[e];
  return {
    entity: (e) => of(e)?.label ?? e,
    action: (e, a) => of(e)?.actions?.[a] ?? (reg.workflows.get(e)?.events as Record<string, string> | undefined)?.[a] ?? SHARED_ACTION_LABELS[a] ?? a,
    field: (e, f) => of(e)?.fields?.[f] ?? f,
  };
}

/** 审计日志 and 登录日志: the search, its export, and the people to search by. */
export async function auditRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['系统管理'];

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: '审计日志（最新在前；按记录类型、记录编号、操作人、动作、日期筛选；beforeSeq 翻页）',
        querystring: Type.Object({
          ...AuditFilters,
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          beforeSeq: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: Data(AuditEventList) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'system.audit.read');
      const events = await recentEvents(ctx.db, ctx.actor.tenantId, {
        ...auditFilterOf(req.query),
        limit: req.query.limit ?? 50,
        beforeSeq: req.query.beforeSeq,
      });
      return { data: events.map(auditEventView) };
    },
  );

  app.get(
    '/audit/export',
    {
      schema: {
        tags,
        summary: `导出审计日志的筛选结果（与查询同样的筛选，最新在前；至多 ${LIST_EXPORT_CAP} 条）`,
        querystring: Type.Object({ ...AuditFilters, format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])) }),
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, 'system.audit.read');
      const f = auditFilterOf(req.query);
      const events = await recentEvents(ctx.db, ctx.actor.tenantId, { ...f, limit: LIST_EXPORT_CAP + 1 });
      if (events.length > LIST_EXPORT_CAP) assertExportable(await countEvents(ctx.db, ctx.actor.tenantId, f));
      const labels = labelsOf(req.server.sys);
      const rows = events.map((e) => auditListRow(e, labels));
      return sendListExport(reply, { spec: auditListSpec, rows, title: '审计日志', today: ctx.clock.today(), format: req.query.format });
    },
  );

  app.get(
    '/audit/actors',
    {
      schema: {
        tags,
        summary: '可按其筛选审计日志的人员（本人数据范围内的用户）',
        response: { 200: Data(Type.Array(Type.Object({ id: Type.String(), name: Type.String(), username: Type.String() }))) },
      },
    },
    async (req) => {
      const ctx = authorize(req, 'system.audit.read');
      return { data: (await listUsers(ctx)).map((u) => ({ id: u.id, name: u.displayName, username: u.username })) };
    },
  );
}
