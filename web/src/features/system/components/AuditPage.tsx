import { Flex, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AuditEvent } from '../../../api/types';
import { FieldChangesTable } from '../../../components/FieldChangesTable';
import { EventNote } from '../../../components/RecordHistory';
import { useListQuery } from '../../../components/useListQuery';
import { entityActionLabel, entityFields, entityLabel, entityLink, entityRecordLabel } from '../../../features/registry';
import { actionColor } from '../../../lib/auditLabels';
import { formatInstant } from '../../../lib/format';
import { AuditVerifyPanel } from './AuditVerifyPanel';
import { AuditLogFrame } from './AuditLogFrame';
import { searchOf } from './AuditSearchForm';

/**
 * 审计日志 — the tenant's hash-chained event log, newest first, with a chain check; searched by person,
 * time, record type, verb and record (the search in the URL), and exported as searched.
 */
export function AuditPage() {
  const query = useListQuery();
  return (
    <AuditLogFrame
      title="审计日志"
      description="所有重要操作按时间顺序记录，每条记录含前一条的哈希，任何改动都可被校验发现。"
      query={query}
      search={searchOf(query)}
      above={<AuditVerifyPanel />}
      table={{
        scrollX: 960,
        testId: 'audit-table',
        expandable: {
          rowExpandable: (e) => e.changes.fields.length > 0 || !!e.changes.note,
          expandedRowRender: (e) => (
            <Flex vertical gap={8} style={{ padding: '4px 0' }}>
              <EventNote entity={e.entity} note={e.changes.note} />
              <FieldChangesTable fields={e.changes.fields} fieldLabels={entityFields(e.entity)} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                哈希 {e.hash}；前序哈希 {e.prevHash}
                {e.requestId ? `；请求 ${e.requestId}` : ''}
              </Typography.Text>
            </Flex>
          ),
        },
        columns: [
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatInstant(at) },
          { title: '操作人', dataIndex: 'actorName', width: 120 },
          { title: '记录类型', dataIndex: 'entity', width: 130, render: (en: string) => entityLabel(en) },
          {
            title: '动作',
            dataIndex: 'action',
            width: 100,
            render: (a: string, e: AuditEvent) => <Tag color={actionColor(a)}>{entityActionLabel(e.entity, a)}</Tag>,
          },
          { title: '记录', dataIndex: 'entityId', render: (id: string, e) => <RecordRef entity={e.entity} id={id} /> },
          {
            title: '变更',
            key: 'changes',
            render: (_, e) => <Typography.Text type="secondary">{summary(e)}</Typography.Text>,
          },
        ],
      }}
    />
  );
}

/** '3 个字段：单位名称、单位类型…' — the fields an event changed, in Chinese where the feature names them. */
function summary(e: AuditEvent): string {
  const n = e.changes.fields.length;
  if (!n) return '—';
  const labels = entityFields(e.entity);
  const names = e.changes.fields.slice(0, 4).map((f) => labels[f.field] ?? f.field);
  return `${n} 个字段：${names.join('、')}${n > 4 ? '…' : ''}`;
}

/** The record an event is about, linked to its page when its feature declares one. */
function RecordRef({ entity, id }: { entity: string; id: string }) {
  const link = entityLink(entity, id);
  const short = /^[0-9a-f-]{36}$/.test(id) ? `${id.slice(0, 8)}…` : (entityRecordLabel(entity, id) ?? id);
  const text = <Tooltip title={id}>{short}</Tooltip>;
  return link ? <Link to={link}>{text}</Link> : text;
}
