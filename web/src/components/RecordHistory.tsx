import type { ReactNode } from 'react';
import { Empty, Flex, Skeleton, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useApi } from '../api/useApi';
import type { AuditEvent, FieldChange } from '../api/types';
import { formatInstant, formatValue } from '../lib/format';
import { actionColor, noteValue } from '../lib/auditLabels';
import { entityActionLabel, entityFields, entityNoteLabel } from '../features/registry';
import { ErrorAlert } from './ErrorAlert';
import { FieldChangesTable, type FieldDisplay } from './FieldChangesTable';
import { RecordFindings } from './RecordFindings';

interface Props extends FieldDisplay {
  /** Audit entity name, e.g. 'org', 'user', 'enforcement.case'. */
  entity: string;
  id: string;
}

/** Where an event of a record taken in by a ledger import came from (`changes.note` of `imported` / `import_updated`). */
interface ImportNote {
  importId: string;
  filename: string;
  row: number;
  undone: boolean;
}

const IMPORT_ACTIONS: Record<string, { label: string; color: string }> = {
  imported: { label: '台账导入', color: 'green' },
  import_updated: { label: '导入更新', color: 'blue' },
};

function importNoteOf(e: AuditEvent): ImportNote | null {
  const n = e.changes.note;
  if (!IMPORT_ACTIONS[e.action] || !n || typeof n.via !== 'string' || !n.via.startsWith('ledger:')) return null;
  return {
    importId: typeof n.importId === 'string' ? n.importId : '',
    filename: typeof n.filename === 'string' ? n.filename : '',
    row: typeof n.row === 'number' ? n.row : Number(n.row ?? 0),
    undone: n.undone === true,
  };
}

/**
 * 变更历史 — a record's audit events, newest first, with field-level before → after;
 * above them the record's 历史问题 ({@link RecordFindings}). Events of a ledger import
 * say which file and row the record came from.
 */
export function RecordHistory({ entity, id, fieldLabels = entityFields(entity), renderValue }: Props) {
  const { data, error, loading, reload } = useApi<AuditEvent[]>(`/api/history/${encodeURIComponent(entity)}/${encodeURIComponent(id)}`);
  const findings = <RecordFindings entity={entity} id={id} />;
  if (error)
    return (
      <>
        {findings}
        <ErrorAlert error={error} onRetry={reload} />
      </>
    );
  if (loading && !data) return <Skeleton active />;
  if (!data?.length)
    return (
      <>
        {findings}
        <Empty description="暂无变更记录" />
      </>
    );
  const events = [...data].reverse();
  return (
    <>
      {findings}
      <Timeline
        items={events.map((e, i) => {
          const imp = importNoteOf(e);
          const tag = imp ? IMPORT_ACTIONS[e.action] : undefined;
          const color = tag?.color ?? actionColor(e.action);
          return {
            key: `${e.action}:${e.seq}:${i}`,
            color: imp?.undone ? 'gray' : color === 'default' ? 'gray' : color,
            content: (
              <Flex vertical gap={8} data-testid="history-event">
                <Flex gap={8} align="center" wrap>
                  <Typography.Text type="secondary">{formatInstant(e.at)}</Typography.Text>
                  <Typography.Text strong>{e.actorName}</Typography.Text>
                  <Tag color={color}>{tag?.label ?? entityActionLabel(e.entity, e.action)}</Tag>
                  {imp ? null : <Typography.Text type="secondary">#{e.seq}</Typography.Text>}
                </Flex>
                {imp ? (
                  <>
                    <ImportLine action={e.action} note={imp} />
                    {e.action === 'imported' ? (
                      <ImportedValues fields={e.changes.fields} fieldLabels={fieldLabels} renderValue={renderValue} />
                    ) : (
                      <FieldChangesTable fields={e.changes.fields} fieldLabels={fieldLabels} renderValue={renderValue} />
                    )}
                  </>
                ) : (
                  <>
                    <EventNote entity={e.entity} note={e.changes.note} />
                    <FieldChangesTable fields={e.changes.fields} fieldLabels={fieldLabels} renderValue={renderValue} />
                  </>
                )}
              </Flex>
            ),
          };
        })}
      />
    </>
  );
}

/** 从台账文件「X」第N行导入 / 经台账导入更新（文件「X」第N行）, with a link to the import and whether it was undone. */
function ImportLine({ action, note }: { action: string; note: ImportNote }) {
  const text = action === 'imported' ? `从台账文件「${note.filename}」第${note.row}行导入` : `经台账导入更新（文件「${note.filename}」第${note.row}行）`;
  return (
    <Flex gap={8} align="center" wrap data-testid="history-import">
      <Typography.Text delete={note.undone}>{text}</Typography.Text>
      {note.undone ? <Typography.Text type="warning">（该次导入已撤销）</Typography.Text> : null}
      {note.importId ? <Link to={`/ledgers/imports?id=${encodeURIComponent(note.importId)}`}>查看导入记录</Link> : null}
    </Flex>
  );
}

/** The values a record was created with by an import (字段 → 导入值); empty ones are left out. */
function ImportedValues({ fields, fieldLabels = {}, renderValue }: { fields: FieldChange[] } & FieldDisplay) {
  const shown = fields.filter((f) => f.after !== null && f.after !== undefined && f.after !== '');
  if (!shown.length) return null;
  const show = (field: string, v: unknown): ReactNode => (renderValue ? renderValue(field, v) : formatValue(v));
  return (
    <Table<FieldChange>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={shown}
      columns={[
        { title: '字段', dataIndex: 'field', width: 140, render: (f: string) => fieldLabels[f] ?? f },
        { title: '导入值', dataIndex: 'after', render: (v: unknown, r) => show(r.field, v) },
      ]}
    />
  );
}

/** Note keys that carry internal keys or ids, not facts for the reader (rule keys of findings, an import's id). */
const HIDDEN_NOTES = new Set(['findingsByRule', 'importId', 'progressId', 'sampleId', 'drawId']);

/** The facts of an event that are not field changes (source, reason, counts …). */
export function EventNote({ entity, note }: { entity: string; note?: Record<string, unknown> }) {
  const entries = Object.entries(note ?? {}).filter(([k]) => !HIDDEN_NOTES.has(k));
  if (!entries.length) return null;
  return <Typography.Text type="secondary">{entries.map(([k, v]) => `${entityNoteLabel(entity, k)}：${noteValue(k, v)}`).join('；')}</Typography.Text>;
}
