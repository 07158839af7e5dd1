import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useApi } from '../api/useApi';
import type { AuditEvent } from '../api/types';
import { formatInstant } from '../lib/format';
import { actionColor, noteValue } from '../lib/auditLabels';
import { entityActionLabel, entityFields, entityNoteLabel } from '../features/registry';
import { ErrorAlert } from './ErrorAlert';
import { FieldChangesTable, type FieldDisplay } from './FieldChangesTable';

interface Props extends FieldDisplay {
  /** Audit entity name, e.g. 'org', 'user', 'enforcement.case'. */
  entity: string;
  id: string;
}

/** 变更历史 — a record's audit events, newest first, with field-level before → after. */
export function RecordHistory({ entity, id, fieldLabels = entityFields(entity), renderValue }: Props) {
  const { data, error, loading, reload } = useApi<AuditEvent[]>(`/api/history/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active />;
  if (!data?.length) return <Empty description="暂无变更记录" />;
  const events = [...data].reverse();
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.seq,
        color: actionColor(e.action) === 'default' ? 'gray' : actionColor(e.action),
        content: (
          <Flex vertical gap={8} data-testid="history-event">
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{formatInstant(e.at)}</Typography.Text>
              <Typography.Text strong>{e.actorName}</Typography.Text>
              <Tag color={actionColor(e.action)}>{entityActionLabel(e.entity, e.action)}</Tag>
              <Typography.Text type="secondary">#{e.seq}</Typography.Text>
            </Flex>
            <EventNote entity={e.entity} note={e.changes.note} />
            <FieldChangesTable fields={e.changes.fields} fieldLabels={fieldLabels} renderValue={renderValue} />
          </Flex>
        ),
      }))}
    />
  );
}

/** The facts of an event that are not field changes (source, reason, counts …). */
export function EventNote({ entity, note }: { entity: string; note?: Record<string, unknown> }) {
  if (!note || !Object.keys(note).length) return null;
  return (
    <Typography.Text type="secondary">
      {Object.entries(note)
        .map(([k, v]) => `${entityNoteLabel(entity, k)}：${noteValue(k, v)}`)
        .join('；')}
    </Typography.Text>
  );
}
