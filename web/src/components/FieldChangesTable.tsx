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

// On a phone the value columns are narrow: a short value such as （空） and the headers stay on one line.
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
const VALUE = { display: 'inline-block', minWidth: '3.5em' } as const;

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
        {
          title: <span style={NO_WRAP}>修改前</span>,
          dataIndex: 'before',
          render: (v: unknown, r) => (
            <Typography.Text type="secondary" style={VALUE}>
              {show(r.field, v)}
            </Typography.Text>
          ),
        },
        { title: <span style={NO_WRAP}>修改后</span>, dataIndex: 'after', render: (v: unknown, r) => <span style={VALUE}>{show(r.field, v)}</span> },
      ]}
    />
  );
}
