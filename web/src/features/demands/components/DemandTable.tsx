import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatInstant } from '../../../lib/format';
import { recordPath, type DemandItem } from '../api';
import { ClockTag } from './ClockTag';
import type { RecordColumn } from '../../../components/RecordList';

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

/**
 * The columns of a demand list: number (link to the record page, sortable), matter, the kind's own
 * columns, unit, person, receipt (sortable), status, due date (sortable), the clock, and — hidden
 * unless chosen — 办结时间 (sortable) and 地点. `sortKey`s are the server's sort whitelist.
 */
export function demandColumns({ showKind, extra = [] }: { showKind?: boolean; extra?: RecordColumn<DemandItem>[] }): RecordColumn<DemandItem>[] {
  return [
    ...(showKind ? [{ key: 'kindLabel', title: '类别', dataIndex: 'kindLabel', width: 110 }] : []),
    {
      key: 'refNo',
      title: '编号',
      dataIndex: 'refNo',
      width: 200,
      sortKey: 'refNo',
      fixedShown: true,
      render: (v: string, r: DemandItem) => <Link to={recordPath(r)}>{v}</Link>,
    },
    { key: 'title', title: '事项', dataIndex: 'title', ellipsis: true, render: (v: string, r: DemandItem) => v || r.demandType || '—' },
    ...extra,
    { key: 'orgName', title: '承办单位', dataIndex: 'orgName', width: 130 },
    { key: 'assigneeName', title: '承办人', dataIndex: 'assigneeName', width: 90, render: (v: string | null) => v ?? '—' },
    { key: 'receivedAt', title: '受理时间', dataIndex: 'receivedAt', width: 150, sortKey: 'receivedAt', render: (v: string) => formatInstant(v).slice(0, 16) },
    { key: 'statusLabel', title: '状态', dataIndex: 'statusLabel', width: 90 },
    { key: 'dueOn', title: '届满日', dataIndex: 'dueOn', width: 110, sortKey: 'dueOn', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { key: 'clockStatus', title: '时限', dataIndex: 'clockStatus', width: 96, render: (s: DemandItem['clockStatus']) => <ClockTag status={s} /> },
    {
      key: 'closedAt',
      title: '办结时间',
      dataIndex: 'closedAt',
      width: 150,
      sortKey: 'closedAt',
      defaultHidden: true,
      render: (v: string | null) => (v ? formatInstant(v).slice(0, 16) : '—'),
    },
    { key: 'location', title: '地点', dataIndex: 'location', width: 160, defaultHidden: true, ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];
}

/** Demands in a table (the work queue, a record's links): the list's columns without sort, filter or chooser. */
export function DemandTable({ items, loading, showKind, extraColumns = [], total, page, onPage }: Props) {
  const columns: ColumnsType<DemandItem> = demandColumns({
    showKind,
    extra: extraColumns.map((c, i) => ({ ...c, key: String(c.key ?? i), title: String(c.title) })),
  })
    .filter((c) => !c.defaultHidden)
    .map(({ sortKey: _s, filter: _f, defaultHidden: _h, fixedShown: _x, ...c }) => c);
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
