/**
 * The audit log's export (审计日志 → 导出): one row per event of the filtered log, newest first,
 * under Chinese headers. The record type is named by its module's entity label and the verb by its
 * workflow's event label or the shared verbs below; what the server does not name stays as recorded.
 */
import type { AuditEvent } from '../../core/audit/audit.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';

export const auditListSpec = defineLedgerSpec({
  key: 'system-audit',
  title: '审计日志',
  columns: [
    { key: 'seq', header: '序号', type: 'int', required: true },
    { key: 'at', header: '时间', type: 'text', required: true },
    { key: 'actor', header: '操作人', type: 'text', required: true },
    { key: 'entity', header: '记录类型', type: 'text', required: true },
    { key: 'action', header: '动作', type: 'text', required: true },
    { key: 'record', header: '记录', type: 'text', required: true },
    { key: 'fields', header: '变更字段', type: 'text' },
  ],
} as const);
export type AuditListRow = RowOf<typeof auditListSpec>;

/** How the export names record types, verbs and changed fields (the owning module's labels, src/core/labels.ts). */
export interface AuditLabels {
  entity(entity: string): string;
  action(entity: string, action: string): string;
  field(entity: string, field: string): string;
}

/** `2022-03-01 09:30:05` in Beijing time. */
export function beijingTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** An event as a row of the export. */
export function auditListRow(e: AuditEvent, labels: AuditLabels): AuditListRow {
  return {
    seq: e.seq,
    at: beijingTime(e.at),
    actor: e.actorName,
    entity: labels.entity(e.entity),
    action: labels.action(e.entity, e.action),
    record: e.entityId,
    fields: e.changes.fields.length ? e.changes.fields.map((f) => labels.field(e.entity, f.field)).join('、') : null,
  };
}
