import { Table, Typography } from 'antd';
import type { RowError } from '../api';

/** The preview's row errors: 行 (as in Excel, header = 1), 列, 值, 问题. */
export function ImportErrorsTable({ errors }: { errors: RowError[] }) {
  return (
    <Table<RowError>
      size="small"
      rowKey={(e, i) => `${e.row}:${e.column}:${i}`}
      dataSource={errors}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      data-testid="import-errors"
      columns={[
        { title: '行', dataIndex: 'row', width: 80, render: (r: number) => `第${r}行` },
        { title: '列', dataIndex: 'column', width: 180, render: (c: string) => c || '（整行）' },
        { title: '值', dataIndex: 'value', width: 200, render: (v?: string) => (v ? <Typography.Text code>{v}</Typography.Text> : '—') },
        { title: '问题', dataIndex: 'message', render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text> },
      ]}
    />
  );
}
