import { Button, Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { AuditEvent } from '../../../api/types';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FieldChangesTable } from '../../../components/FieldChangesTable';
import { PageTitle } from '../../../components/PageTitle';
import { EventNote } from '../../../components/RecordHistory';
import { useListQuery } from '../../../components/useListQuery';
import { entityActionLabel, entityFields, entityLabel, entityLink, entityRecordLabel } from '../../../features/registry';
import { actionColor } from '../../../lib/auditLabels';
import { formatInstant } from '../../../lib/format';
import { useAuditEvents } from '../hooks/useAuditEvents';
import { AuditVerifyPanel } from './AuditVerifyPanel';
import { AUDIT_EXPORT_CAP, AuditExportButton } from './AuditExportButton';
import { AuditSearchForm, searchOf } from './AuditSearchForm';

/**
 * 审计日志 — the tenant's hash-chained event log, newest first, with a chain check; searched by person,
 * time, record type, verb and record (the search in the URL), and exported as searched.
 */
export function AuditPage() {
  const query = useListQuery();
  const search = searchOf(query);
  const log = useAuditEvents(search);

  return (
    <>
      <PageTitle
        title="审计日志"
        description="所有重要操作按时间顺序记录，每条记录含前一条的哈希，任何改动都可被校验发现。"
        extra={
          <>
            <AuditExportButton search={search} disabled={!log.events.length} />
            <Button icon={<ReloadOutlined />} onClick={log.reload}>
              刷新
            </Button>
          </>
        }
      />
      <AuditVerifyPanel />
      <AuditSearchForm query={query} />
      <ErrorAlert error={log.error} onRetry={log.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<AuditEvent>
          rowKey="seq"
          size="small"
          loading={log.loading}
          dataSource={log.events}
          pagination={false}
          scroll={{ x: 960 }}
          data-testid="audit-table"
          expandable={{
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
          }}
          columns={[
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
          ]}
        />
        <Flex justify="center" align="center" gap={12} wrap style={{ padding: 12 }}>
          <Typography.Text type="secondary">导出按当前查询条件，单次至多 {AUDIT_EXPORT_CAP.toLocaleString('zh-CN')} 条</Typography.Text>
          {log.done ? (
            <Typography.Text type="secondary">已显示全部 {log.events.length} 条</Typography.Text>
          ) : (
            <Button onClick={log.loadMore} loading={log.loading}>
              加载更早的记录
            </Button>
          )}
        </Flex>
      </Card>
    </>
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
