import { Table } from 'antd';
import { Link } from 'react-router-dom';
import { formatValue } from '../../../lib/format';
import type { MetricDrill } from '../api';

interface Props {
  drill: MetricDrill;
  /** Rows per page (default 20). */
  pageSize?: number;
}

/** The records behind a figure, with the columns the server sends; the first column links to the record's page when the module has one. */
export function MetricDrillTable({ drill, pageSize = 20 }: Props) {
  const route = drill.recordRoute;
  return (
    <Table<Record<string, unknown>>
      size="small"
      rowKey={(r) => String(r.id ?? JSON.stringify(r))}
      dataSource={drill.rows}
      pagination={{ pageSize, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 条` }}
      scroll={{ x: 'max-content' }}
      data-testid="drill-records"
      columns={drill.columns.map((c, i) => ({
        title: c.title,
        dataIndex: c.key,
        render: (v: unknown, r: Record<string, unknown>) =>
          i === 0 && route && r.id ? <Link to={route.replace(':id', String(r.id))}>{formatValue(v)}</Link> : formatValue(v),
      }))}
    />
  );
}
