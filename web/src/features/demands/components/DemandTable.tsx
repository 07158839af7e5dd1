import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatInstant } from '../../../lib/format';
import { recordPath, type DemandItem } from '../api';
import { ClockTag } from './ClockTag';

interface Props {
  items: DemandItem[];
  loading?: boolean;
  /** Show the kind column (cross-module queue). */
  showKind?: boolean;
  extraColumns?: ColumnsType<DemandItem>;
  total?: number;
  page?: number;
  onPage?: (page: number) => void;
}

/** Demands in a table: number (link to the record page), matter, unit, due date with the clock's status. */
export function DemandTable({ items, loading, showKind, extraColumns = [], total, page, onPage }: Props) {
  const columns: ColumnsType<DemandItem> = [
    ...(showKind ? [{ title: '类别', dataIndex: 'kindLabel', width: 110 }] : []),
    { title: '编号', dataIndex: 'refNo', width: 200, render: (v: string, r) => <Link to={recordPath(r)}>{v}</Link> },
    { title: '事项', dataIndex: 'title', ellipsis: true, render: (v: string, r) => v || r.demandType || '—' },
    ...extraColumns,
    { title: '承办单位', dataIndex: 'orgName', width: 130 },
    { title: '承办人', dataIndex: 'assigneeName', width: 90, render: (v: string | null) => v ?? '—' },
    { title: '受理时间', dataIndex: 'receivedAt', width: 150, render: (v: string) => formatInstant(v).slice(0, 16) },
    { title: '状态', dataIndex: 'statusLabel', width: 90 },
    { title: '届满日', dataIndex: 'dueOn', width: 110, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: '时限', dataIndex: 'clockStatus', width: 96, render: (s: DemandItem['clockStatus']) => <ClockTag status={s} /> },
  ];
  return (
    <Table<DemandItem>
      rowKey="id"
      size="middle"
      data-testid="demand-table"
      loading={loading}
      dataSource={items}
      columns={columns}
      // Wider than its card (a narrow column, extra columns): the table scrolls, not the page.
      scroll={{ x: 'max-content' }}
      pagination={
        onPage
          ? { current: page, pageSize: 50, total, onChange: onPage, showTotal: (n) => `共 ${n} 件`, showSizeChanger: false }
          : { pageSize: 20, hideOnSinglePage: true }
      }
    />
  );
}
