import { useMemo, useState } from 'react';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { yearTextSearch } from '../../../components/yearTextSearch';
import { CATEGORIES, LIC_PERMIT_LIST, STATUS_COLORS, STATUS_LABELS, type Permit, type PermitItem, type PermitStatus } from '../api';
import { NewPermitModal } from './NewPermitModal';

/**
 * 许可办件 on the one list component: permit cases newest received first; year received and text in the
 * search form, 许可事项, category and status as column filters, sort by 办件编号 and dates (server-side),
 * the query in the URL, and the export of exactly the filtered cases under the 行政许可办件 ledger's
 * headers. New applications are registered here.
 */
export function PermitListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const query = useListQuery();
  const items = useApi<PermitItem[]>('/api/licensing/items');
  const [creating, setCreating] = useState(false);
  const columns = useMemo<RecordColumn<Permit>[]>(
    () => [
      {
        key: 'caseNo',
        title: '办件编号',
        dataIndex: 'caseNo',
        width: 140,
        sortKey: 'caseNo',
        fixedShown: true,
        render: (v: string, p) => <Link to={`/licensing/permits/${p.id}`}>{v}</Link>,
      },
      {
        key: 'itemName',
        title: '许可事项',
        dataIndex: 'itemName',
        width: 220,
        ellipsis: true,
        filter: { param: 'itemId', options: (items.data ?? []).map((i) => ({ label: i.name, value: i.id })) },
      },
      {
        key: 'category',
        title: '类别',
        dataIndex: 'category',
        width: 100,
        filter: { param: 'category', options: CATEGORIES.map((c) => ({ label: c, value: c })) },
      },
      { key: 'applicant', title: '申请人', dataIndex: 'applicant', width: 220, ellipsis: true },
      { key: 'receivedOn', title: '收件日期', dataIndex: 'receivedOn', width: 110, sortKey: 'receivedOn' },
      {
        key: 'acceptedOn',
        title: '受理日期',
        dataIndex: 'acceptedOn',
        width: 110,
        sortKey: 'acceptedOn',
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
      },
      { key: 'dueOn', title: '承诺期限', dataIndex: 'dueOn', width: 110, sortKey: 'dueOn', render: (v: string | null) => v ?? '—' },
      {
        key: 'decidedOn',
        title: '决定日期',
        dataIndex: 'decidedOn',
        width: 120,
        sortKey: 'decidedOn',
        render: (v: string | null, p) =>
          v ? (
            <span>
              {v}
              {p.onTime === false ? (
                <Tag color="red" style={{ marginLeft: 4 }}>
                  超期
                </Tag>
              ) : null}
            </span>
          ) : (
            '—'
          ),
      },
      {
        key: 'status',
        title: '状态',
        dataIndex: 'status',
        width: 110,
        filter: { param: 'status', options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ label, value })) },
        render: (s: PermitStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
      },
    ],
    [items.data],
  );
  return (
    <>
      <PageTitle
        title="行政许可办件"
        description="受理前5个工作日内一次告知补正；在承诺时限内作出决定（法定时限为上限，听证、检测、专家评审时间不计入）；准予许可的10个工作日内发证、7个工作日内公示。"
        extra={
          can('licensing.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              收件登记
            </Button>
          ) : null
        }
      />
      <RecordList<Permit>
        listKey="licensing.permits"
        query={query}
        endpoint={LIC_PERMIT_LIST}
        exportEndpoint={`${LIC_PERMIT_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="件"
        testId="permits-table"
        {...yearTextSearch({ yearLabel: '收件年度', placeholder: '办件编号、申请人、文书号' })}
      />
      {creating ? <NewPermitModal onClose={() => setCreating(false)} onCreated={(p) => navigate(`/licensing/permits/${p.id}`)} /> : null}
    </>
  );
}
