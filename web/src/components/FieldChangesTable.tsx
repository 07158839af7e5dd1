import type { ReactNode } from 'react';
import { Table, Typography } from 'antd';
import type { FieldChange } from '../api/types';
import { formatValue } from '../lib/format';

export interface FieldDisplay {
  /** Chinese names of fields ('parentId' → '上级单位'); unknown fields show their key. */
  fieldLabels?: Record<string, string>;
  /** Renders a value (ids → names, codes → labels); default {@link formatValue}. */
  renderValue?: (field: string, value: unknown) => ReactNode;
}

interface Props extends FieldDisplay {
  fields: FieldChange[];
}

/** Field-level before → after of one audit event. */
export function FieldChangesTable({ fields, fieldLabels = {}, renderValue }: Props) {
  if (!fields.length) return null;
  const show = (field: string, v: unknown) => (renderValue ? renderValue(field, v) : formatValue(v));
  return (
    <Table<FieldChange>
      size="small"
      pagination={false}
      rowKey="field"
      dataSource={fields}
      columns={[
        { title: '字段', dataIndex: 'field', width: 140, render: (f: string) => fieldLabels[f] ?? f },
        { title: '修改前', dataIndex: 'before', render: (v: unknown, r) => <Typography.Text type="secondary">{show(r.field, v)}</Typography.Text> },
        { title: '修改后', dataIndex: 'after', render: (v: unknown, r) => show(r.field, v) },
      ]}
    />
  );
}
