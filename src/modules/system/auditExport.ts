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

/**
 * Verbs every module shares (the web's lib/auditLabels.ts names them the same way) and the kernel's
 * own record types, for the export's Chinese columns.
 */
export const SHARED_ACTION_LABELS: Readonly<Record<string, string>> = {
  created: '新建',
  updated: '修改',
  deleted: '删除',
  imported: '导入',
  login: '登录',
  login_failed: '登录失败',
  locked: '锁定',
  logout: '退出登录',
  session_revoked: '注销会话',
  other_sessions_revoked: '退出其他设备',
  password_changed: '修改密码',
  password_reset: '重置密码',
  attachment_added: '上传附件',
  deadline_recomputed: '期限重算',
  sealed: '建立完整性基线',
  rekeyed: '更换加密密钥后重新记录',
  rolled_back: '导入未完成，已回滚',
  rotated: '更换密钥',
  revoked: '吊销',
  used: '接口调用',
};
export const KERNEL_ENTITY_LABELS: Readonly<Record<string, string>> = {
  tenant: '本局',
  'calendar.override': '节假日调整',
  'ledger.import': '台账导入',
};

/** How the export names record types and verbs: the registry's labels first, then the shared ones. */
export interface AuditLabels {
  entity(entity: string): string;
  action(entity: string, action: string): string;
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
    fields: e.changes.fields.length ? e.changes.fields.map((f) => f.field).join('、') : null,
  };
}
